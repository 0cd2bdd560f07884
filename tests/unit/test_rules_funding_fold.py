"""One round told in a batch's chat in several messages is one funding event: a follow-up that
names no figure ("the round is done") joins the message that gave the round's figures instead of
standing as a second "Closed a funding round". Hand-written; the company is "scaleflow"."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules import RulesExtractor
from signalpipe.models import Batch, EventType, Source
from signalpipe.settings import Settings
from tests.conftest import MakeMessage

FOLLOW_UPS = [
    "the round is done, wire landed this morning 🎉",
    "we closed the round!! 🎉",
    "we officially closed our round",
]


def _funding(make_message: MakeMessage, texts: list[str]) -> list[tuple[str, list[str]]]:
    messages = [make_message(text=t) for t in texts]
    extractor = RulesExtractor.from_settings(Settings(company_id="scaleflow"))
    batch = Batch(id="b-1", company_id="scaleflow", source=Source.SLACK, messages=messages)
    return [(e.title, e.source_message_ids) for e in extractor.extract(batch).events
            if e.event_type is EventType.FUNDING]


@pytest.mark.parametrize("follow_up", FOLLOW_UPS)
def test_a_follow_up_without_figures_joins_the_round_it_completes(
        make_message: MakeMessage, follow_up: str) -> None:
    opener = "We closed our $12M Series A led by Index Ventures"
    assert _funding(make_message, [follow_up]), "alone, the follow-up is a funding event"
    for texts in ([opener, follow_up], [follow_up, opener]):
        found = _funding(make_message, texts)
        assert len(found) == 1, found
        title, ids = found[0]
        assert "$12M" in title
        assert len(ids) == 2


def test_two_rounds_with_different_figures_stay_two(make_message: MakeMessage) -> None:
    found = _funding(make_message, ["We closed our $12M Series A led by Index Ventures",
                                    "Also: our $2M seed extension from Y Combinator closed"])
    assert len(found) == 2, found
