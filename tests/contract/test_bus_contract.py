"""The Bus contract: keyed records, consumer groups, explicit commits, lag, topic admin."""

from __future__ import annotations

import os
import time
from typing import Any

import pytest

from signalpipe.bus.base import Record
from signalpipe.models import DeadLetter
from signalpipe.worker import dead_letter_bytes

every_backend = pytest.mark.parametrize(
    "bus_case", ["memory", pytest.param("kafka", marks=pytest.mark.integration)], indirect=True)

BusCase = Any  # tests/contract/conftest.py:BusCase


def _produce(case: BusCase, topic: str, n: int, *, key: str | None = "k", start: int = 0) -> None:
    for i in range(start, start + n):
        case.bus.produce(topic, key, f"v{i}".encode())
    case.bus.flush()


def _values(records: list[Record]) -> list[bytes]:
    return [r.value for r in records]


@every_backend
def test_key_value_and_headers_round_trip(bus_case: BusCase, poll: Any) -> None:
    topic = bus_case.topic()
    bus_case.bus.produce(topic, "acme:general", b"\x00binary\xff", {"reason": "ok", "n": "1"})
    bus_case.bus.produce(topic, None, b"no key")
    bus_case.bus.flush()
    got = poll(bus_case.consumer([topic], bus_case.group()), 2)
    by_value = {r.value: r for r in got}
    assert set(by_value) == {b"\x00binary\xff", b"no key"}
    first = by_value[b"\x00binary\xff"]
    assert first.key == "acme:general"
    assert dict(first.headers) == {"reason": "ok", "n": "1"}
    assert first.topic == topic and first.offset == 0
    assert first.origin == f"{topic}[{first.partition}]@0"
    assert by_value[b"no key"].key is None
    assert dict(by_value[b"no key"].headers) == {}


@every_backend
def test_one_key_keeps_its_order_in_one_partition(bus_case: BusCase, poll: Any) -> None:
    topic = bus_case.topic()
    _produce(bus_case, topic, 50, key="thread-7")
    got = poll(bus_case.consumer([topic], bus_case.group()), 50)
    assert _values(got) == [f"v{i}".encode() for i in range(50)]
    assert len({r.partition for r in got}) == 1
    assert [r.offset for r in got] == list(range(50))


@every_backend
def test_produce_many_is_produce_in_order(bus_case: BusCase, poll: Any) -> None:
    topic, other = bus_case.topic(), bus_case.topic()
    bus_case.bus.ensure_topics([topic, other])
    bus_case.bus.produce(topic, "thread-1", b"v0")  # a single produce before, offsets follow
    bus_case.bus.produce_many([(topic if i % 3 else other, "thread-1", f"v{i}".encode(), None)
                               for i in range(1, 40)])
    bus_case.bus.flush()
    got = poll(bus_case.consumer([topic], bus_case.group()), 27)
    assert _values(got) == [f"v{i}".encode() for i in range(40) if i % 3 or i == 0]
    assert [r.offset for r in got] == list(range(27))
    assert all(r.key == "thread-1" and dict(r.headers) == {} for r in got)
    assert len(poll(bus_case.consumer([other], bus_case.group()), 13)) == 13


@every_backend
def test_poll_returns_at_most_max_records(bus_case: BusCase, poll: Any) -> None:
    topic = bus_case.topic()
    _produce(bus_case, topic, 30)
    consumer = bus_case.consumer([topic], bus_case.group())
    got = poll(consumer, 1)
    got += consumer.poll(max_records=7, timeout_s=1.0)
    assert 1 <= len(got) <= 8


@every_backend
def test_uncommitted_records_are_redelivered_to_the_next_member(bus_case: BusCase,
                                                                 poll: Any) -> None:
    topic, group = bus_case.topic(), bus_case.group()
    _produce(bus_case, topic, 10)
    first = bus_case.consumer([topic], group)
    assert len(poll(first, 10)) == 10
    bus_case.close_consumer(first)  # crashed before commit
    again = poll(bus_case.consumer([topic], group), 10)
    assert _values(again) == [f"v{i}".encode() for i in range(10)]


@every_backend
def test_committed_records_are_not_redelivered(bus_case: BusCase, poll: Any) -> None:
    topic, group = bus_case.topic(), bus_case.group()
    _produce(bus_case, topic, 10)
    first = bus_case.consumer([topic], group)
    assert len(poll(first, 10)) == 10
    first.commit()
    bus_case.close_consumer(first)
    _produce(bus_case, topic, 5, start=10)
    second = bus_case.consumer([topic], group)
    got = poll(second, 5)
    assert _values(got) == [f"v{i}".encode() for i in range(10, 15)]
    assert second.poll(max_records=100, timeout_s=1.0) == []


@every_backend
def test_commit_covers_only_records_returned_so_far(bus_case: BusCase, poll: Any) -> None:
    topic, group = bus_case.topic(), bus_case.group()
    _produce(bus_case, topic, 10)
    first = bus_case.consumer([topic], group)
    taken = []
    for _ in range(4):  # one at a time, so exactly four are handed out
        taken += poll(first, 1, max_records=1)
    assert _values(taken) == [f"v{i}".encode() for i in range(4)]
    first.commit()
    bus_case.close_consumer(first)
    rest = poll(bus_case.consumer([topic], group), 6)
    assert _values(rest) == [f"v{i}".encode() for i in range(4, 10)]


@every_backend
def test_every_group_sees_every_record(bus_case: BusCase, poll: Any) -> None:
    topic = bus_case.topic()
    _produce(bus_case, topic, 20, key=None)
    for _ in range(2):
        consumer = bus_case.consumer([topic], bus_case.group())
        assert sorted(_values(poll(consumer, 20))) == sorted(
            f"v{i}".encode() for i in range(20))


@every_backend
def test_lag_counts_records_not_yet_handed_out(bus_case: BusCase, poll: Any) -> None:
    topics = [bus_case.topic(), bus_case.topic()]
    for t in topics:
        for i in range(6):
            bus_case.bus.produce(t, f"key-{i}", b"x")
    bus_case.bus.flush()
    consumer = bus_case.consumer(topics, bus_case.group())
    assert consumer.lag() == 12  # nothing handed out yet, whether or not partitions are assigned
    assert len(poll(consumer, 12)) == 12
    assert consumer.lag() == 0
    _produce(bus_case, topics[0], 3)
    assert consumer.lag() == 3
    consumer.commit()
    assert consumer.lag() == 3


@every_backend
def test_dead_letter_record_keeps_its_reason_in_headers(bus_case: BusCase, poll: Any) -> None:
    topic = bus_case.topic()
    letter = DeadLetter(origin="data.csv:12", reason="not a valid message: text: missing",
                        stage="decode", raw="x" * 5000, message_id="m-1")
    value, headers = dead_letter_bytes(letter, limit=1_000_000)
    bus_case.bus.produce(topic, letter.message_id, value, headers)
    bus_case.bus.flush()
    (record,) = poll(bus_case.consumer([topic], bus_case.group()), 1)
    assert DeadLetter.model_validate_json(record.value) == letter
    assert record.headers["reason"] == letter.reason
    assert record.headers["stage"] == "decode"


@every_backend
def test_ensure_topics_is_idempotent(bus_case: BusCase, poll: Any) -> None:
    topic = bus_case.topic()
    _produce(bus_case, topic, 3)
    bus_case.bus.ensure_topics([topic])
    assert len(poll(bus_case.consumer([topic], bus_case.group()), 3)) == 3


@every_backend
def test_deleted_topics_lose_their_records(bus_case: BusCase, poll: Any) -> None:
    topic = bus_case.topic()
    _produce(bus_case, topic, 5)
    bus_case.bus.delete_topics([topic])
    bus_case.bus.delete_topics([topic])  # deleting what is gone is not an error
    deadline = time.monotonic() + 30
    while True:  # Kafka finishes a deletion in the background; re-creating may fail meanwhile
        try:
            bus_case.bus.ensure_topics([topic])
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    consumer = bus_case.consumer([topic], bus_case.group())
    assert poll(consumer, 1, timeout_s=3) == []


@pytest.mark.parametrize("bus_case", [pytest.param("kafka", marks=pytest.mark.integration)],
                         indirect=True)
def test_a_rejected_record_surfaces_on_flush(bus_case: BusCase) -> None:
    """Kafka only (the memory bus has no size limit): a record the broker refuses must fail
    `flush`, so the producer never reports durable what was lost."""
    from signalpipe.bus.kafka import KafkaBus
    from signalpipe.errors import BusError

    small = KafkaBus(bus_case.bus.bootstrap_servers, max_message_bytes=1024)
    try:
        topic = f"t-small-{time.monotonic_ns()}"
        bus_case.topics.append(topic)
        small.ensure_topics([topic])  # the topic accepts about 1 KiB + framing
    finally:
        small.close()
    bus_case.bus.produce(topic, "k", os.urandom(300_000))  # random: compression cannot shrink it
    with pytest.raises(BusError, match="not delivered"):
        bus_case.bus.flush()
    bus_case.bus.produce(topic, "k", b"fits")
    bus_case.bus.flush()  # the error was reported once, and the producer still works
