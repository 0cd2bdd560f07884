"""Command line for the local servers; `signalpipe services ...` can delegate to `main`."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import cluster, manager
from .base import SERVICE_NAMES, Endpoint, ServiceError, ServicesConfig, default_root

logger = logging.getLogger(__name__)

_ACTIONS = ("up", "down", "status", "start", "stop", "kill", "restart")
_PAST = {"stop": "stopped", "kill": "killed"}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one action; returns the process exit code (0 ok, 1 failure or not answering)."""
    args = _parser().parse_intermixed_args(argv)
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    names = args.names or list(SERVICE_NAMES)
    try:
        config = _config(args.set)
        if args.nodes > 1:
            return _run_cluster(args.action, names, nodes=args.nodes, root=args.root,
                                timeout_s=args.timeout)
        return _run(args.action, names, root=args.root, config=config, timeout_s=args.timeout)
    except ServiceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _run(
    action: str, names: list[str], *, root: Path, config: ServicesConfig, timeout_s: float | None
) -> int:
    if action == "up":
        t0 = time.monotonic()
        results = manager.ensure_up(names, root=root, config=config, timeout_s=timeout_s)
        for name, result in results.items():
            how = "started" if result.launched else "already running"
            print(f"{name:<10} {_where(result.endpoint)}  {how}, ready after {result.seconds:.1f}s")
        print(f"up in {time.monotonic() - t0:.1f}s")
        return 0
    if action == "status":
        statuses = manager.status(names, root=root, config=config)
        for name, st in statuses.items():
            state = "answering" if st.answering else "NOT ANSWERING" if st.running else "stopped"
            rss = f"  rss {st.rss_bytes / 2**20:.0f} MiB" if st.rss_bytes else ""
            print(f"{name:<10} {state:<13} {_where(st.endpoint)}{rss}")
        return 0 if all(st.answering for st in statuses.values()) else 1
    if action == "down":
        t0 = time.monotonic()
        for name, was_running in manager.down(names, root=root, config=config).items():
            print(f"{name:<10} {'stopped' if was_running else 'was not running'}")
        print(f"down in {time.monotonic() - t0:.1f}s")
        return 0
    for name in names:
        t0 = time.monotonic()
        if action == "start":
            endpoint = manager.start(name, root=root, config=config, timeout_s=timeout_s)
            print(f"{name:<10} {_where(endpoint)}  ready after {time.monotonic() - t0:.1f}s")
        elif action == "restart":
            endpoint = manager.restart(name, root=root, config=config, timeout_s=timeout_s)
            print(f"{name:<10} {_where(endpoint)}  restarted in {time.monotonic() - t0:.1f}s")
        else:
            done = (manager.stop if action == "stop" else manager.kill)(
                name, root=root, config=config
            )
            print(f"{name:<10} {_PAST[action] if done else 'was not running'}")
    return 0


def _run_cluster(
    action: str, names: list[str], *, nodes: int, root: Path, timeout_s: float | None
) -> int:
    """Kafka and Cassandra as `nodes`-node clusters under `<root>/cluster`.

    PostgreSQL and Redis have no cluster here (see the README for their production shape), so
    naming them with --nodes is refused rather than silently run single.
    """
    if action not in ("up", "down", "status"):
        raise ServiceError(f"--nodes works with up, down and status, not {action!r}; "
                           "cluster nodes are started and killed one by one from Python "
                           "(signalpipe.services.cluster.nodes)")
    single = [n for n in names if n not in cluster.CLUSTER_KINDS]
    if single and names != list(SERVICE_NAMES):
        raise ServiceError(f"--nodes runs kafka and cassandra only, not {', '.join(single)}")
    kinds = tuple(n for n in dict.fromkeys(names) if n in cluster.CLUSTER_KINDS)
    config = cluster.ClusterConfig(nodes=nodes)
    t0 = time.monotonic()
    if action == "up":
        for key, result in cluster.up(kinds, root=root, config=config, timeout_s=timeout_s).items():
            how = "started" if result.launched else "already running"
            print(f"{key:<12} {_where(result.endpoint)}  {how}, ready after {result.seconds:.1f}s")
        print(f"up in {time.monotonic() - t0:.1f}s")
        return 0
    if action == "down":
        for key, was_running in cluster.down(kinds, root=root, config=config).items():
            print(f"{key:<12} {'stopped' if was_running else 'was not running'}")
        print(f"down in {time.monotonic() - t0:.1f}s")
        return 0
    statuses = cluster.status(kinds, root=root, config=config)
    for key, st in statuses.items():
        state = "answering" if st.answering else "NOT ANSWERING" if st.running else "stopped"
        rss = f"  rss {st.rss_bytes / 2**20:.0f} MiB" if st.rss_bytes else ""
        print(f"{key:<12} {state:<13} {_where(st.endpoint)}{rss}")
    total = sum(st.rss_bytes or 0 for st in statuses.values())
    print(f"cluster rss {total / 2**20:.0f} MiB")
    return 0 if all(st.answering for st in statuses.values()) else 1


def _where(endpoint: Endpoint) -> str:
    url = endpoint.url
    if endpoint.name == "postgres" and "@" in url:
        # The password is a local development default, but logs and CI output are shared.
        scheme, _, rest = url.partition("://")
        user = rest.split(":", 1)[0]
        url = f"{scheme}://{user}:***@{rest.split('@', 1)[1]}"
    pid = f"pid {endpoint.pid}" if endpoint.pid else "no pid"
    return f"{endpoint.host}:{endpoint.port:<5}  {endpoint.version:<8}  {pid:<10} {url}"


def _config(pairs: list[str]) -> ServicesConfig:
    fields = {f.name: f for f in dataclasses.fields(ServicesConfig)}
    values: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or key not in fields:
            raise ServiceError(f"--set expects FIELD=VALUE with FIELD one of {', '.join(fields)}")
        default = getattr(ServicesConfig(), key)
        try:
            values[key] = int(value) if isinstance(default, int) else value
        except ValueError as exc:
            raise ServiceError(f"--set {key}: {value!r} is not a number") from exc
    return ServicesConfig(**values)  # type: ignore[arg-type]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="signalpipe services",
        description="Run local Kafka, Cassandra, PostgreSQL and Redis for signalpipe.",
    )
    parser.add_argument("action", choices=_ACTIONS)
    parser.add_argument("names", nargs="*", metavar="name",
                        help=f"any of {', '.join(SERVICE_NAMES)} (default: all)")  # fmt: skip
    parser.add_argument("--root", type=Path, default=default_root(),
                        help="folder for jars, data, logs, pids (default: %(default)s; "
                        "env SIGNALPIPE_SERVICES_DIR)")  # fmt: skip
    parser.add_argument("--timeout", type=float, default=None, metavar="S",
                        help="seconds each server may take to answer")  # fmt: skip
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                        help="override a ServicesConfig field: postgres_port=5433")  # fmt: skip
    parser.add_argument("--nodes", type=int, default=1, metavar="N",
                        help="run Kafka and Cassandra as N-node clusters on 127.0.0.2.. "
                        "(up/down/status; data under ROOT/cluster)")  # fmt: skip
    parser.add_argument("-q", "--quiet", action="store_true", help="only warnings on stderr")
    return parser
