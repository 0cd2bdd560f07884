"""Dedup's groups do not depend on the order mentions arrive in.

The LLM path's batches finish in any order (a pool, a provider failing then recovering, parked
batches retried later), so the same mentions must end up as the same stored events whatever
the order: which mentions group together, and the fingerprint each group is stored under.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from itertools import permutations

from signalpipe.extract.dedup import EventIndex, Resolution
from signalpipe.models import EventType, Polarity, Severity, SignificantEvent

Groups = frozenset[tuple[str, frozenset[str]]]


def ev(title: str, mid: str, t: EventType = EventType.FUNDING, *,
       polarity: Polarity = Polarity.POSITIVE, **metrics: float | str) -> SignificantEvent:
    return SignificantEvent(company_id="c", event_type=t, severity=Severity.HIGH, title=title,
                            metrics=dict(metrics), source_message_ids=[mid], polarity=polarity)


class Rows:
    """An event store's upsert semantics in a dict: moved rows fold into their new fingerprint,
    then each event merges into its row (what `EventStore.upsert_many` does)."""

    def __init__(self) -> None:
        self.rows: dict[str, SignificantEvent] = {}

    def write(self, resolution: Resolution) -> None:
        for old, new in resolution.moved.items():
            row = self.rows.pop(old, None)
            if row is not None:
                self.put(row.model_copy(update={"fingerprint": new}))
        for event in resolution.events:
            self.put(event)

    def put(self, event: SignificantEvent) -> None:
        stored = self.rows.get(event.fingerprint)
        self.rows[event.fingerprint] = event if stored is None else stored.merged_with(event)

    def groups(self) -> Groups:
        return frozenset((fp, frozenset(e.source_message_ids)) for fp, e in self.rows.items())


def run(batches: Sequence[Sequence[SignificantEvent]]) -> Groups:
    index, rows = EventIndex(), Rows()
    for batch in batches:
        rows.write(index.resolve(batch))
    return rows.groups()


# A~B (the $12M), B~C (the $80M), A and C share nothing: one round told three ways. D is
# another event, told twice (E). F is the round lost, not raised: never part of it.
A = ev("Raised $12M Series A", "a", amount_usd=12e6)
B = ev("Series A: $12M at an $80M valuation", "b", amount_usd=12e6, valuation_usd=80e6)
C = ev("Valuation of $80M for the round", "c", valuation_usd=80e6)
D = ev("Hired Dana Wu as CFO", "d", EventType.HIRING)
E = ev("Hired Dana Wu as CFO", "e", EventType.HIRING)
F = ev("Raised $12M Series A", "f", polarity=Polarity.NEGATIVE, amount_usd=12e6)
SMALL = [A, B, C, D, E, F]


def test_every_order_of_single_event_batches_gives_the_same_groups() -> None:
    results = {run([[e] for e in order]) for order in permutations(SMALL)}
    assert len(results) == 1
    (groups,) = results
    assert {ids for _fp, ids in groups} == {frozenset("abc"), frozenset("de"), frozenset("f")}
    # the round is stored under its smallest member's fingerprint, whoever came first
    assert (min(A.fingerprint, B.fingerprint, C.fingerprint), frozenset("abc")) in groups


def test_one_batch_in_any_order_gives_the_same_groups_as_one_at_a_time() -> None:
    alone = run([[e] for e in SMALL])
    assert {run([list(order)]) for order in permutations(SMALL)} == {alone}


def test_a_mention_joining_two_stored_events_moves_one_row_into_the_other() -> None:
    index = EventIndex()
    first, second = index.resolve([A]), index.resolve([C])
    assert first.moved == second.moved == {}
    joined = index.resolve([B])
    low = min(A.fingerprint, B.fingerprint, C.fingerprint)
    assert joined.moved == {fp: low for fp in (A.fingerprint, C.fingerprint) if fp != low}
    assert [e.fingerprint for e in joined.events] == [low]


def test_stored_groups_reload_and_a_rerun_changes_nothing() -> None:
    index, rows = EventIndex(), Rows()
    for e in SMALL:
        rows.write(index.resolve([e]))
    before = rows.groups()
    again = EventIndex(rows.rows.values())  # a restarted worker
    for e in SMALL:
        resolution = again.resolve([e])
        assert resolution.moved == {}
        rows.write(resolution)
        resolution = index.resolve([e])  # the same worker, the same mention again
        assert resolution.moved == {}
        rows.write(resolution)
    assert rows.groups() == before


def _many(rng: random.Random) -> list[SignificantEvent]:
    """Forty-odd mentions: chains of rounds linked by shared figures, deals that share a figure
    but name different customers, titles that repeat, lost and won deals."""
    out: list[SignificantEvent] = []
    for r in range(6):
        amount, valuation, raised = (r + 2) * 1e6, (r + 2) * 10e6, (r + 2) * 1e6 + 5e5
        out += [ev(f"Series A of ${r + 2}M raised", f"r{r}a", amount_usd=amount),
                ev(f"Series A: ${r + 2}M at ${(r + 2) * 10}M valuation", f"r{r}b",
                   amount_usd=amount, valuation_usd=valuation),
                ev(f"Series A valuation of ${(r + 2) * 10}M", f"r{r}c", valuation_usd=valuation),
                ev(f"Series A valuation of ${(r + 2) * 10}M, extended", f"r{r}d",
                   valuation_usd=valuation, raised_usd=raised)]
    for name in ("initech", "globex", "hooli", "acme"):
        for n in range(2):
            out.append(ev(f"Signed {name} at $280k", f"{name}{n}", EventType.ENTERPRISE_DEAL,
                          customer=name, acv_usd=280_000))
        out.append(ev(f"Lost {name} at $280k", f"{name}-lost", EventType.ENTERPRISE_DEAL,
                      polarity=Polarity.NEGATIVE, customer=name, acv_usd=280_000))
        out.append(ev(f"{name.title()} contract signed", f"{name}-x", EventType.ENTERPRISE_DEAL,
                      customer=name))
    out += [ev("Partnership with Stripe", f"p{n}", EventType.PARTNERSHIP) for n in range(3)]
    rng.shuffle(out)
    return out


def _batched(events: list[SignificantEvent], rng: random.Random) -> list[list[SignificantEvent]]:
    out: list[list[SignificantEvent]] = []
    while events:
        n = rng.randint(1, 5)
        out.append(events[:n])
        events = events[n:]
    return out


def test_shuffled_larger_set_in_random_batches_always_gives_the_same_groups() -> None:
    events = _many(random.Random(0))
    expected = run([[e] for e in events])
    for seed in range(40):
        rng = random.Random(seed)
        order = list(events)
        rng.shuffle(order)
        assert run(_batched(order, rng)) == expected, f"seed {seed}"
    # six rounds, four customers (won, lost), one partnership
    assert len(expected) == 6 + 4 * 2 + 1


def test_a_restarted_index_joins_a_mention_to_the_stored_row_holding_its_figure() -> None:
    from signalpipe.extract.dedup import EventIndex
    from signalpipe.models import EventType, Severity, SignificantEvent
    row = SignificantEvent(company_id="acme", event_type=EventType.TECHNICAL_ACHIEVEMENT,
                           severity=Severity.MEDIUM,
                           title="Processed 7.6B events in one day, a new record",
                           metrics={"events_per_day": 7_600_000_000, "events_per_s": 88_000},
                           source_message_ids=["m1", "m2"])
    mention = SignificantEvent(company_id="acme", event_type=EventType.TECHNICAL_ACHIEVEMENT,
                               severity=Severity.MEDIUM, title="Record throughput day",
                               metrics={"events_per_day": 7_600_000_000},
                               source_message_ids=["m3"])
    resolved = EventIndex([row]).resolve([mention])
    # one group: the row and the mention end under one fingerprint (the smaller of the two)
    assert [e.fingerprint for e in resolved.events] == [
        resolved.moved.get(row.fingerprint, row.fingerprint)]
    small = SignificantEvent(company_id="acme", event_type=EventType.TECHNICAL_ACHIEVEMENT,
                             severity=Severity.MEDIUM, title="3 new regions",
                             metrics={"regions": 3, "events_per_s": 88_000, "extra": 5},
                             source_message_ids=["m4"])
    apart = EventIndex([row]).resolve([small])
    assert not apart.moved and apart.events[0].fingerprint != row.fingerprint
