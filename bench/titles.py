"""Event titles an investor would stumble on, over every dev source, counted per event type.

    python bench/titles.py              # counts per check and per type, then every flagged title
    python bench/titles.py --quiet      # counts only

A title is read in the investor update, the report and the review app, out of its message: it
must name the event's core in a few words. This flags the shapes seen so far: a title longer
than ten words, one that stops mid-clause ("... with the"), opens on a conjunction, pronoun or
quote ("Because ...", "They ..."), names the event by one ordinary word ("Churn: renewed",
"Partnership with Absolutely"), is a whole sentence of its message copied, keeps a trailing
stop, or leaves a quote or bracket open. Round two adds the shapes of founders' posts: a title
in the first person ("I paused TinyPilot sales ..."), a label followed by a verb with no subject
("Incident: Was down for 3 hours"), a metric followed by a comma instead of its change
("Revenue, a 21% drop from January"), a post's subject line copied ("Sale: I Sold TinyPilot, My
First Successful Business"), a clause cut at its start ("Cloud Platform fees by 90%", a name or
a verb left behind), and a hedge or feeling ("definitely made the effort feel justified").
Only dev is read (corpus/README.md: test is scored by bench/quality.py alone). The checks
judge shape, not truth: a flagged title may be fine, and a
clean one may name the wrong thing.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_eval import aliases, extract, load

from signalpipe.extract.rules import RulesExtractor
from signalpipe.extract.rules.common_words import COMMON_WORDS
from signalpipe.models import SignificantEvent, source_id_of

# after a family label ("Acquisition: "); --max-words sets it (the extractor keeps a clause of
# up to 15 words whole, since a cut loses more than a few extra words cost)
_MAX_WORDS = 14
# Words a clause does not end on: an article, a preposition, a conjunction, a linking verb.
_DANGLING = frozenset([
    "a", "an", "the", "of", "to", "for", "with", "and", "or", "but", "in", "on", "at", "by",
    "from", "as", "is", "are", "was", "were", "be", "been", "that", "which", "who", "our",
    "their", "its", "his", "her", "my", "your", "this", "into", "than", "because", "so", "if",
])
# Words a title does not open on: it is a clause of a sentence, not a headline.
_OPENERS = frozenset([
    "and", "but", "or", "so", "because", "since", "while", "although", "though", "if", "when",
    "as", "then", "also", "i", "we", "they", "he", "she", "it", "this", "that", "these",
    "those", "you", "which", "who",
])
_WORD = re.compile(r"[\w'\u2019$%.-]+")
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
# "Churn: renewed", "Partnership with Absolutely": a label or a relation, then one word.
_ONE_WORD_NAME = re.compile(r"^(?:[\w ]+: |.*\b(?:with|by|from) (?=[A-Z]))(?P<w>[\w'-]+)$")
# A type's plain name stands where a title's own words named nothing: short, and true.
_PLAIN_NAMES = frozenset(["award", "customer renewal", "customer churn", "key departure",
                          "new hire", "new partnership"])


# The writer speaking: "I", "my", "we", "our", "us" (not "US", the country).
_FIRST_PERSON = re.compile(
    r"\b(?:I|I'm|I've|I'd|[Mm]y|[Mm]e|[Ww]e|[Ww]e're|[Ww]e've|[Oo]ur|us|Us)\b")
# "Incident: Was down ...", "Sale: Sells a unit ...": a label, then a verb whose subject was cut.
_LABEL_VERB = re.compile(r"^[A-Z][\w ]{0,30}: (?:(?:To|Was|Were|Is|Are|Has|Have|Had|Will)\b"
                         r"|[A-Z][a-z]+(?:es|ed) (?!of\b|and\b|for\b)"
                         r"|[A-Z][a-z]+[^s ]s (?=[a-z£$\d]))")
# "Revenue, a 21% drop from January": a metric's name, then a comma where its change belongs.
_METRIC_COMMA = re.compile(r"^(?:[\w ]{0,30}: )?(?:net |total |monthly |annual )?(?:revenue"
                           r"|mrr|arr|sales|profits?|throughput|latency|p\d\d|churn|uptime|growth"
                           r"|retention|nrr|margins?|costs?|users|signups|downloads|traffic)"
                           r"(?: [\w()]+){0,2},",
                           re.IGNORECASE)
# "Cloud Platform fees by 90%": a change by a figure whose verb was left out of the title.
_VERBLESS_BY = re.compile(r"^(?:[\w()'-]+ ){1,6}by (?:more than |over |about |nearly |almost )?"
                          r"[\d$\u20ac\u00a3]")
_CHANGE_VERBS = frozenset(["cut", "cuts", "grew", "shrank", "shrunk", "doubled", "halved"])
# Words that hedge or tell a feeling: an investor reads news, not moods.
_HEDGES = re.compile(r"\b(?:definitely|feel|feels|felt|pretty|really|honestly|probably|maybe"
                     r"|kinda|totally|actually|super|hopefully)\b", re.IGNORECASE)


def _subject_line(title: str, subject: str) -> bool:
    """``title`` (after its label) is the post's subject line, copied in its title case."""
    rest = _normal(title.split(": ", 1)[-1])
    caps = [w for w in subject.split() if w[:1].isalpha()]
    return len(caps) >= 4 and rest == _normal(subject) and sum(
        w[0].isupper() for w in caps) >= 0.6 * len(caps)


def _cut_at_start(title: str, text: str) -> bool:
    """``title``'s clause begins inside its message's: in a word ("Igation"), after a name's
    first words ("Cloud Platform" of "Google Cloud Platform"), or with its verb left out."""
    rest = title.split(": ", 1)[-1]
    verbless = _VERBLESS_BY.match(rest)
    if verbless and not any(w.endswith("ed") or w in _CHANGE_VERBS
                            for w in _words(verbless.group())):
        return True
    head = " ".join(rest.split()[:3])
    at = text.lower().find(head.lower())
    if at <= 0 or len(head) < 8 or ": " in title:  # a label's name follows its own verb
        return False
    before = text[:at]
    if before[-1:].isalpha():
        return True
    prev = before.split()[-1:] or [""]
    return bool(prev[0][:1].isupper() and prev[0].isalpha() and text[at].isupper()
                and not prev[0].isupper() and prev[0].lower() not in _DANGLING | _OPENERS
                and not prev[0].endswith(("s", "ed", "ing")))


def _words(text: str) -> list[str]:
    return [w.strip(".'\u2019-").lower() for w in _WORD.findall(text) if w.strip(".'\u2019-")]


def _normal(text: str) -> str:
    return " ".join(_words(text))


def _unbalanced(title: str) -> bool:
    pairs = (("(", ")"), ("[", "]"), ("{", "}"))
    return any(title.count(a) != title.count(b) for a, b in pairs) \
        or title.count('"') % 2 == 1 or title.count("\u201c") != title.count("\u201d")


def problems(event: SignificantEvent, text: str, max_words: int = _MAX_WORDS,
             subject: str = "") -> list[str]:
    """The readability checks ``event``'s title fails; ``text`` is its evidence message and
    ``subject`` that message's subject line (or its first line)."""
    title = event.title
    words = _words(title)
    out = []
    if len(_words(title.split(": ", 1)[-1])) > max_words:
        out.append("long")
    last = _WORD.findall(title)[-1:] or [""]
    if last[0].strip(".'\u2019\u2026-") in _DANGLING or (last[0].endswith("\u2026") and len(
            last[0]) > 1 and _words(title[:-1])[-1:] and _words(title[:-1])[-1] in _DANGLING):
        out.append("mid-clause")
    if title.endswith("\u2026"):
        out.append("cut")
    if (words and words[0] in _OPENERS) or title[:1] in "\"'\u201c\u2018":
        out.append("opener")
    one = _ONE_WORD_NAME.match(title)
    if _normal(title) in _PLAIN_NAMES:
        pass
    elif len(words) == 1 or (one and one["w"].lower() in COMMON_WORDS | {
            "award", "renewed", "merger", "acquisition", "absolutely", "churn"}):
        out.append("generic")
    # a one-line message is a headline already (a news wire's): copied whole, it reads as one
    if len(words) >= 10 and "\n" in text.strip() and any(
            _normal(s) == _normal(title) for s in _SENTENCES.split(text) if s.strip()):
        out.append("sentence")
    if title.rstrip() != title.rstrip(".,;:!?-"):
        out.append("trailing")
    if _unbalanced(title):
        out.append("unbalanced")
    out.extend(_voice_problems(title, text, subject))
    return out


def _voice_problems(title: str, text: str, subject: str) -> list[str]:
    """Round two's checks: who speaks, what a label left out, a post's subject line, hedges."""
    out = []
    if _FIRST_PERSON.search(title):
        out.append("first-person")
    if _LABEL_VERB.match(title):
        out.append("label-verb")
    if _METRIC_COMMA.match(title):
        out.append("metric-comma")
    if subject and _subject_line(title, subject):
        out.append("subject-line")
    if _cut_at_start(title, text):
        out.append("cut-start")
    if _HEDGES.search(title):
        out.append("hedge")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quiet", action="store_true", help="counts only")
    parser.add_argument("--max-words", type=int, default=_MAX_WORDS,
                        help="a title longer than this (after its label) is flagged as long")
    args = parser.parse_args()
    sources = load("dev")
    extractor = RulesExtractor(aliases=aliases(sources))
    checks: Counter[str] = Counter()
    by_type: Counter[str] = Counter()
    total, flagged = Counter[str](), []
    for source in sources:
        texts = {m.id: m.text for m in source.messages}
        # a post's subject line, or a long message's first line (a blog post's title)
        subjects = {m.id: m.subject or (m.text.split("\n", 1)[0] if len(m.text) > 300 else "")
                    for m in source.messages}
        for event in extract(extractor, source):
            kind = event.event_type.value + ("-" if event.polarity.value == "negative" else "")
            total[kind] += 1
            first = source_id_of(event.source_message_ids[0]) if event.source_message_ids else ""
            found = problems(event, texts.get(first, event.evidence), args.max_words,
                             subjects.get(first, ""))
            if found:
                by_type[kind] += 1
                checks.update(found)
                flagged.append((source.name, kind, ",".join(found), event.title))
    print(f"titles: {sum(total.values())}, flagged: {len(flagged)}")
    print("\n| check | titles |\n|---|---:|")
    for check, n in checks.most_common():
        print(f"| {check} | {n} |")
    print("\n| type (- lowlight) | titles | flagged |\n|---|---:|---:|")
    for kind in sorted(total):
        print(f"| {kind} | {total[kind]} | {by_type[kind]} |")
    if not args.quiet:
        print()
        for source_name, kind, checks_failed, title in flagged:
            print(f"{source_name:18} {kind:22} {checks_failed:24} {title}")


if __name__ == "__main__":
    main()
