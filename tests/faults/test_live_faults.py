"""Live-sync faults against the local fake Slack Web API: a `signalpipe sync slack` process
killed with SIGKILL mid-page and started again, and a 429 storm (embedded stack, no servers).

Each test writes one row of the fault table to ``bench/results/live_faults.jsonl`` (fault, messages,
lost, duplicated)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from signalpipe.models import source_id_of
from tests.fakes.alert_sinks import HTTPSink
from tests.fakes.gmail_api import FakeGmail
from tests.fakes.slack_api import FakeSlack

pytestmark = [pytest.mark.faults, pytest.mark.slow]

_RESULTS = Path(__file__).parents[2] / "bench" / "results" / "live_faults.jsonl"


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack(latency_s=0.02) as fake:
        fake.user("U1", "Ada Founder")
        for channel, name in (("C1", "general"), ("C2", "sales")):
            fake.channel(channel, name)
        yield fake


def _env(fake: FakeSlack) -> dict[str, str]:
    return {**os.environ, "SLACK_BOT_TOKEN": fake.token, "SIGNALPIPE_SLACK__API_URL": fake.url,
            "SIGNALPIPE_SLACK__PAGE_SIZE": "20", "SIGNALPIPE_SLACK__RESPECT_TIERS": "false"}


def _sync(out: Path, fake: FakeSlack, cwd: Path) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("signalpipe")
    return subprocess.Popen([str(exe), "sync", "slack", "--output-dir", str(out)],
                            env=_env(fake), cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)


def _wait_for(condition: object, *, limit_s: float = 120.0) -> None:
    deadline = time.monotonic() + limit_s
    while not callable(condition) or not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached")
        time.sleep(0.01)


def _stored_ids(out: Path) -> list[str]:
    """The stored messages' ids as Slack or Gmail wrote them (the store keys them by company
    and namespace)."""
    with sqlite3.connect(out / "signalpipe.sqlite3") as db:
        return [source_id_of(r[0]) for r in db.execute("SELECT id FROM messages")]


def _dead(out: Path) -> int:
    with sqlite3.connect(out / "signalpipe.sqlite3") as db:
        return int(db.execute("SELECT count(*) FROM dead_letters").fetchone()[0])


def _record(row: dict[str, object]) -> None:
    _RESULTS.parent.mkdir(parents=True, exist_ok=True)
    with _RESULTS.open("a") as fh:
        fh.write(json.dumps(row) + "\n")


@pytest.mark.parametrize("after_pages", [2, 7, 13])
def test_kill_9_mid_sync_then_rerun_loses_nothing_duplicates_nothing(
        slack: FakeSlack, tmp_path: Path, after_pages: int) -> None:
    posted = {f"C1:{slack.post('C1', f'update {i}: shipped feature {i}')}" for i in range(300)}
    posted |= {f"C2:{slack.post('C2', f'deal {i} moving')}" for i in range(60)}
    out = tmp_path / "out"
    first = _sync(out, slack, tmp_path)
    _wait_for(lambda: slack.calls.get("conversations.history", 0) >= after_pages
              or first.poll() is not None)
    first.send_signal(signal.SIGKILL)
    first.communicate()
    killed_with = len(_stored_ids(out)) if (out / "signalpipe.sqlite3").exists() else 0
    posted |= {f"C1:{slack.post('C1', f'after the crash {i}')}" for i in range(5)}
    second = _sync(out, slack, tmp_path)
    _, err = second.communicate(timeout=300)
    assert second.returncode == 0, err.decode()
    ids = _stored_ids(out)
    lost, duplicated = len(posted - set(ids)), len(ids) - len(set(ids))
    _record({"fault": f"kill -9 sync after {after_pages} history pages",
             "messages": len(posted), "stored_before_kill": killed_with, "lost": lost,
             "duplicated": duplicated, "dead_letters": _dead(out)})
    assert (lost, duplicated, _dead(out), len(ids)) == (0, 0, 0, len(posted))


def test_a_429_storm_is_waited_out(slack: FakeSlack, tmp_path: Path) -> None:
    posted = {f"C1:{slack.post('C1', f'note {i}')}" for i in range(100)}
    slack.rate_limit(8, retry_after_s=0)
    out = tmp_path / "out"
    proc = _sync(out, slack, tmp_path)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    ids = _stored_ids(out)
    _record({"fault": "429 storm (8 calls in a row, Retry-After: 0)", "messages": len(posted),
             "throttled": slack.throttled, "lost": len(posted - set(ids)),
             "duplicated": len(ids) - len(set(ids))})
    assert slack.throttled == 8 and set(ids) == posted


def _gmail(out: Path, fake: FakeGmail, cwd: Path, **extra: str) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("signalpipe")
    env = {**os.environ, "GMAIL_ACCESS_TOKEN": "ya29.test",
           "SIGNALPIPE_GMAIL__API_URL": fake.url, "SIGNALPIPE_GMAIL__PAGE_SIZE": "20", **extra}
    return subprocess.Popen([str(exe), "sync", "gmail", "--output-dir", str(out)], env=env,
                            cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def _finish(proc: subprocess.Popen[bytes]) -> None:
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()


def test_gmail_kill_9_mid_list_then_an_expired_history_id(tmp_path: Path) -> None:
    with FakeGmail(latency_s=0.005) as gmail:
        sent = {gmail.send(f"update {i}", f"update {i}: shipped") for i in range(200)}
        out = tmp_path / "out"
        first = _gmail(out, gmail, tmp_path)
        _wait_for(lambda: gmail.calls.get("messages", 0) >= 4 or first.poll() is not None)
        first.send_signal(signal.SIGKILL)
        first.communicate()
        _finish(_gmail(out, gmail, tmp_path))
        ids = _stored_ids(out)
        _record({"fault": "kill -9 gmail sync mid-list (after 4 list pages)",
                 "messages": len(sent), "lost": len(sent - set(ids)),
                 "duplicated": len(ids) - len(set(ids)), "dead_letters": _dead(out)})
        assert set(ids) == sent and _dead(out) == 0
        sent |= {gmail.send(f"later {i}", f"later {i}: signed") for i in range(30)}
        gmail.expire_history()
        _finish(_gmail(out, gmail, tmp_path, SIGNALPIPE_GMAIL__MAX_RELIST="100"))
        ids = _stored_ids(out)
        _record({"fault": "expired Gmail historyId (404) -> re-list of 100",
                 "messages": len(sent), "lost": len(sent - set(ids)),
                 "duplicated": len(ids) - len(set(ids)), "dead_letters": _dead(out)})
        assert set(ids) == sent and _dead(out) == 0


def test_alert_endpoint_down_then_back_gets_each_alert_exactly_once(
        slack: FakeSlack, tmp_path: Path) -> None:
    down_s = float(os.environ.get("SIGNALPIPE_FAULT_ALERT_DOWN_S", "5"))
    slack.post("C1", "We closed our $12M Series A led by Acme Ventures")
    slack.post("C2", "Great news: Acme signed a $600,000 enterprise contract with us")
    with HTTPSink() as hook:
        config = tmp_path / "watch.yaml"
        config.write_text(json.dumps({"alerts": {
            "rules": [{"when": "event funding"},
                      {"when": "event enterprise_deal and metric value_usd >= 500000"}],
            "channels": {"vc": {"kind": "webhook", "url": hook.url}},
            "backoff_s": 0.5, "max_attempts": 1000}}))
        hook.down = True
        out = tmp_path / "out"
        exe = Path(sys.executable).with_name("signalpipe")
        args = [str(exe), "watch", "--output-dir", str(out), "--interval", "0.5",
                "--config", str(config)]
        env = {**_env(slack), "SIGNALPIPE_BATCHING__MAX_AGE_S": "0.2"}
        daemon = subprocess.Popen(args, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, start_new_session=True)
        try:
            _wait_for(lambda: hook.refused >= 2)
            time.sleep(down_s)  # the outage itself: no assertion depends on its length
            hook.down = False
            _wait_for(lambda: len(hook.received) >= 2)
            daemon.send_signal(signal.SIGTERM)
            _, err = daemon.communicate(timeout=60)
            assert daemon.returncode == 0, err.decode()
            again = subprocess.Popen([*args[:4], "--interval", "0.2", *args[6:]], env=env,
                                     cwd=tmp_path, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
            _wait_for(lambda: slack.calls.get("conversations.history", 0) >= 6)
            again.send_signal(signal.SIGTERM)
            again.communicate(timeout=60)
        finally:
            for proc in (daemon,):
                if proc.poll() is None:
                    proc.kill()
                    proc.communicate()
        keys = [h["X-Signalpipe-Delivery"] for h, _ in hook.received]
        _record({"fault": f"alert webhook down {down_s:.0f}s then back (watch, restarted)",
                 "alerts_expected": 2, "alerts_delivered": len(keys),
                 "distinct": len(set(keys)), "refused_while_down": hook.refused})
        assert len(keys) == len(set(keys)) == 2
