"""The rules extractor on technical results as teams tell them (techwins.py): migrations and
rewrites completed, reliability kept for a period, load carried in production, a time now
against a time before, infrastructure money saved, quality results and named benchmarks
topped; and technical titles that keep their figure. Every sentence here is hand-written, in
several registers (team Slack, founder update email, engineering blog, release note, press
release, community chat), beside look-alikes: plans and targets, staging and laptops, members'
own code, feature lists, platforms' and others' results, bug fixes and old news."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity
from tests.unit.rules_read import MakeMessage, read

T = EventType
POS = Polarity.POSITIVE


def technical(make_message: MakeMessage, text: str) -> list[str]:
    """Titles of the positive technical results read in ``text``."""
    return [e.title for e in read(make_message, text)
            if e.event_type is T.TECHNICAL_ACHIEVEMENT and e.polarity is POS]


# A figure said before its metric stays in the title: "Faster" or "Uptime" alone tells an
# investor nothing.
@pytest.mark.parametrize(("text", "title"), [
    ("queries are 3x faster since the new planner landed",
     "Queries are 3x faster since the new planner landed"),
    ("Since the Rust rewrite shipped, ingest runs 4x faster on the same hardware.",
     "Ingest runs 4x faster on the same hardware"),
    ("this is the best year on record for stability, with 99.91% uptime.", "99.91% uptime"),
    ("we processed 2 billion events last month", "Processed 2 billion events last month"),
    ("Electric 1.1: new storage engine with 100x faster writes",
     "New storage engine with 100x faster writes"),
])
def test_a_technical_title_keeps_its_figure(make_message: MakeMessage, text: str,
                                            title: str) -> None:
    assert technical(make_message, text) == [title]
