"""Terminal output helpers: a byte-based progress bar with a message rate, and summaries."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from signalpipe.inert import rich_literal
from signalpipe.sources.base import ProgressFn
from signalpipe.stats import RunStats

console = Console(stderr=True)
out = Console()

_UPDATE_EVERY_BYTES = 256 * 1024  # rich's update takes a lock; per-line calls would dominate


@contextmanager
def byte_progress(label: str, total_bytes: int, stats: RunStats | None = None,
                  *, enabled: bool | None = None) -> Iterator[ProgressFn]:
    """Yield a callback that advances a bar by bytes read, showing messages/s from `stats`."""
    show = sys.stderr.isatty() if enabled is None else enabled
    progress = Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), TaskProgressColumn(),
        DownloadColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
        TimeRemainingColumn(), console=console, disable=not show, transient=False)
    task = progress.add_task(label, total=total_bytes or None, rate="")
    pending = 0

    def advance(nbytes: int) -> None:
        nonlocal pending
        pending += nbytes
        if pending >= _UPDATE_EVERY_BYTES:
            rate = f"{stats.rate:,.0f} msg/s" if stats is not None else ""
            progress.update(task, advance=pending, rate=rate)
            pending = 0

    with progress:
        yield advance
        progress.update(task, advance=pending)


def summary_table(title: str, rows: list[tuple[str, object]]) -> Table:
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    for name, value in rows:
        table.add_row(name, rich_literal(str(value)))
    return table
