"""The Markdown run report reads as a founder needs it: lowlights marked, metrics in words."""

from __future__ import annotations

from signalpipe.models import EventType, InvestorEmail, Polarity, Severity, SignificantEvent
from signalpipe.report.markdown import render


def _event(title: str, polarity: Polarity, **metrics: float | str) -> SignificantEvent:
    return SignificantEvent(company_id="acme", event_type=EventType.REVENUE_MILESTONE,
                            severity=Severity.HIGH, title=title, metrics=dict(metrics),
                            source_message_ids=["m1"], polarity=polarity)


def test_lowlights_are_marked_and_metrics_read_as_words() -> None:
    events = [_event("Revenue dropped 10% to $84k", Polarity.NEGATIVE, figure_usd=84_000),
              _event("ARR reached $3.2M", Polarity.POSITIVE, arr_usd=3_200_000)]
    text = render(stats=None, events=events, dead_letters=[], usage=[],
                  email=InvestorEmail(subject="s", body="b"), company_id="acme",
                  stack="embedded")
    rows = [r for r in text.splitlines() if r.startswith("| high")]
    assert any("Revenue milestone (lowlight) | Revenue dropped" in r for r in rows)
    assert any("| Revenue milestone | ARR reached $3.2M | ARR: $3.2M |" in r for r in rows)


def test_event_counts_read_in_the_singular_and_the_plural() -> None:
    def count_line(events: list[SignificantEvent]) -> str:
        text = render(stats=None, events=events, dead_letters=[], usage=[],
                      email=InvestorEmail(subject="s", body="b"), company_id="acme",
                      stack="embedded")
        lines = text.splitlines()
        return lines[lines.index("## Events") + 2]

    one = _event("ARR reached $3.2M", Polarity.POSITIVE, arr_usd=3_200_000)
    assert count_line([one]) == "1 event."
    assert count_line([one, _event("Revenue dropped 10%", Polarity.NEGATIVE)]) == "2 events."
