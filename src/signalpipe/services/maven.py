"""Fetch a server's runtime classpath from Maven Central into `<root>/lib/<name>`, once."""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import threading
import time
from pathlib import Path

from . import system
from .base import ServiceError

logger = logging.getLogger(__name__)

# Pinned so every machine resolves the same way; Maven 3.8 would otherwise bind 2.8.
_COPY_GOAL = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies"
_MARKER = ".complete"
# Maven 3.8 does not lock ~/.m2 against itself; two fetches at once could corrupt it.
_MVN_LOCK = threading.Lock()
_FETCH_TIMEOUT_S = 900


def is_fetched(lib: Path, pom_resource: str) -> bool:
    """True when `lib` holds the jars of exactly this pom (the marker records its digest)."""
    marker = lib / _MARKER
    return marker.is_file() and marker.read_text().strip() == _digest(pom_resource)


def ensure_classpath(lib: Path, pom_resource: str) -> Path:
    """Copy the pom's runtime dependencies into `lib` unless already there; return `lib`.

    Jars are copied into a staging folder and moved into place only after Maven succeeds, so
    an interrupted fetch never leaves a half-filled classpath behind a marker.
    """
    if is_fetched(lib, pom_resource):
        return lib
    with _MVN_LOCK:
        if is_fetched(lib, pom_resource):
            return lib
        stage = lib.with_name(f".{lib.name}.build")
        shutil.rmtree(stage, ignore_errors=True)
        stage.mkdir(parents=True)
        # Maven runs on a copy of the pom so nothing is written next to the installed package.
        (stage / "pom.xml").write_text(system.resource_text(pom_resource))
        started = time.monotonic()
        logger.info("fetching %s jars from Maven Central into %s", lib.name, lib)
        _run_maven(stage)
        shutil.rmtree(lib, ignore_errors=True)
        (stage / "jars").replace(lib)
        (lib / _MARKER).write_text(_digest(pom_resource) + "\n")
        shutil.rmtree(stage, ignore_errors=True)
        jars = sum(1 for _ in lib.glob("*.jar"))
        logger.info("fetched %d %s jars in %.1fs", jars, lib.name, time.monotonic() - started)
    return lib


def jar_version(lib: Path, artifact: str) -> str:
    """The version in `<artifact>-<version>.jar` inside `lib`, or "unknown"."""
    for jar in sorted(lib.glob(f"{artifact}-*.jar")):
        rest = jar.name[len(artifact) + 1 : -len(".jar")]
        if rest[:1].isdigit():
            return rest
    return "unknown"


def _run_maven(stage: Path) -> None:
    cmd = [
        system.mvn(),
        "-q",
        "-B",
        "-f",
        str(stage / "pom.xml"),
        _COPY_GOAL,
        "-DincludeScope=runtime",
        f"-DoutputDirectory={stage / 'jars'}",
    ]
    try:
        done = subprocess.run(
            cmd, cwd=stage, capture_output=True, text=True, timeout=_FETCH_TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise ServiceError(f"mvn did not finish in {_FETCH_TIMEOUT_S}s: {' '.join(cmd)}") from exc
    if done.returncode != 0:
        output = (done.stdout + done.stderr)[-4000:]
        raise ServiceError(f"mvn failed ({done.returncode}): {' '.join(cmd)}\n{output}")


def _digest(pom_resource: str) -> str:
    return hashlib.sha256(system.resource_text(pom_resource).encode()).hexdigest()[:16]
