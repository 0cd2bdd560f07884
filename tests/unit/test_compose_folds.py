"""Two tellings of one thing read as one: a review named by a first name and a full name, a
launch told by its platform and by its name, in the update and in the report page."""

from __future__ import annotations

from signalpipe.compose.doc import build
from signalpipe.compose.markdown import body
from signalpipe.folds import fold_name_prefixes, same_name
from signalpipe.kpis import event_date
from signalpipe.models import EventType, Severity, SignificantEvent
from signalpipe.report.page import render_page
from tests.unit.test_compose_template import context, event


def coverage(who: str, day: str, mid: str) -> SignificantEvent:
    return event(EventType.MEDIA_COVERAGE, Severity.MEDIUM, f"Coverage by {who}", day, mid,
                 stakeholders=[who], publication=who)


def test_names_match_by_whole_leading_words_and_possessives() -> None:
    assert same_name("Jeff", "Jeff Geerling")
    assert same_name("Acme Corp", "Acme")
    assert same_name("Jeff's", "jeff geerling")
    assert not same_name("Jeff", "Jeffrey Geerling")
    assert not same_name("Acme", "Globex Acme")


def test_a_review_told_by_first_and_full_name_is_one_highlight_citing_both() -> None:
    events = [coverage("Jeff Geerling", "2026-01-07", "c1"), coverage("Jeff", "2026-01-07", "c2"),
              coverage("TechCrunch", "2026-01-07", "c3")]
    text = body(build(events, company_id="scaleflow", context=context(events)))
    highlights = text.split("## Highlights")[1].split("##")[0]
    assert "- Coverage by Jeff Geerling[^1][^2]" in highlights
    assert "Coverage by Jeff[" not in highlights
    assert "Coverage by TechCrunch" in highlights


def test_editions_of_a_product_stay_two_launches() -> None:
    events = [event(EventType.PRODUCT_LAUNCH, Severity.HIGH, "Launched TinyPilot", "2026-01-05",
                    "p1", stakeholders=["TinyPilot"], product="TinyPilot"),
              event(EventType.PRODUCT_LAUNCH, Severity.HIGH, "Launched TinyPilot Pro",
                    "2026-01-20", "p2", stakeholders=["TinyPilot Pro"], product="TinyPilot Pro")]
    product = body(build(events, company_id="scaleflow", context=context(events))
                   ).split("## Product")[1]
    assert "Launched TinyPilot[" in product and "Launched TinyPilot Pro[" in product


def test_the_report_folds_only_on_one_day() -> None:
    events = [coverage("Jeff", "2026-01-07", "c1"), coverage("Jeff Geerling", "2026-01-07", "c2"),
              coverage("Jeff", "2026-03-01", "c3")]
    folded = fold_name_prefixes([(e, event_date(e)) for e in events], same_day=True)
    assert [(e.title, e.source_message_ids) for e, _ in folded] == [
        ("Coverage by Jeff Geerling", ["c2", "c1"]), ("Coverage by Jeff", ["c3"])]


def test_the_report_page_shows_one_launch_and_one_review_per_day() -> None:
    events = [event(EventType.PRODUCT_LAUNCH, Severity.HIGH, "Launched ScaleFlow 2.0",
                    "2026-01-12", "l1", product="ScaleFlow 2.0"),
              event(EventType.PRODUCT_LAUNCH, Severity.MEDIUM, "Launched on Product Hunt",
                    "2026-01-12", "l2"),
              coverage("Jeff", "2026-01-07", "c1"), coverage("Jeff Geerling", "2026-01-07", "c2")]
    page = render_page(company_id="scaleflow", stats=None, events=events, letters=[],
                       kpi_rows=[])
    table = page.split('<table id="events">')[1]
    assert "Launched ScaleFlow 2.0 on Product Hunt" in table
    assert "Launched on Product Hunt" not in table
    assert "Coverage by Jeff Geerling" in table and "Coverage by Jeff<" not in table
    assert "<tr><td>Events stored</td><td>4</td></tr>" in page  # the store keeps all four


def test_one_title_told_by_two_messages_on_one_day_is_one_row() -> None:
    sold = [event(EventType.OTHER, Severity.MEDIUM, "Sold TinyPilot", "2026-01-29", mid,
                  subtype="divestiture") for mid in ("s1", "s2")]
    folded = fold_name_prefixes([(e, event_date(e)) for e in sold], same_day=True)
    assert [(e.title, e.source_message_ids) for e, _ in folded] == [
        ("Sold TinyPilot", ["s1", "s2"])]
