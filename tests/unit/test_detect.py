"""Format detection and the lazy source factory."""

from __future__ import annotations

import shutil
import sys
import types
import zipfile
from pathlib import Path
from typing import Any

import pytest

from signalpipe.backends import SOURCES, open_source
from signalpipe.errors import ConfigError, SourceError
from signalpipe.sources.base import Source
from signalpipe.sources.budget import ReaderBudget
from signalpipe.sources.detect import FORMATS, detect_format
from signalpipe.sources.gmail_json import GmailJSONSource
from signalpipe.sources.mailbox import EmlSource, MaildirSource, MboxSource
from signalpipe.sources.slack_export import SlackExportSource
from signalpipe.sources.slack_json import SlackJSONSource

FIXTURES = Path(__file__).parents[1] / "fixtures"
SLACK = FIXTURES / "slack"
EMAIL = FIXTURES / "email"


def test_formats_are_the_documented_names() -> None:
    assert FORMATS == ("csv", "slack-export", "slack-json", "mbox", "eml", "maildir",
                       "gmail-json")
    assert set(SOURCES.targets) == set(FORMATS)


@pytest.mark.parametrize(("path", "expected"), [
    (SLACK / "export", "slack-export"),
    (SLACK / "events.jsonl", "slack-json"),
    (EMAIL / "inbox.mbox", "mbox"),
    (EMAIL / "plain_signature.eml", "eml"),
    (EMAIL / "maildir", "maildir"),
    (EMAIL / "gmail.jsonl", "gmail-json"),
    (EMAIL / "gmail_array.json", "gmail-json"),
])
def test_detects_fixtures(path: Path, expected: str) -> None:
    assert detect_format(path) == expected


@pytest.mark.parametrize(("source", "name", "expected"), [
    (EMAIL / "inbox.mbox", "Inbox", "mbox"),  # Thunderbird keeps mboxes without a suffix
    (EMAIL / "alternative_reply.eml", "message.txt", "eml"),
    (SLACK / "events.jsonl", "events.log", "slack-json"),
    (EMAIL / "gmail_array.json", "dump", "gmail-json"),
])
def test_detects_by_content_when_suffix_says_nothing(tmp_path: Path, source: Path, name: str,
                                                     expected: str) -> None:
    target = tmp_path / name
    shutil.copy(source, target)
    assert detect_format(target) == expected


def test_detects_csv_by_suffix_and_by_header(tmp_path: Path) -> None:
    header = "id,is_chat,chat_sender,email_sender,timestamp,content\n"
    (tmp_path / "seed.csv").write_text(header)
    (tmp_path / "seed.data").write_text(header + "m1,true,a,,2024-01-01,hi\n")
    assert detect_format(tmp_path / "seed.csv") == "csv"
    assert detect_format(tmp_path / "seed.data") == "csv"


def test_detects_zipped_export_and_rejects_other_zips(tmp_path: Path) -> None:
    export = tmp_path / "slack.bin"  # the zip signature counts, not the suffix
    with zipfile.ZipFile(export, "w") as zf:
        zf.writestr("Workspace/users.json", "[]")
        zf.writestr("Workspace/general/2024-01-01.json", "[]")
    assert detect_format(export) == "slack-export"
    other = tmp_path / "photos.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("a.jpg", b"\xff\xd8")
    with pytest.raises(SourceError, match="not a Slack export"):
        detect_format(other)


def test_undetectable_inputs_say_pass_format(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("just some notes\n")
    (tmp_path / "other.json").write_text('{"hello": "world"}\n')
    (tmp_path / "empty_dir").mkdir()
    with pytest.raises(SourceError, match="--format"):
        detect_format(tmp_path / "notes.txt")
    with pytest.raises(SourceError, match="neither Slack messages nor Gmail"):
        detect_format(tmp_path / "other.json")
    with pytest.raises(SourceError, match="--format"):
        detect_format(tmp_path / "empty_dir")


@pytest.mark.parametrize(("path", "cls"), [
    (SLACK / "export", SlackExportSource),
    (SLACK / "events.jsonl", SlackJSONSource),
    (EMAIL / "inbox.mbox", MboxSource),
    (EMAIL / "plain_signature.eml", EmlSource),
    (EMAIL / "maildir", MaildirSource),
    (EMAIL / "gmail.jsonl", GmailJSONSource),
])
def test_open_source_builds_the_detected_source(path: Path, cls: type) -> None:
    source = open_source(path, fmt=None, company_id="acme", max_cell_bytes=4096)
    assert isinstance(source, cls)
    assert source.company_id == "acme"  # type: ignore[attr-defined]
    assert source.max_text_bytes == 4096  # type: ignore[attr-defined]
    assert source.name in FORMATS


def test_open_source_format_overrides_detection(tmp_path: Path) -> None:
    odd = tmp_path / "mail.dump"
    shutil.copy(EMAIL / "inbox.mbox", odd)
    assert isinstance(open_source(odd, fmt="mbox", company_id="c", max_cell_bytes=2048),
                      MboxSource)
    with pytest.raises(ConfigError, match="choose one of csv, slack-export"):
        open_source(odd, fmt="pst", company_id="c", max_cell_bytes=2048)
    with pytest.raises(SourceError, match="input not found"):
        open_source(tmp_path / "missing.mbox", fmt=None, company_id="c", max_cell_bytes=2048)


def test_csv_source_is_imported_lazily_by_name(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Path, dict[str, Any]]] = []

    class FakeCSVSource(Source):
        name = "csv"

        def __init__(self, path: Path, **kwargs: Any) -> None:
            calls.append((path, kwargs))

    fake = types.ModuleType("signalpipe.sources.csv")
    fake.CSVSource = FakeCSVSource  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "signalpipe.sources.csv", fake)
    seed = tmp_path / "seed.csv"
    seed.write_text("id,is_chat,chat_sender,email_sender,timestamp,content\n")
    source = open_source(seed, fmt=None, company_id="acme", max_cell_bytes=5000)
    assert isinstance(source, FakeCSVSource)
    assert calls == [(seed, {"company_id": "acme", "max_cell_bytes": 5000,
                             "budget": ReaderBudget(max_cell_bytes=5000)})]
