"""Security properties: secrets stay secret, message text cannot reshape the report, and the
local servers listen on loopback only.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from typer.testing import CliRunner

from signalpipe import pipeline
from signalpipe.backends import make_extractor, open_backends
from signalpipe.commands.reporting import write_report
from signalpipe.models import (
    DeadLetter,
    EventType,
    InvestorEmail,
    Severity,
    SignificantEvent,
)
from signalpipe.report.markdown import render
from signalpipe.settings import Settings, load_settings
from signalpipe.sources.csv import CSVSource
from tests.fakes.llm_server import FakeLLMServer, answer, error

SENTINEL = "s3ntinel-Z9q7"
HEADER = "id,is_chat,chat_sender,email_sender,timestamp,content\n"
ROWS = [
    "m1,true,alice,,2025-03-01T10:00:00Z,We closed our $12M Series A led by Northwind.\n",
    "m2,true,bob,,not-a-time,hello\n",
    "m3,false,,carol@example.com,2025-03-01T10:02:00Z,\"Subject: numbers\n\nARR crossed $2M\"\n",
]


# -- secrets --------------------------------------------------------------------------------------
@pytest.fixture
def secret_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, str]:
    """Every secret signalpipe reads, set to a value that contains `SENTINEL`."""
    monkeypatch.chdir(tmp_path)  # no stray signalpipe.yaml or .env from the checkout
    values = {
        "SIGNALPIPE_LLM__API_KEY": f"llm-{SENTINEL}",
        "GEMINI_API_KEY": f"gemini-{SENTINEL}",
        "GOOGLE_API_KEY": f"google-{SENTINEL}",
        "OPENAI_API_KEY": f"openai-{SENTINEL}",
        "SIGNALPIPE_POSTGRES__DSN": f"postgresql://signalpipe:pw-{SENTINEL}@127.0.0.1:5432/sp",
        "SIGNALPIPE_REDIS__URL": f"redis://:redis-{SENTINEL}@127.0.0.1:6379/0",
        "SIGNALPIPE_CASSANDRA__PASSWORD": f"cassandra-{SENTINEL}",
    }
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    return values


def write_input(folder: Path) -> Path:
    path = folder / "in.csv"
    path.write_text(HEADER + "".join(ROWS), encoding="utf-8")
    return path


def leaks(records: list[logging.LogRecord]) -> list[str]:
    """Log records (message, arguments, traceback or any extra field) holding the sentinel."""
    found = []
    for record in records:
        text = " ".join([record.getMessage(), repr(record.args), record.exc_text or "",
                         repr(vars(record))])
        if SENTINEL in text:
            found.append(f"{record.name}: {record.getMessage()[:200]}")
    return found


def test_settings_never_show_a_secret(secret_env: dict[str, str]) -> None:
    settings = load_settings()
    assert settings.postgres.dsn.get_secret_value() == secret_env["SIGNALPIPE_POSTGRES__DSN"]
    key = settings.api_key()
    assert key is not None and key.get_secret_value() == secret_env["SIGNALPIPE_LLM__API_KEY"]
    shown = [repr(settings), str(settings), settings.model_dump_json(),
             repr(settings.model_dump()), repr(settings.llm), repr(settings.postgres),
             repr(settings.redis), repr(settings.cassandra), repr(key)]
    assert not [s for s in shown if SENTINEL in s]


def test_secrets_never_reach_logs_or_the_report(secret_env: dict[str, str], tmp_path: Path,
                                                caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    settings = load_settings(output_dir=tmp_path / "out")
    backends = open_backends(settings)
    try:
        stats = pipeline.run(settings, backends, CSVSource(write_input(tmp_path),
                                                           company_id=settings.company_id))
        report = write_report(settings, backends, stats).read_text("utf-8")
    finally:
        backends.close()
    assert stats.stored_new == 2 and stats.events_inserted >= 1  # the run did real work
    assert "## Investor email" in report and "Dead-lettered | 1" in report
    assert SENTINEL not in report
    assert leaks(caplog.records) == []


def test_the_cli_run_prints_no_secret(secret_env: dict[str, str], tmp_path: Path,
                                      caplog: pytest.LogCaptureFixture) -> None:
    from signalpipe.cli import _register, app

    _register()
    caplog.set_level(logging.DEBUG)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", "--input", str(write_input(tmp_path)),
                                      "--output-dir", str(out), "--verbose"])
    assert result.exit_code == 0, result.output
    assert SENTINEL not in result.output
    assert SENTINEL not in (out / "pipeline_results.md").read_text("utf-8")
    assert leaks(caplog.records) == []


@pytest.fixture
def llm_server() -> Iterator[FakeLLMServer]:
    with FakeLLMServer() as server:
        yield server


@pytest.mark.parametrize("provider", ["gemini", "openai"])
def test_an_llm_provider_at_debug_level_logs_no_key(
        provider: str, secret_env: dict[str, str], tmp_path: Path,
        llm_server: FakeLLMServer, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The real SDKs, talking to a local fake server, with their own DEBUG logs captured."""
    url = llm_server.gemini_url if provider == "gemini" else llm_server.openai_url
    monkeypatch.setenv("SIGNALPIPE_LLM__PROVIDER", provider)
    monkeypatch.setenv("SIGNALPIPE_LLM__BASE_URL", url)
    monkeypatch.setenv("SIGNALPIPE_LLM__TRIAGE", "false")
    llm_server.script(error(429, retry_after_s=0), answer({"events": []}), error(401))
    caplog.set_level(logging.DEBUG)
    settings = load_settings(output_dir=tmp_path / "out")
    extractor = make_extractor(settings)
    backends = open_backends(settings)
    try:
        pipeline.run(settings, backends, CSVSource(write_input(tmp_path),
                                                   company_id=settings.company_id),
                     extractor=extractor)
        report = write_report(settings, backends, None).read_text("utf-8")
        parked = backends.events.parked()
    finally:
        backends.close()
        close: Any = getattr(extractor, "close", None)
        if close is not None:
            close()
    assert llm_server.requests, "the provider was called"
    assert any(r.levelno == logging.DEBUG for r in caplog.records), "DEBUG logs were captured"
    assert SENTINEL not in report
    assert not [reason for _, _, reason in parked if SENTINEL in reason]
    assert leaks(caplog.records) == []


# -- the report ----------------------------------------------------------------------------------
def event(title: str, **fields: Any) -> SignificantEvent:
    base: dict[str, Any] = {"company_id": "scaleflow", "event_type": EventType.PARTNERSHIP,
                            "severity": Severity.MEDIUM, "title": title,
                            "source_message_ids": ["m1"]}
    base.update(fields)
    return SignificantEvent.model_validate(base)


def cells(line: str) -> int:
    """Cells in a GFM table row: every pipe not escaped by a backslash separates two cells."""
    return len(re.findall(r"(?<!\\)\|", line)) - 1


def tables(markdown: str) -> list[list[str]]:
    out: list[list[str]] = []
    current: list[str] = []
    for line in markdown.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def rendered(events: list[SignificantEvent], letters: list[DeadLetter],
             email: InvestorEmail | None = None) -> str:
    return render(stats=None, events=events, dead_letters=letters, usage=[],
                  email=email or InvestorEmail(subject="s", body="b"), company_id="scaleflow",
                  stack="embedded")


def test_pipes_and_newlines_in_message_text_add_no_columns() -> None:
    events = [event("Partnership with A | B | C"),
              event("Partner\nwith | newline", metrics={"partner": "x|y", "note": "a\\|b"}),
              event("Backslash then pipe \\| here")]
    letters = [DeadLetter(origin="we|ird.csv:3", stage="source",
                          reason="is_chat must be true or false, got '|x|y|'", raw="|x|y|"),
               DeadLetter(origin="b.csv:9", stage="source", reason="multi\nline | reason",
                          raw="")]
    report = rendered(events, letters)
    found = tables(report)
    assert len(found) == 4  # dead-letter kinds, dead letters, event types, events
    for table in found:
        width = cells(table[0])
        assert [cells(row) for row in table] == [width] * len(table), table
    assert "Partnership with A \\| B \\| C" in report


def code_block(section: str) -> tuple[list[str], list[str]]:
    """Lines inside the first fenced code block of `section` (CommonMark: it closes at a line of
    at least as many backticks as opened it), and the lines after it."""
    lines = section.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("```"))
    width = len(lines[start]) - len(lines[start].lstrip("`"))
    for end in range(start + 1, len(lines)):
        if re.fullmatch(rf"`{{{width},}}\s*", lines[end]):
            return lines[start + 1:end], lines[end + 1:]
    return lines[start + 1:], []


def test_backticks_in_an_event_cannot_break_out_of_the_email_block() -> None:
    from signalpipe.compose.template import TemplateComposer
    from signalpipe.report.markdown import as_read

    events = [event("Launch ```\n## Wire $1B to account 123\n```", event_type=EventType.FUNDING)]
    email = TemplateComposer().compose(events, company_id="scaleflow")
    section = rendered(events, [], email).split("## Investor email", 1)[1]
    before = section.split("```", 1)[0]
    assert "\n## Wire" not in before, "the subject made a heading"
    inside, after = code_block(section)
    # the body as its reader sees it (unescaped: a fence shows it literally), its backticks too
    assert "\n".join(inside) == as_read(email.body).rstrip(), "the email body left its block"
    assert "```" in "\n".join(inside)
    assert not any(line.strip() for line in after)


# -- the local servers ---------------------------------------------------------------------------
def loopback(host: str) -> bool:
    if host == "localhost":
        return True
    return ipaddress.ip_address(host.strip("[]")).is_loopback


def test_settings_point_at_loopback_by_default(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("SIGNALPIPE_KAFKA__BOOTSTRAP_SERVERS", "SIGNALPIPE_REDIS__URL",
                 "SIGNALPIPE_POSTGRES__DSN", "SIGNALPIPE_CASSANDRA__HOSTS"):
        monkeypatch.delenv(name, raising=False)
    s: Settings = load_settings()
    hosts = [server.rsplit(":", 1)[0] for server in s.kafka.bootstrap_servers.split(",")]
    hosts += [urlsplit(s.redis.url.get_secret_value()).hostname or "",
              urlsplit(s.postgres.dsn.get_secret_value()).hostname or "", *s.cassandra.hosts]
    assert hosts and all(loopback(h) for h in hosts), hosts


def test_the_services_listen_on_loopback_by_default(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from signalpipe import services
    from signalpipe.services import cassandra, kafka, system

    assert loopback(services.ServicesConfig().host)
    for name in services.SERVICE_NAMES:
        endpoint = services.service(name, root=tmp_path).endpoint()
        assert loopback(endpoint.host), (name, endpoint)
        assert f"{endpoint.host}:{endpoint.port}" in endpoint.url, (name, endpoint.url)

    # Render each server's own configuration, as `up` would, without downloading or launching.
    monkeypatch.setattr(kafka.KafkaService, "fetch", lambda self: None)
    monkeypatch.setattr(kafka.KafkaService, "_format_storage", lambda self: None)
    monkeypatch.setattr(cassandra.CassandraService, "fetch", lambda self: None)
    monkeypatch.setattr(system, "apt_install", lambda *a, **k: None)
    conf = tmp_path / "conf"
    services.service("kafka", root=tmp_path).prepare()
    properties = (conf / "kafka" / "server.properties").read_text()
    listeners = re.findall(r"^(?:listeners|advertised\.listeners|controller\.quorum\.voters)="
                           r"(.*)$", properties, re.MULTILINE)
    assert len(listeners) == 3
    bound = re.findall(r"(?://|@)([^:,/]+):\d+", ",".join(listeners))
    assert bound and all(loopback(h) for h in bound), bound

    services.service("cassandra", root=tmp_path).prepare()
    yaml = (conf / "cassandra" / "cassandra.yaml").read_text()
    for key in ("listen_address", "rpc_address"):
        value = re.search(rf"^{key}:\s*(\S+)", yaml, re.MULTILINE)
        assert value is not None and loopback(value.group(1)), key
    assert "0.0.0.0" not in yaml
    command = services.service("cassandra", root=tmp_path)._command()  # type: ignore[attr-defined]
    assert not [flag for flag in command
                if flag.startswith(("-Dcassandra.jmx.remote", "-Dcom.sun.management.jmxremote"))]
    assert any(flag.startswith("-Dcassandra.jmx.local.port=") for flag in command)

    calls: list[list[str]] = []

    def fake_run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        calls.append(cmd)
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(shutil, "which", lambda _name: "/usr/bin/redis-server")
    monkeypatch.setattr(subprocess, "run", fake_run)
    services.service("redis", root=tmp_path).launch()
    argv = calls[0]
    assert loopback(argv[argv.index("--bind") + 1])
    assert argv[argv.index("--protected-mode") + 1] == "yes"

    pg = services.service("postgres", root=tmp_path)
    home = tmp_path / "pg-home"
    pg.__dict__["home"] = home  # the cached property; as root it would point outside tmp_path
    (home / "pgdata").mkdir(parents=True)
    (home / "pgdata" / "PG_VERSION").write_text("15\n")
    monkeypatch.setattr(os, "geteuid", lambda: 1000)  # no chown to the postgres user
    pg.prepare()
    pg_conf = (home / "pgdata" / "signalpipe.conf").read_text()
    listen = re.search(r"listen_addresses\s*=\s*'([^']*)'", pg_conf)
    assert listen is not None
    assert all(loopback(h.strip()) for h in listen.group(1).split(",")), listen.group(1)
