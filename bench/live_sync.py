"""Sync throughput against the local fake Slack Web API and Gmail REST API.

Each case syncs a fresh workspace or mailbox into a fresh embedded stack (SQLite, in-process
bus, the worker and the offline extractor in the same process), first sync and then an
incremental one with a few new messages. The fakes answer after `latency_ms` per request,
which is the figure to state with the rates: a sync is one request per page (Slack: plus one
per thread, Gmail: plus one per message fetched).

    .venv/bin/python bench/live_sync.py [--messages 3000] [--latency-ms 0 5 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from signalpipe import live
from signalpipe.backends import make_extractor, make_sync, open_backends
from signalpipe.settings import load_settings
from tests.fakes.gmail_api import FakeGmail
from tests.fakes.slack_api import FakeSlack

_TEXTS = ("Great news: Acme signed a $600,000 enterprise contract with us",
          "We closed our $12M Series A led by Acme Ventures", "lunch is at noon",
          "shipped the new onboarding flow today", "MRR grew 12% this month to $180k")


def _run(name: str, settings_kw: dict[str, Any], out: Path) -> tuple[int, float, int]:
    settings = load_settings(output_dir=out, **settings_kw)
    backends = open_backends(settings)
    try:
        started = time.perf_counter()
        stats = live.sync(settings, backends, make_sync(settings, name))
        return stats.stored_new, time.perf_counter() - started, backends.messages.count()
    finally:
        backends.close()


def slack_case(messages: int, latency_s: float) -> None:
    os.environ["SLACK_BOT_TOKEN"] = "xoxb-test"
    with FakeSlack(latency_s=latency_s) as slack, tempfile.TemporaryDirectory() as tmp:
        slack.user("U1", "Ada Founder")
        channels = [f"C{i}" for i in range(5)]
        for c in channels:
            slack.channel(c, f"chan-{c}")
        for i in range(messages):
            ts = slack.post(channels[i % 5], f"{_TEXTS[i % 5]} (#{i})")
            if i % 50 == 0:
                for r in range(3):
                    slack.reply(channels[i % 5], ts, f"reply {r} to #{i}")
        kw: dict[str, Any] = {"slack": {"api_url": slack.url, "page_size": 200,
                                         "respect_tiers": False}}
        new, secs, _ = _run("slack", kw, Path(tmp))
        calls = sum(slack.calls.values())
        print(f"slack first sync   latency {latency_s * 1000:>4.0f} ms: {new:>6} msgs in "
              f"{secs:6.2f} s = {new / secs:>8,.0f} msg/s ({calls} requests)")
        for i in range(50):
            slack.post(channels[i % 5], f"later {i}")
        new, secs, _ = _run("slack", kw, Path(tmp))
        print(f"slack incremental  latency {latency_s * 1000:>4.0f} ms: {new:>6} msgs in "
              f"{secs:6.2f} s ({sum(slack.calls.values()) - calls} requests)")


def gmail_case(messages: int, latency_s: float) -> None:
    os.environ["GMAIL_ACCESS_TOKEN"] = "ya29.test"
    with FakeGmail(latency_s=latency_s) as gmail, tempfile.TemporaryDirectory() as tmp:
        for i in range(messages):
            gmail.send(f"update {i}", f"{_TEXTS[i % 5]} (#{i})")
        kw: dict[str, Any] = {"gmail": {"api_url": gmail.url, "page_size": 100}}
        new, secs, _ = _run("gmail", kw, Path(tmp))
        calls = sum(gmail.calls.values())
        print(f"gmail first sync   latency {latency_s * 1000:>4.0f} ms: {new:>6} msgs in "
              f"{secs:6.2f} s = {new / secs:>8,.0f} msg/s ({calls} requests)")
        for i in range(50):
            gmail.send(f"later {i}", "later news")
        new, secs, _ = _run("gmail", kw, Path(tmp))
        print(f"gmail incremental  latency {latency_s * 1000:>4.0f} ms: {new:>6} msgs in "
              f"{secs:6.2f} s ({sum(gmail.calls.values()) - calls} requests)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument("--latency-ms", type=float, nargs="+", default=[0.0, 5.0, 20.0])
    args = parser.parse_args()
    make_extractor(load_settings()).close()  # imports outside the timings (seconds, once)
    for latency_ms in args.latency_ms:
        slack_case(args.messages, latency_ms / 1000)
        gmail_case(args.messages, latency_ms / 1000)


if __name__ == "__main__":
    main()
