"""Prompt text helpers every LLM caller shares."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any


def json_lines(records: Sequence[dict[str, Any]], *, tag: str = "messages") -> str:
    """One JSON object per line, for a ``<tag>`` data block; the tag inside text is escaped.

    JSON quoting already keeps text from breaking out of its string, and escaping the tag keeps a
    record from closing the data block early to pose as instructions after it.
    """
    pattern = re.compile(rf"<(/?\s*{re.escape(tag)})", re.IGNORECASE)
    lines = (json.dumps(r, ensure_ascii=False) for r in records)
    return "\n".join(pattern.sub(r"\\u003c\1", line) for line in lines)
