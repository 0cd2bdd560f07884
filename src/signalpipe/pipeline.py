"""Wires the stages: source -> bus -> (worker: stores, batcher, extraction) -> events.

`run` produces and consumes in one process; `produce` only ingests; `work` only consumes, so
several workers can share a Kafka consumer group.
"""

from __future__ import annotations

import gc
import logging
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from signalpipe.alerts import engine as alerts
from signalpipe.backends import Backends, make_extractor
from signalpipe.extract.base import Extractor
from signalpipe.models import DeadLetter, Message
from signalpipe.settings import Settings
from signalpipe.sources.base import ProgressFn, Source
from signalpipe.stats import RunStats
from signalpipe.worker import Worker, dead_letter_bytes

logger = logging.getLogger(__name__)

_CHUNK = 2000  # items produced before the same thread consumes them: bounds memory
# `model_dump_json().encode()` without the str in between and BaseModel's Python wrapper: the
# same bytes (pydantic-core writes them; model_dump_json decodes them), 2.1 against 4.0 us.
_message_json = Message.__pydantic_serializer__.to_json


def message_key(message: Message) -> str:
    """Company first (the seed keyed by company); the thread or channel spreads load over
    partitions while keeping one conversation in order."""
    return f"{message.company_id}:{message.thread_id or message.channel or message.id}"


class Ingestor:
    """Reads a source and produces each message to its topic; bad rows become dead letters."""

    def __init__(self, settings: Settings, backends: Backends, stats: RunStats) -> None:
        self.settings = settings
        self.b = backends
        self.stats = stats
        self.topics = {"slack": settings.bus.topics.slack, "gmail": settings.bus.topics.gmail}

    def ensure_topics(self) -> None:
        self.b.bus.ensure_topics([*self.topics.values(), self.settings.bus.topics.dead_letter])

    def ingest(self, source: Source, *, progress: ProgressFn | None = None,
               stop: threading.Event | None = None) -> None:
        """Produce the whole source onto the bus."""
        for _ in self.chunks(source, progress=progress, stop=stop):
            pass

    def chunks(self, source: Source, *, progress: ProgressFn | None = None,
               stop: threading.Event | None = None, size: int | None = None) -> Iterator[int]:
        """Produce the source, pausing after every `size` items (yields how many were read).

        With an in-process bus the pauses let one thread alternate producing and consuming: no
        second thread fighting the first for the GIL, and never more than a chunk of records
        waiting in memory. (With a broker, `run` produces on a thread of its own instead.)
        """
        size = size or _CHUNK
        limit = self.settings.kafka.max_message_bytes
        dead: list[DeadLetter] = []
        records: list[tuple[str, str | None, bytes, object]] = []
        read = 0
        for item in source.read(progress):
            read += 1
            if isinstance(item, DeadLetter):
                dead.append(item)
            else:
                value = _message_json(item)
                if len(value) > limit:
                    dead.append(DeadLetter(
                        origin=item.origin or source.name, stage="produce",
                        message_id=item.source_id,
                        reason=f"message is {len(value)} bytes, over the bus limit of {limit}",
                        raw=item.text))
                else:
                    records.append((self.topics[str(item.source)], message_key(item), value,
                                    item))
            if read % size == 0:
                self._end_chunk(records, dead, read)
                yield read
                if stop is not None and stop.is_set():
                    return
        self._end_chunk(records, dead, read)
        yield read

    def _end_chunk(self, records: list[tuple[str, str | None, bytes, object]],
                   dead: list[DeadLetter], read: int) -> None:
        self.b.bus.produce_many(records)
        self.stats.produced += len(records)
        records.clear()
        self._flush_dead(dead)
        self.b.bus.flush()
        self.stats.rows_read = read

    def _flush_dead(self, dead: list[DeadLetter]) -> None:
        if not dead:
            return
        self.b.messages.put_dead_letters(dead)
        for letter in dead:
            value, headers = dead_letter_bytes(letter,
                                               limit=self.settings.kafka.max_message_bytes)
            self.b.bus.produce(self.settings.bus.topics.dead_letter, letter.message_id, value,
                               headers)
            self.stats.dead(letter.reason)
        dead.clear()


TERM_GRACE_S = 5.0
"""A second SIGTERM this long after the first ends the run at once: whatever the run was doing
(a read that never returns, a provider that never answers) did not let it stop by itself."""


class StopEvent(threading.Event):
    """Set by the first SIGINT/SIGTERM; `signum` says which, for the exit code."""

    signum: int | None = None
    at: float = 0.0


class Interrupted(KeyboardInterrupt):
    """A repeated signal ended the run part-way (a second Ctrl-C, or SIGTERM past the grace)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def graceful_stop() -> Iterator[StopEvent]:
    """SIGINT/SIGTERM set an event instead of killing mid-write; a second SIGINT interrupts,
    a second SIGTERM interrupts once `TERM_GRACE_S` have passed since the first (sooner, it is an
    orchestrator repeating itself and is only logged)."""
    stop = StopEvent()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            if signum == signal.SIGINT:  # a person pressing Ctrl-C again means it
                raise Interrupted(signum)
            if time.monotonic() - stop.at >= TERM_GRACE_S:
                logger.warning("signal %d again: stopping now", signum)
                raise Interrupted(signum)
            logger.warning("signal %d: already stopping", signum)
            return
        logger.warning("signal %d: finishing the current step, then stopping", signum)
        stop.signum, stop.at = signum, time.monotonic()
        stop.set()

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _freeze_startup_objects() -> None:
    """Modules, schemas and settings live as long as the process; moving them out of the
    collector's generations keeps each full collection to what the run itself allocated."""
    gc.freeze()


def run(settings: Settings, backends: Backends, source: Source, *,
        extractor: Extractor | None = None, progress: ProgressFn | None = None,
        stats: RunStats | None = None) -> RunStats:
    """Ingest `source` and process it to the end: every message stored, batched, extracted."""
    stats = stats or RunStats()
    extractor = extractor or make_extractor(settings)
    _freeze_startup_objects()
    ingestor = Ingestor(settings, backends, stats)
    ingestor.ensure_topics()
    # The handlers stay in place until the worker is closed: a second SIGTERM while it
    # finishes must not kill it halfway through a write.
    with graceful_stop() as stop:
        worker = Worker(settings, backends, extractor, stats)
        try:
            worker.recover()
            if backends.bus.in_process:
                for _ in ingestor.chunks(source, progress=progress, stop=stop):
                    _catch_up(worker, stop)
            else:
                _produce_alongside(ingestor, worker, source, progress, stop)
            if stop.is_set():
                worker.wait_extractions()
            else:
                worker.drain()
                # Like `sync`: what a run found alerts once (the ledger keys each delivery).
                alerts.check(settings, backends.events, backends.messages)
        finally:
            worker.close()
        stats.interrupted_by = stop.signum
    stats.finish()
    return stats


def _produce_alongside(ingestor: Ingestor, worker: Worker, source: Source,
                       progress: ProgressFn | None, stop: threading.Event) -> None:
    """Produce on a thread of its own while this one consumes.

    With a networked bus the records wait in the broker, not in memory, and the consuming
    thread spends much of its time waiting on the stores' round trips, which the producing
    thread can use."""
    failure: list[BaseException] = []

    def produce() -> None:
        try:
            ingestor.ingest(source, progress=progress, stop=stop)
        except BaseException as exc:  # raised again on the consuming thread
            failure.append(exc)
            stop.set()

    thread = threading.Thread(target=produce, name="produce", daemon=True)
    thread.start()
    try:
        while thread.is_alive() and not stop.is_set():
            worker.poll_once(timeout_s=0.1)
    finally:
        thread.join()
    if failure:
        raise failure[0]
    _catch_up(worker, stop)


def _catch_up(worker: Worker, stop: threading.Event) -> None:
    """Consume until the group has nothing left to read.

    Polls without waiting first; lag is asked (a broker round trip for Kafka) only when a poll
    comes back empty, and only then does a poll wait for records still in flight.
    """
    while not stop.is_set():
        if worker.poll_once(timeout_s=0) == 0:
            if worker.consumer.lag() == 0:
                return
            worker.poll_once(timeout_s=0.05)


LAG_SAMPLE_S = 5.0
"""How often a worker with a metrics endpoint asks the bus for its lag (a broker round trip)."""
ALERT_CHECK_S = 30.0
"""How often a long-running worker checks the alert rules, when it stored events since."""


def work(settings: Settings, backends: Backends, *, extractor: Extractor | None = None,
         idle_exit_s: float | None = None, stop: threading.Event | None = None,
         stats: RunStats | None = None,
         on_lag: Callable[[int], None] | None = None) -> RunStats:
    """Consume until stopped (or idle for `idle_exit_s`), then extract what is buffered.

    `on_lag`, when given, is told the consumer's lag every `LAG_SAMPLE_S` (from this thread,
    which owns the consumer)."""
    stats = stats or RunStats()
    sampled = 0.0
    # A consumer subscribed to a topic that does not exist yet may not see it for minutes.
    Ingestor(settings, backends, stats).ensure_topics()
    _freeze_startup_objects()
    with graceful_stop() as signalled:
        worker = Worker(settings, backends, extractor or make_extractor(settings), stats)
        try:
            worker.recover()
            idle_since = time.monotonic()
            watch = _AlertWatch(settings, backends, stats)
            while not signalled.is_set() and not (stop is not None and stop.is_set()):
                if on_lag is not None and time.monotonic() - sampled >= LAG_SAMPLE_S:
                    on_lag(worker.consumer.lag())
                    sampled = time.monotonic()
                if worker.poll_once(timeout_s=0.5):
                    idle_since = time.monotonic()
                    continue
                if idle_exit_s is not None and time.monotonic() - idle_since >= idle_exit_s:
                    break
                worker.maybe_recover()
                watch.tick()
            worker.drain()
            watch.tick(force=True)
        finally:
            worker.close()
    stats.finish()
    return stats


def produce(settings: Settings, backends: Backends, source: Source, *,
            progress: ProgressFn | None = None, stats: RunStats | None = None) -> RunStats:
    """Only ingest: read `source` onto the bus (workers do the rest)."""
    stats = stats or RunStats()
    ingestor = Ingestor(settings, backends, stats)
    ingestor.ensure_topics()
    with graceful_stop() as stop:
        ingestor.ingest(source, progress=progress, stop=stop)
        stats.interrupted_by = stop.signum
    stats.finish()
    return stats


class _AlertWatch:
    """Alerts from a long-running worker: the rules are checked when the worker is idle, at
    most every `ALERT_CHECK_S` and only after it stored events, and retries whose backoff has
    passed are sent; a check reads every event, so it is not done per batch."""

    def __init__(self, settings: Settings, backends: Backends, stats: RunStats) -> None:
        self._settings, self._backends, self._stats = settings, backends, stats
        self._seen = self._events_stored()
        self._last = time.monotonic()

    def _events_stored(self) -> int:
        return self._stats.events_inserted + self._stats.events_merged

    def tick(self, *, force: bool = False) -> None:
        if not self._settings.alerts.channels:
            return
        if not force and time.monotonic() - self._last < ALERT_CHECK_S:
            return
        self._last = time.monotonic()
        events, messages = self._backends.events, self._backends.messages
        if self._events_stored() != self._seen:
            self._seen = self._events_stored()
            alerts.check(self._settings, events, messages)
        else:
            alerts.deliver_due(self._settings, events, messages)
