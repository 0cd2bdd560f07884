"""Output stays inert (issue 12): the Markdown report, the email file, the terminal, rich
markup, planted symlinks and provider error bodies that echo the API key."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from signalpipe import pipeline
from signalpipe.backends import open_backends
from signalpipe.errors import ExtractionError
from signalpipe.extract.base import Extraction, Extractor
from signalpipe.inert import (
    RedactingFilter,
    markdown_text,
    one_line,
    redact,
    rich_literal,
    terminal,
)
from signalpipe.models import (
    Batch,
    DeadLetter,
    EventType,
    InvestorEmail,
    Severity,
    SignificantEvent,
)
from signalpipe.report.markdown import render
from signalpipe.settings import Settings, load_settings
from signalpipe.sources.csv import CSVSource

HEADER = "id,is_chat,chat_sender,email_sender,timestamp,content\n"
GENUINE = "m1,true,alice,,2025-03-01T10:00:00Z,We closed our $12M Series A led by Northwind.\n"


def event(title: str) -> SignificantEvent:
    return SignificantEvent.model_validate({
        "company_id": "c", "event_type": EventType.FUNDING, "severity": Severity.HIGH,
        "title": title, "description": "d", "evidence": "e", "impact": "i",
        "source_message_ids": ["m1"]})


def email(subject: str = "Update", notes: list[str] | None = None) -> InvestorEmail:
    return InvestorEmail(subject=subject, body="body", composer="template", notes=notes or [])


# --- the pieces ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "shown"), [
    ("\x1b]0;pwned\x07title", "\\x1b]0;pwned\\x07title"),
    ("\x1b[2J\x1b[Hcleared", "\\x1b[2J\\x1b[Hcleared"),
    ("\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\",
     "\\x1b]8;;http://evil.example\\x1b\\link\\x1b]8;;\\x1b\\"),
    ("over\rwrite", "over\\x0dwrite"),
    ("bell\x07 nel\x85 ls\u2028", "bell\\x07 nel\\x85 ls\\u2028"),
    ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
    ("rtl \u202egnp.exe", "rtl \\u202egnp.exe"),
])
def test_terminal_shows_controls_as_text(raw: str, shown: str) -> None:
    assert terminal(raw) == shown


@pytest.mark.parametrize(("raw", "line"), [
    ("Closed\r$12M\x0bSeries\x85A\u2028led\u2029by\nNW", "Closed $12M Series A led by NW"),
    ("Sub\x0bject\x1b[2J", "Sub ject[2J"), ("  padded\r\n", "padded"),
])
def test_one_line_turns_line_breaks_into_spaces_and_drops_controls(raw: str, line: str) -> None:
    assert one_line(raw) == line


@pytest.mark.parametrize(("raw", "md"), [
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    ("<svg/onload=alert(1)>", "&lt;svg/onload=alert(1)&gt;"),
    ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
    ("# Heading", "\\# Heading"), ("1. item", "1\\. item"),
    ("3.0 shipped (beta)", "3.0 shipped (beta)"),
    ("a | b", "a \\| b"), ("**bold** _it_ `code`", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\`"),
    ("$12M & more", "$12M &amp; more"),
])
def test_markdown_text_renders_literally(raw: str, md: str) -> None:
    assert markdown_text(raw) == md


def test_rich_literal_escapes_markup() -> None:
    from rich.console import Console

    console = Console(record=True, width=200, color_system=None)
    for raw in ("acme[/bold]", "[link=https://evil.example]acme[/link]", "[bold]x"):
        console.print(rich_literal(raw))
    assert console.export_text().splitlines() == [
        "acme[/bold]", "[link=https://evil.example]acme[/link]", "[bold]x"]


def test_redact_replaces_the_key_and_key_shaped_text() -> None:
    body = ('{"error": {"message": "API key not valid: sk-live-abcdefghijklmnopqrstuv", '
            '"key": "AIzaSyA1234567890abcdefghijklmnopqrstu", "sent": "my-own-key-1234"}}')
    assert redact(body, ["my-own-key-1234"]) == (
        '{"error": {"message": "API key not valid: [redacted]", "key": "[redacted]", '
        '"sent": "[redacted]"}}')


# --- the report ---------------------------------------------------------------------------------

HOSTILE_TITLES = ["<img src=x onerror=alert(1)> Closed $12M", "<svg/onload=alert(1)>",
                  "[click](javascript:alert(document.cookie))",
                  "Closed\r$12M\x0bSeries A\x85led\u2028by NW"]


def test_report_carries_no_raw_tag_link_or_line_break_from_messages() -> None:
    letters = [DeadLetter(origin="x.zip:<svg onload=alert(1)>.json", stage="source",
                          reason="[x](javascript:alert(1)) <b>bad</b>", raw="r")]
    text = render(stats=None, events=[event(t) for t in HOSTILE_TITLES], dead_letters=letters,
                  usage=[], email=email("<script>x</script>\x0b", ["<img src=y>"]),
                  company_id="<b>acme</b>", stack="embedded")
    before_email = text.split("## Investor email")[0] + text.split("```text")[0]
    for bad in ("<img", "<svg", "<script", "<b>", "\r", "\x0b", "\x85", "\u2028"):
        assert bad not in before_email, bad
    # A link needs an unescaped "](" after an unescaped "[".
    assert not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", before_email)
    assert "\\[click\\](javascript:" in before_email
    assert "| high | Funding | Closed $12M Series A led by NW |" in text
    assert "| x.zip:&lt;svg onload=alert(1)&gt;.json | source |" in text
    assert "# signalpipe results: &lt;b&gt;acme&lt;/b&gt;" in text
    assert "**Subject:** &lt;script&gt;x&lt;/script&gt;" in text
    assert "> note: &lt;img src=y&gt;" in text


# --- files and the command line -----------------------------------------------------------------

def cli(args: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    from signalpipe.cli import _register, app

    _register()
    result = CliRunner().invoke(app, args, env=env)
    return result.exit_code, result.output


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.csv").write_text(HEADER + GENUINE)
    return tmp_path


@pytest.mark.parametrize("name", ["pipeline_results.md", "investor_update.md"])
def test_planted_symlinks_for_outputs_are_refused(workdir: Path, name: str) -> None:
    out = workdir / "out"
    out.mkdir()
    target = workdir / "victim.txt"
    target.write_text("keep me")
    os.symlink(target, out / name)
    code, output = cli(["run", "--input", "in.csv", "--output-dir", "out"])
    if name == "investor_update.md":
        assert code == 0, output
        code, output = cli(["email", "--output-dir", "out"])
    assert code == 1
    assert f"error: out/{name} is a symbolic link: refusing to write through it" in output
    assert target.read_text() == "keep me"


def test_company_id_with_rich_markup_is_printed_literally(workdir: Path) -> None:
    env = {"SIGNALPIPE_COMPANY_ID": "acme[/bold][link=https://evil.example]x[/link]"}
    code, output = cli(["run", "--input", "in.csv", "--output-dir", "out"], env)
    assert code == 0, output
    code, output = cli(["events", "--output-dir", "out"], env)
    assert code == 0, output
    assert "1 event for acme[/bold][link=https://evil.example]x[/link]" in output
    code, output = cli(["email", "--output-dir", "out"], env)
    assert code == 0, output
    assert "\x1b]8;" not in output


def test_email_subject_file_line_holds_no_control(workdir: Path) -> None:
    code, output = cli(["run", "--input", "in.csv", "--output-dir", "out"])
    assert code == 0, output
    code, output = cli(["email", "--output-dir", "out"])
    subject = (workdir / "out" / "investor_update.md").read_text().split("\n", 1)[0]
    assert subject.startswith("# ") and subject.isprintable()


# --- provider errors echoing the key ------------------------------------------------------------

class EchoingExtractor(Extractor):
    name = "echo"
    inline = True

    def __init__(self, key: str) -> None:
        self.key = key

    @classmethod
    def from_settings(cls, settings: Settings) -> EchoingExtractor:
        raise NotImplementedError

    def extract(self, batch: Batch) -> Extraction:
        raise ExtractionError(f'400 {{"error": "API key not valid: {self.key}"}}')


def test_a_provider_error_echoing_the_key_is_redacted_before_storage_and_logging(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.chdir(tmp_path)
    key = "k-3chO-Z9q7-secret"
    monkeypatch.setenv("SIGNALPIPE_LLM__API_KEY", key)
    caplog.set_level(logging.DEBUG)
    (tmp_path / "in.csv").write_text(HEADER + GENUINE)
    settings = load_settings(output_dir=tmp_path / "out")
    backends = open_backends(settings)
    try:
        source = CSVSource(tmp_path / "in.csv", company_id="scaleflow")
        stats = pipeline.run(settings, backends, source, extractor=EchoingExtractor(key))
        parked = backends.events.parked()
    finally:
        backends.close()
    assert stats.batches_parked == 1
    assert [reason for _id, _ids, reason in parked] == [
        '400 {"error": "API key not valid: [redacted]"}']
    assert not [r for r in caplog.records if key in r.getMessage()]


def test_the_redacting_filter_cleans_records_and_tracebacks() -> None:
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "body %s",
                               ("sk-abcdefghijklmnopqrstu",), None)
    RedactingFilter(["s3cret-value"]).filter(record)
    assert record.getMessage() == "body [redacted]"
    try:
        raise RuntimeError("echo s3cret-value")
    except RuntimeError as exc:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "crashed", None,
                                   (type(exc), exc, exc.__traceback__))
    RedactingFilter(["s3cret-value"]).filter(record)
    assert record.exc_info is None and record.getMessage() == "crashed (echo [redacted])"
