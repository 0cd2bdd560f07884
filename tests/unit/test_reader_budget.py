"""The reader budget (issue 12): deep JSON, wrong metadata types, FIFOs and devices, SIGTERM.

Every hostile input here must end as one dead letter with a reason naming the limit, or as one
clear SourceError before anything is read; the good messages around it are still read.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Iterable
from pathlib import Path

import pytest

from signalpipe import pipeline
from signalpipe.backends import open_source
from signalpipe.errors import SourceError
from signalpipe.models import DeadLetter, Message
from signalpipe.sources.base import Item
from signalpipe.sources.budget import ReaderBudget, json_too_deep, load_json
from signalpipe.sources.detect import budget_for, detect_format
from signalpipe.sources.gmail_json import GmailJSONSource
from signalpipe.sources.slack_export import SlackExportSource
from signalpipe.sources.slack_json import SlackJSONSource

DEEP = "[" * 100_000 + "]" * 100_000
DEPTH_REASON = "JSON nested deeper than max_json_depth (64)"


def split(items: Iterable[Item]) -> tuple[dict[str, Message], list[DeadLetter]]:
    messages: dict[str, Message] = {}
    dead: list[DeadLetter] = []
    for item in items:
        if isinstance(item, Message):
            messages[item.source_id] = item
        else:
            dead.append(item)
    return messages, dead


def slack_line(msg_id: str, text: str, second: int = 0) -> str:
    return json.dumps({"type": "message", "channel": "C1", "user": "U1", "text": text,
                       "ts": f"17408196{second:02d}.000100", "client_msg_id": msg_id})


def gmail_line(msg_id: str, body: str) -> str:
    import base64

    data = base64.urlsafe_b64encode(body.encode()).decode()
    return json.dumps({"id": msg_id, "threadId": msg_id, "internalDate": "1740819600000",
                       "payload": {"mimeType": "text/plain", "headers": [
                           {"name": "From", "value": "a@x.io"},
                           {"name": "Message-ID", "value": f"<{msg_id}@x.io>"}],
                           "body": {"data": data}}})


# --- depth ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "limit", "deep"), [
    ("[[[]]]", 3, False), ("[[[[]]]]", 3, True), ('{"a": "[[[[[[[[["}', 2, False),
    ('{"a": [{"b": [1]}, {"c": {"d": []}}]}', 5, False),
    ('{"a": [{"b": [1]}, {"c": {"d": []}}]}', 4, True), ('"\\"[[[["', 1, False),
    ("[[[[[", 2, False),  # unbalanced: left to the parser, which says what is wrong
])
def test_json_too_deep_counts_levels_not_brackets(text: str, limit: int, deep: bool) -> None:
    assert json_too_deep(text, limit) is deep


def test_load_json_refuses_100k_levels_without_recursing() -> None:
    with pytest.raises(ValueError, match=r"^JSON nested deeper than max_json_depth \(64\)$"):
        load_json(DEEP, 64)
    assert load_json(b'{"a": [1]}', 64) == {"a": [1]}


def test_deep_slack_json_line_is_dead_lettered_and_the_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join([slack_line("a", "before"), DEEP, slack_line("b", "after", 1)]))
    messages, dead = split(SlackJSONSource(path, company_id="c").read())
    assert {k: m.text for k, m in messages.items()} == {"a": "before", "b": "after"}
    assert [(d.origin, d.reason) for d in dead] == [(f"{path}:2", f"not JSON: {DEPTH_REASON}")]


def test_deep_gmail_json_line_is_dead_lettered(tmp_path: Path) -> None:
    path = tmp_path / "gmail.jsonl"
    path.write_text("\n".join([gmail_line("g1", "before"), DEEP, gmail_line("g2", "after")]))
    messages, dead = split(GmailJSONSource(path, company_id="c").read())
    assert sorted(messages) == ["g1@x.io", "g2@x.io"]
    assert [(d.origin, d.reason) for d in dead] == [(f"{path}:2", f"not JSON: {DEPTH_REASON}")]


def test_deep_gmail_array_element_ends_the_array_with_one_dead_letter(tmp_path: Path) -> None:
    path = tmp_path / "gmail.json"
    path.write_text("[" + gmail_line("g1", "before") + "," + "[" * 70 + "]" * 70 + "]")
    messages, dead = split(GmailJSONSource(path, company_id="c").read())
    assert sorted(messages) == ["g1@x.io"]
    assert [(d.origin, d.reason) for d in dead] == [(f"{path}:#2", DEPTH_REASON)]


def export(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "export"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def day(*messages: str) -> str:
    return "[" + ",".join(messages) + "]"


def test_deep_slack_day_file_is_dead_lettered_and_the_other_days_read(tmp_path: Path) -> None:
    root = export(tmp_path, {"channels.json": '[{"id": "C1", "name": "general"}]',
                             "general/2025-03-01.json": DEEP,
                             "general/2025-03-02.json": day(slack_line("ok", "still read"))})
    messages, dead = split(SlackExportSource(root, company_id="c").read())
    assert list(messages) == ["ok"]
    assert [(d.origin, d.reason) for d in dead] == [
        (f"{root}:general/2025-03-01.json", f"not JSON: {DEPTH_REASON}")]


def test_dms_json_with_wrong_types_is_a_dead_letter_not_a_type_error(tmp_path: Path) -> None:
    root = export(tmp_path, {
        "users.json": '[{"id": "U1", "name": "alice"}]',
        "dms.json": '[{"id": "D1", "members": 5}, {"id": "D2", "members": ["U1"]}]',
        "D2/2025-03-01.json": day(slack_line("dm", "hello")),
        "D1/2025-03-01.json": day(slack_line("dm1", "still read"))})
    messages, dead = split(SlackExportSource(root, company_id="c").read())
    assert sorted(messages) == ["dm", "dm1"]
    assert messages["dm"].channel == "dm:alice"
    assert [(d.origin, d.reason) for d in dead] == [
        (f"{root}:dms.json", "dms.json entry D1: members must be a list of user ids, got int")]


def test_dms_json_that_is_an_object_is_a_dead_letter(tmp_path: Path) -> None:
    root = export(tmp_path, {"dms.json": '{"members": 5}',
                             "D1/2025-03-01.json": day(slack_line("m", "read anyway"))})
    messages, dead = split(SlackExportSource(root, company_id="c").read())
    assert list(messages) == ["m"]
    assert [(d.origin, d.reason) for d in dead] == [(f"{root}:dms.json", "not a JSON array")]


def test_detection_survives_a_deep_first_line(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text(DEEP)
    with pytest.raises(SourceError, match="neither Slack messages nor Gmail"):
        detect_format(path)


def test_budget_comes_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from signalpipe.settings import load_settings

    monkeypatch.setenv("SIGNALPIPE_READERS__MAX_JSON_DEPTH", "10")
    monkeypatch.setenv("SIGNALPIPE_READERS__MAX_ZIP_RATIO", "20")
    budget = budget_for(load_settings())
    assert budget == ReaderBudget(max_json_depth=10, max_zip_ratio=20.0)


# --- not a regular file -----------------------------------------------------------------------

@pytest.mark.timeout(10)
def test_a_fifo_is_refused_before_it_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "in.csv"
    os.mkfifo(fifo)
    with pytest.raises(SourceError) as err:
        open_source(fifo, fmt=None, company_id="c", max_cell_bytes=1024)
    assert str(err.value) == (f"{fifo} is a FIFO (named pipe), not a regular file: refusing to "
                              "read it")


@pytest.mark.timeout(10)
def test_a_fifo_swapped_in_after_opening_the_source_is_refused_on_read(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("id,is_chat,chat_sender,email_sender,timestamp,content\n")
    source = open_source(path, fmt="csv", company_id="c", max_cell_bytes=1024)
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(SourceError, match=r"is a FIFO \(named pipe\), not a regular file"):
        list(source.read())


@pytest.mark.timeout(10)
@pytest.mark.parametrize("fmt", ["csv", "mbox", "slack-json", "gmail-json", "eml", None])
def test_dev_zero_is_refused_whatever_the_format(fmt: str | None) -> None:
    with pytest.raises(SourceError) as err:
        open_source(Path("/dev/zero"), fmt=fmt, company_id="c", max_cell_bytes=1024)
    assert str(err.value) == ("/dev/zero is a character device, not a regular file: refusing "
                              "to read it")


def test_a_folder_given_as_a_file_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="is a folder; --format csv reads a file"):
        open_source(tmp_path, fmt="csv", company_id="c", max_cell_bytes=1024)


# --- signals ----------------------------------------------------------------------------------

def test_first_sigterm_stops_gracefully_and_records_the_signal() -> None:
    with pipeline.graceful_stop() as stop:
        os.kill(os.getpid(), signal.SIGTERM)
        deadline = time.monotonic() + 5
        while not stop.is_set() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert stop.is_set() and stop.signum == signal.SIGTERM


def test_a_second_sigterm_after_the_grace_ends_a_blocked_run(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "TERM_GRACE_S", 0.0)
    blocked = threading.Event()
    with pytest.raises(pipeline.Interrupted) as err, pipeline.graceful_stop():
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.05)
        os.kill(os.getpid(), signal.SIGTERM)
        blocked.wait(5)  # stands for a read that never returns
    assert err.value.signum == signal.SIGTERM


def test_a_second_sigterm_within_the_grace_is_only_logged(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "TERM_GRACE_S", 60.0)
    with pipeline.graceful_stop() as stop:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.05)
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.05)
    assert stop.signum == signal.SIGTERM


# --- memory: zip members, CSV cells, binary input --------------------------------------------

def bomb_zip(path: Path, *, inflated: int, extra: dict[str, bytes] | None = None) -> Path:
    """A Slack export zip whose general/2025-03-02.json inflates to `inflated` bytes of spaces."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("channels.json", '[{"id": "C1", "name": "general"}]')
        zf.writestr("general/2025-03-01.json", day(slack_line("ok", "still read")))
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
        with zf.open("general/2025-03-02.json", "w", force_zip64=True) as fh:
            fh.write(b"[")
            for _ in range(inflated // (1 << 20)):
                fh.write(b" " * (1 << 20))
            fh.write(b"]")
    return path


def test_zip_member_over_the_member_cap_is_dead_lettered_unread(tmp_path: Path) -> None:
    path = bomb_zip(tmp_path / "bomb.zip", inflated=200 << 20)
    assert path.stat().st_size < 300_000
    messages, dead = split(SlackExportSource(path, company_id="c").read())
    assert list(messages) == ["ok"]
    assert [(d.origin, d.reason) for d in dead] == [
        (f"{path}:general/2025-03-02.json",
         "member inflates to 209715202 bytes, over max_member_bytes (67108864)")]


def test_zip_member_over_the_ratio_is_dead_lettered_unread(tmp_path: Path) -> None:
    path = bomb_zip(tmp_path / "bomb.zip", inflated=8 << 20)
    messages, dead = split(SlackExportSource(path, company_id="c").read())
    assert list(messages) == ["ok"]
    assert len(dead) == 1 and dead[0].origin == f"{path}:general/2025-03-02.json"
    assert dead[0].reason.startswith("member inflates ")
    assert dead[0].reason.endswith("x, over max_zip_ratio (100): a zip bomb?")


def test_zip_total_cap_stops_inflating_further_members(tmp_path: Path) -> None:
    path = bomb_zip(tmp_path / "bomb.zip", inflated=2 << 20)
    budget = ReaderBudget(max_zip_ratio=1e9, max_zip_total_bytes=1 << 20)
    messages, dead = split(SlackExportSource(path, company_id="c", budget=budget).read())
    assert list(messages) == ["ok"]
    assert [(d.origin, d.reason) for d in dead] == [
        (f"{path}:general/2025-03-02.json",
         "the export inflates past max_zip_total_bytes (1048576)")]


def test_small_members_that_compress_well_are_read(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "export.zip"
    text = "x" * 500_000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("channels.json", '[{"id": "C1", "name": "general"}]')
        zf.writestr("general/2025-03-01.json", day(slack_line("big", text)))
    messages, dead = split(SlackExportSource(path, company_id="c").read())
    assert dead == [] and messages["big"].text == text


def test_folder_member_over_the_member_cap_is_dead_lettered(tmp_path: Path) -> None:
    root = export(tmp_path, {"channels.json": '[{"id": "C1", "name": "general"}]',
                             "general/2025-03-01.json": day(slack_line("big", "y" * 5000)),
                             "general/2025-03-02.json": day(slack_line("ok", "fine"))})
    budget = ReaderBudget(max_member_bytes=2048)
    messages, dead = split(SlackExportSource(root, company_id="c", budget=budget).read())
    assert list(messages) == ["ok"]
    assert [(d.origin, d.reason) for d in dead] == [
        (f"{root}:general/2025-03-01.json", "file larger than max_member_bytes (2048)")]


def test_a_quoted_cell_over_many_lines_is_cut_short(tmp_path: Path) -> None:
    from signalpipe.sources.csv import CSVSource

    path = tmp_path / "in.csv"
    path.write_bytes(b"id,is_chat,chat_sender,email_sender,timestamp,content\n"
                     b'big,true,a,,2025-03-01T10:00:00Z,"' + b"line\n" * 30_000 + b'"\n')
    path.write_bytes(path.read_bytes() + b'after,true,a,,2025-03-01T10:00:00Z,"still ""read"""\n')
    items = list(CSVSource(path, company_id="c", max_cell_bytes=1024).read())
    assert len(items) == 2
    first, second = items
    assert isinstance(first, DeadLetter) and first.origin == f"{path}:2"
    assert first.reason.startswith("row larger than max_cell_bytes (1024)")
    assert first.message_id == "big" and len(first.raw) <= 65536
    assert isinstance(second, Message) and second.text == 'still "read"'
    assert second.origin == f"{path}:30003"


@pytest.mark.parametrize("blob", [os.urandom(200_000), b"%PDF-1.7\n" + os.urandom(50_000),
                                  b"\x00" * 10_000])
def test_binary_named_csv_is_refused_as_not_text(tmp_path: Path, blob: bytes) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(blob)
    with pytest.raises(SourceError) as err:
        list(open_source(path, fmt=None, company_id="c", max_cell_bytes=1024).read())
    assert str(err.value) == (f"{path}: not a text CSV file (its first "
                              f"{min(8192, len(blob))} bytes look like binary data)")


def test_csv_header_error_shows_escape_sequences_as_text(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(b"\x1b]0;pwned\x07\x1b[2J,\x1b]8;;http://evil.example\x1b\\link\n")
    with pytest.raises(SourceError) as err:
        list(open_source(path, fmt="csv", company_id="c", max_cell_bytes=1024).read())
    message = str(err.value)
    assert "\x1b" not in message and "\x07" not in message
    assert message.endswith(r"got \x1b]0;pwned\x07\x1b[2J,\x1b]8;;http://evil.example\x1b\link")


def test_a_malformed_first_row_is_a_header_error_not_a_dead_letter(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    path.write_bytes(b'"id,is_chat\n')
    with pytest.raises(SourceError, match="header must be id,is_chat,chat_sender"):
        list(open_source(path, fmt="csv", company_id="c", max_cell_bytes=1024).read())


def test_slack_files_of_the_wrong_type_are_no_type_error(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps({"type": "message", "subtype": "file_share", "user": "U1",
                                "ts": "1740819600.000100", "files": 5, "text": ""}))
    messages, dead = split(SlackJSONSource(path, company_id="c", keep_non_human=True).read())
    assert messages == {}
    assert [d.reason for d in dead] == ["empty text"]


def test_each_message_of_a_history_page_line_has_its_own_origin(tmp_path: Path) -> None:
    from signalpipe.stores.sqlite import SQLiteMessageStore

    path = tmp_path / "history.jsonl"
    empty = {"type": "message", "user": "U1", "text": " ", "ts": "1740819600.000100"}
    path.write_text(json.dumps({"ok": True, "messages": [
        {**empty, "client_msg_id": "e1"}, {**empty, "client_msg_id": "e2"},
        {**empty, "client_msg_id": "ok", "text": "fine"}]}))
    messages, dead = split(SlackJSONSource(path, company_id="c").read())
    assert list(messages) == ["ok"] and messages["ok"].origin == f"{path}:1#2"
    assert [(d.origin, d.reason) for d in dead] == [(f"{path}:1#0", "empty text"),
                                                    (f"{path}:1#1", "empty text")]
    store = SQLiteMessageStore(tmp_path / "s.sqlite3")
    try:
        store.put_dead_letters(dead)
        assert len(store.dead_letters()) == 2
    finally:
        store.close()
