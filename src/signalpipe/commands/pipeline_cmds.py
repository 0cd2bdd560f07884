"""`run`, `produce` and `worker`: the commands that move messages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from signalpipe import pipeline
from signalpipe.backends import Backends, make_extractor, open_backends
from signalpipe.cli import ConfigOpt as Config
from signalpipe.cli import (
    ExitCode,
    LLMOpt,
    LogFormat,
    LogFormatOpt,
    MetricsPortOpt,
    OutputDir,
    StackOpt,
    Verbose,
    app,
    cli_errors,
    ensure_writable,
    interrupted_code,
    settings_for,
)
from signalpipe.commands.reporting import report_events, write_output, write_report
from signalpipe.console import byte_progress, out, summary_table
from signalpipe.errors import SourceError
from signalpipe.settings import Settings
from signalpipe.sources.base import Source
from signalpipe.stats import RunStats, reason_kind

if TYPE_CHECKING:
    from signalpipe.metrics import Metrics

InputOpt = Annotated[Path | None, typer.Option(
    "--input", "-i", help="Messages to read: seed CSV, Slack export, mbox, .eml, Maildir, "
    "Gmail or Slack API JSON [default: data_file_path].")]
FormatOpt = Annotated[str | None, typer.Option(
    "--format", help="Input format when it cannot be told from the path.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the summary as one JSON object.")]
InputArg = Annotated[Path | None, typer.Argument(
    show_default=False, metavar="INPUT",
    help="Messages to read, the same as --input (signalpipe run messages.csv).")]


def open_input(settings: Settings, path: Path | None, fmt: str | None) -> Source:
    path = path or settings.data_file_path
    if not path.exists():
        hint = " (make one with: signalpipe generate)" if path == settings.data_file_path else ""
        raise SourceError(f"input not found: {path}{hint}")
    from signalpipe.backends import open_source
    from signalpipe.sources.detect import budget_for

    return open_source(path, fmt=fmt, company_id=settings.company_id,
                       max_cell_bytes=settings.max_cell_bytes, budget=budget_for(settings))


def one_input(argument: Path | None, option: Path | None) -> Path | None:
    """The input named either way; naming two different ones is a usage error, not a guess."""
    if argument is not None and option is not None and argument != option:
        raise typer.BadParameter(f"two inputs given: {argument} and --input {option}; "
                                 "name one", param_hint="INPUT")
    return argument if argument is not None else option


@contextmanager
def metrics_endpoint(settings: Settings, backends: Backends, stats: RunStats,
                     port: int | None) -> Iterator[Metrics | None]:
    """Serve /metrics and /healthz while the block runs (nothing when `port` is None)."""
    if port is None:
        yield None
        return
    from signalpipe.metrics import Metrics as Exporter
    from signalpipe.metrics import serve

    metrics = Exporter(settings, backends, stats)
    try:
        server = serve(metrics, port)
    except OSError as exc:
        raise SourceError(f"--metrics-port {port}: {exc}") from None
    try:
        yield metrics
    finally:
        server.shutdown()
        server.server_close()


def _summary(title: str, stats: RunStats, extra: list[tuple[str, object]]) -> None:
    d = stats.as_dict()
    rows: list[tuple[str, object]] = [
        ("rows read", d["rows_read"]), ("messages consumed", d["consumed"]),
        ("new messages stored", d["stored_new"]),
        *([("already stored and extracted", d["replayed"])] if d["replayed"] else []),
        ("dead-lettered", d["dead_lettered"]),
        ("batches", d["batches"]), ("batches parked", d["batches_parked"]),
        ("events inserted / merged", f"{d['events_inserted']} / {d['events_merged']}"),
        ("time", f"{stats.elapsed_s:.2f} s"), ("rate", f"{stats.rate:,.0f} msg/s"), *extra]
    out.print(summary_table(title, rows))


@app.command()
@cli_errors
def run(input_arg: InputArg = None, input_path: InputOpt = None, output_dir: OutputDir = None,
        stack: StackOpt = None, llm: LLMOpt = None, fmt: FormatOpt = None,
        config: Config = None, verbose: Verbose = False, as_json: JsonOpt = False) -> None:
    """Run the whole pipeline on a file: ingest, store, batch, extract, report.

    Examples:

        signalpipe run

        signalpipe run data/full_data.csv --output-dir output/

        signalpipe run --stack services --llm gemini
    """
    input_path = one_input(input_arg, input_path)
    settings = settings_for(output_dir=output_dir, stack=stack, llm=llm, config=config,
                            verbose=verbose)
    ensure_writable(settings.output_dir)
    extractor = make_extractor(settings)  # a missing API key fails here, before any reading
    source = open_input(settings, input_path, fmt)
    backends = open_backends(settings)
    try:
        stats = RunStats()
        with byte_progress("ingest", source.total_bytes(), stats) as progress:
            pipeline.run(settings, backends, source, extractor=extractor, progress=progress,
                         stats=stats)
        shown = report_events(settings, backends)
        report = write_report(settings, backends, stats, selection=shown)
        events = shown.total
    finally:
        backends.close()
        extractor.close()
    remember_input(settings, input_path or settings.data_file_path)
    if as_json:
        typer.echo(json.dumps({**stats.as_dict(), "events_stored": events,
                               "report": str(report), "exit_code": int(exit_code(stats))}))
    else:
        _summary("signalpipe run", stats, [("events stored", events), ("report", report)])
        note = whose_messages_note(settings, input_path)
        if note:
            typer.secho(f"note: {note}", fg="yellow", err=True)
    finish(stats)


def whose_messages_note(settings: Settings, input_path: Path | None) -> str | None:
    """Own messages read with the sample's company: every "we" then speaks for ScaleFlow, and
    the founder's own company's news reads as a third party's."""
    if "company_id" in settings.model_fields_set or settings.company_aliases:
        return None
    if input_path is None or input_path.resolve() == settings.data_file_path.resolve():
        return None  # the generated sample is ScaleFlow's
    return ("company_id is not set, so every \"we\" in these messages was read as the sample "
            f"company ({settings.company_id}): set company_id and company_aliases in "
            "signalpipe.yaml (or SIGNALPIPE_COMPANY_ID) to read them as your company's")


LAST_RUN = "last_run.json"


def remember_input(settings: Settings, path: Path) -> None:
    """`eval` finds the truth file of the last run's input from this."""
    write_output(settings.output_dir / LAST_RUN, json.dumps({"input": str(path.resolve())}))


def exit_code(stats: RunStats) -> ExitCode:
    """The run's honest outcome (see `ExitCode`): interrupted, all dead-lettered, extraction
    unavailable, in that order."""
    if stats.interrupted_by is not None:
        return interrupted_code(stats.interrupted_by)
    if stats.produced == 0 and sum(stats.dead_letters.values()) > 0:
        return ExitCode.ALL_DEAD_LETTERED
    if stats.batches_parked:
        return ExitCode.EXTRACTION_UNAVAILABLE
    if stats.dead_letters.get(CONFLICT_KIND):
        return ExitCode.CONFLICTING_IDS
    return ExitCode.OK


CONFLICT_KIND = reason_kind("duplicate id with different content")


_WHY = {
    ExitCode.ALL_DEAD_LETTERED: "every row read was dead-lettered; nothing was stored (see why "
                                "with `signalpipe deadletters`)",
    ExitCode.CONFLICTING_IDS: "the input reuses message ids already stored with different "
                              "content (another data set?); those messages were dead-lettered. "
                              "Empty the store with `signalpipe flush --yes`, or pass a new "
                              "--output-dir",
    ExitCode.EXTRACTION_UNAVAILABLE: "extraction unavailable: batches were parked, so events "
                                     "are missing; rerun when the provider answers",
    ExitCode.INTERRUPTED_SIGINT: "interrupted (SIGINT): stopped part-way, the report is partial",
    ExitCode.INTERRUPTED_SIGTERM: "interrupted (SIGTERM): stopped part-way, the report is "
                                  "partial",
}


def finish(stats: RunStats) -> None:
    """Exit with the run's code, saying why on stderr when it is not 0."""
    code = exit_code(stats)
    if code is not ExitCode.OK:
        # One unwrapped line: a script that greps it must not find it cut in two.
        typer.secho(f"{_WHY[code]} (exit {int(code)})", fg="red", err=True)
        raise typer.Exit(code)


@app.command()
@cli_errors
def produce(input_path: Annotated[Path, typer.Argument(help="File or folder to ingest.")],
            fmt: FormatOpt = None, output_dir: OutputDir = None, stack: StackOpt = None,
            config: Config = None, verbose: Verbose = False) -> None:
    """Only ingest: read a file onto the bus; workers store and extract.

    Example: signalpipe produce data/full_data.csv --stack services
    """
    settings = settings_for(output_dir=output_dir, stack=stack, config=config, verbose=verbose)
    ensure_writable(settings.output_dir)
    source = open_input(settings, input_path, fmt)
    backends = open_backends(settings)
    try:
        stats = RunStats()
        with byte_progress("produce", source.total_bytes(), stats) as progress:
            pipeline.produce(settings, backends, source, progress=progress, stats=stats)
    finally:
        backends.close()
    out.print(summary_table("signalpipe produce", [
        ("rows read", stats.rows_read), ("produced", stats.produced),
        ("dead-lettered", sum(stats.dead_letters.values())),
        ("time", f"{stats.elapsed_s:.2f} s")]))
    finish(stats)


@app.command()
@cli_errors
def worker(output_dir: OutputDir = None, stack: StackOpt = None, llm: LLMOpt = None,
           idle_exit_s: Annotated[float | None, typer.Option(
               "--idle-exit", help="Stop after this many seconds with nothing to consume.")]
           = None, metrics_port: MetricsPortOpt = None,
           log_format: LogFormatOpt = LogFormat.text, config: Config = None,
           verbose: Verbose = False) -> None:
    """Consume only: join the consumer group, store, batch and extract until stopped.

    Start several (processes or machines) to share the topics' partitions.

    Example: signalpipe worker --stack services --idle-exit 30 --metrics-port 9108
    """
    settings = settings_for(output_dir=output_dir, stack=stack, llm=llm, config=config,
                            verbose=verbose, log_format=log_format)
    ensure_writable(settings.output_dir)
    extractor = make_extractor(settings)
    backends = open_backends(settings)
    stats = RunStats()
    with metrics_endpoint(settings, backends, stats, metrics_port) as metrics:
        try:
            stats = pipeline.work(settings, backends, extractor=extractor,
                                  idle_exit_s=idle_exit_s, stats=stats,
                                  on_lag=metrics.sample_lag if metrics else None)
        finally:
            backends.close()
            extractor.close()
    _summary("signalpipe worker", stats, [])
    if stats.batches_parked:
        # Said, not exited with: a worker is stopped by SIGTERM as a matter of course, and the
        # next worker to start retries its parked batches.
        from signalpipe.console import console

        console.print(f"extraction unavailable: {stats.batches_parked} batch(es) parked; the "
                      "next worker retries them", style="red", markup=False)
