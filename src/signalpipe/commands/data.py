"""`generate` and `eval`: sample data with ground truth, and scoring stored events against it."""

from __future__ import annotations

import json
from dataclasses import fields
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from signalpipe.cli import ConfigOpt as Config
from signalpipe.cli import OutputDir, StackOpt, app, cli_errors, settings_for
from signalpipe.console import out, summary_table
from signalpipe.errors import SourceError
from signalpipe.settings import Settings


class GenFormat(StrEnum):
    csv = "csv"
    slack_export = "slack-export"
    mbox = "mbox"


def truth_path_for(path: Path) -> Path:
    """data/full_data.csv -> data/full_data.truth.jsonl (the generator writes it there)."""
    return path.with_name(path.name.split(".", 1)[0] + ".truth.jsonl")


@app.command()
@cli_errors
def generate(rows: Annotated[int, typer.Option("--rows", "-n", min=1, help="Messages.")] = 1000,
             seed: Annotated[int, typer.Option("--seed", help="Same seed, same bytes.")] = 7,
             out_path: Annotated[Path | None, typer.Option(
                 "--out", help="Output file [default: data_file_path, or data/full_data.zip / "
                 ".mbox for other formats].")] = None,
             fmt: Annotated[GenFormat, typer.Option("--format", help="csv, slack-export or "
                                                    "mbox.")] = GenFormat.csv,
             config: Config = None,
             as_json: Annotated[bool, typer.Option(
                 "--json", help="Print the summary as one JSON object.")] = False) -> None:
    """Write a startup's sample Slack and email traffic with planted events and ground truth.

    Examples:

        signalpipe generate

        signalpipe generate --rows 1000000 --seed 42 --out data/big.csv

        signalpipe generate --format slack-export --rows 100000 --out data/slack.zip
    """
    from signalpipe.sample import generate as gen

    settings = settings_for(config=config)
    default = {GenFormat.csv: settings.data_file_path,
               GenFormat.slack_export: Path("data/full_data.zip"),
               GenFormat.mbox: Path("data/full_data.mbox")}[fmt]
    target = out_path or default
    truth = truth_path_for(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SourceError(f"cannot create {target.parent}: {exc.strerror}") from None
    stats = gen.generate(rows, seed, target, truth, company=settings.company_id,
                         fmt=fmt.value)
    figures = {f.name: getattr(stats, f.name) for f in fields(stats)
               if f.name not in {"rows", "truth_path", "elapsed_s"}}
    if as_json:
        typer.echo(json.dumps({"rows": stats.rows, "file": str(target), "truth": str(truth),
                               **figures, "elapsed_s": round(stats.elapsed_s, 2)}))
        return
    out.print(summary_table("signalpipe generate", [
        ("rows", stats.rows), ("file", target), ("ground truth", truth),
        *[(k.replace("_", " "), v) for k, v in figures.items()],
        ("time", f"{stats.elapsed_s:.2f} s")]))


@app.command(name="eval")
@cli_errors
def evaluate(truth: Annotated[Path | None, typer.Option(
                 "--truth", help="Ground-truth JSONL [default: beside data_file_path].")] = None,
             output_dir: OutputDir = None, stack: StackOpt = None,
             config: Config = None) -> None:
    """Score stored events against ground truth: precision, recall and F1 per type.

    An event matches a truth event of the same type when their source ids overlap; a second
    event matching the same truth event is a duplicate and counts as a false positive.

    Example: signalpipe eval --truth data/full_data.truth.jsonl
    """
    from signalpipe.backends import open_event_store
    from signalpipe.sample.evaluation import format_table, load_truth, score

    settings = settings_for(output_dir=output_dir, stack=stack, config=config)
    truth = truth or truth_path_for(_last_input(settings) or settings.data_file_path)
    if not truth.is_file():
        raise SourceError(f"ground truth not found: {truth}")
    store = open_event_store(settings)
    try:
        events = store.list_events(settings.company_id)
    finally:
        store.close()
    scores = score(events, load_truth(truth))
    # Generated truth shares its authors with the rules, so a high score here is agreement with
    # the generator; the file says so where someone would quote the figure from.
    table = (f"Scored against `{truth.name}`. When that file came from `signalpipe generate`, "
             "this measures agreement with the generator, not extraction quality on real "
             "text: for that, see `bench/quality.py` (corpus/, dev and test splits).\n\n"
             + format_table(scores))
    (settings.output_dir / "eval.md").write_text(table + "\n", encoding="utf-8")
    out.print(table, markup=False, highlight=False)


def _last_input(settings: Settings) -> Path | None:
    """The input of the last `run` into this output folder (it wrote last_run.json)."""
    try:
        return Path(json.loads((settings.output_dir / "last_run.json").read_text())["input"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
