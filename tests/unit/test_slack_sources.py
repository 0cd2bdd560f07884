"""Slack export (folder and zip), Slack Events/Web API JSON, and mrkdwn rendering."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from signalpipe.errors import SourceError
from signalpipe.models import DeadLetter, Message
from signalpipe.sources.base import Item
from signalpipe.sources.slack_export import SlackExportSource, slack_ts_to_datetime
from signalpipe.sources.slack_json import SlackJSONSource
from signalpipe.sources.slack_markup import escape, to_plain, unescape

FIXTURES = Path(__file__).parents[1] / "fixtures" / "slack"
EXPORT = FIXTURES / "export"
EVENTS = FIXTURES / "events.jsonl"
ROOT_THREAD = "C01GENERAL:1709546400.000200"


def split(items: Iterable[Item]) -> tuple[dict[str, Message], list[DeadLetter]]:
    messages: dict[str, Message] = {}
    dead: list[DeadLetter] = []
    for item in items:
        if isinstance(item, Message):
            messages[item.source_id] = item
        else:
            dead.append(item)
    return messages, dead


def read_export(path: Path = EXPORT, **kwargs: object) -> tuple[dict[str, Message],
                                                                 list[DeadLetter]]:
    return split(SlackExportSource(path, company_id="scaleflow", **kwargs).read())  # type: ignore[arg-type]


def zip_export(target: Path, *, prefix: str = "") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(EXPORT.rglob("*.json")):
            zf.write(path, prefix + path.relative_to(EXPORT).as_posix())
    return target


# --- mrkdwn -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    ("hi <@U1>", "hi @Alice"),
    ("hi <@U9>", "hi @U9"),
    ("hi <@U1|ally>", "hi @ally"),
    ("see <#C1|general>", "see #general"),
    ("see <#C1>", "see #general"),
    ("<!here> <!channel> <!everyone>", "@here @channel @everyone"),
    ("<!subteam^S1|@eng> ping", "@eng ping"),
    ("due <!date^1392734382^{date}|Feb 18, 2014>", "due Feb 18, 2014"),
    ("<https://x.io/a|the doc>", "the doc (https://x.io/a)"),
    ("<https://x.io/a>", "https://x.io/a"),
    ("<https://x.io|x.io>", "https://x.io"),
    ("<mailto:a@b.io|a@b.io>", "a@b.io"),
    ("A &amp; B &lt;3 &gt; C", "A & B <3 > C"),
    ("literal &amp;lt; stays", "literal &lt; stays"),
    ("ship it :rocket: at 10:30:45", "ship it :rocket: at 10:30:45"),
])
def test_mrkdwn_to_plain(raw: str, expected: str) -> None:
    assert to_plain(raw, users={"U1": "Alice"}, channels={"C1": "general"}) == expected


@pytest.mark.parametrize("text", ["a < b & c > d", "&lt; literal", "<@U1> typed by hand", ""])
def test_escape_round_trips(text: str) -> None:
    assert unescape(escape(text)) == text
    assert to_plain(escape(text)) == text


def test_slack_ts_is_exact_to_the_microsecond() -> None:
    assert slack_ts_to_datetime("1709546400.000200") == datetime(2024, 3, 4, 10, 0, 0, 200,
                                                                 tzinfo=UTC)
    assert slack_ts_to_datetime("1709546400") == datetime(2024, 3, 4, 10, tzinfo=UTC)


# --- export -----------------------------------------------------------------------------------

def test_export_folder_reads_every_conversation() -> None:
    messages, dead = read_export()
    assert len(messages) == 12
    channels = {m.channel for m in messages.values()}
    assert channels == {"general", "product", "board-private", "mpdm-alice--bob--carol-1",
                        "dm:Alice Nguyen,Bob K."}
    assert {d.reason.split(":")[0] for d in dead} == {"empty text", "not a Slack message",
                                                       "not JSON"}
    truncated = next(d for d in dead if d.reason.startswith("not JSON"))
    assert truncated.origin.endswith("product/2024-03-06.json")
    assert truncated.stage == "source"
    assert "truncated export file" in truncated.raw


def test_export_skips_non_human_subtypes_and_counts_them() -> None:
    source = SlackExportSource(EXPORT, company_id="scaleflow")
    messages, _ = split(source.read())
    assert dict(source.skipped) == {"channel_join": 1, "bot_message": 1,
                                    "file_share without text": 1, "channel_topic": 1}
    assert not any("joined the channel" in m.text for m in messages.values())


def test_export_keeps_non_human_messages_when_asked() -> None:
    messages, _ = read_export(keep_non_human=True)
    texts = {m.text: m for m in messages.values()}
    assert "@carol has joined the channel" in texts
    assert texts["Deployed v2.3.0 to production"].sender == "deploybot"
    assert "shared file: screenshot.png" in texts
    assert "@Alice Nguyen set the channel topic: Q1 close" in texts
    assert len(messages) == 16


def test_export_resolves_users_links_and_entities() -> None:
    messages, _ = read_export()
    deal = messages["5f0c7a1e-0001-4c1b-9d1e-aaaaaaaaaaa1"]
    assert deal.sender == "Alice Nguyen"
    assert deal.text == ("Big news @Bob K.: we signed Acme & Co for $240k ARR. Details in the deal"
                         " memo (https://scaleflow.io/deals/acme) <confidential> :tada:")
    assert messages["5f0c7a1e-0002-4c1b-9d1e-aaaaaaaaaaa2"].sender == "Bob K."  # display_name
    assert messages["5f0c7a1e-0005-4c1b-9d1e-aaaaaaaaaaa5"].sender == "carol"  # handle only
    assert messages["5f0c7a1e-0007-4c1b-9d1e-aaaaaaaaaaa7"].sender == "Gina Guest"  # profile
    here = messages["5f0c7a1e-0006-4c1b-9d1e-aaaaaaaaaaa6"].text
    assert here == ("@here all-hands moved to 3pm, see #product and mail ops@scaleflow.io"
                    " :calendar::clock3:")
    product = messages["5f0c7a1e-0008-4c1b-9d1e-aaaaaaaaaaa8"].text
    assert product == ("Launch of the analytics dashboard is Mar 14; cc @eng-team, details in"
                       " #general")
    assert messages["5f0c7a1e-0011-4c1b-9d1e-aaaaaaaaab11"].text == (
        "Yes > two is fine && budgeted")


def test_export_threads_span_day_files() -> None:
    messages, _ = read_export()
    in_thread = {m.source_id for m in messages.values() if m.thread_id == ROOT_THREAD}
    assert in_thread == {"5f0c7a1e-0001-4c1b-9d1e-aaaaaaaaaaa1",
                         "5f0c7a1e-0002-4c1b-9d1e-aaaaaaaaaaa2",
                         "5f0c7a1e-0005-4c1b-9d1e-aaaaaaaaaaa5"}
    assert messages["5f0c7a1e-0003-4c1b-9d1e-aaaaaaaaaaa3"].thread_id is None


def test_export_edited_message_has_latest_text_and_keeps_edit_marker() -> None:
    messages, _ = read_export()
    edited = messages["5f0c7a1e-0003-4c1b-9d1e-aaaaaaaaaaa3"]
    assert edited.text == "Correction: Q1 revenue was $1.2M, not $1.1M"
    assert edited.payload["edited"] == {"user": "U01ALICE", "ts": "1709550120.000000"}


def test_export_ids_payload_and_origin() -> None:
    messages, _ = read_export()
    no_client_id = messages["C01GENERAL:1709557200.000800"]
    assert no_client_id.sender == "carol"
    file_share = messages["C01GENERAL:1709553600.000600"]
    assert file_share.text == "Here is the board deck for Thursday"
    assert file_share.payload["files"][0]["name"] == "board-deck-q1.pdf"
    deal = messages["5f0c7a1e-0001-4c1b-9d1e-aaaaaaaaaaa1"]
    assert deal.payload["type"] == "message"
    assert deal.payload["channel"] == "C01GENERAL"
    assert deal.payload["ts"] == "1709546400.000200"
    assert deal.origin == f"{EXPORT}:general/2024-03-04.json:1"
    assert deal.timestamp == datetime(2024, 3, 4, 10, 0, 0, 200, tzinfo=UTC)
    assert deal.company_id == "scaleflow"


def test_export_zip_with_wrapping_folder_matches_folder(tmp_path: Path) -> None:
    archive = zip_export(tmp_path / "export.zip", prefix="Scaleflow Slack export Mar 4 2024/")
    from_zip, dead_zip = read_export(archive)
    from_folder, dead_folder = read_export()
    assert {k: (m.text, m.sender, m.channel, m.thread_id) for k, m in from_zip.items()} == {
        k: (m.text, m.sender, m.channel, m.thread_id) for k, m in from_folder.items()}
    assert len(dead_zip) == len(dead_folder)


def test_export_corrupt_zip_member_is_dead_lettered_and_run_goes_on(tmp_path: Path) -> None:
    archive = zip_export(tmp_path / "export.zip")
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo("general/2024-03-05.json")
    data = bytearray(archive.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 5, start + info.compress_size - 2):
        data[i] ^= 0x5A
    archive.write_bytes(bytes(data))

    messages, dead = read_export(archive)
    broken = [d for d in dead if d.reason.startswith("unreadable member")]
    assert [d.origin for d in broken] == [f"{archive}:general/2024-03-05.json"]
    assert "5f0c7a1e-0005-4c1b-9d1e-aaaaaaaaaaa5" not in messages  # that day is lost...
    assert "5f0c7a1e-0009-4c1b-9d1e-aaaaaaaaaaa9" in messages  # ...the rest is not
    assert len(messages) == 9


def test_export_progress_adds_up_to_total(tmp_path: Path) -> None:
    for path in (EXPORT, zip_export(tmp_path / "export.zip")):
        source = SlackExportSource(path, company_id="c")
        seen: list[int] = []
        split(source.read(seen.append))
        assert sum(seen) == source.total_bytes()
        assert all(n >= 0 for n in seen)


def test_export_without_users_json_falls_back_to_ids(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    shutil.copytree(EXPORT, folder)
    (folder / "users.json").unlink()
    messages, _ = read_export(folder)
    assert messages["5f0c7a1e-0001-4c1b-9d1e-aaaaaaaaaaa1"].sender == "Alice Nguyen"  # profile
    assert messages["5f0c7a1e-0002-4c1b-9d1e-aaaaaaaaaaa2"].sender == "U02BOB"


def test_export_text_over_limit_is_dead_lettered() -> None:
    messages, dead = read_export(max_text_bytes=50)
    assert all(len(m.text.encode()) <= 50 for m in messages.values())
    assert any(d.reason == "text larger than 50 bytes" for d in dead)


def test_export_not_a_zip_is_a_source_error(tmp_path: Path) -> None:
    bogus = tmp_path / "export.zip"
    bogus.write_bytes(b"this is not a zip")
    with pytest.raises(SourceError, match="not a readable zip"):
        list(SlackExportSource(bogus, company_id="c").read())


# --- Events API / Web API JSON ----------------------------------------------------------------

def test_events_file_messages_and_dead_letters() -> None:
    source = SlackJSONSource(EVENTS, company_id="scaleflow")
    items = list(source.read())
    messages = [i for i in items if isinstance(i, Message)]
    dead = [i for i in items if isinstance(i, DeadLetter)]
    assert [m.source_id for m in messages] == [
        "7a7a7a7a-0001-4000-8000-000000000001",
        "C01GENERAL:1709712300.000200",
        "7a7a7a7a-0001-4000-8000-000000000001",  # the edit: same id, new text
        "7a7a7a7a-0002-4000-8000-000000000002",
        "D01ALBO:1709716200.000100",
    ]
    assert messages[2].text == "We crossed 55,000 weekly active users"
    assert messages[1].thread_id == "C01GENERAL:1709712000.000100"
    assert messages[3].text == "Partnership with Globex is signed & announced Monday"
    assert [(d.origin.rsplit(":", 1)[1], d.reason.split(":")[0]) for d in dead] == [
        ("5", "not a Slack message"), ("6", "not a Slack message"), ("7", "not JSON"),
        ("11", "empty text")]
    assert dict(source.skipped) == {"message_deleted": 1, "channel_join": 1, "bot_message": 1}


def test_events_use_supplied_user_and_channel_names() -> None:
    source = SlackJSONSource(EVENTS, company_id="c", users={"U01ALICE": "Alice", "U02BOB": "Bob"},
                             channels={"C01GENERAL": "general"})
    first = next(i for i in source.read() if isinstance(i, Message))
    assert first.sender == "Alice"
    assert first.channel == "general"
    assert first.text == ("We crossed 50,000 weekly active users :chart_with_upwards_trend: "
                          "thanks @Bob!")
    assert first.payload["event_ts"] == "1709712000.000100"  # the inner event, as sent


def test_events_progress_adds_up_to_file_size() -> None:
    source = SlackJSONSource(EVENTS, company_id="c")
    seen: list[int] = []
    list(source.read(seen.append))
    assert sum(seen) == source.total_bytes() == EVENTS.stat().st_size
