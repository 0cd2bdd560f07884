"""The consumer loop: records -> message store -> batcher -> commit; ready batches -> runner.

Order matters (STYLE rule 6): a record's offset is committed only after its message is in the
message store and the batcher. Extraction is the `runner.ExtractionRunner`'s: on a thread pool,
off the poll loop, so a slow LLM never holds up polling (and never trips Kafka's
max.poll.interval.ms).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

from pydantic import ValidationError

from signalpipe.backends import Backends
from signalpipe.bus.base import Consumer, Record
from signalpipe.extract.base import Extractor
from signalpipe.models import DeadLetter, Message
from signalpipe.revisions import Revisions, is_deletion, sort_revisions
from signalpipe.runner import ExtractionRunner
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
                 stats: RunStats, *, consumer: Consumer | None = None) -> None:
        self.settings = settings
        self.b = backends
        self.stats = stats
        topics = [settings.bus.topics.slack, settings.bus.topics.gmail]
        self.consumer = consumer or backends.bus.consumer(topics, group_id=settings.bus.group_id)
        self.runner = ExtractionRunner(settings, backends, extractor, stats)
        self._last_recovery = time.monotonic()

    # -- consuming --------------------------------------------------------------------------
    def poll_once(self, *, max_records: int = 5000, timeout_s: float = 0.5) -> int:
        """Poll, store, buffer, commit, then hand any ready batches to extraction."""
        self.runner.raise_failure()
        records = self.consumer.poll(max_records=max_records, timeout_s=timeout_s)
        if records:
            self.handle(records)
            self.consumer.commit()
        self.runner.extract_ready()
        return len(records)

    def handle(self, records: Sequence[Record]) -> None:
        messages: list[Message] = []
        docs: list[bytes] = []
        dead: list[DeadLetter] = []
        own = 0  # records whose message an in-process bus kept
        for record in records:
            if isinstance(record.decoded, Message):
                messages.append(record.decoded)
                docs.append(record.value)
                own += 1
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
        # An in-process bus's value is `model_dump_json()` of the very message it kept, so the
        # store packs the object itself, which is the same document without parsing it back.
        # A value that came over a wire is stored as it came.
        result = self.b.messages.put_many(messages, None if own == len(records) else docs)
        revised = self.revise(result.conflicts) if result.conflicts else Revisions()
        for msg in revised.conflicts:
            dead.append(DeadLetter(origin=msg.origin or "bus", stage="store",
                                   message_id=msg.source_id,
                                   reason="duplicate id with different content",
                                   raw=msg.model_dump_json()))
        if dead:
            self.record_dead(dead)
        again = [m for m in revised.newer if not is_deletion(m)]
        if not again and len(result.to_batch) == len(messages):
            self.b.batcher.add(result.to_batch, docs)
        else:
            doc_of = dict(zip((m.id for m in messages), docs, strict=True))
            doc_of.update((m.id, m.model_dump_json().encode()) for m in again)
            batch = [*result.to_batch, *again]
            self.b.batcher.add(batch, [doc_of[m.id] for m in batch])
        self.stats.add(consumed=len(records), stored_new=len(result.to_batch),
                       replayed=result.already_done + len(revised.stale))

    def revise(self, conflicts: Sequence[Message]) -> Revisions:
        """Later versions (an edit, a deletion) replace the stored message: its events lose it
        first, then the new version is stored pending, to be extracted again (a deletion's
        tombstone is not). Each step is idempotent, so a crash between them replays cleanly."""
        found = sort_revisions(conflicts, self.b.messages.get_many([m.id for m in conflicts]))
        if found.newer:
            revised, deleted = self.b.events.retract_messages([m.id for m in found.newer])
            edits = [m for m in found.newer if not is_deletion(m)]
            gone = [m for m in found.newer if is_deletion(m)]
            self.b.messages.put_versions(edits, pending=True)
            self.b.messages.put_versions(gone, pending=False)
            logger.info("%d edited and %d deleted messages: %d events revised, %d retracted",
                        len(edits), len(gone), revised, deleted)
        return found

    def record_dead(self, letters: Sequence[DeadLetter]) -> None:
        """Keep dead letters whole in the store and announce them on the dead-letter topic."""
        self.b.messages.put_dead_letters(letters)
        limit = self.settings.kafka.max_message_bytes
        for letter in letters:
            value, headers = dead_letter_bytes(letter, limit=limit)
            self.b.bus.produce(self.settings.bus.topics.dead_letter, letter.message_id, value,
                               headers)
            self.stats.dead(letter.reason)

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
        interval_s = max(self.settings.batching.max_age_s, _RECOVERY_MIN_INTERVAL_S)
        if time.monotonic() - self._last_recovery >= interval_s:
            self.recover(retry_parked=False)

    def drain(self) -> None:
        """End of input: extract whatever is buffered, including recovered stragglers."""
        for _ in range(3):
            self.runner.extract_ready(force=True)
            self.runner.wait_extractions()
            if not self.recover(retry_parked=False):
                break
        self.runner.extract_ready(force=True)
        self.runner.wait_extractions()

    def wait_extractions(self) -> None:
        """Wait for every extraction in flight (raising what failed in one)."""
        self.runner.wait_extractions()

    def close(self) -> None:
        self.runner.close()
        self.consumer.close()
