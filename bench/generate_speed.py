"""How fast the sample-data generator writes the seed CSV, and the memory it needs.

    python bench/generate_speed.py --rows 1000000 --seed 7
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from signalpipe.sample.generate import generate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "full_data.csv"
        stats = generate(args.rows, args.seed, out)
        size_mb = out.stat().st_size / 1e6
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"generator: {stats.rows:,} rows in {stats.elapsed_s:.2f} s = "
          f"{stats.rows_per_s:,.0f} rows/s ({size_mb:,.0f} MB CSV, peak RSS {peak_mb:,.0f} MB)")
    print(f"  chat {stats.chat_rows:,} ({stats.chat_rows / stats.rows:.1%}), email "
          f"{stats.email_rows:,}; {stats.events:,} planted events in {stats.event_mentions:,} "
          f"rows; {stats.distractors:,} distractor rows")


if __name__ == "__main__":
    main()
