"""Checks that every figure in an email comes from the events it was written from."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from signalpipe.figures import Amount, number_in, parse_amounts
from signalpipe.models import InvestorEmail, SignificantEvent


def event_figures(events: Iterable[SignificantEvent]) -> list[Amount]:
    """Every figure the events state: metric values and numbers in their text fields."""
    figures: list[Amount] = []
    for event in events:
        for value in event.metrics.values():
            if isinstance(value, bool):
                continue
            if isinstance(value, int | float):
                figures.append(Amount(value=float(value), raw=float(value)))
            else:
                figures += parse_amounts(value)
        for text in (event.title, event.description, event.evidence, event.timeline or ""):
            figures += parse_amounts(text)
    return figures


def email_text(email: InvestorEmail) -> str:
    """All the prose of an email that a reader sees."""
    parts = [email.subject, email.body, *email.highlights]
    parts += [f"{name}: {value}" for name, value in email.metrics_summary.items()]
    return "\n".join(parts)


def ungrounded_figures(email: InvestorEmail, events: Sequence[SignificantEvent],
                       also: str = "") -> list[str]:
    """Figures written in the email that no event states, as written ("$500M", "40%").

    `also` is text whose figures count as known (the update's own KPI table and settings).
    Bare small counts and years are not checked: "3 new customers" counts events, "2024" dates
    them, and neither can mislead an investor about the business the way a made-up amount can.
    """
    known = event_figures(events) + parse_amounts(also)
    text = email_text(email)
    missing = []
    for figure in parse_amounts(text):
        if not figure.is_trivial and not number_in(figure.value, known):
            missing.append(_written(figure))
    return list(dict.fromkeys(missing))


def _written(figure: Amount) -> str:
    value = f"{figure.value:,.0f}" if figure.value.is_integer() else f"{figure.value:g}"
    return f"{value}%" if figure.percent else value
