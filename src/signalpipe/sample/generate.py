"""Sample traffic for a startup: Slack chat and email with planted business events and the truth.

The traffic is mostly mundane (standups, reviews, lunch, bugs, tickets, scheduling). Planted among
it are real events of all 13 types, each mentioned in 1-4 messages spread over channels, days,
senders and both media, phrased many ways (figures as "$12M", "12 million", "$12,000,000", "12m";
MRR for ARR; a city for its country), sometimes two events in one sentence or several in one
update email, sometimes typed in lower case or with a typo. Each mention is written in one of
eight phrasing families (``phrasings``: Slack, terse Slack, emoji, all lower case, email, email
prose, press-release voice, digest bullets), split once into families the extractor's authors
saw and a held-out set; the truth records the family of every mention, and ``families=`` limits
a run to some of them. Lowlights (lost deals, churn, outages with customer impact, departures,
layoffs, failed audits, missed targets, down rounds; ``lowlights``) are planted too and marked
``lowlight: true``. Distractors look like events but are not: plans, hypotheticals, negations,
rumours, slipped deals, jokes, staging incidents, competitor and customer news, old news, test
messages, NDAs and betas, quoted, translated, templated and role-played text, and text that
tries to instruct an AI summarizer; they also ride along inside real announcements. Only real
events reach the truth.

Everything is drawn from one ``random.Random(seed)``, so a seed always gives the same bytes.
No two planted events share an identity (type and metrics), at any number of rows: names come
from the usual pools first, then from much larger ones, and a kind that has no identity left (a
company expands into each country once) hands its share of events to the others.

Public API:
    ``generate`` writes the seed's CSV (or another format) and the truth JSONL beside it.
    ``iter_traffic`` yields ``(GeneratedRow, [TruthEvent, ...])`` for other writers (Slack export,
    mbox): the list holds the truth events completed by that row and is usually empty.
    ``iter_rows`` yields plain dicts with the CSV's keys plus ``channel`` ("" for email).

The phrasing lives in ``kinds`` (one class per event type), ``lowlights`` and ``phrasings``;
names, places and the mundane and filler lists live in ``vocab``; the seed's world and the number
formats in ``world``; the engine that interleaves them is ``traffic.Traffic``; rows and truth
records are in ``truth``.
"""

from __future__ import annotations

import csv
import dataclasses
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from signalpipe.backends import load_writer
from signalpipe.sample.traffic import Traffic
from signalpipe.sample.truth import CSV_HEADER, GeneratedRow, TruthEvent, default_truth_path


@dataclass(frozen=True, slots=True)
class GenerateStats:
    """What ``generate`` wrote: rows, planted events, rows mentioning them, distractor rows."""

    rows: int
    chat_rows: int
    email_rows: int
    events: int
    event_mentions: int  # rows that mention at least one planted event
    distractors: int  # rows that are only a distractor
    truth_path: Path
    elapsed_s: float

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.elapsed_s if self.elapsed_s > 0 else float("inf")



def iter_traffic(rows: int, seed: int, *, company: str = "scaleflow",
                 families: Collection[str] | None = None,
                 ) -> Iterator[tuple[GeneratedRow, list[TruthEvent]]]:
    """Yield each row with the truth events it completes (an event completes at its last mention).

    The last row also carries every event whose later mentions did not fit in ``rows``.
    ``families`` limits the phrasing families of mentions (see ``phrasings``; default: all).
    """
    return Traffic(seed, company, families).run(rows)


def iter_rows(rows: int, seed: int, *, company: str = "scaleflow") -> Iterator[dict[str, str]]:
    """The same traffic as plain dicts (see ``GeneratedRow.as_dict``), without the truth."""
    for row, _ in iter_traffic(rows, seed, company=company):
        yield row.as_dict()


def generate(rows: int, seed: int, out_csv: Path, truth_path: Path | None = None, *,
             company: str = "scaleflow", fmt: str = "csv",
             families: Collection[str] | None = None) -> GenerateStats:
    """Write ``rows`` messages to ``out_csv`` and the planted events to ``truth_path`` (JSONL).

    Both files are streamed, so memory stays flat for any ``rows``. A ``fmt`` other than "csv"
    hands the rows to the writer registered in ``backends.WRITERS``.
    """
    truth_path = truth_path or default_truth_path(out_csv)
    writer = _write_csv if fmt == "csv" else load_writer(fmt)
    traffic = Traffic(seed, company, families)
    tally = _Tally(_KEEP.get(fmt))
    started = time.perf_counter()
    with truth_path.open("w", encoding="utf-8", newline="\n") as truth_file:
        writer(tally.rows_of(traffic.run(rows), truth_file), out_csv)
    return GenerateStats(rows=tally.rows, chat_rows=tally.chat, email_rows=tally.rows - tally.chat,
                         events=tally.events, event_mentions=traffic.mention_rows,
                         distractors=traffic.distractor_rows, truth_path=truth_path,
                         elapsed_s=time.perf_counter() - started)


def _write_csv(traffic: Iterable[GeneratedRow], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        writer.writerows(row.csv_fields() for row in traffic)


class _Tally:
    """Counts rows on their way to the writer and writes truth lines as events complete.

    Formats that hold only one kind of message (a Slack export: chat; an mbox: email) drop the
    other kind, so truth keeps only the mentions that were written, and an event with none left
    is not truth for that file.
    """

    def __init__(self, keep: Callable[[GeneratedRow], bool] | None = None) -> None:
        self.rows = self.chat = self.events = 0
        self._keep = keep
        self._kept_mentions: set[str] = set()  # event mentions only: a few percent of rows

    def rows_of(self, traffic: Iterator[tuple[GeneratedRow, list[TruthEvent]]],
                truth_file: IO[str]) -> Iterator[GeneratedRow]:
        for row, done in traffic:
            kept = self._keep is None or self._keep(row)
            if kept:
                self.rows += 1
                self.chat += row.is_chat
                if row.label == "event" and self._keep is not None:
                    self._kept_mentions.add(row.id)
            for event in done:
                self._write(event, truth_file)
            if kept:
                yield row

    def _write(self, event: TruthEvent, truth_file: IO[str]) -> None:
        if self._keep is not None:
            # Not forgotten once used: a digest email can mention several events.
            kept = [(i, f) for i, f in zip(event.message_ids, event.families, strict=True)
                    if i in self._kept_mentions]
            if not kept:
                return
            event = dataclasses.replace(event, message_ids=[i for i, _ in kept],
                                        families=[f for _, f in kept])
        truth_file.write(event.to_json() + "\n")
        self.events += 1


_KEEP: dict[str, Callable[[GeneratedRow], bool]] = {
    "slack-export": lambda row: row.is_chat,
    "mbox": lambda row: not row.is_chat,
}
