"""The rules extractor on results said as change (earnings.py, with the readers before it):
sales and profits that rose or fell, a loss that narrowed or a slide into loss, earnings per
share that moved, and the look-alikes: another company's result, a forecaster's figure, a plan,
a loss that is no money.

Every text is hand-written, in the registers results are told in (a financial news sentence, a
wire headline, a quarterly letter, Slack chatter), and was written before the dev split was read
for this family."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity, SignificantEvent
from tests.unit.rules_read import MakeMessage, read

REVENUE = EventType.REVENUE_MILESTONE
POS, NEG = Polarity.POSITIVE, Polarity.NEGATIVE
OURS = ("Acme", "Acme Oyj")


def _read(make_message: MakeMessage, text: str) -> list[SignificantEvent]:
    return read(make_message, text, aliases=OURS)


RESULTS: list[tuple[str, Polarity]] = [
    # financial news sentences
    ("Acme's net sales rose 12% to EUR 48.2 mn in the third quarter.", POS),
    ("Operating profit fell to EUR 3.1 mn from EUR 5.4 mn a year earlier, Acme said.", NEG),
    ("Operating profit rose to EUR 13.1 mn from EUR 8.7 mn in the corresponding period.", POS),
    ("Acme reported a net loss of EUR 1.2 mn, compared with a profit of EUR 0.5 mn.", NEG),
    ("Comparable net sales decreased by 4% in the quarter.", NEG),
    ("Acme's turnover decreased to EUR 21.5 mn, compared to EUR 24.0 mn a year earlier.", NEG),
    # a loss that moved, a slide into loss
    ("The net loss narrowed to $2.1 million from $4.5 million.", POS),
    ("Acme's net loss for the period was EUR 0.9 mn, down from EUR 2.4 mn.", POS),
    ("our loss shrank to $40k this quarter from $110k", POS),
    ("Our net loss widened to $8.4 million in the quarter as we kept investing.", NEG),
    ("Acme slipped to an operating loss of EUR 2.6 mn in the second quarter.", NEG),
    # earnings per share
    ("Earnings per share were EUR 0.27, up from EUR 0.21.", POS),
    ("Diluted EPS fell to $0.12 from $0.31.", NEG),
    # headlines
    ("Acme profit jumps 20% on strong demand", POS),
    ("Acme posts strong first-half results", POS),
    ("Acme profit slumps as costs rise", NEG),
    ("Acme swings to loss in first quarter", NEG),
    ("Acme issues profit warning as orders slow", NEG),
    ("Acme lowers full-year sales outlook after weak second quarter", NEG),
    # against the forecast
    ("Acme's quarterly profit beats forecasts", POS),
    ("Acme results topped analysts' expectations", POS),
    ("Acme first-half profit halves", NEG),
    ("Acme half-year profit falls, beats forecasts", NEG),
    # a quarterly letter, chat
    ("Q3 letter: bookings grew 60% quarter over quarter to $4.2M.", POS),
    ("Big one: we swung to a profit in Q3 for the first time!", POS),
    ("We missed our Q2 revenue target by about 15%.", NEG),
]

SILENT = [
    # another company's result
    "Globex's net sales rose 12% to EUR 48.2 mn, the customer said.",
    "Globex, our largest customer, said its operating profit fell to EUR 3 mn.",
    "Globex profit jumps 20% on strong demand",
    "Nokia posted record quarterly revenue of EUR 7 billion.",
    "The net loss narrowed to $2.1 million from $4.5 million, Globex said.",
    "Calpine slipped to an operating loss of $26 million.",
    # a forecaster's figure, a plan, a hypothetical, old news
    "Analysts forecast that Acme's operating profit will fall to EUR 3 mn.",
    "Analysts expect Acme profit to jump",
    "Analysts expect Acme's profit to beat forecasts",
    "Globex profit beats forecasts",
    "We expect net sales to rise 10-15% next year.",
    "If revenue rises 20% we could hit breakeven next year.",
    "Back in 2019 our revenue rose 300%.",
    # the market, not the company; a loss that is no money
    "Acme shares rise 3% in early trade",
    "UK retail sales rise in March",
    "The net loss narrowed in the simulation after we tuned the learning rate.",
    "Packet loss fell to 0.1% after the router swap, down from 2%.",
]


@pytest.mark.parametrize(("text", "polarity"), RESULTS)
def test_a_result_said_as_change_is_read(make_message: MakeMessage, text: str,
                                         polarity: Polarity) -> None:
    events = _read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(REVENUE, polarity)], \
        [(e.event_type, e.polarity, e.title) for e in events]


def test_a_loss_narrowed_is_titled_with_its_figure(make_message: MakeMessage) -> None:
    events = _read(make_message, "The net loss narrowed to $2.1 million from $4.5 million.")
    assert [e.title for e in events] == ["Net loss narrowed to $2.1 million"]


def test_a_slide_into_loss_is_titled_with_its_figure(make_message: MakeMessage) -> None:
    events = _read(make_message,
                   "Acme slipped to an operating loss of EUR 2.6 mn in the second quarter.")
    assert [e.title for e in events] == ["Swung to an operating loss of EUR 2.6 mn"]


@pytest.mark.parametrize("text", SILENT)
def test_look_alikes_stay_silent(make_message: MakeMessage, text: str) -> None:
    events = _read(make_message, text)
    assert events == [], [(e.event_type, e.title) for e in events]
