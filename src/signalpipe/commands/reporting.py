"""Shared by commands that end a run: compose the email and write the markdown report."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from signalpipe.backends import Backends, make_composer
from signalpipe.errors import SourceError
from signalpipe.models import InvestorEmail
from signalpipe.report.markdown import render
from signalpipe.settings import Settings
from signalpipe.stats import RunStats

REPORT_NAME = "pipeline_results.md"


def compose_email(settings: Settings, backends: Backends) -> InvestorEmail:
    events = backends.events.list_events(settings.company_id)
    composer = make_composer(settings)
    try:
        return composer.compose(events, company_id=settings.company_id)
    finally:
        composer.close()


def write_report(settings: Settings, backends: Backends, stats: RunStats | None,
                 email: InvestorEmail | None = None) -> Path:
    events = backends.events.list_events(settings.company_id)
    email = email or compose_email(settings, backends)
    text = render(stats=stats, events=events, dead_letters=backends.messages.dead_letters(),
                  usage=backends.events.usage(), email=email, company_id=settings.company_id,
                  stack=settings.stack)
    path = settings.output_dir / REPORT_NAME
    write_output(path, text)
    return path


def write_output(path: Path, text: str) -> None:
    """Write a report file, never through a symlink planted where it goes (refused), never into
    a FIFO or device (refused), and never leaving a half-written file (temp file, then rename)."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise SourceError(f"cannot write {path}: {exc.strerror}") from None
    if mode is not None and stat.S_ISLNK(mode):
        raise SourceError(f"{path} is a symbolic link: refusing to write through it "
                          "(remove it, or choose another --output-dir)")
    if mode is not None and not stat.S_ISREG(mode):
        raise SourceError(f"{path} exists and is not a regular file: refusing to replace it")
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(temp, flags, 0o644)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise SourceError(f"cannot write {path}: {exc.strerror}") from None
