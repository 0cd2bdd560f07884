"""`serve`: the local review app (events, KPIs, the draft update, the run) over the stores."""

from __future__ import annotations

from typing import Annotated

import typer

from signalpipe.cli import ConfigOpt as Config
from signalpipe.cli import (
    OutputDir,
    StackOpt,
    Verbose,
    app,
    cli_errors,
    require_store,
    settings_for,
)
from signalpipe.errors import ConfigError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def check_exposure(host: str, token: str | None) -> None:
    """Off loopback anyone on the network could approve, edit or send: a token is required."""
    if host not in LOOPBACK and not token:
        raise ConfigError(f"--host {host} is reachable from other machines: set "
                          "SIGNALPIPE_SERVE_TOKEN (the token the app will ask for) or serve "
                          "on 127.0.0.1")


def _import_error() -> ImportError:
    return ImportError('install "signalpipe[serve]" to use signalpipe serve '
                       "(Starlette, Jinja2, uvicorn)")


@app.command()
@cli_errors
def serve(output_dir: OutputDir = None, stack: StackOpt = None,
          host: Annotated[str, typer.Option("--host", help="Address to listen on; anything "
                                            "but loopback needs SIGNALPIPE_SERVE_TOKEN.")]
          = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8765,
          config: Config = None, verbose: Verbose = False) -> None:
    """Review before it goes out: a local web app to approve, reject, edit, merge or hide
    events, read the KPIs, preview, download and send the update, and see the run.

    Examples:

        signalpipe serve

        SIGNALPIPE_SERVE_TOKEN=... signalpipe serve --host 0.0.0.0 --port 8765
    """
    settings = settings_for(output_dir=output_dir, stack=stack, config=config, verbose=verbose)
    token = settings.serve_token.get_secret_value() if settings.serve_token else None
    check_exposure(host, token)
    require_store(settings)
    try:
        import uvicorn

        from signalpipe.serve.app import LOOPBACK_HOSTS, create_app
        from signalpipe.serve.desk import open_desk
    except ImportError as exc:
        raise _import_error() from exc
    desk = open_desk(settings)
    hosts = list(LOOPBACK_HOSTS) if host in LOOPBACK else ["*"]
    web = create_app(desk, token=token, allowed_hosts=hosts, close_desk=True)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"review app on http://{shown}:{port}/ (Ctrl-C to stop)"
               + ("; it asks for SIGNALPIPE_SERVE_TOKEN" if token else ""), err=True)
    uvicorn.run(web, host=host, port=port, log_level="info" if verbose else "warning")
