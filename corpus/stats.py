"""Counts of the corpus, per split and source: messages, gold events by type, lowlights, traps,
messages with no event. Prints a Markdown table (used in corpus/README.md).

    python corpus/stats.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TYPES = ["funding", "revenue_milestone", "user_growth", "enterprise_deal", "partnership",
         "product_launch", "hiring", "technical_achievement", "market_expansion", "compliance",
         "media_coverage", "investor_interest", "customer_success", "other"]


def rows(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").split("\n") if x.strip()]


def main() -> None:
    print("| split | source | messages | events | lowlights | traps | no-event messages |")
    print("|---|---|---:|---:|---:|---:|---:|")
    types: Counter[str] = Counter()
    totals = Counter()
    for folder in sorted(ROOT.glob("*/*/")):
        messages = rows(folder / "messages.jsonl")
        gold = rows(folder / "gold.jsonl")
        traps = rows(folder / "traps.jsonl")
        cited = {i for g in gold for i in g["message_ids"]}  # type: ignore[attr-defined]
        low = sum(1 for g in gold if g.get("lowlight"))
        quiet = sum(1 for m in messages if m["id"] not in cited)
        types.update(str(g["event_type"]) for g in gold)
        totals.update(messages=len(messages), events=len(gold), low=low, traps=len(traps),
                      quiet=quiet)
        print(f"| {folder.parent.name} | {folder.name} | {len(messages)} | {len(gold)} | {low} "
              f"| {len(traps)} | {quiet} |")
    print(f"| **all** | | {totals['messages']} | {totals['events']} | {totals['low']} "
          f"| {totals['traps']} | {totals['quiet']} |")
    print("\n| type | gold events (every split) |\n|---|---:|")
    for kind in TYPES:
        print(f"| {kind} | {types[kind]} |")


if __name__ == "__main__":
    main()
