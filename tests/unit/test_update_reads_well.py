"""The update, the outreach email and the report as a founder and an investor read them (found by
reading ScaleFlow's, TinyPilot's and HubSpot's): a range said as one, no subject with two
colons, one launch told in two ways read as one, a type in words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from signalpipe.compose.doc import build
from signalpipe.compose.markdown import body
from signalpipe.models import EventType, InvestorEmail, Polarity, Severity, SignificantEvent
from signalpipe.periods import Period
from signalpipe.report.markdown import render
from tests.unit.test_compose_template import context, event
from tests.unit.test_report_read_outputs import cli


def test_an_update_over_a_range_opens_from_its_first_day() -> None:
    deal = event(EventType.ENTERPRISE_DEAL, Severity.HIGH, "Signed Globex", "2025-11-05", "d1",
                 customer="Globex")
    ctx = replace(context([deal]), period=Period(date(2025, 11, 1), date(2025, 11, 18)))
    text = body(build([deal], company_id="scaleflow", context=ctx))
    assert "Here is Scaleflow's update from 1 to 18 Nov 2025." in text  # was "for 1 to 18 Nov"
    ctx = replace(ctx, period=Period(date(2025, 11, 1), date(2025, 11, 30)))
    assert "update for November 2025." in body(build([deal], company_id="scaleflow",
                                                     context=ctx))


def test_a_term_sheet_makes_a_subject_with_one_colon() -> None:
    sheet = event(EventType.FUNDING, Severity.HIGH, "Term sheet: $15M at an $80M valuation",
                  "2026-01-05", "f1", stage="term sheet", amount_usd=15_000_000)
    doc = build([sheet], company_id="scaleflow", context=context([sheet]))
    assert doc.subject == "Scaleflow update, January 2026: Term sheet for $15M at an $80M " \
                          "valuation"
    assert "- Term sheet for $15M at an $80M valuation[^1]" in body(doc)


def launches() -> list[SignificantEvent]:
    named = event(EventType.PRODUCT_LAUNCH, Severity.MEDIUM, "Launched ScaleFlow 2.0",
                  "2026-01-02", "g1", product="ScaleFlow 2.0")
    where = event(EventType.PRODUCT_LAUNCH, Severity.MEDIUM, "Launched on ProductHunt",
                  "2026-01-02", "s1")
    return [named, where]


def test_the_outreach_tells_one_launch_once() -> None:
    evs = launches()
    ctx = replace(context(evs), kind="outreach", to="Ada Park <ada@northfield.vc>")
    text = body(build(evs, company_id="scaleflow", context=ctx))
    assert "- Launched ScaleFlow 2.0 on ProductHunt[^1][^2]" in text
    assert "- Launched on ProductHunt" not in text  # was a second launch


def test_a_launch_told_without_its_name_joins_the_named_one_of_its_message() -> None:
    voyager = event(EventType.PRODUCT_LAUNCH, Severity.MEDIUM, "Launched Voyager",
                    "2026-01-06", "m50", product="Voyager")
    unnamed = event(EventType.PRODUCT_LAUNCH, Severity.MEDIUM,
                    "Launched a new TinyPilot product", "2026-01-06", "m50", product="TinyPilot")
    unnamed = unnamed.model_copy(update={"source_message_ids": ["m50", "m34"]})
    other = event(EventType.PRODUCT_LAUNCH, Severity.MEDIUM, "Launched a new mobile app",
                  "2026-01-20", "m77")
    evs = [voyager, unnamed, other]
    text = body(build(evs, company_id="tinypilot", context=context(evs)))
    product = text.split("## Product")[1].split("\n\n")[1]
    assert product.splitlines() == ["- Launched a new mobile app[^1]",
                                    "- Launched Voyager[^2][^3]"]  # was a third line


def test_the_report_names_types_in_words() -> None:
    fall = event(EventType.REVENUE_MILESTONE, Severity.HIGH, "Revenue fell 21% to $33k",
                 polarity=Polarity.NEGATIVE)
    deal = event(EventType.ENTERPRISE_DEAL, Severity.HIGH, "Signed Globex", customer="Globex")
    text = render(stats=None, events=[fall, deal], dead_letters=[], usage=[],
                  email=InvestorEmail(subject="s", body="b", highlights=[]),
                  company_id="ScaleFlow", stack="embedded")
    assert "| Enterprise deal | 1 |" in text
    assert "| high | Revenue milestone (lowlight) | Revenue fell 21% to $33k |" in text
    assert "enterprise_deal" not in text


def test_an_eml_without_a_sender_address_or_recipients_says_so() -> None:
    deal = event(EventType.ENTERPRISE_DEAL, Severity.HIGH, "Signed Globex", customer="Globex")
    doc = build([deal], company_id="scaleflow", context=context([deal]))
    assert any(n.startswith("update.sender_email is not set") for n in doc.notes)
    assert any(n.startswith("update.to is not set") for n in doc.notes)
    ctx = context([deal], sender_email="maya@scaleflow.io", to=["Ada Park <ada@northfield.vc>"])
    doc = build([deal], company_id="scaleflow", context=ctx)
    assert not any("sender_email" in n or "update.to" in n for n in doc.notes)


def test_the_kpi_table_without_figures_says_so_in_a_sentence(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.csv").write_text(
        "id,is_chat,chat_sender,email_sender,timestamp,content\n"
        "a1,true,Grace,,2026-01-05T10:00:00Z,We signed Globex as a customer today!\n"
        "a2,true,Grace,,2026-01-06T10:00:00Z,Big milestone: ARR reached $1.5M this week.\n")
    code, out = cli(["run", "in.csv", "--output-dir", "out"])
    assert code == 0, out
    code, out = cli(["kpis", "--output-dir", "out", "--period", "2025-12"])
    assert code == 0, out
    assert out.splitlines()[1] == ("No KPI figures found in December 2025: no event states "
                                   "revenue, users or another KPI with a figure.")
    assert "Metric" not in out  # was a header over no rows
    code, out = cli(["kpis", "--output-dir", "out"])
    assert out.splitlines()[1].split() == ["Metric", "Now", "As", "of", "Previous", "Change"]
    assert "ARR" in out and "Conflicts" not in out  # a column of blanks, once


def test_revenue_that_grew_leads_the_subject_over_a_later_deal() -> None:
    arr = [event(EventType.REVENUE_MILESTONE, Severity.HIGH, f"ARR reached ${v}M", d, m,
                 arr_usd=v * 1e6) for v, d, m in ((10.2, "2026-01-03", "a1"),
                                                  (17.7, "2026-01-25", "a2"))]
    deal = event(EventType.ENTERPRISE_DEAL, Severity.HIGH, "Signed an enterprise deal ($1.38M)",
                 "2026-01-28", "d1", value_usd=1_380_000)
    evs = [*arr, deal]
    doc = build(evs, company_id="scaleflow", context=context(evs))
    assert doc.subject == "Scaleflow update, January 2026: ARR at $17.7M"  # was the deal


def test_a_deal_told_without_its_customer_joins_the_named_one_of_its_value() -> None:
    named = event(EventType.ENTERPRISE_DEAL, Severity.HIGH, "Signed Granite Labs ($480K)",
                  "2026-01-10", "d1", customer="Granite Labs", value_usd=480_000)
    unnamed = event(EventType.ENTERPRISE_DEAL, Severity.HIGH,
                    "Signed an enterprise deal ($480K)", "2026-01-11", "d2", value_usd=480_000)
    other = event(EventType.ENTERPRISE_DEAL, Severity.HIGH,
                  "Signed an enterprise deal ($1.38M)", "2026-01-12", "d3", value_usd=1_380_000)
    evs = [named, unnamed, other]
    text = body(build(evs, company_id="scaleflow", context=context(evs)))
    assert "Signed an enterprise deal ($480K)" not in text  # was beside Granite Labs
    assert "- Signed Granite Labs ($480K)[^2][^3]" in text
    assert "- Signed an enterprise deal ($1.38M)[^1]" in text


def test_money_reads_one_way_in_a_line() -> None:
    miss = event(EventType.REVENUE_MILESTONE, Severity.HIGH,
                 "Missed the Q3 2024 target: USD 2.86M against a $3,000,000 plan",
                 polarity=Polarity.NEGATIVE)
    text = body(build([miss], company_id="scaleflow", context=context([miss])))
    assert "- Missed the Q3 2024 target: $2.86M against a $3M plan[^1]" in text


def test_the_html_timeline_shows_only_what_the_email_tells() -> None:
    from signalpipe.compose.html import page

    interest = event(EventType.INVESTOR_INTEREST, Severity.MEDIUM,
                     "Inbound interest from Blue Chip Ventures", "2026-01-03", "i1",
                     investor="Blue Chip Ventures")
    outage = event(EventType.TECHNICAL_ACHIEVEMENT, Severity.LOW, "Incident: API down 3 hours",
                   "2026-01-04", "o1", polarity=Polarity.NEGATIVE)
    deal = event(EventType.ENTERPRISE_DEAL, Severity.HIGH, "Signed Globex", "2026-01-05", "d1",
                 customer="Globex")
    evs = [interest, outage, deal]
    dated = [(e, date.fromisoformat(e.timeline or "")) for e in evs]
    doc = build(evs, company_id="scaleflow", context=context(evs))
    html = page(doc, dated)
    assert "names kept private" in html
    assert "Blue Chip" not in html  # the timeline had named the investor the text kept private
    assert "Signed Globex" in html.split("<h2>Timeline</h2>")[1]
    ctx = replace(context(evs), kind="outreach", to="Ada Park <ada@northfield.vc>")
    html = page(build(evs, company_id="scaleflow", context=ctx), dated)
    assert "Blue Chip" not in html and "API down" not in html  # not in an outreach's lines


def test_the_events_table_keeps_whole_dates_in_a_narrow_terminal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from signalpipe.cli import _register, app

    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.csv").write_text(
        "id,is_chat,chat_sender,email_sender,timestamp,content\n"
        "a1,true,Grace,,2026-01-05T10:00:00Z,Big milestone: ARR reached $1.5M this week.\n")
    assert cli(["run", "in.csv", "--output-dir", "out"])[0] == 0
    _register()
    out = CliRunner().invoke(app, ["events", "--output-dir", "out"],
                             env={"COLUMNS": "80"}).output
    assert "2026-01-05" in out  # was "2026-01-…"


def test_no_lowlights_reads_in_the_founders_voice_and_asks_the_founder() -> None:
    deal = event(EventType.ENTERPRISE_DEAL, Severity.HIGH, "Signed Globex", customer="Globex")
    doc = build([deal], company_id="scaleflow", context=context([deal]))
    text = body(doc)
    assert "## Lowlights\n\n- None to report this period." in text
    assert "messages" not in text.split("## Lowlights")[1].split("##")[0]  # was "None found in
    # the messages of this period."
    assert any(n.startswith("no lowlights were found") for n in doc.notes)


def test_the_report_says_the_offline_rules_cost_nothing() -> None:
    from signalpipe.models import BatchUsage

    usage = [BatchUsage(batch_id=f"b{n}", provider="rules", model="rules-v2", messages=500,
                        sent_messages=500) for n in range(3)]
    text = render(stats=None, events=[], dead_letters=[], usage=usage,
                  email=InvestorEmail(subject="s", body="b", highlights=[]),
                  company_id="ScaleFlow", stack="embedded")
    assert ("3 batches of 1,500 messages read by the offline rules (rules/rules-v2): no model "
            "was called, nothing was spent.") in text
    assert "Messages sent to the model" not in text  # was 1,500 beside 0 tokens and $0.0000


def test_a_kpi_stated_twice_in_the_period_is_compared_with_its_first_reading() -> None:
    nrr = [event(EventType.CUSTOMER_SUCCESS, Severity.MEDIUM, f"NRR hit {v}%", d, m, nrr=v)
           for v, d, m in ((124, "2026-01-07", "n1"), (111, "2026-01-18", "n2"))]
    text = body(build(nrr, company_id="scaleflow", context=context(nrr)))
    assert "| Net revenue retention | 111%[^1] | 124%[^2] | -13 pts |" in text  # was "- | new"
    assert "- Net revenue retention 124% → 111% (-13 pts)[^1][^2]" in text


def test_an_acquisition_reads_as_words() -> None:
    bought = event(EventType.OTHER, Severity.MEDIUM, "Acquisition: PieSync", "2026-01-06", "b1",
                   subtype="Acquisition", target="PieSync")
    text = body(build([bought], company_id="hubspot", context=context([bought])))
    assert "- Acquisition of PieSync[^1]" in text  # was "Acquisition: PieSync"
