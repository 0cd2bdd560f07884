"""`sync gmail` against a local fake of the Gmail REST API, on the embedded stack."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from signalpipe import live
from signalpipe.backends import make_sync, open_backends
from signalpipe.errors import ConfigError
from signalpipe.models import source_id_of
from signalpipe.settings import Settings, load_settings
from signalpipe.stats import RunStats
from signalpipe.sync.base import Sync
from tests.fakes.crashing_sync import Crash, CrashAfter
from tests.fakes.gmail_api import FakeGmail


@pytest.fixture
def gmail(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeGmail]:
    monkeypatch.setenv("GMAIL_ACCESS_TOKEN", "ya29.test")
    with FakeGmail() as fake:
        yield fake


def _settings(tmp_path: Path, fake: FakeGmail, **gmail: Any) -> Settings:
    return load_settings(output_dir=tmp_path / "out",
                         gmail={"api_url": fake.url, "page_size": 3, **gmail})


def _sync(settings: Settings, source: Sync | None = None) -> RunStats:
    backends = open_backends(settings)
    try:
        return live.sync(settings, backends, source or make_sync(settings, "gmail"))
    finally:
        backends.close()


def _state(settings: Settings) -> tuple[set[str], int, dict[str, Any]]:
    """(stored ids, dead letters, the history cursor)."""
    backends = open_backends(settings)
    try:
        db = backends.messages._db  # type: ignore[attr-defined]
        ids = {source_id_of(r[0]) for r in db.execute("SELECT id FROM messages")}
        cursor = backends.messages.get_cursor(settings.company_id, "gmail", "history")
        return ids, len(backends.messages.dead_letters()), json.loads(cursor.value) if cursor \
            else {}
    finally:
        backends.close()


def _send(fake: FakeGmail, n: int, word: str = "update") -> set[str]:
    return {fake.send(f"{word} {i}", f"{word} number {i}: we shipped it") for i in range(n)}


def test_the_first_sync_lists_then_later_ones_read_history(gmail: FakeGmail,
                                                           tmp_path: Path) -> None:
    first = _send(gmail, 8)
    settings = _settings(tmp_path, gmail)
    _sync(settings)
    ids, dead, cursor = _state(settings)
    assert ids == first and dead == 0 and cursor == {"history_id": "1008"}
    assert gmail.calls["messages"] == 3 and "history" not in gmail.calls
    later = _send(gmail, 4, "later")
    stats = _sync(settings)
    ids, dead, cursor = _state(settings)
    assert ids == first | later and stats.stored_new == 4 and cursor == {"history_id": "1012"}
    assert gmail.calls["messages"] == 3 and gmail.calls["history"] == 2


def test_an_expired_history_id_falls_back_to_a_bounded_relist_without_duplicates(
        gmail: FakeGmail, tmp_path: Path) -> None:
    first = _send(gmail, 6)
    settings = _settings(tmp_path, gmail, max_relist=5)
    _sync(settings)
    later = _send(gmail, 3, "later")
    gmail.expire_history()
    stats = _sync(settings)
    ids, dead, cursor = _state(settings)
    assert ids == first | later and dead == 0
    assert stats.stored_new == 3 and stats.replayed == 2  # 5 re-listed: 3 new, 2 known
    assert cursor == {"history_id": "1009"}
    assert gmail.calls["messages"] == 2 + 2  # 6 in pages of 3, then 5 (bounded): 3 and 2


def test_a_token_file_is_refreshed_without_a_browser(monkeypatch: pytest.MonkeyPatch,
                                                     gmail: FakeGmail, tmp_path: Path) -> None:
    monkeypatch.delenv("GMAIL_ACCESS_TOKEN")
    token_file = tmp_path / "token.json"
    token_file.write_text(json.dumps({"client_id": "cid", "client_secret": "secret",
                                      "refresh_token": "1//refresh",
                                      "token_uri": gmail.url + "token"}))
    sent = _send(gmail, 2)
    settings = _settings(tmp_path, gmail, token_file=str(token_file),
                         token_uri=gmail.url + "token")
    _sync(settings)
    assert _state(settings)[0] == sent and gmail.refreshed == 1


def test_429s_are_retried(gmail: FakeGmail, tmp_path: Path) -> None:
    sent = _send(gmail, 4)
    gmail.rate_limit(5)
    settings = _settings(tmp_path, gmail)
    _sync(settings)
    assert _state(settings)[0] == sent and gmail.throttled == 5


@pytest.mark.parametrize("pages", [0, 1, 2])
def test_a_crash_mid_list_or_history_then_a_rerun_loses_nothing(
        gmail: FakeGmail, tmp_path: Path, pages: int) -> None:
    sent = _send(gmail, 8)
    settings = _settings(tmp_path, gmail)
    with pytest.raises(Crash):
        _sync(settings, CrashAfter(make_sync(settings, "gmail"), pages))
    sent |= _send(gmail, 2, "during")
    _sync(settings)
    sent |= _send(gmail, 4, "after")
    with pytest.raises(Crash):
        _sync(settings, CrashAfter(make_sync(settings, "gmail"), 1))
    _sync(settings)
    ids, dead, _ = _state(settings)
    assert ids == sent and dead == 0


def test_no_token_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GMAIL_ACCESS_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="GMAIL_ACCESS_TOKEN"):
        make_sync(load_settings(output_dir=tmp_path), "gmail")
