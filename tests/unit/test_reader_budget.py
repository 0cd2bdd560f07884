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
from signalpipe.errors import SourceError
from signalpipe.models import DeadLetter, Message
from signalpipe.sources.base import Item
from signalpipe.sources.budget import ReaderBudget, json_too_deep, load_json
from signalpipe.sources.detect import budget_for, detect_format, open_source
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
            messages[item.id] = item
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
