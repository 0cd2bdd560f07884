"""A small company for the review app's tests: messages in a Slack channel and an email, six
events with evidence offsets (one quoting hostile markup), a same-day KPI conflict."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from starlette.testclient import TestClient

from signalpipe.kpis import observations
from signalpipe.models import EvidenceSpan, Message, SignificantEvent, Source
from signalpipe.serve.desk import Desk
from signalpipe.settings import Settings, UpdateSettings
from signalpipe.stores.base import EventStore, MessageStore

COMPANY = "scaleflow"
HOSTILE = ('Partnership with Initech <script>document.title="owned"</script>'
           '<img src=x onerror="document.title=\'owned\'"> <a href="javascript:alert(1)">go</a>'
           " \x1b[2J\x1b]0;pwned\x07 done")


def _msg(mid: str, text: str, day: int, hour: int = 10, *, source: Source = Source.SLACK,
         channel: str | None = "general", thread: str | None = None,
         sender: str = "Grace Singh", subject: str | None = None) -> Message:
    return Message(id=mid, company_id=COMPANY, source=source, sender=sender,
                   channel=channel if source is Source.SLACK else None, thread_id=thread,
                   subject=subject, timestamp=datetime(2026, 1, day, hour, tzinfo=UTC),
                   text=text)


MESSAGES = [
    _msg("a0", "Morning all, numbers coming later today.", 28, 9),
    _msg("a1", "Big milestone: ARR reached $1.5M this week.", 5),
    _msg("a2", "Big milestone: ARR reached $3M this week.", 28),
    _msg("a3", "Correction from finance: ARR is $2.9M as of today.", 28, 11,
         sender="Omar Diaz"),
    _msg("a4", "Great work team, drinks on Friday.", 28, 12),
    _msg("f1", "We closed our $12M Series A led by Northwind Ventures.", 12,
         source=Source.GMAIL, sender="ceo@scaleflow.io", subject="Series A closed",
         thread="t-f1"),
    _msg("h1", "Please welcome Dana Wu, who joins as VP Sales on Monday.", 15),
    _msg("x1", HOSTILE, 20, sender="Lea Park"),
]


def _span(mid: str, phrase: str) -> EvidenceSpan:
    text = next(m.text for m in MESSAGES if m.id == mid)
    start = text.index(phrase)
    return EvidenceSpan(message_id=mid, start=start, end=start + len(phrase))


def _event(mid: str, kind: str, title: str, phrase: str, day: int,
           metrics: dict[str, int | float | str] | None = None,
           polarity: str = "positive") -> SignificantEvent:
    return SignificantEvent.model_validate({
        "company_id": COMPANY, "event_type": kind, "severity": "high", "title": title,
        "metrics": metrics or {}, "timeline": f"2026-01-{day:02d}",
        "source_message_ids": [mid], "evidence": phrase, "evidence_spans": [_span(mid, phrase)],
        "confidence": 0.9, "extractor": "rules", "polarity": polarity})


EVENTS = {
    "arr1": _event("a1", "revenue_milestone", "ARR reached $1.5M", "ARR reached $1.5M", 5,
                   {"arr_usd": 1_500_000}),
    "arr2": _event("a2", "revenue_milestone", "ARR reached $3M", "ARR reached $3M", 28,
                   {"arr_usd": 3_000_000}),
    "arr3": _event("a3", "revenue_milestone", "ARR is $2.9M", "ARR is $2.9M", 28,
                   {"arr_usd": 2_900_000}),
    "funding": _event("f1", "funding", "Closed $12M Series A led by Northwind Ventures",
                      "closed our $12M Series A", 12, {"amount_usd": 12_000_000}),
    "hire": _event("h1", "hiring", "Hired Dana Wu as VP Sales", "Dana Wu, who joins as VP Sales",
                   15),
    "hostile": _event("x1", "partnership", HOSTILE[:120], "Partnership with Initech", 20),
}


def company_data(company: str = COMPANY) -> tuple[list[Message], dict[str, SignificantEvent]]:
    """The messages and events, as another company's (the services tests' own id)."""
    if company == COMPANY:
        return MESSAGES, EVENTS
    messages = [m.model_copy(update={"company_id": company}) for m in MESSAGES]
    events = {name: SignificantEvent.model_validate({
        **e.model_dump(), "company_id": company, "fingerprint": ""})
        for name, e in EVENTS.items()}
    return messages, events


def seed(messages: MessageStore, events: EventStore,
         company: str = COMPANY) -> dict[str, str]:
    """Store the company; returns name -> fingerprint."""
    stored, found = company_data(company)
    messages.put_many(stored)
    events.upsert_many(list(found.values()))
    events.put_kpis(observations(found.values()))  # the ledger rows the runner writes
    return {name: e.fingerprint for name, e in found.items()}


def open_client(out_dir: Path, *, token: str | None = None,
                **update: object) -> tuple[TestClient, Desk, dict[str, str]]:
    """A test client over a seeded SQLite store in `out_dir`; `update` sets update.* settings.
    The client has been to a page, so it holds the CSRF cookie (`csrf(client)` reads it)."""
    from signalpipe.serve.app import create_app
    from signalpipe.serve.desk import open_desk

    settings = Settings(output_dir=out_dir, update=UpdateSettings(**update))
    desk = open_desk(settings)
    fps = seed(desk.messages, desk.events)
    client = TestClient(create_app(desk, token=token, allowed_hosts=["testserver"]))
    client.get("/login")
    return client, desk, fps


def csrf(client: TestClient) -> str:
    value = client.cookies.get("sp_csrf")
    assert value, "no CSRF cookie handed out"
    return str(value)
