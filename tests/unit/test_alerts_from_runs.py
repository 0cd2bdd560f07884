"""Alerts fire from `run` and from a long-running `worker`, not only from the live syncs
(issue 15): once per event and channel, however often the same input is run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from signalpipe import pipeline
from signalpipe.backends import open_backends
from signalpipe.settings import Settings, load_settings
from signalpipe.sources.csv import CSVSource
from tests.fakes.alert_sinks import HTTPSink

HEADER = "id,is_chat,chat_sender,email_sender,timestamp,content\n"
ROWS = [
    'm1,true,ceo,,2025-03-01T10:00:00Z,"We closed our $6M Series A led by Northwind Ventures."\n',
    'm2,true,ceo,,2025-03-01T11:00:00Z,"Lunch is at noon today."\n',
    'm3,true,cto,,2025-03-02T09:00:00Z,"Lost Globex: they cancelled their contract."\n',
]


@pytest.fixture
def hook() -> Iterator[HTTPSink]:
    with HTTPSink() as sink:
        yield sink


def _settings(tmp_path: Path, hook: HTTPSink) -> Settings:
    return load_settings(output_dir=tmp_path / "out", alerts={
        "rules": [{"when": "event funding"}],
        "channels": {"vc": {"kind": "webhook", "url": hook.url}}, "backoff_s": 0})


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "in.csv"
    path.write_text(HEADER + "".join(ROWS), encoding="utf-8")
    return path


def _titles(hook: HTTPSink) -> list[str]:
    return [json.loads(body)["event"]["title"] for _, body in hook.received]


def test_run_alerts_once_across_reruns(hook: HTTPSink, tmp_path: Path) -> None:
    settings = _settings(tmp_path, hook)
    for _ in range(2):
        with closing(open_backends(settings)) as backends:
            pipeline.run(settings, backends, _source(tmp_path, settings))
    titles = _titles(hook)
    assert len(titles) == 1 and "Series A" in titles[0]


def test_a_run_without_channels_sends_nothing(hook: HTTPSink, tmp_path: Path) -> None:
    settings = load_settings(output_dir=tmp_path / "out")
    with closing(open_backends(settings)) as backends:
        pipeline.run(settings, backends, _source(tmp_path, settings))
    assert hook.received == []


def test_a_worker_alerts_when_it_stops(hook: HTTPSink, tmp_path: Path) -> None:
    settings = _settings(tmp_path, hook)
    with closing(open_backends(settings)) as backends:
        pipeline.produce(settings, backends, _source(tmp_path, settings))
        # Idle after the records: it stops, drains, and the final check sends the alert.
        pipeline.work(settings, backends, idle_exit_s=1.0)
    assert len(_titles(hook)) == 1


def _source(tmp_path: Path, settings: Settings) -> CSVSource:
    return CSVSource(_csv(tmp_path), company_id=settings.company_id)
