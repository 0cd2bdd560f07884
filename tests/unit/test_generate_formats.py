"""Generated Slack exports and mboxes carry truth only for the mentions they contain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from signalpipe.backends import open_source
from signalpipe.models import Message
from signalpipe.sample.generate import generate


@pytest.mark.parametrize(("fmt", "name", "source"), [("slack-export", "s.zip", "slack"),
                                                      ("mbox", "m.mbox", "gmail")])
def test_truth_ids_are_all_in_the_written_file(tmp_path: Path, fmt: str, name: str,
                                               source: str) -> None:
    out = tmp_path / name
    truth = tmp_path / "t.jsonl"
    stats = generate(3000, 5, out, truth, fmt=fmt)
    items = list(open_source(out, fmt=None, company_id="scaleflow",
                             max_cell_bytes=1_000_000).read())
    messages = [i for i in items if isinstance(i, Message)]
    ids = {m.source_id for m in messages}
    assert len(messages) == stats.rows > 0
    assert {m.source.value for m in messages} == {source}
    lines = [json.loads(line) for line in truth.read_text().splitlines()]
    assert len(lines) == stats.events > 0
    for line in lines:
        assert line["message_ids"], line
        assert set(line["message_ids"]) <= ids, line
