"""`sync slack|gmail`: read a live workspace or mailbox since the stored cursors."""

from __future__ import annotations

from typing import Annotated

import typer

from signalpipe import live
from signalpipe.alerts.engine import rules_of
from signalpipe.backends import make_extractor, make_sync, open_backends
from signalpipe.cli import ConfigOpt as Config
from signalpipe.cli import (
    LogFormat,
    LogFormatOpt,
    MetricsPortOpt,
    OutputDir,
    StackOpt,
    Verbose,
    app,
    cli_errors,
    ensure_writable,
    settings_for,
)
from signalpipe.commands.pipeline_cmds import finish, metrics_endpoint
from signalpipe.console import out, summary_table
from signalpipe.settings import Settings
from signalpipe.stats import RunStats

sync_app = typer.Typer(help="Read live sources incrementally (cursors kept in the message "
                            "store), onto the bus.", no_args_is_help=True)
app.add_typer(sync_app, name="sync")


def run_sync(settings: Settings, name: str) -> RunStats:
    """One sync of `name` on the stack `settings` names; the worker runs in-process when the
    bus is in-process (embedded)."""
    source = make_sync(settings, name)  # a missing token fails here, before any store opens
    extractor = make_extractor(settings)
    backends = open_backends(settings)
    try:
        return live.sync(settings, backends, source, extractor=extractor)
    finally:
        backends.close()
        extractor.close()


def _report(name: str, stats: RunStats) -> None:
    out.print(summary_table(f"signalpipe sync {name}", [
        ("messages read", stats.rows_read), ("produced", stats.produced),
        ("new messages stored", stats.stored_new), ("replayed", stats.replayed),
        ("dead-lettered", sum(stats.dead_letters.values())),
        ("time", f"{stats.elapsed_s:.2f} s")]))
    finish(stats)


@sync_app.command()
@cli_errors
def slack(output_dir: OutputDir = None, stack: StackOpt = None, config: Config = None,
          verbose: Verbose = False) -> None:
    """Sync Slack channels (settings `slack:`) with the token in SLACK_BOT_TOKEN.

    Example: SLACK_BOT_TOKEN=xoxb-... signalpipe sync slack --output-dir output
    """
    settings = settings_for(output_dir=output_dir, stack=stack, config=config, verbose=verbose)
    ensure_writable(settings.output_dir)
    _report("slack", run_sync(settings, "slack"))


@sync_app.command()
@cli_errors
def gmail(output_dir: OutputDir = None, stack: StackOpt = None, config: Config = None,
          verbose: Verbose = False) -> None:
    """Sync a Gmail mailbox (settings `gmail:`) with GMAIL_ACCESS_TOKEN or gmail.token_file.

    Example: GMAIL_ACCESS_TOKEN=ya29... signalpipe sync gmail --output-dir output
    """
    settings = settings_for(output_dir=output_dir, stack=stack, config=config, verbose=verbose)
    ensure_writable(settings.output_dir)
    _report("gmail", run_sync(settings, "gmail"))


@app.command()
@cli_errors
def watch(output_dir: OutputDir = None, stack: StackOpt = None, config: Config = None,
          interval_s: Annotated[float | None, typer.Option(
              "--interval", help="Seconds between sync passes [default: watch.interval_s].")]
          = None, metrics_port: MetricsPortOpt = None,
          log_format: LogFormatOpt = LogFormat.text, verbose: Verbose = False) -> None:
    """Run the live syncs (settings `watch.sources`) on an interval until SIGTERM/Ctrl-C.

    On the embedded stack the worker runs in this process; SIGTERM extracts what is buffered
    and exits 0. A second watch on the same output folder is refused.

    Example: signalpipe watch --output-dir output --interval 60 --metrics-port 9108
    """
    settings = settings_for(output_dir=output_dir, stack=stack, config=config, verbose=verbose,
                            log_format=log_format)
    ensure_writable(settings.output_dir)
    rules_of(settings)  # a rule that cannot be read fails now, not at the first event
    with live.folder_lock(settings.output_dir):
        sources = [make_sync(settings, name) for name in settings.watch.sources]
        extractor = make_extractor(settings)
        backends = open_backends(settings)
        stats = RunStats()
        try:
            with metrics_endpoint(settings, backends, stats, metrics_port):
                live.watch(settings, backends, sources, extractor=extractor, stats=stats,
                           interval_s=interval_s or settings.watch.interval_s)
        finally:
            backends.close()
            extractor.close()
    out.print(summary_table("signalpipe watch", [
        ("messages read", stats.rows_read), ("new messages stored", stats.stored_new),
        ("events inserted", stats.events_inserted), ("time", f"{stats.elapsed_s:.2f} s")]))
