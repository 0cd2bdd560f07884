"""The draft update of a period as the review left it: rejected events gone, merges joined,
edits in place, confidential events left out, and, with `update.require_review`, only approved
events. Rendered by the update's own renderers (Markdown, HTML, plain text, .eml), so what the
founder previews is what `signalpipe email` writes and sends.

The template composer writes it: offline, grounded, and free to regenerate on every page view
(an LLM draft would cost a call per reload).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage

from signalpipe.compose import html, markdown
from signalpipe.compose.doc import UpdateContext, UpdateDoc, build, recipient
from signalpipe.compose.eml import build_message
from signalpipe.disclosure import redact_terms
from signalpipe.history import UpdateRecord, state
from signalpipe.kpis import event_date
from signalpipe.models import SignificantEvent
from signalpipe.periods import Period
from signalpipe.review import is_confidential
from signalpipe.reviewed import (
    View,
    confidential_count,
    iter_reviewed,
    review_states,
    reviewed_kpis,
)
from signalpipe.selection import select
from signalpipe.serve.desk import Desk

PAGE = 1000
"""Events read per page: SQLite's `iter_events` sorts the company's events for every page, so
fewer, larger pages cost less (10,000 events: 0.55 s at 1000 a page, 0.9 s at 200)."""


@dataclass
class Draft:
    doc: UpdateDoc
    markdown: str
    html: str
    text: str
    message: EmailMessage
    events_in: int
    """Events the draft was built from (after review)."""
    held_back: int
    """Events left out because they are not approved yet (with `update.require_review`)."""
    confidential: int
    """Events left out because a reviewer marked them confidential."""


def build_draft(desk: Desk, period: Period) -> Draft:
    """The update `signalpipe email` would write for `period` now (`reviewed.View.UPDATE`)."""
    store, company, settings = desk.events, desk.company, desk.settings
    states = review_states(store, company)

    def keep(event: SignificantEvent) -> bool:
        day = event_date(event)
        return day is None or period.holds(day)  # undated: `build` dates it, then decides

    chosen = select(iter_reviewed(store, company, settings, View.UPDATE, page=PAGE,
                                  states=states),
                    keep=keep)
    held = 0
    if settings.update.require_review:
        everyone = select(iter_reviewed(store, company, settings, View.REVIEW, page=PAGE,
                                        states=states),
                          keep=lambda e: keep(e) and not is_confidential(e, states))
        held = everyone.total - chosen.total
    # an undated event is dated by its first message, as `signalpipe email` dates it: without
    # the message, a period's preview left out what the emailed update holds
    undated = sorted({e.source_message_ids[0] for e in chosen.events if event_date(e) is None})
    messages = {m.id: m for m in desk.messages.get_many(undated)} if undated else {}
    ctx = UpdateContext(period=period, fetch=desk.messages.get_many, settings=settings.update,
                        messages=messages,
                        kpi_rows=reviewed_kpis(store, company, settings, View.UPDATE,
                                               states=states),
                        to=settings.update.to[0] if settings.update.to else None)
    doc = build(chosen.events, company_id=company, context=ctx)
    terms = settings.update.redact
    md = redact_terms(markdown.document(doc), terms)
    days = {mid: m.timestamp.date() for mid, m in messages.items()}
    dated = [(e, d) for e in doc.events if (d := event_date(e, days)) is not None]
    page = redact_terms(html.page(doc, dated), terms)
    text = redact_terms(markdown.plain(doc), terms)
    message = build_message(subject=redact_terms(doc.subject, terms), text=text, html=page,
                            settings=settings.update, to=list(settings.update.to),
                            company=doc.company)
    return Draft(doc=doc, markdown=md, html=page, text=text, message=message,
                 events_in=len(doc.events), held_back=max(held, 0),
                 confidential=confidential_count(store, company, states))


def record_sent(desk: Desk, draft: Draft, recipients: Sequence[str]) -> None:
    """Remember the update as `signalpipe email --send` does, so the next one covers what is
    new since (its end is the period's, else the latest day it reported)."""
    doc = draft.doc
    days = [d for e in doc.events if (d := event_date(e)) is not None]
    days += [line.now.observed_on for line, _ in doc.kpis]
    until = doc.period.until or max(days, default=None)
    desk.events.record_update(UpdateRecord(
        company_id=desk.company, kind="update", since=doc.period.since, until=until,
        created_at=datetime.now(UTC), events={e.fingerprint: state(e) for e in doc.events},
        kpis={line.metric: line.now.value for line, _ in doc.kpis},
        recipients=[recipient(r)[1] for r in recipients]))
