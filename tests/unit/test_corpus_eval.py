"""The real-text scorer (bench/corpus_eval.py): what counts as a hit, a miss and a duplicate."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

from signalpipe.models import EventType, Severity, SignificantEvent

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
corpus_eval: Any = importlib.import_module("corpus_eval")  # bench/ is scripts, not a package


def _event(kind: EventType, ids: list[str]) -> SignificantEvent:
    return SignificantEvent(company_id="c", event_type=kind, severity=Severity.HIGH,
                            title="t", source_message_ids=ids)


def test_an_exact_type_match_is_preferred_to_an_alternate_type() -> None:
    gold: list[dict[str, Any]] = [
        {"event_type": "other", "alt_types": ["funding"], "message_ids": ["m1"]},
        {"event_type": "funding", "message_ids": ["m1"]},
    ]
    result = corpus_eval.score([_event(EventType.FUNDING, ["m1"])], gold, [])
    assert (result.positive.tp, result.positive.fn) == (1, 1)
    assert [g["event_type"] for g in result.missed] == ["other"]


def test_a_second_event_for_a_matched_gold_is_a_duplicate() -> None:
    gold: list[dict[str, Any]] = [{"event_type": "funding", "message_ids": ["m1", "m2"]}]
    events = [_event(EventType.FUNDING, ["m1"]), _event(EventType.FUNDING, ["m2"])]
    result = corpus_eval.score(events, gold, [])
    assert (result.positive.tp, result.positive.fp, result.positive.dup) == (1, 1, 1)


def test_a_split_with_no_folder_has_no_sources(tmp_path: Path) -> None:
    assert corpus_eval.load("fresh", root=tmp_path) == []


def test_a_company_written_with_a_bracket_goes_by_each_name() -> None:
    source = corpus_eval.CorpusSource("dev", "x", [], {
        "olake-datazip": "OLake (Datazip)", "tropiano": "Tropiano (indie projects)",
        "acme": "Acme"}, [], [])
    assert corpus_eval.aliases([source]) == {
        "olake-datazip": ["OLake", "Datazip"], "tropiano": ["Tropiano"], "acme": ["Acme"]}
