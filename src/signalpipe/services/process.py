"""Process plumbing: detached launches, pid files, liveness, graceful stops and memory."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

logger = logging.getLogger(__name__)

# `sh` starts the server in the background and prints its pid, then exits at once. The server is
# thus never our child: nothing to reap, no "subprocess still running" warning, and it is
# re-parented to init, so it outlives the Python process (a CLI run, a pytest session).
_DETACH = 'log="$1"; shift; "$@" </dev/null >>"$log" 2>&1 & echo $!'


def spawn_detached(
    cmd: Sequence[str], *, log: Path, cwd: Path, env: Mapping[str, str] | None = None
) -> int:
    """Run `cmd` in its own session with stdout and stderr appended to `log`; return its pid."""
    rotate(log)
    result = subprocess.run(
        ["/bin/sh", "-c", _DETACH, "sh", str(log), *cmd],
        cwd=cwd,
        env=dict(env) if env is not None else None,
        capture_output=True,
        text=True,
        check=True,
        start_new_session=True,  # a Ctrl-C in the terminal that ran `up` must not reach it
    )
    return int(result.stdout.strip())


def rotate(log: Path) -> None:
    """Keep the previous run's log as `<name>.1` so each run starts a fresh, short file."""
    log.parent.mkdir(parents=True, exist_ok=True)
    if log.exists() and log.stat().st_size > 0:
        log.replace(log.with_name(log.name + ".1"))


def read_pid(pidfile: Path) -> int | None:
    try:
        return int(pidfile.read_text().split()[0])
    except (FileNotFoundError, IndexError, ValueError):
        return None


def write_pid(pidfile: Path, pid: int) -> None:
    pidfile.parent.mkdir(parents=True, exist_ok=True)
    pidfile.write_text(f"{pid}\n")


def alive(pid: int) -> bool:
    """True for a live process; a zombie (exited, not yet reaped) counts as dead."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        # The state letter follows the command name, which is wrapped in parentheses.
        if stat.rpartition(")")[2].split()[0] not in ("Z", "X"):
            return True
        # A JVM's main thread can show "Z" while its other threads still shut down and hold
        # the ports; the process is only gone once no thread is left.
        return any(task.name != str(pid) for task in Path(f"/proc/{pid}/task").iterdir())
    except (FileNotFoundError, ProcessLookupError):
        return False


def cmdline(pid: int) -> list[str]:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return []
    return [part.decode(errors="replace") for part in raw.split(b"\0") if part]


def comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except (FileNotFoundError, ProcessLookupError):
        return ""


def find_own(pidfile: Path, marker: str) -> int | None:
    """The pid in `pidfile` if that process is alive and its command line contains `marker`."""
    pid = read_pid(pidfile)
    if pid is None or not alive(pid):
        return None
    return pid if any(marker in arg for arg in cmdline(pid)) else None


def terminate(pid: int, *, timeout_s: float) -> None:
    """SIGTERM, wait up to `timeout_s`, then SIGKILL; returns once the process is gone."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    if wait_gone(pid, timeout_s=timeout_s):
        return
    logger.warning("pid %d ignored SIGTERM for %.0fs; sending SIGKILL", pid, timeout_s)
    kill_now(pid)


def kill_now(pid: int) -> None:
    """SIGKILL `pid` as a crash would, then wait until it and its children are gone.

    PostgreSQL's backends notice the postmaster's death and exit on their own; until they
    have, a new postmaster would refuse the data folder, so we wait (and SIGKILL stragglers).
    """
    family = [pid, *descendants(pid)]
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    for member in family:
        if not wait_gone(member, timeout_s=10.0):
            with contextlib.suppress(ProcessLookupError):
                os.kill(member, signal.SIGKILL)
            wait_gone(member, timeout_s=5.0)


def wait_gone(pid: int, *, timeout_s: float) -> bool:
    """Wait until `pid` has exited and, briefly, until init has reaped it.

    A zombie still "exists" for kill(pid, 0), which is how PostgreSQL checks a stale
    postmaster.pid, so a restart right after a kill must wait for the reap too.
    """
    deadline = time.monotonic() + timeout_s
    while alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    reap_deadline = min(deadline, time.monotonic() + 2.0)
    while Path(f"/proc/{pid}").exists() and time.monotonic() < reap_deadline:
        time.sleep(0.05)
    return True


def descendants(pid: int) -> list[int]:
    children = _children_map()
    found, todo = [], list(children.get(pid, []))
    while todo:
        child = todo.pop()
        found.append(child)
        todo.extend(children.get(child, []))
    return found


def tail(path: Path, lines: int = 40) -> str:
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            handle.seek(max(0, handle.tell() - 64 * 1024))
            text = handle.read().decode(errors="replace")
    except FileNotFoundError:
        return f"(no log file {path})"
    return "\n".join(text.splitlines()[-lines:])


def tree_rss_bytes(pid: int) -> int | None:
    """Resident memory of `pid` and its descendants (PostgreSQL runs one process per task).

    Shared pages count once per process, so for PostgreSQL this overstates real use.
    """
    sizes = [size for member in (pid, *descendants(pid)) if (size := _rss(member)) is not None]
    return sum(sizes) if sizes else None


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            ppid = _ppid(int(entry.name))
            if ppid is not None:
                children.setdefault(ppid, []).append(int(entry.name))
    return children


def _ppid(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return int(stat.rpartition(")")[2].split()[1])


def _rss(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def wait_for_file(path: Path, *, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while not path.exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True
