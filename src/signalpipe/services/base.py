"""Shared shapes for the local servers: settings, folder layout, endpoints and the Service base."""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import time
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from signalpipe.errors import SignalpipeError

from . import probes, process

logger = logging.getLogger(__name__)

SERVICE_NAMES: tuple[str, ...] = ("kafka", "cassandra", "postgres", "redis")
ROOT_ENV = "SIGNALPIPE_SERVICES_DIR"


class ServiceError(SignalpipeError):
    """A local server could not be installed, started, checked or stopped."""


def default_root() -> Path:
    """The folder that holds jars, data, logs and pid files of every local server.

    `SIGNALPIPE_SERVICES_DIR` wins; otherwise `~/.cache/signalpipe/services`, which outlives a
    checkout so a fresh clone on the same machine starts warm.
    """
    env = os.environ.get(ROOT_ENV)
    return Path(env).expanduser() if env else Path.home() / ".cache" / "signalpipe" / "services"


@dataclass(frozen=True, kw_only=True)
class ServicesConfig:
    """Where each server listens and how big it may grow; loopback by default."""

    host: str = "127.0.0.1"
    kafka_port: int = 9092
    kafka_controller_port: int = 9093
    kafka_heap_mb: int = 512
    cassandra_port: int = 9042
    cassandra_storage_port: int = 7000
    cassandra_jmx_port: int = 7199
    cassandra_heap_mb: int = 1024
    postgres_port: int = 5432
    postgres_user: str = "signalpipe"
    postgres_password: str = "signalpipe"
    postgres_database: str = "signalpipe"
    redis_port: int = 6379


@dataclass(frozen=True)
class Layout:
    """The one folder everything lives under: lib/, conf/, data/, logs/ and run/ per server."""

    root: Path

    def lib(self, name: str) -> Path:
        return self.root / "lib" / name

    def conf(self, name: str) -> Path:
        return self.root / "conf" / name

    def data(self, name: str) -> Path:
        return self.root / "data" / name

    def logs(self, name: str) -> Path:
        return self.root / "logs" / name

    def pidfile(self, name: str) -> Path:
        return self.root / "run" / f"{name}.pid"

    def lockfile(self, name: str) -> Path:
        return self.root / "run" / f"{name}.lock"

    def binding(self, name: str) -> Path:
        """Host and ports the running server was launched with."""
        return self.root / "run" / f"{name}.binding"


@dataclass(frozen=True, kw_only=True)
class Endpoint:
    """Where a running server answers."""

    name: str
    host: str
    port: int
    url: str
    version: str
    pid: int | None = None

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass(frozen=True, kw_only=True)
class ServiceStatus:
    """What `status` found for one server."""

    endpoint: Endpoint
    running: bool
    answering: bool
    rss_bytes: int | None = None


class Service(ABC):
    """One local server. Subclasses say how to install, launch, find and probe it."""

    name: ClassVar[str]
    start_timeout_s: ClassVar[float] = 60.0
    stop_timeout_s: ClassVar[float] = 30.0
    port_conflict_hint: ClassVar[str] = "stop it or choose other ports"

    def __init__(self, layout: Layout, config: ServicesConfig) -> None:
        self.layout = layout
        self.config = config

    # -- what each server defines ------------------------------------------------------------
    @property
    @abstractmethod
    def port(self) -> int:
        """The client port."""

    @property
    def ports(self) -> tuple[int, ...]:
        """Every port the server binds; all must be free before a launch."""
        return (self.port,)

    @property
    @abstractmethod
    def log_file(self) -> Path:
        """The file whose tail explains a failed start."""

    @abstractmethod
    def url(self) -> str:
        """How a client names the server (bootstrap string, DSN...)."""

    @abstractmethod
    def version(self) -> str:
        """The server version, from files on disk (cheap, no connection)."""

    @abstractmethod
    def pid(self) -> int | None:
        """The pid of our running server, or None; a reused pid of another program is None."""

    @abstractmethod
    def answers(self) -> bool:
        """True when the server answers its own protocol (not just an open port)."""

    def fetch(self) -> None:
        """Download what `prepare` needs (jars); a no-op once done. Default: nothing."""
        return None

    @abstractmethod
    def prepare(self) -> None:
        """Install binaries or fetch jars; may use the network the first time."""

    @abstractmethod
    def launch(self) -> None:
        """Start the server detached from this process; it may return before the server answers."""

    def after_ready(self) -> None:
        """Runs once the server answers after a start (create roles, databases...)."""
        return None

    # -- shared behaviour ---------------------------------------------------------------------
    def endpoint(self, pid: int | None = None) -> Endpoint:
        return Endpoint(
            name=self.name,
            host=self.config.host,
            port=self.port,
            url=self.url(),
            version=self.version(),
            pid=pid,
        )

    def status(self) -> ServiceStatus:
        pid = self.pid()
        answering = self.answers() if pid else False
        rss = process.tree_rss_bytes(pid) if pid else None
        return ServiceStatus(
            endpoint=self.endpoint(pid), running=pid is not None, answering=answering, rss_bytes=rss
        )

    def start(self, *, timeout_s: float | None = None) -> tuple[Endpoint, bool]:
        """Start the server unless it already answers, then wait until it does.

        Returns the endpoint and whether this call launched a process.
        """
        with self._locked():
            pid = self.pid()
            if pid is not None and self.answers():
                return self.endpoint(pid), False
            launched = pid is None
            if pid is None:
                self._check_ports_free()
                self.prepare()
                self.launch()
                self.layout.binding(self.name).write_text(self._binding() + "\n")
            else:
                # Running but silent: still booting (wait for it), or bound elsewhere (say so).
                self._check_same_binding(pid)
            self._wait_ready(timeout_s or self.start_timeout_s)
            self.after_ready()
            return self.endpoint(self.pid()), launched

    def stop(self) -> bool:
        """Stop gracefully (SIGTERM, then SIGKILL after `stop_timeout_s`); False if not running."""
        with self._locked():
            pid = self.pid()
            if pid is None:
                return False
            logger.info("stopping %s (pid %d)", self.name, pid)
            process.terminate(pid, timeout_s=self.stop_timeout_s)
            self.layout.pidfile(self.name).unlink(missing_ok=True)
            return True

    def kill(self) -> bool:
        """SIGKILL the server, as a crash would; False if not running."""
        pid = self.pid()
        if pid is None:
            return False
        logger.info("killing %s (pid %d)", self.name, pid)
        process.kill_now(pid)
        return True

    def _wait_ready(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.answers():
                return
            if self.pid() is None:
                raise self._failure("exited during start-up")
            time.sleep(0.5)
        raise self._failure(f"did not answer on {self.config.host}:{self.port} in {timeout_s:.0f}s")

    def _failure(self, what: str) -> ServiceError:
        tail = process.tail(self.log_file)
        return ServiceError(f"{self.name} {what}; last lines of {self.log_file}:\n{tail}")

    def _binding(self) -> str:
        return f"{self.config.host} {' '.join(map(str, self.ports))}"

    def _check_same_binding(self, pid: int) -> None:
        recorded = self.layout.binding(self.name)
        was = recorded.read_text().strip() if recorded.exists() else self._binding()
        if was != self._binding():
            raise ServiceError(
                f"{self.name} is already running (pid {pid}) on host/ports {was!r}, not "
                f"{self._binding()!r}; stop it first to change them"
            )

    def _check_ports_free(self) -> None:
        busy = [p for p in self.ports if probes.port_open(self.config.host, p)]
        if busy:
            raise ServiceError(
                f"{self.name}: port(s) {', '.join(map(str, busy))} on {self.config.host} are taken "
                f"by a process that is not the signalpipe {self.name} under {self.layout.root}: "
                f"{self.port_conflict_hint}"
            )

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        # A file lock, not a thread lock: two `up` runs (two terminals, parallel test
        # workers) must not both launch a server on the same data folder.
        lock = self.layout.lockfile(self.name)
        lock.parent.mkdir(parents=True, exist_ok=True)
        with lock.open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
