"""Evaluating alert rules over the stored events and delivering what fired, once each.

`check` records every (rule, event or crossing, channel) that matches in the event store's
alert ledger, keyed, so a rerun, a restart or a replayed event records nothing new; then
`deliver_due` sends what is pending, with exponential backoff between attempts, and
dead-letters a delivery after `alerts.max_attempts`.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from signalpipe.alerts import deliver
from signalpipe.alerts.rules import Rule, parse
from signalpipe.models import DeadLetter, SignificantEvent, source_id_of
from signalpipe.reviewed import View, reviewed_events
from signalpipe.settings import Settings
from signalpipe.stores.base import EventStore, MessageStore
from signalpipe.stores.state import AlertDelivery

logger = logging.getLogger(__name__)

Sender = Callable[..., None]


@dataclass
class AlertRun:
    fired: int = 0
    delivered: int = 0
    retrying: int = 0
    dead: int = 0


def rules_of(settings: Settings) -> list[Rule]:
    """The parsed rules (a ConfigError names one that cannot be read)."""
    return [parse(r.when, name=r.name) for r in settings.alerts.rules]


def alert_body(rule: Rule, event: SignificantEvent, company_id: str) -> dict[str, Any]:
    return {"rule": rule.name, "when": rule.when, "company_id": company_id, "event": {
        "type": event.event_type.value, "title": event.title, "polarity": event.polarity.value,
        "severity": event.severity.value, "metrics": event.metrics,
        "fingerprint": event.fingerprint,
        "source_message_ids": [source_id_of(i) for i in event.source_message_ids]}}


def check(settings: Settings, events: EventStore, messages: MessageStore, *,
          now: Callable[[], float] = time.time, send: Sender = deliver.send) -> AlertRun:
    """Record what the rules match among the stored events, then deliver what is due."""
    run = AlertRun()
    rules = rules_of(settings)
    if not rules or not settings.alerts.channels:
        return run
    # Reviewed: a rejected event never alerts, an edited one alerts with its edited figures,
    # and a confidential one is left out (a webhook or Slack channel is outside the founder's
    # hands). Not `update.require_review`: an alert that waits for approval is late.
    stored = reviewed_events(events, settings.company_id, settings, View.OUTBOUND)
    found: list[AlertDelivery] = []
    for rule, spec in zip(rules, settings.alerts.rules, strict=True):
        matching = [e for e in stored if rule.matches(e)]
        if rule.kind == "kpi":
            matching = matching[:1]  # the first event that shows the threshold crossed
        channels = spec.to or list(settings.alerts.channels)
        for event in matching:
            body = json.dumps(alert_body(rule, event, settings.company_id), sort_keys=True)
            found.extend(AlertDelivery(key=f"{rule.key(event)}|{c}", rule=rule.name, channel=c,
                                       body=body) for c in channels)
    run.fired = len(events.record_alerts(found))
    _tally(run, deliver_due(settings, events, messages, now=now, send=send))
    return run


def _tally(run: AlertRun, other: AlertRun) -> None:
    run.delivered, run.retrying, run.dead = other.delivered, other.retrying, other.dead


def deliver_due(settings: Settings, events: EventStore, messages: MessageStore, *,
                now: Callable[[], float] = time.time, send: Sender = deliver.send) -> AlertRun:
    """Attempt every pending delivery whose backoff has passed."""
    run = AlertRun()
    cfg = settings.alerts
    if not cfg.channels:
        return run
    for d in events.due_alerts(now()):
        channel = cfg.channels.get(d.channel)
        if channel is None:
            continue  # the channel was removed from the settings: leave it pending
        secret = settings.alert_secret(d.channel)
        try:
            send(channel, d.key, json.loads(d.body),
                 secret=secret.get_secret_value() if secret else None, timeout_s=cfg.timeout_s)
        except deliver.DeliveryError as exc:
            attempts = d.attempts + 1
            if attempts >= cfg.max_attempts:
                run.dead += 1
                events.update_alert(_with(d, "dead", attempts, str(exc), 0.0))
                messages.put_dead_letters([DeadLetter(
                    origin=f"alert:{d.channel}", stage="alert", message_id=None, raw=d.body,
                    reason=f"alert delivery failed {attempts} times: {exc}")])
                logger.error("alert %s dead-lettered after %d attempts: %s", d.key, attempts,
                             exc)
            else:
                run.retrying += 1
                wait_s = cfg.backoff_s * 2 ** (attempts - 1)
                events.update_alert(_with(d, "pending", attempts, str(exc), now() + wait_s))
                logger.warning("alert %s failed (attempt %d), retrying in %.1fs: %s", d.key,
                               attempts, wait_s, exc)
            continue
        run.delivered += 1
        events.update_alert(_with(d, "delivered", d.attempts + 1, "", 0.0))
    return run


def _with(d: AlertDelivery, status: str, attempts: int, error: str,
          next_at: float) -> AlertDelivery:
    return AlertDelivery(d.key, d.rule, d.channel, d.body, status, attempts, error[:500],
                         next_at)
