"""The seed CSV source: good rows become Messages, every kind of bad row a DeadLetter."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest

from signalpipe.errors import SourceError
from signalpipe.models import DeadLetter, Message, Source
from signalpipe.sources.csv import CSVSource

HEADER = b"id,is_chat,chat_sender,email_sender,timestamp,content\n"


def read(tmp_path: Path, body: bytes, **kw: Any) -> list[Message | DeadLetter]:
    path = tmp_path / "in.csv"
    path.write_bytes(HEADER + body)
    return list(CSVSource(path, company_id="scaleflow", **kw).read())


def test_chat_row_becomes_slack_shaped_message(tmp_path: Path) -> None:
    [msg] = read(tmp_path, b'c1,true,alice,,2025-03-01T10:00:00Z,"We closed Acme, finally"\n')
    assert isinstance(msg, Message)
    assert msg.source is Source.SLACK and msg.sender == "alice"
    assert msg.payload["type"] == "message" and msg.payload["client_msg_id"] == "c1"
    assert msg.payload["text"] == "We closed Acme, finally"
    assert msg.origin == f"{tmp_path / 'in.csv'}:2"


def test_email_row_becomes_gmail_shaped_message(tmp_path: Path) -> None:
    row = b'e1,false,,ceo@x.com,2025-03-01T10:00:00Z,"Subject: Q1 numbers\n\nARR is $2M."\n'
    [msg] = read(tmp_path, row)
    assert isinstance(msg, Message)
    assert msg.source is Source.GMAIL and msg.subject == "Q1 numbers"
    headers = {h["name"]: h["value"] for h in msg.payload["payload"]["headers"]}
    assert headers["Subject"] == "Q1 numbers" and headers["From"] == "ceo@x.com"
    body = base64.urlsafe_b64decode(msg.payload["payload"]["body"]["data"]).decode()
    assert body == "ARR is $2M."


def test_one_line_email_cell_splits_subject_from_body(tmp_path: Path) -> None:
    """The original project's sample writes each email on one line after "Subject:"."""
    text = ("Subject: Global Logistics Corp - CONTRACT SIGNED! Hi Alex, Just got the DocuSign "
            "back. $75,000 ARR, 2-year commitment. They loved the RBAC demo Maya did.")
    row = f'97,False,,Jennifer L.,2025-11-05 14:00:00,"{text}"\n'.encode()
    [msg] = read(tmp_path, row)
    assert isinstance(msg, Message)
    assert msg.subject == "Global Logistics Corp - CONTRACT SIGNED!"
    body = base64.urlsafe_b64decode(msg.payload["payload"]["body"]["data"]).decode()
    assert body.startswith("Hi Alex, Just got the DocuSign back.")
    assert msg.text == text  # what extraction reads, and the replay hash, are unchanged


@pytest.mark.parametrize(("row", "reason"), [
    (b"b1,true,alice,,2025-03-01T10:00:00Z\n", "expected 6 columns, got 5"),
    (b"b2,true,alice,,2025-03-01T10:00:00Z,hi,extra\n", "expected 6 columns, got 7"),
    (b"b3,true,alice,,2025-03-01T10:00:00Z,   \n", "empty content"),
    (b"b4,true,alice,,yesterday-ish,hello\n", "unparsable timestamp"),
    (b"b5,maybe,alice,,2025-03-01T10:00:00Z,hello\n", "is_chat must be true or false"),
    (b"b6,true,alice,,2025-03-01T10:00:00Z,caf\xe9 au lait\n", "not valid UTF-8"),
    (b",true,alice,,2025-03-01T10:00:00Z,hello\n", "empty id"),
    # an undecodable byte in a column that is not the content, beside valid UTF-8 in another
    (b"b7,true,al\xe9,,2025-03-01T10:00:00Z,caf\xc3\xa9 ok\n", "column chat_sender is not valid"),
    # the Message model's own check, reached through its validator
    (b"x" * 600 + b",true,alice,,2025-03-01T10:00:00Z,hello\n",
     "not a valid message: id: Value error, the id should have at most 512 characters"),
])
def test_bad_rows_are_dead_lettered_with_a_reason(tmp_path: Path, row: bytes,
                                                  reason: str) -> None:
    good = b"g1,true,bob,,2025-03-01T10:00:00Z,fine\n"
    items = read(tmp_path, good + row + good.replace(b"g1", b"g2"))
    dead = [i for i in items if isinstance(i, DeadLetter)]
    ok = [i.source_id for i in items if isinstance(i, Message)]
    assert ok == ["g1", "g2"], "neighbours of a bad row must survive"
    assert len(dead) == 1 and reason in dead[0].reason
    assert dead[0].origin == f"{tmp_path / 'in.csv'}:3" and dead[0].raw.startswith(row[:2].decode())


def test_huge_cell_is_dead_lettered_with_only_its_start(tmp_path: Path) -> None:
    big = b"x" * (5 * 1024 * 1024)
    row = b"h1,true,a,,2025-03-01T10:00:00Z," + big
    items = read(tmp_path, row + b"\nok,true,a,,2025-03-01T10:00:00Z,fine\n",
                 max_cell_bytes=1_000_000)
    assert isinstance(items[0], DeadLetter)
    assert items[0].reason == ("row larger than max_cell_bytes (1000000) allows; only its first "
                               "65536 characters are kept")
    assert items[0].raw == row[:65536].decode()
    assert items[0].message_id == "h1"
    assert isinstance(items[1], Message) and items[1].text == "fine"


def test_truncated_last_line_is_dead_lettered(tmp_path: Path) -> None:
    items = read(tmp_path, b'ok,true,a,,2025-03-01T10:00:00Z,fine\n'
                           b't1,true,a,,2025-03-01T10:00:00Z,"never closed')
    assert isinstance(items[0], Message)
    assert isinstance(items[1], DeadLetter) and "malformed CSV" in items[1].reason
    assert "never closed" in items[1].raw


def test_timestamps_in_other_formats_are_normalised_to_utc(tmp_path: Path) -> None:
    items = read(tmp_path, b"a,true,x,,1740823200,epoch\nb,true,x,,2025-03-01 12:00:00+02:00,"
                           b"offset\nc,true,x,,2025-03-01T10:00:00,naive\n")
    stamps = [i.timestamp.utcoffset() for i in items if isinstance(i, Message)]
    assert len(stamps) == 3 and all(s is not None for s in stamps)
    assert items[1].timestamp.hour == 12  # type: ignore[union-attr]


def test_wrong_header_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b,c\n1,2,3\n")
    with pytest.raises(SourceError, match="header must be"):
        list(CSVSource(path, company_id="c").read())


def test_missing_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read"):
        list(CSVSource(tmp_path / "nope.csv", company_id="c").read())


def test_progress_counts_every_byte(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(HEADER + b"a,true,x,,2025-03-01T10:00:00Z,one\n" * 50)
    seen: list[int] = []
    list(CSVSource(path, company_id="c").read(seen.append))
    assert sum(seen) == path.stat().st_size


def test_same_file_name_in_two_folders_keeps_both_dead_letters(tmp_path: Path) -> None:
    """Dead letters are keyed by (origin, stage, reason): the origin carries the whole path, so
    line 2 of jan/export.csv and of feb/export.csv are two dead letters, not one."""
    from signalpipe.stores.sqlite import SQLiteMessageStore

    letters = []
    for month in ("jan", "feb"):
        (tmp_path / month).mkdir()
        path = tmp_path / month / "export.csv"
        path.write_bytes(HEADER + b"x,maybe,a,,2025-03-01T10:00:00Z,hi\n")
        letters += list(CSVSource(path, company_id="c").read())
    store = SQLiteMessageStore(tmp_path / "s.sqlite3")
    try:
        store.put_dead_letters(letters)  # type: ignore[arg-type]
        assert sorted(d.origin for d in store.dead_letters()) == [
            f"{tmp_path / 'feb' / 'export.csv'}:2", f"{tmp_path / 'jan' / 'export.csv'}:2"]
    finally:
        store.close()


def test_the_email_date_header_is_strftime_in_the_c_locale() -> None:
    # gmail_payload writes the Date header by hand; a payload rebuilt from a stored message must
    # match one built before, which strftime wrote.
    from datetime import UTC, datetime, timedelta

    from signalpipe.sources.payloads import gmail_payload

    start = datetime(1, 1, 1, tzinfo=UTC)
    for step in range(0, 315_537_897_599, 7_777_777):  # every weekday and month, years 1-9999
        ts = start + timedelta(seconds=step + step % 86_399)
        headers = gmail_payload("id", "a", "s", "b", ts, to="t")["payload"]["headers"]
        assert headers[3] == {"name": "Date",
                              "value": ts.strftime("%a, %d %b %Y %H:%M:%S +0000")}
