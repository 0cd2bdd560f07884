"""Writes the investor email's files (Markdown, HTML, .eml), sends it when asked and records
it in the updates table; redaction applies to every file and to stdout."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from signalpipe.backends import make_composer, open_backends
from signalpipe.commands.reporting import update_context, write_output, write_report
from signalpipe.compose import html, markdown
from signalpipe.compose.doc import build, recipient
from signalpipe.compose.eml import build_message, send
from signalpipe.disclosure import redact_terms
from signalpipe.formatting import counted
from signalpipe.history import UpdateRecord, reported, state
from signalpipe.kpis import event_date
from signalpipe.models import SignificantEvent
from signalpipe.periods import Period
from signalpipe.review import ReviewState, ReviewStatus
from signalpipe.reviewed import View, confidential_count, iter_reviewed, review_states
from signalpipe.selection import select
from signalpipe.settings import Settings
from signalpipe.stores.base import EventStore

NAMES = ("investor_update.md", "investor_update.html", "investor_update.eml")


@dataclass
class Written:
    markdown: str
    paths: list[Path]
    notes: list[str] = field(default_factory=list)
    sent_to: list[str] = field(default_factory=list)
    parked: int = 0


def write_update(settings: Settings, span: Period, *, explicit: bool, kind: str, to: list[str],
                 asks: list[str], times: list[str], composer: str | None, deliver: bool,
                 record: bool) -> Written:
    backends = open_backends(settings)
    try:
        company = settings.company_id
        history = [h for h in backends.events.updates(company) if h.kind == kind]
        seen: dict[str, set[str]] = {}
        if not explicit and history and kind == "update":
            # The next update covers what is new since the last one, or changed since.
            seen = reported(history)
            last = history[-1].until
            if last is not None:
                span = Period(last + timedelta(days=1), None)

        def keep(event: SignificantEvent) -> bool:
            if state(event) in seen.get(event.fingerprint, ()):
                return False
            day = event_date(event)
            return day is None or span.holds(day)  # undated: `build` dates it, then decides

        # Reviewed (`reviewed.View.UPDATE`): nothing rejected or confidential, edits in place,
        # approved events only under `update.require_review`.
        states = review_states(backends.events, company)
        events = select(iter_reviewed(backends.events, company, settings, View.UPDATE,
                                      states=states), keep=keep).events
        recipients = to or list(settings.update.to)
        ctx = update_context(settings, backends, events, span, states=states, kind=kind,
                             to=recipients[0] if recipients else None, asks=asks,
                             call_times=times)
        doc = build(events, company_id=company, context=ctx)
        writer = make_composer(settings, composer)
        try:
            email = writer.compose(events, company_id=company, context=ctx)
        finally:
            writer.close()
        template = email.composer == "template"
        terms = settings.update.redact
        subject = redact_terms(email.subject, terms)
        # The LLM writes the prose and keeps the [^n] marks; the sources are the update's own.
        md = redact_terms(markdown.document(doc) if template else
                          f"# {email.subject}\n\n{email.body.rstrip()}\n"
                          + markdown.footnotes(doc), terms)
        days = {m: v.timestamp.date() for m, v in ctx.messages.items()}
        dated = [(e, d) for e in doc.events if (d := event_date(e, days)) is not None]
        page = redact_terms(html.page(doc, dated, None if template else email.body), terms)
        text = redact_terms(markdown.plain(doc) if template else
                            email.body.rstrip() + "\n" + markdown.footnotes(doc), terms)
        out = settings.output_dir
        message = build_message(subject=subject, text=text, html=page,
                                settings=settings.update, to=recipients, company=doc.company)
        paths = [out / n for n in NAMES]
        for path, content in zip(paths, (md, page, message.as_string()), strict=True):
            write_output(path, content)
        sent: list[str] = []
        if deliver:
            sent = send(message, settings.update.smtp)
        if record:
            # What the update covered ends with the latest day it reported, never before the
            # end of the previous one (an empty update must not move the next one back).
            floor = [span.since - timedelta(days=1)] if span.since else []
            until = span.until or max([d for _, d in dated] + [
                r.observed_on for r in ctx.kpi_rows] + floor, default=None)
            backends.events.record_update(UpdateRecord(
                company_id=company, kind=kind, since=span.since, until=until,
                created_at=datetime.now(UTC), events={e.fingerprint: state(e) for e in doc.events},
                kpis={line.metric: line.now.value for line, _ in doc.kpis},
                recipients=[recipient(r)[1] for r in sent]))
        write_report(settings, backends, None, email)
        parked = len(backends.events.parked())
        notes = list(email.notes) + _review_notes(settings, backends.events, company, states)
        if not doc.events and kind == "update":
            notes += _empty_notes(settings, backends.events, company, states, span, seen)
    finally:
        backends.close()
    return Written(markdown=md, paths=paths, notes=notes, sent_to=sent, parked=parked)


def _empty_notes(settings: Settings, store: EventStore, company: str,
                 states: Mapping[str, ReviewState], span: Period,
                 seen: Mapping[str, set[str]]) -> list[str]:
    """Why an update came out empty, and which period would not be: a founder who ran
    `generate` and then `email --period last-month` should not have to guess."""
    stored = list(iter_reviewed(store, company, settings, View.UPDATE, states=states))
    days = sorted(d for e in stored if (d := event_date(e)) is not None)
    if not days:
        return [] if stored else ["no events are stored for this company yet: run "
                                  "`signalpipe run --input PATH` first"]
    if seen and all(state(e) in seen.get(e.fingerprint, ()) for e in stored):
        return [f"every stored event was in an earlier update; --period "
                f"{days[-1]:%Y-%m} writes that month's again"]
    first, last = days[0], days[-1]
    where = f"on {last}" if first == last else f"from {first} to {last}"
    return [f"no events fall in {span.label}; the stored events are dated {where} "
            f"(try --period {last:%Y-%m})"]


def _review_notes(settings: Settings, store: EventStore, company: str,
                  states: Mapping[str, ReviewState]) -> list[str]:
    """What the review log kept out of this update, said where the founder sees it."""
    notes = []
    hidden = confidential_count(store, company, states)
    if hidden:
        notes.append(f"{counted(hidden, 'confidential event')} left out of this update"
                     " (signalpipe review public FINGERPRINT to include one)")
    if settings.update.require_review:
        approved = sum(1 for fp, s in states.items()
                       if not fp.startswith("kpi:") and s.status is ReviewStatus.APPROVED)
        notes.append(f"update.require_review is on: written from the "
                     f"{counted(approved, 'approved event')} only")
    return notes

