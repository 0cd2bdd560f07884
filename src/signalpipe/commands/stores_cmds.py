"""`events`, `email` and `flush`: read or empty what the pipeline stored."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from signalpipe.backends import make_composer, open_backends
from signalpipe.cli import ConfigOpt as Config
from signalpipe.cli import LLMOpt, OutputDir, StackOpt, app, cli_errors, settings_for
from signalpipe.commands.reporting import REPORT_NAME, write_report
from signalpipe.console import console, out, summary_table
from signalpipe.errors import SignalpipeError
from signalpipe.formatting import format_metric, rank


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

    table = Table(title=f"{len(found)} events for {settings.company_id}")
    for column in ("severity", "type", "title", "metrics", "sources"):
        table.add_column(column)
    for e in found:
        table.add_row(e.severity.value, e.event_type.value, e.title,
                      "; ".join(format_metric(k, v) for k, v in e.metrics.items()),
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
    backends = open_backends(settings)
    try:
        stored = backends.events.list_events(settings.company_id)
        writer = make_composer(settings, composer)
        try:
            message = writer.compose(stored, company_id=settings.company_id)
        finally:
            writer.close()
        path = settings.output_dir / "investor_email.md"
        path.write_text(f"Subject: {message.subject}\n\n{message.body}", encoding="utf-8")
        write_report(settings, backends, None, message)
    finally:
        backends.close()
    out.print(f"[bold]Subject:[/bold] {message.subject}\n")
    out.print(message.body, markup=False, highlight=False)
    for note in message.notes:
        console.print(f"note: {note}", style="yellow", markup=False)
    console.print(f"written to {path} and {settings.output_dir / REPORT_NAME}")


@app.command()
@cli_errors
def flush(output_dir: OutputDir = None, stack: StackOpt = None, config: Config = None,
          yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask.")] = False) -> None:
    """Empty every store: messages, dead letters, events, batches and the topics.

    Example: signalpipe flush --stack services --yes
    """
    settings = settings_for(output_dir=output_dir, stack=stack, config=config)
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
            console.print(f"topics not deleted: {exc}", style="yellow")
    finally:
        backends.close()
    out.print(summary_table("signalpipe flush", [("messages deleted", before[0]),
                                                 ("events deleted", before[1])]))
