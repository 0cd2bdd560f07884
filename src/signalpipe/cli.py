"""The `signalpipe` command line."""

from __future__ import annotations

import logging
import os
import signal
import sys
import tempfile
from collections.abc import Callable
from enum import IntEnum, StrEnum
from functools import wraps
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from signalpipe import __version__
from signalpipe.errors import SignalpipeError, SourceError
from signalpipe.inert import RedactingFilter, terminal
from signalpipe.settings import Settings, load_settings

app = typer.Typer(
    help="Turn a startup's Slack and email traffic into investor-ready signals.\n\n"
         "Quick start: signalpipe generate && signalpipe run",
    no_args_is_help=True, rich_markup_mode="markdown", pretty_exceptions_enable=False)

P = ParamSpec("P")
R = TypeVar("R")


class ExitCode(IntEnum):
    """What `signalpipe` exits with; README.md has the same table."""

    OK = 0
    ERROR = 1
    """A clear one-line error: bad settings, unreadable input, a store or bus failure."""
    USAGE = 2
    """A command-line usage error (unknown option, missing argument)."""
    ALL_DEAD_LETTERED = 3
    """Every row read was dead-lettered: nothing usable reached the stores."""
    EXTRACTION_UNAVAILABLE = 4
    """Batches were parked because the extractor (the LLM provider) failed: events are missing."""
    CONFLICTING_IDS = 5
    """The input reuses ids already stored with different content (another data set in the same
    store): those messages were dead-lettered."""
    INTERRUPTED_SIGINT = 130
    """Stopped part-way by SIGINT (Ctrl-C); the report covers only what was done."""
    INTERRUPTED_SIGTERM = 143
    """Stopped part-way by SIGTERM; the report covers only what was done."""


def interrupted_code(signum: int | None) -> ExitCode:
    return (ExitCode.INTERRUPTED_SIGTERM if signum == signal.SIGTERM
            else ExitCode.INTERRUPTED_SIGINT)


class Stack(StrEnum):
    embedded = "embedded"
    services = "services"


class LogFormat(StrEnum):
    text = "text"
    json = "json"


class Provider(StrEnum):
    rules = "rules"
    gemini = "gemini"
    openai = "openai"


OutputDir = Annotated[Path | None, typer.Option(
    "--output-dir", "-o", help="Folder for the SQLite file and reports [default: output/].")]
StackOpt = Annotated[Stack | None, typer.Option(
    "--stack", help="embedded (no servers) or services (Kafka, Cassandra, PostgreSQL, Redis).")]
LLMOpt = Annotated[Provider | None, typer.Option(
    "--llm", help="Extractor: rules (offline), gemini or openai [default: llm.provider].")]
ConfigOpt = Annotated[Path | None, typer.Option(
    "--config", help="YAML settings file [default: ./signalpipe.yaml if present].")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")]
MetricsPortOpt = Annotated[int | None, typer.Option(
    "--metrics-port", help="Serve Prometheus /metrics and /healthz on this port (loopback).")]
LogFormatOpt = Annotated[LogFormat, typer.Option("--log-format", help="Log lines as text "
                                                 "or one JSON object per line.")]


def cli_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Show a SignalpipeError (or a missing extra) as one line and exit 1, not a traceback."""
    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except SignalpipeError as exc:
            typer.secho(f"error: {terminal(str(exc))}", fg="red", err=True)
            raise typer.Exit(1) from None
        except ImportError as exc:
            typer.secho(f"error: {terminal(str(exc))}", fg="red", err=True)
            raise typer.Exit(1) from None
        except KeyboardInterrupt as exc:  # a second Ctrl-C, or SIGTERM past its grace
            signum = getattr(exc, "signum", signal.SIGINT)
            typer.secho(f"interrupted by signal {signum}: stopped part-way", fg="red", err=True)
            raise typer.Exit(interrupted_code(signum)) from None
    return wrapper


def require_store(settings: Settings) -> None:
    """Commands that only read or empty a store must not create an empty one somewhere else
    (a mistyped --output-dir): the embedded store must already exist."""
    if "sqlite" not in (settings.message_store, settings.event_store):
        return
    if not settings.output_dir.is_dir():
        raise SourceError(f"output folder {settings.output_dir} does not exist; pass the "
                          "--output-dir a run wrote to")
    if not settings.sqlite_path.is_file():
        raise SourceError(f"no signalpipe store in {settings.output_dir} "
                          f"({settings.sqlite_path.name} is missing); pass the --output-dir a "
                          "run wrote to, or run `signalpipe run` first")


def settings_for(*, output_dir: Path | None = None, stack: Stack | None = None,
                 llm: Provider | None = None, config: Path | None = None,
                 verbose: bool = False, log_format: LogFormat = LogFormat.text) -> Settings:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if log_format is LogFormat.json:
        from signalpipe.logjson import use_json_logs

        use_json_logs()
    if config is not None:
        if not config.is_file():
            raise SourceError(f"config file not found: {config}")
        os.environ["SIGNALPIPE_CONFIG"] = str(config)
    settings = load_settings(output_dir=output_dir, stack=stack.value if stack else None)
    if llm is not None:
        settings.llm = settings.llm.model_copy(update={"provider": llm.value})
    secrets = [settings.api_key(), settings.slack_token(), settings.gmail_token(),
               settings.serve_token,
               *(settings.alert_secret(name) for name in settings.alerts.channels)]
    redacting = RedactingFilter([s.get_secret_value() if s is not None else None
                                 for s in secrets])
    for handler in logging.getLogger().handlers:
        handler.filters = [f for f in handler.filters if not isinstance(f, RedactingFilter)]
        handler.addFilter(redacting)
    return settings


def ensure_writable(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".signalpipe-write-test-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise SourceError(f"output folder {folder} is not writable: {exc.strerror}") from None


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"signalpipe {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option(
        "--version", callback=version_callback, is_eager=True, help="Print the version.")]
         = False) -> None:
    """Turn a startup's Slack and email traffic into investor-ready signals."""


def _register() -> None:
    # Commands live in small modules; importing them here attaches them to `app`.
    from signalpipe.commands import (  # noqa: F401
        alerts_cmds,
        data,
        pipeline_cmds,
        review_cmds,
        serve_cmd,
        services_cmd,
        stores_cmds,
        sync_cmds,
        update_cmds,
    )


def entry() -> None:
    _register()
    app()


if __name__ == "__main__":
    sys.exit(entry())  # type: ignore[func-returns-value]

