"""Events that describe the same real-world event merge; different ones stay apart."""

from __future__ import annotations

from signalpipe.extract.dedup import EventIndex
from signalpipe.models import EventType, Severity, SignificantEvent


def ev(title: str, ids: list[str], t: EventType = EventType.FUNDING,
       **metrics: float | str) -> SignificantEvent:
    return SignificantEvent(company_id="c", event_type=t, severity=Severity.HIGH, title=title,
                            metrics=dict(metrics), source_message_ids=ids)


def test_same_figures_under_other_metric_names_join_the_known_event() -> None:
    known = ev("Closed $12M Series A", ["m1"], amount_usd=12_000_000, round="series a")
    index = EventIndex([known])
    later = ev("Raised a 12 million Series A", ["m9"], raised=12_000_000)
    resolution = index.resolve([later])
    [out] = resolution.events
    # one group, stored under its smallest fingerprint whichever mention came first
    canonical = min(known.fingerprint, later.fingerprint)
    assert out.fingerprint == canonical
    assert resolution.moved == ({} if canonical == known.fingerprint
                                else {known.fingerprint: canonical})
    assert out.source_message_ids == ["m9"]


def test_different_figures_or_types_stay_apart() -> None:
    index = EventIndex([ev("ARR crossed $2M", ["m1"], EventType.REVENUE_MILESTONE, arr=2e6)])
    a = ev("ARR crossed $3M", ["m2"], EventType.REVENUE_MILESTONE, arr=3e6)
    b = ev("Raised $2M seed", ["m3"], EventType.FUNDING, amount_usd=2e6)
    out = index.resolve([a, b]).events
    assert {e.fingerprint for e in out} == {a.fingerprint, b.fingerprint}


def test_twins_within_one_list_merge_and_keep_every_source_id() -> None:
    one = ev("Partnership with Stripe", ["m1"], EventType.PARTNERSHIP)
    two = ev("Partnership with Stripe", ["m2"], EventType.PARTNERSHIP)
    [out] = EventIndex().resolve([one, two]).events
    assert sorted(out.source_message_ids) == ["m1", "m2"]


def test_no_figures_and_different_titles_are_not_merged() -> None:
    index = EventIndex([ev("Hired Dana Wu as CFO", ["m1"], EventType.HIRING)])
    out = index.resolve([ev("Hired Omar Said as CTO", ["m2"], EventType.HIRING)]).events
    assert out[0].source_message_ids == ["m2"]
    assert out[0].fingerprint != ev("Hired Dana Wu as CFO", ["m1"], EventType.HIRING).fingerprint


def test_same_figure_but_a_different_named_party_is_another_event() -> None:
    index = EventIndex([ev("Signed Initech at $280k", ["m1"], EventType.ENTERPRISE_DEAL,
                           customer="initech", acv_usd=280_000)])
    [out] = index.resolve([ev("Signed Wayne Labs at $280k", ["m2"], EventType.ENTERPRISE_DEAL,
                              customer="wayne labs", acv_usd=280_000)]).events
    assert out.source_message_ids == ["m2"]
    assert out.fingerprint == ev("x", ["m2"], EventType.ENTERPRISE_DEAL, customer="wayne labs",
                                 acv_usd=280_000).fingerprint


def test_a_restatement_with_figures_joins_the_event_told_without_them() -> None:
    told = ev("Term sheet received", ["m1"], stage="term sheet")
    detail = ev("Term sheet: $15M at an $80M valuation", ["m2"], stage="term sheet",
                amount_usd=15e6, valuation_usd=80e6)
    [out] = EventIndex([told]).resolve([detail]).events
    assert out.fingerprint == min(told.fingerprint, detail.fingerprint)


def test_same_label_but_different_figures_stays_two_events() -> None:
    index = EventIndex([ev("Term sheet for $10M", ["m1"], stage="term sheet", amount_usd=10e6)])
    [out] = index.resolve([ev("Term sheet for $15M", ["m2"], stage="term sheet",
                              amount_usd=15e6)]).events
    assert out.source_message_ids == ["m2"]
    assert out.fingerprint != ev("Term sheet for $10M", ["m1"], stage="term sheet",
                                 amount_usd=10e6).fingerprint


def test_a_label_that_is_not_an_identity_does_not_merge() -> None:
    index = EventIndex([ev("Incident: API down", ["m1"], EventType.TECHNICAL_ACHIEVEMENT,
                           incident="outage")])
    [out] = index.resolve([ev("Incident: lag and session timeouts", ["m2"],
                              EventType.TECHNICAL_ACHIEVEMENT, incident="outage")]).events
    assert out.source_message_ids == ["m2"]
