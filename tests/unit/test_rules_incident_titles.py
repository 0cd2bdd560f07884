"""Titles that keep what they name whole: a status notice's incident is titled by what fails,
in the notice's own words (the title had been cut from the match's last 40 characters:
"Incident: Igation and CRM records"), a bare version by what it is a version of, and a
release by what it gives ("New: you can now use ..."; "Launched SEO improvements").
Hand-written; the company is "Acme"."""

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


VERSIONS_OF = [
    (":postbox: *Release of V1 of the Post listing module!*",
     "Launched V1 of the Post listing module"),  # was "Launched V1"
    ("We shipped V2 of Relay today", "Launched V2 of Relay"),
]


@pytest.mark.parametrize(("text", "title"), VERSIONS_OF)
def test_a_bare_version_is_titled_with_what_it_is_a_version_of(
        make_message: MakeMessage, text: str, title: str) -> None:
    assert [e.title for e in read(make_message, text)] == [title]


RELEASE_TITLES = [
    (":wave: [Now Live] you can use custom module paths now instead of ids!",
     "New: you can now use custom module paths instead of ids"),  # was "Released you can use"
    ("[New] You can now export dashboards to PDF", "New: you can now export dashboards to PDF"),
    ("[Release] An update to the API reference", "Released an update to the API reference"),
    ("We introduced some awesome SEO improvements to Dynamic Pages!",
     "Launched SEO improvements"),  # was "Launched SEO"
]


@pytest.mark.parametrize(("text", "title"), RELEASE_TITLES)
def test_a_release_is_titled_by_what_it_gives(make_message: MakeMessage, text: str,
                                              title: str) -> None:
    assert [e.title for e in read(make_message, text)] == [title]
