"""A bare "revenue" figure and the qualified revenue a company also states are one story: the
ledger names them alike, so the update has one row and one progression."""

from __future__ import annotations

from datetime import date

from signalpipe.compose.doc import build
from signalpipe.compose.markdown import body
from signalpipe.kpis import KpiObservation, ledger, one_revenue
from signalpipe.models import EventType, Severity
from tests.unit.test_compose_template import context, event


def obs(metric: str, value: float, day: str) -> KpiObservation:
    return KpiObservation(company_id="c", metric=metric, value=value, unit="USD",
                          observed_on=date.fromisoformat(day), source_message_ids=[day])


def test_a_bare_revenue_joins_the_qualified_kind_of_its_size() -> None:
    rows = [obs("revenue", 12_000, "2020-12-02"), obs("monthly_revenue", 42_000, "2021-02-04"),
            obs("revenue", 57_000, "2021-12-06"), obs("annual_revenue", 812_000, "2023-02-10"),
            obs("revenue", 700_000, "2023-01-05")]
    assert [r.metric for r in one_revenue(rows)] == [
        "monthly_revenue", "monthly_revenue", "monthly_revenue", "annual_revenue",
        "annual_revenue"]


def test_a_bare_revenue_far_from_every_qualified_kind_stays_revenue() -> None:
    rows = [obs("revenue", 5_000_000, "2021-06-01"), obs("monthly_revenue", 42_000, "2021-02-04")]
    assert [line.metric for line in ledger(rows)] == ["revenue", "monthly_revenue"]
    alone = [obs("revenue", 57_000, "2021-12-06")]
    assert [line.metric for line in ledger(alone)] == ["revenue"]


def test_the_update_shows_one_revenue_row_and_one_progression() -> None:
    events = [event(EventType.REVENUE_MILESTONE, Severity.HIGH, "Revenue reached $12k",
                    "2025-12-02", "r1", revenue_usd=12_000),
              event(EventType.REVENUE_MILESTONE, Severity.HIGH, "Monthly revenue reached $42k",
                    "2026-01-04", "r2", monthly_revenue_usd=42_000),
              event(EventType.REVENUE_MILESTONE, Severity.HIGH, "Revenue reached $57k",
                    "2026-01-26", "r3", revenue_usd=57_000)]
    doc = build(events, company_id="scaleflow", context=context(events))
    text = body(doc)
    assert [line.label for line, _ in doc.kpis] == ["Monthly revenue"]
    assert "| Monthly revenue | $57K[^1] | $12K[^2] | +$45K (+375%) |" in text
    highlights = text.split("## Highlights")[1].split("##")[0]
    assert highlights.count("revenue") == 1, highlights
    # footnotes read in order, though the path cites its start before its end
    assert "- Monthly revenue $12K → $57K (+375%)[^1][^2]" in highlights
    assert doc.subject == "Scaleflow update, January 2026: Monthly revenue at $57K"


def test_an_event_restating_a_kpi_the_highlights_trace_is_left_out() -> None:
    events = [event(EventType.USER_GROWTH, Severity.MEDIUM, "1,850 users", "2026-01-03", "u1",
                    users=1_850),
              event(EventType.USER_GROWTH, Severity.MEDIUM,
                    "Our community numbers 25,074, over 25,000 users", "2026-01-25", "u2",
                    users=25_000, community=25_074),
              event(EventType.USER_GROWTH, Severity.MEDIUM, "Forum reached 900 members",
                    "2026-01-25", "u3", members=900)]
    text = body(build(events, company_id="scaleflow", context=context(events)))
    highlights = text.split("## Highlights")[1].split("##")[0]
    assert "Users 1,850 → 25,000" in highlights
    assert "community numbers" not in highlights  # the progression states it
    assert "Forum reached 900 members" in highlights  # no KPI of the table: kept
