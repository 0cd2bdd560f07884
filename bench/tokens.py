"""LLM tokens per 1,000 messages with and without triage, and triage recall.

The extractor runs unpatched through the openai SDK against the local fake server
(tests/fakes/llm_server.py), which bills four characters per token. The fake plays a perfect model:
it reports every planted event that one of the sent messages mentions, so output tokens are
realistic too. Recall compares what triage sent with the generator's truth file.

    python bench/tokens.py                          # generate 1,000 rows (seed 11) and measure
    python bench/tokens.py --rows 5000 --batch 200
    python bench/tokens.py --csv data/full_data.csv --truth data/full_data.truth.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]  # run from a checkout without installing

from signalpipe.extract.llm import OpenAIExtractor  # noqa: E402
from signalpipe.llm.retry import RetryPolicy  # noqa: E402
from signalpipe.models import Batch, Message  # noqa: E402
from signalpipe.sample.generate import generate  # noqa: E402
from signalpipe.settings import Settings  # noqa: E402
from signalpipe.sources.csv import CSVSource  # noqa: E402
from tests.fakes.llm_server import FakeLLMServer, Reply, Request, answer  # noqa: E402


def read_messages(csv_path: Path, company_id: str) -> list[Message]:
    return [m for m in CSVSource(csv_path, company_id=company_id).read()
            if isinstance(m, Message)]


def read_truth(path: Path | None) -> list[dict[str, Any]]:
    if path is None or not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def batches(messages: list[Message], size: int) -> Iterator[Batch]:
    """Per source, in arrival order, `size` at a time: what the count-based batcher hands out."""
    by_source: dict[str, list[Message]] = {}
    for message in messages:
        by_source.setdefault(message.source.value, []).append(message)
    for group in by_source.values():
        for start in range(0, len(group), size):
            chunk = tuple(group[start:start + size])
            yield Batch(id=f"{chunk[0].source.value}-{start}", company_id=chunk[0].company_id,
                        source=chunk[0].source, messages=chunk)


def oracle(truth: list[dict[str, Any]], texts: dict[str, str]) -> Any:
    """A fake model that reports each planted event that a sent message mentions."""
    def respond(request: Request) -> Reply:
        sent = {m["id"] for m in request.messages()}
        events = []
        for planted in truth:
            ids = [i for i in planted["message_ids"] if i in sent]
            if ids:
                events.append({
                    "event_type": planted["event_type"], "severity": "medium",
                    "title": planted["title"], "source_message_ids": ids,
                    "evidence": texts[ids[0]][:120], "confidence": 0.9,
                    "metrics": [{"name": k, "value": v} for k, v in planted["metrics"].items()]})
        return answer({"events": events})
    return respond


def measure(messages: list[Message], truth: list[dict[str, Any]], *, triage: bool,
            batch_size: int) -> dict[str, Any]:
    texts = {m.id: m.text for m in messages}
    with FakeLLMServer() as server:
        server.responder = oracle(truth, texts)
        settings = Settings(llm={"provider": "openai", "api_key": "bench",
                                 "base_url": server.openai_url, "triage": triage})
        extractor = OpenAIExtractor.from_settings(settings, retry=RetryPolicy(max_retries=0))
        try:
            results = [extractor.extract(b) for b in batches(messages, batch_size)]
        finally:
            extractor.close()
        sent_ids = {m["id"] for r in server.requests for m in r.messages()}
    tokens_in = sum(r.usage.input_tokens for r in results)
    tokens_out = sum(r.usage.output_tokens for r in results)
    per_1k = 1000 / len(messages)
    out: dict[str, Any] = {
        "triage": triage, "messages": len(messages), "batches": len(results),
        "llm_calls": len(server.requests),
        "sent_share": round(sum(r.usage.sent_messages for r in results) / len(messages), 3),
        "input_tokens_per_1k": round(tokens_in * per_1k),
        "output_tokens_per_1k": round(tokens_out * per_1k),
        "cost_usd_per_1k": round(sum(r.usage.cost_usd for r in results) * per_1k, 4),
        "events_accepted": sum(len(r.events) for r in results),
    }
    if truth:
        mentions = [i for t in truth for i in t["message_ids"] if i in texts]
        seen = [t for t in truth if any(i in sent_ids for i in t["message_ids"])]
        out["mention_recall"] = round(sum(i in sent_ids for i in mentions) / len(mentions), 3)
        out["event_recall"] = round(len(seen) / len(truth), 3)
        out["truth_events"] = len(truth)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--csv", type=Path, help="seed-format CSV (default: generate one)")
    parser.add_argument("--truth", type=Path, help="truth JSONL for recall")
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--batch", type=int, default=Settings().batching.batch_size,
                        help="messages per batch (default: batching.batch_size)")
    parser.add_argument("--company", default="scaleflow")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        csv_path, truth_path = args.csv, args.truth
        if csv_path is None:
            csv_path = Path(tmp) / "bench.csv"
            truth_path = Path(tmp) / "bench.truth.jsonl"
            generate(args.rows, args.seed, csv_path, truth_path, company=args.company)
        messages = read_messages(csv_path, args.company)
        truth = read_truth(truth_path)
    for triage in (False, True):
        print(json.dumps(measure(messages, truth, triage=triage, batch_size=args.batch)),
              flush=True)


if __name__ == "__main__":
    main()
