"""The engine: interleaves mundane rows, planted mentions and distractors, row by row.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from random import Random
from string import Formatter

from signalpipe.sample.kinds import KINDS, Kind
from signalpipe.sample.lowlights import LOWLIGHT_KINDS
from signalpipe.sample.phrasings import CHAT_FAMILIES, EMAIL_FAMILIES, HELD_OUT, SEEN
from signalpipe.sample.truth import GeneratedRow, TruthEvent
from signalpipe.sample.vocab import (
    CITIES,
    DIGEST_FILLERS,
    DIGEST_SUBJECTS,
    DISTRACTOR_SUBJECTS,
    DOUBLE_OPENERS,
    FEATURES,
    FOODS,
    GENERIC_DISTRACTORS,
    HEADS,
    LEADING_VERBS,
    MUNDANE_CHANNELS,
    MUNDANE_CHAT,
    MUNDANE_EMAIL,
    ROOMS,
    SALUTATIONS,
    SHORTCODES,
    TAILS,
    TIMES,
    TOOLS,
    WEEKDAYS,
)
from signalpipe.sample.world import Raw, World, pick

EVENT_ROWS = 60  # one new real event per this many rows on average (brief: 1 per 40-80 rows)
DISTRACTOR_SHARE = 0.045  # rows that look like an event but are not one
EMAIL_SHARE = 0.143  # of other rows; event mentions use email more, so the total is ~15%
MENTION_EMAIL_SHARE = 0.3
MENTION_SPREAD_ROWS = 1200  # later mentions land up to this many rows after the first one
DIGEST_WINDOW_ROWS = 300  # an update email may pull in mentions due this soon
DOUBLE_SHARE = 0.1  # chat mentions that also announce a second event in the same sentence
LOWERCASE_SHARE = 0.07  # chat mentions typed all in lower case
TYPO_SHARE = 0.05  # chat mentions with two letters swapped in one word
ALL_KINDS: tuple[Kind, ...] = KINDS + LOWLIGHT_KINDS
# How often each family writes a mention, among those allowed; Slack and plain email stay the
# most common, as in a real workspace.
FAMILY_WEIGHTS = {"slack": 0.55, "terse": 0.15, "emoji": 0.15, "lower": 0.15,
                  "email": 0.6, "prose": 0.2, "release": 0.2}
_START_EPOCH_S = int(datetime(2025, 1, 6, 8, 30, tzinfo=UTC).timestamp())  # a Monday morning
_DAY_S = 86_400


# ---------------------------------------------------------------------------------------------
# Mundane traffic: most rows; pre-parsed templates and pre-built pools keep it fast
# ---------------------------------------------------------------------------------------------

class _Mundane:
    """Standups, reviews, lunch and tickets: cheap to make, because they are most of the rows."""

    def __init__(self, world: World) -> None:
        rng = world.rng
        self.world = world
        self.rng = rng
        people = tuple(name.split(" ")[0] for name in world.employees)
        customers = tuple(sorted({world.customer() for _ in range(60)}))
        self.pools: dict[str, tuple[str, ...]] = {
            "person": people, "n": tuple(str(n) for n in range(1200, 4800, 7)),
            "small": tuple(str(n) for n in range(2, 60)), "weekday": WEEKDAYS, "time": TIMES,
            "feature": FEATURES, "customer": customers, "tool": TOOLS, "city": CITIES,
            "food": FOODS, "room": ROOMS,
            "amount": tuple(f"${n:,}" for n in range(180, 9000, 37)),
        }
        self.chat = tuple((t, _fields(t)) for t in MUNDANE_CHAT)
        self.email = tuple((s, b, _fields(s) + _fields(b)) for s, b in MUNDANE_EMAIL)

    def row(self, rid: str, ts: str) -> GeneratedRow:
        rnd = self.rng.random
        pools = self.pools
        if rnd() < EMAIL_SHARE:
            subject, body, names = self.email[int(rnd() * len(self.email))]
            sender = self.world.person()
            slots = {f: pick(self.rng, pools[f]) for f in names if f != "sig"}
            slots["sig"] = f"{pick(self.rng, SALUTATIONS)},\n{sender.split(' ')[0]}"
            content = f"Subject: {subject.format_map(slots)}\n\n{body.format_map(slots)}"
            return GeneratedRow(rid, False, self.world.email_of(sender), ts, content, "")
        template, names = self.chat[int(rnd() * len(self.chat))]
        text = template.format_map({f: pick(self.rng, pools[f]) for f in names})
        channel = MUNDANE_CHANNELS[int(rnd() * len(MUNDANE_CHANNELS))]
        return GeneratedRow(rid, True, self.world.person(), ts, text, channel)


def _fields(template: str) -> tuple[str, ...]:
    return tuple(sorted({name for _, name, _, _ in Formatter().parse(template) if name}))


# ---------------------------------------------------------------------------------------------
# The engine: interleaves mundane rows, planted mentions and distractors
# ---------------------------------------------------------------------------------------------

class _Clock:
    """Office-hours timestamps, about a minute apart, skipping nights and weekends."""

    def __init__(self, rng: Random) -> None:
        self.rng = rng
        self.t = _START_EPOCH_S
        self.day = -1
        self.prefix = ""

    def tick(self) -> str:
        t = self.t + int(self.rng.random() * 150)
        if t % _DAY_S >= 19 * 3600:
            t = self._next_morning(t)
        self.t = t
        day, rem = divmod(t, _DAY_S)
        if day != self.day:
            self.day = day
            self.prefix = datetime.fromtimestamp(day * _DAY_S, UTC).strftime("%Y-%m-%dT")
        return f"{self.prefix}{rem // 3600:02d}:{rem // 60 % 60:02d}:{rem % 60:02d}Z"

    def _next_morning(self, t: int) -> int:
        day = t // _DAY_S + 1
        while (day + 3) % 7 >= 5:  # 1970-01-01 was a Thursday, so (day + 3) % 7 is Monday=0
            day += 1
        return day * _DAY_S + 8 * 3600 + int(self.rng.random() * 1800)


@dataclass(eq=False)
class _Planted:
    kind: Kind
    raw: Raw
    left: int
    ids: list[str] = field(default_factory=list)
    families: list[str] = field(default_factory=list)  # the phrasing family of each mention

    def truth(self) -> TruthEvent:
        return TruthEvent(self.kind.event_type, self.kind.metrics(self.raw), list(self.ids),
                          self.kind.title(self.raw), list(self.families), self.kind.lowlight,
                          list(self.kind.alt_types))


class Traffic:
    """One seed's traffic, row by row.

    ``families`` limits the phrasing families mentions are written in (default: all of them);
    ``bench/quality_generated.py`` generates seen and held-out families apart. At least one chat
    family must be allowed.
    """

    def __init__(self, seed: int, company: str, families: Collection[str] | None = None) -> None:
        allowed = set(SEEN + HELD_OUT if families is None else families)
        unknown = allowed - set(SEEN + HELD_OUT)
        self.chat_families = [f for f in CHAT_FAMILIES if f in allowed]
        if unknown or not self.chat_families:
            raise ValueError(f"families must name at least one chat family of {CHAT_FAMILIES} "
                             f"and only known ones; unknown: {sorted(unknown)}")
        self.email_families = [f for f in EMAIL_FAMILIES if f in allowed]
        self.digest = "digest" in allowed
        self.rng = Random(seed)
        self.world = World.create(self.rng, company)
        self.mundane = _Mundane(self.world)
        self.clock = _Clock(self.rng)
        self.weights = [kind.weight for kind in ALL_KINDS]
        self.plant_weights = list(self.weights)  # a kind whose identities are used up gets 0
        self.pending: list[tuple[int, int, _Planted]] = []  # (due row, tie-breaker, event)
        self.live: list[_Planted] = []  # planted events not yet written to the truth
        self.seq = 0
        self.mention_rows = 0
        self.distractor_rows = 0

    def run(self, rows: int) -> Iterator[tuple[GeneratedRow, list[TruthEvent]]]:
        for i in range(rows):
            row, done = self._row(i)
            if i == rows - 1:  # mentions planned past the end are dropped; the rest is truth
                done = done + [p.truth() for p in self.live if p.ids and p.left > 0]
            yield row, done

    def _row(self, i: int) -> tuple[GeneratedRow, list[TruthEvent]]:
        rid = f"msg-{i + 1:07d}"
        ts = self.clock.tick()
        if self.pending and self.pending[0][0] <= i:
            return self._mention(rid, ts, i, heapq.heappop(self.pending)[2])
        r = self.rng.random()
        if r < 1 / EVENT_ROWS:
            return self._mention(rid, ts, i, self._plant(i))
        if r < 1 / EVENT_ROWS + DISTRACTOR_SHARE:
            self.distractor_rows += 1
            return self._distractor(rid, ts), []
        return self.mundane.row(rid, ts), []

    def _plant(self, i: int) -> _Planted:
        kind, raw = self._new_event()
        planted = _Planted(kind, raw, left=self.rng.choices(
            (1, 2, 3, 4), weights=(3, 3.5, 2, 1.5))[0])
        for _ in range(planted.left - 1):
            self.seq += 1
            due = i + self.rng.randint(2, MENTION_SPREAD_ROWS)
            heapq.heappush(self.pending, (due, self.seq, planted))
        self.live.append(planted)
        return planted

    def _new_event(self) -> tuple[Kind, Raw]:
        """A kind and an identity it has not used; a kind that has none left plants no more.

        Revenue and user milestones only grow, so they never run out and this always returns.
        """
        while True:
            kind = self.rng.choices(ALL_KINDS, weights=self.plant_weights)[0]
            raw = kind.make(self.world)
            if raw is not None:
                return kind, raw
            self.plant_weights[ALL_KINDS.index(kind)] = 0.0

    def _mention(self, rid: str, ts: str, i: int,
                 planted: _Planted) -> tuple[GeneratedRow, list[TruthEvent]]:
        self.mention_rows += 1
        rng = self.rng
        group = [planted]
        if rng.random() < MENTION_EMAIL_SHARE and (self.digest or self.email_families):
            if self.digest and rng.random() < 0.5:
                group += self._pull(i, planted)
            sender = self.world.email_of(self.world.person())
            if self.digest and (len(group) > 1 or rng.random() < 0.3 or not self.email_families):
                family, content = "digest", self._digest(group, sender)
            else:
                family = self._family(self.email_families)
                content = self._email(planted, sender, family)
            row = GeneratedRow(rid, False, sender, ts, content, "", "event")
        else:
            sender = self.world.person()
            if self.digest and rng.random() < DOUBLE_SHARE:
                group += self._pull(i, planted, limit=1)
            if len(group) > 1:
                family, text = "digest", self._casual(self._double(group, sender))
            else:
                family = self._family(self.chat_families)
                text = self._chat(planted, sender, family)
            row = GeneratedRow(rid, True, sender, ts, text, pick(rng, planted.kind.channels),
                               "event")
        return row, self._record(rid, group, family)

    def _family(self, allowed: list[str]) -> str:
        if len(allowed) == 1:
            return allowed[0]
        return self.rng.choices(allowed, weights=[FAMILY_WEIGHTS[f] for f in allowed])[0]

    def _casual(self, text: str) -> str:
        """Slack habits: emoji as :shortcodes:, and now and then a message in all lower case."""
        if self.rng.random() < 0.3:
            for emoji, code in SHORTCODES.items():
                text = text.replace(emoji, code)
        if self.rng.random() < TYPO_SHARE:
            text = self._typo(text)
        return text.lower() if self.rng.random() < LOWERCASE_SHARE else text

    def _typo(self, text: str) -> str:
        """Swap two letters inside one longer word, as fast typists do."""
        words = text.split(" ")
        long = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
        if long:
            i = long[int(self.rng.random() * len(long))]
            word = words[i]
            j = self.rng.randint(1, len(word) - 3)
            words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2:]
        return " ".join(words)

    def _double(self, group: list[_Planted], sender: str) -> str:
        """Two events in one sentence: "Big week: closed X and hired Y!"."""
        first, second = (pick(self.rng, p.kind.bullets).format_map(self._slots(p, sender))
                         for p in group[:2])
        if second.split(" ", 1)[0] in LEADING_VERBS:
            second = second[0].lower() + second[1:]
        return f"{pick(self.rng, DOUBLE_OPENERS)} {first} and {second}!"

    def _record(self, rid: str, group: list[_Planted], family: str) -> list[TruthEvent]:
        done = []
        for planted in group:
            planted.ids.append(rid)
            planted.families.append(family)
            planted.left -= 1
            if planted.left == 0:
                done.append(planted.truth())
                self.live.remove(planted)
        return done

    def _pull(self, i: int, first: _Planted, limit: int = 2) -> list[_Planted]:
        """Other mentions due soon, so one message covers several events."""
        taken: list[_Planted] = []
        skipped = []
        while self.pending and self.pending[0][0] <= i + DIGEST_WINDOW_ROWS \
                and len(taken) < limit:
            item = heapq.heappop(self.pending)
            if item[2] is first or any(item[2] is t for t in taken):
                skipped.append(item)
            else:
                taken.append(item[2])
        for item in skipped:
            heapq.heappush(self.pending, item)
        return taken

    def _slots(self, planted: _Planted, sender: str) -> dict[str, str]:
        return self.world.common(sender) | planted.kind.slots(self.rng, planted.raw)

    def _chat(self, planted: _Planted, sender: str, family: str) -> str:
        rng = self.rng
        slots = self._slots(planted, sender)
        if family != "slack":  # the other families are written whole, habits included
            text = pick(rng, planted.kind.phrasings[family]).format_map(slots)
            return text.lower() if family == "lower" else text
        parts = [pick(rng, planted.kind.chat).format_map(slots)]
        if rng.random() < 0.2:
            parts.insert(0, pick(rng, HEADS))
        if rng.random() < 0.3:
            parts.append(pick(rng, TAILS).format_map(slots))
        if rng.random() < 0.08:  # a non-event riding along in the same message
            parts.append(self._distractor_text(sender))
        return self._casual(" ".join(parts))

    def _email(self, planted: _Planted, sender: str, family: str) -> str:
        templates = planted.kind.phrasings[family]
        template = templates[int(self.rng.random() * len(templates))]
        return f"Subject: {template.format_map(self._slots(planted, sender))}"

    def _digest(self, group: list[_Planted], sender: str) -> str:
        rng = self.rng
        common = self.world.common(sender)
        lines = [pick(rng, p.kind.bullets).format_map(self._slots(p, sender)) for p in group]
        lines += [f.format_map(common) for f in rng.sample(DIGEST_FILLERS, rng.randint(1, 2))]
        if rng.random() < 0.25:
            lines.append(self._distractor_text(sender).rstrip("."))
        rng.shuffle(lines)
        greeting = rng.choice(("Hi all,", "Team,", "Hi everyone,", "Hello investors,"))
        bullets = "\n".join(f"- {line}" for line in lines)
        return (f"Subject: {pick(rng, DIGEST_SUBJECTS).format_map(common)}\n\n{greeting}\n\n"
                f"Quick highlights:\n{bullets}\n\n{common['signoff']}")

    def _distractor_text(self, sender: str) -> str:
        rng = self.rng
        common = self.world.common(sender)
        if rng.random() < 0.12:
            return pick(rng, GENERIC_DISTRACTORS).format_map(common)
        kind = rng.choices(ALL_KINDS, weights=self.weights)[0]
        slots = common | kind.slots(rng, kind.sample(self.world))
        return pick(rng, kind.distractors).format_map(slots)

    def _distractor(self, rid: str, ts: str) -> GeneratedRow:
        rng = self.rng
        if rng.random() < 0.15:
            sender = self.world.email_of(self.world.person())
            common = self.world.common(sender)
            subject = pick(rng, DISTRACTOR_SUBJECTS).format_map(common)
            body = f"Hi,\n\n{self._distractor_text(sender)}\n\n{common['signoff']}"
            return GeneratedRow(rid, False, sender, ts, f"Subject: {subject}\n\n{body}", "",
                                "distractor")
        sender = self.world.person()
        text = self._distractor_text(sender)
        if rng.random() < 0.15:
            text = f"{pick(rng, HEADS)} {text}"
        channel = rng.choice(("general", "sales", "leadership", "random", "engineering"))
        return GeneratedRow(rid, True, sender, ts, text, channel, "distractor")
