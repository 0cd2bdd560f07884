"""The inbox keeps a launch told by its platform and by its name as two rows (each is approved
on its own) and says, on each, that the update lists them as one."""

from __future__ import annotations

from pathlib import Path

from signalpipe.kpis import event_date
from signalpipe.models import SignificantEvent
from signalpipe.review import ReviewState
from signalpipe.serve.inbox import Row, twins
from tests.unit.serve_seed import _event, open_client


def _launches() -> list[SignificantEvent]:
    named = _event("f1", "product_launch", "Launched ScaleFlow 2.0", "closed our $12M Series A",
                   12, {"product": "ScaleFlow 2.0"})
    platform = _event("f1", "product_launch", "Launched on Product Hunt",
                      "closed our $12M Series A", 12)
    later = _event("a2", "product_launch", "Launched on Hacker News", "ARR reached $3M", 28)
    return [named, platform, later]


def _row(event: SignificantEvent) -> Row:
    return Row(event, ReviewState(event.fingerprint), event_date(event))


def test_each_of_two_tellings_of_one_day_names_the_other() -> None:
    rows = [_row(e) for e in _launches()]
    found = twins(rows, rows)
    assert found[rows[0].event.fingerprint] is rows[1]
    assert found[rows[1].event.fingerprint] is rows[0]
    assert rows[2].event.fingerprint not in found  # no named launch that day


def test_the_inbox_shows_the_same_day_hint_and_keeps_both_rows(tmp_path: Path) -> None:
    client, desk, _ = open_client(tmp_path / "out")
    try:
        desk.events.upsert_many(_launches())
        page = client.get("/events").text
    finally:
        desk.close()
    assert "9 to review" in page  # the seed's six and all three launches: nothing folded here
    hint = page.split('Launched on Product Hunt</span>')[1].split("</div>")[0]
    assert "same day as" in hint and "Launched ScaleFlow 2.0</a>" in hint
    assert "the update lists them as one" in hint
    alone = page.split('Launched on Hacker News</span>')[1].split("</div>")[0]
    assert "same day as" not in alone
