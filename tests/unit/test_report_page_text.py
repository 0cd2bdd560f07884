"""report.html's KPI section says what it has: no contradiction between the note and the list
(checked without a browser; the rendered page is tested in test_report_page.py)."""

from __future__ import annotations

from datetime import date

from signalpipe.kpis import KpiObservation
from signalpipe.models import EventType, Severity, SignificantEvent
from signalpipe.report.page import render_page
from signalpipe.stats import RunStats


def _kpi(metric: str, value: float, day: int, unit: str = "count") -> KpiObservation:
    return KpiObservation(company_id="acme", metric=metric, value=value, unit=unit,
                          observed_on=date(2026, 1, day), source_message_ids=[f"m{day}"])


def _page(rows: list[KpiObservation]) -> str:
    return render_page(company_id="acme", stats=RunStats(rows_read=3, stored_new=2),
                       events=[], letters=[], kpi_rows=rows)


def test_no_figures_says_so() -> None:
    page = _page([])
    assert "No KPI figures found." in page and "<li>" not in page.split("<h2>KPIs")[1]


def test_single_readings_are_listed_without_claiming_there_are_none() -> None:
    page = _page([_kpi("monthly_active_users", 10_000, 5), _kpi("nps", 32, 6)])
    kpis = page.split("<h2>KPIs</h2>")[1].split("<h2>")[0]
    assert "No KPI figures found" not in kpis
    assert "no trend to chart" in kpis and kpis.count("<li>") == 2


def test_two_readings_draw_a_chart_and_the_funnel_says_new_messages() -> None:
    page = _page([_kpi("monthly_active_users", 10_000, 5), _kpi("monthly_active_users",
                                                                12_000, 20)])
    kpis = page.split("<h2>KPIs</h2>")[1].split("<h2>")[0]
    assert "<svg" in kpis and "no trend to chart" not in kpis
    assert "<td>New messages stored</td><td>2</td>" in page


def test_a_rerun_says_how_many_were_already_stored() -> None:
    rerun = render_page(company_id="acme", stats=RunStats(rows_read=3, stored_new=0, replayed=3),
                        events=[], letters=[], kpi_rows=[])
    assert "<td>Already stored and extracted</td><td>3</td>" in rerun
    first = _page([])
    assert "Already stored" not in first


def test_evidence_is_shown_without_the_markdown_it_was_written_in() -> None:
    quoted = "[TinyPilot](https://tinypilotkvm.com/) had **another** record month: $42k"
    event = SignificantEvent(company_id="acme", event_type=EventType.REVENUE_MILESTONE,
                             severity=Severity.HIGH, title="Monthly revenue reached $42k",
                             source_message_ids=["m1"], evidence=quoted)
    page = render_page(company_id="acme", stats=RunStats(rows_read=1, stored_new=1),
                       events=[event], letters=[], kpi_rows=[])
    assert "<blockquote>TinyPilot had another record month: $42k</blockquote>" in page
    assert "tinypilotkvm.com" not in page and "**" not in page
