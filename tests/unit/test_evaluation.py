"""Scoring against ground truth: matches, false positives, misses, duplicates, the table."""

from __future__ import annotations

from pathlib import Path

import pytest

from signalpipe.errors import SourceError
from signalpipe.models import EventType, Severity, SignificantEvent
from signalpipe.sample.evaluation import Scores, TypeScore, format_table, load_truth, score

TRUTH = [
    {"event_type": "funding", "metrics": {}, "message_ids": ["m1", "m7"], "title": "A"},
    {"event_type": "hiring", "metrics": {}, "message_ids": ["m2"], "title": "B"},
    {"event_type": "hiring", "metrics": {}, "message_ids": ["m3"], "title": "C"},
]


def found(kind: str, *ids: str) -> dict[str, object]:
    return {"event_type": kind, "source_message_ids": list(ids)}


def test_overlapping_ids_of_the_same_type_are_a_true_positive() -> None:
    scores = score([found("funding", "m7", "m99")], TRUTH[:1])
    assert scores.per_type["funding"] == TypeScore(tp=1)
    assert (scores.overall.precision, scores.overall.recall, scores.overall.f1) == (1, 1, 1)


def test_an_alt_type_matches_like_the_type() -> None:
    truth = [{"event_type": "customer_success", "alt_types": ["enterprise_deal"],
              "message_ids": ["m1"]}]
    assert score([found("enterprise_deal", "m1")], truth).overall.f1 == 1.0
    assert score([found("funding", "m1")], truth).overall.f1 == 0.0


def test_no_overlap_is_a_false_positive_and_the_truth_a_miss() -> None:
    scores = score([found("funding", "m5")], TRUTH[:1])
    assert scores.per_type["funding"] == TypeScore(fp=1, fn=1)
    assert scores.overall.f1 == 0.0


def test_same_ids_but_another_type_do_not_match() -> None:
    scores = score([found("partnership", "m1")], TRUTH[:1])
    assert scores.per_type["partnership"] == TypeScore(fp=1)
    assert scores.per_type["funding"] == TypeScore(fn=1)


def test_a_second_event_for_a_matched_truth_is_a_duplicate_false_positive() -> None:
    scores = score([found("funding", "m1"), found("funding", "m7")], TRUTH[:1])
    assert scores.per_type["funding"] == TypeScore(tp=1, fp=1, duplicates=1)
    assert scores.overall.precision == 0.5 and scores.overall.recall == 1.0


def test_each_truth_event_matches_once_and_the_best_overlap_wins() -> None:
    truth = [{"event_type": "hiring", "message_ids": ["a"]},
             {"event_type": "hiring", "message_ids": ["b", "c"]}]
    scores = score([found("hiring", "a", "b", "c")], truth)
    assert scores.per_type["hiring"] == TypeScore(tp=1, fn=1)


def test_micro_average_sums_counts_before_dividing() -> None:
    events = [found("funding", "m1"), found("hiring", "m2"), found("hiring", "m9"),
              found("hiring", "m8")]
    scores = score(events, TRUTH)
    assert scores.overall == TypeScore(tp=2, fp=2, fn=1)
    assert scores.overall.precision == pytest.approx(0.5)
    assert scores.overall.recall == pytest.approx(2 / 3)
    assert scores.overall.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_significant_events_are_accepted() -> None:
    event = SignificantEvent(company_id="scaleflow", event_type=EventType.HIRING,
                             severity=Severity.MEDIUM, title="Hired C",
                             source_message_ids=["m3"])
    assert score([event], TRUTH).per_type["hiring"] == TypeScore(tp=1, fn=1)


def test_empty_inputs_score_as_perfect_not_as_errors() -> None:
    assert score([], []).overall.f1 == 1.0
    assert score([], TRUTH).overall.recall == 0.0


def test_load_truth_reads_jsonl_and_rejects_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "t.truth.jsonl"
    path.write_text('{"event_type": "funding", "message_ids": ["m1"]}\n\n', encoding="utf-8")
    assert load_truth(path) == [{"event_type": "funding", "message_ids": ["m1"]}]
    path.write_text('{"event_type": "funding"}\nnot json\n', encoding="utf-8")
    with pytest.raises(SourceError, match=":2:"):
        load_truth(path)
    with pytest.raises(SourceError):
        load_truth(tmp_path / "missing.jsonl")


def test_format_table_is_markdown_with_an_overall_row() -> None:
    table = format_table(score([found("funding", "m1"), found("funding", "m7")], TRUTH))
    lines = table.splitlines()
    assert lines[0].startswith("| event type |") and lines[1].startswith("|---")
    assert lines[-1].startswith("| **overall** | 3 | 2 | 1 | 1 (1) | 2 | 0.500 | 0.333 |")
    assert any(line.startswith("| funding | 1 | 2 | 1 | 1 (1) | 0 |") for line in lines)
    assert isinstance(score([], []), Scores)
