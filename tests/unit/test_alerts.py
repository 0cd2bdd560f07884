"""Investor alerts: the rule language, once-only firing, signed webhooks, Slack and SMTP
delivery, retries with backoff and dead letters (local endpoints, SQLite stores)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from signalpipe.alerts import deliver, engine
from signalpipe.alerts.rules import parse
from signalpipe.errors import ConfigError
from signalpipe.models import EventType, Polarity, Severity, SignificantEvent
from signalpipe.settings import Settings, load_settings
from signalpipe.stores.sqlite import SQLiteEventStore, SQLiteMessageStore
from tests.fakes.alert_sinks import HTTPSink, SMTPSink


def _event(kind: EventType, title: str, metrics: dict[str, Any] | None = None,
           polarity: Polarity = Polarity.POSITIVE, source: str = "m-1") -> SignificantEvent:
    return SignificantEvent(company_id="scaleflow", event_type=kind, severity=Severity.HIGH,
                            title=title, metrics=metrics or {}, polarity=polarity,
                            source_message_ids=[source])


FUNDING = _event(EventType.FUNDING, "Series A closed", {"amount_usd": 12_000_000})
BIG_DEAL = _event(EventType.ENTERPRISE_DEAL, "Acme signed", {"value_usd": 600_000})
SMALL_DEAL = _event(EventType.ENTERPRISE_DEAL, "Tiny Co signed", {"value_usd": 20_000})
LOST = _event(EventType.ENTERPRISE_DEAL, "Lost Globex", {"value_usd": 300_000},
              Polarity.NEGATIVE)
ARR_1 = _event(EventType.REVENUE_MILESTONE, "ARR at $1.5M", {"arr_usd": 1_500_000})
ARR_2 = _event(EventType.REVENUE_MILESTONE, "ARR at $2.1M", {"arr_usd": 2_100_000})
ARR_3 = _event(EventType.REVENUE_MILESTONE, "ARR at $2.6M", {"arr_usd": 2_600_000})


def test_the_rule_language() -> None:
    assert parse("event funding").matches(FUNDING) and not parse("event funding").matches(
        BIG_DEAL)
    deal = parse("event enterprise_deal and metric value_usd >= 500000")
    assert [deal.matches(e) for e in (BIG_DEAL, SMALL_DEAL, FUNDING)] == [True, False, False]
    low = parse("event * lowlight")
    assert [low.matches(e) for e in (LOST, BIG_DEAL)] == [True, False]
    kpi = parse("kpi arr >= 2000000")
    assert [kpi.matches(e) for e in (ARR_1, ARR_2)] == [False, True] and kpi.kind == "kpi"
    for bad in ("event fundraise", "kpi arr", "when funding", "event funding and arr > 1"):
        with pytest.raises(ConfigError, match="alert rule"):
            parse(bad)


@pytest.fixture
def hook() -> Iterator[HTTPSink]:
    with HTTPSink() as sink:
        yield sink


def _settings(tmp_path: Path, channels: dict[str, Any], **extra: Any) -> Settings:
    rules = [{"when": "kpi arr >= 2000000", "name": "arr-2m"},
             {"when": "event enterprise_deal and metric value_usd >= 500000"},
             {"when": "event funding"}, {"when": "event * lowlight"}]
    return load_settings(output_dir=tmp_path, alerts={
        "rules": rules, "channels": channels, "backoff_s": 0, **extra})


class _Clock:
    def __init__(self) -> None:
        self.t = 1_000.0

    def __call__(self) -> float:
        return self.t


def _stores(tmp_path: Path) -> tuple[SQLiteEventStore, SQLiteMessageStore]:
    return (SQLiteEventStore(tmp_path / "signalpipe.sqlite3"),
            SQLiteMessageStore(tmp_path / "signalpipe.sqlite3"))


def test_each_alert_fires_once_signed_across_reruns_and_restarts(
        hook: HTTPSink, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOOK_KEY", "s3cret")
    settings = _settings(tmp_path, {"vc": {"kind": "webhook", "url": hook.url,
                                           "secret_env": "HOOK_KEY"}})
    events, messages = _stores(tmp_path)
    events.upsert_many([FUNDING, BIG_DEAL, SMALL_DEAL, LOST, ARR_1, ARR_2])
    events.upsert_many([ARR_3])  # later: the threshold was crossed already
    run = engine.check(settings, events, messages)
    assert (run.fired, run.delivered) == (4, 4)
    engine.check(settings, events, messages)
    events.upsert_many([FUNDING.model_copy(update={"source_message_ids": ["m-9"]})])  # replay
    events.close()
    events, messages = _stores(tmp_path)  # a restart
    assert engine.check(settings, events, messages).fired == 0
    bodies = [json.loads(body) for _, body in hook.received]
    assert sorted(b["event"]["title"] for b in bodies) == [
        "ARR at $2.1M", "Acme signed", "Lost Globex", "Series A closed"]
    for headers, body in hook.received:
        expected = deliver.signature("s3cret", headers["X-Signalpipe-Timestamp"], body)
        assert headers["X-Signalpipe-Signature"] == expected
    assert len({h["X-Signalpipe-Delivery"] for h, _ in hook.received}) == 4


def test_an_endpoint_down_then_back_gets_the_alert_exactly_once(
        hook: HTTPSink, tmp_path: Path) -> None:
    settings = _settings(tmp_path, {"vc": {"kind": "webhook", "url": hook.url}},
                         backoff_s=10.0)
    events, messages = _stores(tmp_path)
    events.upsert_many([FUNDING])
    clock = _Clock()
    hook.down = True
    assert engine.check(settings, events, messages, now=clock).retrying == 1
    clock.t += 5  # inside the backoff: no attempt
    assert engine.deliver_due(settings, events, messages, now=clock).retrying == 0
    clock.t += 10
    assert engine.deliver_due(settings, events, messages, now=clock).retrying == 1
    hook.down = False
    clock.t += 20
    assert engine.deliver_due(settings, events, messages, now=clock).delivered == 1
    clock.t += 100
    engine.check(settings, events, messages, now=clock)
    assert (hook.refused, len(hook.received)) == (2, 1)
    assert [d.status for d in events.alerts()] == ["delivered"]


def test_a_delivery_that_keeps_failing_is_dead_lettered(hook: HTTPSink,
                                                        tmp_path: Path) -> None:
    settings = _settings(tmp_path, {"vc": {"kind": "webhook", "url": hook.url}},
                         max_attempts=3)
    events, messages = _stores(tmp_path)
    events.upsert_many([FUNDING])
    hook.down = True
    for _ in range(5):
        engine.check(settings, events, messages)
    assert hook.refused == 3 and [d.status for d in events.alerts()] == ["dead"]
    [letter] = messages.dead_letters()
    assert letter.stage == "alert" and "3 times" in letter.reason


def test_slack_incoming_webhook_and_smtp(hook: HTTPSink, tmp_path: Path) -> None:
    with SMTPSink() as smtp:
        settings = _settings(tmp_path, {
            "team": {"kind": "slack", "url": hook.url},
            "partner": {"kind": "smtp", "smtp_port": smtp.port, "to": ["vc@fund.io"]}})
        events, messages = _stores(tmp_path)
        events.upsert_many([FUNDING])
        assert engine.check(settings, events, messages).delivered == 2
        [(_, body)] = hook.received
        assert json.loads(body) == {"text": "[signalpipe] event funding: Series A closed"}
        [mail] = smtp.received
        assert mail["Subject"] == "[signalpipe] event funding: Series A closed"
        assert mail["To"] == "vc@fund.io" and mail["X-Signalpipe-Delivery"]


def test_an_incomplete_channel_is_a_settings_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="needs url"):
        load_settings(output_dir=tmp_path, alerts={"channels": {"x": {"kind": "webhook"}}})


def test_alerts_follow_the_review_log(hook: HTTPSink, tmp_path: Path) -> None:
    """A rejected event never alerts, a confidential one is not sent outside, and an edited
    figure is what the rules see (issue 14)."""
    from signalpipe.review import ReviewAction, ReviewDecision

    settings = _settings(tmp_path, {"vc": {"kind": "webhook", "url": hook.url}})
    events, messages = _stores(tmp_path)
    events.upsert_many([FUNDING, BIG_DEAL, LOST, SMALL_DEAL])
    for n, (event, action, extra) in enumerate([
            (FUNDING, ReviewAction.REJECT, {"reason": "a rumour"}),
            (LOST, ReviewAction.CONFIDENTIAL, {}),
            (BIG_DEAL, ReviewAction.EDIT, {"metrics": {"value_usd": 60_000}}),
            (SMALL_DEAL, ReviewAction.EDIT, {"metrics": {"value_usd": 700_000}})]):
        events.record_review(ReviewDecision("scaleflow", event.fingerprint, action, float(n),
                                            **extra))  # type: ignore[arg-type]
    assert engine.check(settings, events, messages).fired == 1
    (body,) = [json.loads(b) for _, b in hook.received]
    assert (body["event"]["title"], body["event"]["metrics"]) == ("Tiny Co signed",
                                                                 {"value_usd": 700_000})
    events.close()
    messages.close()
