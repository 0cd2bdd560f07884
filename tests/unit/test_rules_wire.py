"""The rules extractor on whole press releases, as wires (Business Wire, GlobeNewswire, PR
Newswire), a startup's own newsroom and a founder's post restating a release write them: the
headline above the body, the dateline, quotes and the boilerplate below. Every text here is
hand-written, beside look-alikes that name a partnership, a round or a launch without being one."""

from __future__ import annotations

from signalpipe.models import EventType, Source
from tests.unit.rules_read import MakeMessage, read

T = EventType


def test_a_headline_is_judged_above_its_body_not_against_the_body_s_first_line(
        make_message: MakeMessage) -> None:
    # the vetoes that look at "the line" or "the start of the text" once read the body's first
    # characters at the headline's offsets: a body opening on a PR number vetoed the headline
    events = read(make_message, "PR #4521 is merged too, so the signup fix ships tonight.",
                  subject="We signed Globex to a 3-year contract", source=Source.GMAIL)
    assert [(e.event_type, e.title) for e in events] == [(T.ENTERPRISE_DEAL, "Signed Globex")]
    # a headline that is itself a pull-request line is still one
    events = read(make_message, "Thanks all for the reviews.",
                  subject="PR #4521: we signed Globex to a 3-year contract", source=Source.GMAIL)
    assert events == []


NOT_EVENTS = [
    # a firm named Partners, or a release's defined term for a limited partnership
    "Hess Infrastructure Partners LP Announces Closing of Acquisition of Hess Corporation's "
    "Water Business",
    "Acme Midstream Partners LP (the \u201cPartnership\u201d) today reported its results.",
    "The Partnership has provided Globex a right of first offer on the terminal.",
    "Blue Harbor Partners Announces Final Close of Its Latest Vehicle",
    # a firm led by its principal or its founder: no round
    "NEW YORK--(BUSINESS WIRE)--Glenwood Capital Management, LLC, a New York-based real estate "
    "investment firm led by Managing Principal Laura Kim, today announced a new site.",
    "Initech, a design studio led by its founder Mara Diaz, opened a second office.",
    "Acme is an investment platform led by CEO Jane Roe and a team of former bankers.",
    # data, a survey, a report or a book released: no product
    "SAN FRANCISCO, Oct. 1, 2025 (GLOBE NEWSWIRE) -- Acme, the leader in Code Search, today "
    "released new data identifying the rise of Big Code.",
    "Acme today published its annual State of Observability survey of 1,200 engineers.",
    "Just in time for Take Your Kids to Work Day, the book introduces children to software.",
    "Acme Unveils 2025 Developer Productivity Report: 78% of Teams Ship Weekly",
    "We just released our first-ever study on how teams use feature flags.",
]


def test_release_look_alikes_state_no_event(make_message: MakeMessage) -> None:
    for text in NOT_EVENTS:
        assert read(make_message, text, source=Source.GMAIL) == [], text


FOUND = [
    # a company acquired by a firm named Partners: the acquisition, no partnership
    ("NEW YORK, May 4, 2025 (GLOBE NEWSWIRE) -- Acme today announced that it has been acquired "
     "by affiliates of Northgate Capital Partners, L.P. for $12.50 per share in cash.", T.OTHER),
    # partnerships and rounds still read beside the look-alikes
    ("Acme partners with Globex Partners LP to finance rooftop solar.", T.PARTNERSHIP),
    ("Acme and Initech announce strategic partnership to bring payroll to Europe.",
     T.PARTNERSHIP),
    ("Acme raises $12M Series A led by Managing Partner Jane Roe of Northgate Ventures.",
     T.FUNDING),
    ("Acme closed its seed round, led by founder-friendly fund Precursor.", T.FUNDING),
    # a product launched beside the paper words
    ("Acme today released Report Builder, a new dashboard for finance teams.",
     T.PRODUCT_LAUNCH),
    ("Acme launches Insights, its new analytics product, generally available today.",
     T.PRODUCT_LAUNCH),
]


def test_release_events_beside_the_look_alikes_are_read(make_message: MakeMessage) -> None:
    for text, kind in FOUND:
        events = read(make_message, text, source=Source.GMAIL)
        assert [e.event_type for e in events] == [kind], text
