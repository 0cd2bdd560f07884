"""The rules extractor on odd input: CPU milliseconds per KB and events found (none expected).

    python bench/odd_input.py

Cases: 1 MB of cue words with no punctuation, 1 MB of cue-word sentences, plain filler text, a
table of numbers, Chinese and Arabic text, emoji only, a code block, HTML, control characters, one
sentence pasted 40,000 times. Target: under 1 ms per KB, no events.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from signalpipe.extract.rules import RulesExtractor
from signalpipe.models import Batch, Message, Source

WORDS = ("we", "closed", "signed", "the", "deal", "with", "acme", "for", "$20k", "users",
         "crossed", "10k", "latency", "down", "to", "40ms", "from", "90ms", "partnership",
         "launched", "today", "hired", "vp", "of", "sales")
SIZE = 1_000_000


def cases() -> dict[str, str]:
    rnd = random.Random(1)
    return {
        "cue words, no punctuation": " ".join(rnd.choice(WORDS) for _ in range(170_000))[:SIZE],
        "cue-word sentences": ". ".join(" ".join(rnd.choice(WORDS) for _ in range(12))
                                        for _ in range(14_000))[:SIZE],
        "plain filler": ("lorem ipsum dolor sit amet " * 40_000)[:SIZE],
        "table of numbers": ("| 12 | 34.5 | $67 | 89% |\n" * 40_000)[:SIZE],
        "chinese": ("我们完成了A轮融资\uff0c用户突破一万。" * 60_000)[:SIZE],
        "emoji only": ("\U0001f389\U0001f680\U0001f4c8 " * 80_000)[:SIZE],
        "code block": ("```\nfor i in range(10): closed = signed + 1\n```\n" * 20_000)[:SIZE],
        "arabic": ("\u0623\u063a\u0644\u0642\u0646\u0627 \u062c\u0648\u0644\u0629 5 $. "
                   * 80_000)[:SIZE],
        "html": ("<div class='x'><span>We raised $5M</span></div>" * 25_000)[:SIZE],
        "control characters": ("\x00\x01 we signed \x1b[31m\u200b" * 50_000)[:SIZE],
        "one sentence repeated": ("We closed our $5M seed round. " * 40_000)[:SIZE],
    }


def main() -> None:
    extractor = RulesExtractor()
    print("| case | KB | CPU ms | ms per KB | events |\n|---|---:|---:|---:|---:|")
    for name, text in cases().items():
        message = Message(id="odd", company_id="acme", source=Source.SLACK, sender="a",
                          timestamp=datetime(2025, 1, 1, tzinfo=UTC), text=text)
        batch = Batch(id="b", company_id="acme", source=Source.SLACK, messages=(message,))
        started = time.process_time()
        events = extractor.extract(batch).events
        ms = (time.process_time() - started) * 1000
        kb = len(text.encode()) / 1024
        print(f"| {name} | {kb:,.0f} | {ms:,.0f} | {ms / kb:.3f} | {len(events)} |")


if __name__ == "__main__":
    main()
