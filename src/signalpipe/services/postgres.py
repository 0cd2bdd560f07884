"""PostgreSQL from the Debian packages, as a private cluster with its own data folder and port."""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import shutil
import subprocess
from pathlib import Path

from . import process, system
from .base import Service, ServiceError

logger = logging.getLogger(__name__)

_SHARED_HOME = Path("/var/lib/signalpipe")


@functools.cache
def _bindir() -> Path | None:
    """The newest Debian `/usr/lib/postgresql/<major>/bin`, else wherever `pg_ctl` is on PATH."""
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if debian:
        return debian[-1].parent
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


@functools.cache
def _server_version(bindir: Path) -> str:
    out = subprocess.run(
        [str(bindir / "postgres"), "--version"], capture_output=True, text=True, check=False
    ).stdout
    return out.split()[2] if len(out.split()) > 2 else "unknown"


class PostgresService(Service):
    """A PostgreSQL cluster run by the `postgres` OS user when we are root (it refuses root)."""

    name = "postgres"
    start_timeout_s = 60.0
    stop_timeout_s = 60.0
    port_conflict_hint = (
        "the Debian cluster may be running (see `pg_lsclusters`; stop it with "
        "`pg_ctlcluster <version> main stop`), or pass another postgres_port"
    )

    @property
    def port(self) -> int:
        return self.config.postgres_port

    @functools.cached_property
    def home(self) -> Path:
        """Where the cluster lives: pgdata/, socket/ and log/.

        The server runs as `postgres`, which cannot enter root's home (mode 700), so as root the
        cluster lives under /var/lib/signalpipe/<hash of root folder>, linked from
        `<root>/data/postgres` and `<root>/logs/postgres` so everything still shows up there.
        """
        if os.geteuid() != 0:
            return self.layout.data(self.name)
        digest = hashlib.sha256(str(self.layout.root.resolve()).encode()).hexdigest()[:12]
        return _SHARED_HOME / digest / self.name

    @property
    def log_file(self) -> Path:
        return self.home / "log" / "postgres.log"

    @property
    def _pgdata(self) -> Path:
        return self.home / "pgdata"

    @property
    def _socket_dir(self) -> Path:
        return self.home / "socket"

    def url(self) -> str:
        c = self.config
        return (
            f"postgresql://{c.postgres_user}:{c.postgres_password}@{c.host}:{c.postgres_port}"
            f"/{c.postgres_database}"
        )

    def version(self) -> str:
        bindir = _bindir()
        return _server_version(bindir) if bindir else "not installed"

    def pid(self) -> int | None:
        pid = process.read_pid(self._pgdata / "postmaster.pid")
        if pid is None or not process.alive(pid):
            return None
        return pid if process.comm(pid) in ("postgres", "postmaster") else None

    def answers(self) -> bool:
        bindir = _bindir()
        if bindir is None:
            return False
        cmd = [str(bindir / "pg_isready"), "-q", "-h", self.config.host, "-p", str(self.port)]
        return subprocess.run([*cmd, "-t", "2"], check=False).returncode == 0

    def prepare(self) -> None:
        system.apt_install("postgresql", present=lambda: _bindir() is not None)
        _bindir.cache_clear()
        for folder in (self.home, self._socket_dir, self.home / "log"):
            folder.mkdir(parents=True, exist_ok=True)
        if self.home != self.layout.data(self.name):
            self._link(self.layout.data(self.name), self.home)
        self._link(self.layout.logs(self.name), self.home / "log")
        if os.geteuid() == 0:
            shutil.chown(self.home, "postgres", "postgres")
            for path in self.home.rglob("*"):
                shutil.chown(path, "postgres", "postgres")
        if not (self._pgdata / "PG_VERSION").exists():
            self._initdb()
        # Rewritten on each launch so host and port follow the arguments.
        settings = self._pgdata / "signalpipe.conf"
        settings.write_text(
            f"listen_addresses = '{self.config.host}'\n"
            f"port = {self.port}\n"
            f"unix_socket_directories = '{self._socket_dir}'\n"
        )

    def launch(self) -> None:
        process.rotate(self.log_file)
        # -w waits until the postmaster accepts connections; its own pid file tracks it.
        self._run(
            "pg_ctl", "-D", str(self._pgdata), "-l", str(self.log_file),
            "-w", "-t", str(int(self.start_timeout_s)), "start",
        )  # fmt: skip

    def after_ready(self) -> None:
        self._ensure_role_and_database()

    def stop(self) -> bool:
        """`pg_ctl stop -m fast`: roll back open transactions, checkpoint, exit."""
        with self._locked():
            if self.pid() is None:
                return False
            logger.info("stopping postgres")
            self._run(
                "pg_ctl", "-D", str(self._pgdata), "-m", "fast",
                "-w", "-t", str(int(self.stop_timeout_s)), "stop",
            )  # fmt: skip
            return True

    # -- helpers --------------------------------------------------------------------------------
    def _initdb(self) -> None:
        logger.info("initialising a PostgreSQL cluster in %s", self._pgdata)
        self._run(
            "initdb", "-D", str(self._pgdata), "-U", "postgres", "-E", "UTF8",
            "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256",
        )  # fmt: skip
        with (self._pgdata / "postgresql.conf").open("a") as conf:
            conf.write("\ninclude_if_exists = 'signalpipe.conf'\n")

    def _ensure_role_and_database(self) -> None:
        c = self.config
        role, database = _ident(c.postgres_user), _ident(c.postgres_database)
        password = c.postgres_password.replace("'", "''")
        self._psql(
            "DO $$ BEGIN "
            f"IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {_literal(c.postgres_user)}) "
            f"THEN CREATE ROLE {role} LOGIN CREATEDB PASSWORD '{password}'; END IF; END $$;"
        )
        exists = self._psql(
            f"SELECT 1 FROM pg_database WHERE datname = {_literal(c.postgres_database)}"
        )
        if not exists.strip():
            self._psql(f"CREATE DATABASE {database} OWNER {role}")
            logger.info("created postgres role and database %s", c.postgres_database)

    def _psql(self, sql: str) -> str:
        return self._run(
            "psql", "-h", str(self._socket_dir), "-p", str(self.port), "-U", "postgres",
            "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql,
        )  # fmt: skip

    def _run(self, tool: str, *args: str) -> str:
        bindir = _bindir()
        if bindir is None:
            raise ServiceError("postgres: PostgreSQL binaries not found")
        cmd = [str(bindir / tool), *args]
        if os.geteuid() == 0:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        done = subprocess.run(
            cmd,
            cwd=self.home,  # postgres cannot stat root's cwd; pg_ctl warns otherwise
            capture_output=True,
            text=True,
            check=False,
            start_new_session=True,  # the postmaster pg_ctl forks must not get our Ctrl-C
        )
        if done.returncode != 0:
            raise self._failure(f"{tool} failed ({done.returncode}): {done.stderr.strip()}")
        return done.stdout

    @staticmethod
    def _link(link: Path, target: Path) -> None:
        if link.is_symlink() and link.resolve() == target.resolve():
            return
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.is_symlink() or (link.is_dir() and not any(link.iterdir())):
            link.unlink() if link.is_symlink() else link.rmdir()
        elif link.exists():
            logger.warning("not linking %s -> %s: %s already exists", link, target, link)
            return
        link.symlink_to(target)


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
