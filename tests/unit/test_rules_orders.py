"""The rules extractor on orders and contracts won or lost (orders.py, with the deal readers
before it): goods delivered under a contract, chosen as a buyer's supplier, an order pulled.

Every text is hand-written, in the registers deals are told in (a wire release, a financial news
sentence or headline, a founder's update, Slack chatter), and was written before the dev split
was read for this family; each family sits beside its look-alikes: our own purchases, orders
between two other companies, work delivered, conditions and instructions."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity, SignificantEvent
from tests.unit.rules_read import MakeMessage, read

DEAL, SUCCESS = EventType.ENTERPRISE_DEAL, EventType.CUSTOMER_SUCCESS
POS, NEG = Polarity.POSITIVE, Polarity.NEGATIVE
OURS = ("Acme", "Acme Oyj")


def _read(make_message: MakeMessage, text: str) -> list[SignificantEvent]:
    return read(make_message, text, aliases=OURS)


WON_OR_LOST: list[tuple[str, EventType, Polarity, str]] = [
    # wire releases and news
    ("Acme will deliver 20 wind turbines to Globex under an agreement signed on Monday.",
     DEAL, POS, "Signed Globex"),
    ("Acme to deliver 300 buses to Helsinki Region Transport", DEAL, POS,
     "Signed Helsinki Region Transport"),
    ("Acme has been selected as the supplier of signalling systems for the Oslo metro.",
     DEAL, POS, "Selected as supplier for signalling systems for the Oslo metro"),
    ("Acme is the chosen vendor for Globex's new payroll system, contract signed yesterday",
     DEAL, POS, "Selected as vendor for Globex's new payroll system"),
    ("Acme has won a EUR 10mn order from Finnish utility Fortum.", DEAL, POS, ""),
    ("Acme Oyj receives EUR 4 million order from Wartsila", DEAL, POS, ""),
    # chat and founders' mail: orders pulled
    ("ugh. initech pulled their PO, the rollout is off", DEAL, NEG, "Lost Initech's order"),
    ("Bad news: the customer cancelled its order for the Q4 shipment.", DEAL, NEG,
     "Customer cancelled its order"),
    ("We lost the Globex contract to a competitor.", DEAL, NEG, ""),
    ("Umbrella backed out of the order at the last minute.", DEAL, NEG, ""),
    # an order or a tender lost
    ("Acme loses EUR 8 mn order as Globex cancels project", DEAL, NEG, "Lost an order"),
    ("Acme was not selected in the tender for the Oslo metro.", DEAL, NEG, "Lost a tender"),
    ("We lost the Initech renewal to Salesforce.", DEAL, NEG, ""),
    # a contract ended by the customer is churn
    ("The Ministry of Defence terminated its contract with Acme.", SUCCESS, NEG, ""),
]

SILENT = [
    "Globex cancelled its order with Initech.",
    "I cancelled my order on Amazon, it was taking forever",
    "We cancelled the order for new laptops.",
    "Cancel the PO if they don't sign by Friday.",
    "We will deliver the report to Globex tomorrow.",
    "Acme will deliver 20 turbines to Globex if the financing closes.",
    "We hope to win a EUR 10mn order from Fortum next quarter.",
    "Globex won a EUR 10mn order from Fortum.",
    "We submitted our bid for the three-year contract with the City of Helsinki.",
    "Negotiations on the supply agreement with Siemens are ongoing.",
    "Acme is participating in the tender for the Oslo metro signalling systems.",
    # a trading desk's routine, another company chosen
    "ENA will deliver 10,000 MMBtu/d to Transco under the existing agreement.",
    "El Paso has been selected as the supplier for the Mojave pipeline.",
    "Globex was not selected in the tender.",
    "If we lose the Initech renewal, Q4 will be tough.",
    "We awarded the contract to Initech for our office cleaning.",
]


@pytest.mark.parametrize(("text", "kind", "polarity", "title"), WON_OR_LOST)
def test_an_order_won_or_lost_is_read(make_message: MakeMessage, text: str, kind: EventType,
                                      polarity: Polarity, title: str) -> None:
    events = _read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, polarity)], \
        [(e.event_type, e.polarity, e.title) for e in events]
    assert not title or events[0].title == title


@pytest.mark.parametrize("text", SILENT)
def test_look_alikes_stay_silent(make_message: MakeMessage, text: str) -> None:
    events = _read(make_message, text)
    assert events == [], [(e.event_type, e.title) for e in events]
