"""The outreach email as the investor it goes to reads it (found by reading ScaleFlow's): the
latest round is the one named, the subject is a line worth opening, and one figure fills one
KPI."""

from __future__ import annotations

from dataclasses import replace

from signalpipe.compose.doc import build
from signalpipe.compose.markdown import body
from signalpipe.kpis import observations
from signalpipe.models import EventType, Severity, SignificantEvent
from signalpipe.periods import Period
from tests.unit.test_compose_template import context, event

TO = "Sam Rivera <sam@seedfund.vc>"


def rounds() -> tuple[SignificantEvent, SignificantEvent]:
    a = event(EventType.FUNDING, Severity.HIGH, "Raised $19M Series A", "2026-01-05", "f1",
              amount_usd=19_000_000, round="series a")
    b = event(EventType.FUNDING, Severity.HIGH, "Raised $30M Series B", "2026-01-20", "f2",
              amount_usd=30_000_000, round="series b")
    return a, b


def test_the_latest_round_is_named_even_when_its_message_is_undated() -> None:
    a, b = rounds()
    undated = b.model_copy(update={"timeline": ""})
    ctx = replace(context([a, undated]), kind="outreach", to=TO, messages={}, period=Period())
    text = body(build([a, undated], company_id="scaleflow", context=ctx))
    assert "- Most recent round: $30M Series B" in text  # was "$19M Series A"
    assert "$19M" not in text


def test_of_two_dated_rounds_the_later_wins_whatever_the_order() -> None:
    a, b = rounds()
    for evs in ([a, b], [b, a]):
        ctx = replace(context(evs), kind="outreach", to=TO)
        assert "- Most recent round: $30M Series B" in body(
            build(evs, company_id="scaleflow", context=ctx))


def test_the_subject_is_a_sentence_with_the_companys_own_casing() -> None:
    a, b = rounds()
    users = event(EventType.USER_GROWTH, Severity.MEDIUM, "11,000 users", "2026-01-12", "u1",
                  users=11_000)
    evs = [a, b, users]
    ctx = replace(context(evs, company_name="ScaleFlow"), kind="outreach", to=TO)
    doc = build(evs, company_id="scaleflow", context=ctx)
    assert doc.subject == "ScaleFlow: 11,000 users, $30M Series B"  # was "Scaleflow: Users 11,000"


def test_a_kpi_that_fell_neither_leads_the_subject_nor_is_traction() -> None:
    nrr = [event(EventType.CUSTOMER_SUCCESS, Severity.MEDIUM, f"NRR hit {v}%", d, m, nrr=v)
           for v, d, m in ((124, "2026-01-07", "n1"), (111, "2026-01-18", "n2"))]
    signups = event(EventType.USER_GROWTH, Severity.MEDIUM, "5,000 signups", "2026-01-04", "s1",
                    signups=5000)
    latency = event(EventType.TECHNICAL_ACHIEVEMENT, Severity.LOW, "Latency down to 85 ms",
                    "2026-01-01", "l1", latency_ms=85)
    evs = [*nrr, signups, latency]
    ctx = replace(context(evs, company_name="ScaleFlow"), kind="outreach", to=TO)
    doc = build(evs, company_id="scaleflow", context=ctx)
    text = body(doc)
    assert doc.subject == "ScaleFlow: 5,000 sign-ups"  # was "... Net revenue retention 124% → 111%"
    assert "124%" not in text and "85 ms" not in text
    assert "- Sign-ups 5,000" in text


def test_one_figure_fills_one_kpi() -> None:
    both = event(EventType.USER_GROWTH, Severity.MEDIUM, "11,000 users", "2026-01-12", "u1",
                 users=11_000, signups=11_000)
    assert [o.metric for o in observations([both])] == ["users"]
    signed = both.model_copy(update={"title": "11,000 sign-ups"})
    assert [o.metric for o in observations([signed])] == ["signups"]
    mau = event(EventType.USER_GROWTH, Severity.MEDIUM, "11,000 monthly active users",
                "2026-01-12", "u1", users=11_000, monthly_active_users=11_000)
    assert [o.metric for o in observations([mau])] == ["monthly_active_users"]
    two = event(EventType.USER_GROWTH, Severity.MEDIUM, "11,000 users, 400 sign-ups",
                "2026-01-12", "u1", users=11_000, signups=400)
    assert sorted(o.metric for o in observations([two])) == ["signups", "users"]
    ctx = replace(context([both]), kind="outreach", to=TO)
    text = body(build([both], company_id="scaleflow", context=ctx))
    assert "Sign-ups" not in text  # was "Users 11,000" and "Sign-ups 11,000"


def test_the_updates_subject_names_the_latest_round_as_the_outreach_does() -> None:
    a, b = rounds()
    seed = event(EventType.FUNDING, Severity.HIGH, "Raised $5M seed", "2026-01-25", "f3",
                 amount_usd=5_000_000, round="seed")
    for evs in ([a, seed, b], [b, seed, a], [seed, a, b]):
        doc = build(evs, company_id="scaleflow", context=context(evs))
        assert doc.subject.endswith(": Raised $30M Series B"), doc.subject  # was "$19M Series A"
