"""`signalpipe review` on the embedded stack, and the replay guarantee: a rejection and an edit
survive a replay of the same input and a full re-extraction, in every output."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from signalpipe.cli import app

runner = CliRunner()
FORECAST = "ARR reached $2.7M"  # seed 1 plants it beside "ARR reached $1.5M", same day
USERS = "12,000 users"


@pytest.fixture(autouse=True, scope="module")
def _registered() -> None:
    from signalpipe import cli

    cli._register()


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("data") / "data.csv"
    result = runner.invoke(app, ["generate", "--rows", "1000", "--seed", "1", "--out",
                                 str(path)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def out(tmp_path: Path, data: Path) -> Path:
    out = tmp_path / "out"
    run(data, out)
    return out


def run(data: Path, out: Path) -> None:
    result = runner.invoke(app, ["run", "--input", str(data), "--output-dir", str(out)])
    assert result.exit_code == 0, result.output


def cli(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def listed(out: Path, command: str = "review") -> list[dict[str, Any]]:
    args = [command, "list"] if command == "review" else [command]
    code, stdout, _ = cli(*args, "-o", str(out), "--format", "json")
    assert code == 0, stdout
    return [json.loads(line) for line in stdout.splitlines()]


def fingerprint(out: Path, title: str) -> str:
    (fp,) = [str(e["fingerprint"]) for e in listed(out) if e["title"] == title]
    return fp


def kpis(out: Path) -> dict[str, dict[str, Any]]:
    code, stdout, _ = cli("kpis", "-o", str(out), "--format", "json")
    assert code == 0, stdout
    return {r["metric"]: r for r in map(json.loads, stdout.splitlines())}


def update(out: Path) -> str:
    code, stdout, stderr = cli("email", "-o", str(out), "--preview")
    assert code == 0, stdout + stderr
    return stdout


def test_unknown_and_ambiguous_prefixes_are_one_line_errors(out: Path) -> None:
    code, _, err = cli("review", "approve", "zzzz", "-o", str(out))
    assert code == 1 and err.startswith("error: no event's fingerprint starts with 'zzzz'")
    first = [str(e["fingerprint"]) for e in listed(out)]
    shared = next(p for p in "0123456789abcdef" if sum(f.startswith(p) for f in first) > 1)
    code, _, err = cli("review", "approve", shared, "-o", str(out))
    assert code == 1 and "give more characters" in err and "Traceback" not in err
    assert all(e["review"]["status"] == "pending" for e in listed(out))


def test_reject_needs_a_reason(out: Path) -> None:
    fp = fingerprint(out, FORECAST)
    code, _, err = cli("review", "reject", fp[:8], "-o", str(out))
    assert code == 2 and "--reason" in err
    code, _, err = cli("review", "reject", fp[:8], "-o", str(out), "--reason", "  ")
    assert code == 1 and "must say why" in err


def test_edit_merge_confidential_reopen(out: Path) -> None:
    users = fingerprint(out, USERS)
    code, stdout, _ = cli("review", "edit", users[:10], "-o", str(out), "--metric",
                          "users=12,500", "--title", "12,500 users")
    assert code == 0 and "Edited" in stdout and "12,500" in stdout
    code, _, err = cli("review", "edit", users[:10], "-o", str(out), "--metric", "users")
    assert code == 1 and "key=value" in err
    code, _, err = cli("review", "edit", users[:10], "-o", str(out))
    assert code == 1 and "nothing to edit" in err
    shown = {e["fingerprint"]: e for e in listed(out, "events")}
    assert shown[users]["title"] == "12,500 users" and shown[users]["metrics"] == {
        "users": 12500}
    assert shown[users]["review"] == {"status": "pending", "confidential": False,
                                      "edited": True, "reason": "", "merged_into": None,
                                      "decided_at": None}
    forecast, real = fingerprint(out, FORECAST), fingerprint(out, "ARR reached $1.5M")
    code, _, err = cli("review", "merge", forecast[:10], "--into", forecast[:10], "-o",
                       str(out))
    assert code == 1 and "into itself" in err
    assert cli("review", "merge", forecast[:10], "--into", real[:10], "-o", str(out))[0] == 0
    shown = {e["fingerprint"]: e for e in listed(out, "events")}
    assert forecast not in shown and "msg-0000945" in shown[real]["source_message_ids"]
    assert cli("review", "reopen", forecast[:10], "-o", str(out))[0] == 0
    assert forecast in {e["fingerprint"] for e in listed(out, "events")}
    assert cli("review", "confidential", users[:10], "-o", str(out))[0] == 0
    assert cli("review", "list", "-o", str(out), "--status", "pending")[0] == 0
    assert "CONFIDEN" in cli("events", "-o", str(out))[1]  # the table cuts it to its width
    assert {e["fingerprint"]: e for e in listed(out, "events")}[users]["review"][
        "confidential"] is True
    assert "12,500 users" not in update(out)
    for name in ("investor_update.html", "investor_update.eml"):
        assert "12,500" not in (out / name).read_text(encoding="utf-8"), name
    report = (out / "pipeline_results.md").read_text(encoding="utf-8")
    assert "\\[confidential\\]" in report and "12,500" not in report
    code, stdout, stderr = cli("email", "-o", str(out), "--preview", "--kind", "outreach")
    assert code == 0 and "12,500" not in stdout and "1 confidential event left out" in stderr


def test_a_kpi_conflict_is_picked_from_the_command_line(out: Path) -> None:
    code, stdout, _ = cli("review", "conflicts", "-o", str(out))
    assert code == 0 and "ARR on 2025-01-07" in stdout and "msg-0000945" in stdout
    assert kpis(out)["arr"]["conflicts"]
    code, _, err = cli("review", "pick", "arr", "2025-01-07", "999", "-o", str(out))
    assert code == 1 and "not one of the figures" in err
    code, stdout, _ = cli("review", "pick", "arr", "2025-01-07", "2700000", "-o", str(out))
    assert code == 0 and "Picked $2.7M for ARR" in stdout
    arr = kpis(out)["arr"]
    assert arr["now"] == 2_700_000 and arr["conflicts"] == []


def test_update_require_review_writes_approved_events_only(
        out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "signalpipe.yaml"
    config.write_text("update:\n  require_review: true\n", encoding="utf-8")
    # --config sets SIGNALPIPE_CONFIG for the process: undone after this test.
    monkeypatch.setenv("SIGNALPIPE_CONFIG", str(config))
    code, stdout, stderr = cli("email", "-o", str(out), "--preview", "--config", str(config))
    assert code == 0 and "from the 0 approved events only" in stderr
    assert "ARR" not in stdout
    real = fingerprint(out, "ARR reached $1.5M")
    assert cli("review", "approve", real[:10], "-o", str(out))[0] == 0
    code, stdout, stderr = cli("email", "-o", str(out), "--preview", "--config", str(config))
    assert "from the 1 approved event only" in stderr
    assert "$1.5M" in stdout and "2.7" not in stdout and USERS not in stdout


def _re_extract(out: Path) -> None:
    """What a new extractor or a lost event table leads to: every event row and KPI row gone,
    every message pending again, so the next run extracts all of them anew."""
    db = sqlite3.connect(out / "signalpipe.sqlite3")
    with db:
        db.execute("DELETE FROM significant_events")
        db.execute("DELETE FROM kpi_observations")
        db.execute("INSERT OR IGNORE INTO pending (id, company_id) "
                   "SELECT id, 'scaleflow' FROM messages")
    db.close()


def test_replay_and_re_extraction_never_undo_a_decision(out: Path, data: Path) -> None:
    before = {e["title"] for e in listed(out, "events")}
    assert {FORECAST, USERS} <= before
    forecast, users = fingerprint(out, FORECAST), fingerprint(out, USERS)
    assert cli("review", "reject", forecast[:10], "-o", str(out), "--reason",
               "a forecast, not a fact")[0] == 0
    assert cli("review", "edit", users[:10], "-o", str(out), "--metric", "users=12500")[0] == 0

    def check(stage: str, pages: tuple[str, ...]) -> None:
        events = {e["fingerprint"]: e for e in listed(out, "events")}
        assert forecast not in events, stage
        assert events[users]["metrics"] == {"users": 12500}, stage
        figures = kpis(out)
        assert figures["arr"]["now"] == 1_500_000 and figures["arr"]["conflicts"] == [], stage
        assert figures["users"]["now"] == 12_500, stage
        text = update(out)
        assert "$2.7M" not in text and "12,500" in text, stage
        for name in pages:
            page = (out / name).read_text(encoding="utf-8")
            assert "2.7M" not in page and "12,500" in page, (stage, name)

    # report.html is the run's page (its funnel): the next run rewrites it, `email` does not.
    check("after the decisions", ("pipeline_results.md", "investor_update.html"))
    every = ("pipeline_results.md", "report.html", "investor_update.html")
    run(data, out)
    check("after a replay of the same input", every)
    _re_extract(out)
    run(data, out)
    assert {e["title"] for e in listed(out)} >= {FORECAST, USERS}  # the rows are back
    check("after a full re-extraction", every)
