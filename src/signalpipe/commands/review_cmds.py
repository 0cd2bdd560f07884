"""`review list|approve|reject|edit|merge|confidential|public|reopen|conflicts|pick`: review
decisions from the command line (issue 14), the same log the review app writes.

Every decision is appended to the event store's review log (`review.ReviewLedger`); nothing
here touches the event rows, so the next extraction or replay cannot undo it. Events are named
by the first characters of their fingerprint, as `signalpipe review list` shows them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from signalpipe.cli import ConfigOpt as Config
from signalpipe.cli import OutputDir, StackOpt, app, cli_errors, require_store, settings_for
from signalpipe.errors import ReviewError
from signalpipe.inert import one_line, terminal
from signalpipe.kpis import show
from signalpipe.models import SignificantEvent, source_id_of
from signalpipe.review import ReviewAction, ReviewDecision, ReviewState
from signalpipe.review_labels import review_label, review_record
from signalpipe.review_target import edited, metrics_text, parse_metrics, resolve
from signalpipe.settings import Settings
from signalpipe.stores.base import EventStore

review_app = typer.Typer(help="Review events before they go out: approve, reject, edit, merge, "
                              "hide. Decisions outlive every re-run and replay.",
                         no_args_is_help=True)
app.add_typer(review_app, name="review")

Event = Annotated[str, typer.Argument(help="The first characters of the event's fingerprint "
                                           "(`signalpipe review list`).")]
Reviewer = Annotated[str, typer.Option("--by", help="Who decided (kept in the log).")]
Reason = Annotated[str, typer.Option("--reason", help="Why (kept in the log).")]


class Status(StrEnum):
    all = "all"
    pending = "pending"
    approved = "approved"
    rejected = "rejected"
    merged = "merged"


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def _open(output_dir: OutputDir, stack: StackOpt, config: Config) -> tuple[Settings,
                                                                             EventStore]:
    settings = settings_for(output_dir=output_dir, stack=stack, config=config)
    require_store(settings)
    from signalpipe.backends import open_event_store

    return settings, open_event_store(settings)


def _decide(output_dir: OutputDir, stack: StackOpt, config: Config, prefix: str,
            make: Callable[[SignificantEvent, ReviewState | None, list[SignificantEvent]],
                           ReviewDecision]) -> tuple[SignificantEvent, ReviewDecision]:
    """Find the event, build the decision from it and its current state, record it."""
    from signalpipe.reviewed import review_states

    settings, store = _open(output_dir, stack, config)
    try:
        events = store.list_events(settings.company_id)
        event = resolve(prefix, events)
        states = review_states(store, settings.company_id)
        decision = make(event, states.get(event.fingerprint), events)
        store.record_review(decision)
    finally:
        store.close()
    return event, decision


def _simple(action: ReviewAction, by: str, reason: str = "") -> Callable[
        [SignificantEvent, ReviewState | None, list[SignificantEvent]], ReviewDecision]:
    def make(event: SignificantEvent, _s: ReviewState | None,
             _all: list[SignificantEvent]) -> ReviewDecision:
        return ReviewDecision(company_id=event.company_id, fingerprint=event.fingerprint,
                              action=action, at=time.time(), reviewer=by, reason=reason)
    return make


def _said(verb: str, event: SignificantEvent, extra: str = "") -> None:
    typer.echo(terminal(f"{verb} {event.fingerprint[:12]} \"{one_line(event.title)}\"{extra}"))


@review_app.command("list")
@cli_errors
def list_events(output_dir: OutputDir = None, stack: StackOpt = None, config: Config = None,
                status: Annotated[Status, typer.Option("--status", help="Only events in this "
                                                       "state.")] = Status.all,
                fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="table or json "
                                                        "(one object per line).")]
                = ListFormat.table) -> None:
    """Every stored event with its review state, rejected and merged ones included (so they
    can be reopened), edits shown in place of what was extracted.

    Example: signalpipe review list --status pending
    """
    from signalpipe.formatting import counted, rank
    from signalpipe.kpis import event_date
    from signalpipe.reviewed import review_states

    settings, store = _open(output_dir, stack, config)
    try:
        events = rank(store.list_events(settings.company_id))
        states = review_states(store, settings.company_id)
    finally:
        store.close()
    rows = []
    for e in events:
        s = states.get(e.fingerprint)
        if status is not Status.all and (s.status.value if s else "pending") != status.value:
            continue
        title = s.title if s and s.title is not None else e.title
        metrics = s.metrics if s and s.metrics is not None else e.metrics
        rows.append((e, title, metrics, s))
    if fmt is ListFormat.json:
        for e, title, metrics, s in rows:
            day = event_date(e)
            typer.echo(json.dumps({"fingerprint": e.fingerprint, "date": day and day.isoformat(),
                                   "type": e.event_type.value, "title": title,
                                   "extracted_title": e.title, "metrics": metrics,
                                   "extracted_metrics": e.metrics,
                                   "review": review_record(s)}, ensure_ascii=False))
        return
    typer.echo(terminal(f"{counted(len(rows), 'event')} for {one_line(settings.company_shown)}"))
    for e, title, metrics, s in rows:
        day = event_date(e)
        typer.echo(terminal(f"{e.fingerprint[:12]}  {day.isoformat() if day else '          '}"
                            f"  {one_line(title)[:70]}  [{review_label(s)}]"))
        if metrics:
            typer.echo(terminal(f"{'':14}{metrics_text(metrics)}"))


@review_app.command()
@cli_errors
def approve(event: Event, output_dir: OutputDir = None, stack: StackOpt = None,
            config: Config = None, by: Reviewer = "cli", reason: Reason = "") -> None:
    """Approve an event: with update.require_review on, only approved events reach the update.

    Example: signalpipe review approve 3fa2c1
    """
    found, _ = _decide(output_dir, stack, config, event, _simple(ReviewAction.APPROVE, by,
                                                                 reason))
    _said("Approved", found)


@review_app.command()
@cli_errors
def reject(event: Event,
           reason: Annotated[str, typer.Option("--reason", help="Why it is wrong (required; "
                                               "kept in the log).")],
           output_dir: OutputDir = None, stack: StackOpt = None, config: Config = None,
           by: Reviewer = "cli") -> None:
    """Reject an event: it leaves the listing, the KPIs, the report, alerts and the update, and
    no re-run or replay brings it back (`reopen` does).

    Example: signalpipe review reject 3fa2c1 --reason "a forecast, not a fact"
    """
    if not reason.strip():
        raise ReviewError("--reason must say why the event is rejected")
    found, _ = _decide(output_dir, stack, config, event, _simple(ReviewAction.REJECT, by,
                                                                 reason.strip()))
    _said("Rejected", found, f" ({one_line(reason)})")


@review_app.command()
@cli_errors
def edit(event: Event, output_dir: OutputDir = None, stack: StackOpt = None,
         config: Config = None, by: Reviewer = "cli",
         title: Annotated[str | None, typer.Option("--title", help="The new title.")] = None,
         metric: Annotated[list[str] | None, typer.Option(
             "--metric", help="key=value (repeatable); key= removes the metric.")] = None,
         reason: Reason = "") -> None:
    """Correct an event's title or figures. The edit is kept beside the extracted values (the
    log keeps both, with the time) and stands over every later extraction of the event.

    Example: signalpipe review edit 3fa2c1 --metric arr_usd=2400000 --title "ARR passed $2.4M"
    """
    changes = parse_metrics(metric or [])
    if title is None and not changes:
        raise ReviewError("nothing to edit: give --title or --metric key=value")
    if title is not None and not 1 <= len(title.strip()) <= 300:
        raise ReviewError("--title must be 1 to 300 characters")

    def make(e: SignificantEvent, s: ReviewState | None,
             _all: list[SignificantEvent]) -> ReviewDecision:
        current = s.metrics if s and s.metrics is not None else e.metrics
        return ReviewDecision(company_id=e.company_id, fingerprint=e.fingerprint,
                              action=ReviewAction.EDIT, at=time.time(), reviewer=by,
                              reason=reason, title=title.strip() if title else None,
                              metrics=edited(current, changes) if changes else None)

    found, decision = _decide(output_dir, stack, config, event, make)
    now = f" now \"{one_line(decision.title)}\"" if decision.title else ""
    figures = f"; {metrics_text(decision.metrics)}" if decision.metrics else ""
    _said("Edited", found, now + figures)


@review_app.command()
@cli_errors
def merge(event: Event,
          into: Annotated[str, typer.Option("--into", help="The event it is the same as "
                                            "(fingerprint prefix).")],
          output_dir: OutputDir = None, stack: StackOpt = None, config: Config = None,
          by: Reviewer = "cli", reason: Reason = "") -> None:
    """Merge an event into another that reports the same thing: its sources join that event,
    and it is no longer listed on its own.

    Example: signalpipe review merge 3fa2c1 --into 9b07e4
    """
    def make(e: SignificantEvent, _s: ReviewState | None,
             events: list[SignificantEvent]) -> ReviewDecision:
        target = resolve(into, events)
        if target.fingerprint == e.fingerprint:
            raise ReviewError("an event cannot be merged into itself")
        return ReviewDecision(company_id=e.company_id, fingerprint=e.fingerprint,
                              action=ReviewAction.MERGE, at=time.time(), reviewer=by,
                              reason=reason, into=target.fingerprint)

    found, decision = _decide(output_dir, stack, config, event, make)
    _said("Merged", found, f" into {(decision.into or '')[:12]}")


@review_app.command()
@cli_errors
def confidential(event: Event, output_dir: OutputDir = None, stack: StackOpt = None,
                 config: Config = None, by: Reviewer = "cli", reason: Reason = "") -> None:
    """Keep an event private: left out of the update, outreach and alerts, shown as
    "[confidential]" in the report (`public` undoes it).

    Example: signalpipe review confidential 3fa2c1
    """
    found, _ = _decide(output_dir, stack, config, event,
                       _simple(ReviewAction.CONFIDENTIAL, by, reason))
    _said("Marked confidential:", found)


@review_app.command()
@cli_errors
def public(event: Event, output_dir: OutputDir = None, stack: StackOpt = None,
           config: Config = None, by: Reviewer = "cli", reason: Reason = "") -> None:
    """Undo `confidential`.

    Example: signalpipe review public 3fa2c1
    """
    found, _ = _decide(output_dir, stack, config, event,
                       _simple(ReviewAction.PUBLIC, by, reason))
    _said("No longer confidential:", found)


@review_app.command()
@cli_errors
def reopen(event: Event, output_dir: OutputDir = None, stack: StackOpt = None,
           config: Config = None, by: Reviewer = "cli", reason: Reason = "") -> None:
    """Back to pending: undoes an approval, a rejection or a merge (edits stay).

    Example: signalpipe review reopen 3fa2c1
    """
    found, _ = _decide(output_dir, stack, config, event,
                       _simple(ReviewAction.REOPEN, by, reason))
    _said("Reopened", found)


@review_app.command()
@cli_errors
def conflicts(output_dir: OutputDir = None, stack: StackOpt = None,
              config: Config = None) -> None:
    """KPIs stated with different figures on the same day, each with its sources, and the
    figure picked for it if one was (`signalpipe review pick`).

    Example: signalpipe review conflicts
    """
    from signalpipe.reviewed import kpi_conflicts

    settings, store = _open(output_dir, stack, config)
    try:
        found = kpi_conflicts(store, settings.company_id, settings)
    finally:
        store.close()
    if not found:
        typer.echo("No KPI conflicts.")
    for c in found:
        typer.echo(terminal(f"{c.label} on {c.day.isoformat()}:"))
        for o in c.options:
            mark = "  (picked)" if c.picked == o.value else ""
            typer.echo(terminal(f"  {show(o.unit, o.value)}  from "
                                f"{', '.join(source_id_of(i) for i in o.source_message_ids[:5])}"
                                f"{mark}"))
        typer.echo(terminal(f"  pick one: signalpipe review pick {c.metric} "
                            f"{c.day.isoformat()} VALUE"))


@review_app.command()
@cli_errors
def pick(metric: Annotated[str, typer.Argument(help="The KPI (arr, users, ...).")],
         day: Annotated[str, typer.Argument(help="The day of the conflict (YYYY-MM-DD).")],
         value: Annotated[float, typer.Argument(help="The right figure, one of those stated.")],
         output_dir: OutputDir = None, stack: StackOpt = None, config: Config = None,
         by: Reviewer = "cli", reason: Reason = "") -> None:
    """Settle a KPI conflict: that day keeps only the picked figure (`reopen` is not needed:
    pick again to change it).

    Example: signalpipe review pick arr 2026-03-01 2400000
    """
    from signalpipe.review_kpis import kpi_fingerprint
    from signalpipe.reviewed import kpi_conflicts

    try:
        when = date.fromisoformat(day)
    except ValueError:
        raise ReviewError(f"{one_line(day)!r} is not a day (YYYY-MM-DD)") from None
    settings, store = _open(output_dir, stack, config)
    try:
        found = {(c.metric, c.day): c for c in kpi_conflicts(store, settings.company_id,
                                                             settings)}
        conflict = found.get((metric, when))
        if conflict is None:
            raise ReviewError(f"no {one_line(metric)} conflict on {when.isoformat()} "
                              "(`signalpipe review conflicts` lists them)")
        if all(o.value != value for o in conflict.options):
            stated = ", ".join(f"{o.value:g}" for o in conflict.options)
            raise ReviewError(f"{value:g} is not one of the figures stated that day ({stated})")
        store.record_review(ReviewDecision(
            company_id=settings.company_id, fingerprint=kpi_fingerprint(metric, when),
            action=ReviewAction.PICK_KPI, at=time.time(), reviewer=by, reason=reason,
            metrics={"value": value}))
    finally:
        store.close()
    typer.echo(terminal(f"Picked {show(conflict.options[0].unit, value)} for "
                        f"{conflict.label} on {when.isoformat()}"))
