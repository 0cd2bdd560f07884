"""What a detector reports about one clause, and what it may look at beyond it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from signalpipe.models import EventType, MetricValue


@dataclass(frozen=True, slots=True)
class Context:
    """What a detector may look at beyond its clause."""

    company: re.Pattern[str] | None
    sentence: str = ""
    sender: str = ""
    subject: str = ""
    before: str = ""  # the previous sentence, where "she", "they" and "it" find their name


@dataclass(frozen=True, slots=True)
class Found:
    """One detector's reading of a clause: identity metrics, a title, where the trigger is.

    ``relational`` types are news made by someone else acting towards us (a customer signing,
    a fund reaching out, an outlet publishing), so a named third-party subject is expected.
    ``allow`` names the vetoes this reading tolerates: a hire who "starts Monday" is planned
    and yet the event; an investor who "wants to meet" is the interest itself.
    """

    event_type: EventType
    metrics: dict[str, MetricValue]
    title: str
    trigger: int
    negative: bool = False
    relational: bool = False
    allow: frozenset[str] = field(default_factory=frozenset)
    stakeholders: tuple[str, ...] = ()
    subtype: str = ""


# Names whose capitals title case gets wrong, as their owners write them: a founder sends the
# title to investors, and "Techcrunch" reads as a typo.
_OWN_CASE = {n.lower(): n for n in (
    "TechCrunch", "TechRadar", "VentureBeat", "GeekWire", "SiliconANGLE", "ZDNet", "CNET",
    "CNBC", "WSJ", "BBC", "NPR", "NYT", "TNW", "PitchBook", "Crunchbase", "LinkedIn",
    "YouTube", "GitHub", "HubSpot", "PayPal", "TikTok", "iOS", "macOS", "AWS", "GCP", "SaaS",
    "EMEA", "APAC", "LATAM", "UK", "USA", "US", "EU", "UAE")}


def cased(name: str) -> str:
    """A name written all in lower case ("finland", "techradar") with capitals, for a title
    (a known name as its owner writes it: "TechRadar"); a name with capitals of its own
    ("TinaCMS", "iOS") as written."""
    if not name.islower():
        return name
    return " ".join(_OWN_CASE.get(word, word.title()) for word in name.split(" "))


def said(clause: str, start: int, end: int | None = None, *, limit: int = 90) -> str:
    """The clause's own words from ``start`` (to ``end``), cased as written: a title a reader
    recognises from the message ("Net Revenue Retention (NRR) hit 124%")."""
    text = clause[start:end].strip(" .!,;:-")
    opener = re.match(r"(?:[\w']+ ){0,3}[\w']+: (?=\S)", text)
    if opener and len(text) - opener.end() >= 12:
        text = text[opener.end():]  # "For the record: Oscorp cancelled ...": the statement
    comma = text.find(", ", 24)
    if comma > 0:
        text = text[:comma]  # "NRR hit 124%, driven by ...": the statement, not its reasons
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + "\u2026"
    return text[:1].upper() + text[1:]
