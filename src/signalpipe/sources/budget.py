"""What every reader in `signalpipe.sources` may spend on one input: depth, bytes, ratio.

One `ReaderBudget` travels from the settings (``readers:``) into every source. A piece of input
over a limit becomes a dead letter with a reason naming the limit, and the run goes on; an input
that cannot be read at all (a FIFO, a device, a folder where a file was wanted) is refused before a
single byte is read, so a reader can never block on it or read it forever.

- `json_too_deep` finds nesting deeper than ``max_json_depth`` before `json.loads` would recurse
  (the stdlib parser raises RecursionError near 1,000 levels, which used to end the run).
- `open_regular` opens a regular file only: never a FIFO or a device, never through a symlink
  when asked not to follow one.
- `read_capped` reads at most a cap, so a file or zip member that lies about its size cannot grow
  memory past it.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO

from signalpipe.errors import SourceError

MIB = 1024 * 1024


@dataclass(frozen=True)
class ReaderBudget:
    """Limits every reader applies (see `ReaderSettings` for each field's meaning)."""

    max_json_depth: int = 64
    max_cell_bytes: int = 1_000_000
    max_message_bytes: int = 64 * MIB
    max_member_bytes: int = 64 * MIB
    max_zip_ratio: float = 100.0
    max_zip_total_bytes: int = 1024 * MIB
    zip_ratio_floor_bytes: int = MIB
    """Members that inflate to less than this are not judged by ratio (small JSON compresses
    very well, legitimately)."""


DEFAULT_BUDGET = ReaderBudget()


class TooDeep(ValueError):
    """JSON nested deeper than the budget allows; the text is the dead-letter reason."""


_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_INNERMOST = re.compile(rb"\[\]|\{\}")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def json_too_deep(data: bytes | str, limit: int) -> bool:
    """True when `data` nests arrays/objects deeper than `limit` (strings are not counted).

    Runs in C-speed passes, one per level up to `limit`: the strings are cut out, everything but
    brackets is dropped, then innermost pairs are removed level by level.
    """
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False
    brackets = _JSON_STRING.sub(b"", raw).translate(None, _NOT_BRACKETS)
    for _ in range(limit):
        shorter = _INNERMOST.sub(b"", brackets)
        if not shorter or len(shorter) == len(brackets):
            return False  # done, or unbalanced: the parser will say what is wrong
        brackets = shorter
    return True


def load_json(data: bytes | str, limit: int) -> Any:
    """`json.loads` that refuses nesting deeper than `limit` (raises TooDeep, a ValueError)."""
    if json_too_deep(data, limit):
        raise TooDeep(f"JSON nested deeper than max_json_depth ({limit})")
    try:
        return json.loads(data)
    except RecursionError:
        raise TooDeep(f"JSON nested deeper than max_json_depth ({limit})") from None


def kind_of(mode: int) -> str:
    """A person's word for a non-regular file type."""
    for test, word in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISDIR, "a folder"), (stat.S_ISLNK, "a symbolic link")):
        if test(mode):
            return word
    return "not a regular file"


def check_input(path: Path) -> None:
    """Refuse, before reading, an input that is neither a regular file nor a folder."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}") from None
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise SourceError(f"{path} is {kind_of(mode)}, not a regular file: refusing to read it")


def open_regular(path: Path, *, follow_symlinks: bool = True) -> BinaryIO:
    """Open `path` for binary reading when it is a regular file; SourceError otherwise.

    Opened non-blocking, so a FIFO cannot block the open, then checked with fstat on the open
    descriptor, so nothing can be swapped in between the check and the read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow_symlinks:
            raise SourceError(f"{path} is a symbolic link: not followed") from None
        raise SourceError(f"cannot read {path}: {exc.strerror}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise SourceError(f"{path} is {kind_of(mode)}, not a regular file: refusing to read it")
        os.set_blocking(fd, True)
        handle: IO[bytes] = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    return handle  # type: ignore[return-value]


def is_plain_file(path: Path) -> bool:
    """A regular file that is not a symlink (what a folder walk may read)."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def read_capped(handle: IO[bytes], cap: int) -> bytes | None:
    """Everything in `handle`, or None when it holds more than `cap` bytes (never held whole)."""
    data = handle.read(cap + 1)
    return None if len(data) > cap else data
