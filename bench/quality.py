"""Extraction quality on real text: the corpus's dev and test splits, per source and per type.

    python bench/quality.py                 # dev and test side by side (for the closing note)
    python bench/quality.py --split dev --errors 40   # while changing the extractor: dev only

The test split is read only here, never while changing the extractor (see corpus/README.md).
Positives and lowlights are scored apart (shared LABELLING.md); "noise" is false events per
1,000 messages on the public-email sources, which hold no startup milestones.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_eval import CorpusSource, Result, aliases, combine, extract, load, score

from signalpipe.extract.rules import RulesExtractor

NOISE_SOURCES = {"enron-mail", "usrp-mail", "list-noise", "mail-noise"}


def run(sources: list[CorpusSource]) -> tuple[dict[str, Result], float, int]:
    extractor = RulesExtractor(aliases=aliases(sources))
    results = {}
    elapsed, n = 0.0, 0
    for s in sources:
        started = time.perf_counter()
        events = extract(extractor, s)
        elapsed += time.perf_counter() - started
        n += len(s.messages)
        results[s.name] = score(events, s.gold, s.traps, len(s.messages))
    return results, elapsed, n


def _row(name: str, r: Result) -> str:
    p, low = r.positive, r.lowlight
    noise = f"{1000 * (p.fp + low.fp) / r.messages:.1f}" if r.messages else "-"
    return (f"| {name} | {r.messages} | {p.tp + p.fn} | {p.tp} | {p.fp} ({p.dup}) | {p.fn} "
            f"| {p.precision:.2f} | {p.recall:.2f} | {p.f1:.2f} | {low.tp + low.fn} | {low.tp} "
            f"| {low.fp} | {low.f1:.2f} | {r.trap_hits} | {noise} |")


HEAD = ("| source | msgs | gold+ | TP | FP (dup) | FN | P | R | F1 | gold- | TP- | FP- | F1- "
        "| trap hits | false/1k |\n|---|" + "---:|" * 14)


def report(split: str, results: dict[str, Result]) -> Result:
    print(f"\n### {split} split\n\n{HEAD}")
    for name, r in results.items():
        print(_row(name, r))
    total = combine(results.values())
    print(_row("**all**", total))
    print("\n| type | gold | TP | FP | FN | P | R | F1 |\n|---|---:|---:|---:|---:|---:|---:|---:|")
    for kind in sorted(total.per_type):
        t = total.per_type[kind]
        print(f"| {kind} | {t.tp + t.fn} | {t.tp} | {t.fp} | {t.fn} | {t.precision:.2f} "
              f"| {t.recall:.2f} | {t.f1:.2f} |")
    noise = [r for n, r in results.items() if n in NOISE_SOURCES]
    if noise:
        n = combine(noise)
        false = n.positive.fp + n.lowlight.fp
        print(f"\nnoise: {false} false events in {n.messages} messages of public mail = "
              f"{1000 * false / n.messages:.1f} per 1,000 messages")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "test", "both", "fresh"], default="both",
                        help="fresh: sources labelled in this round that nobody changing the "
                             "extractor has read (corpus/README.md); both: dev and test")
    parser.add_argument("--errors", type=int, default=0,
                        help="print this many false events and misses (dev or fresh, never test)")
    parser.add_argument("--misses", type=int, default=0,
                        help="print this many misses of the test split (for the closing note)")
    args = parser.parse_args()
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    for split in splits:
        sources = load(split)
        if not sources:
            print(f"\n### {split} split\n\nno sources under corpus/{split}/")
            continue
        results, elapsed, n = run(sources)
        total = report(split, results)
        print(f"\nextractor: {n / elapsed:,.0f} messages/s on {n:,} messages of {split}")
        if split in ("dev", "fresh") and args.errors:
            text = {m.id: m.text for s in sources for m in s.messages}
            for e in total.false_events[:args.errors]:
                print(f"FP {e.event_type.value}/{e.polarity.value} {e.source_message_ids[:3]} "
                      f"{e.title!r} :: {e.evidence[:160]!r}")
            for g in total.missed[:args.errors]:
                first = g["message_ids"][0]
                print(f"FN {g['event_type']}{' (low)' if g.get('lowlight') else ''} {first} "
                      f"{g['title']!r} :: {text.get(first, '')[:220]!r}")
        if split == "test" and args.misses:
            text = {m.id: m.text for s in sources for m in s.messages}
            for g in total.missed[:args.misses]:
                first = g["message_ids"][0]
                print(f"MISS {g['event_type']} {first}: {text.get(first, '')[:200]!r}")


if __name__ == "__main__":
    main()
