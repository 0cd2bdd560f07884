"""Fixtures of the fault suite (`pytest -m faults`): real servers, the traffic file, the clean
reference run (computed once per session), isolated stacks and a monitor per test.

A server that cannot be started or reached fails the test that needs it, never skips it
(STYLE rule 9). Every stack is torn down even when its test fails, and every server a fault
stopped is started again first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from tests.faults.harness import (
    RESULTS,
    SEED,
    FaultConfig,
    FaultStack,
    MakeStack,
    Monitor,
    Reference,
    build_reference,
    ensure_services_up,
    rules_reply,
    table,
)


@pytest.fixture(scope="session")
def fault_config() -> FaultConfig:
    return FaultConfig.from_env()


@pytest.fixture(scope="session")
def services_ready() -> None:
    """Kafka, Cassandra, PostgreSQL and Redis answer (started here if needed)."""
    ensure_services_up()


@pytest.fixture(scope="session")
def results_file(fault_config: FaultConfig, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fault_config.results or tmp_path_factory.getbasetemp() / "fault-results.jsonl"


def _traffic(tmp_path_factory: pytest.TempPathFactory, rows: int) -> Path:
    from signalpipe.sample.generate import generate

    path = tmp_path_factory.mktemp("fault-traffic") / f"traffic-{rows}.csv"
    generate(rows, SEED, path, path.with_suffix(".truth.jsonl"))
    return path


@pytest.fixture(scope="session")
def reference(fault_config: FaultConfig, tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """The clean embedded run (rules extractor) over N generated messages, once a session."""
    csv_path = _traffic(tmp_path_factory, fault_config.n)
    ref = build_reference(csv_path, tmp_path_factory.mktemp("fault-reference"))
    assert len(ref.ids) == fault_config.n and ref.events
    return ref


@pytest.fixture(scope="session")
def llm_reference(fault_config: FaultConfig,
                  tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """The clean embedded run with the OpenAI extractor against a well-behaved fake server."""
    from tests.fakes.llm_server import FakeLLMServer, answer

    csv_path = _traffic(tmp_path_factory, fault_config.llm_n)
    with FakeLLMServer() as fake:
        fake.responder = lambda request: answer(rules_reply(request))
        # No triage: its context neighbours depend on where batches start, which a fault moves;
        # the fault tests are about the provider failing, so every message is sent.
        ref = build_reference(csv_path, tmp_path_factory.mktemp("fault-llm-reference"), llm={
            "provider": "openai", "base_url": fake.openai_url, "api_key": "test-key",
            "timeout_s": 10.0, "triage": False})
    assert ref.events, "the fake model found no events: the responder is broken"
    return ref


@pytest.fixture
def make_stack(services_ready: None, fault_config: FaultConfig,
               tmp_path: Path) -> Iterator[MakeStack]:
    """Build isolated stacks; each is cleaned up (servers restarted first) after the test."""
    made: list[FaultStack] = []

    def build(**extra_env: str) -> FaultStack:
        stack = FaultStack.create(tmp_path / f"stack{len(made)}", fault_config,
                                  extra_env=extra_env)
        made.append(stack)
        return stack

    try:
        yield build
    finally:
        errors: list[BaseException] = []
        for stack in made:
            try:
                stack.cleanup()
            except Exception as exc:  # keep cleaning the others, then fail
                errors.append(exc)
        if not made:
            ensure_services_up()
        if errors:
            raise errors[0]


@pytest.fixture
def stack(make_stack: MakeStack) -> FaultStack:
    return make_stack()


@pytest.fixture
def monitor(stack: FaultStack) -> Iterator[Monitor]:
    watcher = Monitor(stack)
    try:
        yield watcher
    finally:
        watcher.close()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if RESULTS:
        terminalreporter.write_sep("=", "fault tolerance")
        terminalreporter.write_line(table([asdict(r) for r in RESULTS]))
