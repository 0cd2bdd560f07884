"""Generated-data F1, apart for the phrasing families the extractor's authors saw and for the
held-out ones (``signalpipe.sample.phrasings``), positives and lowlights apart.

    python bench/quality_generated.py                    # 20,000 rows per family set, seed 7
    python bench/quality_generated.py --rows 50000 --seed 3 --errors 20

Each family set is generated on its own (``generate(..., families=...)``), so every planted
mention of the held-out run is written in a held-out family; mundane rows and traps are drawn the
same way in both. Scoring is bench/corpus_eval.py's (type + a shared message id; positives
against events of positive polarity, lowlights against negative ones; a second match is a
duplicate). Generated data is not the bar (real text is: bench/quality.py); this shows how far
the extractor's phrasing reaches beyond the templates it was written next to.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_eval import CorpusSource, Result, extract, score

from signalpipe.extract.rules import RulesExtractor
from signalpipe.models import Message
from signalpipe.sample.generate import generate
from signalpipe.sample.phrasings import HELD_OUT, SEEN
from signalpipe.sources.csv import CSVSource

COMPANY = "scaleflow"


def generated(rows: int, seed: int, families: tuple[str, ...], folder: Path) -> CorpusSource:
    """One generated run as a corpus source: messages, and the truth as gold."""
    csv_path = folder / f"{families[0]}.csv"
    truth = folder / f"{families[0]}.truth.jsonl"
    generate(rows, seed, csv_path, truth, company=COMPANY, families=families)
    messages = [m for m in CSVSource(csv_path, company_id=COMPANY).read()
                if isinstance(m, Message)]
    gold = [json.loads(line) for line in truth.read_text(encoding="utf-8").splitlines() if line]
    return CorpusSource("generated", "+".join(families), messages, {COMPANY: COMPANY}, gold, [])


def _row(name: str, r: Result) -> str:
    p, low = r.positive, r.lowlight
    return (f"| {name} | {r.messages} | {p.tp + p.fn} | {p.tp} | {p.fp} ({p.dup}) | {p.fn} "
            f"| {p.precision:.3f} | {p.recall:.3f} | **{p.f1:.3f}** | {low.tp + low.fn} "
            f"| {low.tp} | {low.fp} | {low.fn} | {low.f1:.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--errors", type=int, default=0, help="misses to print per family set")
    parser.add_argument("--types", action="store_true", help="per-type F1 of each family set")
    args = parser.parse_args()
    extractor = RulesExtractor(aliases={COMPANY: ["ScaleFlow"]})
    print(f"generated, {args.rows:,} rows per family set, seed {args.seed}, rules extractor\n")
    print("| families | msgs | gold+ | TP | FP (dup) | FN | P | R | F1 | gold- | TP- | FP- "
          "| FN- | F1- |\n|---|" + "---:|" * 13)
    with tempfile.TemporaryDirectory() as tmp:
        for label, families in (("seen", SEEN), ("held-out", HELD_OUT)):
            source = generated(args.rows, args.seed, families, Path(tmp))
            result = score(extract(extractor, source), source.gold, [], len(source.messages))
            print(_row(f"{label} ({', '.join(families)})", result))
            if args.types:
                print("    " + ", ".join(f"{kind} {t.f1:.2f} ({t.tp}/{t.tp + t.fn})"
                                         for kind, t in sorted(result.per_type.items())))
            if args.errors:
                text = {m.source_id: m.text for m in source.messages}
                for g in result.missed[:args.errors]:
                    first = g["message_ids"][0]
                    print(f"    MISS {label} {g['event_type']}{' (low)' if g['lowlight'] else ''} "
                          f"{g['families'][0]}: {text[first][:160]!r}")
                for e in result.false_events[:args.errors]:
                    print(f"    FP {label} {e.event_type.value}/{e.polarity.value}: "
                          f"{e.evidence[:160]!r}")


if __name__ == "__main__":
    main()
