"""Exit codes tell the truth (issue 12): interrupted, all dead-lettered, extraction unavailable,
and read-only commands never create an empty store for a mistyped --output-dir."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from signalpipe.cli import ExitCode
from signalpipe.commands.pipeline_cmds import exit_code
from signalpipe.stats import RunStats

HEADER = "id,is_chat,chat_sender,email_sender,timestamp,content\n"
GENUINE = "m1,true,alice,,2025-03-01T10:00:00Z,We closed our $12M Series A led by Northwind.\n"


def cli(args: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    from signalpipe.cli import _register, app

    _register()
    result = CliRunner().invoke(app, args, env=env)
    return result.exit_code, result.output


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_exit_code_table() -> None:
    assert {c.name: int(c) for c in ExitCode} == {
        "OK": 0, "ERROR": 1, "USAGE": 2, "ALL_DEAD_LETTERED": 3, "EXTRACTION_UNAVAILABLE": 4,
        "CONFLICTING_IDS": 5, "INTERRUPTED_SIGINT": 130, "INTERRUPTED_SIGTERM": 143}


@pytest.mark.parametrize(("fields", "dead", "code"), [
    ({"produced": 5}, 0, ExitCode.OK),
    ({"produced": 0}, 0, ExitCode.OK),  # an empty input is not a failure
    ({"produced": 0}, 3, ExitCode.ALL_DEAD_LETTERED),
    ({"produced": 5, "batches_parked": 1}, 1, ExitCode.EXTRACTION_UNAVAILABLE),
    ({"produced": 5, "interrupted_by": signal.SIGINT}, 0, ExitCode.INTERRUPTED_SIGINT),
    ({"produced": 0, "interrupted_by": signal.SIGTERM}, 2, ExitCode.INTERRUPTED_SIGTERM),
])
def test_exit_code_from_stats(fields: dict[str, int], dead: int, code: ExitCode) -> None:
    stats = RunStats(**fields)  # type: ignore[arg-type]
    if dead:
        stats.dead("bad row", dead)
    assert exit_code(stats) is code


def test_a_run_where_every_row_is_dead_lettered_exits_3(workdir: Path) -> None:
    (workdir / "in.csv").write_text(HEADER + "a,maybe,x,,2025-03-01T10:00:00Z,hi\n"
                                    "b,true,x,,never,hi\n")
    code, output = cli(["run", "--input", "in.csv", "--output-dir", "out"])
    assert code == 3, output
    assert "every row read was dead-lettered; nothing was stored" in output
    assert (workdir / "out" / "pipeline_results.md").is_file()


def test_an_unreachable_llm_exits_4_not_0(workdir: Path) -> None:
    pytest.importorskip("openai")
    (workdir / "in.csv").write_text(HEADER + GENUINE)
    env = {"SIGNALPIPE_LLM__BASE_URL": "http://127.0.0.1:9/v1", "SIGNALPIPE_LLM__MAX_RETRIES": "0",
           "SIGNALPIPE_LLM__TIMEOUT_S": "2", "SIGNALPIPE_LLM__TRIAGE": "false"}
    code, output = cli(["run", "--input", "in.csv", "--output-dir", "out", "--llm", "openai"],
                       env)
    assert code == 4, output
    assert "extraction unavailable: batches were parked" in output
    code, output = cli(["email", "--output-dir", "out"], env)
    assert code == 4, output
    assert "extraction unavailable: 1 batch(es) parked" in output


def test_a_clean_run_exits_0(workdir: Path) -> None:
    (workdir / "in.csv").write_text(HEADER + GENUINE)
    code, output = cli(["run", "--input", "in.csv", "--output-dir", "out"])
    assert code == 0, output


@pytest.mark.parametrize("command", [["events"], ["email"], ["flush", "--yes"]])
def test_read_only_commands_refuse_a_missing_output_dir(workdir: Path,
                                                        command: list[str]) -> None:
    code, output = cli([*command, "--output-dir", "no-such-dir"])
    assert code == 1
    assert output.strip() == ("error: output folder no-such-dir does not exist; pass the "
                              "--output-dir a run wrote to")
    assert not (workdir / "no-such-dir").exists()


@pytest.mark.parametrize("command", [["events"], ["email"], ["flush", "--yes"]])
def test_read_only_commands_refuse_a_folder_without_a_store(workdir: Path,
                                                            command: list[str]) -> None:
    (workdir / "empty").mkdir()
    code, output = cli([*command, "--output-dir", "empty"])
    assert code == 1
    assert output.strip() == ("error: no signalpipe store in empty (signalpipe.sqlite3 is "
                              "missing); pass the --output-dir a run wrote to, or run "
                              "`signalpipe run` first")
    assert list((workdir / "empty").iterdir()) == []


@pytest.mark.slow
@pytest.mark.timeout(120)
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_run_stopped_part_way_by_a_signal_exits_non_zero(workdir: Path, signum: int,
                                                           code: int) -> None:
    rows = "".join(f"r{i},true,alice,,2025-03-01T10:{i % 60:02d}:00Z,note number {i} about "
                   f"the roadmap and hiring\n" for i in range(300_000))
    (workdir / "in.csv").write_text(HEADER + rows)
    exe = Path(sys.executable).with_name("signalpipe")
    proc = subprocess.Popen([str(exe), "run", "--input", "in.csv", "--output-dir", "out"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "SIGNALPIPE_CONFIG": "none.yaml"})
    deadline = time.monotonic() + 60
    while not (workdir / "out" / "signalpipe.sqlite3").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    proc.send_signal(signum)
    _out, err = proc.communicate(timeout=90)
    assert proc.returncode == code, err
    assert "stopped part-way, the report is partial" in err
    assert (workdir / "out" / "pipeline_results.md").is_file()
