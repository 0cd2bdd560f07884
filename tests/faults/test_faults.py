"""Nothing lost, nothing doubled: real servers broken mid-run, then the end state compared with
a clean run.

Each test produces N generated messages (SIGNALPIPE_FAULT_N, default 20,000) to Kafka, runs
`signalpipe worker --stack services` processes over them, breaks one thing mid-run, and then
requires exactly what the clean embedded run over the same file leaves: every id once in
Cassandra and none pending, the same events once each in PostgreSQL (key and sorted source ids),
no Redis keys left, the same event count in the report. The drain time (seconds from the end of
the fault to the last message extracted) and the counts go to a results file; bench/faults.py
runs this suite and prints them as a table.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from signalpipe import services
from tests.fakes.llm_server import FakeLLMServer, Reply, answer, error, hang
from tests.faults.harness import (
    FaultConfig,
    FaultStack,
    Finish,
    MakeStack,
    Monitor,
    Proc,
    Reference,
    Result,
    await_done,
    casualties,
    mentions,
    parked_count,
    read_messages,
    rebuffered,
    record,
    rules_reply,
    state_snapshot,
    stop_workers,
    terminate_pg_backends,
    verify,
)

CONFIG = FaultConfig.from_env()
pytestmark = [pytest.mark.faults, pytest.mark.integration, pytest.mark.slow,
              pytest.mark.timeout(CONFIG.test_timeout_s)]

CASSANDRA_DOWN_S = 20.0
KAFKA_DOWN_S = 5.0
KAFKA_RECOVERY_S = 300.0
"""How long a broker killed with SIGKILL may take to answer again (log recovery included)."""
POSTGRES_DOWN_S = 10.0


def run_timeout_s(n: int) -> float:
    """How long a run of n messages may take, faults included (~2,000 msg/s on 2 cores)."""
    return 240 + n * 0.004


def conclude(fault: str, *, stack: FaultStack, monitor: Monitor, reference: Reference,
             workers: list[Proc], fault_end: float, started: float, results: Path,
             survived: str = "", notes: list[str] | None = None, restart_dead: bool = False,
             finish: Finish | None = None,
             strict: list[str] | Callable[[], list[str]] | None = None,
             ours: tuple[str, ...] = ()) -> Result:
    """Wait for the backlog, stop the workers, compare with the clean run, record, assert.

    `strict` lists (or, called after the run, returns) failures beyond the end state: the
    behaviour a fault must not cause even when everything is recovered in the end.
    """
    n = len(reference.ids)
    notes = list(notes or [])
    if finish is None:
        finish = await_done(monitor, stack, workers, expected=n, timeout_s=run_timeout_s(n),
                            stall_s=CONFIG.stall_s, idle_exit_s=CONFIG.idle_exit_s,
                            restart_dead=restart_dead)
    if finish.needed_drain:
        notes.append("pending messages were picked up only when the workers drained (SIGTERM)")
    if finish.restarts:
        notes.append(f"{finish.restarts} dead worker(s) restarted")
    recoveries = rebuffered(stack.processes)
    if recoveries:
        notes.append(f"{sum(n for _at, n in recoveries)} messages re-buffered from the store "
                     f"in {len(recoveries)} recoveries")
    strict = (strict() if callable(strict) else strict) or []
    died = casualties(stack.processes)
    survived = survived or (f"died: {', '.join(died)}" if died else "no process died")
    codes = stop_workers([w for w in workers if w.alive])
    outcome = verify(stack, reference)
    elsewhere = stack.restarted_elsewhere(ours=ours)
    if elsewhere:
        notes.append(f"DISTURBED by another run meanwhile: {', '.join(elsewhere)}")
    if outcome.refingerprinted:
        notes.append(f"{outcome.refingerprinted} event(s) with the clean run's sources under "
                     "another key (on equal confidence the first stored wording stays)")
    drain = None if finish.done_at is None else max(0.0, finish.done_at - fault_end)
    problems = outcome.problems(reference)
    if finish.done_at is None:
        problems.insert(0, f"the backlog never drained; last look: {finish.last}; "
                           f"last query errors: {monitor.errors}")
    if any(codes):
        problems.append(f"workers stopped with exit codes {codes}")
    problems += strict
    result = Result(fault=fault, n=n, lost=outcome.lost, duplicates=outcome.duplicates,
                    unextracted=outcome.unextracted, events_differing=outcome.events_differing,
                    drain_s=None if drain is None else round(drain, 1), survived=survived,
                    notes="; ".join(notes + strict),
                    test_s=round(time.monotonic() - started, 1), ok=not problems)
    record(results, result)
    logs = "\n".join(p.tail() for p in stack.processes)
    assert not problems, "\n".join(problems) + "\n" + logs
    return result


def kill_mid_batch(monitor: Monitor, worker: Proc, *, within_s: float = 3.0) -> bool:
    """SIGKILL `worker`, waiting up to `within_s` for a batch lease to be live (a batch being
    extracted) so the kill lands mid-batch; True if it did."""
    live = wait_for_lease(monitor, within_s=within_s)
    worker.kill9()
    return live


def wait_for_lease(monitor: Monitor, *, within_s: float = 3.0) -> bool:
    """Wait up to `within_s` for a batch lease to be live (a batch being extracted); True if
    one was."""
    deadline = time.monotonic() + within_s
    live = False
    while time.monotonic() < deadline and not live:
        live = (monitor.redis_state()[0] or 0) > 0
        if not live:
            time.sleep(0.002)
    return live


def wait_for_buffered(client: Any, company: str, *, within_s: float = 15.0) -> int:
    """Wait until Redis holds messages of the company that are buffered, not leased, so a
    flush or a crash loses some (a leased batch is being extracted and gets marked extracted
    anyway); returns how many are buffered. The last partial batches wait there for
    max_batch_age_s, so this happens at the latest when consuming ends."""
    keys = [f"signalpipe:{{{company}}}:buf:{source}" for source in ("slack", "gmail")]
    deadline = time.monotonic() + within_s
    held = sum(int(client.llen(k)) for k in keys)
    while held == 0 and time.monotonic() < deadline:
        time.sleep(0.002)
        held = sum(int(client.llen(k)) for k in keys)
    return held


# -- 1. a worker SIGKILLed twice ------------------------------------------------------------------
def test_worker_killed_twice_mid_batch_then_restarted(
        stack: FaultStack, monitor: Monitor, reference: Reference, results_file: Path) -> None:
    started = time.monotonic()
    n = len(reference.ids)
    producer = stack.producer(reference.csv)
    workers = [stack.worker("w1", idle_exit_s=CONFIG.idle_exit_s)]
    mid_batch = []
    for k, share in enumerate((1 / 3, 2 / 3), start=2):
        monitor.wait_committed(int(n * share), timeout_s=run_timeout_s(n),
                               procs=[*workers, producer])
        mid_batch.append(kill_mid_batch(monitor, workers[-1]))
        workers.append(stack.worker(f"w{k}", idle_exit_s=CONFIG.idle_exit_s))
    fault_end = time.monotonic()
    assert producer.wait(120) == 0, producer.tail()
    assert [w.returncode for w in workers[:2]] == [-9, -9]
    conclude("worker kill -9 twice, restarted", stack=stack, monitor=monitor,
             reference=reference, workers=workers[2:], fault_end=fault_end, started=started,
             results=results_file,
             notes=[f"kills at 1/3 and 2/3 committed; mid-batch (lease live): {mid_batch}"])


# -- 2. one of two workers SIGKILLed --------------------------------------------------------------
def test_survivor_takes_over_when_one_of_two_workers_is_killed(
        stack: FaultStack, monitor: Monitor, reference: Reference, results_file: Path) -> None:
    started = time.monotonic()
    n = len(reference.ids)
    w1 = stack.worker("w1", idle_exit_s=CONFIG.idle_exit_s)
    w2 = stack.worker("w2", idle_exit_s=CONFIG.idle_exit_s)
    monitor.wait_members(2, timeout_s=90, procs=[w1, w2])
    producer = stack.producer(reference.csv)
    monitor.wait_committed(n // 3, timeout_s=run_timeout_s(n), procs=[w1, w2, producer])
    mid = kill_mid_batch(monitor, w1)
    committed_at_kill = monitor.committed() or 0
    fault_end = time.monotonic()
    assert producer.wait(120) == 0, producer.tail()
    conclude("1 of 2 workers kill -9", stack=stack, monitor=monitor, reference=reference,
             workers=[w2], fault_end=fault_end, started=started, results=results_file,
             notes=[f"killed at {committed_at_kill} committed, "
                                           f"mid-batch: {mid}"])
    consumed = w2.consumed()
    assert consumed is not None and consumed >= n - committed_at_kill, (
        f"the survivor consumed {consumed}, less than the {n - committed_at_kill} records the "
        f"dead worker left uncommitted:\n{w2.tail()}")


def paced_until_a_third(stack: FaultStack, monitor: Monitor,
                        reference: Reference) -> tuple[Proc, Proc]:
    """A producer paced so producing lasts ~20 s, and one worker; returns once a third is
    committed, with the producer still running, so a broker fault meets a live producer."""
    n = len(reference.ids)
    producer = stack.producer(reference.csv, rate=max(1000.0, n / 20))
    worker = stack.worker("w1", idle_exit_s=CONFIG.idle_exit_s)
    monitor.wait_committed(n // 3, timeout_s=run_timeout_s(n), procs=[worker, producer])
    assert producer.alive, "the producer finished before the fault: pace it slower"
    return producer, worker


# -- 3. the Kafka broker stopped and started ------------------------------------------------------
def test_kafka_broker_restarted_while_producing_and_consuming(
        stack: FaultStack, monitor: Monitor, reference: Reference, results_file: Path) -> None:
    started = time.monotonic()
    producer, worker = paced_until_a_third(stack, monitor, reference)
    try:
        services.stop("kafka")
        time.sleep(KAFKA_DOWN_S)
    finally:
        services.start("kafka")
    fault_end = time.monotonic()
    notes = [f"broker down {KAFKA_DOWN_S:.0f}s + restart, "
             f"{fault_end - started:.0f}s into the test",
             *rerun_if_failed(stack, producer, reference)]
    # A broker that is away for seconds must not kill the worker, nor hang it: it has nothing
    # to lose by waiting (nothing is committed before it is stored). Commits are asynchronous
    # (a synchronous one once blocked here with no timeout), and one that finds no
    # coordinator is carried by the next poll's commit.
    def strict() -> list[str]:
        return [f"{p.name} died on the broker restart: {_error_line(p.output())}"
                for p in stack.processes if p.name.startswith("w") and p.returncode == 1]

    conclude("Kafka broker stop/start", stack=stack, monitor=monitor, reference=reference,
             workers=[worker], fault_end=fault_end, started=started, results=results_file,
             notes=notes, restart_dead=True, ours=("kafka",), strict=strict)


def rerun_if_failed(stack: FaultStack, producer: Proc, reference: Reference) -> list[str]:
    """Wait for the producer; if it failed, run it again over the same file, as an operator or
    an orchestrator re-runs a failed ingest job (the stores dedupe by message id, so the
    repeated records change nothing). Returns the note for the results table."""
    n = len(reference.ids)
    producer_rc = producer.wait(run_timeout_s(n))
    if producer_rc == 0:
        return []
    rerun = stack.producer(reference.csv, name="producer-rerun")
    assert rerun.wait(run_timeout_s(n)) == 0, rerun.tail()
    return [f"producer exited {producer_rc} ({_error_line(producer.output())}); re-run"]


# -- 3b. the Kafka broker SIGKILLed and started ---------------------------------------------------
def test_kafka_broker_killed_while_producing_and_consuming(
        stack: FaultStack, monitor: Monitor, reference: Reference, results_file: Path) -> None:
    """kill -9 of the broker JVM: no clean shutdown, so on the next start KRaft recovers its
    metadata log and every partition's log from the last flushed state (hence the long
    start timeout). Workers may die on it; the test restarts them and says so."""
    started = time.monotonic()
    producer, worker = paced_until_a_third(stack, monitor, reference)
    killed_at = time.monotonic()
    try:
        assert services.kill("kafka"), "no Kafka broker was running to kill"
        time.sleep(KAFKA_DOWN_S)
    finally:
        restarting = time.monotonic()
        services.start("kafka", timeout_s=KAFKA_RECOVERY_S)
    fault_end = time.monotonic()
    worker_alive = worker.alive
    notes = [f"broker kill -9, down {restarting - killed_at:.0f}s, answered "
             f"{fault_end - restarting:.0f}s after the start (unclean-shutdown recovery), "
             f"{killed_at - started:.0f}s into the test",
             *rerun_if_failed(stack, producer, reference)]
    # conclude() names every process that died (the producer included); dead workers are
    # replaced, as an orchestrator's restart policy would.
    if not worker_alive:
        notes.append(f"w1 was dead when the broker answered again (rc {worker.returncode}): "
                     f"{_error_line(worker.output())}")
    conclude("Kafka broker kill -9/start", stack=stack, monitor=monitor, reference=reference,
             workers=[worker], fault_end=fault_end, started=started, results=results_file,
             notes=notes, restart_dead=True, ours=("kafka",))


def _error_line(output: str) -> str:
    """The CLI's last "error:" line, else the last line (a traceback's exception)."""
    lines = [line for line in output.splitlines() if line.startswith("error:")]
    last = [line for line in output.splitlines() if line.strip()][-1:]
    return (lines or last or ["(no output)"])[-1][:300]


@dataclass(frozen=True)
class Outage:
    end: float  # monotonic time the service was back
    seconds: float  # from the stop to the service answering again
    died_after: float | None  # seconds into the outage the worker died, or None
    survived: str  # the notes column's words for it


def outage(service: str, down_s: float, worker: Proc) -> Outage:
    """Stop `service` for `down_s`, start it again (always), and watch the worker meanwhile."""
    died_after: float | None = None
    try:
        services.stop(service)
        down_at = time.monotonic()
        while time.monotonic() - down_at < down_s:
            if died_after is None and not worker.alive:
                died_after = time.monotonic() - down_at
            time.sleep(0.2)
    finally:
        services.start(service)
    end = time.monotonic()
    seconds = end - down_at
    if died_after is None and not worker.alive:
        died_after = seconds
    survived = (f"worker survived the {seconds:.0f}s outage" if worker.alive else
                f"worker died {died_after:.0f}s into the {seconds:.0f}s outage "
                f"(rc {worker.returncode}: {_error_line(worker.output())}); restarted")
    return Outage(end, seconds, died_after, survived)


# -- 4. Cassandra down for 20 s -------------------------------------------------------------------
def test_cassandra_down_for_20s(stack: FaultStack, monitor: Monitor, reference: Reference,
                                results_file: Path) -> None:
    started = time.monotonic()
    n = len(reference.ids)
    producer = stack.producer(reference.csv)
    worker = stack.worker("w1", idle_exit_s=CONFIG.idle_exit_s)
    monitor.wait_committed(n // 3, timeout_s=run_timeout_s(n), procs=[worker, producer])
    down = outage("cassandra", CASSANDRA_DOWN_S, worker)
    fault_end, outage_s, survived = down.end, down.seconds, down.survived
    assert producer.wait(120) == 0, producer.tail()
    conclude("Cassandra down 20 s", stack=stack, monitor=monitor, reference=reference,
             workers=[worker], fault_end=fault_end, started=started, results=results_file,
             survived=survived, restart_dead=True, ours=("cassandra",),
             notes=[f"stopped {CASSANDRA_DOWN_S:.0f}s, back after {outage_s:.0f}s in all"])
    # Writes are retried for cassandra.retry_for_s (120 s), longer than this outage.
    assert down.died_after is None, survived


# -- 5. Redis flushed, Redis restarted ------------------------------------------------------------
def test_redis_flushed_mid_run(stack: FaultStack, monitor: Monitor, reference: Reference,
                               results_file: Path) -> None:
    import redis

    started = time.monotonic()
    n = len(reference.ids)
    producer = stack.producer(reference.csv)
    worker = stack.worker("w1", idle_exit_s=CONFIG.idle_exit_s)
    monitor.wait_committed(n // 3, timeout_s=run_timeout_s(n), procs=[worker, producer])
    client = redis.Redis.from_url(stack.settings.redis.url.get_secret_value())
    try:
        buffered = wait_for_buffered(client, stack.company)
        client.flushall()
        stack.own_flushes += 1
    finally:
        client.close()
    fault_end = time.monotonic()
    flushed_at = time.time()
    assert producer.wait(120) == 0, producer.tail()
    finish = await_done(monitor, stack, [worker], expected=n, timeout_s=run_timeout_s(n),
                        stall_s=CONFIG.stall_s, idle_exit_s=CONFIG.idle_exit_s)
    # README guarantee 2: Redis is a cache rebuilt from the message store. A worker that runs
    # on (no --idle-exit, as in production) must rebuild it by itself, not only when it drains
    # or restarts: Worker.maybe_recover re-reads the pending messages while idle, every
    # max(max_batch_age_s, 10 s). (Before commit 6781a94 it never did: flushed messages stayed
    # pending until the worker was stopped.)
    strict = (["a running worker did not re-buffer the flushed messages by itself "
               f"({finish.last.pending if finish.last else '?'} pending for {CONFIG.stall_s:.0f}s"
               " with Redis idle); only its drain did"] if finish.needed_drain else [])
    seen = [(at - flushed_at, n) for at, n in rebuffered([worker]) if at >= flushed_at]
    noticed = (f"the running worker re-buffered {seen[0][1]} messages {seen[0][0]:.0f}s after "
               "the flush" if seen else "no re-buffering was needed")
    conclude("Redis FLUSHALL", stack=stack, monitor=monitor, reference=reference,
             workers=[worker], fault_end=fault_end, started=started, results=results_file,
             finish=finish, strict=strict,
             notes=[f"flushed after 1/3 committed with {buffered} messages buffered",
                    noticed])


@pytest.mark.parametrize("how", ["restart", "kill -9"])
def test_redis_restarted_mid_run(stack: FaultStack, monitor: Monitor, reference: Reference,
                                 results_file: Path, how: str) -> None:
    """`restart` stops Redis gracefully (it saves a snapshot first); `kill -9` crashes it, so
    whatever changed since its last snapshot is gone when it comes back."""
    import redis

    started = time.monotonic()
    n = len(reference.ids)
    producer = stack.producer(reference.csv)
    worker = stack.worker("w1", idle_exit_s=CONFIG.idle_exit_s)
    monitor.wait_committed(n // 3, timeout_s=run_timeout_s(n), procs=[worker, producer])
    docs = f"signalpipe:{{{stack.company}}}:docs"
    url = stack.settings.redis.url.get_secret_value()
    with redis.Redis.from_url(url) as client:
        before = wait_for_buffered(client, stack.company)
    try:
        if how == "restart":
            services.stop("redis")
        else:
            services.kill("redis")
    finally:
        services.start("redis")
    fault_end = time.monotonic()
    with redis.Redis.from_url(url) as client:
        after = client.hlen(docs)
    assert producer.wait(120) == 0, producer.tail()
    conclude(f"Redis {how}", stack=stack, monitor=monitor, reference=reference,
             workers=[worker], fault_end=fault_end, started=started, results=results_file,
             restart_dead=True, ours=("redis",),
             notes=[f"{before} messages buffered before; {after} buffered or leased after"])


# -- 6. PostgreSQL connections dropped ------------------------------------------------------------
def test_postgres_connection_dropped_mid_batch(
        stack: FaultStack, monitor: Monitor, reference: Reference, results_file: Path) -> None:
    started = time.monotonic()
    n = len(reference.ids)
    producer = stack.producer(reference.csv)
    worker = stack.worker("w1", idle_exit_s=CONFIG.idle_exit_s)
    hits = []
    for share in (1 / 4, 1 / 2, 3 / 4):
        monitor.wait_committed(int(n * share), timeout_s=run_timeout_s(n),
                               procs=[worker, producer])
        terminated, busy = terminate_pg_backends(stack, [worker])
        assert terminated, f"no PostgreSQL backend of the worker found:\n{worker.tail()}"
        hits.append(f"{terminated} ({busy} busy)")
    fault_end = time.monotonic()
    assert producer.wait(120) == 0, producer.tail()
    conclude("PostgreSQL backends terminated x3", stack=stack, monitor=monitor,
             reference=reference, workers=[worker], fault_end=fault_end, started=started,
             results=results_file, restart_dead=True,
             notes=[f"terminated at 1/4, 1/2, 3/4 committed: {', '.join(hits)}"])


# -- 6b. PostgreSQL restarted --------------------------------------------------------------------
def test_postgres_restarted_while_extracting(
        stack: FaultStack, monitor: Monitor, reference: Reference, results_file: Path) -> None:
    """The event store retries a transaction on new connections for postgres.retry_for_s
    (120 s), so the worker rides out a 10 s restart; the final events equal the clean run's."""
    started = time.monotonic()
    n = len(reference.ids)
    producer = stack.producer(reference.csv)
    worker = stack.worker("w1", idle_exit_s=CONFIG.idle_exit_s)
    monitor.wait_committed(n // 3, timeout_s=run_timeout_s(n), procs=[worker, producer])
    mid = wait_for_lease(monitor)
    down = outage("postgres", POSTGRES_DOWN_S, worker)
    assert producer.wait(120) == 0, producer.tail()
    conclude("PostgreSQL stop/start (~10 s down)", stack=stack, monitor=monitor,
             reference=reference, workers=[worker], fault_end=down.end, started=started,
             results=results_file, survived=down.survived, restart_dead=True,
             ours=("postgres",),
             notes=[f"stopped after 1/3 committed, mid-batch (lease live): {mid}; "
                    f"down {POSTGRES_DOWN_S:.0f}s, back after {down.seconds:.0f}s in all"])
    assert down.died_after is None, down.survived


# -- 7. the LLM provider failing, then answering --------------------------------------------------
class FlakyModel:
    """500s, timeouts and garbage while `failing`; then the rules extractor's answers."""

    def __init__(self, timeout_s: float) -> None:
        self.failing = True
        self.bad = itertools.cycle([error(500), hang(timeout_s + 1.0),
                                    Reply(text="Sure! Here are the events: {events: [oops")])
        self.lock = threading.Lock()
        self.failures = 0

    def __call__(self, request: object) -> Reply:
        with self.lock:
            if self.failing:
                self.failures += 1
                return next(self.bad)
        return answer(rules_reply(request))


def test_llm_provider_failing_then_recovering(
        make_stack: MakeStack, llm_reference: Reference, results_file: Path) -> None:
    started = time.monotonic()
    reference = llm_reference
    n = len(reference.ids)
    timeout_s = 2.0
    model = FlakyModel(timeout_s)
    with FakeLLMServer() as fake:
        fake.responder = model
        stack = make_stack(SIGNALPIPE_LLM__PROVIDER="openai",
                           SIGNALPIPE_LLM__BASE_URL=fake.openai_url,
                           SIGNALPIPE_LLM__API_KEY="test-key",
                           SIGNALPIPE_LLM__TIMEOUT_S=str(timeout_s),
                           SIGNALPIPE_LLM__TRIAGE="false",  # as the clean run (conftest.py)
                           # A batch retried through 500s and timeouts outlives a short lease.
                           SIGNALPIPE_REDIS__LOCK_TTL_S="120")
        monitor = Monitor(stack)
        try:
            producer = stack.producer(reference.csv)
            w1 = stack.worker("w1", idle_exit_s=CONFIG.idle_exit_s, llm="openai")
            monitor.wait_for("3 parked batches", lambda: parked_count(stack) >= 3,
                             timeout_s=180, procs=[w1, producer], every_s=0.5)
            with model.lock:
                model.failing = False
            fault_end = time.monotonic()
            parked = parked_count(stack)
            assert producer.wait(120) == 0, producer.tail()
            first = await_done(monitor, stack, [w1], expected=n,
                               timeout_s=run_timeout_s(n), stall_s=CONFIG.stall_s,
                               idle_exit_s=CONFIG.idle_exit_s)
            stop_workers([w1])
            workers = [w1]
            finish: Finish | None = first
            if first.done_at is None:
                # Parked batches are retried when a worker starts: start the next one, and
                # wait for it as for any backlog (the 2 s allowed to parked batches that no
                # running worker will retry stopped w2 before it had started, on a busy machine).
                w2 = stack.worker("w2", idle_exit_s=CONFIG.idle_exit_s, llm="openai")
                workers = [w2]
                finish = await_done(monitor, stack, workers, expected=n,
                                    timeout_s=run_timeout_s(n), stall_s=CONFIG.stall_s,
                                    idle_exit_s=CONFIG.idle_exit_s,
                                    parked_patience_s=CONFIG.stall_s)
            conclude("LLM 500s/timeouts/garbage, then good", stack=stack, monitor=monitor,
                     reference=reference, workers=workers, fault_end=fault_end,
                     started=started, results=results_file, finish=finish,
                     survived="" if first.done_at else "parked batches retried by w2's start",
                     notes=[f"{model.failures} failed requests, {parked} batches parked at "
                            f"recovery; timeout {timeout_s:.0f}s"])
        finally:
            monitor.close()


# -- 8. replay from offset 0 ----------------------------------------------------------------------
def test_replay_from_offset_zero_changes_nothing(
        stack: FaultStack, monitor: Monitor, reference: Reference, results_file: Path) -> None:
    started = time.monotonic()
    n = len(reference.ids)
    producer = stack.producer(reference.csv)
    w1 = stack.worker("w1", idle_exit_s=CONFIG.idle_exit_s)
    assert producer.wait(120) == 0, producer.tail()
    first = await_done(monitor, stack, [w1], expected=n, timeout_s=run_timeout_s(n),
                       stall_s=CONFIG.stall_s, idle_exit_s=CONFIG.idle_exit_s)
    assert first.done_at is not None, f"the first run never finished: {first.last}"
    assert stop_workers([w1]) == [0], w1.tail()
    baseline = [f"before the replay: {p}" for p in verify(stack, reference).problems(reference)]
    before = state_snapshot(stack)

    monitor.reset_offsets(0)
    assert monitor.committed() == 0
    replay_start = time.monotonic()
    w2 = stack.worker("w2", idle_exit_s=CONFIG.idle_exit_s)
    done_at = monitor.wait_for("the replay to commit everything",
                               lambda: (monitor.snapshot().consumed_all(n)),
                               timeout_s=run_timeout_s(n), procs=[w2], every_s=0.25)
    assert stop_workers([w2]) == [0], w2.tail()
    after = state_snapshot(stack)
    differ = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    changed = [k for k in differ if not k.endswith("#writetime")]
    rewritten = [k.removesuffix("#writetime") for k in differ if k.endswith("#writetime")]
    replayed = w2.consumed()
    outcome = verify(stack, reference)
    problems = baseline + outcome.problems(reference)
    if changed:
        problems.append(f"the replay changed {changed}: "
                        f"{[(before.get(k), after.get(k)) for k in changed]}")
    if replayed is None or replayed < n:
        problems.append(f"the replay consumed {replayed} records, not all {n}")
    result = Result(fault="replay from offset 0", n=n, lost=outcome.lost,
                    duplicates=outcome.duplicates, unextracted=outcome.unextracted,
                    events_differing=outcome.events_differing + len(changed),
                    drain_s=round(done_at - replay_start, 1),
                    notes=(f"{outcome.refingerprinted} event(s) of the run before the replay "
                           "with the clean run's sources under another fingerprint; "
                           if outcome.refingerprinted else "")
                    + f"{replayed} records re-read; tables changed: {changed or 'none'}, "
                          f"rewritten with equal values: {rewritten or 'none'}; "
                          "drain = replay duration",
                    test_s=round(time.monotonic() - started, 1), ok=not problems)
    record(results_file, result)
    assert not problems, "\n".join(problems) + "\n" + w2.tail()


# -- 9. another company's batches in the same Redis --------------------------------------------
def test_worker_leaves_other_companies_batches_alone(
        stack: FaultStack, monitor: Monitor, reference: Reference, results_file: Path) -> None:
    """Redis is shared (the key prefix is not a setting), so it can hold another company's
    buffers: another deployment, another run over the same export, or state a crashed Redis
    brought back from its last snapshot. Message ids repeat across companies ("msg-0000001"
    in every export). A worker must extract only its own company's batches.

    BUG src/signalpipe/batching/redis.py:248 (RedisBatcher.take_ready) leases the ready
    buffers of every company in the registry, so a worker extracts a foreign company's batch
    into its own event store and acks it, and src/signalpipe/worker.py:134 then calls
    mark_extracted on its own message store with the foreign batch's ids; the Cassandra store
    deletes markers by id alone (src/signalpipe/stores/cassandra.py:127, no company in the
    key), so our own pending messages with those ids read as extracted without any event, and
    recovery never brings them back. Fix: take_ready only for the worker's company (or a
    prefix per deployment), refuse a batch of another company in Worker._extract, and key
    markers by (company, id).
    """
    from signalpipe.batching.redis import RedisBatcher
    from signalpipe.stores.cassandra import CassandraMessageStore

    started = time.monotonic()
    size = 300
    ghost = f"ghost_{stack.company}"
    ours = read_messages(reference.csv, stack.company)[:size]
    theirs = read_messages(reference.csv, ghost)[:size]
    expected = {(kind, m) for kind, m in reference.mentions if m in {x.id for x in ours}}
    worker = stack.worker("w1", idle_exit_s=CONFIG.idle_exit_s)
    batcher = RedisBatcher.from_settings(stack.settings)
    try:
        monitor.wait_members(1, timeout_s=90, procs=[worker])
        # Ours: stored and pending but no longer in Redis (as after a flush), so only the
        # worker's recovery from the message store brings them back.
        store = CassandraMessageStore.from_settings(stack.settings)
        try:
            assert len(store.put_many(ours).to_batch) == size
        finally:
            store.close()
        injected_at = time.monotonic()
        batcher.add(theirs)
        recovery_s = max(CONFIG.batch_age_s, 10.0)  # Worker.maybe_recover's interval
        monitor.wait_for("our messages to be extracted or the recovery interval to pass",
                         lambda: monitor.pending() == 0
                         and time.monotonic() - injected_at > recovery_s + 5,
                         timeout_s=120, procs=[worker], every_s=0.5)
        stop_workers([worker])
        foreign_left = sum(int(batcher.client.llen(f"signalpipe:{{{ghost}}}:buf:{s}"))
                           for s in ("slack", "gmail"))
        foreign_left += int(batcher.client.zcard(f"signalpipe:{{{ghost}}}:guard"))
    finally:
        keys = list(batcher.client.scan_iter(match=f"signalpipe:{{{ghost}}}:*"))
        if keys:
            batcher.client.delete(*keys)
        batcher.client.srem("signalpipe:companies", ghost)
        batcher.close()
    from signalpipe.stores.postgres import PostgresEventStore

    events = PostgresEventStore.from_settings(stack.settings)
    try:
        foreign_events = len(events.list_events(ghost))
        stored = mentions(events.list_events(stack.company))
    finally:
        events.close()
    missing = expected - set(stored)
    lost_messages = len({m for _kind, m in missing})
    problems = []
    if foreign_events or foreign_left < size:
        problems.append(f"the worker of {stack.company} extracted {ghost}'s batch: "
                        f"{foreign_events} {ghost} events in its event store, "
                        f"{size - foreign_left} of {size} foreign messages gone from Redis")
    if missing:
        problems.append(f"{lost_messages} of our messages read as extracted but "
                        f"{len(missing)} of their event mentions are missing, e.g. "
                        f"{sorted(missing)[:3]}")
    result = Result(fault="foreign company's batch in Redis (same ids)", n=size,
                    lost=lost_messages, duplicates=0, events_differing=len(missing),
                    drain_s=None, survived="no process died" if worker.returncode == 0
                    else f"w1 rc {worker.returncode}",
                    notes="; ".join(problems) or "foreign batch left alone",
                    test_s=round(time.monotonic() - started, 1), ok=not problems)
    record(results_file, result)
    assert not problems, "\n".join(problems) + "\n" + worker.tail()
