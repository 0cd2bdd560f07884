"""`--metrics-port`: Prometheus metrics and /healthz of a running worker; JSON logs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from signalpipe.backends import open_backends
from signalpipe.metrics import Metrics, serve
from signalpipe.models import BatchUsage
from signalpipe.settings import load_settings
from signalpipe.stats import RunStats
from signalpipe.stores.state import Cursor
from tests.fakes.local import free_port


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_metrics_report_the_run_usage_and_cursor_age(tmp_path: Path) -> None:
    settings = load_settings(output_dir=tmp_path)
    backends = open_backends(settings)
    stats = RunStats(consumed=120, stored_new=100, batches=3, events_inserted=7)
    stats.dead("not a valid message: x", 2)
    backends.events.record_usage([
        BatchUsage(batch_id="b1", provider="gemini", model="m", messages=10, sent_messages=10,
                   input_tokens=1000, output_tokens=200, latency_ms=40.0, cost_usd=0.01),
        BatchUsage(batch_id="b2", provider="gemini", model="m", messages=10, sent_messages=10,
                   input_tokens=500, output_tokens=100, latency_ms=3000.0, cost_usd=0.02)])
    backends.messages.put_cursors([Cursor(settings.company_id, "slack", "C1", "{}")])
    metrics = Metrics(settings, backends, stats)
    metrics.sample_lag(42)
    server = serve(metrics, 0)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        status, text = _get(base + "/metrics")
        assert status == 200
        for line in ("signalpipe_consumed_total 120.0", "signalpipe_stored_new_total 100.0",
                     "signalpipe_dead_lettered_total 2.0", "signalpipe_batches_total 3.0",
                     "signalpipe_events_inserted_total 7.0", "signalpipe_consumer_lag 42.0",
                     'signalpipe_llm_tokens_total{kind="input"} 1500.0',
                     "signalpipe_llm_cost_usd_total 0.03",
                     'signalpipe_extraction_latency_seconds_bucket{le="0.05"} 1.0',
                     'signalpipe_extraction_latency_seconds_bucket{le="+Inf"} 2.0',
                     'signalpipe_sync_cursor_age_seconds{scope="C1",source="slack"}'):
            assert line in text, line
        assert _get(base + "/healthz") == (200, json.dumps(
            {"message_store": "ok", "event_store": "ok"}))
        backends.events.close()  # a store that no longer answers
        status, body = _get(base + "/healthz")
        assert status == 503 and json.loads(body)["event_store"].startswith("error")
    finally:
        server.shutdown()
        server.server_close()
        backends.messages.close()


def test_a_running_worker_serves_metrics_and_logs_json(tmp_path: Path) -> None:
    port = free_port()
    exe = Path(sys.executable).with_name("signalpipe")
    worker = subprocess.Popen([str(exe), "worker", "--output-dir", str(tmp_path / "out"),
                               "--metrics-port", str(port), "--log-format", "json", "-v"],
                              cwd=tmp_path, env=dict(os.environ), stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                health = _get(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:
                assert time.monotonic() < deadline and worker.poll() is None
                time.sleep(0.05)
        assert health[0] == 200
        status, text = _get(f"http://127.0.0.1:{port}/metrics")
        assert status == 200 and "signalpipe_consumed_total 0.0" in text
    finally:
        worker.send_signal(signal.SIGTERM)
        _, err = worker.communicate(timeout=60)
    lines = [line for line in err.decode().splitlines() if line.startswith("{")]
    assert lines and all({"ts", "level", "logger", "message"} <= set(json.loads(line))
                         for line in lines)
