"""Wires the stages: source -> bus -> (worker: stores, batcher, extraction) -> events.

`run` produces and consumes in one process; `produce` only ingests; `work` only consumes, so
several workers can share a Kafka consumer group.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from signalpipe.backends import Backends, make_extractor
from signalpipe.extract.base import Extractor
from signalpipe.models import DeadLetter, Message
from signalpipe.settings import Settings
from signalpipe.sources.base import ProgressFn, Source
from signalpipe.stats import RunStats
from signalpipe.worker import Worker, dead_letter_bytes

logger = logging.getLogger(__name__)

_PRODUCE_AHEAD = 5000  # records the producer may run ahead of the consumer in one process


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
        self.topics = {"slack": settings.topics.slack, "gmail": settings.topics.gmail}

    def ensure_topics(self) -> None:
        self.b.bus.ensure_topics([*self.topics.values(), self.settings.topics.dead_letter])

    def ingest(self, source: Source, *, progress: ProgressFn | None = None,
               stop: threading.Event | None = None,
               backpressure: Callable[[], None] | None = None) -> None:
        limit = self.settings.kafka.max_message_bytes
        dead: list[DeadLetter] = []
        for n, item in enumerate(source.read(progress), 1):
            self.stats.add(rows_read=1)
            if isinstance(item, DeadLetter):
                dead.append(item)
            else:
                value = item.model_dump_json().encode()
                if len(value) > limit:
                    dead.append(DeadLetter(
                        origin=item.origin or source.name, stage="produce", message_id=item.id,
                        reason=f"message is {len(value)} bytes, over the bus limit of {limit}",
                        raw=item.text))
                else:
                    self.b.bus.produce(self.topics[item.source.value], message_key(item), value)
                    self.stats.add(produced=1)
            if n % 1000 == 0:
                self._flush_dead(dead)
                if stop is not None and stop.is_set():
                    break
                if backpressure is not None:
                    backpressure()
        self._flush_dead(dead)
        self.b.bus.flush()

    def _flush_dead(self, dead: list[DeadLetter]) -> None:
        if not dead:
            return
        self.b.messages.put_dead_letters(dead)
        for letter in dead:
            value, headers = dead_letter_bytes(letter,
                                               limit=self.settings.kafka.max_message_bytes)
            self.b.bus.produce(self.settings.topics.dead_letter, letter.message_id, value,
                               headers)
            self.stats.dead(letter.reason)
        dead.clear()


@contextmanager
def graceful_stop() -> Iterator[threading.Event]:
    """SIGINT/SIGTERM set an event instead of killing mid-write; a second SIGINT interrupts."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        logger.warning("signal %d: finishing the current step, then stopping", signum)
        stop.set()

    previous = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def run(settings: Settings, backends: Backends, source: Source, *,
        extractor: Extractor | None = None, progress: ProgressFn | None = None,
        stats: RunStats | None = None) -> RunStats:
    """Ingest `source` and process it to the end: every message stored, batched, extracted."""
    stats = stats or RunStats()
    extractor = extractor or make_extractor(settings)
    ingestor = Ingestor(settings, backends, stats)
    ingestor.ensure_topics()
    worker = Worker(settings, backends, extractor, stats)
    try:
        with graceful_stop() as stop:
            worker.recover()
            errors: list[BaseException] = []
            producer = threading.Thread(
                target=_produce_guarded, name="ingest",
                args=(ingestor, source, progress, stop, worker, errors), daemon=True)
            producer.start()
            _consume_until_done(worker, producer, stop)
            producer.join()
            if errors:
                raise errors[0]
            if not stop.is_set():
                worker.drain()
            else:
                worker.wait_extractions()
    finally:
        worker.close()
    stats.finish()
    return stats


def _produce_guarded(ingestor: Ingestor, source: Source, progress: ProgressFn | None,
                     stop: threading.Event, worker: Worker, errors: list[BaseException]) -> None:
    def backpressure() -> None:
        # Keep memory flat: do not run more than a few thousand records ahead of the consumer.
        while ingestor.stats.produced - ingestor.stats.consumed > _PRODUCE_AHEAD:
            if stop.is_set():
                return
            time.sleep(0.002)

    try:
        ingestor.ingest(source, progress=progress, stop=stop, backpressure=backpressure)
    except BaseException as exc:
        errors.append(exc)
        stop.set()


def _consume_until_done(worker: Worker, producer: threading.Thread,
                        stop: threading.Event) -> None:
    while not stop.is_set():
        got = worker.poll_once(timeout_s=0.05)
        if got == 0 and not producer.is_alive() and worker.consumer.lag() == 0:
            return


def work(settings: Settings, backends: Backends, *, extractor: Extractor | None = None,
         idle_exit_s: float | None = None, stop: threading.Event | None = None) -> RunStats:
    """Consume until stopped (or idle for `idle_exit_s`), then extract what is buffered."""
    stats = RunStats()
    worker = Worker(settings, backends, extractor or make_extractor(settings), stats)
    try:
        with graceful_stop() as signalled:
            worker.recover()
            idle_since = time.monotonic()
            while not signalled.is_set() and not (stop is not None and stop.is_set()):
                if worker.poll_once(timeout_s=0.5):
                    idle_since = time.monotonic()
                elif idle_exit_s is not None and time.monotonic() - idle_since >= idle_exit_s:
                    break
            worker.drain()
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
    stats.finish()
    return stats
