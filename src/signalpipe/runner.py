"""The extraction runner: ready batches -> extractor -> event store, then ack.

It runs a fast extractor (``inline``) on the caller's thread, or on one more thread while the
caller stores the next poll (``extract_overlap``), and a slow one (an LLM) as one pool task per
batch, as wide as the provider allows. A batch that fails extraction is parked (kept in the
event store for the next run) and released; a store failing under a background extraction is
raised on the caller's thread at its next call, as it would be inline.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from datetime import date
from typing import TypeVar

from signalpipe.backends import Backends
from signalpipe.errors import ExtractionError, SignalpipeError
from signalpipe.event_members import EventMember
from signalpipe.extract.base import Extraction, Extractor
from signalpipe.extract.dedup import EventIndex, Resolution, is_close
from signalpipe.extract.sameness import same_story
from signalpipe.inert import redact
from signalpipe.kpis import observations
from signalpipe.models import Batch, SignificantEvent
from signalpipe.settings import Settings
from signalpipe.stats import RunStats

logger = logging.getLogger(__name__)

T = TypeVar("T")


class ExtractionRunner:
    """Takes ready batches from the batcher, extracts them, stores the events, acks them."""

    def __init__(self, settings: Settings, backends: Backends, extractor: Extractor,
                 stats: RunStats) -> None:
        self.settings = settings
        self.b = backends
        self.extractor = extractor
        self.stats = stats
        # The index is rebuilt from every stored group's members, as the worker that wrote
        # them held it: a new mention joins a group through any member, not only its merged
        # row. An extractor whose fingerprints are canonical (its figures say which events
        # are one) needs no closeness by figures, only by words told days apart ("Coverage by
        # Jeff" and "... Jeff Geerling" have different labels, so different fingerprints).
        self.index = EventIndex(
            backends.events.list_events(settings.company_id),
            backends.events.event_members(settings.company_id),
            close=same_story if extractor.canonical_fingerprints else is_close)
        # A fast extractor's batches are written as one group per take_ready: in this thread,
        # or (extract_overlap) on one more thread while this one stores the next poll. A slow
        # one (an LLM) gets a task per batch on a pool as wide as the provider allows.
        self._grouped = extractor.inline
        width = 1 if self._grouped else settings.llm.max_concurrency
        self._pool = None if self._grouped and not settings.extract_overlap else \
            ThreadPoolExecutor(max_workers=width, thread_name_prefix="extract")
        self._futures: set[Future[None]] = set()
        self._failures: list[BaseException] = []
        self._futures_lock = threading.Lock()
        self._index_write = threading.Lock()
        # The members stamp this index has caught up to (`EventStore.upsert_grouped`): 0 reads
        # every row once more at the first write, which the index already holds but for rows
        # another worker stored since it was built.
        self._since = 0

    def extract_ready(self, *, force: bool = False) -> None:
        """Take the batches that are ready (every buffered one with `force`), extract them."""
        if self._pool is not None and self._grouped:
            # Overlapping: the take runs on the extraction thread as well. While that thread
            # has a group running and one waiting, this poll skips it and the next one asks.
            if force:
                self.wait_extractions()
            if self.in_flight() < 2:
                self._submit(self._take_and_extract, force)
            return
        self.dispatch(self.b.batcher.take_ready(force=force))

    def _take_and_extract(self, force: bool) -> None:
        batches = self.b.batcher.take_ready(force=force)
        if batches:
            self.stats.add(batches=len(batches))
            self._extract_group(batches)

    def dispatch(self, batches: Sequence[Batch]) -> None:
        """Extract batches: in this thread as one group, or one pool task per batch."""
        if not batches:
            return
        self.stats.add(batches=len(batches))
        if self._pool is None:
            self._extract_group(batches)
            return
        for group in [list(batches)] if self._grouped else [[batch] for batch in batches]:
            self._submit(self._extract_group, group)

    def _submit(self, task: Callable[[T], None], arg: T) -> None:
        assert self._pool is not None
        self.raise_failure()
        future = self._pool.submit(task, arg)
        with self._futures_lock:
            self._futures.add(future)
        future.add_done_callback(self._finished)

    def _finished(self, future: Future[None]) -> None:
        with self._futures_lock:
            self._futures.discard(future)
            error = None if future.cancelled() else future.exception()
            if error is not None:
                self._failures.append(error)

    def raise_failure(self) -> None:
        """A store failing under a background extraction fails the worker, as it would inline;
        its batches stay leased, then pending, and are extracted after a restart."""
        with self._futures_lock:
            error = self._failures.pop(0) if self._failures else None
        if error is not None:
            raise error

    def _wait_one(self) -> None:
        with self._futures_lock:
            oldest = next(iter(self._futures), None)
        if oldest is not None:
            wait([oldest])

    def _extract_group(self, batches: Sequence[Batch]) -> None:
        """Extract each batch, then store what the group found with one write per store.

        One write per store for a whole `take_ready` instead of three per batch: a commit costs
        far more than the rows in it. A batch that fails is parked alone; the rest go on.
        """
        done: list[tuple[Batch, Extraction]] = []
        for batch in batches:
            result = self._extract_one(batch)
            if result is not None:
                done.append((batch, result))
        if not done:
            return
        events = [event for _, result in done for event in result.events]
        # Each event dated by its messages: dedup's window, and the KPI ledger's days.
        cited = {i for event in events for i in event.source_message_ids}
        days = {m.id: m.timestamp.date() for batch, _ in done for m in batch.messages
                if m.id in cited}
        # Resolve and write as one step: a group that moves in one write must not be moved
        # again by another thread's write before its row exists. The store runs it exclusive
        # of other workers' writes, after handing over what they stored: every worker groups
        # against every stored mention, as one worker that saw everything would.
        with self._index_write:
            resolution, inserted, merged = self._write_grouped(events, days)
        events = resolution.events
        self.b.events.put_kpis(observations(events, days))
        self.b.events.record_usage([result.usage for _, result in done])
        self.b.messages.mark_extracted([i for batch, _ in done for i in batch.message_ids])
        self.b.batcher.ack(*(batch for batch, _ in done))
        for _, result in done:
            for _event_id, reason in result.rejected:
                self.stats.rejected(reason)
            self.stats.add(input_tokens=result.usage.input_tokens,
                           output_tokens=result.usage.output_tokens)
        self.stats.add(events_inserted=inserted, events_merged=merged)

    def _write_grouped(self, events: list[SignificantEvent], days: dict[str, date]
                       ) -> tuple[Resolution, int, int]:
        if not events:
            return Resolution([], {}), 0, 0
        resolved: list[Resolution] = []

        def group(rows: dict[str, list[EventMember]]) -> Resolution:
            # Called again if the store retries the transaction: the index hands out the same
            # moves and members until `written`.
            self.index.catch_up(self.settings.company_id, rows)
            resolved.append(self.index.resolve(events, days, until_written=True))
            return resolved[-1]

        inserted, merged, self._since = self.b.events.upsert_grouped(
            self.settings.company_id, self._since, group)
        self.index.written(resolved[-1])
        return resolved[-1], inserted, merged

    def _extract_one(self, batch: Batch) -> Extraction | None:
        """The batch's extraction, or None when it was released (not ours) or parked."""
        if batch.company_id != self.settings.company_id:
            # Never mark another company's messages as ours: ids repeat across companies.
            logger.error("batch %s belongs to company %s, not %s: released untouched",
                         batch.id, batch.company_id, self.settings.company_id)
            self.b.batcher.release(batch)
            return None
        try:
            return self.extractor.extract(batch)
        except (ExtractionError, SignalpipeError) as exc:
            self._park(batch, str(exc))
        except Exception as exc:  # an extractor bug must not kill the worker or lose the batch
            # No traceback at warning level: a provider's error text may echo the API key.
            logger.debug("extractor crashed on batch %s", batch.id, exc_info=not self._secrets())
            self._park(batch, f"extractor crashed: {type(exc).__name__}: {exc}")
        return None

    def _secrets(self) -> list[str]:
        key = self.settings.api_key()
        return [key.get_secret_value()] if key is not None else []

    def _park(self, batch: Batch, reason: str) -> None:
        # A provider error body may echo the key it was sent: never store or log it.
        reason = redact(reason, self._secrets())
        logger.warning("parking batch %s (%d messages): %s", batch.id, len(batch.messages),
                       reason)
        self.b.events.park_batch(batch.id, batch.message_ids, reason)
        self.b.batcher.release(batch)
        self.stats.add(batches_parked=1)

    def in_flight(self) -> int:
        with self._futures_lock:
            return len(self._futures)

    def wait_extractions(self) -> None:
        while self.in_flight():
            self._wait_one()
        self.raise_failure()

    def close(self) -> None:
        """Wait for running extractions and stop the pool."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
