"""Embedded ingest rate and peak memory: file -> stored + batched + extracted.

Each size runs in a fresh process so its peak RSS (ru_maxrss) is its own.

    python bench/throughput.py                 # 10k and 1M rows, 3 runs of each
    python bench/throughput.py --rows 10000 100000 --repeat 5

On a small shared machine one run can be off by a fifth, so each size runs `--repeat` times and
the summary gives the median rate (and the highest peak RSS). Each run also reports the CPU time
(user + sys) of its timed span, which other work on the machine disturbs much less.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def one(csv_path: Path, out_dir: Path) -> dict[str, float]:
    from signalpipe import pipeline
    from signalpipe.backends import make_extractor, open_backends
    from signalpipe.settings import load_settings
    from signalpipe.sources.csv import CSVSource

    settings = load_settings(output_dir=out_dir)
    backends = open_backends(settings)
    # Built before the clock starts, like the stores: importing the rules compiles their
    # patterns (about 40 ms), a start-up cost rather than part of the ingest rate.
    extractor = make_extractor(settings)
    start = time.perf_counter()
    # CPU time (user + sys) of the same span: on a shared machine it moves far less than the
    # wall clock with other people's load.
    cpu_start = time.process_time()
    try:
        stats = pipeline.run(settings, backends, CSVSource(csv_path, company_id="scaleflow"),
                             extractor=extractor)
        elapsed = time.perf_counter() - start
        cpu_s = time.process_time() - cpu_start
        # The pipeline's own peak, before this script loads every event to count them.
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        events = len(backends.events.list_events())
    finally:
        backends.close()
    return {"messages": stats.consumed, "seconds": round(elapsed, 2),
            "messages_per_s": round(stats.consumed / elapsed), "cpu_s": round(cpu_s, 3),
            "events": events, "batches": stats.batches,
            "peak_rss_mb": round(rss_mb, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (median reported)")
    parser.add_argument("--one", nargs=2, metavar=("CSV", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(Path(args.one[0]), Path(args.one[1]))))
        return
    from signalpipe.sample.generate import generate

    data = Path("data/bench")
    data.mkdir(parents=True, exist_ok=True)
    summary = []
    for rows in args.rows:
        csv_path = data / f"bench-{rows}-{args.seed}.csv"
        if not csv_path.exists():
            generate(rows, args.seed, csv_path, csv_path.with_suffix(".truth.jsonl"))
        runs = []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as out:
                proc = subprocess.run([sys.executable, __file__, "--one", str(csv_path), out],
                                      check=True, capture_output=True, text=True)
            result = {"rows": rows, **json.loads(proc.stdout.strip().splitlines()[-1])}
            runs.append(result)
            print(json.dumps(result), flush=True)
        rates = sorted(r["messages_per_s"] for r in runs)
        summary.append({"rows": rows, "median_messages_per_s": statistics.median(rates),
                        "min": rates[0], "max": rates[-1],
                        "median_cpu_s": statistics.median(r["cpu_s"] for r in runs),
                        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs)})
    print()
    for line in summary:
        print(f"{line['rows']:>10,} rows: median {line['median_messages_per_s']:,.0f} msg/s "
              f"(min {line['min']:,}, max {line['max']:,}), CPU {line['median_cpu_s']:.2f} s "
              f"(median), peak RSS {line['peak_rss_mb']} MB")
    if len(summary) >= 2:
        ratio = summary[-1]["peak_rss_mb"] / summary[0]["peak_rss_mb"]
        print(f"peak RSS ratio {summary[-1]['rows']:,} vs {summary[0]['rows']:,} rows: "
              f"{ratio:.2f}x")
    print(f"load average at end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
