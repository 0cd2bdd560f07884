"""`signalpipe run --llm openai|gemini` end to end on the embedded stack.

The fake model answers each request by reading the messages it was sent (the rules extractor
stands in for its judgement), so the real SDK path, the worker's extraction pool, grounding,
usage accounting and the report are all exercised.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from signalpipe.batching.keys import make_batch
from signalpipe.extract.rules import RulesExtractor
from signalpipe.models import Message, Source
from signalpipe.sample.generate import generate
from signalpipe.settings import load_settings
from tests.fakes.llm_server import FakeLLMServer, Reply, Request, answer, error

runner = CliRunner()
RULES = RulesExtractor()


def model_reply(request: Request) -> Reply:
    """What a careful model would answer: the events the messages really contain."""
    records = request.messages()
    if not records:
        return answer({"events": []})
    messages = [Message(id=r["id"], company_id="scaleflow", sender=r["sender"],
                        source=Source(r["source"]), timestamp=datetime.fromisoformat(r["time"]),
                        text=r["text"], subject=r.get("subject")) for r in records]
    found = RULES.extract(make_batch(messages)).events
    return answer({"events": [{
        "event_type": e.event_type.value, "severity": e.severity.value, "title": e.title,
        "description": e.description, "metrics": [{"name": k, "value": v}
                                                  for k, v in e.metrics.items()],
        "source_message_ids": e.source_message_ids, "evidence": e.evidence,
        "polarity": e.polarity.value,
        "evidence_spans": [{"message_id": s.message_id, "start": s.start, "end": s.end}
                           for s in e.evidence_spans if s.field == "text"],
        "confidence": e.confidence} for e in found]})


@pytest.fixture
def server() -> Iterator[FakeLLMServer]:
    with FakeLLMServer() as fake:
        fake.responder = model_reply
        yield fake


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "d.csv"
    generate(1500, 21, path, tmp_path / "d.truth.jsonl")
    return path


def _overall_f1(truth: Path, output_dir: Path) -> float:
    from signalpipe import cli

    listed = runner.invoke(cli.app, ["eval", "--truth", str(truth), "--output-dir",
                                     str(output_dir)])
    overall = next(line for line in listed.output.splitlines() if "overall" in line)
    return float(overall.rstrip(" |").split("|")[-1])


@pytest.mark.parametrize("provider", ["openai", "gemini"])
def test_run_with_an_llm_stores_grounded_events_and_reports_tokens(
        provider: str, server: FakeLLMServer, data: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    url = server.openai_url if provider == "openai" else server.gemini_url
    monkeypatch.setenv("SIGNALPIPE_LLM__BASE_URL", url)
    monkeypatch.setenv("SIGNALPIPE_LLM__API_KEY", "test-key-not-real")
    monkeypatch.setenv("SIGNALPIPE_LLM__MODEL", "fake-model")
    server.script(error(500), error(429))  # the first calls fail; our retry policy recovers
    out = tmp_path / "out"
    from signalpipe import cli

    cli._register()
    result = runner.invoke(cli.app, ["run", "--input", str(data), "--output-dir", str(out),
                                     "--llm", provider])
    assert result.exit_code == 0, result.output
    assert len(server.requests) >= 3
    # The model is the rules extractor reading what it is sent: the LLM path (triage, schema,
    # grounding) must keep nearly everything the rules find when they read every message.
    offline = tmp_path / "offline"
    result = runner.invoke(cli.app, ["run", "--input", str(data), "--output-dir", str(offline)])
    assert result.exit_code == 0, result.output
    f1, f1_offline = (_overall_f1(tmp_path / "d.truth.jsonl", o) for o in (out, offline))
    assert f1 >= f1_offline - 0.05, (f1, f1_offline)
    report = (out / "pipeline_results.md").read_text()
    assert "## Extraction cost" in report and f"{provider}/fake-model" in report
    assert "test-key-not-real" not in report
    from signalpipe.backends import open_event_store

    store = open_event_store(load_settings(output_dir=out))
    try:
        usage = store.usage()
        assert sum(u.input_tokens for u in usage) > 0
        assert sum(u.retries for u in usage) >= 2
        # triage: the model saw a fraction of the messages
        assert sum(u.sent_messages for u in usage) < sum(u.messages for u in usage)
    finally:
        store.close()
