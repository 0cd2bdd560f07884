"""Quoted evidence as a reader sees it, not as the message's author typed it.

Founders write updates in Markdown and Slack's mrkdwn: a quote cut from one reads
``[TinyPilot](https://tinypilotkvm.com/) had another record month`` or ``Result**: revenue up``
(the opening ``**`` left outside the span). The stored evidence stays verbatim, because grounding
and the review app's highlighting depend on its offsets; only what is shown is made plain.
"""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_SLACK_LINK = re.compile(r"<((?:https?|mailto):[^|>\s]+)\|([^>\n]+)>")
_ANGLE_URL = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|~~")
_CODE = re.compile(r"`+")
_LINE_MARK = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+(?=\S)|\d{1,3}[.)][ \t]+)")
_LINK_LEFTOVER = re.compile(r"\]\((?:https?|mailto):[^)\s]*\)")
# a quote shown with "…" either side may cut a link: "[$1M in revenue](/year-6/#tiny…" or
# "…ed-founder-year-1/) My Second Year"
_CUT_LINK_END = re.compile(r"\[([^\]\n]+)\]\([^)\s…]*(?=…?$)")
_CUT_LINK_START = re.compile(r"^…[^\s()\[\]]*/[^\s()\[\]]*\)")
_SPACES = re.compile(r"[ \t]*\n[ \t\n]*|[ \t]{2,}")


def readable(text: str, *, one_line: bool = True) -> str:
    """`text` without Markdown/mrkdwn syntax: link text kept, URLs, emphasis and heading marks
    dropped; on one line unless `one_line` is false. Escaping for the output is the caller's."""
    out = _IMAGE.sub(r"\1", text)
    out = _LINK.sub(r"\1", out)
    out = _REF_LINK.sub(r"\1", out)
    out = _SLACK_LINK.sub(r"\2", out)
    out = _ANGLE_URL.sub(r"\1", out)
    out = _LINK_LEFTOVER.sub("", out)  # a link whose "[" fell before the quoted span
    out = _CUT_LINK_END.sub(r"\1", out)
    out = _CUT_LINK_START.sub("…", out)
    out = _LINE_MARK.sub("", out)
    out = _EMPHASIS.sub("", out)
    out = _CODE.sub("", out)
    if one_line:
        return _SPACES.sub(" ", out).strip()
    return _SPACES.sub(lambda m: "\n" if "\n" in m.group() else " ", out).strip()
