"""Email readers: .eml, mbox (streamed), Maildir, Gmail API JSON, and the text helpers."""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from signalpipe.models import DeadLetter, Message
from signalpipe.sources import gmail_json
from signalpipe.sources.base import Item
from signalpipe.sources.email_text import (
    html_to_text,
    message_id_header,
    message_ids,
    strip_reply,
    thread_root,
)
from signalpipe.sources.gmail_json import GmailJSONSource
from signalpipe.sources.mailbox import EmlSource, MaildirSource, MboxSource, split_mbox

FIXTURES = Path(__file__).parents[1] / "fixtures" / "email"


def split(items: Iterable[Item]) -> tuple[dict[str, Message], list[DeadLetter]]:
    messages: dict[str, Message] = {}
    dead: list[DeadLetter] = []
    for item in items:
        if isinstance(item, Message):
            messages[item.source_id] = item
        else:
            dead.append(item)
    return messages, dead


def eml(name: str) -> Item:
    (item,) = EmlSource(FIXTURES / name, company_id="scaleflow").read()
    return item


def eml_message(name: str) -> Message:
    item = eml(name)
    assert isinstance(item, Message), item
    return item


# --- text helpers -----------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "expected"), [
    ("Sounds good.\n\nOn Mon, Mar 4, 2024 at 9:00 AM Alice <a@x.io> wrote:\n> old\n",
     "Sounds good."),
    ("Yes.\n\nOn Mon, Mar 4, 2024 at 9:00 AM Alice Nguyen <alice@\nx.io> wrote:\n> old", "Yes."),
    ("> q1?\nA1\n> q2?\nA2", "A1\nA2"),
    ("Done.\n\n-----Original Message-----\nFrom: A\nSent: today\n\nold", "Done."),
    ("Done.\n\n________________________________\nFrom: A <a@x>\nSent: Monday\nTo: B\n\nold",
     "Done."),
    ("Done.\n\nFrom: Alice <a@x.io>\nSent: Monday, March 4\nTo: Bob\nold", "Done."),
    ("Numbers attached.\n-- \nAlice\nCEO", "Numbers attached."),
    ("Numbers attached.\n--\nAlice", "Numbers attached."),
    ("Ok\n\nSent from my iPhone", "Ok"),
    ("On Monday we ship v2.\nOn Tuesday we celebrate.",
     "On Monday we ship v2.\nOn Tuesday we celebrate."),
    ("Revenue -- up 20% -- great", "Revenue -- up 20% -- great"),
    ("a\n\n\n\nb", "a\n\nb"),
])
def test_strip_reply(body: str, expected: str) -> None:
    assert strip_reply(body) == expected


def test_html_to_text_drops_scripts_keeps_links_and_marks_quotes() -> None:
    html = ("<html><head><style>.x{}</style><script>var a=1;</script></head><body>"
            "<p>Q1 revenue &amp; growth: <a href='https://x.io/r'>report</a></p>"
            "<ul><li>one</li><li>two</li></ul>"
            "<blockquote><p>older</p><blockquote>oldest</blockquote></blockquote>"
            "<pre>a  b\n  c</pre></body></html>")
    assert html_to_text(html) == ("Q1 revenue & growth: report (https://x.io/r)\n\n- one\n- two"
                                  "\n\n> older\n> > oldest\n\na  b\n  c")


def test_message_ids_and_threads() -> None:
    assert message_ids("<a@b.c>") == ["a@b.c"]
    assert message_ids(message_id_header("msg_42")) == ["msg_42"]
    assert message_ids(" <x@y>\n\t<z@w> ") == ["x@y", "z@w"]
    assert message_ids("bare@id") == ["bare@id"]
    assert message_ids(None) == []
    assert thread_root("me", "<parent@x>", "<root@x> <parent@x>") == "root@x"
    assert thread_root("me", "<parent@x>", None) == "parent@x"
    assert thread_root("me", None, "") == "me"


# --- single .eml ------------------------------------------------------------------------------

def test_eml_plain_with_signature() -> None:
    m = eml_message("plain_signature.eml")
    assert m.source_id == "CAF=feb-update-2024@mail.scaleflow.io"
    assert m.thread_id == m.source_id
    assert m.sender == "Alice Nguyen <alice@scaleflow.io>"
    assert m.subject == "February update: revenue up 18%"
    assert m.timestamp == datetime(2024, 3, 4, 9, 15, tzinfo=timezone(timedelta(hours=-8)))
    assert m.text == ("Hi all,\n\nFebruary revenue grew 18% month over month to $310k MRR.\n"
                      "We also closed our first EU customer.")
    assert m.payload["full_text"].endswith("-- \nAlice Nguyen\nCEO, Scaleflow\n+1 555 0100")
    assert m.source == "gmail"


def test_eml_multipart_alternative_prefers_plain_and_strips_wrapped_quote() -> None:
    m = eml_message("alternative_reply.eml")
    assert m.text == "Great numbers. Churn also dropped to 1.9% \u2014 worth calling out."
    assert "HTML VERSION" not in m.payload["full_text"]
    assert m.thread_id == "CAF=feb-update-2024@mail.scaleflow.io"
    assert m.sender == "Kowalski, Bob <bob@scaleflow.io>"


def test_eml_html_only_with_encoded_word_headers() -> None:
    m = eml_message("html_only.eml")
    assert m.sender == "Jos\u00e9 Mart\u00ednez <jose@northstar.vc>"
    assert m.subject == "Term sheet \u2014 S\u00e9rie A"
    assert m.text == ("Hi Alice,\n\nNorthstar is ready to lead your Series A: $8M at a $40M "
                      "pre-money valuation & a board seat.\n\n- Pro-rata rights\n"
                      "- 1x non-participating preference\n\n"
                      "Full draft: term sheet (https://northstar.vc/ts/scaleflow)")
    assert "alert" not in m.payload["full_text"] and "color" not in m.payload["full_text"]
    assert "> Great numbers. Churn also dropped." in m.payload["full_text"]
    assert m.payload["from_html"] is True
    assert m.thread_id == "CAF=feb-update-2024@mail.scaleflow.io"


def test_eml_base64_latin_body_attachments_counted_outlook_quote_cut() -> None:
    m = eml_message("base64_latin_attachment.eml")
    assert m.subject == "Contrat sign\u00e9 avec SG"
    assert m.sender == "Andr\u00e9 Dupont <andre@scaleflow.fr>"
    assert m.text == ("Bonjour l'\u00e9quipe,\n\nLe contrat avec Soci\u00e9t\u00e9 "
                      "G\u00e9n\u00e9rale est sign\u00e9 : 120 000 \u20ac par an.")
    assert m.payload["attachment_count"] == 2
    assert "O\u00f9 en est le contrat" in m.payload["full_text"]
    assert "fake pdf" not in m.payload["full_text"]


def test_eml_broken_base64_is_dead_lettered() -> None:
    item = eml("broken_base64.eml")
    assert isinstance(item, DeadLetter)
    assert item.reason == "base64 body is corrupt"
    assert item.stage == "source"
    assert item.origin == str(FIXTURES / "broken_base64.eml")
    assert "SGVsbG8g@@@@" in item.raw


def test_eml_without_message_id_gets_a_stable_content_hash() -> None:
    first = eml_message("no_message_id.eml")
    again = eml_message("no_message_id.eml")
    assert first.source_id == again.source_id
    assert first.source_id.startswith("sha256:") and len(first.source_id) == len("sha256:") + 40
    assert first.text == "Both offers accepted; start dates April 1 and April 15."
    assert first.sender == "dana@scaleflow.io"


def test_eml_content_hash_changes_with_content(tmp_path: Path) -> None:
    data = (FIXTURES / "no_message_id.eml").read_bytes().replace(b"April 15", b"April 16")
    (tmp_path / "other.eml").write_bytes(data)
    (item,) = EmlSource(tmp_path / "other.eml", company_id="scaleflow").read()
    assert isinstance(item, Message)
    assert item.source_id != eml_message("no_message_id.eml").source_id


def test_eml_payload_is_gmail_shaped() -> None:
    m = eml_message("plain_signature.eml")
    p = m.payload
    assert p["id"] == m.source_id and p["threadId"] == m.thread_id
    assert p["internalDate"] == str(int(m.timestamp.timestamp() * 1000))
    headers = {h["name"]: h["value"] for h in p["payload"]["headers"]}
    assert headers["Subject"] == "February update: revenue up 18%"
    assert "Received" not in headers
    body = base64.urlsafe_b64decode(p["payload"]["body"]["data"]).decode()
    assert body == p["full_text"]
    assert p["payload"]["mimeType"] == "text/plain"


# --- mbox -------------------------------------------------------------------------------------

def test_mbox_messages_threads_charsets_and_dead_letters() -> None:
    messages, dead = split(MboxSource(FIXTURES / "inbox.mbox", company_id="scaleflow").read())
    assert list(messages) == ["board-root@scaleflow.io", "board-reply@scaleflow.io",
                              "latin1-3@scaleflow.fr", "nodate-4@scaleflow.io",
                              "last-7@scaleflow.io"]
    reply = messages["board-reply@scaleflow.io"]
    assert reply.thread_id == "board-root@scaleflow.io"
    assert reply.text == ("SOC 2 Type I report landed this morning, I'll add it to the deck.\n"
                          "From the auditors: no exceptions.")  # mboxrd >From unquoted
    latin = messages["latin1-3@scaleflow.fr"]
    assert latin.subject == "R\u00e9sum\u00e9 du trimestre"
    assert latin.sender == "Andr\u00e9 Dupont <andre@scaleflow.fr>"
    assert latin.text == "Chiffre d'affaires : 1,2 M\u20ac, en hausse de 30 %. Tr\u00e8s bien."
    nodate = messages["nodate-4@scaleflow.io"]
    assert nodate.timestamp == datetime(2024, 3, 13, 14, 30, tzinfo=UTC)  # from the From_ line
    assert nodate.text.endswith("From here on we report usage weekly.")  # not a separator
    assert messages["board-root@scaleflow.io"].payload["labelIds"] == [
        "Inbox", "Important", "Category Updates"]
    assert [d.reason for d in dead] == [
        "multipart/mixed part has no readable sub-parts (missing boundary?)", "empty text"]
    assert dead[0].origin == f"{FIXTURES / 'inbox.mbox'}:1578"


def test_mbox_progress_adds_up_and_origins_are_offsets() -> None:
    path = FIXTURES / "inbox.mbox"
    seen: list[int] = []
    items = list(MboxSource(path, company_id="c").read(seen.append))
    assert sum(seen) == path.stat().st_size
    data = path.read_bytes()
    for item in items:
        offset = int((item.origin or "").rsplit(":", 1)[1])
        assert data[offset:offset + 5] == b"From "


def test_split_mbox_caps_message_size_without_holding_it() -> None:
    big = b"x" * (3 * 1024 * 1024)  # one 3 MiB line: read in 1 MiB pieces, never joined
    stream = io.BytesIO(b"From a@b Mon Mar 11 09:00:00 2024\nSubject: big\n\n" + big + b"\n\n"
                        b"From c@d Mon Mar 11 09:01:00 2024\nSubject: small\n\nhello\n")
    entries = list(split_mbox(stream, max_message_bytes=1024 * 1024))
    assert [e.data is None for e in entries] == [True, False]
    assert entries[1].data == b"Subject: small\n\nhello\n"
    assert sum(e.size for e in entries) == len(stream.getvalue())


def test_mbox_oversized_message_becomes_dead_letter(tmp_path: Path) -> None:
    path = tmp_path / "big.mbox"
    path.write_bytes((FIXTURES / "inbox.mbox").read_bytes())
    messages, dead = split(MboxSource(path, company_id="c", max_message_bytes=400).read())
    assert "board-root@scaleflow.io" in messages  # 355 bytes
    assert "board-reply@scaleflow.io" not in messages  # 472 bytes
    too_big = [d for d in dead if d.reason == "message larger than 400 bytes"]
    assert [d.origin.rsplit(":", 1)[1] for d in too_big] == ["415"]


def test_mbox_without_from_lines_is_one_message(tmp_path: Path) -> None:
    path = tmp_path / "single.mbox"
    path.write_bytes((FIXTURES / "plain_signature.eml").read_bytes())
    messages, dead = split(MboxSource(path, company_id="c").read())
    assert list(messages) == ["CAF=feb-update-2024@mail.scaleflow.io"] and not dead


# --- Maildir ----------------------------------------------------------------------------------

def test_maildir_reads_cur_new_and_subfolders_not_tmp() -> None:
    source = MaildirSource(FIXTURES / "maildir", company_id="scaleflow")
    seen: list[int] = []
    messages, dead = split(source.read(seen.append))
    assert list(messages) == ["uptime-1@scaleflow.io", "globex-2@globex.com",
                              "sent-3@scaleflow.io"]
    assert not dead
    assert messages["globex-2@globex.com"].timestamp == datetime.fromtimestamp(1710234000, UTC)
    sent = messages["sent-3@scaleflow.io"]
    assert sent.thread_id == "globex-2@globex.com"
    assert sent.text == "Wonderful, announcing it Monday."
    assert sum(seen) == source.total_bytes()


# --- Gmail API JSON ---------------------------------------------------------------------------

def test_gmail_jsonl_parts_headers_and_dead_letters() -> None:
    messages, dead = split(GmailJSONSource(FIXTURES / "gmail.jsonl", company_id="c").read())
    assert list(messages) == ["series-a-closed@mail.scaleflow.io", "jose-reply@northstar.vc",
                              "raw-format@scaleflow.io", "gmail:18e2f0a1b2c3d405"]
    closed = messages["series-a-closed@mail.scaleflow.io"]
    assert closed.sender == "Alice Nguy\u1ec5n <alice@scaleflow.io>"
    assert closed.subject == "\U0001f389 Series A closed"
    assert closed.text == ("We just closed our $8M Series A led by Northstar. "
                           "Runway is now 30 months??>>")
    assert closed.payload["attachment_count"] == 1
    assert closed.payload["labelIds"] == ["INBOX", "IMPORTANT", "CATEGORY_PERSONAL"]
    assert closed.payload["full_text"].endswith("-- \nAlice")
    assert closed.payload["payload"]["mimeType"] == "multipart/mixed"  # the original object
    reply = messages["jose-reply@northstar.vc"]
    assert reply.text == "F\u00e9licitations! Wire received & booked."
    assert reply.thread_id == "series-a-closed@mail.scaleflow.io"
    raw = messages["raw-format@scaleflow.io"]
    assert raw.text == "SOC 2 Type II audit kicked off today."
    assert raw.payload["id"] == "18e2f0a1b2c3d403" and "raw" not in raw.payload
    undated = messages["gmail:18e2f0a1b2c3d405"]
    assert undated.timestamp == datetime.fromtimestamp(1710500400, UTC)
    assert [(d.origin.rsplit(":", 1)[1], d.reason.split(":")[0]) for d in dead] == [
        ("4", "body is not valid base64url"), ("5", "not JSON"),
        ("7", "not a Gmail API message")]


def test_gmail_base64url_alphabet_is_used() -> None:
    line = (FIXTURES / "gmail.jsonl").read_text().splitlines()[0]
    data = json.loads(line)["payload"]["parts"][0]["parts"][0]["body"]["data"]
    assert set(data) & set("-_"), "fixture must exercise the url-safe alphabet"


@pytest.mark.parametrize("chunk", [7, 64, 1024 * 1024])
def test_gmail_json_array_read_incrementally(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    monkeypatch.setattr(gmail_json, "_CHUNK", chunk)
    source = GmailJSONSource(FIXTURES / "gmail_array.json", company_id="c")
    seen: list[int] = []
    messages, dead = split(source.read(seen.append))
    assert list(messages) == ["series-a-closed@mail.scaleflow.io", "gmail:18e2f0a1b2c3d405"]
    assert [(d.origin.rsplit(":", 1)[1], d.reason) for d in dead] == [
        ("#3", "not a Gmail API message")]
    assert sum(seen) == source.total_bytes()


def test_gmail_json_array_syntax_error_dead_letters_the_rest(tmp_path: Path) -> None:
    good = json.loads((FIXTURES / "gmail_array.json").read_text())[0]
    path = tmp_path / "broken.json"
    path.write_text("[" + json.dumps(good) + ', {"id": oops}, ' + json.dumps(good) + "]")
    messages, dead = split(GmailJSONSource(path, company_id="c").read())
    assert list(messages) == ["series-a-closed@mail.scaleflow.io"]
    assert len(dead) == 1 and dead[0].reason.startswith("not JSON")
    assert dead[0].origin.endswith(":#2")


def test_gmail_json_array_truncated(tmp_path: Path) -> None:
    good = json.loads((FIXTURES / "gmail_array.json").read_text())[0]
    path = tmp_path / "truncated.json"
    path.write_text("[" + json.dumps(good) + ",")
    messages, dead = split(GmailJSONSource(path, company_id="c").read())
    assert len(messages) == 1
    assert [d.reason for d in dead] == ["JSON array is not closed (truncated file?)"]


def test_gmail_json_array_number_split_by_a_chunk_stays_one_element(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gmail_json, "_CHUNK", 4)
    good = json.loads((FIXTURES / "gmail_array.json").read_text())[1]
    path = tmp_path / "mixed.json"
    path.write_text("[1234567890, " + json.dumps(good) + "]")
    messages, dead = split(GmailJSONSource(path, company_id="c").read())
    assert list(messages) == ["gmail:18e2f0a1b2c3d405"]
    assert [(d.origin.rsplit(":", 1)[1], d.raw) for d in dead] == [("#1", "1234567890")]
