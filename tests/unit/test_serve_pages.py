"""The review app's pages (Starlette's TestClient over a seeded SQLite store): the inbox with
its filters and highlighted evidence, one event's page with its neighbours, KPIs with the
conflict, the update's previews and downloads, the run view; hostile text stays text."""

from __future__ import annotations

import email
import re
from collections.abc import Iterator
from email import policy
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from signalpipe.models import BatchUsage, DeadLetter, SignificantEvent
from signalpipe.serve.desk import Desk
from tests.unit.serve_seed import EVENTS, open_client


@pytest.fixture
def app(tmp_path: Path) -> Iterator[tuple[TestClient, Desk, dict[str, str]]]:
    client, desk, fps = open_client(tmp_path / "out", to=["Ada Park <ada@northfield.vc>"],
                                    sender_name="Grace Singh")
    yield client, desk, fps
    desk.close()


def _ids(html: str) -> list[str]:
    return re.findall(r'<section class="event [a-z]+" id="ev-([0-9a-f]+)"', html)


def test_the_inbox_lists_every_event_pending_with_its_evidence_highlighted(app: tuple[
        TestClient, Desk, dict[str, str]]) -> None:
    client, _, fps = app
    page = client.get("/events")
    assert page.status_code == 200
    assert set(_ids(page.text)) == set(fps.values())
    assert "6 to review · 0 approved" in page.text
    assert "Big milestone: <mark>ARR reached $3M</mark> this week." in page.text
    assert page.text.count('class="primary approve"') == 6
    around = page.text.split(f'id="ev-{fps["arr2"]}"')[1].split("</details>")[0]
    assert "Around it in this conversation (1)" in around  # a3, an hour later in #general
    assert "after · Omar Diaz" in around and "ARR is $2.9M as of today" in around
    root = client.get("/", follow_redirects=False)
    assert root.headers["location"] == "/events"  # the root is the inbox


@pytest.mark.parametrize(("query", "expected"), [
    ("type=funding", {"funding"}),
    ("type=revenue_milestone", {"arr1", "arr2", "arr3"}),
    ("source=gmail", {"funding"}),
    ("source=slack", {"arr1", "arr2", "arr3", "hire", "hostile"}),
    ("polarity=negative", set()),
    ("status=approved", set()),
    ("period=2026-01&type=hiring", {"hire"}),
    ("since=2026-01-20&until=2026-01-31", {"arr2", "arr3", "hostile"}),
    ("period=2025-12", set()),
])
def test_inbox_filters_by_type_polarity_status_source_and_period(
        app: tuple[TestClient, Desk, dict[str, str]], query: str, expected: set[str]) -> None:
    client, _, fps = app
    page = client.get(f"/events?{query}")
    assert page.status_code == 200
    assert set(_ids(page.text)) == {fps[n] for n in expected}
    if not expected:
        assert "No events match." in page.text


@pytest.mark.parametrize("query", ["type=gossip", "status=lost", "source=fax",
                                   "period=2026-13", "since=yesterday", "page=two"])
def test_a_bad_filter_is_a_400_that_says_what_is_wrong(
        app: tuple[TestClient, Desk, dict[str, str]], query: str) -> None:
    client, _, _ = app
    page = client.get(f"/events?{query}")
    assert page.status_code == 400
    assert '<p class="error">' in page.text


def test_the_inbox_pages_fifty_at_a_time(app: tuple[TestClient, Desk, dict[str, str]],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from signalpipe.serve import routes_events

    monkeypatch.setattr(routes_events, "PAGE_SIZE", 4)
    client, _, _ = app
    first, second = client.get("/events"), client.get("/events?page=2")
    assert len(_ids(first.text)) == 4 and len(_ids(second.text)) == 2
    assert "page 1 of 2 (6 events)" in first.text and 'href="/events?page=2"' in first.text
    ranged = client.get("/events?since=2026-01-01&until=2026-01-31&type=revenue_milestone")
    assert '<input type="hidden" name="since" value="2026-01-01">' in ranged.text
    assert '<input type="hidden" name="until" value="2026-01-31">' in ranged.text


def test_an_event_page_shows_evidence_neighbours_merge_targets_and_no_history_yet(
        app: tuple[TestClient, Desk, dict[str, str]]) -> None:
    client, _, fps = app
    page = client.get(f"/events/{fps['arr2']}")
    assert page.status_code == 200
    assert "<mark>ARR reached $3M</mark>" in page.text
    context = page.text.split('id="context"')[1]
    # a3 follows a2 in #general and is cited by an event of the same day
    assert context.index("ARR reached $3M this week") < context.index("ARR is $2.9M")
    assert f'<option value="{fps["arr3"]}">' in page.text  # same type: a merge target
    assert f'<option value="{fps["funding"]}">' not in page.text
    assert "Not reviewed yet." in page.text
    # the edit form names a figure as the reader knows it, its store key beside it
    assert '<label>ARR <span class="small muted">arr_usd</span>' in page.text
    assert client.get("/events/0000").status_code == 404


def test_hostile_message_text_renders_as_inert_text_everywhere(
        app: tuple[TestClient, Desk, dict[str, str]]) -> None:
    client, _, fps = app
    for path in ("/events", f"/events/{fps['hostile']}"):
        html = client.get(path).text
        assert "<script>document" not in html and "<img src=x" not in html
        assert 'href="javascript:' not in html
        assert "&lt;script&gt;document.title=&#34;owned&#34;&lt;/script&gt;" in html
        assert "\x1b" not in html and "\\x1b[2J" in html  # the escape shown, not sent
    preview = client.get("/update/preview.html").text
    assert "<script>" not in preview and "<img src=x" not in preview


def test_every_page_sends_a_script_free_content_security_policy(
        app: tuple[TestClient, Desk, dict[str, str]]) -> None:
    client, _, _ = app
    for path in ("/events", "/kpis", "/update", "/update/preview.html", "/run"):
        r = client.get(path)
        assert r.status_code == 200
        assert "default-src 'none'" in r.headers["content-security-policy"]
        assert "script-src" not in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert "<script" not in r.text


def test_kpis_page_charts_each_metric_and_shows_the_conflict_with_both_sources(
        app: tuple[TestClient, Desk, dict[str, str]]) -> None:
    client, _, _ = app
    page = client.get("/kpis")
    assert page.status_code == 200
    arr = page.text.split('id="kpi-arr"')[1]
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in arr and "ARR: $3M" in arr
    conflict = page.text.split('id="conflict-arr-2026-01-28"')[1].split("</div>\n</div>")[0]
    assert "the messages state 2 figures" in conflict
    assert "<strong>$3M</strong>" in conflict and "<strong>$2.9M</strong>" in conflict
    assert "Big milestone: ARR reached $3M this week." in conflict
    assert "Correction from finance: ARR is $2.9M as of today." in conflict
    assert conflict.count('class="pick"') == 2
    assert "No KPI figures" in client.get("/kpis?period=2025-01").text


def test_update_page_previews_html_and_text_and_links_the_downloads(
        app: tuple[TestClient, Desk, dict[str, str]]) -> None:
    client, _, _ = app
    page = client.get("/update?period=2026-01")
    assert page.status_code == 200
    assert "Scaleflow update, January 2026" in page.text
    assert 'src="/update/preview.html?period=2026-01" sandbox' in page.text
    plain = page.text.split('id="plain"')[1]
    assert "ARR: $3M" in plain and "Dana Wu joined as VP Sales" in plain
    for fmt in ("md", "html", "eml"):
        assert f'href="/update/download/{fmt}?period=2026-01"' in page.text


def test_downloads_are_the_update_in_md_html_and_eml(
        app: tuple[TestClient, Desk, dict[str, str]]) -> None:
    client, _, _ = app
    md = client.get("/update/download/md?period=2026-01")
    assert md.headers["content-disposition"] == 'attachment; filename="investor_update.md"'
    assert md.text.startswith("# Scaleflow update, January 2026")
    html = client.get("/update/download/html?period=2026-01")
    assert html.text.startswith("<!DOCTYPE html>") and "Key metrics" in html.text
    eml = client.get("/update/download/eml?period=2026-01")
    msg = email.message_from_bytes(eml.content, policy=policy.default)
    assert msg["To"] == "Ada Park <ada@northfield.vc>"
    assert msg["Subject"].startswith("Scaleflow update, January 2026")
    assert client.get("/update/download/pdf").status_code == 404
    assert client.get("/update/download/..%2F..%2Fetc%2Fpasswd").status_code == 404


def test_run_view_shows_the_funnel_dead_letters_and_cost(
        app: tuple[TestClient, Desk, dict[str, str]]) -> None:
    client, desk, _ = app
    desk.messages.put_dead_letters([DeadLetter(origin="in.csv:7", reason="malformed CSV: "
                                               "unclosed quote", stage="read",
                                               raw='x,"<b>oops')])
    page = client.get("/run")
    assert page.status_code == 200
    funnel = page.text.split('id="funnel"')[1].split("</table>")[0]
    assert re.search(r"Messages stored</td><td[^>]*>8<", funnel)
    assert re.search(r"Events stored</td><td[^>]*>6<", funnel)
    letters = page.text.split('id="dead-letters"')[1]
    assert "malformed CSV: unclosed quote" in letters and "in.csv:7" in letters
    assert "&lt;b&gt;oops" in letters
    assert "0 extraction calls" in page.text and "$0.0000" in page.text


def test_an_unexpected_error_is_a_plain_500_page(
        app: tuple[TestClient, Desk, dict[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    from signalpipe.serve import routes_run

    def broken(desk: Desk) -> None:
        raise RuntimeError("store went away at /secret/path")

    monkeypatch.setattr(routes_run, "run_view", broken)
    client, _, _ = app
    quiet = TestClient(client.app, raise_server_exceptions=False)
    r = quiet.get("/run")
    assert r.status_code == 500 and "Something went wrong." in r.text
    assert "/secret/path" not in r.text


def test_the_run_view_says_the_rules_cost_nothing_and_counts_merged_sightings(
        app: tuple[TestClient, Desk, dict[str, str]]) -> None:
    client, desk, _ = app
    desk.events.record_usage([BatchUsage(batch_id=f"b{n}", provider="rules", model="rules-v2",
                                         messages=10, sent_messages=10, events_proposed=9,
                                         events_rejected=1) for n in range(2)])
    page = client.get("/run").text
    funnel = page.split('id="funnel"')[1].split("</table>")[0]
    # 18 candidates, 2 rejected, 6 stored: 10 joined events already found (was left unsaid)
    assert re.search(r"Merged into an event already found</td><td[^>]*>10<", funnel)
    assert "2 batches read by the offline rules: no model was called" in page
    assert "0 input and 0 output tokens" not in page  # was "2 extraction calls, 0 input ..."
    assert 'href="/update"' in page.split('id="cost"')[1]  # says what to do next


def test_an_events_page_does_not_repeat_its_title_as_a_stale_count() -> None:
    from signalpipe.serve.pages import _beyond_title

    # beside "2 sources" once merged, "Stated in 1 message" contradicted the head
    assert _beyond_title("Hired Dana Wu. Stated in 1 message.", "Hired Dana Wu") == ""
    assert _beyond_title("Hired Dana Wu. Stated in 12 messages.", "Hired Dana Wu") == ""
    said = "Dana Wu joins from Stripe to lead sales."  # an LLM's description says more
    assert _beyond_title(said, "Hired Dana Wu") == said


def test_the_update_preview_dates_an_undated_event_by_its_message(
        app: tuple[TestClient, Desk, dict[str, str]]) -> None:
    client, desk, _ = app
    launch = SignificantEvent.model_validate({
        **EVENTS["hire"].model_dump(), "event_type": "product_launch", "fingerprint": "",
        "title": "Launched Relay", "metrics": {"product": "Relay"},
        "timeline": "early this year"})
    desk.events.upsert_many([launch])
    page = client.get("/update?period=2026-01").text
    assert "Launched Relay" in page  # was left out of the month's preview
