"""The sample data generator: deterministic bytes, the seed's CSV shape, truth that matches it."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from signalpipe.sample.generate import generate, iter_rows, iter_traffic
from signalpipe.sample.phrasings import CHAT_FAMILIES, EMAIL_FAMILIES, HELD_OUT, SEEN
from signalpipe.sample.traffic import ALL_KINDS
from signalpipe.sample.truth import CSV_HEADER, GeneratedRow, TruthEvent, default_truth_path
from signalpipe.sample.vocab import PARTNERS, PUBLICATIONS, REGIONS, VCS

EVENT_TYPES = {"user_growth", "revenue_milestone", "funding", "partnership", "product_launch",
               "hiring", "enterprise_deal", "technical_achievement", "market_expansion",
               "compliance", "media_coverage", "investor_interest", "customer_success"}
ROWS = 10_000
Generated = tuple[list[dict[str, str]], list[dict[str, Any]]]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    out = tmp_path_factory.mktemp("gen") / "full_data.csv"
    generate(ROWS, 11, out)
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    truth = [json.loads(line) for line in default_truth_path(out).read_text().splitlines()]
    return rows, truth


@pytest.fixture(scope="module")
def traffic() -> list[tuple[GeneratedRow, list[TruthEvent]]]:
    return list(iter_traffic(ROWS, 11))


def test_same_seed_gives_identical_bytes(tmp_path: Path) -> None:
    paths = [tmp_path / f"{name}.csv" for name in ("a", "b", "c")]
    for path, seed in zip(paths, (5, 5, 6), strict=True):
        generate(2_000, seed, path)
    a, b, c = (p.read_bytes() for p in paths)
    assert a == b and a != c
    truths = [default_truth_path(p).read_bytes() for p in paths]
    assert truths[0] == truths[1] and truths[0] != truths[2]


def test_truth_goes_beside_the_csv_by_default(tmp_path: Path) -> None:
    stats = generate(500, 1, tmp_path / "full_data.csv")
    assert stats.truth_path == tmp_path / "full_data.truth.jsonl"
    assert stats.truth_path.is_file() and stats.rows == 500


def test_header_row_count_and_sequential_ids(generated: Generated) -> None:
    rows, _ = generated
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) == ROWS
    assert [r["id"] for r in rows[:3]] == ["msg-0000001", "msg-0000002", "msg-0000003"]
    assert len({r["id"] for r in rows}) == ROWS


def test_about_85_percent_chat_and_email_shape(generated: Generated) -> None:
    rows, _ = generated
    chat = [r for r in rows if r["is_chat"] == "true"]
    email = [r for r in rows if r["is_chat"] == "false"]
    assert len(chat) + len(email) == ROWS
    assert 0.82 <= len(chat) / ROWS <= 0.88
    assert all(r["chat_sender"] and not r["email_sender"] for r in chat)
    assert all(r["email_sender"].endswith("@scaleflow.io") and not r["chat_sender"]
               for r in email)
    assert all(r["content"].startswith("Subject: ") and "\n\n" in r["content"] for r in email)
    assert all(r["timestamp"].endswith("Z") and "T" in r["timestamp"] for r in rows)


def test_truth_lines_point_at_real_rows_and_cover_every_type(generated: Generated) -> None:
    rows, truth = generated
    ids = {r["id"] for r in rows}
    for event in truth:
        assert set(event) == {"event_type", "alt_types", "metrics", "message_ids", "title",
                              "families", "lowlight"}
        assert event["event_type"] not in event["alt_types"]
        assert event["metrics"] and event["title"]
        assert isinstance(event["message_ids"], list) and 1 <= len(event["message_ids"]) <= 4
        assert set(event["message_ids"]) <= ids
        assert len(event["families"]) == len(event["message_ids"])
        assert set(event["families"]) <= set(SEEN + HELD_OUT)
    assert {e["event_type"] for e in truth} == EVENT_TYPES
    assert ROWS / 80 <= len(truth) <= ROWS / 40


def test_events_are_mentioned_more_than_once_and_in_both_media(generated: Generated) -> None:
    rows, truth = generated
    chat = {r["id"] for r in rows if r["is_chat"] == "true"}
    multi = [e for e in truth if len(e["message_ids"]) > 1]
    assert len(multi) / len(truth) > 0.5
    mixed = [e for e in multi if {i in chat for i in e["message_ids"]} == {True, False}]
    assert mixed


def test_distractors_are_common_and_never_in_truth(
        traffic: list[tuple[GeneratedRow, list[TruthEvent]]]) -> None:
    truth_ids = {i for _, done in traffic for event in done for i in event.message_ids}
    labels = Counter(row.label for row, _ in traffic)
    distractors = [row for row, _ in traffic if row.label == "distractor"]
    assert labels["distractor"] > ROWS * 0.03
    assert not truth_ids & {row.id for row in distractors}
    assert {row.id for row, _ in traffic if row.label == "event"} == truth_ids
    text = " ".join(row.content.lower() for row in distractors)
    for kind in ("plan", "if ", "not ", "rumour", "pushed", "lol", "ignore", "outage"):
        assert kind in text, kind


def test_iter_rows_gives_csv_keys_plus_channel() -> None:
    rows = list(iter_rows(200, 3))
    assert list(rows[0]) == [*CSV_HEADER, "channel"]
    assert all(r["channel"] for r in rows if r["is_chat"] == "true")
    assert all(not r["channel"] for r in rows if r["is_chat"] == "false")


def test_metrics_are_canonical(generated: Generated) -> None:
    _, truth = generated
    funding = [e["metrics"] for e in truth if e["event_type"] == "funding" and not e["lowlight"]]
    assert funding and all(set(m) == {"amount_usd", "round"} for m in funding)
    assert all(isinstance(m["amount_usd"], int) for m in funding)
    assert all(m["round"] in {"pre-seed", "seed", "series a", "series b", "series c"}
               for m in funding)


def test_distinct_events_have_distinct_identities_in_long_runs() -> None:
    # Past ~50k rows the name pools (partners, investors, outlets, regions...) used to repeat,
    # so two truth events shared type and metrics and any identity-merging extractor merged them.
    rows = 100_000
    truth = [event for _, done in iter_traffic(rows, 11) for event in done]
    identities = Counter((e.event_type, json.dumps(e.metrics, sort_keys=True)) for e in truth)
    repeated = {key: n for key, n in identities.items() if n > 1}
    assert not repeated, sorted(repeated)[:5]
    assert rows / 80 <= len(truth) <= rows / 40  # used-up kinds hand their share to others


def test_short_runs_draw_only_from_the_usual_pools(generated: Generated) -> None:
    # The larger pools are for once the usual ones are mostly used, so short runs stay as they
    # were (the held-out quality seeds keep their bytes).
    _, truth = generated
    usual = {"partner": {p.lower() for p in PARTNERS}, "investor": {v.lower() for v in VCS},
             "publication": {p.lower().removeprefix("the ") for p in PUBLICATIONS},
             "region": {key for _, key, _ in REGIONS}}
    for event in truth:
        for name, pool in usual.items():
            if name in event["metrics"]:
                assert event["metrics"][name] in pool, event


# -- phrasing families and lowlights ------------------------------------------------------------

def test_every_kind_has_at_least_six_phrasing_families_split_once() -> None:
    assert not set(SEEN) & set(HELD_OUT)
    assert set(SEEN + HELD_OUT) == set(CHAT_FAMILIES + EMAIL_FAMILIES + ("digest",))
    for kind in ALL_KINDS:
        written = {name for name, templates in kind.phrasings.items() if templates}
        assert len(written) >= 6, type(kind).__name__
        assert written & set(HELD_OUT) and written & set(SEEN), type(kind).__name__
        for template in (t for ts in kind.phrasings.values() for t in ts):
            assert "{_R}" not in template


def test_every_family_writes_mentions_and_lowlights_are_planted(generated: Generated) -> None:
    _, truth = generated
    assert {f for e in truth for f in e["families"]} == set(SEEN + HELD_OUT)
    lowlights = [e for e in truth if e["lowlight"]]
    assert 0.03 < len(lowlights) / len(truth) < 0.3
    assert {e["event_type"] for e in lowlights} >= {"enterprise_deal", "customer_success",
                                                     "technical_achievement", "hiring",
                                                     "compliance", "revenue_milestone",
                                                     "funding"}


@pytest.mark.parametrize("families", [HELD_OUT, SEEN, ("lower",)])
def test_families_can_be_limited_and_stay_deterministic(families: tuple[str, ...]) -> None:
    runs = [list(iter_traffic(3_000, 4, families=families)) for _ in range(2)]
    assert runs[0] == runs[1]
    written = {f for _, done in runs[0] for e in done for f in e.families}
    assert written and written <= set(families)


def test_unknown_or_chatless_family_sets_are_refused() -> None:
    for families in (("nope",), ("email", "digest")):
        with pytest.raises(ValueError, match="families"):
            iter_traffic(10, 1, families=families)


def test_traps_for_third_parties_old_news_and_quoted_text_are_drawn(
        traffic: list[tuple[GeneratedRow, list[TruthEvent]]]) -> None:
    text = " ".join(row.content.lower() for row, _ in traffic if row.label == "distractor")
    for trap in ("throwback", "template", "translat", "role-play", "tweet", "lost", "laid off"):
        assert trap in text, trap
