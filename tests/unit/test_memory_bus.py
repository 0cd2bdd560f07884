"""The in-process bus keeps Kafka's commit semantics and stays small."""

from __future__ import annotations

from signalpipe.bus.memory import MemoryBus


def test_uncommitted_records_are_redelivered_committed_ones_are_dropped() -> None:
    bus = MemoryBus(partitions=2)
    for i in range(10):
        bus.produce("t", f"k{i}", f"v{i}".encode(), {"h": str(i)})
    first = bus.consumer(["t"], group_id="g")
    got = first.poll(max_records=4, timeout_s=0)
    assert len(got) == 4 and first.lag() == 6
    first.commit()
    again = bus.consumer(["t"], group_id="g")
    rest = again.poll(max_records=100, timeout_s=0)
    assert {r.value for r in got}.isdisjoint({r.value for r in rest}) and len(rest) == 6
    replay = bus.consumer(["t"], group_id="g")
    assert len(replay.poll(max_records=100, timeout_s=0)) == 6, "not committed: redelivered"
    again.commit()
    assert bus.topic_records("t") == [], "committed by every group: memory released"
    assert rest[0].headers["h"] == rest[0].value.decode()[1:]


def test_same_key_keeps_order_in_one_partition() -> None:
    bus = MemoryBus(partitions=4)
    for i in range(20):
        bus.produce("t", "same", str(i).encode())
    records = bus.consumer(["t"], group_id="g").poll(max_records=100, timeout_s=0)
    assert [int(r.value) for r in records] == list(range(20))
    assert len({r.partition for r in records}) == 1


def test_the_decoded_object_rides_along_in_process() -> None:
    bus = MemoryBus()
    thing = ("a", 1)
    bus.produce("t", "k", b"bytes", decoded=thing)
    bus.produce("t", "k", b"plain")
    first, second = bus.consumer(["t"], group_id="g").poll(max_records=10, timeout_s=0)
    assert (first.value, first.decoded) == (b"bytes", thing)
    assert (second.value, second.decoded) == (b"plain", None)
