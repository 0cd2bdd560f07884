"""The grounded template composer: every fact and figure in the email comes from a stored event."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Self

from signalpipe.compose.base import Composer
from signalpipe.formatting import format_metric, rank
from signalpipe.models import EventType, InvestorEmail, SignificantEvent
from signalpipe.settings import Settings

_SECTION_TITLES = {
    EventType.FUNDING: "Funding", EventType.INVESTOR_INTEREST: "Investor interest",
    EventType.REVENUE_MILESTONE: "Revenue", EventType.ENTERPRISE_DEAL: "Enterprise deals",
    EventType.USER_GROWTH: "Growth", EventType.CUSTOMER_SUCCESS: "Customers",
    EventType.PARTNERSHIP: "Partnerships", EventType.PRODUCT_LAUNCH: "Product",
    EventType.TECHNICAL_ACHIEVEMENT: "Engineering", EventType.MARKET_EXPANSION: "Expansion",
    EventType.COMPLIANCE: "Compliance", EventType.HIRING: "Team",
    EventType.MEDIA_COVERAGE: "Press", EventType.OTHER: "Other",
}
_MAX_HIGHLIGHTS = 8


class TemplateComposer(Composer):
    """Writes the investor update from events only; it invents nothing."""

    name = "template"

    def __init__(self, *, sender_name: str | None = None) -> None:
        self.sender_name = sender_name

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        return cls()

    def compose(self, events: Sequence[SignificantEvent], *, company_id: str) -> InvestorEmail:
        company = company_id.replace("-", " ").replace("_", " ").title()
        if not events:
            return InvestorEmail(
                subject=f"{company} update: no significant events yet",
                body=(f"Hi,\n\nNo significant events were found in {company}'s recent "
                      "messages, so there is nothing new to report.\n\nBest,\nThe "
                      f"{company} team\n"),
                composer=self.name)
        ranked = rank(events)
        highlights = [e.title for e in ranked[:_MAX_HIGHLIGHTS]]
        metrics = self._metrics_summary(ranked)
        return InvestorEmail(subject=f"{company} update: {ranked[0].title}",
                             body=self._body(company, ranked, metrics), highlights=highlights,
                             metrics_summary=metrics, composer=self.name)

    @staticmethod
    def _metrics_summary(ranked: Sequence[SignificantEvent]) -> dict[str, str]:
        summary: dict[str, str] = {}
        for event in ranked:
            for name, value in event.metrics.items():
                key = f"{event.event_type.value}.{name}"
                summary.setdefault(key, format_metric(name, value).split(": ", 1)[1])
        return dict(list(summary.items())[:20])

    @staticmethod
    def _body(company: str, ranked: Sequence[SignificantEvent],
              metrics: dict[str, str]) -> str:
        lines = ["Hi,", "", f"Here is what happened at {company} since our last update.", ""]
        by_type: dict[EventType, list[SignificantEvent]] = {}
        for event in ranked[: _MAX_HIGHLIGHTS * 2]:
            by_type.setdefault(event.event_type, []).append(event)
        for event_type, group in by_type.items():
            lines.append(f"{_SECTION_TITLES[event_type]}:")
            for event in group:
                figures = ", ".join(format_metric(k, v) for k, v in event.metrics.items())
                detail = f" ({figures})" if figures else ""
                lines.append(f"- {event.title}{detail}")
            lines.append("")
        if len(ranked) > _MAX_HIGHLIGHTS * 2:
            lines += [f"Plus {len(ranked) - _MAX_HIGHLIGHTS * 2} smaller updates.", ""]
        lines += ["Happy to walk you through any of this.", "", "Best,", f"The {company} team"]
        return "\n".join(lines) + "\n"
