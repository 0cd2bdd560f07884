"""The whole embedded pipeline: file -> bus -> stores -> batches -> extraction -> report."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from typer.testing import CliRunner

from signalpipe import pipeline
from signalpipe.backends import open_backends
from signalpipe.batching.base import Batcher
from signalpipe.cli import app
from signalpipe.errors import ExtractionError, StoreError
from signalpipe.extract.base import Extraction, Extractor
from signalpipe.extract.rules import RulesExtractor
from signalpipe.models import Batch, DeadLetter, message_key
from signalpipe.settings import Settings, load_settings
from signalpipe.sources.base import Item, ProgressFn
from signalpipe.sources.csv import CSVSource

HEADER = "id,is_chat,chat_sender,email_sender,timestamp,content\n"
runner = CliRunner()


@pytest.fixture(autouse=True)
def _registered() -> None:
    from signalpipe import cli

    cli._register()


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def chat(i: int, text: str) -> str:
    return f'm{i:04d},true,alice,,2025-03-01T10:{i % 60:02d}:00Z,"{text}"\n'


def settings_in(tmp_path: Path, **kw: object) -> Settings:
    return load_settings(output_dir=tmp_path / "out", **kw)


def snapshot(db: Path) -> tuple[list[tuple[Any, ...]], ...]:
    con = sqlite3.connect(db)
    try:
        return tuple(sorted(con.execute(q).fetchall()) for q in (
            "SELECT m.id, m.doc, p.id IS NULL FROM messages m "
            "LEFT JOIN pending p ON p.id = m.id",
            "SELECT fingerprint, doc FROM significant_events",
            "SELECT origin, stage, reason FROM dead_letters"))
    finally:
        con.close()


def test_cli_run_twice_leaves_the_stores_as_one_run(tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    result = runner.invoke(app, ["generate", "--rows", "600", "--seed", "3", "--out", str(data)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    first = runner.invoke(app, ["run", "--input", str(data), "--output-dir", str(out)])
    assert first.exit_code == 0, first.output
    once = snapshot(out / "signalpipe.sqlite3")
    assert len(once[0]) == 600 and all(row[2] == 1 for row in once[0])
    assert once[1], "the generator plants events; the rules extractor must find some"
    second = runner.invoke(app, ["run", "--input", str(data), "--output-dir", str(out)])
    assert second.exit_code == 0, second.output
    assert snapshot(out / "signalpipe.sqlite3") == once
    report = (out / "pipeline_results.md").read_text()
    assert "## Events" in report and "## Investor email" in report
    listed = runner.invoke(app, ["events", "--format", "json", "--output-dir", str(out)])
    lines = [json.loads(line) for line in listed.output.splitlines()]
    assert len(lines) == len(once[1])
    assert {"event_type", "title", "metrics", "source_message_ids"} <= set(lines[0])


def test_the_embedded_run_stores_the_bytes_the_bus_documents_pack_to(tmp_path: Path) -> None:
    # The in-process bus hands the store its messages, not their JSON; the store must write
    # what packing the JSON off the bus writes (what a Kafka consumer stores), byte for byte.
    from signalpipe.sample.generate import generate
    from signalpipe.stores import packing

    data = tmp_path / "data.csv"
    generate(800, 5, data, data.with_suffix(".truth.jsonl"))
    settings = settings_in(tmp_path)
    b = open_backends(settings)
    try:
        stats = pipeline.run(settings, b, CSVSource(data, company_id=settings.company_id))
    finally:
        b.close()
    read = [m for m in CSVSource(data, company_id=settings.company_id).read(None)
            if not isinstance(m, DeadLetter)]
    assert stats.consumed == len(read) == 800
    stored = {row[0]: row[1] for row in snapshot(settings.sqlite_path)[0]}
    assert stored == {m.id: packing.pack(m, m.model_dump_json().encode()) for m in read}


def test_the_bus_carries_each_message_as_model_dump_json(tmp_path: Path) -> None:
    from signalpipe.stats import RunStats

    data = write_csv(tmp_path / "few.csv", [chat(i, f"caf\u00e9 \u2028 \U0001f680 {i}")
                                            for i in range(30)])
    settings = settings_in(tmp_path)
    b = open_backends(settings)
    try:
        pipeline.Ingestor(settings, b, RunStats()).ingest(
            CSVSource(data, company_id=settings.company_id))
        records = cast(Any, b.bus).topic_records(settings.bus.topics.slack)
    finally:
        b.close()
    assert len(records) == 30
    assert all(r.value == r.decoded.model_dump_json().encode() for r in records)


def test_bad_rows_are_counted_and_neighbours_survive(tmp_path: Path) -> None:
    rows = [chat(1, "morning all"), "m0002,true,bob,,not-a-time,hello\n", chat(3, "lunch?"),
            "m0004,true,bob,,2025-03-01T10:00:00Z\n", chat(5, "   "), chat(1, "morning all"),
            chat(6, "different text reusing an id").replace("m0006", "m0003")]
    data = write_csv(tmp_path / "bad.csv", rows)
    result = runner.invoke(app, ["run", "--input", str(data), "--output-dir",
                                 str(tmp_path / "out")])
    assert result.exit_code == 5, result.output  # an id reused with other content
    settings = settings_in(tmp_path)
    b = open_backends(settings)
    try:
        assert b.messages.count() == 2
        reasons = sorted(d.reason for d in b.messages.dead_letters())
    finally:
        b.close()
    assert len(reasons) == 4
    assert any("duplicate id with different content" in r for r in reasons)
    assert "Dead-lettered | 4" in (tmp_path / "out" / "pipeline_results.md").read_text()


def test_missing_input_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", "--input", str(tmp_path / "nope.csv"), "--output-dir",
                                 str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.strip().startswith("error: input not found")
    assert "Traceback" not in result.output


class FlakyExtractor(Extractor):
    """Fails every batch until `healthy`; then behaves like the rules extractor."""

    name = "flaky"
    inline = True

    def __init__(self) -> None:
        self.healthy = False
        self.rules = RulesExtractor()

    @classmethod
    def from_settings(cls, settings: Settings) -> FlakyExtractor:
        return cls()

    def extract(self, batch: Batch) -> Extraction:
        if not self.healthy:
            raise ExtractionError("provider unavailable")
        return self.rules.extract(batch)


def test_failed_batches_are_parked_then_retried_next_run(tmp_path: Path) -> None:
    rows = [chat(i, f"We closed our $12M Series A led by Northwind {i}") if i == 7
            else chat(i, f"standup note {i}") for i in range(1, 251)]
    data = write_csv(tmp_path / "d.csv", rows)
    settings = settings_in(tmp_path)
    flaky = FlakyExtractor()
    b = open_backends(settings)
    try:
        stats = pipeline.run(settings, b, CSVSource(data, company_id="scaleflow"),
                             extractor=flaky)
        assert stats.batches_parked == stats.batches > 0
        assert b.events.list_events() == []
        assert len(list(b.messages.pending("scaleflow"))) == 250
        assert b.events.parked()
    finally:
        b.close()
    flaky.healthy = True
    b = open_backends(settings)
    try:
        stats = pipeline.run(settings, b, CSVSource(data, company_id="scaleflow"),
                             extractor=flaky)
        assert stats.batches_parked == 0
        assert list(b.messages.pending("scaleflow")) == []
        assert b.events.parked() == []
        assert b.messages.count() == 250
    finally:
        b.close()


class OneBadBatch(Extractor):
    """Rules, except that the batch holding message m0007 fails every time."""

    name = "one-bad"
    inline = True
    canonical_fingerprints = True

    def __init__(self) -> None:
        self.rules = RulesExtractor()

    @classmethod
    def from_settings(cls, settings: Settings) -> OneBadBatch:
        return cls()

    def extract(self, batch: Batch) -> Extraction:
        if "m0007" in [m.source_id for m in batch.messages]:
            raise ExtractionError("this batch always fails")
        return self.rules.extract(batch)


def test_a_failing_batch_is_parked_alone_when_batches_are_written_as_a_group(
        tmp_path: Path) -> None:
    rows = [chat(i, f"We closed our ${i}M Series A led by Northwind") if i in (7, 207)
            else chat(i, f"standup note {i}") for i in range(1, 401)]
    data = write_csv(tmp_path / "d.csv", rows)
    settings = settings_in(tmp_path, cache_trigger_threshold=100)
    b = open_backends(settings)
    try:
        stats = pipeline.run(settings, b, CSVSource(data, company_id="scaleflow"),
                             extractor=OneBadBatch())
        assert (stats.batches, stats.batches_parked) == (4, 1)
        pending = {m.source_id for m in b.messages.pending("scaleflow")}
        assert "m0007" in pending and len(pending) == 100, "only the failed batch is pending"
        assert [e.source_message_ids for e in b.events.list_events()] == [
            [message_key("scaleflow", "csv", "m0207")]]
        assert len(b.events.usage()) == 3, "one usage record per extracted batch"
    finally:
        b.close()


def test_extracting_on_a_second_thread_leaves_the_same_stores(tmp_path: Path) -> None:
    from signalpipe.sample.generate import generate

    data = tmp_path / "d.csv"
    generate(3000, 5, data, tmp_path / "d.truth.jsonl")
    snapshots = []
    for overlap in (False, True):
        settings = load_settings(output_dir=tmp_path / f"out-{overlap}", extract_overlap=overlap,
                                 cache_trigger_threshold=50)
        b = open_backends(settings)
        try:
            stats = pipeline.run(settings, b, CSVSource(data, company_id="scaleflow"))
        finally:
            b.close()
        assert stats.batches > 10
        snapshots.append(snapshot(settings.sqlite_path))
    assert snapshots[0] == snapshots[1]
    assert all(row[2] == 1 for row in snapshots[1][0]), "every message extracted"


class FailingEvents:
    """An event store whose writes fail, as a database that went away would."""

    def __init__(self, inner: object) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def upsert_many(self, events: object, **_: object) -> tuple[int, int]:
        raise StoreError("event store unreachable")

    def upsert_grouped(self, company_id: str, since: int, group: object) -> tuple[int, int, int]:
        raise StoreError("event store unreachable")


def test_a_store_failure_on_the_extraction_thread_fails_the_run(tmp_path: Path) -> None:
    rows = [chat(i, f"We closed our ${i}M Series A led by Northwind") for i in range(1, 301)]
    data = write_csv(tmp_path / "d.csv", rows)
    settings = settings_in(tmp_path, extract_overlap=True, cache_trigger_threshold=100)
    b = open_backends(settings)
    b.events = FailingEvents(b.events)  # type: ignore[assignment]
    try:
        with pytest.raises(StoreError, match="unreachable"):
            pipeline.run(settings, b, CSVSource(data, company_id="scaleflow"))
        assert len(list(b.messages.pending("scaleflow"))) == 300, "nothing marked extracted"
    finally:
        b.close()


class _PausingSource:
    """The wrapped source's items, with a pause before item number `pause_before` (0-based)."""

    name = "pausing"

    def __init__(self, inner: CSVSource, *, pause_before: int, pause_s: float) -> None:
        self.inner, self.pause_before, self.pause_s = inner, pause_before, pause_s

    def total_bytes(self) -> int:
        return self.inner.total_bytes()

    def read(self, progress: ProgressFn | None = None) -> Iterator[Item]:
        for i, item in enumerate(self.inner.read(progress)):
            if i == self.pause_before:
                time.sleep(self.pause_s)
            yield item


class _TakeSpy:
    """The batcher, recording what each take_ready returned and whether it was forced."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.takes: list[tuple[bool, list[int]]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def take_ready(self, *, now_s: float | None = None, force: bool = False) -> list[Batch]:
        batches: list[Batch] = self.inner.take_ready(now_s=now_s, force=force)
        self.takes.append((force, [len(b.messages) for b in batches]))
        return batches


def test_quiet_input_is_batched_by_age_not_only_count(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Two messages, a quiet spell longer than max_age_s, three more: the first ones become a
    batch because they aged, while the run goes on. The count trigger (200) never fires, and the
    final drain (which forces out whatever is left) must find only the last message."""
    monkeypatch.setattr(pipeline, "_CHUNK", 2)  # the run consumes after every 2 items produced
    data = write_csv(tmp_path / "d.csv", [chat(i, f"hello {i}") for i in range(1, 6)])
    settings = settings_in(tmp_path, batching={"max_age_s": 0.2})
    source = _PausingSource(CSVSource(data, company_id="scaleflow"), pause_before=2, pause_s=0.5)
    b = open_backends(settings)
    spy = _TakeSpy(b.batcher)
    b.batcher = cast(Batcher, spy)
    try:
        stats = pipeline.run(settings, b, source)
    finally:
        b.close()
    by_age = [n for forced, sizes in spy.takes if not forced for n in sizes]
    by_force = [n for forced, sizes in spy.takes if forced for n in sizes]
    assert sum(by_age) >= 2, f"nothing was batched by age before the drain: {spy.takes}"
    assert sum(by_age) + sum(by_force) == stats.consumed == 5


_SIGNAL_WHILE_CLOSING = """
import os, signal, sys
from pathlib import Path
from typing import Any, cast
from signalpipe import pipeline
from signalpipe.backends import open_backends
from signalpipe.settings import load_settings
from signalpipe.sources.base import Item, ProgressFn
from signalpipe.sources.csv import CSVSource

settings = load_settings(output_dir=Path(sys.argv[2]))
backends = open_backends(settings)
make_consumer = backends.bus.consumer

def consumer(*args, **kwargs):
    inner = make_consumer(*args, **kwargs)
    close = inner.close

    def close_with_signals():
        # an orchestrator that repeats SIGTERM while the worker is closing
        os.kill(os.getpid(), signal.SIGTERM)
        os.kill(os.getpid(), signal.SIGTERM)
        close()

    inner.close = close_with_signals
    return inner

backends.bus.consumer = consumer
stats = pipeline.run(settings, backends, CSVSource(Path(sys.argv[1]), company_id="scaleflow"))
backends.close()
print("stored", stats.stored_new)
"""


def test_sigterm_while_the_worker_closes_does_not_kill_it(tmp_path: Path) -> None:
    import subprocess
    import sys

    data = write_csv(tmp_path / "d.csv", [chat(i, f"note {i}") for i in range(1, 21)])
    proc = subprocess.run([sys.executable, "-c", _SIGNAL_WHILE_CLOSING, str(data),
                           str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "stored 20" in proc.stdout
    assert "already stopping" in proc.stderr


def test_a_store_file_from_before_the_pending_table_is_migrated(tmp_path: Path) -> None:
    from signalpipe.stores.sqlite import SQLiteMessageStore

    path = tmp_path / "old.sqlite3"
    rows = [(f"m{i}", "scaleflow", "slack", "2025-03-01T10:00:00+00:00", f"h{i}", i % 2,
             json.dumps({"id": f"m{i}", "company_id": "scaleflow", "source": "slack",
                         "sender": "alice", "timestamp": "2025-03-01T10:00:00Z",
                         "text": f"note {i}"})) for i in range(6)]
    con = sqlite3.connect(path)
    con.executescript(
        "CREATE TABLE messages (id TEXT PRIMARY KEY, company_id TEXT NOT NULL, source TEXT "
        "NOT NULL, ts TEXT NOT NULL, content_hash TEXT NOT NULL, extracted INTEGER NOT NULL "
        "DEFAULT 0, doc TEXT NOT NULL); CREATE INDEX messages_pending ON messages(company_id) "
        "WHERE extracted = 0;")
    con.executemany("INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    con.commit()
    con.close()
    store = SQLiteMessageStore(path)
    try:
        assert sorted(m.source_id for m in store.pending("scaleflow")) == ["m0", "m2", "m4"]
        assert store.count() == 6
        # stored before namespaces: now keyed as Slack messages of their company
        store.mark_extracted([message_key("scaleflow", "slack", "m0")])
        assert sorted(m.source_id for m in store.pending("scaleflow")) == ["m2", "m4"]
    finally:
        store.close()
    again = SQLiteMessageStore(path)  # a second open finds nothing left to migrate
    try:
        assert sorted(m.source_id for m in again.pending("scaleflow")) == ["m2", "m4"]
    finally:
        again.close()
