"""Generated rows -> Slack export / mbox -> parsers: ids, senders, text and times survive."""

from __future__ import annotations

import json
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from signalpipe.models import Message
from signalpipe.sample import generate, writers
from signalpipe.sample.writers import is_chat, write_mbox, write_slack_export
from signalpipe.sources.detect import detect_format
from signalpipe.sources.mailbox import MboxSource
from signalpipe.sources.slack_export import SlackExportSource

ROWS: list[dict[str, Any]] = [
    {"id": "msg_0003", "is_chat": "True", "chat_sender": "Sarah Chen", "email_sender": "",
     "timestamp": "2024-03-02T10:00:00.250000", "content": "We hit 10k users <3 & rising :rocket:"},
    {"id": "msg_0001", "is_chat": "1", "chat_sender": "Mar\u00eda L\u00f3pez", "email_sender": "",
     "timestamp": "2024-03-01 09:00:00", "content": "Deploy at 10:30:45 went fine",
     "channel": "#engineering"},
    {"id": "msg_0002", "is_chat": "False", "chat_sender": "",
     "email_sender": "Zo\u00eb Founder <zoe@scaleflow.io>", "timestamp": "2024-03-01T12:00:00Z",
     "content": ("Subject: S\u00e9rie A closed\n\nWe closed $5M.\nFrom now on we hire.\n"
                 "Best,\nZo\u00eb")},
    {"id": "msg_0004", "is_chat": False, "chat_sender": "", "email_sender": "cfo@scaleflow.io",
     "timestamp": datetime(2024, 3, 3, 8, 30, tzinfo=UTC),
     "content": "Subject: Q1 numbers\n\nRevenue $1.2M (+30%).\n" + "Long line " * 40},
    {"id": "msg_0005", "is_chat": "true", "chat_sender": "Sarah Chen", "email_sender": "",
     "timestamp": "2024-03-01T23:59:59+00:00", "content": "Late <@U123> literal & &amp; text"},
    {"id": "msg_0006", "is_chat": "0", "chat_sender": "", "email_sender": "ops@scaleflow.io",
     "timestamp": "1709290800", "content": "No subject line here, just a note about uptime."},
]
CHAT = [r for r in ROWS if is_chat(r)]
EMAIL = [r for r in ROWS if not is_chat(r)]


def parsed(items: Any) -> dict[str, Message]:
    out = {}
    for item in items:
        assert isinstance(item, Message), item
        out[item.source_id] = item
    return out


def expected_time(row: dict[str, Any]) -> datetime:
    return writers.row_time(row)


def test_is_chat_accepts_csv_strings_and_bools() -> None:
    assert [is_chat({"is_chat": v}) for v in ("True", "1", "yes", True)] == [True] * 4
    assert [is_chat({"is_chat": v}) for v in ("False", "0", "", False)] == [False] * 4


def test_slack_export_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "export.zip"
    assert write_slack_export(ROWS, out) == len(CHAT)
    assert detect_format(out) == "slack-export"
    messages = parsed(SlackExportSource(out, company_id="c").read())
    assert set(messages) == {r["id"] for r in CHAT}
    for row in CHAT:
        m = messages[row["id"]]
        assert (m.sender, m.text, m.timestamp) == (row["chat_sender"], row["content"],
                                                   expected_time(row))
    assert messages["msg_0001"].channel == "engineering"
    assert messages["msg_0003"].channel == "general"


def test_slack_export_layout_is_slacks(tmp_path: Path) -> None:
    out = tmp_path / "export.zip"
    write_slack_export(ROWS, out)
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        day = json.loads(zf.read("general/2024-03-01.json"))
        users = json.loads(zf.read("users.json"))
        channels = json.loads(zf.read("channels.json"))
    assert names == {"users.json", "channels.json", "engineering/2024-03-01.json",
                     "general/2024-03-01.json", "general/2024-03-02.json"}
    assert [m["client_msg_id"] for m in day] == ["msg_0005"]
    assert day[0]["text"] == "Late &lt;@U123&gt; literal &amp; &amp;amp; text"
    assert day[0]["ts"] == "1709337599.000000"
    assert {u["real_name"] for u in users} == {"Sarah Chen", "Mar\u00eda L\u00f3pez"}
    assert {c["name"] for c in channels} == {"general", "engineering"}


def test_slack_export_spills_and_sorts_unordered_rows(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writers, "_SPILL_AT", 3)
    spill_root = tmp_path / "tmp"
    spill_root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spill_root))
    rows = [{"id": f"m{i:03d}", "is_chat": "true", "chat_sender": f"user{i % 4}",
             "email_sender": "", "timestamp": f"2024-03-{1 + (i * 7) % 5:02d}T{i % 24:02d}:00:00",
             "content": f"message {i}", "channel": ("general", "sales")[i % 2]}
            for i in range(40)]
    out = tmp_path / "export.zip"
    assert write_slack_export(rows, out) == 40
    messages = parsed(SlackExportSource(out, company_id="c").read())
    assert {m.source_id: m.text for m in messages.values()} == {r["id"]: r["content"] for r in rows}
    with zipfile.ZipFile(out) as zf:
        for name in zf.namelist():
            if "/" in name:
                stamps = [float(m["ts"]) for m in json.loads(zf.read(name))]
                assert stamps == sorted(stamps), name
    assert not list(spill_root.iterdir())  # spill files are cleaned up


def test_mbox_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "generated.mbox"
    assert write_mbox(ROWS, out) == len(EMAIL)
    assert detect_format(out) == "mbox"
    messages = parsed(MboxSource(out, company_id="c").read())
    assert set(messages) == {r["id"] for r in EMAIL}
    series_a = messages["msg_0002"]
    assert series_a.sender == "Zo\u00eb Founder <zoe@scaleflow.io>"
    assert series_a.subject == "S\u00e9rie A closed"
    assert series_a.text == "We closed $5M.\nFrom now on we hire.\nBest,\nZo\u00eb"
    assert series_a.thread_id == "msg_0002"
    q1 = messages["msg_0004"]
    assert q1.text == ("Revenue $1.2M (+30%).\n" + "Long line " * 40).strip()
    assert q1.timestamp == datetime(2024, 3, 3, 8, 30, tzinfo=UTC)
    note = messages["msg_0006"]
    assert note.subject is None
    assert note.text == "No subject line here, just a note about uptime."
    for row in EMAIL:
        assert messages[row["id"]].timestamp == expected_time(row).replace(microsecond=0)


def test_mbox_quotes_from_lines_mboxrd_style(tmp_path: Path) -> None:
    out = tmp_path / "generated.mbox"
    write_mbox(ROWS, out)
    data = out.read_bytes()
    assert b"\n>From now on we hire." in data
    assert data.count(b"\nFrom ") + data.startswith(b"From ") == len(EMAIL)
    assert b"Message-ID: <msg_0002@signalpipe.local>" in data


def test_unsafe_ids_are_refused(tmp_path: Path) -> None:
    bad = [{**EMAIL[0], "id": "has space"}]
    with pytest.raises(ValueError, match="whitespace or angle brackets"):
        write_mbox(bad, tmp_path / "x.mbox")


def test_generator_traffic_round_trips_through_both_formats(tmp_path: Path) -> None:
    rows = list(generate.iter_rows(1500, 11))
    export, mbox = tmp_path / "gen.zip", tmp_path / "gen.mbox"
    write_slack_export(rows, export)
    write_mbox(rows, mbox)
    chat = parsed(SlackExportSource(export, company_id="c").read())
    mail = parsed(MboxSource(mbox, company_id="c").read())
    for row in rows:
        if is_chat(row):
            m = chat[row["id"]]
            assert (m.sender, m.text, m.channel) == (row["chat_sender"], row["content"].strip(),
                                                     row["channel"])
        else:
            m = mail[row["id"]]
            assert m.sender == row["email_sender"]
            assert f"Subject: {m.subject}\n\n{m.text}" == row["content"].strip()
    assert len(chat) + len(mail) == len(rows)


@pytest.mark.parametrize(("fmt", "source"), [("slack-export", SlackExportSource),
                                             ("mbox", MboxSource)])
def test_generator_hooks_write_readable_files(tmp_path: Path, fmt: str, source: type) -> None:
    out = tmp_path / f"gen.{'zip' if fmt == 'slack-export' else 'mbox'}"
    generate.generate(200, 3, out, tmp_path / "truth.jsonl", fmt=fmt)
    want = {r["id"] for r in generate.iter_rows(200, 3) if is_chat(r) == (fmt == "slack-export")}
    assert set(parsed(source(out, company_id="c").read())) == want
