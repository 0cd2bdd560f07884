"""One event told twice: the merged row keeps the wording that says more when both are as sure."""

from __future__ import annotations

from signalpipe.models import EventType, Severity, SignificantEvent


def _hire(title: str, mid: str, **fields: object) -> SignificantEvent:
    return SignificantEvent(company_id="acme", event_type=EventType.HIRING,
                            severity=Severity.MEDIUM, title=title, source_message_ids=[mid],
                            confidence=0.7, fingerprint="f1", **fields)


def test_the_named_wording_wins_either_way() -> None:
    bare = _hire("Hired a Head of Data", "m1", metrics={"role": "head of data"})
    named = _hire("Hired Arjun Okafor as Head of Data", "m2",
                  metrics={"hire": "arjun okafor", "role": "head of data"},
                  stakeholders=["Arjun Okafor"])
    for merged in (bare.merged_with(named), named.merged_with(bare)):
        assert merged.title == "Hired Arjun Okafor as Head of Data"
        assert set(merged.source_message_ids) == {"m1", "m2"}


def test_a_surer_wording_still_wins() -> None:
    bare = _hire("Hired a Head of Data", "m1", metrics={"role": "head of data"})
    named = _hire("Hired Arjun Okafor as Head of Data", "m2", stakeholders=["Arjun Okafor"])
    surer = bare.model_copy(update={"confidence": 0.9})
    assert surer.merged_with(named).title == "Hired a Head of Data"
