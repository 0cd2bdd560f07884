"""`events` and `flush`: read or empty what the pipeline stored."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from signalpipe.backends import open_backends
from signalpipe.cli import ConfigOpt as Config
from signalpipe.cli import (
    OutputDir,
    StackOpt,
    app,
    cli_errors,
    require_store,
    settings_for,
)
from signalpipe.console import console, out, summary_table
from signalpipe.errors import SignalpipeError
from signalpipe.formatting import counted, format_metric, rank
from signalpipe.inert import one_line, rich_literal, terminal
from signalpipe.kpis import event_date
from signalpipe.models import EventType, source_id_of
from signalpipe.review_labels import review_label, review_record


class EventFormat(StrEnum):
    table = "table"
    json = "json"


@app.command()
@cli_errors
def events(output_dir: OutputDir = None, stack: StackOpt = None,
           fmt: Annotated[EventFormat, typer.Option("--format", "-f", help="table or json "
                                                    "(one object per line).")]
           = EventFormat.table,
           event_type: Annotated[str | None, typer.Option("--type", help="Only this type.")]
           = None, config: Config = None) -> None:
    """List stored events, highest severity first, as reviewed: rejected events are left out,
    edits shown in place of what was extracted, merges joined, confidential events marked.

    Examples:

        signalpipe events

        signalpipe events --format json | jq .title
    """
    known = [t.value for t in EventType]
    if event_type is not None and event_type not in known:
        raise typer.BadParameter(f"unknown event type {event_type!r}; one of: "
                                 f"{', '.join(known)}", param_hint="--type")
    settings = settings_for(output_dir=output_dir, stack=stack, config=config)
    require_store(settings)
    from signalpipe.backends import open_event_store
    from signalpipe.reviewed import View, review_states, reviewed_events

    store = open_event_store(settings)
    try:
        states = review_states(store, settings.company_id)
        found = [e for e in rank(reviewed_events(store, settings.company_id, settings,
                                                 View.REVIEW, states=states))
                 if event_type is None or e.event_type.value == event_type]
    finally:
        store.close()
    if fmt is EventFormat.json:
        for event in found:
            record = event.model_dump(mode="json")
            # messages as their sources named them; the store's keys are internal
            record["source_message_ids"] = [source_id_of(i) for i in event.source_message_ids]
            for span in record["evidence_spans"]:
                span["message_id"] = source_id_of(span["message_id"])
            record["review"] = review_record(states.get(event.fingerprint))
            typer.echo(json.dumps(record, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table(title=f"{counted(len(found), 'event')} for "
                  f"{rich_literal(one_line(settings.company_shown))}")
    for column in ("date", "severity", "type", "title", "metrics", "sources", "review"):
        # a date cut to "2025-01-…" in an 80-column terminal says no day at all
        table.add_column(column, no_wrap=column == "date",
                         overflow="fold" if column in ("type", "review") else "ellipsis")
    for e in found:
        day = event_date(e)
        table.add_row(day.isoformat() if day else "", e.severity.value, e.event_type.value,
                      rich_literal(one_line(e.title)),
                      rich_literal("; ".join(format_metric(k, v) for k, v in e.metrics.items())),
                      str(len(e.source_message_ids)),
                      review_label(states.get(e.fingerprint)))
    out.print(table)


@app.command()
@cli_errors
def flush(output_dir: OutputDir = None, stack: StackOpt = None, config: Config = None,
          yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask.")] = False) -> None:
    """Empty every store: messages, dead letters, events, batches and the topics.

    Example: signalpipe flush --stack services --yes
    """
    settings = settings_for(output_dir=output_dir, stack=stack, config=config)
    require_store(settings)
    if not yes and not typer.confirm(f"Delete everything in the {settings.stack} stores?"):
        raise typer.Exit(1)
    backends = open_backends(settings)
    try:
        before = (backends.messages.count(), len(backends.events.list_events()))
        backends.messages.clear()
        backends.events.clear()
        backends.batcher.clear()
        t = settings.bus.topics
        topics = [t.slack, t.gmail, t.dead_letter]
        try:
            backends.bus.delete_topics(topics)
        except SignalpipeError as exc:
            console.print(f"topics not deleted: {terminal(str(exc))}", style="yellow",
                          markup=False)
    finally:
        backends.close()
    out.print(summary_table("signalpipe flush", [("messages deleted", before[0]),
                                                 ("events deleted", before[1])]))


@app.command()
@cli_errors
def deadletters(output_dir: OutputDir = None, stack: StackOpt = None, config: Config = None,
                fmt: Annotated[EventFormat, typer.Option(
                    "--format", "-f", help="table or json (one object per line).")]
                = EventFormat.table) -> None:
    """List dead letters: what could not be used, why, and where it came from.

    Example: signalpipe deadletters --format json | jq .reason
    """
    settings = settings_for(output_dir=output_dir, stack=stack, config=config)
    require_store(settings)
    from signalpipe.backends import open_message_store

    store = open_message_store(settings)
    try:
        letters = store.dead_letters()
    finally:
        store.close()
    if fmt is EventFormat.json:
        for d in letters:
            typer.echo(json.dumps({"origin": d.origin, "stage": d.stage, "reason": d.reason,
                                   "message_id": d.message_id}, ensure_ascii=False))
        return
    typer.echo(f"{len(letters)} dead letters")
    for d in letters:
        typer.echo(terminal(one_line(f"{d.origin}\t{d.stage}\t{d.reason}")))
