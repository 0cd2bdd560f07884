"""A status notice's incident is titled by what fails, in the notice's own words and whole
(the title had been cut from the match's last 40 characters: "Incident: Igation and CRM
records"). Hand-written; the company is "Acme"."""

from __future__ import annotations

import pytest

from tests.unit.rules_read import MakeMessage, read

CASES = [
    ("Hey everyone, we are aware that parts of Acme, including the navigation and CRM records, "
     "are not loading for some users.", "Incident: Parts of Acme are not loading"),
    ("We're aware that the Acme dashboard, such as the reports tab, is failing to load.",
     "Incident: The Acme dashboard is failing"),
]


@pytest.mark.parametrize(("text", "title"), CASES)
def test_an_incident_is_titled_by_what_fails(make_message: MakeMessage, text: str,
                                             title: str) -> None:
    events = read(make_message, text)
    assert [e.title for e in events] == [title]
    assert events[0].polarity.value == "negative"
