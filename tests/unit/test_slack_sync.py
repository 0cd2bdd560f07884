"""`sync slack` against a local fake of the Slack Web API, on the embedded stack."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from signalpipe import live
from signalpipe.backends import Backends, make_sync, open_backends
from signalpipe.errors import ConfigError
from signalpipe.models import message_key
from signalpipe.settings import Settings, load_settings
from signalpipe.stats import RunStats
from signalpipe.sync.base import Sync
from tests.fakes.crashing_sync import Crash, CrashAfter
from tests.fakes.slack_api import FakeSlack


@pytest.fixture
def slack(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSlack]:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    with FakeSlack() as fake:
        fake.user("U1", "Ada Founder")
        fake.user("U2", "Bo Sales")
        fake.channel("C1", "general")
        fake.channel("C2", "sales")
        fake.channel("C3", "random")
        yield fake


def _settings(tmp_path: Path, fake: FakeSlack, **slack: Any) -> Settings:
    return load_settings(output_dir=tmp_path / "out",
                         slack={"api_url": fake.url, "page_size": 3,
                                "respect_tiers": False, **slack})


def _sync(settings: Settings, source: Sync | None = None) -> RunStats:
    backends = open_backends(settings)
    try:
        return live.sync(settings, backends, source or make_sync(settings, "slack"))
    finally:
        backends.close()


def _stored(settings: Settings) -> dict[str, str]:
    backends = open_backends(settings)
    try:
        db = backends.messages._db  # type: ignore[attr-defined]
        rows = db.execute("SELECT id FROM messages").fetchall()
        found = backends.messages.get_many([r[0] for r in rows])
        return {m.source_id: m.text for m in found}
    finally:
        backends.close()


def _post(fake: FakeSlack, channel: str, n: int, prefix: str = "note") -> list[str]:
    return [fake.post(channel, f"{prefix} {i} in {channel}", user="U1") for i in range(n)]


def test_first_sync_reads_every_channel_page_by_page_with_threads(
        slack: FakeSlack, tmp_path: Path) -> None:
    _post(slack, "C1", 7)
    parent = slack.post("C2", "Acme signed a $600,000 contract with <@U2>", user="U1")
    slack.reply("C2", parent, "great work", user="U2")
    slack.reply("C2", parent, "champagne", user="U1")
    settings = _settings(tmp_path, slack)
    stats = _sync(settings)
    stored = _stored(settings)
    assert len(stored) == 10 and stats.stored_new == 10
    assert stored[f"C2:{parent}"] == "Acme signed a $600,000 contract with @Bo Sales"
    assert slack.calls["conversations.replies"] == 1
    assert slack.calls["conversations.history"] == 3 + 1 + 1  # C1 in pages of 3; C2; C3


def test_a_second_sync_reads_only_what_is_new_including_replies_to_old_threads(
        slack: FakeSlack, tmp_path: Path) -> None:
    parent = slack.post("C1", "kicking off the SOC 2 audit")
    _post(slack, "C2", 4)
    settings = _settings(tmp_path, slack)
    _sync(settings)
    new = [slack.post("C1", "we passed SOC 2 Type II"),
           slack.reply("C1", parent, "auditor signed today", user="U2")]
    stats = _sync(settings)
    stored = _stored(settings)
    assert len(stored) == 7
    assert stats.stored_new == 2 and {f"C1:{ts}" for ts in new} <= set(stored)
    assert stored[f"C1:{new[1]}"] == "auditor signed today"


def test_a_sync_with_nothing_new_stores_nothing(slack: FakeSlack, tmp_path: Path) -> None:
    _post(slack, "C1", 5)
    settings = _settings(tmp_path, slack)
    _sync(settings)
    again = _sync(settings)
    assert again.stored_new == 0 and len(_stored(settings)) == 5


def test_include_and_exclude_pick_channels(slack: FakeSlack, tmp_path: Path) -> None:
    for channel in ("C1", "C2", "C3"):
        _post(slack, channel, 2)
    _sync(_settings(tmp_path, slack, include=["general", "C2"], exclude=["sales"]))
    assert {i.split(":")[0] for i in _stored(_settings(tmp_path, slack))} == {"C1"}


def test_a_429_storm_is_waited_out(slack: FakeSlack, tmp_path: Path) -> None:
    _post(slack, "C1", 6)
    slack.rate_limit(4, retry_after_s=0)
    settings = _settings(tmp_path, slack)
    _sync(settings)
    assert slack.throttled == 4 and len(_stored(settings)) == 6


@pytest.mark.parametrize("pages", [0, 1, 2, 3, 5])
def test_a_crash_mid_sync_then_a_rerun_loses_nothing_and_duplicates_nothing(
        slack: FakeSlack, tmp_path: Path, pages: int) -> None:
    _post(slack, "C1", 8)
    _post(slack, "C2", 4)
    settings = _settings(tmp_path, slack)
    with pytest.raises(Crash):
        _sync(settings, CrashAfter(make_sync(settings, "slack"), pages))
    _post(slack, "C1", 2, prefix="later")
    stats = _sync(settings)
    stored = _stored(settings)
    assert len(stored) == 14
    backends: Backends = open_backends(settings)
    try:
        assert backends.messages.dead_letters() == []
        assert {c.scope for c in backends.messages.cursors(settings.company_id, "slack")} == {
            "C1", "C2", "C3"}
    finally:
        backends.close()
    assert stats.stored_new >= 2  # at least what was posted after the crash


def test_a_missing_token_is_one_clear_error(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN"):
        make_sync(load_settings(output_dir=tmp_path), "slack")


def _events(settings: Settings) -> list[Any]:
    backends = open_backends(settings)
    try:
        return backends.events.list_events(settings.company_id)
    finally:
        backends.close()


def test_an_edit_becomes_a_new_version_whose_events_replace_the_old(
        slack: FakeSlack, tmp_path: Path) -> None:
    ts = slack.post("C2", "Great news: Acme signed a $600,000 enterprise contract with us")
    settings = _settings(tmp_path, slack)
    _sync(settings)
    before = _events(settings)
    assert [e.metrics.get("value_usd") for e in before] == [600_000]
    slack.edit("C2", ts, "Great news: Acme signed a $900,000 enterprise contract with us")
    _sync(settings)
    after = _events(settings)
    assert [e.metrics.get("value_usd") for e in after] == [900_000]
    backends = open_backends(settings)
    try:
        assert backends.messages.dead_letters() == []
        [old] = backends.messages.versions(message_key(settings.company_id, "slack", f"C2:{ts}"))
        assert "$600,000" in old.text
    finally:
        backends.close()
    _sync(settings)  # the edit read again is a replay
    assert _events(settings) == after


def test_a_deleted_message_takes_its_events_with_it(slack: FakeSlack, tmp_path: Path) -> None:
    ts = slack.post("C2", "Great news: Acme signed a $600,000 enterprise contract with us")
    slack.post("C2", "lunch is at noon")
    settings = _settings(tmp_path, slack)
    _sync(settings)
    assert len(_events(settings)) == 1
    slack.delete("C2", ts)
    _sync(settings)
    assert _events(settings) == []
    assert _stored(settings)[f"C2:{ts}"] == "(message deleted)"


def test_calls_are_paced_to_each_methods_tier() -> None:
    from signalpipe.sync.ratelimit import TierLimiter

    now = [0.0]
    slept: list[float] = []

    def sleep(s: float) -> None:
        slept.append(s)
        now[0] += s

    limiter = TierLimiter(burst=2, clock=lambda: now[0], sleep=sleep)
    waits = [limiter.wait("conversations_history") for _ in range(4)]  # tier 3: 50 a minute
    assert waits[:2] == [0.0, 0.0] and waits[2] == pytest.approx(1.2)
    assert waits[3] == pytest.approx(1.2)
    assert limiter.wait("users_info") == 0.0  # another method has a bucket of its own
