"""The rules extractor's events do not depend on how messages are cut into batches.

RulesExtractor declares ``canonical_fingerprints``: the worker then skips close matching and
relies on the store merging sightings by fingerprint alone, so the fingerprints (and the message
ids behind each) must come out the same for any batching of the same messages.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

import pytest

from signalpipe.batching.keys import make_batch
from signalpipe.extract.rules import RulesExtractor
from signalpipe.extract.rules.extractor import fingerprint, one_per_kind
from signalpipe.extract.rules.reader import read_message
from signalpipe.extract.rules.subject import aliases_pattern
from signalpipe.models import Message, Source
from signalpipe.sample.generate import generate
from signalpipe.sources.csv import CSVSource

COMPANY = "scaleflow"
OURS = aliases_pattern([COMPANY])
BATCH = 100
Cut = Callable[[list[Message]], list[list[Message]]]


def _in_file_order(messages: list[Message]) -> list[list[Message]]:
    return [messages[i:i + BATCH] for i in range(0, len(messages), BATCH)]


def _offset(messages: list[Message]) -> list[list[Message]]:
    return [messages[:37], *_in_file_order(messages[37:])]


def _by_source(messages: list[Message]) -> list[list[Message]]:
    """As the batchers cut them: one buffer per source, reversed to change the first mention."""
    ordered = sorted(reversed(messages), key=lambda m: m.source.value)
    return _in_file_order(ordered)


def _one_by_one(messages: list[Message]) -> list[list[Message]]:
    return [[m] for m in messages]


CUTS: dict[str, Cut] = {"offset": _offset, "by_source": _by_source, "one_by_one": _one_by_one}


def _stored(batches: Sequence[Sequence[Message]]) -> dict[str, set[str]]:
    """Fingerprint -> source ids, merged across batches as the event store merges them.

    A batch whose extraction raises contributes nothing, as in the worker (which parks it).
    """
    extractor = RulesExtractor()
    out: dict[str, set[str]] = defaultdict(set)
    for messages in batches:
        try:
            events = extractor.extract(make_batch(messages)).events
        except Exception:  # the runner parks such a batch: its events are not stored
            continue
        for event in events:
            out[event.fingerprint].update(event.source_message_ids)
    return dict(out)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Message]:
    folder = tmp_path_factory.mktemp("batching")
    csv_path = folder / "traffic.csv"
    generate(3000, 11, csv_path, folder / "truth.jsonl", company=COMPANY)
    return [m for m in CSVSource(csv_path, company_id=COMPANY).read(None)
            if isinstance(m, Message)]


def _long_name_message(like: Message) -> Message:
    """A statement whose customer name runs past the longest title an event may have."""
    name = " ".join(["Globex", *["Mega"] * 60])
    return like.model_copy(update={"id": f"{like.id}-long", "text": f"{name} signed a $480k "
                                   "per year contract."})


@pytest.mark.parametrize("cut", CUTS, ids=list(CUTS))
def test_generated_traffic_gives_the_same_events_in_any_batching(
        generated: list[Message], cut: str) -> None:
    reference = _stored(_in_file_order(generated))
    assert len(reference) > 10
    assert _stored(CUTS[cut](generated)) == reference


@pytest.mark.parametrize("cut", CUTS, ids=list(CUTS))
def test_one_odd_message_costs_no_batch_its_events(generated: list[Message], cut: str) -> None:
    # Put the odd message right after the first message that states an event, so the batch that
    # holds it always holds another event too.
    first = next(i for i, m in enumerate(generated) if read_message(m, OURS)[0])
    messages = [*generated[:first + 1], _long_name_message(generated[first]),
                *generated[first + 1:]]
    reference = _stored(_in_file_order(messages))
    assert _stored(CUTS[cut](messages)) == reference
    assert any(f"{generated[first].id}-long" in ids for ids in reference.values())


def test_fingerprint_is_the_events_identity_alone(generated: list[Message]) -> None:
    """Each event's fingerprint is that of every mention merged into it, whatever came first."""
    extractor = RulesExtractor()
    for batch in _in_file_order(generated):
        by_id = {m.id: m for m in batch}
        for event in extractor.extract(make_batch(batch)).events:
            for message_id in event.source_message_ids:
                own = {fingerprint(COMPANY, h)
                       for h in one_per_kind(read_message(by_id[message_id], OURS)[0])}
                assert event.fingerprint in own


def test_the_company_name_decides_whose_news_it_is() -> None:
    """Not a batching effect: "Scaleflow raises $70M" is our news only when we are Scaleflow,
    so the same file read under another company id (as bench/services.py does) finds fewer."""
    message = Message(id="news-1", company_id=COMPANY, source=Source.GMAIL, sender="ceo",
                      timestamp=datetime(2025, 3, 1, tzinfo=UTC),
                      text="Scaleflow raises 70m Series B round led by Speedinvest")
    hits, rejected = read_message(message, OURS)
    assert [h.found.metrics for h in hits] == [{"amount_usd": 70_000_000, "round": "series b"}]
    hits, rejected = read_message(message, aliases_pattern(["bench_1234"]))
    assert not hits
    assert rejected[0][1].startswith("third party (Scaleflow)")
