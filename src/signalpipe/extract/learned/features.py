"""Text -> hashed feature indices for the learned message scorer.

Why hashing: the scorer must load offline from a small file and read text it never saw (other
companies, other products, other scripts). A fixed hashed space needs no vocabulary file and
gives every unseen word a slot (most are empty, weight 0), so a new word costs nothing and never
fails. Why these features:

- word unigrams and bigrams carry the phrasing ("closed our", "is out", "joins as");
- figures are reduced to their *shape* ("$ 0 m", "0 %", "v 0.0.0"): the amount never matters
  to triage, its unit does;
- a few hand features ("has a money figure", "a count of users", "a first-person subject", "an
  announcement verb") hold cues that n-grams see only through many rare words;
- message-level features say what the message as a whole is, in any business: mail furniture
  (a reply's subject, quoted or forwarded headers, a greeting, a sign-off, a mailing list's
  footer, a meeting time), a table of figures, a question, and a release stated as one (a
  version number with "is out" / "now available"). They weigh 1 each, not pooled: pooled, a
  sign-off weighed 1/300 of a long mail. Leave-one-source-out on dev (18 sources) they cut
  what triage sends of mail sources it did not see (enron-mail 46% -> 25%, usrp-mail 28% ->
  21%) and lifted "<Product> v2.3.0 is out" from 0.42 to 0.77;
- character n-grams are supported (``CHAR_NGRAMS``) but off: measured leave-one-source-out on
  the dev corpus they made held-out sources score worse, as they learn each source's names.

Word features are mean-pooled (``norm``) so a long post and a headline are on one scale (with
1 / count ** 0.5 or 0.75, tried again with the message-level features, held-out sources scored
worse: 63% and 56% sent for 52%). The scorer
was first tried with the lexicon's cue families as features too; they gained little over the
hand features and cost most of the scoring time.

Everything is deterministic: the hash is CRC-32 (Python's ``hash`` of a str changes per process)
and the text is read only up to ``MAX_CHARS`` so that a 1 MB message costs what a page costs.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

DIM_BITS = 18
DIM = 1 << DIM_BITS
"""Size of the hashed space: 262,144 weights (512 KB as int16)."""
_MASK = DIM - 1
MAX_CHARS = 1000
"""How much of a message the scorer reads: the head of a post or release states its news; the
lexicon in triage still reads the whole text."""
CHAR_NGRAMS: tuple[int, ...] = ()
"""Character n-gram sizes inside words: none. With 3-5-grams the held-out sources scored worse
(leave-one-source-out AUC 0.77 against 0.80 without): they learn each source's names and
jargon more than they share morphology."""

_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*|[$€£%]|[^\w\s]", re.UNICODE)
_DIGITS = re.compile(r"\d+")

# Hand features are read off the tokens, not by regexes over the text: the scorer must keep up
# with thousands of messages a second. Word-level ones are cached with the word.
_CURRENCY = frozenset({"$", "€", "£", "usd", "eur", "gbp"})
_MAGNITUDE = frozenset({"k", "m", "mm", "b", "bn", "thousand", "million", "billion"})
_PERCENT = frozenset({"%", "percent"})
_COUNTED = frozenset({
    "users", "customers", "clients", "signups", "seats", "accounts", "subscribers", "downloads",
    "installs", "stars", "members", "teams", "companies", "employees", "logos", "actives",
    "people", "stores", "sites", "locations", "jobs", "patients", "units", "roles"})
_FIRST_PERSON = frozenset({"we", "our", "i", "us"})
_SENTENCE_END = frozenset({".", "!", "?", ":", ";"})
_ANNOUNCE = (
    "announc", "launch", "releas", "introduc", "unveil", "sign", "closed", "raise", "hire",
    "join", "appoint", "acquir", "partner", "expand", "opens", "opened", "ship", "rolled",
    "reach", "cross", "surpass", "grew", "doubled", "tripled", "won", "wins", "select", "award",
    "certif", "achiev", "complet", "secur", "lost", "lose", "cut", "fell", "drop", "plung",
    "slump", "soar", "jump", "rose", "rise", "resign", "churn", "laid", "layoff")
_CHEER = frozenset("🎉🚀📈🙌💰🔔🤝✅🥂💯🔥📣")


def _hash(key: str) -> int:
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) & _MASK


_H = {name: _hash(f"h:{name}") for name in (
    "money", "percent", "count", "first_person", "announce", "version", "question", "cheer",
    "quoted_mail", "mail_header", "reply_subject", "sign_off", "list_footer", "greeting",
    "clock_time", "release_phrase", "version_release", "version_head", "figure_table")}
_QUOTED = re.compile(r"^\s*>", re.M)
# Business mail with no event is told by its furniture, whatever the business: the headers of a
# forwarded or quoted message, a reply's subject, a greeting and a sign-off, a mailing list's
# footer, a meeting time. These hold in any company's mail, where its words do not. They are
# read on the lowercased head: a case-insensitive alternation costs several times more.
_MAIL_FURNITURE = {
    "mail_header": re.compile(
        r"^\s*(?:to|cc|from|sent|date|subject)\s?:|forwarded\s+by|original\s+message"
        r"|\bwrote\s?:|^-{5,}|^(?:- ){5,}", re.M),
    "reply_subject": re.compile(r"^\s*(?:\[[^\]]{1,40}\]\s*)?(?:re|fw|fwd|aw|sv)\s?:"),
    "sign_off": re.compile(
        r"^\s*(?:thanks|thank\s+you|thx|regards|best(?:\s+regards)?|cheers|sincerely"
        r"|kind\s+regards|many\s+thanks)\s*[,.!]?\s*$", re.M),
    "list_footer": re.compile(r"unsubscribe|mailing\s+list|list\s+info|_{10,}|\[[\w.-]+-users?\]"),
    "greeting": re.compile(r"^\W*(?:hi|hello|hey|dear)\b[^\n]{0,30}[,!:]?\s*$", re.M),
    "clock_time": re.compile(r"\b\d{1,2}\s?:\s?\d\d\s?(?:am|pm)?\b|\b\d{1,2}\s?(?:am|pm)\b"),
}
_NEEDS = {"mail_header": (":", "forwarded", "original", "-----", "- - - - -"),
          "list_footer": ("unsub", "list", "__________", "-user")}
"""Text each furniture pattern cannot match without (checked first, as plain substrings)."""
# A release stated as one: "<Product> v2.3.0 is out", "is live", "now available", "released".
_RELEASE_WORDS = frozenset({"out", "live", "available", "released", "ships", "shipped", "here",
                            "launched", "ga"})
_RELEASE_BEFORE = frozenset({"is", "are", "now", "just", "has", "been", "was", "officially"})
_NOT_RELEASE = frozenset({"of", "sick", "there", "yet", "soon", "until", "till"})
"""Words after "is out" / "is here" that make it no release ("out of date", "out sick")."""


def message_text(subject: str | None, text: str) -> str:
    """What the scorer reads, in training and in triage alike: subject and body."""
    return f"{subject or ''} {text}"


def norm(count: int) -> float:
    """Each present feature's value: 1 / count (the mean of the weights present), so that a
    long post does not outvote a headline by its length alone (with 1 / sqrt(count), tried
    first, held-out headlines scored as routine)."""
    return 1.0 / count if count else 0.0


def tokens(text: str) -> list[str]:
    """Lowercased words, number shapes ("0", "0.0.0", "0,0") and punctuation, from the first
    ``MAX_CHARS``."""
    return [_DIGITS.sub("0", tok) if tok[0].isdigit() else tok
            for tok in _TOKEN.findall(text[:MAX_CHARS].lower())]


@lru_cache(maxsize=65536)
def _word_features(tok: str) -> tuple[int, ...]:
    """A token's own slot, its character n-grams (if any) and its word-level hand features."""
    ids = [_hash(f"w:{tok}")]
    if CHAR_NGRAMS and len(tok) >= 4 and tok.isalpha():
        padded = f"<{tok}>"
        for n in CHAR_NGRAMS:
            ids += [_hash(f"c:{padded[i:i + n]}") for i in range(len(padded) - n + 1)]
    if tok.startswith(_ANNOUNCE):
        ids.append(_H["announce"])
    if tok in _CHEER:
        ids.append(_H["cheer"])
    if tok.count(".") >= 2 and tok[0] == "0":
        ids.append(_H["version"])
    return tuple(ids)


def _pair_feature(prev: str, tok: str, since_number: int) -> int | None:
    """A hand feature that two neighbouring tokens make ("$ 0", "0 %", "0 k", "0 new users");
    called only when `prev` or `tok` could make one (the common case costs no call)."""
    if tok[0] == "0":
        return _H["money"] if prev in _CURRENCY else None
    if prev[:1] == "0":
        if tok in _MAGNITUDE:
            return _H["money"]
        if tok in _PERCENT:
            return _H["percent"]
    if tok in _COUNTED and since_number <= 3:
        return _H["count"]
    if tok in _FIRST_PERSON and (prev in _SENTENCE_END or prev == ""):
        return _H["first_person"]
    return None


def features(text: str) -> tuple[list[int], list[int]]:
    """Sorted distinct feature indices of `text`, in two lists: what the words say (words, word
    bigrams, character n-grams if any, and the hand features read off neighbouring tokens),
    each weighing ``norm(count)``; and what the message as a whole is (a question, quoted mail,
    mail furniture, a release), each weighing 1. Why apart: pooled, a mail's headers and
    sign-off weighed 1/300 each in a long mail, too little to say "this is a reply"."""
    toks = tokens(text)
    ids: set[int] = set()
    add, update = ids.add, ids.update
    prev, prev_id, since_number = "", 0x9E3779B1, 99  # the first bigram is (start, word)
    for tok in toks:
        word = _word_features(tok)
        update(word)
        add(((prev_id * 1_000_003) ^ word[0] * 97) & _MASK)  # the bigram (previous, this)
        since_number = 0 if tok[0] == "0" else since_number + 1
        if since_number <= 3 or tok in _FIRST_PERSON:
            hand = _pair_feature(prev, tok, since_number)
            if hand is not None:
                add(hand)
        prev, prev_id = tok, word[0]
    return sorted(ids), sorted(set(_message_features(text, toks)))


def _message_features(text: str, toks: list[str]) -> list[int]:
    """Features of the message as a whole: a question, quoted mail, mail furniture, a table of
    figures, a release."""
    out = []
    if toks and toks[-1] == "?":
        out.append(_H["question"])
    if _QUOTED.search(text, 0, MAX_CHARS):
        out.append(_H["quoted_mail"])
    head = text[:MAX_CHARS]
    low = head.lower()
    figures = sum(1 for tok in toks if tok[0] == "0")
    for name, rx in _MAIL_FURNITURE.items():
        needles = _NEEDS.get(name)
        # a case-insensitive alternation is slow on every message: most cannot match at all
        if needles is not None and not any(n in low for n in needles):
            continue
        if (name != "clock_time" or figures) and rx.search(low):
            out.append(_H[name])
    out += _release(toks)
    if figures >= 12 and figures * 5 >= len(toks):
        # a report or a table more than a sentence (daily volumes, invoices, nominations): at
        # least 12 figures, one token in five; a milestone states one or two
        out.append(_H["figure_table"])
    return out


def _release(toks: list[str]) -> list[int]:
    """"is out" / "now available" (a release phrase), with a version number in the same
    message ("v2.3.0 is out"), and a version among the first words (a release's headline)."""
    out = []
    phrase = not _RELEASE_WORDS.isdisjoint(toks) and any(
        tok in _RELEASE_WORDS and prev in _RELEASE_BEFORE and after not in _NOT_RELEASE
        for prev, tok, after in zip(toks, toks[1:], [*toks[2:], ""], strict=False))
    versions = [i for i, tok in enumerate(toks[:40]) if tok[0] == "0" and "." in tok]
    if phrase:
        out.append(_H["release_phrase"])
        if versions:
            out.append(_H["version_release"])
    if versions and versions[0] < 6:
        out.append(_H["version_head"])
    return out
