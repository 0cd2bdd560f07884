"""Readers read what a person sees (issue 12): Slack blocks and attachments, day files however
named, mbox From_ lines, binaries renamed .eml, hidden HTML, and lying charset labels."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from signalpipe.models import DeadLetter, Message
from signalpipe.sources.base import Item
from signalpipe.sources.email_text import decode_bytes, html_to_text
from signalpipe.sources.mailbox import EmlSource, MaildirSource, MboxSource
from signalpipe.sources.slack_export import SlackExportSource
from signalpipe.sources.slack_json import SlackJSONSource


def split(items: Iterable[Item]) -> tuple[dict[str, Message], list[DeadLetter]]:
    messages: dict[str, Message] = {}
    dead: list[DeadLetter] = []
    for item in items:
        if isinstance(item, Message):
            messages[item.source_id] = item
        else:
            dead.append(item)
    return messages, dead


def msg(msg_id: str, text: str = "", **extra: Any) -> dict[str, Any]:
    return {"type": "message", "channel": "C1", "user": "U1", "text": text,
            "ts": "1740819600.000100", "client_msg_id": msg_id, **extra}


def read_jsonl(tmp_path: Path, *objs: dict[str, Any]) -> tuple[dict[str, Message],
                                                                list[DeadLetter]]:
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(json.dumps(o) for o in objs))
    return split(SlackJSONSource(path, company_id="c").read())


# --- Slack blocks and attachments -------------------------------------------------------------

RICH = [{"type": "rich_text", "elements": [
    {"type": "rich_text_section", "elements": [
        {"type": "text", "text": "We closed our "}, {"type": "text", "text": "$12M Series A",
                                                     "style": {"bold": True}},
        {"type": "text", "text": " led by "}, {"type": "link", "url": "https://nw.example",
                                               "text": "Northwind"}]},
    {"type": "rich_text_list", "elements": [
        {"type": "rich_text_section", "elements": [{"type": "text", "text": "one"}]},
        {"type": "rich_text_section", "elements": [{"type": "user", "user_id": "U9"}]}]}]}]


def test_text_only_in_rich_text_blocks_is_read(tmp_path: Path) -> None:
    messages, dead = read_jsonl(tmp_path, msg("b1", blocks=RICH))
    assert dead == []
    assert messages["b1"].text == ("We closed our $12M Series A led by Northwind "
                                   "(https://nw.example)\none\n@U9")


def test_text_only_in_section_and_header_blocks_is_read(tmp_path: Path) -> None:
    blocks = [{"type": "header", "text": {"type": "plain_text", "text": "Q1 update"}},
              {"type": "section", "text": {"type": "mrkdwn", "text": "ARR *crossed* $2M"},
               "fields": [{"type": "mrkdwn", "text": "churn 1%"}]},
              {"type": "divider"},
              {"type": "context", "elements": [{"type": "mrkdwn", "text": "by finance"}]}]
    messages, dead = read_jsonl(tmp_path, msg("b2", blocks=blocks))
    assert dead == []
    assert messages["b2"].text == "Q1 update\nARR *crossed* $2M\nchurn 1%\nby finance"


def test_text_only_in_attachments_is_read(tmp_path: Path) -> None:
    messages, dead = read_jsonl(
        tmp_path, msg("a1", attachments=[{"fallback": "Hired a VP Sales", "color": "good"}]),
        msg("a2", attachments=[{"pretext": "", "text": "Signed &lt;Acme&gt;"}]))
    assert dead == []
    assert messages["a1"].text == "Hired a VP Sales"
    assert messages["a2"].text == "Signed <Acme>"


def test_text_field_wins_over_blocks(tmp_path: Path) -> None:
    messages, _ = read_jsonl(tmp_path, msg("t", "typed text", blocks=RICH))
    assert messages["t"].text == "typed text"


def test_a_message_with_nothing_readable_is_still_empty(tmp_path: Path) -> None:
    _, dead = read_jsonl(tmp_path, msg("e", blocks=[{"type": "divider"}], attachments=[{}]))
    assert [d.reason for d in dead] == ["empty text"]


# --- day files ----------------------------------------------------------------------------------

def export(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "export"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def day(msg_id: str, text: str) -> str:
    return json.dumps([msg(msg_id, text)])


def test_day_files_however_named_are_read_in_date_order(tmp_path: Path) -> None:
    root = export(tmp_path, {"channels.json": '[{"id": "C1", "name": "general"}]',
                             "general/2025-1-6.json": day("d6", "short date"),
                             "general/2025-01-05.JSON": day("d5", "upper-case suffix"),
                             "general/2025/01/2025-01-07.json": day("d7", "in a sub-folder"),
                             "integration_logs.json": "[]"})
    messages, dead = split(SlackExportSource(root, company_id="c").read())
    assert dead == []
    assert list(messages) == ["d5", "d6", "d7"]
    assert {m.channel for m in messages.values()} == {"general"}


def test_other_json_in_a_conversation_folder_is_dead_lettered_not_ignored(
        tmp_path: Path) -> None:
    root = export(tmp_path, {"channels.json": '[{"id": "C1", "name": "general"}]',
                             "general/notes.json": day("n", "not a day"),
                             "general/2025-01-05.json": day("d5", "a day")})
    messages, dead = split(SlackExportSource(root, company_id="c").read())
    assert list(messages) == ["d5"]
    assert [(d.origin, d.reason) for d in dead] == [
        (f"{root}:general/notes.json", "a .json file in a conversation folder whose name is not "
                                       "a day (YYYY-MM-DD.json): not read")]


def test_day_files_in_a_zip_named_loosely_are_read(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("channels.json", '[{"id": "C1", "name": "general"}]')
        zf.writestr("general/2025-1-6.JSON", day("z", "zipped"))
        zf.writestr("__MACOSX/general/._2025-1-6.JSON", "junk")
    messages, dead = split(SlackExportSource(path, company_id="c").read())
    assert dead == [] and messages["z"].text == "zipped"


# --- mbox From_ lines ---------------------------------------------------------------------------

def mail(msg_id: str, body: str) -> str:
    return (f"From: a@x.io\nSubject: s\nDate: Sat, 01 Mar 2025 09:00:00 +0000\n"
            f"Message-ID: <{msg_id}@x.io>\n\n{body}\n")


@pytest.mark.parametrize("line", [
    "From the meeting at 10:30 we agreed on pricing.",
    "From here on we report usage weekly.",
    "From Mon Jan  6 10:30:00 2025 onwards the price is $10.",
    "From alice@x.io Mon Jan  6 10:30:00 2025",  # envelope-shaped, but no header follows it
])
def test_an_unquoted_from_body_line_does_not_split_a_message(tmp_path: Path, line: str) -> None:
    path = tmp_path / "in.mbox"
    body = f"first paragraph\n\n{line}\nand the rest of it"
    path.write_text(f"From a@x.io Sat Mar  1 09:00:00 2025\n{mail('m1', body)}\n"
                    f"From b@x.io Sat Mar  1 09:01:00 +0000 2025\n{mail('m2', 'second')}\n")
    messages, dead = split(MboxSource(path, company_id="c").read())
    assert dead == []
    assert list(messages) == ["m1@x.io", "m2@x.io"]
    assert messages["m1@x.io"].text == body
    assert messages["m2@x.io"].text == "second"


# --- binaries named .eml ----------------------------------------------------------------------

@pytest.mark.parametrize(("blob", "reason"), [
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Title (Closed $7M Series A) >>\nendobj\n",
     "not an email: the file is a PDF"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "not an email: the file is a PNG image"),
    (b"PK\x03\x04" + b"\x00" * 64, "not an email: the file is a zip (or Office document)"),
    (b"Closed $7M Series A\x00\x00\x01binary", "not an email: binary data (NUL bytes in the "
                                                "header block)"),
    (b"Just a note: we closed $7M Series A\n\nno headers at all\n",
     "not an email: no From, Date, Subject or Message-ID header"),
])
def test_a_binary_renamed_eml_is_dead_lettered_not_stored(tmp_path: Path, blob: bytes,
                                                           reason: str) -> None:
    path = tmp_path / "deck.eml"
    path.write_bytes(blob)
    messages, dead = split(EmlSource(path, company_id="c").read())
    assert messages == {}
    assert [(d.origin, d.reason) for d in dead] == [(str(path), reason)]


# --- hidden HTML ------------------------------------------------------------------------------

@pytest.mark.parametrize("hidden", [
    '<div style="display:none">We closed our $500M Series D</div>',
    '<div style="DISPLAY: none !important"><p>We closed our <b>$500M</b> Series D</p></div>',
    '<span style="font-size:0">We closed our $500M Series D</span>',
    '<span style="font-size: 0px">We closed our $500M Series D</span>',
    '<span style="color:#000; font-size:0pt;">We closed our $500M Series D</span>',
    '<p style="visibility:hidden">We closed our $500M Series D</p>',
    '<div hidden>We closed our $500M Series D</div>',
    '<div style="opacity:0">We closed our $500M Series D</div>',
    '<div style="max-height:0;overflow:hidden">We closed our $500M Series D</div>',
    '<div style="display:none"><br><img src=x><div>We closed</div> our $500M Series D</div>',
])
def test_hidden_html_text_is_dropped(hidden: str) -> None:
    html = f"<html><body><p>Hi team,</p>{hidden}<p>Revenue grew.</p></body></html>"
    assert html_to_text(html) == "Hi team,\n\nRevenue grew."


@pytest.mark.parametrize("shown", [
    '<span style="font-size:10px">shown</span>', '<span style="font-size:0.9em">shown</span>',
    '<div style="display:block">shown</div>', '<div style="opacity:0.5">shown</div>',
])
def test_visible_styles_keep_their_text(shown: str) -> None:
    assert html_to_text(f"<p>{shown}</p>") == "shown"


def test_hidden_html_email_stores_only_the_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "m.eml"
    path.write_text("From: a@x.io\nSubject: s\nDate: Sat, 01 Mar 2025 09:00:00 +0000\n"
                    "Message-ID: <h@x.io>\nContent-Type: text/html; charset=utf-8\n\n"
                    "<p>Weekly notes.</p><div style='display:none'>We closed our $500M Series D "
                    "led by SoftBank.</div>\n")
    messages, dead = split(EmlSource(path, company_id="c").read())
    assert dead == [] and messages["h@x.io"].text == "Weekly notes."


# --- charsets -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "charset", "text"), [
    (b"We hired a designer.", "utf-16", "We hired a designer."),
    (b"We hired a designer!", "UTF-16LE", "We hired a designer!"),
    ("caf\u00e9 ok".encode(), "utf-32", "caf\u00e9 ok"),
    ("caf\u00e9".encode("utf-16"), "utf-16", "caf\u00e9"),
    ("hello".encode("utf-16-le"), "utf-16-le", "hello"),
    ("\u4f60\u597d".encode("utf-16-le"), "utf-16-le", "\u4f60\u597d"),
])
def test_a_utf16_label_on_ascii_bytes_is_not_believed(data: bytes, charset: str,
                                                      text: str) -> None:
    assert decode_bytes(data, charset) == text


def test_ascii_body_declared_utf16_is_stored_readable(tmp_path: Path) -> None:
    path = tmp_path / "m.eml"
    path.write_bytes(b"From: a@x.io\nSubject: s\nDate: Sat, 01 Mar 2025 09:00:00 +0000\n"
                     b"Message-ID: <u@x.io>\nContent-Type: text/plain; charset=utf-16\n\n"
                     b"We closed our $12M Series A led by Northwind.\n")
    messages, dead = split(EmlSource(path, company_id="c").read())
    assert dead == [] and messages["u@x.io"].text == "We closed our $12M Series A led by Northwind."


# --- symlinks inside a folder input -----------------------------------------------------------

def test_symlinks_inside_a_slack_export_are_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text(json.dumps([msg("s", "TOP SECRET")]))
    root = export(tmp_path, {"channels.json": '[{"id": "C1", "name": "general"}]',
                             "general/2025-01-05.json": day("ok", "fine")})
    os.symlink(secret, root / "general" / "2025-01-06.json")
    os.symlink(tmp_path, root / "linked")
    messages, dead = split(SlackExportSource(root, company_id="c").read())
    assert list(messages) == ["ok"]
    assert sorted((d.origin, d.reason) for d in dead) == [
        (f"{root}:general/2025-01-06.json", "symbolic link: not followed"),
        (f"{root}:linked", "symbolic link to a folder: not followed")]
    assert not any("TOP SECRET" in d.raw for d in dead)


def test_symlinks_inside_a_maildir_are_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("From: x@x.io\nSubject: secret\nMessage-ID: <s@x.io>\n\nTOP SECRET\n")
    root = tmp_path / "Maildir"
    (root / "cur").mkdir(parents=True)
    (root / "new").mkdir()
    (root / "cur" / "1700000000.M1P1.host").write_text(mail("ok", "fine"))
    os.symlink(secret, root / "cur" / "1700000001.M2P2.host")
    os.mkfifo(root / "new" / "1700000002.M3P3.host")
    messages, dead = split(MaildirSource(root, company_id="c").read())
    assert list(messages) == ["ok@x.io"]
    link, fifo = root / "cur" / "1700000001.M2P2.host", root / "new" / "1700000002.M3P3.host"
    assert [(d.origin, d.reason) for d in dead] == [
        (str(link), f"{link} is a symbolic link: not followed"),
        (str(fifo), f"{fifo} is a FIFO (named pipe), not a regular file: refusing to read it")]
    assert not any("TOP SECRET" in d.raw for d in dead)
