"""Peak memory and outcome of `signalpipe run` on inputs built to exhaust it (issue 12).

    python bench/hostile_memory.py [--workdir DIR]

Cases: a Slack export zip whose one day file inflates to 200 MiB (about 200 KB on disk), a CSV
with one 50 MiB cell, 50 MB of random bytes named `.csv`, and `/dev/zero` read as CSV. Each runs
in a fresh child process on the embedded stack; the figure is that child's peak RSS
(`getrusage`), with its exit code and what the store kept. Target: under 150 MB each, and each
ends with a clear error or a dead letter, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

MIB = 1024 * 1024
HEADER = "id,is_chat,chat_sender,email_sender,timestamp,content\n"


def zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("channels.json", json.dumps([{"id": "C1", "name": "general"}]))
        z.writestr("users.json", json.dumps([{"id": "U1", "name": "ana"}]))
        z.writestr("general/2025-01-06.json",
                   json.dumps([{"type": "message", "user": "U1", "ts": "1736157600.000100",
                                "text": "a" * (200 * MIB)}]))
        z.writestr("general/2025-01-07.json",
                   json.dumps([{"type": "message", "user": "U1", "ts": "1736244000.000100",
                                "text": "We closed our $6M Series A."}]))
    return path


def big_cell(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        f.write(HEADER)
        f.write('m1,true,ana,,2025-01-06T10:00:00Z,"' + "x" * (50 * MIB) + '"\n')
        f.write('m2,true,ana,,2025-01-06T11:00:00Z,"We closed our $6M Series A."\n')
    return path


def random_bytes(path: Path) -> Path:
    with path.open("wb") as f:
        for _ in range(50):
            f.write(os.urandom(MIB))
    return path


def measure(args: list[str]) -> tuple[int, int, str]:
    """Run `args` in a child that reports its own child's peak RSS (KiB) and exit code."""
    probe = ("import resource, subprocess, sys\n"
             "r = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=600)\n"
             "tail = (r.stderr or r.stdout).strip().splitlines()[-1:] or ['']\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)\n"
             "print(tail[0][:160])\n")
    out = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    rss, rc = out[0].split()
    return int(rss), int(rc), out[1] if len(out) > 1 else ""


def stored(out: Path) -> tuple[int, int, str]:
    """Messages stored, dead letters, and the first dead letter's reason."""
    db = out / "signalpipe.sqlite3"
    if not db.exists():
        return 0, 0, ""
    con = sqlite3.connect(db)
    try:
        reason = con.execute("SELECT reason FROM dead_letters LIMIT 1").fetchone()
        return (con.execute("SELECT count(*) FROM messages").fetchone()[0],
                con.execute("SELECT count(*) FROM dead_letters").fetchone()[0],
                reason[0][:160] if reason else "")
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workdir", type=Path, default=None)
    ns = parser.parse_args()
    work = ns.workdir or Path(tempfile.mkdtemp(prefix="sp-hostile-"))
    work.mkdir(parents=True, exist_ok=True)
    exe = str(Path(sys.executable).with_name("signalpipe"))
    cases = {
        "zip inflating to 200 MiB": ([str(zip_bomb(work / "bomb.zip"))], []),
        "CSV with one 50 MiB cell": ([str(big_cell(work / "cell.csv"))], []),
        "50 MB of random bytes named .csv": ([str(random_bytes(work / "noise.csv"))], []),
        "/dev/zero as CSV": (["/dev/zero"], ["--format", "csv"]),
    }
    print("| input | peak RSS | exit | messages stored | dead letters | error or dead letter |")
    print("|---|---:|---:|---:|---:|---|")
    for name, (inp, extra) in cases.items():
        out = work / f"out-{abs(hash(name))}"
        rss, rc, last = measure([exe, "run", "--input", inp[0], *extra,
                                 "--output-dir", str(out)])
        msgs, letters, reason = stored(out)
        said = (last if rc else reason).replace("|", "\\|")
        print(f"| {name} | {rss / 1024:.0f} MB | {rc} | {msgs} | {letters} | {said} |")


if __name__ == "__main__":
    main()
