"""Inputs for the namespaced-ids tests (issue 12), on either stack: a CSV row and an email that
share the id `shared-1`, and two monthly exports named alike with the same bad line."""

from __future__ import annotations

from pathlib import Path

from signalpipe import pipeline
from signalpipe.backends import Backends, open_source
from signalpipe.settings import Settings
from signalpipe.stats import RunStats

HEADER = "id,is_chat,chat_sender,email_sender,timestamp,content\n"
MONTHS = ("jan", "feb")


def run(settings: Settings, backends: Backends, path: Path) -> RunStats:
    """One pipeline run over the file at `path`, its format guessed."""
    source = open_source(path, fmt=None, company_id=settings.company_id,
                         max_cell_bytes=settings.max_cell_bytes)
    return pipeline.run(settings, backends, source)


def genuine_csv(path: Path) -> Path:
    """A CSV whose one chat row, `shared-1`, states a funding round."""
    path.write_text(HEADER + "shared-1,true,alice,,2025-01-06T10:00:00Z,"
                    "We closed our $12M Series A led by Index Ventures.\n", encoding="utf-8")
    return path


def squatting_eml(path: Path) -> Path:
    """An email from someone else whose Message-ID is `shared-1`, stating nothing."""
    path.write_text("From: Mallory <m@evil.example>\nSubject: hello\n"
                    "Date: Tue, 07 Jan 2025 10:00:00 +0000\nMessage-ID: <shared-1>\n\n"
                    "Nothing to see here, just saying hello.\n", encoding="utf-8")
    return path


def two_months_one_bad_line(root: Path) -> None:
    """`root/jan/export.csv` and `root/feb/export.csv`: a good row, then a bad timestamp on
    line 3 of each."""
    for month in MONTHS:
        (root / month).mkdir()
        (root / month / "export.csv").write_text(
            HEADER + f"{month}-ok,true,bob,,2025-01-06T10:00:00Z,hello\n"
            f"{month}-bad,true,bob,,not-a-time,bad\n", encoding="utf-8")
