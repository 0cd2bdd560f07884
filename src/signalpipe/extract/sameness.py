"""One event told twice in words that say the same thing, a few days apart.

An investor reading the update notices "Coverage by Jeff" beside "Coverage by Jeff Geerling",
"Sold TinyPilot" twice, and "Hired a Head of Data" beside "Hired Arjun Okafor as Head of Data".
These share no figure, so `dedup.is_close` cannot tie them by figures; their words can, if
the mentions are close in time. The rules here are deliberately narrow: same company, type and
polarity, told within `WINDOW_DAYS` of each other, figures that do not disagree, and one of

- the same title (its words, stop words aside, in the same order);
- one title's words leading the other's ("Coverage by Jeff" / "... Jeff Geerling"), the words
  it lacks being no figure, version or letter ("Launched Acme" is not "Launched Acme 2",
  "Raised Series A" not "Raised Series B");
- a hire told by name and one told by role alone, the role in the named hire's title,
  within `HIRE_WINDOW_DAYS`.

Two titles that carry labels must share one ("Case study published" for Falcon Analytics is
not the one whose only label is its kind of story), and each label both carry must agree.

Each rule reads two mentions and nothing else (no "the only named hire near it"), so the
groups union-find builds from it are the same in any order and over any split of the batches,
provided every mention is compared with every other (`EventIndex.catch_up` brings in what other
workers stored). A mention told by messages of several days is as close as its nearest day.
A hire told by role alone is one mention per day (`apart_by_day`): the rules extractor gives
every "Hired a Head of Data" one fingerprint, so without the split one role told in January and
again in February would be one node, joining every named Head of Data hired near either (the
two-worker fault test's data: Arjun Okafor and Mira Larsen).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from signalpipe.models import EventType, SignificantEvent

if TYPE_CHECKING:
    from signalpipe.extract.dedup import Shape

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(["a", "an", "and", "the", "of", "to", "for", "in", "on", "with", "our", "we",
                   "at", "by", "from", "is", "are", "new"])
# Two weeks: the same news is retold in the next weekly update, a follow-up thread or an
# email digest within days; past a fortnight a second sale or a second article under the same
# words is as likely a new event, and an investor update (a month) would then hide one.
WINDOW_DAYS = 14
# A hire told by role alone is the named one only when told with it, the announcement and the
# welcome a day apart: a team hiring for one role can fill it twice in a week (generated data
# does: Mira Singh and Ethan Reyes, Head of Product, two days apart), and an unnamed mention
# between the two would join both.
HIRE_WINDOW_DAYS = 1
# A leading title shorter than this says too little ("Hired" leads every hire).
_MIN_LEAD = 2
# Labels that carry a hire's person and role (the rules extractor's, the LLM's metric names).
_PERSON = frozenset(["hire", "person", "name"])
_ROLE = "role"


def title_words(text: str) -> tuple[str, ...]:
    """A title's (or label's) words, lower-cased, in order, stop words left out."""
    return tuple(w for w in _WORD.findall(text.lower()) if w not in _STOP)


def same_story(a: Shape, b: Shape) -> bool:
    """Whether two mentions, close in time, tell one event in words that say so."""
    if not _alike(a, b):
        return False
    return _same_or_leading(a, b) or _named_and_unnamed_hire(a, b) \
        or _named_and_unnamed_hire(b, a)


def within_window(a: Shape, b: Shape, days: int = WINDOW_DAYS) -> bool:
    """Both dated, and their nearest messages at most `days` apart (an undated mention never
    qualifies)."""
    if a.day is None or b.day is None:
        return False
    a_until, b_until = a.until or a.day, b.until or b.day
    gap = max((a.day - b_until).days, (b.day - a_until).days, 0)
    return gap <= days


def roles_apart(a: Shape, b: Shape) -> bool:
    """Two hires told by role alone on different days: never one mention, by any rule (the
    point of `apart_by_day`; one title told twice would otherwise join them again)."""
    if a.event_type != EventType.HIRING.value or not (_role_alone(a.labels)
                                                      and _role_alone(b.labels)):
        return False
    return a.day is not None and b.day is not None and a.day != b.day


def _role_alone(labels: tuple[tuple[str, str], ...]) -> bool:
    keys = {k for k, v in labels if v}
    return _ROLE in keys and not keys & _PERSON


def _alike(a: Shape, b: Shape) -> bool:
    if (a.company_id, a.event_type, a.polarity) != (b.company_id, b.event_type, b.polarity):
        return False
    if roles_apart(a, b):
        return False
    # Figures told by both must be the same ones: $5M and $8M rounds are two rounds.
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return False
    return within_window(a, b)


def _same_or_leading(a: Shape, b: Shape) -> bool:
    short, long = (a, b) if len(a.lead) <= len(b.lead) else (b, a)
    if short.lead != long.lead[:len(short.lead)]:
        return False
    if short.lead != long.lead and (len(short.lead) < _MIN_LEAD
                                    or _designates(long.lead[len(short.lead):])):
        return False
    if short.labels and long.labels and not {k for k, _ in short.labels} & dict(long.labels).keys():
        return False
    return _labels_agree(short.labels, long.labels)


def _labels_agree(short: tuple[tuple[str, str], ...], long: tuple[tuple[str, str], ...]) -> bool:
    """Each label both tell is the same, or the shorter's words lead the longer's with no
    figure after ("jeff" / "jeff geerling"; "initech" / "wayne labs" disagree)."""
    theirs = dict(long)
    for key, value in short:
        other = theirs.get(key)
        if other is None or other == value:
            continue
        # every word: "series a" and "series b" disagree
        mine, more = tuple(_WORD.findall(value)), tuple(_WORD.findall(other))
        if not mine or more[:len(mine)] != mine or _designates(more[len(mine):]):
            return False
    return True


def _named_and_unnamed_hire(named: Shape, unnamed: Shape) -> bool:
    """"Hired Arjun Okafor as Head of Data" and "Hired a Head of Data": the role alone is the
    same hire once its words are in the named one's title. Two names are two hires."""
    if named.event_type != "hiring":
        return False
    who = [v for k, v in named.labels if k in _PERSON]
    role = [v for k, v in unnamed.labels if k == _ROLE]
    if not who or len(role) != 1 or any(k in _PERSON for k, _ in unnamed.labels):
        return False
    if not within_window(named, unnamed, HIRE_WINDOW_DAYS):
        return False
    words = title_words(role[0])
    n = len(words)
    # The role's words together and in order in the title ("head data" in "hired arjun
    # okafor as head data"): "Head of Data" is not "Data Engineer".
    return n > 0 and any(named.lead[i:i + n] == words for i in range(len(named.lead) - n + 1))


def _designates(words: tuple[str, ...]) -> bool:
    """A figure, version or letter among the words: what tells one of a series from another."""
    return any(len(w) == 1 or any(c.isdigit() for c in w) for w in words)


def apart_by_day(events: list[SignificantEvent], days: Mapping[str, date]
                 ) -> list[SignificantEvent]:
    """Each hire told by role alone, one event per day of its messages, under a fingerprint
    of its own and its day's: "Hired a Head of Data" told on Jan 9 and on Jan 31 (two hires,
    or a hire and an opening) is two mentions, each close only to the named hire of its day.
    Not the week: Mira Singh and Ethan Reyes were both hired Head of Product in one week.
    The cost: a role told on two days with no name beside it is two events."""
    out: list[SignificantEvent] = []
    for event in events:
        if not _unnamed_hire(event):
            out.append(event)
            continue
        told: dict[date | None, list[str]] = {}
        for i in event.source_message_ids:
            told.setdefault(days.get(i), []).append(i)
        out.extend(_on_day(event, day, ids) for day, ids in sorted(
            told.items(), key=lambda item: item[0] or date.min))
    return out


def _unnamed_hire(event: SignificantEvent) -> bool:
    labels = tuple((k, v.strip()) for k, v in event.metrics.items() if isinstance(v, str))
    return event.event_type is EventType.HIRING and _role_alone(labels)


def _on_day(event: SignificantEvent, day: date | None, ids: list[str]) -> SignificantEvent:
    if day is None:
        return event.model_copy(update={"source_message_ids": ids}) \
            if ids != event.source_message_ids else event
    keep = set(ids)
    basis = f"{event.fingerprint}|{day.isoformat()}"
    return event.model_copy(update={
        "fingerprint": hashlib.sha256(basis.encode()).hexdigest()[:32],
        "source_message_ids": ids,
        "evidence_spans": [s for s in event.evidence_spans if s.message_id in keep]})
