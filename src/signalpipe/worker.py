"""The consumer side: records -> message store -> batcher -> commit; batches -> extraction.

Order matters (STYLE rule 6): a record's offset is committed only after its message is in the
message store and the batcher. Extraction runs on a thread pool, off the poll loop, so a slow LLM
never holds up polling (and never trips Kafka's max.poll.interval.ms).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from pydantic import ValidationError

from signalpipe.backends import Backends
from signalpipe.bus.base import Consumer, Record
from signalpipe.errors import ExtractionError, SignalpipeError
from signalpipe.extract.base import Extraction, Extractor
from signalpipe.extract.dedup import EventIndex
from signalpipe.models import Batch, DeadLetter, Message
from signalpipe.settings import Settings
from signalpipe.stats import RunStats

logger = logging.getLogger(__name__)

_RECOVERY_MIN_INTERVAL_S = 10.0


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
                 stats: RunStats, *, consumer: Consumer | None = None,
                 on_batch: Callable[[Batch], None] | None = None) -> None:
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
        inline = getattr(extractor, "inline", False)
        self._pool = None if inline else ThreadPoolExecutor(
            max_workers=settings.llm.max_concurrency, thread_name_prefix="extract")
        self._futures: set[Future[None]] = set()
        self._on_batch = on_batch
        self._last_recovery = time.monotonic()

    # -- consuming --------------------------------------------------------------------------
    def poll_once(self, *, max_records: int = 5000, timeout_s: float = 0.5) -> int:
        """Poll, store, buffer, commit, then hand any ready batches to extraction."""
        records = self.consumer.poll(max_records=max_records, timeout_s=timeout_s)
        if records:
            self.handle(records)
            self.consumer.commit()
        self.dispatch(self.b.batcher.take_ready())
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
        self.b.batcher.add(result.to_batch)
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
    def dispatch(self, batches: Sequence[Batch]) -> None:
        """Extract batches: inline as one group, or one pool task per batch."""
        if not batches:
            return
        self.stats.add(batches=len(batches))
        if self._pool is None:
            self._extract_group(batches)
            return
        for batch in batches:
            future = self._pool.submit(self._extract_group, [batch])
            self._futures.add(future)
            future.add_done_callback(self._futures.discard)

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
        for batch, result in done:
            self.b.batcher.ack(batch)
            for _event_id, reason in result.rejected:
                self.stats.rejected(reason)
            self.stats.add(input_tokens=result.usage.input_tokens,
                           output_tokens=result.usage.output_tokens)
        self.stats.add(events_inserted=inserted, events_merged=merged)
        if self._on_batch is not None:
            for batch, _ in done:
                self._on_batch(batch)

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
            logger.exception("extractor crashed on batch %s", batch.id)
            self._park(batch, f"extractor crashed: {type(exc).__name__}: {exc}")
        return None

    def _park(self, batch: Batch, reason: str) -> None:
        logger.warning("parking batch %s (%d messages): %s", batch.id, len(batch.messages),
                       reason)
        self.b.events.park_batch(batch.id, batch.message_ids, reason)
        self.b.batcher.release(batch)
        self.stats.add(batches_parked=1)

    def in_flight(self) -> int:
        return len(self._futures)

    def wait_extractions(self) -> None:
        while self._futures:
            for future in list(self._futures):
                future.result()

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
            self.dispatch(self.b.batcher.take_ready(force=True))
            self.wait_extractions()
            if not self.recover(retry_parked=False):
                break
        self.dispatch(self.b.batcher.take_ready(force=True))
        self.wait_extractions()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)
        self.consumer.close()
