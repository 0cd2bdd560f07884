"""`services up|down|status`: the local Kafka, Cassandra, PostgreSQL and Redis."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from signalpipe.cli import app, cli_errors

services_app = typer.Typer(help="Start, stop or inspect the local services stack "
                                "(Kafka, Cassandra, PostgreSQL, Redis) on loopback.",
                           no_args_is_help=True)
app.add_typer(services_app, name="services")


class Action(StrEnum):
    up = "up"
    down = "down"
    status = "status"
    restart = "restart"
    kill = "kill"


Names = Annotated[list[str] | None, typer.Argument(
    help="Services to act on: kafka, cassandra, postgres, redis [default: all].")]


def _call(action: Action, names: list[str] | None) -> None:
    from signalpipe.services import __main__ as services_main

    argv = [action.value, *(names or [])]
    code = services_main.main(argv)
    if code:
        raise typer.Exit(code)


@services_app.command()
@cli_errors
def up(names: Names = None) -> None:
    """Install what is missing and start each service; waits until each answers.

    Idempotent: a service already running is left alone.
    """
    _call(Action.up, names)


@services_app.command()
@cli_errors
def down(names: Names = None) -> None:
    """Stop the services gracefully."""
    _call(Action.down, names)


@services_app.command()
@cli_errors
def status(names: Names = None) -> None:
    """Show which services run and where they listen."""
    _call(Action.status, names)


@services_app.command()
@cli_errors
def restart(names: Names = None) -> None:
    """Stop then start the services (jars and data are kept)."""
    _call(Action.restart, names)


@services_app.command()
@cli_errors
def kill(names: Names = None) -> None:
    """SIGKILL the services, as a crash would (for fault drills)."""
    _call(Action.kill, names)
