"""The Batcher contract: count and age triggers, force, duplicate guard, leases, ack/release."""

from __future__ import annotations

import random
import threading
import time
from typing import Any

import pytest

from signalpipe.batching.keys import make_batch
from signalpipe.models import Batch, Source

every_backend = pytest.mark.parametrize(
    "batcher_case", ["memory", pytest.param("redis", marks=pytest.mark.integration)],
    indirect=True)

MakeMessage = Any  # tests/conftest.py:make_message
BatcherCase = Any  # tests/contract/conftest.py:BatcherCase


def _ids(batches: list[Batch]) -> list[list[str]]:
    return [b.message_ids for b in batches]


@every_backend
def test_count_trigger_takes_the_whole_buffer_in_batches_of_batch_size(
        batcher_case: BatcherCase, make_message: MakeMessage) -> None:
    batcher = batcher_case.make(trigger_count=5, batch_size=2)
    messages = [make_message() for _ in range(5)]
    assert batcher.add(messages[:4]) == 4
    assert batcher.take_ready() == []
    assert batcher.pending_count() == 4
    assert batcher.add(messages[4:]) == 1
    batches = batcher.take_ready()
    assert _ids(batches) == [[m.id for m in messages[i:i + 2]] for i in (0, 2, 4)]
    # the same messages make the same batch ids in every backend
    assert [b.id for b in batches] == [make_batch(messages[i:i + 2]).id for i in (0, 2, 4)]
    assert [b.messages for b in batches] == [tuple(messages[i:i + 2]) for i in (0, 2, 4)]
    assert batcher.pending_count() == 0
    assert batcher.take_ready() == []


@every_backend
def test_age_trigger_takes_an_old_buffer(batcher_case: BatcherCase,
                                         make_message: MakeMessage) -> None:
    batcher = batcher_case.make(trigger_count=100, batch_size=10, max_age_s=30.0)
    batcher.add([make_message() for _ in range(3)])
    assert batcher.take_ready(now_s=time.monotonic() + 20) == []
    (batch,) = batcher.take_ready(now_s=time.monotonic() + 31)
    assert len(batch.messages) == 3
    assert batch.lease_token or batcher_case.name == "memory"


@every_backend
def test_age_counts_from_the_first_message_of_the_buffer(batcher_case: BatcherCase,
                                                         make_message: MakeMessage) -> None:
    batcher = batcher_case.make(trigger_count=100, max_age_s=0.5)
    batcher.add([make_message()])
    time.sleep(0.3)
    batcher.add([make_message()])
    time.sleep(0.3)  # the first is 0.6 s old, the second 0.3 s
    (batch,) = batcher.take_ready()
    assert len(batch.messages) == 2


@every_backend
def test_force_takes_whatever_is_buffered(batcher_case: BatcherCase,
                                          make_message: MakeMessage) -> None:
    batcher = batcher_case.make(trigger_count=100, batch_size=100)
    batcher.add([make_message()])
    assert batcher.take_ready() == []
    assert len(batcher.take_ready(force=True)) == 1
    assert batcher.take_ready(force=True) == []


@every_backend
def test_buffers_are_per_company_and_source(batcher_case: BatcherCase,
                                            make_message: MakeMessage) -> None:
    batcher = batcher_case.make(trigger_count=3, batch_size=10)
    slack = [make_message() for _ in range(3)]
    gmail = [make_message(source=Source.GMAIL) for _ in range(2)]
    other = [make_message(company_id="globex") for _ in range(2)]
    batcher.add([*slack, *gmail, *other])
    batches = batcher.take_ready()
    assert _ids(batches) == [[m.id for m in slack]]
    rest = batcher.take_ready(force=True)
    assert sorted(map(sorted, _ids(rest))) == sorted([sorted(m.id for m in gmail),
                                                      sorted(m.id for m in other)])
    for b in rest:
        assert len({(m.company_id, m.source) for m in b.messages}) == 1
        assert (b.company_id, b.source) == (b.messages[0].company_id, b.messages[0].source)


@every_backend
def test_duplicate_ids_are_ignored_while_buffered_or_in_flight(
        batcher_case: BatcherCase, make_message: MakeMessage) -> None:
    batcher = batcher_case.make(trigger_count=100)
    a, b = make_message(), make_message()
    assert batcher.add([a, a, b]) == 2
    assert batcher.add([a]) == 0  # buffered
    (batch,) = batcher.take_ready(force=True)
    assert batch.message_ids == [a.id, b.id]
    assert batcher.add([a, b]) == 0  # in flight
    assert batcher.take_ready(force=True) == []
    batcher.ack(batch)
    # after ack the message store's extracted flag stops replays; the batcher may forget
    assert batcher.add([a]) == 1


@every_backend
def test_release_drops_the_lease_so_the_messages_can_come_back(
        batcher_case: BatcherCase, make_message: MakeMessage) -> None:
    batcher = batcher_case.make(trigger_count=100)
    messages = [make_message() for _ in range(4)]
    batcher.add(messages)
    (batch,) = batcher.take_ready(force=True)
    batcher.release(batch)
    assert batcher.pending_count() == 0  # released messages wait in the message store
    assert batcher.add(messages) == 4  # ... and recovery re-adds them
    (again,) = batcher.take_ready(force=True)
    assert again.id == batch.id


@every_backend
def test_one_ack_forgets_several_batches_and_only_those(
        batcher_case: BatcherCase, make_message: MakeMessage) -> None:
    batcher = batcher_case.make(trigger_count=100, batch_size=2)
    messages = [make_message() for _ in range(6)]
    batcher.add(messages)
    first, second, _third = batcher.take_ready(force=True)
    batcher.ack(first, second)
    # acked ids are forgotten; the third lease still holds its ids
    assert batcher.add(messages) == 4
    batcher.ack()  # nothing to do


@every_backend
def test_ack_twice_and_unknown_batches_are_harmless(batcher_case: BatcherCase,
                                                   make_message: MakeMessage) -> None:
    batcher = batcher_case.make(trigger_count=100)
    batcher.add([make_message()])
    (batch,) = batcher.take_ready(force=True)
    batcher.ack(batch)
    batcher.ack(batch)
    batcher.release(make_batch([make_message()]))
    assert batcher.pending_count() == 0


@every_backend
def test_clear_forgets_everything(batcher_case: BatcherCase, make_message: MakeMessage) -> None:
    batcher = batcher_case.make(trigger_count=100)
    taken = make_message()
    batcher.add([taken])
    batcher.take_ready(force=True)
    batcher.add([make_message() for _ in range(3)])
    batcher.clear()
    assert batcher.pending_count() == 0
    assert batcher.take_ready(force=True) == []
    assert batcher.add([taken]) == 1


@every_backend
def test_two_takers_never_get_the_same_message(batcher_case: BatcherCase,
                                               make_message: MakeMessage) -> None:
    first = batcher_case.make(trigger_count=20, batch_size=7)
    takers = [first, batcher_case.twin(first)]
    messages = [make_message(source=random.choice(list(Source))) for _ in range(1500)]
    taken: list[list[str]] = [[], []]
    done = threading.Event()
    errors: list[BaseException] = []

    def take(n: int) -> None:
        try:
            while True:
                finished = done.is_set()
                for batch in takers[n].take_ready(force=finished or random.random() < 0.2):
                    taken[n].extend(batch.message_ids)
                    takers[n].ack(batch)
                if finished:
                    return
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=take, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for start in range(0, len(messages), 50):
        chunk = messages[start:start + 50]
        takers[start // 50 % 2].add(chunk + chunk[:5])  # with replays
    done.set()
    for t in threads:
        t.join()
    assert errors == []
    for b in takers[0].take_ready(force=True):
        taken[0].extend(b.message_ids)
    everything = taken[0] + taken[1]
    assert sorted(everything) == sorted(m.id for m in messages)  # each exactly once


@pytest.mark.parametrize("batcher_case", [pytest.param("redis", marks=pytest.mark.integration)],
                         indirect=True)
def test_an_expired_lease_puts_its_messages_back(batcher_case: BatcherCase,
                                                 make_message: MakeMessage) -> None:
    """Redis only: a worker that dies holding a lease must not strand its messages (the memory
    batcher lives and dies with its worker, so it has no lease to expire)."""
    dead_worker = batcher_case.make(trigger_count=100, lease_s=1.0)
    other = batcher_case.twin(dead_worker)
    messages = [make_message() for _ in range(3)]
    dead_worker.add(messages)
    (batch,) = dead_worker.take_ready(force=True)
    assert other.take_ready(force=True) == []
    assert other.add(messages[:1]) == 0  # still leased
    time.sleep(1.2)
    (again,) = other.take_ready()
    assert again.message_ids == batch.message_ids and again.id == batch.id
    assert again.lease_token != batch.lease_token
    dead_worker.ack(batch)  # the late ack must not cancel the new lease
    assert other.add(messages[:1]) == 0
    other.ack(again)
    assert other.add(messages[:1]) == 1
