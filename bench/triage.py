"""LLM triage on real text: recall of gold events and the share of messages sent, per source.

    python bench/triage.py                  # dev and test side by side
    python bench/triage.py --split dev --misses 30   # while changing triage: dev only

A gold event counts as recalled when at least one of its message ids is selected (the model can
only report what it is shown). Batches are formed as the batcher forms them (``--size``).
Triage is measured as ``Triage.from_settings`` builds it by default (the lexicon alone) and,
with ``--rules``, with the rules extractor's hits as extra candidates (``llm.triage_rules``).
Misses are printed for the dev
split only: the test split is read here for aggregate figures, never for its texts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_eval import CorpusSource, batches, load

from signalpipe.extract.rules import RulesExtractor
from signalpipe.extract.triage import Triage


def measure(triage: Triage, source: CorpusSource, size: int) -> tuple[list[int], list]:
    """([gold events, recalled, messages, sent, event messages, event-free messages sent],
    missed gold) for one source."""
    sent: set[str] = set()
    for batch in batches(source, size):
        sent |= {m.id for m in triage.select(batch)}
    missed = [g for g in source.gold if not sent & set(g["message_ids"])]
    cited = {i for g in source.gold for i in g["message_ids"]}
    return [len(source.gold), len(source.gold) - len(missed), len(source.messages), len(sent),
            len(cited), len(sent - cited)], missed


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def _triage(sources: list[CorpusSource], with_rules: bool) -> Triage:
    if not with_rules:
        return Triage()
    aliases = {cid: [name] for s in sources for cid, name in s.companies.items()}
    return Triage(rules=RulesExtractor(aliases=aliases))


def report(split: str, size: int, with_rules: bool, misses: int) -> None:
    sources = load(split)
    triage = _triage(sources, with_rules)
    print(f"\n### {split} split ({'lexicon + rules hits' if with_rules else 'lexicon only'}, "
          f"batches of {size})\n")
    print("| source | gold | recalled | recall | msgs | sent | sent share | event msgs "
          "| event-free sent |\n|---|" + "---:|" * 8)
    totals = [0] * 6
    shown = []
    texts = {m.id: m for s in sources for m in s.messages}
    for s in sources:
        counts, missed = measure(triage, s, size)
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        shown += missed
        print(_line(s.name, counts))
    print(_line("**all**", totals))
    if split == "dev" and misses:
        print(f"\nmissed ({len(shown)}):")
        for g in shown[:misses]:
            for i in g["message_ids"][:1]:
                m = texts[i]
                text = f"{m.subject or ''} | {m.text}".replace("\n", " ")[:300]
                print(f"- [{g['event_type']}{' low' if g.get('lowlight') else ''}] {i}: {text}")


def _line(name: str, counts: list[int]) -> str:
    """Recall; the share of all messages sent; the share of messages that state an event (the
    least a perfect triage sends); the share of event-free messages sent (what triage wastes)."""
    gold, hit, msgs, sent, cited, waste = counts
    return (f"| {name} | {gold} | {hit} | {_share(hit, gold)} | {msgs} | {sent} "
            f"| {_share(sent, msgs)} | {_share(cited, msgs)} | {_share(waste, msgs - cited)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "test", "both"], default="both")
    parser.add_argument("--size", type=int, default=50)
    parser.add_argument("--rules", action="store_true",
                        help="add the rules extractor's hits (llm.triage_rules)")
    parser.add_argument("--misses", type=int, default=0, help="dev misses to print")
    args = parser.parse_args()
    for split in ("dev", "test") if args.split == "both" else (args.split,):
        report(split, args.size, args.rules, args.misses)


if __name__ == "__main__":
    main()
