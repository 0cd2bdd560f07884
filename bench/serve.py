"""The review app under a big inbox: time to first render and page weight.

    python bench/serve.py                  # 10,000 events, 20 requests per page
    python bench/serve.py --events 2000 --requests 10
    python bench/serve.py --pages /events /update

Builds an embedded store (SQLite) in a temporary folder with `--events` events, each quoting
its own message (evidence offsets), a KPI per tenth event, and a review decision on one event
in twenty; then renders the pages in process (Starlette's TestClient: no network, so the time
is the server's: reading the stores, folding the review log, rendering the template). Prints one
JSON line per page: p50 and p95 of the time to the whole response, and its size in bytes. The
update pages are timed building their draft every time (the app reuses one for 10 s).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from starlette.testclient import TestClient

from signalpipe.kpis import observations
from signalpipe.models import EventType, EvidenceSpan, Message, SignificantEvent, Source
from signalpipe.review import ReviewAction
from signalpipe.serve.app import create_app
from signalpipe.serve.desk import Desk, open_desk
from signalpipe.settings import Settings

COMPANY = "scaleflow"
TYPES = [t for t in EventType if t is not EventType.OTHER]
PAGES = ("/events", "/events?type=funding", "/kpis", "/update", "/update/preview.html", "/run")


def build(desk: Desk, n: int, seed: int) -> None:
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    messages, events = [], []
    for i in range(n):
        when = start + timedelta(minutes=13 * i)
        figure = 1_000 + i * 7
        phrase = f"we now have {figure:,} paying customers"
        text = f"Update from the team: {phrase}, and more news on item {i} tomorrow."
        messages.append(Message(id=f"m{i:06d}", company_id=COMPANY, source=Source.SLACK,
                                sender=f"person {i % 40}", channel=f"c{i % 12}",
                                timestamp=when, text=text))
        begin = text.index(phrase)
        metrics = {"paying_customers": figure} if i % 10 == 0 else {"item": i}
        events.append(SignificantEvent(
            company_id=COMPANY, event_type=rng.choice(TYPES), severity="medium",
            title=f"Item {i}: {figure:,} paying customers", metrics=metrics,
            timeline=when.date().isoformat(), source_message_ids=[f"m{i:06d}"],
            evidence=phrase, confidence=0.8, extractor="rules",
            evidence_spans=[EvidenceSpan(message_id=f"m{i:06d}", start=begin,
                                         end=begin + len(phrase))]))
    desk.messages.put_many(messages)
    for k in range(0, n, 1000):
        desk.events.upsert_many(events[k:k + 1000])
    desk.events.put_kpis(observations(events))
    for e in events[::20]:
        desk.decide(e.fingerprint, rng.choice([ReviewAction.APPROVE, ReviewAction.REJECT]),
                    reason="bench")


def measure(client: TestClient, path: str, requests: int) -> dict[str, object]:
    times, size = [], 0
    for _ in range(requests):
        client.app.state.drafts.clear()  # every draft built afresh, not the one reused 10 s
        t0 = time.perf_counter()
        r = client.get(path)
        times.append(time.perf_counter() - t0)
        assert r.status_code == 200, (path, r.status_code)
        size = len(r.content)
    times.sort()
    return {"page": path, "requests": requests,
            "p50_ms": round(statistics.median(times) * 1000, 1),
            "p95_ms": round(times[max(int(len(times) * 0.95) - 1, 0)] * 1000, 1),
            "first_ms": None, "bytes": size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pages", nargs="*", default=list(PAGES),
                        help="which pages to time (default: all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        desk = open_desk(Settings(output_dir=Path(folder), company_id=COMPANY))
        t0 = time.perf_counter()
        build(desk, args.events, args.seed)
        print(json.dumps({"built_events": args.events,
                          "build_s": round(time.perf_counter() - t0, 1)}), flush=True)
        client = TestClient(create_app(desk, allowed_hosts=["testserver"]))
        for path in args.pages:
            t1 = time.perf_counter()
            client.app.state.drafts.clear()
            first = client.get(path)
            first_ms = round((time.perf_counter() - t1) * 1000, 1)
            assert first.status_code == 200, path
            result = measure(client, path, args.requests)
            result["first_ms"] = first_ms
            print(json.dumps(result), flush=True)
        desk.close()


if __name__ == "__main__":
    main()
