"""The template composer: the update's structure, written only from events, the ledger and
settings."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from signalpipe.compose.doc import UpdateContext, build, one_money
from signalpipe.compose.markdown import body, document
from signalpipe.compose.template import TemplateComposer
from signalpipe.formatting import money
from signalpipe.kpis import observations
from signalpipe.models import EventType, Message, Polarity, Severity, SignificantEvent, Source
from signalpipe.periods import resolve
from signalpipe.settings import UpdateSettings


def event(t: EventType, sev: Severity, title: str, day: str = "2026-01-10",
          mid: str = "m1", polarity: Polarity = Polarity.POSITIVE,
          stakeholders: list[str] | None = None, impact: str = "",
          **metrics: float | str) -> SignificantEvent:
    return SignificantEvent(company_id="scaleflow", event_type=t, severity=sev, title=title,
                            metrics=dict(metrics), source_message_ids=[mid], evidence=title,
                            timeline=day, polarity=polarity, stakeholders=stakeholders or [],
                            impact=impact)


def msg(mid: str, day: str, source: Source = Source.SLACK) -> Message:
    return Message(id=mid, company_id="scaleflow", source=source, sender="Grace Singh",
                   subject="Board prep" if source is Source.GMAIL else None,
                   timestamp=datetime.fromisoformat(day).replace(tzinfo=UTC), text="x",
                   payload={"channel": "C042", "ts": "1736152412.000100"})


def arr_events() -> list[SignificantEvent]:
    return [event(EventType.REVENUE_MILESTONE, Severity.HIGH, f"ARR reached {money(v)}", d,
                  m, arr_usd=v)
            for v, d, m in ((1.5e6, "2026-01-03", "a1"), (1.8e6, "2026-01-09", "a2"),
                            (2.4e6, "2026-01-20", "a3"), (3e6, "2026-01-28", "a4"))]


def context(events: list[SignificantEvent], **settings: object) -> UpdateContext:
    ids = {i for e in events for i in e.source_message_ids}
    messages = {i: msg(i, e.timeline or "2026-01-01", Source.GMAIL if i.startswith("g")
                       else Source.SLACK) for e in events for i in e.source_message_ids
                if i in ids}
    return UpdateContext(period=resolve("2026-01"), kpi_rows=observations(events),
                         messages=messages, settings=UpdateSettings.model_validate(settings))


def test_progressions_merge_and_the_subject_names_the_latest_value() -> None:
    events = arr_events()
    doc = build(events, company_id="scaleflow", context=context(events))
    text = body(doc)
    assert doc.subject == "Scaleflow update, January 2026: ARR at $3M"
    assert "ARR $1.5M → $3M (+100%)" in text
    assert "$1.8M" not in text.split("## Highlights")[1].split("---")[0]  # merged, not listed


def test_a_kpi_that_went_the_wrong_way_is_a_lowlight() -> None:
    events = [event(EventType.CUSTOMER_SUCCESS, Severity.MEDIUM, f"NRR hit {v}%", d, m, nrr=v)
              for v, d, m in ((124, "2026-01-07", "n1"), (111, "2026-01-18", "n2"))]
    events += [event(EventType.TECHNICAL_ACHIEVEMENT, Severity.LOW, f"p95 at {v} ms", d, m,
                     p95_latency_ms=v)
               for v, d, m in ((450, "2026-01-05", "l1"), (120, "2026-01-19", "l2"))]
    text = body(build(events, company_id="scaleflow", context=context(events)))
    highlights, lowlights = text.split("## Highlights")[1].split("## Lowlights")
    assert "Net revenue retention 124% → 111%" in lowlights.split("##")[0]
    assert "Net revenue retention" not in highlights
    assert "p95 latency 450 ms → 120 ms" in highlights  # lower is better
    only_nrr = events[:2]
    doc = build(only_nrr, company_id="scaleflow", context=context(only_nrr))
    assert "Net revenue retention at" not in doc.subject  # a fall is no subject line


def test_highlights_by_significance_then_date_lowlights_team_product() -> None:
    events = [event(EventType.PARTNERSHIP, Severity.MEDIUM, "Partnership with Wise", "2026-01-05",
                    "p1"),
              event(EventType.ENTERPRISE_DEAL, Severity.MEDIUM, "Signed Globex Pharma",
                    "2026-01-20", "p2", stakeholders=["Globex Pharma"]),
              event(EventType.FUNDING, Severity.HIGH, "Raised $1460k seed", "2026-01-02", "p3",
                    amount_usd=1_460_000),
              event(EventType.ENTERPRISE_DEAL, Severity.HIGH, "Lost the Initech renewal",
                    "2026-01-15", "p4", polarity=Polarity.NEGATIVE,
                    impact="Moving Initech's users to the new plan"),
              event(EventType.HIRING, Severity.MEDIUM, "Hired Dana Wu as VP Sales",
                    "2026-01-07", "p5", stakeholders=["Dana Wu"]),
              event(EventType.HIRING, Severity.MEDIUM, "Hired Tiger Global as Partner",
                    "2026-01-07", "p6", stakeholders=["Tiger Global"]),
              event(EventType.PRODUCT_LAUNCH, Severity.MEDIUM, "Launched Connect", "2026-01-08",
                    "p7")]
    text = body(build(events, company_id="scaleflow", context=context(events)))
    high = text.index("Raised $1.46M seed")  # money written one way
    assert high < text.index("Signed Globex Pharma") < text.index("Partnership with Wise")
    lowlights = text.split("## Lowlights")[1].split("##")[0]
    assert "Lost the Initech renewal. What we are doing: Moving Initech's users" in lowlights
    assert "Dana Wu joined as VP Sales" in text and "Tiger Global" not in text
    assert "## Product" in text and "Launched Connect" in text
    assert "Cash" not in text and "## Asks" not in text  # never invented


def test_asks_cash_and_runway_come_from_settings() -> None:
    events = arr_events()
    ctx = context(events, asks=["Intros to logistics CFOs"], cash="$2.4M", runway="18 months",
                  sender_name="Maya Schmidt", sender_title="CEO")
    text = body(build(events, company_id="scaleflow", context=ctx))
    assert "- Intros to logistics CFOs" in text
    assert "Cash in the bank: $2.4M" in text and "Runway: 18 months" in text
    assert "Maya Schmidt  \nCEO, Scaleflow" in text and "team" not in text.lower()


def test_investor_names_are_summarised_unless_disclosed() -> None:
    events = [event(EventType.INVESTOR_INTEREST, Severity.MEDIUM, f"Inbound interest from {f}",
                    "2026-01-09", f"i{n}", stakeholders=[f])
              for n, f in enumerate(("Benchmark", "Sequoia"))]
    private = body(build(events, company_id="scaleflow", context=context(events)))
    assert "Two inbound conversations with investors" in private
    assert "Benchmark" not in private and "Sequoia" not in private
    shown = body(build(events, company_id="scaleflow",
                       context=context(events, disclose_investors=True)))
    assert "Inbound interest from Benchmark" in shown


def test_every_figure_carries_a_citation_with_date_sender_and_link() -> None:
    events = [*arr_events(), event(EventType.FUNDING, Severity.HIGH, "Raised $12M Series A",
                                   "2026-01-12", "g1", amount_usd=12e6)]
    ctx = context(events, slack_workspace_url="https://acme.slack.com")
    text = body(build(events, company_id="scaleflow", context=ctx))
    main, notes = text.split("\n---\n")
    for line in main.splitlines():
        if re.search(r"\$\d|\d%", line) and not line.startswith("|---"):
            assert "[^" in line, f"uncited figure: {line}"
    assert "https://acme.slack.com/archives/C042/p1736152412000100" in notes
    assert "email from Grace Singh, \"Board prep\", Message-ID g1" in notes
    assert "&lt;" not in notes
    numbers = [int(n) for n in re.findall(r"^\[\^(\d+)\]:", notes, re.M)]
    assert numbers == list(range(1, len(numbers) + 1))


def test_events_outside_the_period_are_left_out() -> None:
    events = [*arr_events(), event(EventType.PARTNERSHIP, Severity.HIGH, "Partnership with Wise",
                                   "2026-02-03", "w1")]
    text = document(build(events, company_id="scaleflow", context=context(events)))
    assert "Wise" not in text


def test_no_events_says_so_without_inventing() -> None:
    email = TemplateComposer().compose([], company_id="scaleflow")
    assert "nothing new to report" in email.body
    assert not re.search(r"\d", email.body)


def test_money_formatting() -> None:
    assert (money(12_000_000), money(2_500_000_000), money(750_000), money(12)) == (
        "$12M", "$2.5B", "$750K", "$12")
    assert one_money("$1460k ACV and $1.46 million and $200k") == "$1.46M ACV and $1.46M and $200K"


def test_the_company_is_named_as_its_messages_write_it() -> None:
    events = [*arr_events(), event(EventType.PRODUCT_LAUNCH, Severity.HIGH,
                                   "Launched ScaleFlow 2.0", "2026-01-12", "l1")]
    doc = build(events, company_id="scaleflow", context=context(events))
    assert doc.subject.startswith("ScaleFlow update, January 2026")
    assert "Here is ScaleFlow's update" in body(doc)
    # the setting wins; a lower-case handle or domain never does
    named = build(events, company_id="scaleflow",
                  context=context(events, company_name="Scaleflow Labs"))
    assert named.company == "Scaleflow Labs"
    quiet = [event(EventType.PRODUCT_LAUNCH, Severity.HIGH, "Moved docs to scaleflow.io")]
    assert build(quiet, company_id="scaleflow", context=context(quiet)).company == "Scaleflow"
    assert any("update.company_name is not set" in n and "'Scaleflow'" in n
               for n in build(quiet, company_id="scaleflow", context=context(quiet)).notes)
    assert not any("company_name" in n for n in named.notes)


def test_a_run_rate_stated_later_supersedes_the_other_unit() -> None:
    events = [event(EventType.REVENUE_MILESTONE, Severity.HIGH, "ARR reached $10K",
                    "2026-01-05", "r1", arr_usd=10_000),
              event(EventType.REVENUE_MILESTONE, Severity.HIGH, "MRR reached $4K",
                    "2026-01-20", "r2", mrr_usd=4_000)]
    doc = build(events, company_id="scaleflow", context=context(events))
    assert [line.metric for line, _ in doc.kpis] == ["mrr"]
    same_day = [*events, event(EventType.REVENUE_MILESTONE, Severity.HIGH, "ARR at $48K",
                               "2026-01-20", "r3", arr_usd=48_000)]
    both = build(same_day, company_id="scaleflow", context=context(same_day))
    assert [line.metric for line, _ in both.kpis] == ["arr", "mrr"]


def test_a_launch_told_only_by_its_platform_joins_the_named_launch_of_that_day() -> None:
    events = [event(EventType.PRODUCT_LAUNCH, Severity.HIGH, "Launched ScaleFlow 2.0",
                    "2026-01-12", "l1", product="ScaleFlow 2.0"),
              event(EventType.PRODUCT_LAUNCH, Severity.MEDIUM, "Launched on Product Hunt",
                    "2026-01-12", "l2"),
              event(EventType.PRODUCT_LAUNCH, Severity.MEDIUM, "Launched on Hacker News",
                    "2026-01-20", "l3")]
    text = body(build(events, company_id="scaleflow", context=context(events)))
    product = text.split("## Product")[1].split("##")[0]
    assert "Launched ScaleFlow 2.0 on Product Hunt[^1][^2]" in product
    assert "Launched on Product Hunt" not in product
    assert "Launched on Hacker News" in product  # no named launch that day: kept as it is


def test_a_verb_before_a_name_is_not_taken_into_the_name() -> None:
    # the evidence "Signed Globex for €120k" had made the item "Signed Signed Globex (€120k)"
    deal = SignificantEvent(company_id="scaleflow", event_type=EventType.ENTERPRISE_DEAL,
                            severity=Severity.HIGH, title="Signed Globex (€120k)",
                            metrics={"customer": "globex"}, source_message_ids=["m1"],
                            evidence="Signed Globex for €120k a year", timeline="2026-01-10",
                            stakeholders=["Globex"])
    press = event(EventType.MEDIA_COVERAGE, Severity.MEDIUM, "Coverage in York Times",
                  mid="m2", stakeholders=["York Times"])
    press = press.model_copy(update={"evidence": "The New York Times ran our story"})
    text = body(build([deal, press], company_id="scaleflow", context=context([deal, press])))
    assert "Signed Globex (€120k)" in text and "Signed Signed" not in text
    assert "Coverage in New York Times" in text


def test_a_verb_that_starts_the_evidence_is_not_taken_into_the_name() -> None:
    # "Closed Vertex Bank ($1,460,000 ACV)" had made the item "Signed Closed Vertex Bank ($1.46M)"
    deal = SignificantEvent(company_id="scaleflow", event_type=EventType.ENTERPRISE_DEAL,
                            severity=Severity.HIGH, title="Signed Vertex Bank ($1.46M)",
                            metrics={"customer": "Vertex Bank", "value_usd": 1460000},
                            source_message_ids=["m1"], timeline="2026-01-10",
                            evidence="What a day: Closed Vertex Bank ($1,460,000 ACV)",
                            stakeholders=["Vertex Bank"])
    text = body(build([deal], company_id="scaleflow", context=context([deal])))
    assert "Signed Vertex Bank ($1.46M)" in text and "Signed Closed" not in text
