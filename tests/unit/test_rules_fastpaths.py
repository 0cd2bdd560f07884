"""The rules extractor's shortcuts read text exactly as the plain regexes they stand for."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from signalpipe.extract.rules import _word_spans, read_message, sentences
from signalpipe.extract.rules_vocab import AnyCase
from signalpipe.models import Message

MakeMessage = Callable[..., Message]

TRICKY = [
    "Plain ASCII: we closed it, Closed-Won and CLOSED.",
    "Ünïcode: closed, CLO\u017fED, clo\u017fed, KELVIN \u212a, İstanbul, \u0131i",
    "",
    "closedclosed closed_ closed",
]


@pytest.mark.parametrize("text", TRICKY)
def test_any_case_finds_what_ignorecase_finds(text: str) -> None:
    pattern = r"\bclosed(?:-won)?\b|\bk\w+|stanbul"
    fast, plain = AnyCase(pattern), re.compile(pattern, re.IGNORECASE)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    found, expected = fast.search(text), plain.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_any_case_wants_lower_case_letters() -> None:
    with pytest.raises(ValueError, match="lower case"):
        AnyCase(r"\bARR\b")
    AnyCase(r"\bnew \S+ office\b")  # escapes may be upper-case


@pytest.mark.parametrize(("text", "word"), [
    ("Acme and Acme's AcmeCorp _Acme Acme", "Acme"),
    ("a-a-a-a", "a-a"),
    ("x.ab.ab", ".ab"),
    ("Flow Flow", "Flow"),
    ("éFlow Flowé Flow", "Flow"),
])
def test_word_spans_are_the_lookaround_matches(text: str, word: str) -> None:
    expected = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    assert _word_spans(text, word) == expected


def _sentences_by_lines(text: str) -> list[str]:
    """The reference reading: lines, then sentence ends within each line."""
    end_re = re.compile(r"(?:[.!?]+|[\U0001F300-\U0001FAFF\u2600-\u27BF]|:[a-z0-9_+-]+:)(?=\s)")
    out = []
    for line in re.finditer(r"[^\n]+", text):
        value, pos = line.group(), 0
        for end in end_re.finditer(value):
            if value.endswith(("No.", "Inc.", "vs.", "no."), 0, end.end()):
                continue
            out.append(value[pos:end.end()])
            pos = end.end()
        out.append(value[pos:])
    return [s for s in (piece.strip(" \t-•*>").strip() for piece in out) if s]


@pytest.mark.parametrize("text", [
    "Closed it!! Next one? Sure.\nNew line :tada: here 🎉 too",
    "Patent No. 11,482,913 granted. Acme Inc. signed vs. Globex no. 2",
    "- bullet one.\n\n* bullet two\r\n> quoted!\n\t-  -  \nend.",
    "trailing dot.\nNo.\n:shortcode:\nwow!!!x ok",
])
def test_sentences_match_the_line_by_line_reading(text: str) -> None:
    assert sentences(text) == _sentences_by_lines(text)


@pytest.mark.parametrize("text", [
    "Big week!\n- Closed our $3M seed round led by Point Nine\n- Hired Omar Haddad as CTO",
    "We closed our $12M Series A; also we passed 50,000 users.",
])
def test_ascii_and_unicode_messages_read_alike(make_message: MakeMessage, text: str) -> None:
    """An ASCII message takes a one-scan path; the same words with one accent take the
    sentence-by-sentence path, and must give the same readings."""
    def readings(body: str) -> list[tuple[str, str]]:
        hits, _ = read_message(make_message(text=body), "scaleflow")
        return [(h.found.title, h.evidence.removesuffix(" café")) for h in hits]

    plain = readings(text)
    assert plain and readings(text + " café") == plain
