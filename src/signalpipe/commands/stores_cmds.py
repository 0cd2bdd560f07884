"""`events`, `email` and `flush`: read or empty what the pipeline stored."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from signalpipe.backends import make_composer, open_backends
from signalpipe.cli import ConfigOpt as Config
from signalpipe.cli import (
    ExitCode,
    LLMOpt,
    OutputDir,
    StackOpt,
    app,
    cli_errors,
    require_store,
    settings_for,
)
from signalpipe.commands.reporting import REPORT_NAME, write_output, write_report
from signalpipe.console import console, out, summary_table
from signalpipe.errors import SignalpipeError
from signalpipe.formatting import format_metric, rank
from signalpipe.inert import one_line, rich_literal, terminal


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
    """List stored events, highest severity first.

    Examples:

        signalpipe events

        signalpipe events --format json | jq .title
    """
    settings = settings_for(output_dir=output_dir, stack=stack, config=config)
    require_store(settings)
    from signalpipe.backends import open_event_store

    store = open_event_store(settings)
    try:
        found = [e for e in rank(store.list_events(settings.company_id))
                 if event_type is None or e.event_type.value == event_type]
    finally:
        store.close()
    if fmt is EventFormat.json:
        for event in found:
            typer.echo(json.dumps(event.model_dump(mode="json"), ensure_ascii=False))
        return
    from rich.table import Table

    table = Table(title=f"{len(found)} events for {rich_literal(one_line(settings.company_id))}")
    for column in ("severity", "type", "title", "metrics", "sources"):
        table.add_column(column)
    for e in found:
        table.add_row(e.severity.value, e.event_type.value, rich_literal(one_line(e.title)),
                      rich_literal("; ".join(format_metric(k, v) for k, v in e.metrics.items())),
                      str(len(e.source_message_ids)))
    out.print(table)


@app.command()
@cli_errors
def email(output_dir: OutputDir = None, stack: StackOpt = None, llm: LLMOpt = None,
          composer: Annotated[str | None, typer.Option(
              "--composer", help="template (grounded, offline) or llm.")] = None,
          config: Config = None) -> None:
    """Write the investor update email from stored events and refresh the report.

    Example: signalpipe email --composer template
    """
    settings = settings_for(output_dir=output_dir, stack=stack, llm=llm, config=config)
    require_store(settings)
    backends = open_backends(settings)
    try:
        parked = len(backends.events.parked())
        stored = backends.events.list_events(settings.company_id)
        writer = make_composer(settings, composer)
        try:
            message = writer.compose(stored, company_id=settings.company_id)
        finally:
            writer.close()
        path = settings.output_dir / "investor_email.md"
        write_output(path, f"Subject: {one_line(message.subject)}\n\n{message.body}")
        write_report(settings, backends, None, message)
    finally:
        backends.close()
    out.print(f"[bold]Subject:[/bold] {rich_literal(one_line(message.subject))}\n")
    out.print(terminal(message.body), markup=False, highlight=False)
    for note in message.notes:
        console.print(f"note: {terminal(note)}", style="yellow", markup=False)
    console.print(f"written to {path} and {settings.output_dir / REPORT_NAME}", markup=False,
                  highlight=False)
    if parked:
        console.print(f"extraction unavailable: {parked} batch(es) parked, their events are "
                      "missing from this email; rerun `signalpipe worker` when the provider "
                      "answers", style="red", markup=False)
        raise typer.Exit(ExitCode.EXTRACTION_UNAVAILABLE)


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
