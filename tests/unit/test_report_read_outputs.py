"""The run report and the command-line headings as a founder reads them (found by reading
TinyPilot's, Readup's and HubSpot's runs): the email shown as its reader sees it, figures kept as
words, and the company called by its name once the founder has set one."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from signalpipe.formatting import format_metric
from signalpipe.inert import markdown_text
from signalpipe.models import InvestorEmail
from signalpipe.report.markdown import render


def test_the_email_in_the_report_reads_as_sent_not_as_escaped_markdown() -> None:
    body = ("Hi all,\n\n- " + markdown_text("Launched Free & Open-Source Readup *today*")
            + "[^1]\n\n[^1]: " + markdown_text('2021-03-03, email from Michael Lynch '
                                               '<michael@tinypilotkvm.com>, "Month 8"') + "\n")
    text = render(stats=None, events=[], dead_letters=[], usage=[],
                  email=InvestorEmail(subject="TinyPilot update", body=body),
                  company_id="TinyPilot", stack="embedded")
    fenced = text.split("```text\n", 1)[1].split("```", 1)[0]
    assert "- Launched Free & Open-Source Readup *today*[^1]" in fenced
    assert "email from Michael Lynch <michael@tinypilotkvm.com>" in fenced
    assert "&lt;" not in fenced and "&amp;" not in fenced and "\\*" not in fenced


@pytest.mark.parametrize(("name", "value", "shown"), [
    ("profitability", "first_cashflow_positive_year",
     "Profitability: first cashflow positive year"),
    ("goal", "goal", "Goal"),
    ("customer", "Acme_Corp", "Customer: Acme_Corp"),       # a name as written is kept
    ("release", "v2_beta", "Release: v2 beta"),
    ("record", "Best day and best week ever", "Record: Best day and best week ever"),
])
def test_metric_words_read_as_words(name: str, value: str, shown: str) -> None:
    assert format_metric(name, value) == shown


def cli(args: list[str]) -> tuple[int, str]:
    from signalpipe.cli import _register, app

    _register()
    result = CliRunner().invoke(app, args)
    return result.exit_code, result.output


def test_headings_name_the_company_as_the_founder_wrote_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.csv").write_text(
        "id,is_chat,chat_sender,email_sender,timestamp,content\n"
        "a1,true,Grace,,2026-01-05T10:00:00Z,Big milestone: ARR reached $1.5M this week.\n")
    (tmp_path / "signalpipe.yaml").write_text(
        "company_id: tinypilot\nupdate:\n  company_name: TinyPilot\n")
    code, out = cli(["run", "in.csv", "--output-dir", "out"])
    assert code == 0, out
    assert (tmp_path / "out" / "pipeline_results.md").read_text().startswith(
        "# signalpipe results: TinyPilot\n")
    assert "<title>signalpipe results: TinyPilot</title>" in (
        tmp_path / "out" / "report.html").read_text()
    code, out = cli(["kpis", "--output-dir", "out"])
    assert code == 0 and out.startswith("KPIs for TinyPilot, "), out
    code, out = cli(["events", "--output-dir", "out"])
    assert code == 0 and "1 event for TinyPilot" in out, out


def test_email_help_shows_the_recipients_shape() -> None:
    from signalpipe.cli import _register, app

    _register()
    result = CliRunner().invoke(app, ["email", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert 'Recipient, "Name <address>" (repeatable)' in result.output  # was 'Recipient, "Name "'


def test_the_page_says_lowlight_in_words_not_by_colour_alone() -> None:
    from signalpipe.models import EventType, Polarity, Severity, SignificantEvent
    from signalpipe.report.page import render_page
    from signalpipe.stats import RunStats

    fell = SignificantEvent(company_id="tinypilot", event_type=EventType.REVENUE_MILESTONE,
                            severity=Severity.HIGH, title="Revenue fell 21% to $33k",
                            source_message_ids=["m1"], evidence="Revenue fell 21% to $33k.",
                            polarity=Polarity.NEGATIVE)
    page = render_page(company_id="TinyPilot", stats=RunStats(rows_read=1, stored_new=1),
                       events=[fell], letters=[], kpi_rows=[])
    assert "<td>Revenue milestone (lowlight)</td>" in page
