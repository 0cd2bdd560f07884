"""Flags messages that talk to the model instead of to colleagues (prompt-injection attempts).

A flagged message is still shown to the LLM (it may be quoted in a thread), but it proves nothing:
grounding rejects an event whose only sources are flagged messages, and figures written only in
flagged messages do not count as evidence. A false positive therefore costs little (an event must
find another source), which is why the patterns lean towards catching more.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from signalpipe.models import Message

_MODEL = (r"(?:ai|a\.i\.|assistant|llm|language model|gpt|chatgpt|gemini|claude|bot|extractor"
          r"|summari[sz]er)")
_PATTERNS: dict[str, re.Pattern[str]] = {name: re.compile(rx, re.IGNORECASE) for name, rx in {
    "override_instructions":
        r"\b(?:ignore|disregard|override|bypass"
        r"|forget\s+(?:all|everything|your|any|the\s+(?:above|previous|prior)))\b[^.\n]{0,40}?"
        r"\b(?:instructions?|prompts?|rules|guidelines|directives|system message)\b",
    "ignore_context":
        r"\b(?:ignore|disregard|forget)\s+(?:all\s+|everything\s+|anything\s+)?"
        r"(?:the\s+)?(?:above|previous|prior|preceding|earlier)\b"
        r"(?!\s+(?:e-?mails?|messages?|mails?|notes?|threads?|slacks?|posts?|versions?|drafts?))",
    "new_instructions":
        r"\b(?:new|updated|real|actual|hidden|secret|additional)\s+instructions?"
        r"\s*(?::|follow\b|are\b)",
    "role_change":
        r"\byou\s+are\s+(?:now|no\s+longer)\b|\bpretend\s+(?:to\s+be|you\s+are)\b"
        r"|\bact\s+as\s+(?:an?\s+|the\s+)?" + _MODEL + r"\b",
    # "To the AI reading this:" opens a sentence; "introduced to the AI coach" (an article about
    # an AI product) follows a word and addresses no one
    "addresses_model":
        r"\b(?:attention|note\s+to(?:\s+the)?|dear|hey|hi|(?<!\w\s)to\s+the)\s+" + _MODEL
        + r"\b(?!\s+(?:team|folks|group|squad|guild|channel|crew|people))"
        r"|\bif\s+you\s+are\s+(?:an?\s+)?" + _MODEL + r"\b",
    "instructs_writer":
        r"\b(?:the|any|whatever)\s+" + _MODEL + r"\s+(?:that\s+|which\s+|who\s+)?"
        r"(?:writes?|drafts?|composes?|reads?|summari[sz]es?)\b"
        r"|\bwhen\s+you\s+(?:write|draft|compose|summari[sz]e)\b",
    "system_prompt":
        r"\bsystem\s+prompt\b|\bdeveloper\s+mode\b|\bjailbreak|(?m:^\s*system\s*:)"
        r"|\[\s*system\s*\]",
    "chat_markup":
        r"<\|?(?:im_start|im_end|system|endoftext|assistant)\|?>|\[/?INST\]|<<\s*SYS\s*>>"
        r"|</?\s*messages\s*>",
    "schema_words":
        r"\bevent_type\b|\bsource_message_ids\b|[\"']events[\"']\s*:",
    "output_control":
        r"\b(?:record|report|output|emit|insert|log|flag|classify|mark)\b[^.\n]{0,40}?"
        r"\b(?:as\s+(?:an?\s+)?)?(?:significant|high[- ]severity|high[- ]priority)\s+event\b"
        r"|\bclassify\s+(?:this|these|it)\s+(?:message\s+)?as\b"
        r"|\b(?:reveal|print|show|repeat|leak)\b[^.\n]{0,20}\b(?:your\s+)?(?:system\s+)?prompt\b",
    "end_of_data":
        r"\bend\s+of\s+(?:the\s+)?(?:messages|data|input|context)\b",
}.items()}


# Words each pattern cannot match without, lower case: every group must have one of its words in
# the text. Checked as plain substrings of the lower-cased text before the pattern runs: the
# patterns are case-blind, start with \b and so scan every position of a long mail, while most
# mail holds none of these words at all. A case-blind match of an ASCII word leaves that word in
# text.lower(), unless one of the four letters outside ASCII that re also matches to an ASCII
# letter (dotted and dotless i, long s, Kelvin sign) stands in it: such text skips the check.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
_MODEL_WORDS = ("ai", "a.i.", "assistant", "llm", "language model", "gpt", "gemini", "claude",
                "bot", "extractor", "summari")
_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "override_instructions": (("ignore", "disregard", "override", "bypass", "forget"),),
    "ignore_context": (("ignore", "disregard", "forget"),),
    "new_instructions": (("instruction",),),
    "role_change": (("you", "pretend", "act"), ("now", "longer", "pretend", *_MODEL_WORDS)),
    "addresses_model": (_MODEL_WORDS, ("attention", "note", "dear", "hey", "hi", "to", "if")),
    "instructs_writer": (("write", "draft", "compose", "read", "summari"),),
    "system_prompt": (("system", "developer", "jailbreak"),),
    "chat_markup": (("<", "inst]"),),
    "schema_words": (("event_type", "source_message_ids", "events"),),
    "output_control": (("event", "classify", "prompt"),),
    "end_of_data": (("end",), ("messages", "data", "input", "context")),
}

# Where the words above are common ("ai", "you", "system"), a case-sensitive pattern on the
# lower-cased text narrows further: each is a piece every match of the named pattern contains.
_MODEL_LOW = (r"(?:ai|a\.i\.|assistant|llm|language model|gpt|chatgpt|gemini|claude|bot|extractor"
              r"|summari[sz]er)")
_GATES: dict[str, re.Pattern[str]] = {name: re.compile(rx) for name, rx in {
    "role_change": r"you\s+are\s+no|pretend\s+(?:to|you)|act\s+as\s",
    "addresses_model": r"\s" + _MODEL_LOW + r"\b",
    "instructs_writer": r"\s" + _MODEL_LOW + r"\s|when\s+you\s",
    "system_prompt": r"system\s*(?:prompt|:|\])|developer\s+mode|jailbreak",
    "output_control": r"(?:significant|high[- ](?:severity|priority))\s+event|classify\s|prompt",
}.items()}


def _plain(text: str) -> str:
    # Full-width letters and zero-width characters are classic ways to slip past a regex.
    if text.isascii():
        return text  # neither can hide in ASCII; most mail is ASCII, and this is per character
    text = unicodedata.normalize("NFKC", text)
    # ASCII holds no format character: only the others are looked up, one call each
    if not any(unicodedata.category(m.group()) == "Cf" for m in _NON_ASCII.finditer(text)):
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def injection_reason(text: str) -> str | None:
    """The name of the first injection pattern `text` matches, or None for ordinary text."""
    text = _plain(text)
    low = None if any(ch in text for ch in _FOLDS_TO_ASCII) else text.lower()
    for name, pattern in _PATTERNS.items():
        if low is not None and (
                not all(any(w in low for w in group) for group in _NEEDS[name])
                or (name in _GATES and not _GATES[name].search(low))):
            continue
        if pattern.search(text):
            return name
    return None


def flag_injections(messages: Iterable[Message]) -> dict[str, str]:
    """Ids of messages that look like instructions to a model, with the pattern that matched."""
    flagged = {}
    for message in messages:
        reason = injection_reason(f"{message.subject or ''}\n{message.text}")
        if reason is not None:
            flagged[message.id] = reason
    return flagged
