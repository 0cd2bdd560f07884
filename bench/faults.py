"""Fault tolerance on real servers: run the fault suite and print what each fault cost.

    python bench/faults.py                      # N = 20,000 messages per fault
    python bench/faults.py --n 200000           # up to 1,000,000
    python bench/faults.py -k "kafka or redis"  # some faults only

Runs ``pytest -m faults tests/faults`` (each test kills, stops or flushes a real server or a
worker mid-run, then compares the end state with a clean embedded run over the same file),
then prints one markdown row per fault: messages lost (not stored, or marked extracted with
none of their events), duplicates (extra rows per id, doubled event mentions), messages never
extracted, events differing from the clean run (fingerprint and sorted source ids) and the drain
time, in seconds from the end of the fault to the last message extracted. Every count must be
zero; the exit status is pytest's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tests.faults.harness import table  # noqa: E402  (the repo root is not on sys.path)

COUNTS = ("lost", "duplicates", "unextracted", "events_differing")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=20_000, help="messages per fault (<= 1M)")
    parser.add_argument("-k", dest="select", default=None, help="pytest -k expression")
    parser.add_argument("--results", type=Path, default=None,
                        help="JSON lines file to append to [default: a temporary file]")
    args, extra = parser.parse_known_args()
    if not 1_000 <= args.n <= 1_000_000:
        parser.error("--n must be between 1,000 and 1,000,000")
    results = args.results or Path(tempfile.mkdtemp(prefix="signalpipe-faults-")) / "faults.jsonl"
    env = {**os.environ, "SIGNALPIPE_FAULT_N": str(args.n),
           "SIGNALPIPE_FAULT_RESULTS": str(results)}
    command = [sys.executable, "-m", "pytest", "-m", "faults", "tests/faults", "-q",
               "-p", "no:cacheprovider", "-o", "log_cli=false", *extra]
    if args.select:
        command += ["-k", args.select]
    started = time.perf_counter()
    code = subprocess.call(command, cwd=REPO, env=env)
    elapsed = time.perf_counter() - started
    rows = ([json.loads(line) for line in results.read_text("utf-8").splitlines() if line]
            if results.exists() else [])
    print()
    print(table(rows, test_time=True))
    print(f"\n{len(rows)} faults, suite {elapsed:.0f} s (pytest exit {code}); rows in {results}")
    bad = [f"{r['fault']}: " + ", ".join(f"{c}={r.get(c, 0)}" for c in COUNTS if r.get(c))
           for r in rows if any(r.get(c) for c in COUNTS)]
    print("every count is zero" if not bad else "NONZERO:\n  " + "\n  ".join(bad))
    return code


if __name__ == "__main__":
    sys.exit(main())
