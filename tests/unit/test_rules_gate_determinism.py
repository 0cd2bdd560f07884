"""The gate's cue table is the same in every process: it was built by updating a table while
reading it in set order, so which detectors a cue called changed with PYTHONHASHSEED (and with
them the events extracted)."""

from __future__ import annotations

import os
import subprocess
import sys

_TABLE = ("import hashlib; from signalpipe.extract.rules import gate; "
          "print(hashlib.sha256(repr(sorted((k, sorted(v)) for k, v in "
          "gate.STEM_DETECTORS.items())).encode()).hexdigest())")


def _table_under(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", _TABLE], env=env, capture_output=True,
                          text=True, check=True, timeout=120)
    return done.stdout.strip()


def test_the_cue_table_does_not_depend_on_the_hash_seed() -> None:
    tables = {_table_under(seed) for seed in ("1", "2", "3", "4")}
    assert len(tables) == 1
