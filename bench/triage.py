"""LLM triage on real text: recall of gold events and the share of messages sent, per source.

    python bench/triage.py                  # dev and test side by side
    python bench/triage.py --split dev --misses 30   # while changing triage: dev only
    python bench/triage.py --split dev --choose      # pick the learned thresholds on dev
    python bench/triage.py --speed                   # the scorer's messages per second only

Three triages are measured: the lexicon alone, the learned scorer alone (``send_at``) and the
combination ``Triage.from_settings`` builds (learned hits, plus lexicon candidates the model does
not read as routine). On dev the learned scorer is measured **leave-one-source-out**: each dev
source is scored by a model trained on the other dev sources (a model scored on its own training
data measures nothing). On test it is the shipped model, trained on all of dev.

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
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_eval import CorpusSource, aliases, batches, load

import signalpipe.extract.triage as triage_module
from signalpipe.extract.learned import default_scorer
from signalpipe.extract.learned.train import load_examples, train_without
from signalpipe.extract.rules import RulesExtractor
from signalpipe.extract.triage import KEEP_AT, SEND_AT, Scorer, Triage


class CachedScorer:
    """Remembers each text's score: the threshold grid rescoring the same texts."""

    def __init__(self, scorer: Scorer) -> None:
        self.scorer = scorer
        self.cache: dict[str, float] = {}

    def score(self, text: str) -> float:
        if text not in self.cache:
            self.cache[text] = self.scorer.score(text)
        return self.cache[text]


def scorers(split: str, sources: list[CorpusSource]) -> dict[str, Scorer]:
    """Per source: on dev the model trained without that source, on test the shipped one."""
    if split != "dev":
        return {s.name: CachedScorer(default_scorer()) for s in sources}
    examples = load_examples()
    return {s.name: CachedScorer(train_without(examples, s.name)) for s in sources}


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
    return Triage(rules=RulesExtractor(aliases=aliases(sources)))


def policies(sources: list[CorpusSource], models: dict[str, Scorer], with_rules: bool
             ) -> dict[str, dict[str, Triage]]:
    """name -> source -> the triage that source is measured with."""
    lexicon = _triage(sources, with_rules)
    rules = lexicon.rules
    return {
        "lexicon only": {s.name: lexicon for s in sources},
        f"learned only (send at {SEND_AT})": {
            s.name: Triage(rules=rules, scorer=models[s.name], lexicon=False) for s in sources},
        f"lexicon + learned (send at {SEND_AT}, keep lexicon at {KEEP_AT})": {
            s.name: Triage(rules=rules, scorer=models[s.name]) for s in sources},
    }


def table(split: str, size: int, name: str, sources: list[CorpusSource],
          triages: dict[str, Triage]) -> list[dict[str, Any]]:
    """Print one policy's table; return its missed gold events."""
    loso = " (learned: leave-one-source-out)" if split == "dev" and "learned" in name else ""
    print(f"\n#### {name}{loso}, batches of {size}\n")
    print("| source | gold | recalled | recall | msgs | sent | sent share | event msgs "
          "| event-free sent |\n|---|" + "---:|" * 8)
    totals, shown = _totals(sources, triages, size,
                            each=lambda name, counts: print(_line(name, counts)))
    print(_line("**all**", totals))
    return shown


def _totals(sources: list[CorpusSource], triages: dict[str, Triage], size: int,
            each: Callable[[str, list[int]], None] | None = None
            ) -> tuple[list[int], list[dict[str, Any]]]:
    """Counts summed over the sources (see `_line`), and every missed gold event."""
    totals = [0] * 6
    missed: list[dict[str, Any]] = []
    for s in sources:
        counts, lost = measure(triages[s.name], s, size)
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        missed += lost
        if each is not None:
            each(s.name, counts)
    return totals, missed


def report(split: str, size: int, with_rules: bool, misses: int) -> None:
    sources = load(split)
    print(f"\n### {split} split{' (with rules hits)' if with_rules else ''}")
    shown: list[dict[str, Any]] = []
    for name, triages in policies(sources, scorers(split, sources), with_rules).items():
        shown = table(split, size, name, sources, triages)  # the last: lexicon + learned
    texts = {m.id: m for s in sources for m in s.messages}
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


def _recall_share(sources: list[CorpusSource], triages: dict[str, Triage], size: int
                  ) -> tuple[float, float]:
    totals, _ = _totals(sources, triages, size)
    return totals[1] / totals[0], totals[3] / totals[2]


def choose(size: int, *, target: float = 0.95) -> None:
    """The thresholds that reach `target` recall on dev (leave-one-source-out) with the fewest
    messages sent: the learned scorer alone, then with the lexicon."""
    sources = load("dev")
    models = scorers("dev", sources)
    # The lexicon's verdict does not depend on the thresholds: read each message once.
    verdicts = {triage_module._text(m): triage_module.is_candidate(m)
                for s in sources for m in s.messages}
    triage_module._candidate = verdicts.__getitem__
    grid = [n / 100 for n in range(30, 72, 2)]
    best: dict[str, tuple[float, float, float, float]] = {}
    for send_at in grid:
        for keep_at in [0.0, *[k for k in grid if k < send_at], 1.0]:
            triages = {s.name: Triage(scorer=models[s.name], send_at=send_at, keep_at=keep_at)
                       for s in sources}
            recall, share = _recall_share(sources, triages, size)
            name = "learned only" if keep_at == 1.0 else "lexicon + learned"
            if recall >= target and share < best.get(name, (1.0,))[0]:
                best[name] = (share, recall, send_at, keep_at)
    for name, (share, recall, send_at, keep_at) in sorted(best.items()):
        print(f"{name}: send at {send_at}, keep lexicon at {keep_at}: recall {recall:.3f}, "
              f"sent {share:.3f}")


def speed(*, rounds: int = 3) -> None:
    """Print the shipped scorer's messages per second (best of `rounds`): on the dev messages
    as triage reads them, and on 2,000 short chat lines. Triage scores every message of every
    batch before a token is paid for, so it must keep up with ingest (thousands a second)."""
    chat = [f"{i} customers signed up after the launch of v2.{i} — great week team"
            for i in range(2000)]
    dev = [triage_module._text(m) for s in load("dev") for m in s.messages]
    model = default_scorer()
    print("\n### learned scorer speed (shipped model, one core)\n")
    for name, texts in (("dev messages", dev), ("short chat lines", chat)):
        best = min(_elapsed_s(model, texts) for _ in range(rounds))
        print(f"- {name}: {len(texts)} texts, {len(texts) / best:,.0f} messages/s")


def _elapsed_s(model: Scorer, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        model.score(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "test", "both"], default="both")
    parser.add_argument("--size", type=int, default=50)
    parser.add_argument("--rules", action="store_true",
                        help="add the rules extractor's hits (llm.triage_rules)")
    parser.add_argument("--misses", type=int, default=0, help="dev misses to print")
    parser.add_argument("--speed", action="store_true",
                        help="print only the learned scorer's messages per second")
    parser.add_argument("--choose", action="store_true",
                        help="grid-search the learned thresholds on dev (leave-one-source-out)")
    args = parser.parse_args()
    if args.choose:
        choose(args.size)
        return
    speed()
    if args.speed:
        return
    for split in ("dev", "test") if args.split == "both" else (args.split,):
        report(split, args.size, args.rules, args.misses)


if __name__ == "__main__":
    main()
