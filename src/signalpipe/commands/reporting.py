"""Shared by commands that end a run: compose the email and write the markdown report."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from signalpipe.backends import Backends, make_composer
from signalpipe.compose.doc import UpdateContext
from signalpipe.disclosure import redact_terms
from signalpipe.errors import SourceError
from signalpipe.kpis import event_date
from signalpipe.models import InvestorEmail, SignificantEvent
from signalpipe.periods import Period
from signalpipe.report.markdown import render
from signalpipe.report.page import render_page
from signalpipe.review import ReviewState
from signalpipe.reviewed import View, for_update, iter_reviewed, review_states, reviewed_kpis
from signalpipe.selection import Selection, select
from signalpipe.settings import Settings
from signalpipe.stats import RunStats

REPORT_NAME = "pipeline_results.md"
PAGE_NAME = "report.html"


def update_context(settings: Settings, backends: Backends, events: Sequence[SignificantEvent],
                   period: Period | None = None, *,
                   states: Mapping[str, ReviewState] | None = None,
                   **extra: Any) -> UpdateContext:
    """What the composer needs besides the events: the period, the ledger (as reviewed, for
    the investor: `reviewed.View.UPDATE`), the messages that date events whose timeline is no
    date, and a reader for the messages it cites."""
    rows = reviewed_kpis(backends.events, settings.company_id, settings, View.UPDATE,
                         states=states)
    undated = sorted({e.source_message_ids[0] for e in events if event_date(e) is None})
    messages = {m.id: m for m in backends.messages.get_many(undated)} if undated else {}
    return UpdateContext(period=period or Period(), kpi_rows=rows, messages=messages,
                         fetch=backends.messages.get_many, settings=settings.update, **extra)


def compose_email(settings: Settings, backends: Backends,
                  events: Sequence[SignificantEvent] | None = None, *,
                  states: Mapping[str, ReviewState] | None = None) -> InvestorEmail:
    """The investor email from `events` (already as `View.UPDATE` shows them), or from every
    stored event as that view shows it."""
    states = review_states(backends.events, settings.company_id) if states is None else states
    if events is None:
        events = select(iter_reviewed(backends.events, settings.company_id, settings,
                                      View.UPDATE, states=states)).events
    composer = make_composer(settings)
    try:
        return composer.compose(events, company_id=settings.company_id,
                                context=update_context(settings, backends, events,
                                                       states=states))
    finally:
        composer.close()


def report_events(settings: Settings, backends: Backends) -> Selection:
    """The events the report and the email show, read once, bounded (see `selection`), as the
    report shows them (`View.REPORT`: reviewed, confidential ones redacted)."""
    return select(iter_reviewed(backends.events, settings.company_id, settings, View.REPORT))


def write_report(settings: Settings, backends: Backends, stats: RunStats | None,
                 email: InvestorEmail | None = None,
                 selection: Selection | None = None) -> Path:
    """pipeline_results.md and report.html, from one bounded read of the events shared by the
    email and both pages (every event in memory at once is what grew with a run's size)."""
    chosen = selection or report_events(settings, backends)
    events = chosen.events
    states = review_states(backends.events, settings.company_id)
    email = email or compose_email(settings, backends, for_update(events, states, settings),
                                   states=states)
    text = render(stats=stats, events=events, dead_letters=backends.messages.dead_letters(),
                  usage=backends.events.iter_usage(), email=email,
                  company_id=settings.company_shown, stack=settings.stack, total=chosen.total,
                  by_type=chosen.by_type)
    path = settings.output_dir / REPORT_NAME
    write_output(path, redact_terms(text, settings.update.redact))
    page_path = settings.output_dir / PAGE_NAME
    if stats is not None or not page_path.exists():
        # The page is the run's: `email` (no run statistics) does not replace its funnel.
        page = render_page(company_id=settings.company_shown, stats=stats, events=events,
                           total=chosen.total,
                           letters=backends.messages.dead_letters(),
                           kpi_rows=reviewed_kpis(backends.events, settings.company_id,
                                                  settings, View.REPORT, states=states))
        write_output(page_path, redact_terms(page, settings.update.redact))
    return path


def write_output(path: Path, text: str) -> None:
    """Write a report file, never through a symlink planted where it goes (refused), never into
    a FIFO or device (refused), and never leaving a half-written file (temp file, then rename)."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise SourceError(f"cannot write {path}: {exc.strerror}") from None
    if mode is not None and stat.S_ISLNK(mode):
        raise SourceError(f"{path} is a symbolic link: refusing to write through it "
                          "(remove it, or choose another --output-dir)")
    if mode is not None and not stat.S_ISREG(mode):
        raise SourceError(f"{path} exists and is not a regular file: refusing to replace it")
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(temp, flags, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise SourceError(f"cannot write {path}: {exc.strerror}") from None
