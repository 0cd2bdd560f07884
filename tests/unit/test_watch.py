"""`signalpipe watch`: syncs on an interval with the worker in-process, a lock per output
folder, SIGTERM drains (embedded stack, local fake Slack)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from signalpipe import live
from signalpipe.backends import make_sync, open_backends
from signalpipe.errors import SourceError
from signalpipe.settings import load_settings
from tests.fakes.slack_api import FakeSlack


@pytest.fixture
def slack(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSlack]:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    with FakeSlack() as fake:
        fake.user("U1", "Ada Founder")
        fake.channel("C1", "general")
        yield fake


def _until(condition: Callable[[], bool], limit_s: float = 60.0) -> None:
    deadline = time.monotonic() + limit_s
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.02)


def _count(out: Path, table: str) -> int:
    """Rows in `table`; 0 while the daemon has not created it yet."""
    try:
        with sqlite3.connect(out / "signalpipe.sqlite3") as db:
            return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_watch_picks_up_new_messages_each_cycle_and_extracts_them_on_stop(
        slack: FakeSlack, tmp_path: Path) -> None:
    slack.post("C1", "Great news: Acme signed a $600,000 enterprise contract with us")
    settings = load_settings(output_dir=tmp_path / "out", slack={"api_url": slack.url,
                                                                  "respect_tiers": False})
    backends = open_backends(settings)
    stop = threading.Event()
    thread = threading.Thread(target=live.watch, args=(settings, backends,
                                                       [make_sync(settings, "slack")]),
                              kwargs={"interval_s": 0.05, "stop": stop})
    thread.start()
    try:
        _until(lambda: slack.calls.get("conversations.history", 0) >= 1)
        slack.post("C1", "We closed our $12M Series A led by Acme Ventures")
        _until(lambda: backends.messages.count() == 2)
    finally:
        stop.set()
        thread.join(timeout=60)
    try:
        assert not thread.is_alive()
        assert list(backends.messages.pending(settings.company_id)) == []
        assert {e.event_type.value for e in backends.events.list_events()} >= {
            "enterprise_deal", "funding"}
    finally:
        backends.close()


def test_a_second_watch_on_the_same_folder_is_refused(tmp_path: Path) -> None:
    with (live.folder_lock(tmp_path), pytest.raises(SourceError, match="already running"),
          live.folder_lock(tmp_path)):
        pass
    with live.folder_lock(tmp_path):  # released when the first one ended
        pass


def test_the_daemon_refuses_a_twin_and_drains_on_sigterm(slack: FakeSlack,
                                                         tmp_path: Path) -> None:
    for i in range(30):
        slack.post("C1", f"update {i}: we shipped feature {i}")
    out = tmp_path / "out"
    exe = Path(sys.executable).with_name("signalpipe")
    env = {**os.environ, "SIGNALPIPE_SLACK__API_URL": slack.url,
           "SIGNALPIPE_SLACK__RESPECT_TIERS": "false",
           "SIGNALPIPE_BATCHING__MAX_AGE_S": "3600", "SIGNALPIPE_BATCHING__TRIGGER_COUNT": "1000"}
    args = [str(exe), "watch", "--output-dir", str(out), "--interval", "0.2"]
    daemon = subprocess.Popen(args, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    try:
        _until(lambda: (out / "signalpipe.sqlite3").exists() and _count(out, "messages") == 30)
        twin = subprocess.run(args, env=env, cwd=tmp_path, capture_output=True, timeout=60)
        assert twin.returncode == 1 and b"already running" in twin.stderr
        assert _count(out, "pending") == 30  # buffered: the batch triggers are out of reach
        daemon.send_signal(signal.SIGTERM)
        _, err = daemon.communicate(timeout=60)
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.communicate()
    assert daemon.returncode == 0, err.decode()
    assert _count(out, "pending") == 0  # drained: everything buffered was extracted
