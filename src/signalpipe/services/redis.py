"""Redis from the Debian package, as our own instance (not the system service)."""

from __future__ import annotations

import functools
import logging
import shutil
import subprocess
from pathlib import Path

from . import probes, process, system
from .base import Service, ServiceError

logger = logging.getLogger(__name__)


@functools.cache
def _redis_version(binary: str) -> str:
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, check=False).stdout
    # "Redis server v=7.0.15 sha=... malloc=jemalloc-5.3.0 bits=64 build=..."
    for part in out.split():
        if part.startswith("v="):
            return part[2:]
    return "unknown"


class RedisService(Service):
    """`redis-server --daemonize yes` with its dir, pid file and log under the root folder."""

    name = "redis"
    start_timeout_s = 20.0
    # SIGTERM makes Redis write its RDB snapshot before it exits.
    stop_timeout_s = 30.0
    port_conflict_hint = (
        "the Debian redis-server service may be running (`service redis-server stop`), "
        "or pass another redis_port"
    )

    @property
    def port(self) -> int:
        return self.config.redis_port

    @property
    def log_file(self) -> Path:
        return self.layout.logs(self.name) / "redis.log"

    def url(self) -> str:
        return f"redis://{self.config.host}:{self.port}/0"

    def version(self) -> str:
        binary = shutil.which("redis-server")
        return _redis_version(binary) if binary else "not installed"

    def pid(self) -> int | None:
        pid = process.read_pid(self.layout.pidfile(self.name))
        if pid is None or not process.alive(pid):
            return None
        # Redis rewrites its command line to "redis-server host:port", so match the name.
        return pid if process.comm(pid).startswith("redis-server") else None

    def answers(self) -> bool:
        return probes.redis_ping(self.config.host, self.port)

    def prepare(self) -> None:
        system.apt_install("redis-server", present=lambda: shutil.which("redis-server") is not None)
        self.layout.data(self.name).mkdir(parents=True, exist_ok=True)
        self.layout.logs(self.name).mkdir(parents=True, exist_ok=True)

    def launch(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise ServiceError("redis: redis-server not found after installing redis-server")
        process.rotate(self.log_file)
        # Redis forks and detaches itself (--daemonize) and writes the pid file.
        cmd = [
            binary,
            "--bind", self.config.host,
            "--port", str(self.port),
            "--dir", str(self.layout.data(self.name)),
            "--daemonize", "yes",
            "--pidfile", str(self.layout.pidfile(self.name)),
            "--logfile", str(self.log_file),
            "--appendonly", "no",
            "--protected-mode", "yes",
        ]  # fmt: skip
        pidfile = self.layout.pidfile(self.name)
        pidfile.parent.mkdir(parents=True, exist_ok=True)
        # A pid file left by a killed Redis would pass for the new one until Redis rewrites it.
        pidfile.unlink(missing_ok=True)
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise self._failure(f"failed to start ({done.returncode}): {done.stderr.strip()}")
        logger.info("redis launched, log %s", self.log_file)

    def _wait_ready(self, timeout_s: float) -> None:
        # The daemonised child writes its pid file a moment after the parent returns.
        process.wait_for_file(self.layout.pidfile(self.name), timeout_s=5.0)
        super()._wait_ready(timeout_s)
