"""CLI fixes: conflicting ids, --type checked, eval finds the last run's truth, --json summaries,
deadletters, rounded durations, dates in the events table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

HEAD = "id,is_chat,chat_sender,email_sender,timestamp,content\n"
ROW = "m1,true,alice,,2025-03-01T10:00:00Z,We closed our $12M Series A led by Northwind.\n"


def cli(args: list[str]) -> tuple[int, str, str]:
    from signalpipe.cli import _register, app

    _register()
    result = CliRunner().invoke(app, args)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in.csv").write_text(HEAD + ROW + "bad,row\n")
    return tmp_path


def test_run_json_summary_and_the_events_table_shows_dates(here: Path) -> None:
    code, out, err = cli(["run", "--input", "in.csv", "-o", "out", "--json"])
    assert code == 0, err
    summary = json.loads(out)
    assert summary["events_stored"] == 1 and summary["exit_code"] == 0
    code, out, _ = cli(["events", "-o", "out"])
    assert code == 0 and "2025-03-01" in out


def test_an_input_reusing_stored_ids_with_other_content_exits_5_and_says_what_to_do(
        here: Path) -> None:
    assert cli(["run", "--input", "in.csv", "-o", "out"])[0] == 0
    (here / "other.csv").write_text(HEAD + ROW.replace("Series A", "Series B"))
    code, _, err = cli(["run", "--input", "other.csv", "-o", "out"])
    assert code == 5
    assert "signalpipe flush --yes" in err and "--output-dir" in err


def test_events_type_rejects_unknown_types(here: Path) -> None:
    assert cli(["run", "--input", "in.csv", "-o", "out"])[0] == 0
    code, _, err = cli(["events", "-o", "out", "--type", "fundin"])
    assert code == 2 and "unknown event type 'fundin'" in err


def test_deadletters_lists_reason_and_origin(here: Path) -> None:
    assert cli(["run", "--input", "in.csv", "-o", "out"])[0] == 0
    _, out, _ = cli(["deadletters", "-o", "out", "--format", "json"])
    (letter,) = [json.loads(line) for line in out.splitlines()]
    assert letter["origin"] == f"{here / 'in.csv'}:3" and letter["reason"]


def test_eval_finds_the_truth_of_the_last_run_and_generate_rounds_its_time(
        here: Path) -> None:
    code, out, _ = cli(["generate", "--rows", "60", "--out", "d/x.csv", "--json"])
    assert code == 0
    summary = json.loads(out)
    assert summary["elapsed_s"] == round(summary["elapsed_s"], 2)
    assert cli(["run", "--input", "d/x.csv", "-o", "out"])[0] == 0
    code, out, err = cli(["eval", "-o", "out"])
    assert code == 0, err
    assert "overall" in out
    written = (here / "out" / "eval.md").read_text()
    assert written.startswith("Scored against `x.truth.jsonl`.")
    assert "not extraction quality" in written


def test_run_takes_its_input_as_an_argument_too(here: Path) -> None:
    code, out, err = cli(["run", "in.csv", "-o", "out", "--json"])
    assert code == 0, err
    assert json.loads(out)["events_stored"] == 1


def test_run_refuses_two_different_inputs(here: Path) -> None:
    (here / "other.csv").write_text(HEAD + ROW)
    code, _, err = cli(["run", "in.csv", "--input", "other.csv", "-o", "out"])
    assert code == 2 and "two inputs given" in err
    assert not (here / "out").exists() or not any((here / "out").iterdir())


def test_own_messages_read_as_the_sample_company_get_a_note(here: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    monkeypatch.delenv("SIGNALPIPE_COMPANY_ID", raising=False)
    code, _, err = cli(["run", "--input", "in.csv", "-o", "out"])
    assert code == 0, err
    assert "company_id is not set" in err and "sample company (scaleflow)" in err
    (here / "signalpipe.yaml").write_text("company_id: northwind\n")
    code, _, err = cli(["run", "--input", "in.csv", "-o", "out2"])
    assert code == 0, err
    assert "company_id is not set" not in err
