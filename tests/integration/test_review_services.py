"""The replay guarantee on the services stack (Kafka, Cassandra, Redis, PostgreSQL event store):
a rejection and a metric edit stand after the same file is replayed through the topics and
after extraction writes every event row again."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from signalpipe import pipeline
from signalpipe.backends import open_backends
from signalpipe.commands.email_out import write_update
from signalpipe.extract.rules import RulesExtractor
from signalpipe.kpis import ledger, observations
from signalpipe.models import Batch, Message, Source
from signalpipe.periods import Period
from signalpipe.review import ReviewAction, ReviewDecision
from signalpipe.reviewed import View, kpi_conflicts, reviewed_events, reviewed_kpis
from signalpipe.sample.generate import generate
from signalpipe.settings import Settings
from signalpipe.sources.csv import CSVSource

pytestmark = [pytest.mark.integration, pytest.mark.slow, pytest.mark.timeout(600)]

FORECAST = "ARR reached $2.7M"  # seed 1 plants it beside "ARR reached $1.5M", same day
USERS = "12,000 users"


def _run(settings: Settings, path: Path) -> None:
    backends = open_backends(settings)
    try:
        pipeline.run(settings, backends, CSVSource(path, company_id=settings.company_id))
    finally:
        backends.close()


def _re_extract(settings: Settings, path: Path) -> None:
    """Every event and KPI row gone, then extraction over every message again, written as the
    extraction runner writes them."""
    messages = [m for m in CSVSource(path, company_id=settings.company_id).read(None)
                if isinstance(m, Message)]
    backends = open_backends(settings)
    try:
        backends.events._transaction(  # type: ignore[attr-defined]
            lambda cur: cur.execute("TRUNCATE significant_events, kpi_observations"))
        assert backends.events.list_events(settings.company_id) == []
        extractor = RulesExtractor()
        for n in range(0, len(messages), 100):
            chunk = tuple(messages[n:n + 100])
            result = extractor.extract(Batch(id=f"re-{n}", company_id=settings.company_id,
                                             source=Source.SLACK, messages=chunk))
            backends.events.upsert_many(result.events)
            days = {m.id: m.timestamp.date() for m in chunk}
            backends.events.put_kpis(observations(result.events, days))
    finally:
        backends.close()


def test_decisions_survive_replay_and_re_extraction(isolated: Any, tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    generate(1000, 1, data, data.with_suffix(".truth.jsonl"))
    settings: Settings = isolated.settings.model_copy(update={"output_dir": tmp_path / "out"})
    company = settings.company_id
    settings.output_dir.mkdir()
    _run(settings, data)
    backends = open_backends(settings)
    try:
        store = backends.events
        by_title = {e.title: e for e in store.list_events(company)}
        forecast, users = by_title[FORECAST], by_title[USERS]
        assert kpi_conflicts(store, company, settings), "seed 1 states two ARR figures"
        now = time.time()
        store.record_review(ReviewDecision(company, forecast.fingerprint, ReviewAction.REJECT,
                                           now, reason="a forecast, not a fact"))
        store.record_review(ReviewDecision(company, users.fingerprint, ReviewAction.EDIT,
                                           now + 1, metrics={"users": 12_500}))
    finally:
        backends.close()

    def check(stage: str) -> None:
        b = open_backends(settings)
        try:
            assert {e.title for e in b.events.list_events(company)} >= {FORECAST, USERS}, stage
            seen = {e.fingerprint: e for e in reviewed_events(b.events, company, settings,
                                                              View.UPDATE)}
            assert forecast.fingerprint not in seen, stage
            assert FORECAST not in {e.title for e in seen.values()}, stage
            assert seen[users.fingerprint].metrics == {"users": 12_500}, stage
            lines = {line.metric: line for line in ledger(reviewed_kpis(
                b.events, company, settings, View.UPDATE))}
            assert (lines["arr"].now.value, lines["arr"].conflicts) == (1_500_000, []), stage
            assert lines["users"].now.value == 12_500, stage
        finally:
            b.close()
        written = write_update(settings, Period(), explicit=True, kind="update", to=[],
                               asks=[], times=[], composer="template", deliver=False,
                               record=False)
        assert "$2.7M" not in written.markdown and "12,500" in written.markdown, stage

    check("after the decisions")
    _run(settings, data)
    check("after the same file was replayed through the topics")
    _re_extract(settings, data)
    check("after every event row was written again")
