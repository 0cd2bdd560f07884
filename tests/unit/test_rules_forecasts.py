"""A revenue setback to come is a forecast, not a lowlight; one that happened stays one; work on
the writer's other side projects is not the company's.
Hand-written messages in a founder's voice."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity
from tests.unit.rules_read import MakeMessage, read


@pytest.mark.parametrize("text", [
    "In other words, that email was letting me know I'd be losing $450k in revenue over the next "
    "eight months.",
    "We'll lose $450k in revenue over the next eight months.",
    "If nothing changes we would be losing about $30k MRR.",
    "We could see revenue drop 20% in the coming quarter.",
])
def test_a_setback_to_come_is_no_event(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == []


@pytest.mark.parametrize("text", [
    "We lost $450k in revenue over the last eight months.",
    "Revenue dropped 10% to $84k and we'll need to cut costs.",
    "We missed our Q3 revenue target by 20%.",
])
def test_a_setback_that_happened_is_a_lowlight(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [
        (EventType.REVENUE_MILESTONE, Polarity.NEGATIVE)]


def test_work_on_the_writers_side_projects_is_not_the_companys(make_message: MakeMessage) -> None:
    assert read(make_message, "I reduced Google Cloud Platform fees by 90% on my side projects.",
                aliases=("TinyPilot",)) == []
    mine = read(make_message, "My side project hit $1k MRR this month.", aliases=("TinyPilot",))
    assert [e.event_type for e in mine] == [EventType.REVENUE_MILESTONE]
