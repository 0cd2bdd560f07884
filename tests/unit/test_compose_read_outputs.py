"""The update and the outreach email as an investor reads them (found by reading TinyPilot's): a
KPI stated once is its value, not a change of zero, and a long section says how many it left out
without pointing at a file only the founder has."""

from __future__ import annotations

from dataclasses import replace

from signalpipe.compose.doc import build
from signalpipe.compose.markdown import body
from signalpipe.models import EventType, Polarity, Severity
from signalpipe.periods import resolve
from tests.unit.test_compose_template import context, event


def test_outreach_states_a_kpi_that_has_not_moved_as_its_value() -> None:
    events = [event(EventType.REVENUE_MILESTONE, Severity.HIGH, "Annual revenue reached $812k",
                    "2026-01-10", m, annual_revenue_usd=812_000) for m in ("r1", "r2")]
    ctx = replace(context(events), kind="outreach", to="Sam Rivera <sam@seedfund.vc>",
                  period=resolve("2026"))
    text = body(build(events, company_id="tinypilot", context=ctx))
    assert "Annual revenue $812K" in text
    assert "→" not in text and "+0%" not in text


def test_a_capped_section_names_no_local_file() -> None:
    events = [event(EventType.PRODUCT_LAUNCH, Severity.MEDIUM, f"Launched Widget {n}",
                    f"2026-01-{n + 1:02d}", f"p{n}", product=f"Widget {n}") for n in range(12)]
    text = body(build(events, company_id="scaleflow", context=context(events)))
    assert "- and 6 more" in text
    assert "output/" not in text and "run report" not in text


def test_the_subject_line_leads_with_news_that_has_a_figure() -> None:
    events = [event(EventType.USER_GROWTH, Severity.MEDIUM, "Reached 100 daily active readers",
                    "2026-01-02", "u1", daily_active_readers=100),
              event(EventType.USER_GROWTH, Severity.MEDIUM, "Best day and best week ever",
                    "2026-01-15", "u2", record="Best day and best week ever"),
              event(EventType.PRODUCT_LAUNCH, Severity.MEDIUM, "Launched on Firefox",
                    "2026-01-29", "p1")]
    doc = build(events, company_id="readup", context=context(events))
    assert doc.subject == "Readup update, January 2026: Reached 100 daily active readers"
    more = [event(EventType.FUNDING, Severity.HIGH, "First verbal investment offer",
                  "2026-01-05", "f1", stage="verbal offer"), *events]
    doc = build(more, company_id="readup", context=context(more))
    assert doc.subject.endswith(": First verbal investment offer")  # the most severe leads


def test_an_announcements_verb_is_not_part_of_the_products_name() -> None:
    launch = event(EventType.PRODUCT_LAUNCH, Severity.MEDIUM, "Launched Content Hub",
                   "2026-01-03", "p1", product="Content Hub")
    launch = launch.model_copy(update={
        "stakeholders": ["Content Hub"],
        "evidence": "More big news! Our CMS is now part of a brand new Hub. * Introducing Content"
                    " Hub. Content Hub is a place for all of your content."})
    text = body(build([launch], company_id="hubspot", context=context([launch])))
    assert "- Launched Content Hub[^1]" in text  # was "Launched Introducing Content Hub"


def test_a_kpi_set_back_later_in_the_period_is_no_subject_line() -> None:
    events = [event(EventType.REVENUE_MILESTONE, Severity.HIGH, "Revenue reached $15k",
                    "2026-01-05", "r1", monthly_revenue_usd=15_000),
              event(EventType.REVENUE_MILESTONE, Severity.HIGH, "Monthly revenue reached $42k",
                    "2026-02-04", "r2", monthly_revenue_usd=42_000),
              event(EventType.REVENUE_MILESTONE, Severity.HIGH, "Revenue fell 21% to $33k",
                    "2026-03-03", "r3", polarity=Polarity.NEGATIVE, missed="revenues",
                    figure_usd=33_000),
              event(EventType.PRODUCT_LAUNCH, Severity.MEDIUM, "Launched TinyPilot Pro",
                    "2026-01-05", "p1", product="TinyPilot Pro")]
    ctx = replace(context(events), period=resolve("2026-Q1"))
    doc = build(events, company_id="tinypilot", context=ctx)
    assert doc.subject == "TinyPilot update, Q1 2026: Launched TinyPilot Pro"  # not "at $42K"
    calm = events[:2] + events[3:]
    doc = build(calm, company_id="tinypilot", context=replace(context(calm),
                                                              period=resolve("2026-Q1")))
    assert doc.subject == "TinyPilot update, Q1 2026: Monthly revenue at $42K"


def test_outreach_calls_no_offer_a_round() -> None:
    offer = event(EventType.FUNDING, Severity.HIGH, "First verbal investment offer",
                  "2026-01-05", "f1", stage="verbal offer")
    ctx = replace(context([offer]), kind="outreach", to="Sam Rivera <sam@seedfund.vc>")
    text = body(build([offer], company_id="readup", context=ctx))
    assert "Most recent round" not in text
    closed = event(EventType.FUNDING, Severity.HIGH, "Closed a $2M seed round", "2026-01-20",
                   "f2", amount_usd=2_000_000, round="seed")
    ctx = replace(context([offer, closed]), kind="outreach", to="Sam Rivera <sam@seedfund.vc>")
    text = body(build([offer, closed], company_id="readup", context=ctx))
    assert "- Most recent round: $2M Seed" in text
