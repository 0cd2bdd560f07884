"""Live sources end to end: `sync` (one pass over a source's API) and `watch` (a daemon that
syncs on an interval and, on the embedded stack, runs the worker in the same process).

Like `pipeline.py`, this module wires stages and names no concrete backend.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from signalpipe.alerts import engine as alerts
from signalpipe.backends import Backends, make_extractor
from signalpipe.errors import SourceError
from signalpipe.extract.base import Extractor
from signalpipe.models import DeadLetter, Message
from signalpipe.pipeline import Ingestor, _catch_up, graceful_stop
from signalpipe.settings import Settings
from signalpipe.sources.base import ProgressFn
from signalpipe.stats import RunStats
from signalpipe.sync.base import Page, Sync
from signalpipe.worker import Worker

logger = logging.getLogger(__name__)


class _PageSource:
    """One sync page as a `Source`, so the Ingestor produces it like any file."""

    def __init__(self, name: str, page: Page) -> None:
        self.name = name
        self.page = page

    def total_bytes(self) -> int:
        return 0

    def read(self, progress: ProgressFn | None = None) -> Iterator[Message | DeadLetter]:
        return iter(self.page.items)


def sync_pages(backends: Backends, source: Sync, ingestor: Ingestor, worker: Worker | None,
               stop: threading.Event, *, company_id: str) -> int:
    """One pass over `source`; returns the items read.

    A page's cursors are written only once its messages are acknowledged: a flushed producer
    on a broker; on an in-process bus, consumed and stored by `worker` (there, nothing outside
    this process would ever read them). A crash in between replays the page, which the
    idempotent message store absorbs.
    """
    read = 0

    def cursor(scope: str) -> str | None:
        found = backends.messages.get_cursor(company_id, source.source, scope)
        return None if found is None else found.value

    for page in source.pages(cursor):
        ingestor.ingest(_PageSource(f"{source.source}-sync", page))
        read += len(page.items)
        if worker is not None:
            _catch_up(worker, stop)
            if stop.is_set():
                break  # not all of the page is stored: its cursor must wait
        backends.messages.put_cursors(page.cursors)
        if stop.is_set():
            break
    return read


def sync(settings: Settings, backends: Backends, source: Sync, *,
         extractor: Extractor | None = None, stats: RunStats | None = None) -> RunStats:
    """Read a live source since its stored cursors onto the bus (and, with an in-process bus,
    store and extract it here)."""
    stats = stats or RunStats()
    ingestor = Ingestor(settings, backends, stats)
    ingestor.ensure_topics()
    with graceful_stop() as signalled:
        worker = _local_worker(settings, backends, extractor, stats)
        try:
            stats.rows_read = sync_pages(backends, source, ingestor, worker, signalled,
                                         company_id=settings.company_id)
            if worker is not None:
                worker.wait_extractions() if signalled.is_set() else worker.drain()
            if not signalled.is_set():
                alerts.check(settings, backends.events, backends.messages)
        finally:
            if worker is not None:
                worker.close()
        stats.interrupted_by = signalled.signum
    stats.finish()
    return stats


def _local_worker(settings: Settings, backends: Backends, extractor: Extractor | None,
                  stats: RunStats) -> Worker | None:
    """The worker this process runs: only when the bus lives in this process."""
    if not backends.bus.in_process:
        return None
    worker = Worker(settings, backends, extractor or make_extractor(settings), stats)
    worker.recover()
    return worker


def watch(settings: Settings, backends: Backends, sources: Sequence[Sync], *,
          extractor: Extractor | None = None, interval_s: float = 300.0,
          cycles: int | None = None, stop: threading.Event | None = None,
          stats: RunStats | None = None) -> RunStats:
    """Sync every source, then wait `interval_s` (consuming meanwhile), until SIGTERM/SIGINT
    (or `stop`, or `cycles` passes); then extract what is buffered and return.

    A sync that fails (the API down, a token revoked) is logged and tried again next cycle;
    a store failure ends the daemon.
    """
    stats = stats or RunStats()
    ingestor = Ingestor(settings, backends, stats)
    ingestor.ensure_topics()
    with graceful_stop() as signalled:
        halt = _either(signalled, stop)
        worker = _local_worker(settings, backends, extractor, stats)
        try:
            done = 0
            while not halt.is_set() and (cycles is None or done < cycles):
                for source in sources:
                    try:
                        stats.rows_read += sync_pages(backends, source, ingestor, worker, halt,
                                                      company_id=settings.company_id)
                    except SourceError as exc:
                        logger.error("sync %s failed, retrying next cycle: %s",
                                     source.source, exc)
                done += 1
                alerts.check(settings, backends.events, backends.messages)
                if cycles is None or done < cycles:
                    _idle(settings, backends, worker, halt, interval_s)
            if worker is not None:
                worker.drain()  # what is buffered is extracted before a clean exit
            alerts.check(settings, backends.events, backends.messages)
        finally:
            if worker is not None:
                worker.close()
    stats.finish()
    return stats


def _either(signalled: threading.Event, stop: threading.Event | None) -> threading.Event:
    """One event set by a signal or by `stop` (polled: `stop` belongs to the caller)."""
    if stop is None:
        return signalled
    both = threading.Event()

    def relay() -> None:
        while not both.is_set():
            if signalled.wait(0.1) or stop.is_set():
                both.set()

    threading.Thread(target=relay, name="watch-stop", daemon=True).start()
    return both


def _idle(settings: Settings, backends: Backends, worker: Worker | None,
          halt: threading.Event, interval_s: float) -> None:
    """Wait for the next cycle; the local worker keeps consuming and extracting aged batches,
    and alert deliveries waiting out their backoff are retried."""
    deadline = time.monotonic() + interval_s
    while not halt.is_set() and time.monotonic() < deadline:
        alerts.deliver_due(settings, backends.events, backends.messages)
        if worker is not None:
            worker.poll_once(timeout_s=min(0.5, max(0.0, deadline - time.monotonic())))
            worker.maybe_recover()
        else:
            halt.wait(min(0.5, max(0.0, deadline - time.monotonic())))


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold `folder`/.watch.lock for the daemon's life; a second daemon on the same folder is
    refused with a clear message (the lock dies with its process, even on kill -9)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ".watch.lock"
    handle: IO[str] = path.open("a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise SourceError(f"signalpipe watch is already running on {folder} (pid "
                              f"{holder}); stop it first, or use another --output-dir") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()
