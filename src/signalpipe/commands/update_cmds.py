"""`kpis` and `email`: the KPI ledger and the investor email (plain stdout, never wrapped)."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from typing import Annotated

import typer

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
from signalpipe.inert import terminal
from signalpipe.kpis import KpiLine, ledger, show, show_change
from signalpipe.models import source_id_of
from signalpipe.periods import resolve

PeriodOpt = Annotated[str | None, typer.Option(
    "--period",
    help="A month (2026-01), quarter (2026-Q1), year (2025), last-month or last-quarter.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="First day (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Last day (YYYY-MM-DD).")]


class KpiFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _record(line: KpiLine) -> dict[str, object]:
    prev = line.previous
    return {"metric": line.metric, "unit": line.unit, "now": line.now.value,
            "observed_on": line.now.observed_on.isoformat(),
            "sources": [source_id_of(i) for i in line.now.source_message_ids],
            "previous": prev.value if prev else None,
            "previous_on": prev.observed_on.isoformat() if prev else None,
            "change": line.change, "change_pct": line.change_pct,
            "conflicts": [{"value": c.value,
                           "sources": [source_id_of(i) for i in c.source_message_ids]}
                          for c in line.conflicts]}


@app.command()
@cli_errors
def kpis(output_dir: OutputDir = None, stack: StackOpt = None, period: PeriodOpt = None,
         since: SinceOpt = None, until: UntilOpt = None,
         fmt: Annotated[KpiFormat, typer.Option("--format", "-f", help="table, json or csv.")]
         = KpiFormat.table, config: Config = None) -> None:
    """The KPI ledger: latest value per metric in the period, the previous one, the change.

    Examples:

        signalpipe kpis

        signalpipe kpis --period 2026-01 --format csv > kpis.csv
    """
    settings = settings_for(output_dir=output_dir, stack=stack, config=config)
    require_store(settings)
    span = resolve(period, since, until)
    from signalpipe.backends import open_event_store
    from signalpipe.reviewed import View, reviewed_kpis

    store = open_event_store(settings)
    try:
        # As the report shows it: rejected figures out, edits and conflict picks in, figures
        # of confidential events withheld (`reviewed.py`).
        lines = ledger(reviewed_kpis(store, settings.company_id, settings, View.REPORT),
                       since=span.since, until=span.until)
    finally:
        store.close()
    if fmt is KpiFormat.json:
        for line in lines:
            typer.echo(json.dumps(_record(line), ensure_ascii=False))
        return
    if fmt is KpiFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(["metric", "unit", "now", "observed_on", "previous", "previous_on",
                         "change", "change_pct", "conflicts", "sources"])
        for line in lines:
            r = _record(line)
            writer.writerow([r["metric"], r["unit"], r["now"], r["observed_on"], r["previous"],
                             r["previous_on"], r["change"], r["change_pct"],
                             len(line.conflicts),
                             " ".join(source_id_of(i) for i in line.now.source_message_ids)])
        return
    typer.echo(f"KPIs for {settings.company_shown}, {span.label}")
    if not lines:  # a header over no rows read as a broken table
        when = "yet" if span.label == "to date" else f"in {span.label}"
        typer.echo(f"No KPI figures found {when}: no event states revenue, users or another "
                   "KPI with a figure.")
        return
    # a column of blanks says nothing: conflicts are shown only when a figure has one
    conflicts = any(line.conflicts for line in lines)
    rows = [("Metric", "Now", "As of", "Previous", "Change", *(["Conflicts"] if conflicts else []))]
    for line in lines:
        prev = show(line.unit, line.previous.value) if line.previous else "-"
        rows.append((line.label, show(line.unit, line.now.value),
                     line.now.observed_on.isoformat(), prev, show_change(line),
                     *([str(len(line.conflicts)) if line.conflicts else ""] if conflicts
                       else [])))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        typer.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


class Kind(StrEnum):
    update = "update"
    outreach = "outreach"


@app.command()
@cli_errors
def email(output_dir: OutputDir = None, stack: StackOpt = None, llm: LLMOpt = None,
          composer: Annotated[str | None, typer.Option(
              "--composer", help="template (grounded, offline) or llm.")] = None,
          kind: Annotated[Kind, typer.Option(
              "--kind", help="update (to existing investors) or outreach (to raise).")]
          = Kind.update,
          period: PeriodOpt = None, since: SinceOpt = None, until: UntilOpt = None,
          to: Annotated[list[str] | None, typer.Option(
              "--to", help='Recipient, "Name \\<address\\>" (repeatable) [default: update.to].')]
          = None,
          ask: Annotated[list[str] | None, typer.Option(
              "--ask", help="An ask for the investors (repeatable), besides update.asks.")]
          = None,
          times: Annotated[list[str] | None, typer.Option(
              "--time", help="A proposed call time for outreach (repeatable).")] = None,
          send_it: Annotated[bool, typer.Option(
              "--send", help="Deliver it over SMTP (update.smtp; password from the "
              "environment).")] = False,
          preview: Annotated[bool, typer.Option(
              "--preview", help="Write the files but do not record the update as written.")]
          = False,
          config: Config = None) -> None:
    """Write the investor email: output/investor_update.md, .html and .eml (and send it).

    Without a period, an update covers what is new or changed since the last one written.

    Examples:

        signalpipe email --period 2026-01

        signalpipe email --period last-month --ask "Intros to CFOs at logistics companies"

        signalpipe email --kind outreach --to "Ada Park <ada@northfield.vc>" --time "Tue 10:00"
    """
    from signalpipe.commands.email_out import write_update

    settings = settings_for(output_dir=output_dir, stack=stack, llm=llm, config=config)
    require_store(settings)
    span = resolve(period, since, until)
    result = write_update(settings, span, explicit=any((period, since, until)),
                          kind=kind.value, to=to or [], asks=ask or [], times=times or [],
                          composer=composer, deliver=send_it, record=not preview)
    typer.echo(result.markdown, nl=False)
    for note in result.notes:
        typer.secho(f"note: {terminal(note)}", fg="yellow", err=True)
    typer.echo(f"written to {', '.join(str(p) for p in result.paths)}", err=True)
    if result.sent_to:
        typer.echo(f"sent to {', '.join(result.sent_to)}", err=True)
    if result.parked:
        typer.secho(f"extraction unavailable: {result.parked} batch(es) parked, their events "
                    "are missing from this email; rerun `signalpipe worker` when the provider "
                    "answers", fg="red", err=True)
        raise typer.Exit(ExitCode.EXTRACTION_UNAVAILABLE)
