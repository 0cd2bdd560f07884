"""Node loss on a three-node cluster: nothing lost, nothing doubled, no worker dies of it.

Two `signalpipe worker` processes consume N generated messages (SIGNALPIPE_FAULT_CLUSTER_N, default
50,000) from topics with three replicas and min.insync.replicas 2, into a keyspace with three
replicas (NetworkTopologyStrategy, LOCAL_QUORUM). Mid-run one node is broken; then the end
state is compared with the clean embedded run: every id once and extracted, checked at ALL
after `nodetool repair`, the same events, and no worker death from the loss of one node (a
worker the test kills itself is the exception). The drain time is from the end of the fault
(the node answering again) to the last message extracted.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from signalpipe.services import cluster
from signalpipe.services.base import Service
from tests.cluster.conftest import CLUSTER, CONFIG, ROOT
from tests.faults.harness import (
    FaultStack,
    Monitor,
    Proc,
    Reference,
    Result,
    await_done,
    casualties,
    record,
    stop_workers,
    verify,
)

pytestmark = [pytest.mark.cluster, pytest.mark.integration, pytest.mark.slow,
              pytest.mark.timeout(CONFIG.test_timeout_s)]

CASSANDRA_DOWN_S = 30.0
KAFKA_DOWN_S = 10.0
RECOVERY_S = 300.0


def run_timeout_s(n: int) -> float:
    """A three-replica run on 2 cores is slower than the single node's (~1,000 msg/s)."""
    return 300 + n * 0.01


def node(key: str) -> Service:
    return cluster.nodes(root=ROOT, config=CLUSTER)[key]


def start_two_workers(stack: FaultStack, monitor: Monitor,
                      reference: Reference) -> tuple[list[Proc], Proc]:
    """Two workers in the group, then the producer; returns once a third is committed."""
    n = len(reference.ids)
    workers = [stack.worker(f"w{i}", idle_exit_s=CONFIG.idle_exit_s) for i in (1, 2)]
    monitor.wait_members(2, timeout_s=120, procs=workers)
    producer = stack.producer(reference.csv, rate=max(1000.0, n / 40))
    monitor.wait_committed(n // 3, timeout_s=run_timeout_s(n), procs=[*workers, producer])
    return workers, producer


def leader_of_most(monitor: Monitor, stack: FaultStack) -> int:
    """The node id leading most partitions of the stack's input topics."""
    t = stack.settings.bus.topics
    meta = monitor._admin.list_topics(timeout=10).topics
    leaders = Counter(p.leader for name in (t.slack, t.gmail)
                      for p in meta[name].partitions.values())
    return leaders.most_common(1)[0][0]


def finish(fault: str, *, stack: FaultStack, monitor: Monitor, reference: Reference,
           workers: list[Proc], producer: Proc, fault_end: float, started: float,
           results: Path, killed: tuple[str, ...] = (), notes: list[str] | None = None) -> None:
    """Wait for the backlog, stop the workers, repair, compare at ALL, record, assert."""
    n = len(reference.ids)
    notes = list(notes or [])
    producer_rc = producer.wait(run_timeout_s(n))
    if producer_rc != 0:
        rerun = stack.producer(reference.csv, name="producer-rerun")
        assert rerun.wait(run_timeout_s(n)) == 0, rerun.tail()
        notes.append(f"producer exited {producer_rc}; re-run")
    done = await_done(monitor, stack, [w for w in workers if w.alive], expected=n,
                      timeout_s=run_timeout_s(n), stall_s=CONFIG.stall_s,
                      idle_exit_s=CONFIG.idle_exit_s)
    if done.needed_drain:
        notes.append("pending messages were picked up only when the workers drained (SIGTERM)")
    died = [c for c in casualties(stack.processes) if c.split()[0] not in killed]
    codes = stop_workers([w for w in workers if w.alive])
    repair_started = time.monotonic()
    cluster.nodetool(1, "repair", "--full", stack.settings.cassandra.keyspace, root=ROOT,
                     config=CLUSTER)
    notes.append(f"repair {time.monotonic() - repair_started:.0f}s")
    # Every replica must answer every read: a row missing from one would show as lost.
    at_all = stack.settings.model_copy(update={"cassandra": stack.settings.cassandra.model_copy(
        update={"read_consistency": "ALL", "write_consistency": "ALL"})})
    outcome = verify(FaultStack(settings=at_all, env=stack.env, schema=stack.schema,
                                admin_dsn=stack.admin_dsn, workdir=stack.workdir), reference)
    problems = outcome.problems(reference)
    drain = None if done.done_at is None else round(max(0.0, done.done_at - fault_end), 1)
    if done.done_at is None:
        problems.insert(0, f"the backlog never drained; last look: {done.last}")
    if died:
        problems.append(f"died of a single node loss: {', '.join(died)}")
    if any(codes):
        problems.append(f"workers stopped with exit codes {codes}")
    result = Result(fault=f"cluster: {fault}", n=n, lost=outcome.lost,
                    duplicates=outcome.duplicates, unextracted=outcome.unextracted,
                    events_differing=outcome.events_differing, drain_s=drain,
                    survived=f"died: {', '.join(died)}" if died else "no worker died",
                    notes="; ".join(notes), test_s=round(time.monotonic() - started, 1),
                    ok=not problems)
    record(results, result)
    assert not problems, "\n".join(problems) + "\n" + "\n".join(
        p.tail() for p in stack.processes)


def test_broker_leading_most_partitions_killed(cstack: FaultStack, cmonitor: Monitor,
                                               cluster_reference: Reference,
                                               cluster_results: Path) -> None:
    started = time.monotonic()
    workers, producer = start_two_workers(cstack, cmonitor, cluster_reference)
    leader = leader_of_most(cmonitor, cstack)
    broker = node(f"kafka-{leader}")
    assert broker.kill()
    time.sleep(KAFKA_DOWN_S)
    broker.start(timeout_s=RECOVERY_S)
    fault_end = time.monotonic()
    finish(f"kill -9 kafka-{leader} (leads most partitions)", stack=cstack, monitor=cmonitor,
           reference=cluster_reference, workers=workers, producer=producer,
           fault_end=fault_end, started=started, results=cluster_results,
           notes=[f"down {KAFKA_DOWN_S:.0f}s, back {fault_end - started:.0f}s into the test"])


def test_cassandra_node_killed_for_30s(cstack: FaultStack, cmonitor: Monitor,
                                      cluster_reference: Reference,
                                      cluster_results: Path) -> None:
    started = time.monotonic()
    workers, producer = start_two_workers(cstack, cmonitor, cluster_reference)
    victim = node("cassandra-2")
    assert victim.kill()
    time.sleep(CASSANDRA_DOWN_S)
    victim.start(timeout_s=RECOVERY_S)
    fault_end = time.monotonic()
    finish("kill -9 cassandra-2 for 30 s", stack=cstack, monitor=cmonitor,
           reference=cluster_reference, workers=workers, producer=producer,
           fault_end=fault_end, started=started, results=cluster_results)


def test_broker_stopped_gracefully_mid_run(cstack: FaultStack, cmonitor: Monitor,
                                           cluster_reference: Reference,
                                           cluster_results: Path) -> None:
    started = time.monotonic()
    workers, producer = start_two_workers(cstack, cmonitor, cluster_reference)
    broker = node("kafka-2")
    assert broker.stop()  # SIGTERM: controlled shutdown moves its leaders away first
    time.sleep(KAFKA_DOWN_S)
    broker.start(timeout_s=RECOVERY_S)
    fault_end = time.monotonic()
    finish("graceful stop of kafka-2", stack=cstack, monitor=cmonitor,
           reference=cluster_reference, workers=workers, producer=producer,
           fault_end=fault_end, started=started, results=cluster_results)


def test_cassandra_node_and_worker_killed_together(cstack: FaultStack, cmonitor: Monitor,
                                                  cluster_reference: Reference,
                                                  cluster_results: Path) -> None:
    started = time.monotonic()
    workers, producer = start_two_workers(cstack, cmonitor, cluster_reference)
    victim = node("cassandra-3")
    assert victim.kill()
    workers[0].kill9()
    time.sleep(CASSANDRA_DOWN_S)
    victim.start(timeout_s=RECOVERY_S)
    fault_end = time.monotonic()
    finish("kill -9 cassandra-3 + worker w1", stack=cstack, monitor=cmonitor,
           reference=cluster_reference, workers=workers[1:], producer=producer,
           fault_end=fault_end, started=started, results=cluster_results, killed=("w1",))
