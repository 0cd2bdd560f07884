"""The review actions in the app: each POST (with its CSRF token) appends one decision to the
review log and the pages and the draft update follow it; without the token nothing changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from signalpipe.review import ReviewAction, ReviewStatus
from signalpipe.serve.desk import Desk
from tests.unit.serve_seed import COMPANY, csrf, open_client

App = tuple[TestClient, Desk, dict[str, str]]


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    client, desk, fps = open_client(tmp_path / "out", sender_name="Grace Singh")
    yield client, desk, fps
    desk.close()


def _post(client: TestClient, path: str, **form: str) -> int:
    r = client.post(path, data={"csrf": csrf(client), **form}, follow_redirects=False)
    return r.status_code


def _plain(client: TestClient, query: str = "period=2026-01") -> str:
    return client.get(f"/update?{query}").text.split('id="plain"')[1].split("</pre>")[0]


def test_approve_appends_one_decision_and_the_inbox_shows_it(app: App) -> None:
    client, desk, fps = app
    assert _post(client, f"/events/{fps['funding']}/approve", back_to="inbox",
                 type="funding") == 303
    (decision,) = desk.reviews.review_log(COMPANY)
    assert (decision.fingerprint, decision.action) == (fps["funding"], ReviewAction.APPROVE)
    assert decision.reviewer == "review app"
    assert desk.states()[fps["funding"]].status is ReviewStatus.APPROVED
    page = client.get("/events?status=approved").text
    assert f'id="ev-{fps["funding"]}"' in page and "1 approved" in page


def test_an_inbox_action_returns_to_the_inbox_with_its_filters(app: App) -> None:
    client, _, fps = app
    r = client.post(f"/events/{fps['hire']}/approve", follow_redirects=False, data={
        "csrf": csrf(client), "back_to": "inbox", "type": "hiring", "period": "2026-01",
        "next": "https://evil.example/"})
    assert r.headers["location"] == f"/events?type=hiring&period=2026-01#ev-{fps['hire']}"
    r = client.post(f"/events/{fps['hire']}/reopen", data={"csrf": csrf(client)},
                    follow_redirects=False)
    assert r.headers["location"] == f"/events/{fps['hire']}"


def test_reject_needs_a_reason_and_takes_the_event_out_of_the_update(app: App) -> None:
    client, desk, fps = app
    assert "Dana Wu joined as VP Sales" in _plain(client)
    assert _post(client, f"/events/{fps['hire']}/reject") == 400
    assert desk.reviews.review_log(COMPANY) == []
    assert _post(client, f"/events/{fps['hire']}/reject", reason="She declined the offer") == 303
    assert desk.states()[fps["hire"]].reason == "She declined the offer"
    assert "Dana Wu" not in _plain(client)
    page = client.get(f"/events/{fps['hire']}").text
    assert "reason: She declined the offer" in page and "reject" in page.split('id="history"')[1]
    assert _post(client, f"/events/{fps['hire']}/reopen") == 303
    assert "Dana Wu joined as VP Sales" in _plain(client)


def test_edit_keeps_the_original_beside_it_and_the_update_uses_the_edit(app: App) -> None:
    client, desk, fps = app
    assert "ARR: $3M" in _plain(client)
    assert _post(client, f"/events/{fps['arr2']}/edit", title="ARR reached $3.2M",
                 **{"metric.arr_usd": "3,200,000"}, reason="finance corrected it") == 303
    state = desk.states()[fps["arr2"]]
    assert state.title == "ARR reached $3.2M" and state.metrics == {"arr_usd": 3_200_000}
    assert state.edited_at is not None
    page = client.get(f"/events/{fps['arr2']}").text
    assert "ARR reached $3.2M" in page and 'class="original small"' in page
    assert "as extracted: ARR: $3M" in page
    assert "ARR: $3.2M" in _plain(client)
    # the event row itself is untouched: extraction owns it
    (row,) = [e for e in desk.events.list_events(COMPANY) if e.fingerprint == fps["arr2"]]
    assert row.title == "ARR reached $3M" and row.metrics == {"arr_usd": 3_000_000}


def test_edit_adds_and_removes_metrics_and_refuses_a_bad_name(app: App) -> None:
    client, desk, fps = app
    assert _post(client, f"/events/{fps['funding']}/edit", title="Closed $12M Series A",
                 **{"metric.amount_usd": ""}, new_metric="round", new_value="Series A") == 303
    assert desk.states()[fps["funding"]].metrics == {"round": "Series A"}
    assert _post(client, f"/events/{fps['funding']}/edit", title="x",
                 new_metric="Bad Name!", new_value="1") == 400
    assert _post(client, f"/events/{fps['funding']}/edit", title="") == 400
    assert len(desk.reviews.review_log(COMPANY)) == 1
    # nothing changed: no decision
    assert _post(client, f"/events/{fps['funding']}/edit", title="Closed $12M Series A",
                 **{"metric.round": "Series A"}) == 303
    assert len(desk.reviews.review_log(COMPANY)) == 1


def test_merge_folds_one_event_into_another(app: App) -> None:
    client, desk, fps = app
    r = client.post(f"/events/{fps['arr3']}/merge", data={
        "csrf": csrf(client), "into": fps["arr2"]}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/events/{fps['arr2']}"
    assert desk.states()[fps["arr3"]].merged_into == fps["arr2"]
    assert "1 merged" in client.get("/events").text
    kpis = client.get("/kpis").text.split('id="kpi-arr"')[1]
    assert 'class="conflict"' not in kpis.split("</section>")[0]
    assert _post(client, f"/events/{fps['arr3']}/merge", into="nope") == 400
    assert _post(client, f"/events/{fps['arr2']}/merge", into=fps["arr2"]) == 400


def test_confidential_events_leave_the_update_and_come_back_when_public(app: App) -> None:
    client, desk, fps = app
    assert "Northwind" in _plain(client)
    assert _post(client, f"/events/{fps['funding']}/confidential", confidential="on") == 303
    assert desk.states()[fps["funding"]].confidential
    assert "Northwind" not in _plain(client)
    assert "Northwind" not in client.get("/update/download/eml?period=2026-01").text
    assert "confidential" in client.get("/events?type=funding").text
    assert _post(client, f"/events/{fps['funding']}/confidential", confidential="off") == 303
    assert "Northwind" in _plain(client)


def test_picking_a_kpi_figure_settles_the_conflict_everywhere(app: App) -> None:
    client, desk, _ = app
    assert "ARR: $3M" in _plain(client)
    assert _post(client, "/kpis/pick", conflict="kpi:arr:2026-01-28", value="2900000.0") == 303
    (decision,) = desk.reviews.review_log(COMPANY)
    assert decision.action is ReviewAction.PICK_KPI and decision.metrics == {"value": 2.9e6}
    assert "ARR: $2.9M" in _plain(client)
    page = client.get("/kpis").text
    assert "picked $2.9M" in page and "ARR</strong>: $2.9M" in page
    assert _post(client, "/kpis/unpick", conflict="kpi:arr:2026-01-28") == 303
    assert "ARR: $3M" in _plain(client)
    assert _post(client, "/kpis/pick", conflict="kpi:arr:2026-01-28", value="1.0") == 400
    assert _post(client, "/kpis/pick", conflict="kpi:arr:2026-01-05", value="1500000.0") == 400
    assert client.post("/kpis/pick", data={"conflict": "kpi:arr:2026-01-28",
                                           "value": "2900000.0"}).status_code == 403


@pytest.mark.parametrize("action", ["approve", "reject", "reopen", "edit", "merge",
                                    "confidential"])
def test_every_action_refuses_a_missing_or_wrong_csrf_token(app: App, action: str) -> None:
    client, desk, fps = app
    path = f"/events/{fps['arr1']}/{action}"
    form = {"reason": "x", "title": "y", "into": fps["arr2"]}
    assert client.post(path, data=form).status_code == 403
    assert client.post(path, data={**form, "csrf": "forged" * 7}).status_code == 403
    other = TestClient(client.app)  # another browser: its own cookie, not ours
    other.get("/events")
    assert other.post(path, data={**form, "csrf": csrf(client)}).status_code == 403
    assert desk.reviews.review_log(COMPANY) == []


def test_actions_are_post_only_and_unknown_events_are_404(app: App) -> None:
    client, _, fps = app
    assert client.get(f"/events/{fps['arr1']}/approve").status_code == 405
    assert _post(client, "/events/ffff/approve") == 404


def test_require_review_builds_the_update_from_approved_events_only(tmp_path: Path) -> None:
    client, desk, fps = open_client(tmp_path / "out", require_review=True)
    try:
        page = client.get("/update?period=2026-01").text
        assert "Built from approved events only" in page and "0 approved, 6 waiting" in page
        assert "ARR" not in _plain(client)  # no KPI figure from an unapproved event
        assert "Northwind" not in _plain(client)
        assert _post(client, f"/events/{fps['funding']}/approve") == 303
        assert "Northwind" in _plain(client)
        assert "Dana Wu" not in _plain(client)
    finally:
        desk.close()
