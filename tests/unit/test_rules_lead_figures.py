"""A message whose readings of one type merge keeps the figures of the reading that leads: the
title and the stored metrics must name the same deal. Hand-written; the company is "scaleflow"."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType
from tests.unit.rules_read import MakeMessage, read

CASES = [
    ("Two wins today: Revenue: crossed 13.8m ARR and Falcon Insurance signed at $1.31M ACV!",
     "Falcon Insurance", 1_310_000),
    ("Big day: ARR crossed $4.2M and Globex Health signed at $480k ACV", "Globex Health",
     480_000),
]


@pytest.mark.parametrize(("text", "customer", "value"), CASES)
def test_a_deals_value_is_its_own_not_an_earlier_figure(make_message: MakeMessage, text: str,
                                                         customer: str, value: int) -> None:
    deals = [e for e in read(make_message, text) if e.event_type is EventType.ENTERPRISE_DEAL]
    assert len(deals) == 1
    assert deals[0].metrics.get("customer") == customer
    assert deals[0].metrics.get("value_usd") == value
