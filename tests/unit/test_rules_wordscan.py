"""`wordscan.any_word` must find exactly what the flat alternation it replaced found: the same
yes/no for `search`, the same words for `finditer` and `findall` (each scan it replaced was read
one of those ways), on word lists where one word starts another."""

from __future__ import annotations

import random
import re

import pytest

from signalpipe.extract.rules import declines, lowlights, reader, results
from signalpipe.extract.rules.wordscan import any_word

# prefixes of one another, a regex metacharacter, a space inside, a non-ASCII sign
WORDS = ["churn", "churned", "ch", "go", "gb", "gb/s", "gbps", "$", "a.b", "went with", "\u20ac",
         "second", "seconds", "sec"]


def _flat(words: list[str]) -> re.Pattern[str]:
    """The scan as the modules wrote it: longest first, one branch per word."""
    return re.compile("|".join(map(re.escape, sorted(set(words), key=lambda w: (-len(w), w)))))


def _texts(alphabet: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
            for _ in range(count)]


def test_the_same_matches_as_a_flat_alternation_longest_first() -> None:
    trie, flat = any_word(WORDS), _flat(WORDS)
    texts = [*_texts("chugobpsd/e$a. wit\u20acn", 3000, seed=1), "churned gbps went with seconds",
             "a.b", "axb", ""]
    for text in texts:
        assert (trie.search(text) is None) == (flat.search(text) is None), text
        assert [m.span() for m in trie.finditer(text)] == \
            [m.span() for m in flat.finditer(text)], text
        assert trie.findall(text) == flat.findall(text), text


def test_flags_apply() -> None:
    assert any_word(["churn"], re.IGNORECASE).search("CHURNED") is not None
    assert any_word(["churn"]).search("CHURNED") is None


def test_the_rules_scans_find_what_their_word_lists_hold() -> None:
    """The modules' own scans, rebuilt flat from their word lists, agree on their own words."""
    scans = [(lowlights._ANY_FAMILY, sorted({n for *_, needs in lowlights.FAMILIES
                                              for n in needs})),
             (declines._NEEDS, declines._LITERALS), (results._HINT, results._HINTS),
             *((reader._NEEDS_SCAN[name], list(words)) for name, words in reader.NEEDS.items())]
    for trie, words in scans:
        flat = _flat(words)
        for text in [*words, " ".join(words), "".join(words), "none of them"]:
            assert trie.findall(text) == flat.findall(text)


@pytest.mark.parametrize("words", [[], [""], ["ok", ""]])
def test_no_empty_word(words: list[str]) -> None:
    with pytest.raises(ValueError):
        any_word(words)
