"""`signalpipe email`: the three files, periods and history, outreach, redaction, SMTP."""

from __future__ import annotations

import email
import re
from email import policy
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

ROWS = [
    ("a1", "true", "Grace Singh", "", "2026-01-05T10:00:00Z",
     "Big milestone: ARR reached $1.5M this week."),
    ("a2", "true", "Grace Singh", "", "2026-01-28T10:00:00Z",
     "Big milestone: ARR reached $3M this week."),
    ("d1", "true", "Omar Haddad", "", "2026-01-20T10:00:00Z",
     "Signed Globex Pharma: a $400K annual contract."),
    ("f1", "false", "", "ceo@scaleflow.io", "2026-01-12T10:00:00Z",
     "We closed our $12M Series A led by Northwind Ventures."),
    ("x1", "true", "Lea Park", "", "2026-02-10T10:00:00Z",
     "Partnership with Initech announced today <script>alert(1)</script>"),
]


def csv_text() -> str:
    head = "id,is_chat,chat_sender,email_sender,timestamp,content\n"
    return head + "".join(",".join(r) + "\n" for r in ROWS)


def cli(args: list[str], env: dict[str, str] | None = None) -> tuple[int, str, str]:
    from signalpipe.cli import _register, app

    _register()
    result = CliRunner().invoke(app, args, env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def ran(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.csv").write_text(csv_text())
    (tmp_path / "signalpipe.yaml").write_text(
        "update:\n  sender_name: Maya Schmidt\n  sender_title: CEO\n"
        "  sender_email: maya@scaleflow.io\n  redact: [Globex]\n"
        "  asks: [Intros to logistics CFOs]\n")
    code, out, err = cli(["run", "--input", "in.csv", "--output-dir", "out"])
    assert code == 0, out + err
    return tmp_path / "out"


def test_the_three_files_and_stdout(ran: Path) -> None:
    code, out, err = cli(["email", "--output-dir", "out", "--period", "2026-01"])
    assert code == 0, err
    md = (ran / "investor_update.md").read_text()
    assert out == md  # stdout is the Markdown as written, never wrapped
    assert md.startswith("# Scaleflow update, January 2026: ARR at $3M")
    assert "ARR $1.5M → $3M (+100%)" in md and "Maya Schmidt  \nCEO, Scaleflow" in md
    page = (ran / "investor_update.html").read_text()
    assert "<script" not in page.lower() and not re.search(r"(src|href)=\"(https?:)?//", page)
    assert "<svg" in page and "kpi-chart" in page and "timeline" in page
    msg = email.message_from_bytes((ran / "investor_update.eml").read_bytes(),
                                   policy=policy.default)
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert msg["From"] == "Maya Schmidt <maya@scaleflow.io>" and msg["Message-ID"]


def test_a_redacted_term_appears_in_no_output_file(ran: Path) -> None:
    code, out, err = cli(["email", "--output-dir", "out", "--period", "2026-01"])
    assert code == 0, err
    code, _, _ = cli(["email", "--output-dir", "out", "--kind", "outreach", "--to",
                      "Ada Park <ada@northfield.vc>"])
    assert "globex" not in out.lower()
    files = [p for p in ran.iterdir() if p.suffix in (".md", ".html", ".eml")]
    assert len(files) == 5  # the update's three files, pipeline_results.md, report.html
    for path in files:
        raw = path.read_bytes().decode("utf-8", "replace").lower()
        decoded = raw
        if path.suffix == ".eml":
            msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            decoded = " ".join(str(p.get_content()) for p in msg.walk()
                               if not p.is_multipart()).lower()
        assert "globex" not in raw and "globex" not in decoded, path.name
    assert "[redacted]" in (ran / "investor_update.md").read_text()


def test_the_next_update_covers_only_what_is_new(ran: Path) -> None:
    code, first, _ = cli(["email", "--output-dir", "out", "--until", "2026-01-31"])
    assert code == 0 and "Series A" in first
    code, second, _ = cli(["email", "--output-dir", "out"])
    assert code == 0
    assert "Series A" not in second and "Initech" in second  # only February's news
    third = cli(["email", "--output-dir", "out"])[1]
    fourth = cli(["email", "--output-dir", "out"])[1]
    assert "nothing new to report" in third
    title = "# Scaleflow update, since 11 Feb 2026"
    assert third.splitlines()[0] == fourth.splitlines()[0] == title
    code, preview, _ = cli(["email", "--output-dir", "out", "--period", "2026-01"])
    assert "Series A" in preview  # an explicit period shows all of it


def test_outreach_leads_with_traction_and_asks_for_a_call(ran: Path) -> None:
    code, out, err = cli(["email", "--output-dir", "out", "--kind", "outreach", "--to",
                          "Ada Park <ada@northfield.vc>", "--time", "Tuesday 10:00 ET",
                          "--time", "Thursday 15:00 ET", "--preview"])
    assert code == 0, err
    assert "Hi Ada," in out and "Northfield" in out
    body = out.split("## ")
    assert body[1].startswith("Traction") and "ARR $1.5M → $3M" in body[1]
    assert "Series A" in out
    assert "a call on Tuesday 10:00 ET or Thursday 15:00 ET?" in out
    assert "Maya Schmidt" in out and "team" not in out.lower()
    msg = email.message_from_bytes((ran / "investor_update.eml").read_bytes(),
                                   policy=policy.default)
    assert msg["To"] == "Ada Park <ada@northfield.vc>"


def test_send_delivers_over_smtp_and_records_the_recipients(
        ran: Path, smtp_server: tuple[int, list[Any]]) -> None:
    port, received = smtp_server
    env = {"SIGNALPIPE_UPDATE__SMTP__PORT": str(port),
           "SIGNALPIPE_UPDATE__SMTP__STARTTLS": "false"}
    code, _, err = cli(["email", "--output-dir", "out", "--period", "2026-01", "--send",
                        "--to", "Ada Park <ada@northfield.vc>"], env)
    assert code == 0, err
    assert "sent to ada@northfield.vc" in err or "sent to Ada Park" in err
    (envelope,) = received
    assert envelope.rcpt_tos == ["ada@northfield.vc"]
    msg = email.message_from_bytes(envelope.content, policy=policy.default)
    assert msg["Subject"].startswith("Scaleflow update, January 2026")
    from signalpipe.settings import Settings
    from signalpipe.stores.sqlite import SQLiteEventStore

    store = SQLiteEventStore(Settings(output_dir=ran).sqlite_path)
    assert store.updates("scaleflow")[-1].recipients == ["ada@northfield.vc"]
    store.close()


def test_send_refuses_without_a_recipient(ran: Path) -> None:
    code, _, err = cli(["email", "--output-dir", "out", "--send"])
    assert code == 1 and "no recipient" in err


def test_an_empty_period_says_where_the_events_are(ran: Path) -> None:
    code, out, err = cli(["email", "--output-dir", "out", "--period", "2025-06"])
    assert code == 0, err
    assert "nothing new to report" in out
    assert "no events fall in June 2025" in err
    assert "dated from 2026-01-05 to 2026-02-10 (try --period 2026-02)" in err
