"""`--metrics-port`: Prometheus metrics and a health check for a running worker or watch.

Counters are read from the run's `RunStats` at scrape time, and the extraction latency
histogram, LLM tokens and cost from the event store's usage records, so no stage is
instrumented for the exporter's sake. Consumer lag is sampled by the loop that owns the
consumer (a Kafka consumer is not to be touched from another thread). ``/healthz`` answers
200 only when every store answers a cheap read, else 503 naming the one that did not.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from signalpipe.backends import Backends
from signalpipe.settings import Settings
from signalpipe.stats import RunStats

try:
    from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
    from prometheus_client.core import (
        CounterMetricFamily,
        GaugeMetricFamily,
        HistogramMetricFamily,
        Metric,
    )
    from prometheus_client.registry import Collector
except ImportError as e:  # pragma: no cover - depends on the installed extras
    raise ImportError('install "signalpipe[live]" to use --metrics-port') from e

logger = logging.getLogger(__name__)

LATENCY_BUCKETS_S = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
_COUNTERS = (("consumed", "messages consumed from the bus"),
             ("stored_new", "new messages stored"), ("replayed", "replayed messages"),
             ("batches", "batches extracted"), ("batches_parked", "batches parked"),
             ("events_inserted", "events inserted"), ("events_merged", "events merged"))


class Metrics(Collector):
    """What a scrape reports; `lag` is set by the consuming loop (None: not known)."""

    def __init__(self, settings: Settings, backends: Backends, stats: RunStats) -> None:
        self.settings = settings
        self.b = backends
        self.stats = stats
        self.lag: int | None = None
        self.registry = CollectorRegistry(auto_describe=False)
        self.registry.register(self)

    def sample_lag(self, lag: int) -> None:
        self.lag = lag

    def collect(self) -> Iterator[Metric]:
        for name, doc in _COUNTERS:
            yield _counter(f"signalpipe_{name}", doc, getattr(self.stats, name))
        yield _counter("signalpipe_dead_lettered", "messages and rows dead-lettered",
                       sum(self.stats.dead_letters.values()))
        yield from self._usage()
        if self.lag is not None:
            lag = GaugeMetricFamily("signalpipe_consumer_lag", "records not yet consumed")
            lag.add_metric([], self.lag)
            yield lag
        yield self._cursor_age()

    def _usage(self) -> Iterator[Metric]:
        usage = self.b.events.usage()
        tokens = CounterMetricFamily("signalpipe_llm_tokens", "LLM tokens", labels=["kind"])
        tokens.add_metric(["input"], sum(u.input_tokens for u in usage))
        tokens.add_metric(["output"], sum(u.output_tokens for u in usage))
        yield tokens
        yield _counter("signalpipe_llm_cost_usd", "LLM cost in US dollars",
                       sum(u.cost_usd for u in usage))
        seconds = [u.latency_ms / 1000 for u in usage]
        buckets = [(str(b), float(sum(1 for s in seconds if s <= b)))
                   for b in LATENCY_BUCKETS_S] + [("+Inf", float(len(seconds)))]
        hist = HistogramMetricFamily("signalpipe_extraction_latency_seconds",
                                     "extraction time per batch")
        hist.add_metric([], buckets, sum_value=sum(seconds))
        yield hist

    def _cursor_age(self) -> Metric:
        age = GaugeMetricFamily("signalpipe_sync_cursor_age_seconds",
                                "seconds since a sync cursor last moved",
                                labels=["source", "scope"])
        now = time.time()
        for c in self.b.messages.cursors(self.settings.company_id):
            age.add_metric([c.source, c.scope], max(0.0, now - c.updated_at))
        return age

    def health(self) -> tuple[bool, dict[str, str]]:
        """Every store answers a cheap read."""
        report: dict[str, str] = {}
        probes = {"message_store": lambda: self.b.messages.get_cursor(
                      self.settings.company_id, "health", "probe"),
                  "event_store": self.b.events.parked}
        for name, probe in probes.items():
            try:
                probe()
                report[name] = "ok"
            except Exception as exc:  # any failure means not ready; say which
                report[name] = f"error: {exc}"[:300]
        return all(v == "ok" for v in report.values()), report


def _counter(name: str, doc: str, value: float) -> CounterMetricFamily:
    metric = CounterMetricFamily(name, doc)
    metric.add_metric([], value)
    return metric


def serve(metrics: Metrics, port: int, *, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """Serve /metrics and /healthz on a daemon thread; `shutdown()` the result to stop."""
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.startswith("/metrics"):
                self._send(200, generate_latest(metrics.registry), CONTENT_TYPE_LATEST)
            elif self.path.startswith("/healthz"):
                ok, report = metrics.health()
                self._send(200 if ok else 503, json.dumps(report).encode(),
                           "application/json")
            else:
                self._send(404, b"not found\n", "text/plain")

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer((host, port), Handler)
    threading.Thread(target=server.serve_forever, name="metrics", daemon=True).start()
    logger.info("metrics on http://%s:%d/metrics, health on /healthz", host, port)
    return server
