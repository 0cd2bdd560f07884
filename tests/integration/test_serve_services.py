"""The review app on the services stack: messages in Cassandra, events, KPIs and the review log
in PostgreSQL. The same flow as the embedded tests (approve, reject, edit a metric, pick a KPI,
confidential), then extraction writes the events again and no decision is undone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from signalpipe.review import ReviewAction
from signalpipe.serve.desk import Desk
from tests.integration.conftest import Isolated
from tests.unit.serve_seed import company_data, csrf, seed

pytestmark = pytest.mark.integration

App = tuple[TestClient, Desk, dict[str, str]]


@pytest.fixture
def app(isolated: Isolated) -> Iterator[App]:
    from signalpipe.serve.app import create_app
    from signalpipe.serve.desk import open_desk

    settings = isolated.settings.model_copy(update={"update": isolated.settings.update.model_copy(
        update={"sender_name": "Grace Singh"})})
    desk = open_desk(settings)
    assert type(desk.events).__name__ == "PostgresEventStore"
    assert type(desk.messages).__name__ == "CassandraMessageStore"
    fps = seed(desk.messages, desk.events, settings.company_id)
    client = TestClient(create_app(desk, allowed_hosts=["testserver"]))
    client.get("/events")
    yield client, desk, fps
    desk.close()


def _post(client: TestClient, path: str, **form: str) -> int:
    return client.post(path, data={"csrf": csrf(client), **form},
                       follow_redirects=False).status_code


def _plain(client: TestClient) -> str:
    return client.get("/update?period=2026-01").text.split('id="plain"')[1]


def test_review_on_the_services_stack_survives_extraction_writing_the_events_again(
        app: App) -> None:
    client, desk, fps = app
    inbox = client.get("/events")
    assert inbox.status_code == 200 and "6 to review" in inbox.text
    assert "Big milestone: <mark>ARR reached $3M</mark> this week." in inbox.text
    assert "&lt;script&gt;" in inbox.text and "<script>document" not in inbox.text
    assert "Correction from finance" in client.get(f"/events/{fps['arr2']}").text  # neighbour

    assert _post(client, f"/events/{fps['funding']}/approve") == 303
    assert _post(client, f"/events/{fps['hire']}/reject", reason="She declined") == 303
    assert _post(client, f"/events/{fps['arr1']}/edit", title="ARR reached $1.6M",
                 **{"metric.arr_usd": "1600000"}) == 303
    assert _post(client, "/kpis/pick", conflict="kpi:arr:2026-01-28", value="2900000.0") == 303
    assert _post(client, f"/events/{fps['hostile']}/confidential", confidential="on") == 303
    assert client.post(f"/events/{fps['arr3']}/approve", data={}).status_code == 403

    def check() -> None:
        plain = _plain(client)
        assert "Dana Wu" not in plain and "Initech" not in plain
        assert "ARR $1.6M → $2.9M" in plain and "Series A" in plain
        assert "4 to review · 1 approved · 1 rejected" in client.get("/events").text

    check()
    log = desk.events.review_log(desk.company)
    assert [d.action for d in log][:5] == [ReviewAction.APPROVE, ReviewAction.REJECT,
                                           ReviewAction.EDIT, ReviewAction.PICK_KPI,
                                           ReviewAction.CONFIDENTIAL]
    # extraction runs again (a replay): the same events and figures are written once more
    _, events = company_data(desk.company)
    desk.events.upsert_many(list(events.values()))
    check()
    for path in ("/kpis", "/run", "/update/download/eml?period=2026-01"):
        assert client.get(path).status_code == 200
