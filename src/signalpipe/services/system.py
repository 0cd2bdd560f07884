"""Host tools: find Java, Maven and Debian packages, installing packages with apt-get if needed."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import threading
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from .base import ServiceError

logger = logging.getLogger(__name__)

# apt/dpkg hold one global lock; installs from parallel `up` threads must take turns.
_APT_LOCK = threading.Lock()


def resource_text(name: str) -> str:
    """A file shipped in `signalpipe/services/resources/` (pom files, config templates)."""
    return (resources.files("signalpipe.services") / "resources" / name).read_text()


def java() -> str:
    home = os.environ.get("JAVA_HOME")
    found = str(Path(home) / "bin" / "java") if home else shutil.which("java")
    if not found or not Path(found).exists():
        raise ServiceError(
            "java not found: install a JDK 17 (apt-get install openjdk-17-jdk-headless)"
        )
    return found


def mvn() -> str:
    found = shutil.which("mvn")
    if not found:
        raise ServiceError("mvn not found: install Maven 3 (apt-get install maven)")
    return found


def apt_install(package: str, *, present: Callable[[], bool]) -> None:
    """Install a Debian package unless `present()` already finds what it provides."""
    with _APT_LOCK:
        if present():
            return
        if os.geteuid() != 0:
            raise ServiceError(f"{package} is not installed and installing it needs root")
        logger.info("installing %s with apt-get", package)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for cmd in (
            ["apt-get", "update", "-q"],
            ["apt-get", "install", "-y", "-q", "--no-install-recommends", package],
        ):
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                output = done.stdout[-2000:] + done.stderr
                raise ServiceError(f"{' '.join(cmd)} failed:\n{output}")
