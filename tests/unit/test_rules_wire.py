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
