"""The rules extractor's own cost, and a dump of what it reads, to prove a speed-up changed nothing.

    python bench/rules_speed.py time                  # read_message over 10,000 generated messages
    python bench/rules_speed.py time --repeat 3 --rows 10000 --seed 11
    python bench/rules_speed.py import                # seconds to import the rules package
    python bench/rules_speed.py dump out.jsonl        # every dev source's events, sorted JSON lines

`time` generates the same CSV as bench/throughput.py (seed 11), reads it once into memory and
times only `read_message` over every message, so the figure is the rules alone. `dump` writes,
for every dev source of bench/corpus_eval.py's loader, the events the rules extractor produces
(merged as the event store merges them), then the hits and rejections of `read_message` on the
generated messages; a change meant only to be faster must leave the file byte-identical:

    git stash; python bench/rules_speed.py dump /tmp/before.jsonl; git stash pop
    python bench/rules_speed.py dump /tmp/after.jsonl && cmp /tmp/before.jsonl /tmp/after.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from signalpipe.models import Message

DATA = Path("data/bench")


def generated(rows: int, seed: int) -> list[Message]:
    """The bench/throughput.py CSV of ``rows`` messages, generated once and kept."""
    from signalpipe.sample.generate import generate
    from signalpipe.sources.csv import CSVSource

    DATA.mkdir(parents=True, exist_ok=True)
    csv_path = DATA / f"bench-{rows}-{seed}.csv"
    if not csv_path.exists():
        generate(rows, seed, csv_path, csv_path.with_suffix(".truth.jsonl"))
    return [m for m in CSVSource(csv_path, company_id="scaleflow").read()
            if isinstance(m, Message)]


def time_rules(rows: int, seed: int, repeat: int) -> None:
    from signalpipe.extract.rules import RulesExtractor
    from signalpipe.extract.rules.reader import read_message

    messages = generated(rows, seed)
    company = RulesExtractor()._company("scaleflow")
    read_message(messages[0], company)  # first-call costs (lazy tables) are not the rate
    for _ in range(repeat):
        started = time.process_time()
        for m in messages:
            read_message(m, company)
        cpu_s = time.process_time() - started
        print(f"read_message: {cpu_s:.3f} s CPU for {len(messages):,} messages "
              f"(load average {os.getloadavg()[0]:.2f})")


def import_time() -> None:
    """Each import in a fresh interpreter, so nothing is cached from an earlier one."""
    # models (pydantic) first: the figure is the rules' own patterns and tables
    code = ("import time, signalpipe.models, signalpipe.extract.injection; "
            "t = time.perf_counter(); import signalpipe.extract.rules; "
            "print(time.perf_counter() - t)")
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONPATH": "src"})
        print(f"import signalpipe.extract.rules: {float(out.stdout):.3f} s")


def dump(path: Path) -> None:
    from corpus_eval import aliases as corpus_aliases
    from corpus_eval import extract, load

    from signalpipe.extract.rules import RulesExtractor
    from signalpipe.extract.rules.reader import read_message

    sources = load("dev")
    extractor = RulesExtractor(aliases=corpus_aliases(sources))
    lines: list[str] = []
    for s in sources:
        lines += sorted(f"{s.name}\t{e.model_dump_json()}" for e in extract(extractor, s))
    company = RulesExtractor()._company("scaleflow")
    for m in generated(10_000, 11):
        hits, rejected = read_message(m, company)
        for h in hits:
            found = {**asdict(h.found), "allow": sorted(h.found.allow)}  # a set prints unordered
            lines.append("generated\t" + json.dumps(
                [m.id, h.field, h.span.start, h.span.end, found], sort_keys=True, default=str))
        lines += [f"generated-rejected\t{json.dumps(r)}" for r in rejected]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines):,} lines from {len(sources)} dev sources and 10,000 generated messages "
          f"-> {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=["time", "import", "dump"])
    parser.add_argument("out", nargs="?", type=Path, default=Path("rules-dump.jsonl"))
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if args.what == "time":
        time_rules(args.rows, args.seed, args.repeat)
    elif args.what == "import":
        import_time()
    else:
        dump(args.out)


if __name__ == "__main__":
    main()
