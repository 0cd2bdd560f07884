"""The grounded template composer: every fact and figure in the email comes from a stored event,
the KPI ledger or the founder's settings (see `compose.doc`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Self

from signalpipe.compose.base import Composer
from signalpipe.compose.doc import UpdateContext, UpdateDoc, build
from signalpipe.compose.markdown import body
from signalpipe.kpis import show
from signalpipe.models import InvestorEmail, SignificantEvent
from signalpipe.settings import Settings


def email_from(doc: UpdateDoc, composer: str, text: str | None = None) -> InvestorEmail:
    highlights = [i.text for sec in doc.sections for i in sec.items][:8]
    metrics = {line.label: show(line.unit, line.now.value) for line, _ in doc.kpis}
    return InvestorEmail(subject=doc.subject, body=text if text is not None else body(doc),
                         highlights=highlights, metrics_summary=metrics, composer=composer,
                         notes=list(doc.notes))


class TemplateComposer(Composer):
    """Writes the investor update from events, the ledger and settings only; it invents nothing."""

    name = "template"

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        return cls()

    def compose(self, events: Sequence[SignificantEvent], *, company_id: str,
                context: UpdateContext | None = None) -> InvestorEmail:
        return email_from(build(events, company_id=company_id, context=context), self.name)
