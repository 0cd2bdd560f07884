"""The template composer writes only what stored events say."""

from __future__ import annotations

import re

from signalpipe.compose.template import TemplateComposer
from signalpipe.formatting import money
from signalpipe.models import EventType, Severity, SignificantEvent


def event(t: EventType, sev: Severity, title: str, **metrics: float | str) -> SignificantEvent:
    return SignificantEvent(company_id="scaleflow", event_type=t, severity=sev, title=title,
                            metrics=dict(metrics), source_message_ids=["m1"], evidence=title)


def test_highlights_ordered_by_severity_and_every_figure_grounded() -> None:
    events = [event(EventType.HIRING, Severity.LOW, "Hired Dana Wu as VP Sales"),
              event(EventType.FUNDING, Severity.HIGH, "Closed $12M Series A",
                    amount_usd=12_000_000, round="series a"),
              event(EventType.USER_GROWTH, Severity.MEDIUM, "Active users up 40%",
                    growth_pct=40, users=12_500)]
    email = TemplateComposer().compose(events, company_id="scaleflow")
    assert email.highlights[0] == "Closed $12M Series A"
    assert email.highlights[-1] == "Hired Dana Wu as VP Sales"
    assert email.subject == "Scaleflow update: Closed $12M Series A"
    allowed = {"12", "40", "12,500"}
    for figure in re.findall(r"\d[\d,.]*", email.body):
        assert figure.rstrip(".,") in allowed, f"{figure} is not from an event"
    assert email.metrics_summary["funding.amount_usd"] == "$12M"


def test_no_events_says_so_without_inventing() -> None:
    email = TemplateComposer().compose([], company_id="scaleflow")
    assert "no significant events" in email.subject
    assert not re.search(r"\d", email.body)


def test_money_formatting() -> None:
    assert (money(12_000_000), money(2_500_000_000), money(750_000), money(12)) == (
        "$12M", "$2.5B", "$750K", "$12")
