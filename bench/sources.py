"""Parse speed and peak memory of the Slack export and mbox readers on generated traffic.

    python bench/sources.py                      # 10k and 100k messages per format
    python bench/sources.py --sizes 100000 --workdir /tmp/sp-bench --keep

For each size it writes a Slack export zip of that many chat messages and an mbox of that many
emails (signalpipe's generator when present, else a synthetic row stream), then parses each file
in a fresh child process so the figures are the reader's alone: messages/s over the whole read and
peak RSS (``getrusage``), next to the RSS the child had before reading. Flat peaks across sizes
are the point: both readers hold one day file / one message at a time.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def rows_of_kind(chat: bool, count: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """`count` generated rows of one kind (chat or email)."""
    from signalpipe.sample.generate import iter_rows
    from signalpipe.sample.writers import is_chat

    source = iter_rows(count * 10, seed)
    return itertools.islice((r for r in source if is_chat(r) == chat), count)


def write_child(size: int, export: Path, mbox: Path) -> None:
    """Write both inputs (in a child, so the parent stays small: see `measure`)."""
    from signalpipe.sample.writers import write_mbox, write_slack_export

    write_slack_export(rows_of_kind(True, size), export)
    write_mbox(rows_of_kind(False, size), mbox)


def parse_child(fmt: str, path: Path) -> dict[str, Any]:
    """Read `path` to the end in this process; the figures for one reader."""
    from signalpipe.backends import open_source
    from signalpipe.models import Message

    before_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    source = open_source(path, fmt=fmt, company_id="bench", max_cell_bytes=1_000_000)
    consumed = 0

    def progress(n: int) -> None:
        nonlocal consumed
        consumed += n

    messages = dead = 0
    started = time.perf_counter()
    for item in source.read(progress):
        if isinstance(item, Message):
            messages += 1
        else:
            dead += 1
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {"format": fmt, "file_mib": round(path.stat().st_size / 2**20, 1),
            "messages": messages, "dead": dead, "seconds": round(elapsed, 2),
            "msgs_per_s": round(messages / elapsed), "rss_before_mib": round(before_kib / 1024, 1),
            "peak_rss_mib": round(peak_kib / 1024, 1), "vm_hwm_mib": vm_hwm_mib(),
            "progress_complete": consumed == source.total_bytes()}


def vm_hwm_mib() -> float | None:
    """Linux's own peak-RSS counter for this process image (a cross-check of getrusage)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    line = next((ln for ln in status.splitlines() if ln.startswith("VmHWM:")), None)
    return round(int(line.split()[1]) / 1024, 1) if line else None


def measure(fmt: str, path: Path) -> dict[str, Any]:
    """Parse in a fresh child. Linux carries ru_maxrss across fork+exec, so the parent must stay
    small (it imports no signalpipe code and writes the inputs in another child)."""
    out = subprocess.run([sys.executable, __file__, "--child", fmt, str(path)], check=True,
                         capture_output=True, text=True)
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def run(sizes: list[int], workdir: Path) -> list[dict[str, Any]]:
    results = []
    for size in sizes:
        export, mbox = workdir / f"slack-{size}.zip", workdir / f"mail-{size}.mbox"
        started = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--write", str(size), str(export), str(mbox)],
                       check=True)
        print(f"wrote {size:,} chat + {size:,} email messages in "
              f"{time.perf_counter() - started:.1f}s", file=sys.stderr)
        for fmt, path in (("slack-export", export), ("mbox", mbox)):
            results.append(measure(fmt, path))
            print(json.dumps(results[-1]), file=sys.stderr)
    return results


def table(results: list[dict[str, Any]]) -> str:
    head = ("format", "messages", "file_mib", "seconds", "msgs_per_s", "rss_before_mib",
            "peak_rss_mib", "vm_hwm_mib", "dead", "progress_complete")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(r[k]) for k in head) + " |" for r in results]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="10000,100000", help="messages per file, comma list")
    parser.add_argument("--workdir", type=Path, help="where to write the inputs (default: temp)")
    parser.add_argument("--keep", action="store_true", help="keep the generated inputs")
    parser.add_argument("--child", nargs=2, metavar=("FORMAT", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--write", nargs=3, metavar=("SIZE", "EXPORT", "MBOX"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write:
        write_child(int(args.write[0]), Path(args.write[1]), Path(args.write[2]))
        return
    if args.child:
        print(json.dumps(parse_child(args.child[0], Path(args.child[1]))))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
        results = run(sizes, args.workdir)
    else:
        with tempfile.TemporaryDirectory(prefix="signalpipe-bench-") as tmp:
            results = run(sizes, Path(tmp))
    print(table(results))
    if args.workdir and not args.keep:
        for path in args.workdir.glob("slack-*.zip"):
            path.unlink()
        for path in args.workdir.glob("mail-*.mbox"):
            path.unlink()


if __name__ == "__main__":
    main()
