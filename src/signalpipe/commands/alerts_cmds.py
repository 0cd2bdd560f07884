"""`alerts list|test`: the investor alert rules, what fired, and a test send per channel."""

from __future__ import annotations

from typing import Annotated

import typer

from signalpipe.cli import ConfigOpt as Config
from signalpipe.cli import OutputDir, Verbose, app, cli_errors, require_store, settings_for
from signalpipe.console import out, summary_table

alerts_app = typer.Typer(help="Investor alerts: rules over events and KPIs (settings "
                              "`alerts:`), delivered once each.", no_args_is_help=True)
app.add_typer(alerts_app, name="alerts")


@alerts_app.command("list")
@cli_errors
def list_alerts(output_dir: OutputDir = None, config: Config = None,
                verbose: Verbose = False) -> None:
    """The rules and channels, then every delivery recorded (status, attempts, last error).

    Example: signalpipe alerts list --output-dir output
    """
    from signalpipe.alerts.engine import rules_of
    from signalpipe.backends import open_event_store

    settings = settings_for(output_dir=output_dir, config=config, verbose=verbose)
    rules = rules_of(settings)
    out.print(summary_table("alert rules", [
        (rule.name, f"{rule.when} -> {', '.join(spec.to or settings.alerts.channels)}")
        for rule, spec in zip(rules, settings.alerts.rules, strict=True)]))
    require_store(settings)
    store = open_event_store(settings)
    try:
        deliveries = store.alerts()
    finally:
        store.close()
    out.print(summary_table("alert deliveries", [
        (d.key, f"{d.status} after {d.attempts} attempt(s) {d.last_error}".strip())
        for d in deliveries]))


@alerts_app.command()
@cli_errors
def test(channel: Annotated[str | None, typer.Option(
             "--channel", help="Only this channel [default: every one].")] = None,
         config: Config = None, verbose: Verbose = False) -> None:
    """Send a sample alert to each channel (not recorded); exit 1 if one fails.

    Example: signalpipe alerts test --channel investors-webhook
    """
    from signalpipe.alerts import deliver

    settings = settings_for(config=config, verbose=verbose)
    names = [channel] if channel else list(settings.alerts.channels)
    sample = {"rule": "test", "when": "signalpipe alerts test", "company_id":
              settings.company_id, "event": {"type": "test", "title": "a test alert"}}
    failed = 0
    for name in names:
        found = settings.alerts.channels.get(name)
        if found is None:
            out.print(f"{name}: no such channel")
            failed += 1
            continue
        secret = settings.alert_secret(name)
        try:
            deliver.send(found, f"test|{name}", sample, timeout_s=settings.alerts.timeout_s,
                         secret=secret.get_secret_value() if secret else None)
            out.print(f"{name}: delivered")
        except deliver.DeliveryError as exc:
            out.print(f"{name}: failed: {exc}")
            failed += 1
    if failed or not names:
        raise typer.Exit(1)
