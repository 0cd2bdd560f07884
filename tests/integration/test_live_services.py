"""The live flow on the services stack: `sync slack` feeds Kafka (cursors written once the
producer is flushed), a worker stores into Cassandra and PostgreSQL, an edit becomes a new
version whose events replace the old, and an alert fires once (real servers, fake Slack)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from signalpipe import live, pipeline
from signalpipe.backends import make_sync, open_backends
from signalpipe.models import message_key
from signalpipe.settings import AlertChannel, AlertRuleSettings, AlertSettings, Settings
from tests.fakes.alert_sinks import HTTPSink
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import Isolated

pytestmark = pytest.mark.integration


@pytest.fixture
def slack(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSlack]:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    with FakeSlack() as fake:
        fake.user("U1", "Ada Founder")
        fake.channel("C1", "general")
        yield fake


def _pass(settings: Settings) -> None:
    backends = open_backends(settings)
    try:
        live.sync(settings, backends, make_sync(settings, "slack"))
        pipeline.work(settings, backends, idle_exit_s=3.0)
        from signalpipe.alerts import engine

        engine.check(settings, backends.events, backends.messages)
    finally:
        backends.close()


def test_sync_edit_and_alert_on_the_services_stack(isolated: Isolated,
                                                   slack: FakeSlack) -> None:
    ts = slack.post("C1", "Great news: Acme signed a $600,000 enterprise contract with us")
    for i in range(30):
        slack.post("C1", f"note {i}")
    with HTTPSink() as hook:
        settings = isolated.settings.model_copy(update={
            "slack": isolated.settings.slack.model_copy(update={"api_url": slack.url,
                                                                "page_size": 7,
                                                                "respect_tiers": False}),
            "alerts": AlertSettings(
                rules=[AlertRuleSettings(
                    when="event enterprise_deal and metric value_usd >= 500000")],
                channels={"vc": AlertChannel(kind="webhook", url=hook.url)})})
        _pass(settings)
        slack.edit("C1", ts, "Great news: Acme signed a $900,000 enterprise contract with us")
        _pass(settings)
        backends = open_backends(settings)
        try:
            assert backends.messages.count() == 31
            assert backends.messages.dead_letters() == []
            assert [c.scope for c in backends.messages.cursors(settings.company_id)] == ["C1"]
            key = message_key(settings.company_id, "slack", f"C1:{ts}")
            assert len(backends.messages.versions(key)) == 1
            deals = [e.metrics.get("value_usd") for e in backends.events.list_events(
                settings.company_id)]
            assert deals == [900_000]
        finally:
            backends.close()
        values = [json.loads(b)["event"]["metrics"]["value_usd"] for _, b in hook.received]
        # Once per event: the edit revises the same deal (its identity is the customer), so the
        # stored event now says $900k and no second alert goes out.
        assert values == [600_000]
