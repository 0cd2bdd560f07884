"""The consumer side: records -> message store -> batcher -> commit; batches -> extraction.

Order matters (STYLE rule 6): a record's offset is committed only after its message is in the
message store and the batcher. Extraction runs on a thread pool, off the poll loop, so a slow LLM
never holds up polling (and never trips Kafka's max.poll.interval.ms).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import TypeVar

from pydantic import ValidationError

from signalpipe.backends import Backends
from signalpipe.bus.base import Consumer, Record
from signalpipe.errors import ExtractionError, SignalpipeError
from signalpipe.extract.base import Extraction, Extractor
from signalpipe.extract.dedup import EventIndex
from signalpipe.inert import redact
from signalpipe.models import Batch, DeadLetter, Message
from signalpipe.settings import Settings
from signalpipe.stats import RunStats

logger = logging.getLogger(__name__)

_RECOVERY_MIN_INTERVAL_S = 10.0
T = TypeVar("T")


def dead_letter_bytes(letter: DeadLetter, *, limit: int) -> tuple[bytes, dict[str, str]]:
    """Serialize a dead letter for the bus, cutting `raw` to fit the topic's size limit.

    The whole raw text is kept in the message store's dead-letter table; the topic copy is for
    alerting and audit, so cutting it loses nothing.
    """
    headers = {"reason": letter.reason[:500], "origin": letter.origin, "stage": letter.stage}
    value = letter.model_dump_json().encode()
    keep = len(letter.raw)
    while len(value) > limit and keep > 0:
        keep = min(keep // 2, limit // 2)
        value = letter.model_copy(update={"raw": letter.raw[:keep]}).model_dump_json().encode()
        headers["truncated"] = "true"
    return value, headers


class Worker:
    """Consumes message topics into the stores and drives extraction of full batches."""

    def __init__(self, settings: Settings, backends: Backends, extractor: Extractor,
                 stats: RunStats, *, consumer: Consumer | None = None) -> None:
        self.settings = settings
        self.b = backends
        self.extractor = extractor
        self.stats = stats
        topics = [settings.topics.slack, settings.topics.gmail]
        self.consumer = consumer or backends.bus.consumer(topics, group_id=settings.kafka.group_id)
        # An extractor whose fingerprints are canonical (the same event always gets the same
        # one) needs no close matching, which depends on the order batches finish in.
        canonical = getattr(extractor, "canonical_fingerprints", False)
        self.index = None if canonical else EventIndex(
            backends.events.list_events(settings.company_id))
        # A fast extractor's batches are written as one group per take_ready: in this thread,
        # or (extract_overlap) on one more thread while this one stores the next poll. A slow
        # one (an LLM) gets a task per batch on a pool as wide as the provider allows.
        self._grouped = getattr(extractor, "inline", False)
        width = 1 if self._grouped else settings.llm.max_concurrency
        self._pool = None if self._grouped and not settings.extract_overlap else \
            ThreadPoolExecutor(max_workers=width, thread_name_prefix="extract")
        self._futures: set[Future[None]] = set()
        self._failures: list[BaseException] = []
        self._futures_lock = threading.Lock()
        self._last_recovery = time.monotonic()

    # -- consuming --------------------------------------------------------------------------
    def poll_once(self, *, max_records: int = 5000, timeout_s: float = 0.5) -> int:
        """Poll, store, buffer, commit, then hand any ready batches to extraction."""
        self._raise_failure()
        records = self.consumer.poll(max_records=max_records, timeout_s=timeout_s)
        if records:
            self.handle(records)
            self.consumer.commit()
        self.extract_ready()
        return len(records)

    def handle(self, records: Sequence[Record]) -> None:
        messages: list[Message] = []
        docs: list[bytes] = []
        dead: list[DeadLetter] = []
        for record in records:
            if isinstance(record.decoded, Message):  # an in-process bus kept the object
                messages.append(record.decoded)
                docs.append(record.value)
                continue
            try:
                messages.append(Message.model_validate_json(record.value))
                docs.append(record.value)
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                dead.append(DeadLetter(origin=record.origin, stage="decode",
                                       reason=f"not a valid message: {where}: {first['msg']}",
                                       raw=record.value.decode("utf-8", "replace")))
        result = self.b.messages.put_many(messages, docs)
        for msg in result.conflicts:
            dead.append(DeadLetter(origin=msg.origin or "bus", stage="store", message_id=msg.id,
                                   reason="duplicate id with different content",
                                   raw=msg.model_dump_json()))
        if dead:
            self.record_dead(dead)
        if len(result.to_batch) == len(messages):
            self.b.batcher.add(result.to_batch, docs)
        else:
            doc_of = dict(zip((m.id for m in messages), docs, strict=True))
            self.b.batcher.add(result.to_batch, [doc_of[m.id] for m in result.to_batch])
        self.stats.add(consumed=len(records), stored_new=len(result.to_batch),
                       replayed=result.already_done)

    def record_dead(self, letters: Sequence[DeadLetter]) -> None:
        """Keep dead letters whole in the store and announce them on the dead-letter topic."""
        self.b.messages.put_dead_letters(letters)
        limit = self.settings.kafka.max_message_bytes
        for letter in letters:
            value, headers = dead_letter_bytes(letter, limit=limit)
            self.b.bus.produce(self.settings.topics.dead_letter, letter.message_id, value,
                               headers)
            self.stats.dead(letter.reason)

    # -- extraction -------------------------------------------------------------------------
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
        self._raise_failure()
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

    def _raise_failure(self) -> None:
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
        if self.index is not None:
            events = self.index.resolve(events)
        inserted, merged = self.b.events.upsert_many(events)
        self.b.events.record_usage([result.usage for _, result in done])
        self.b.messages.mark_extracted([i for batch, _ in done for i in batch.message_ids])
        self.b.batcher.ack(*(batch for batch, _ in done))
        for _, result in done:
            for _event_id, reason in result.rejected:
                self.stats.rejected(reason)
            self.stats.add(input_tokens=result.usage.input_tokens,
                           output_tokens=result.usage.output_tokens)
        self.stats.add(events_inserted=inserted, events_merged=merged)

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
        self._raise_failure()

    # -- recovery ---------------------------------------------------------------------------
    def recover(self, *, retry_parked: bool = True) -> int:
        """Re-buffer stored-but-unextracted messages (a lost Redis, a crash, a parked batch).

        Parked batches are retried only when asked (at the start of a run), so a provider that
        is down does not make one run retry the same batch over and over.
        """
        parked = self.b.events.parked()
        skip: set[str] = set()
        for batch_id, ids, _reason in parked:
            if retry_parked:
                self.b.events.unpark(batch_id)
            else:
                skip.update(ids)
        added = 0
        chunk: list[Message] = []
        for message in self.b.messages.pending(self.settings.company_id):
            if message.id in skip:
                continue
            chunk.append(message)
            if len(chunk) >= 1000:
                added += self.b.batcher.add(chunk)
                chunk = []
        if chunk:
            added += self.b.batcher.add(chunk)
        self._last_recovery = time.monotonic()
        if added:
            logger.info("re-buffered %d pending messages from the message store", added)
        return added

    def maybe_recover(self) -> None:
        """While idle, now and then re-buffer stored-but-unextracted messages.

        This is how a running worker notices a flushed or restarted Redis: the message store
        still says those messages are pending. Ids already buffered or in flight are ignored by
        the batcher, so this never doubles work.
        """
        interval_s = max(self.settings.max_batch_age_s, _RECOVERY_MIN_INTERVAL_S)
        if time.monotonic() - self._last_recovery >= interval_s:
            self.recover(retry_parked=False)

    def drain(self) -> None:
        """End of input: extract whatever is buffered, including recovered stragglers."""
        for _ in range(3):
            self.extract_ready(force=True)
            self.wait_extractions()
            if not self.recover(retry_parked=False):
                break
        self.extract_ready(force=True)
        self.wait_extractions()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
        self.consumer.close()
