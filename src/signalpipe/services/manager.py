"""Start, stop and inspect several local servers at once."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .base import (
    SERVICE_NAMES,
    Endpoint,
    Layout,
    Service,
    ServiceError,
    ServicesConfig,
    ServiceStatus,
    default_root,
)
from .cassandra import CassandraService
from .kafka import KafkaService
from .postgres import PostgresService
from .redis import RedisService

logger = logging.getLogger(__name__)

_KINDS: dict[str, type[Service]] = {
    "kafka": KafkaService,
    "cassandra": CassandraService,
    "postgres": PostgresService,
    "redis": RedisService,
}
# Maven downloads take turns (one ~/.m2); Cassandra boots slowest, so its jars come first and
# Kafka's download overlaps Cassandra's start-up.
_FETCH_ORDER = ("cassandra", "kafka")


@dataclass(frozen=True, kw_only=True)
class UpResult:
    """One server after `up`: where it answers, whether `up` launched it, and how long it took."""

    endpoint: Endpoint
    launched: bool
    seconds: float


def service(
    name: str, *, root: Path | None = None, config: ServicesConfig | None = None
) -> Service:
    """The `Service` object for one server, for finer control than the functions below."""
    if name not in _KINDS:
        raise ServiceError(f"unknown service {name!r}; choose from {', '.join(SERVICE_NAMES)}")
    return _KINDS[name](Layout(root or default_root()), config or ServicesConfig())


def ensure_up(
    names: Iterable[str] = SERVICE_NAMES,
    *,
    root: Path | None = None,
    config: ServicesConfig | None = None,
    timeout_s: float | None = None,
) -> dict[str, UpResult]:
    """Like `up`, also saying which servers were launched and how long each took."""
    services = [service(name, root=root, config=config) for name in dict.fromkeys(names)]
    started = time.monotonic()
    with (
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="mvn") as fetcher,
        ThreadPoolExecutor(max_workers=max(1, len(services)), thread_name_prefix="up") as pool,
    ):
        by_name = {s.name: s for s in services}
        fetches = {n: fetcher.submit(by_name[n].fetch) for n in _FETCH_ORDER if n in by_name}
        futures = {
            s.name: pool.submit(_bring_up, s, fetches.get(s.name), timeout_s, started)
            for s in services
        }
    failures = [f.exception() for f in futures.values() if f.exception() is not None]
    if failures:
        raise ServiceError("\n\n".join(str(exc) for exc in failures)) from failures[0]
    return {name: future.result() for name, future in futures.items()}


def up(
    names: Iterable[str] = SERVICE_NAMES,
    *,
    root: Path | None = None,
    config: ServicesConfig | None = None,
    timeout_s: float | None = None,
) -> dict[str, Endpoint]:
    """Start the named servers in parallel unless they already answer; wait until all answer.

    Args:
        names: any of "kafka", "cassandra", "postgres", "redis".
        root: folder for jars, data, logs and pid files (default `default_root()`).
        config: hosts, ports and heap sizes (default: loopback, standard ports).
        timeout_s: how long each server may take to answer (default: per server, up to 180 s).

    Returns:
        The endpoint of each server, keyed by name.

    Raises:
        ServiceError: a server failed to install or answer; the message has its log's tail.
    """
    results = ensure_up(names, root=root, config=config, timeout_s=timeout_s)
    return {name: result.endpoint for name, result in results.items()}


def down(
    names: Iterable[str] = SERVICE_NAMES,
    *,
    root: Path | None = None,
    config: ServicesConfig | None = None,
) -> dict[str, bool]:
    """Stop the named servers gracefully, in parallel; True for each one that was running."""
    services = [service(name, root=root, config=config) for name in dict.fromkeys(names)]
    with ThreadPoolExecutor(max_workers=max(1, len(services))) as pool:
        futures = {s.name: pool.submit(s.stop) for s in services}
    return {name: future.result() for name, future in futures.items()}


def status(
    names: Iterable[str] = SERVICE_NAMES,
    *,
    root: Path | None = None,
    config: ServicesConfig | None = None,
) -> dict[str, ServiceStatus]:
    """Whether each server runs and answers, where, and its resident memory."""
    return {name: service(name, root=root, config=config).status() for name in dict.fromkeys(names)}


def start(
    name: str,
    *,
    root: Path | None = None,
    config: ServicesConfig | None = None,
    timeout_s: float | None = None,
) -> Endpoint:
    """Start one server unless it already answers; wait until it does."""
    endpoint, _launched = service(name, root=root, config=config).start(timeout_s=timeout_s)
    return endpoint


def stop(name: str, *, root: Path | None = None, config: ServicesConfig | None = None) -> bool:
    """Stop one server gracefully; False if it was not running."""
    return service(name, root=root, config=config).stop()


def kill(name: str, *, root: Path | None = None, config: ServicesConfig | None = None) -> bool:
    """SIGKILL one server, as a crash would; False if it was not running."""
    return service(name, root=root, config=config).kill()


def restart(
    name: str,
    *,
    root: Path | None = None,
    config: ServicesConfig | None = None,
    down_s: float = 0.0,
    timeout_s: float | None = None,
) -> Endpoint:
    """Stop one server, stay down for `down_s` seconds, start it again and wait for it."""
    svc = service(name, root=root, config=config)
    svc.stop()
    time.sleep(down_s)
    endpoint, _launched = svc.start(timeout_s=timeout_s)
    return endpoint


def _bring_up(
    svc: Service, fetched: Future[None] | None, timeout_s: float | None, since: float
) -> UpResult:
    pid = svc.pid()
    if pid is not None and svc.answers():
        return UpResult(
            endpoint=svc.endpoint(pid), launched=False, seconds=time.monotonic() - since
        )
    if fetched is not None:
        fetched.result()
    endpoint, launched = svc.start(timeout_s=timeout_s)
    seconds = time.monotonic() - since
    logger.info("%s answers at %s after %.1fs", svc.name, endpoint, seconds)
    return UpResult(endpoint=endpoint, launched=launched, seconds=seconds)
