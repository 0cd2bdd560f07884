"""Phrase and vocabulary tables of the rules extractor (extract/rules.py keeps the logic).

Two kinds of table live here:

* cue words, grouped by the reason they give for rejecting a statement (a hedge, a rumour, a
  joke...), each group compiled into one prefix-factored regex by ``CueSet``;
* gazetteers written as "canonical: alias | alias" lines (regions, publications, investors), read
  into alias -> canonical dictionaries, plus small stop lists of words that look like names but
  are not (weekdays are no customers, "we" is no product).

All words are lower-case and are looked for in lower-cased text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from signalpipe.models import EventType

# ---------------------------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------------------------

def rx(pattern: str) -> re.Pattern[str]:
    """A case-insensitive compiled pattern."""
    return re.compile(pattern, re.IGNORECASE)


class AnyCase:
    """A case-insensitive regex for cues where only a match's place matters (its text comes
    back lower-cased). ASCII text, most of it, is lower-cased and read case-sensitively, which
    CPython's ``re`` does several times faster than with IGNORECASE; other text is read with
    IGNORECASE, where ``lower()`` may change lengths. Both find the same matches at the same
    places, since the pattern's letters are all lower-case."""

    __slots__ = ("_any", "_folded")

    def __init__(self, pattern: str) -> None:
        if re.sub(r"\\.", "", pattern) != re.sub(r"\\.", "", pattern).lower():
            raise ValueError(f"write the letters of an AnyCase pattern in lower case: {pattern}")
        self._folded = re.compile(pattern)
        self._any = re.compile(pattern, re.IGNORECASE)

    def search(self, text: str) -> re.Match[str] | None:
        """The first match in ``text``, or None."""
        if text.isascii():
            return self._folded.search(text.lower())
        return self._any.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every match in ``text``, left to right."""
        if text.isascii():
            return self._folded.finditer(text.lower())
        return self._any.finditer(text)


def trie(words: list[str]) -> str:
    """One regex alternation for many words, factored by common prefix so it stays fast. Where
    several words fit at one place the longest is tried first ("new york" before "new")."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [(r"\b" if ch == "!" else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(tree)


def expand(template: str, **choices: tuple[str, ...]) -> list[str]:
    """Expand "{verb} {what}" over the choices given: the cue lists stay short to read."""
    out = [template]
    for key, options in choices.items():
        out = [w.replace("{" + key + "}", o) for w in out for o in options]
    return [" ".join(w.split()) for w in out]


class CueSet:
    """Cue words of several families in one prefix-factored regex (words start at a word
    boundary; a trailing "!" means they end at one). A match names its family."""

    def __init__(self, **families: list[str]) -> None:
        self.family = {w.rstrip("!"): name for name, words in families.items() for w in words}
        self.rx = re.compile(r"\b" + trie([w for words in families.values() for w in words]))

    def first(self, text: str, allow: frozenset[str] = frozenset()) -> str | None:
        """The family of the first cue in ``text`` (lower-cased) that is not allowed, or None."""
        for m in self.rx.finditer(text):
            family = self.family[m.group()]
            if family not in allow:
                return family
        return None


def alias_table(rows: str) -> dict[str, str]:
    """Parse "canonical: alias | alias" lines into alias -> canonical (lower-case)."""
    table: dict[str, str] = {}
    for line in rows.strip().splitlines():
        canonical, _, aliases = line.partition(":")
        canonical = canonical.strip()
        table[canonical] = canonical
        for alias in aliases.split("|"):
            if alias.strip():
                table[alias.strip().lower()] = canonical
    return table


# ---------------------------------------------------------------------------------------------
# Cues that turn a statement into a non-event
# ---------------------------------------------------------------------------------------------

_NT = tuple(f"{base}n{q}t!" for base in ("did", "is", "has", "was", "wo", "have", "do", "does",
                                          "ca", "could", "were", "are", "had")
            for q in ("'", "\u2019"))
_AI = ("ai", "bot", "model", "assistant", "llm")
# All cue words are lower-case and are looked for in lower-cased text.
SENTENCE_CUES = CueSet(
    injection=[*expand("{v} {q} {w}!", v=("ignore", "disregard", "forget"),
                        q=("", "all", "any", "the", "all the"),
                        w=("previous", "prior", "above", "earlier")),
               "instructions!", "system prompt!", "system:", "admin mode!",
               *expand("{n} {p} {d} {a}!", n=("note", "message"), p=("to", "for"),
                        d=("the", "whatever", "any"), a=_AI),
               *expand("{d} {a} {r} {v}!", d=("the", "any", "whatever"), a=_AI,
                        r=("", "that", "which", "who"),
                        v=("reads", "summarizes", "summarises", "must", "should"))],
    old_news=["a year ago!", "years ago!", "anniversary!", "throwback!", "years since!",
              "year since!", "back in 20",
              *expand("from last {s}!", s=("spring", "summer", "fall", "winter"))],
    not_real=["test message!", "please ignore!", "draft tweet!", "draft post!",
              "for when it happens!", "don't post!"],
    joke=["lol!", "lmao!", "haha!", "jk!", "in my dreams!", "imagine!", "at this rate!",
          "dream scenario!", "unicorn!", "by friday!", "by lunch!", "by tomorrow!",
          *(f"series {c}!" for c in "fghijklmnopqrstuvwxyz")],
)
JOKE_MARKS = ("😂", "🤣", "😴", ":joy:", " /s")
CLAUSE_CUES = CueSet(
    rumour=["rumor!", "rumors!", "rumour!", "rumours!", "heard!", "apparently!", "supposedly!",
            "word is!", "unconfirmed!", "allegedly!", "claim!", "claims!", "someone at!",
            "someone on!", "someone said!", "gossip!", "says they!"],
    slipped=["pushed!", "slipped!", "delayed!", "postponed!", "on hold!", "stalled!",
             "still in!", "redline!", "redlines!", "reschedul"],
    reversal=["backed out!", "rescinded!", "fell through!", "not true!", "got cut!",
              "walked away!", "then cancel", "turned it down!", "turned them down!",
              "turned down!"],
)
PART_CUES = CueSet(
    negation=["not!", "no!", "never!", "nobody!", "declined!", "passed on!", "lost!", "almost!",
              "nearly!", "churn", *_NT],
    hedge=["if!", "assuming!", "would!", "could!", "might!", "may!", "we'd!", "it'd!",
           "should!", "possible!", "possibly!", "probably!", "likely!", "hopefully!", "hoping!",
           "hope!", "fingers crossed!", "once!", "unless!"],
    plan=[*expand("{p} {x}!", p=("plan", "plans"), x=("to", "on")), "planning!", "planned!",
          "aim!", "aiming!", "goal!", "target!", "targeting!", "forecast!", "projected!",
          "thinking about!", "thinking of!", "want to!", "wants to!", "want a!", "wants a!",
          "going to!", "gonna!", "will!", "pitching!", "proposal!", "prep!", "kicking off!",
          "roadmap!", "readiness!", "would like!",
          *expand("next {t}!", t=("week", "month", "quarter", "year", "sprint")),
          *expand("{w}'ll!", w=("we", "they", "it", "i", "you", "he", "she")),
          *expand("{w}'d like!", w=("we", "they", "i"))],
)
# Cues that only matter for some types: an incident is not a technical achievement, an NDA is
# not a contract, a beta is not a launch, a customer's numbers are not ours.
CUSTOMERS_NEWS = ["our customer!", "our customers!", "our biggest customer!",
                  "our largest customer!", "our top customer!", "one of our customers!",
                  "their own!", "on closing their!", "big week for!"]
TYPE_CUES: dict[EventType, CueSet] = {
    EventType.TECHNICAL_ACHIEVEMENT: CueSet(incident=[
        "outage!", "incident!", "sev0!", "sev1!", "sev2!", "sev3!", "sev 1!", "sev 2!",
        "spike!", "spiked!", "degraded!", "failing!", "rollback!", "backlogged!", "down for!",
        "again!", "staging!"]),
    EventType.ENTERPRISE_DEAL: CueSet(non_binding=[
        "nda!", "loi!", "mou!", "letter of intent!", "pilot!", "trial!", "proposal!", "quote!",
        "pricing discussion!"]),
    EventType.PRODUCT_LAUNCH: CueSet(pre_release=[
        "beta!", "alpha!", "preview!", "design partners!", "internal only!",
        "internally only!", "staging!"]),
    EventType.FUNDING: CueSet(third_party=CUSTOMERS_NEWS),
    EventType.REVENUE_MILESTONE: CueSet(third_party=CUSTOMERS_NEWS),
    EventType.USER_GROWTH: CueSet(third_party=CUSTOMERS_NEWS),
}
# Phrases that contain a cue word but do not change the meaning of the statement around them.
# No idiom starts another, so factoring common starts (which keeps the scan cheap) changes nothing.
# Only where they are matters: _scrub blanks them out of the original text.
IDIOMS = AnyCase(r"ca(?:n'?t|nnot) believe|no(?:t (?:gonna lie|bad|only)| (?:exceptions"
                 r"|more excuses|joke))|\bno\.(?= ?\d)|zero exceptions|without breaking a sweat"
                 r"|in case you missed it|first time ever|out of beta")


# ---------------------------------------------------------------------------------------------
# Gazetteers: canonical names and their aliases
# ---------------------------------------------------------------------------------------------

# Countries, with their usual short forms and main business cities; a city counts as its country.
REGIONS = alias_table("""
united states: usa | the us | the united states | new york | san francisco | austin | boston
canada: toronto | vancouver | montreal
mexico: mexico city | monterrey
brazil: são paulo | sao paulo | rio de janeiro
argentina: buenos aires
colombia: bogotá | bogota | medellín
chile: santiago
united kingdom: the uk | uk | the united kingdom | britain | london | manchester | edinburgh
ireland: dublin
france: paris | lyon
germany: berlin | munich | hamburg | frankfurt
netherlands: the netherlands | amsterdam | rotterdam
belgium: brussels
spain: madrid | barcelona
portugal: lisbon | porto
italy: milan | rome
switzerland: zurich | geneva
austria: vienna
poland: warsaw | krakow
sweden: stockholm
norway: oslo
denmark: copenhagen
finland: helsinki
estonia: tallinn
czechia: czech republic | prague | brno
hungary: budapest
greece: athens
romania: bucharest | cluj
bulgaria: sofia
croatia: zagreb
serbia: belgrade
ukraine: kyiv | lviv
lithuania: vilnius
latvia: riga
iceland: reykjavik
luxembourg:
turkey: türkiye | istanbul | ankara
morocco: casablanca
ghana: accra
peru: lima
uruguay: montevideo
costa rica: san josé
pakistan: karachi | lahore
bangladesh: dhaka
thailand: bangkok
malaysia: kuala lumpur
qatar: doha
israel: tel aviv
united arab emirates: the uae | uae | dubai | abu dhabi
saudi arabia: riyadh
south africa: cape town | johannesburg
nigeria: lagos
kenya: nairobi
egypt: cairo
india: bangalore | bengaluru | mumbai | delhi | hyderabad
singapore:
japan: tokyo | osaka
south korea: korea | seoul
china: shanghai | beijing
hong kong:
taiwan: taipei
indonesia: jakarta
vietnam: ho chi minh city | hanoi
philippines: the philippines | manila
australia: sydney | melbourne
new zealand: auckland
emea:
apac:
latam:
dach:
nordics: the nordics
""")
PUBLICATIONS = alias_table("""
techcrunch: tc
forbes:
wall street journal: the wall street journal | wsj
bloomberg: bloomberg news
information: the information
venturebeat:
business insider: insider
fast company:
wired:
verge: the verge
axios:
sifted:
financial times: the financial times | ft
reuters:
cnbc:
fortune:
inc.: inc magazine
protocol:
siliconangle:
new stack: the new stack
zdnet:
infoworld:
handelsblatt:
les echos:
economist: the economist
new york times: the new york times | nyt
washington post: the washington post
guardian: the guardian
bbc:
cnn:
techradar:
the register: register
geekwire:
hacker news:
product hunt:
""")
INVESTORS = alias_table("""
sequoia: sequoia capital
andreessen horowitz: a16z
accel:
index ventures: index
lightspeed: lightspeed venture partners
benchmark:
greylock: greylock partners
kleiner perkins: kleiner | kpcb
general catalyst:
bessemer: bessemer venture partners | bvp
insight partners:
tiger global:
coatue:
gv: google ventures
founders fund:
khosla ventures: khosla
nea: new enterprise associates
battery ventures:
redpoint: redpoint ventures
felicis: felicis ventures
balderton: balderton capital
atomico:
northzone:
point nine: point nine capital
union square ventures: usv
first round: first round capital
spark capital:
matrix partners: matrix
emergence: emergence capital
iconiq: iconiq growth
thrive capital: thrive
menlo ventures:
crv:
amplify partners:
craft ventures:
ribbit capital: ribbit
softbank: softbank vision fund
y combinator: yc
8vc:
lux capital: lux
ivp:
dst global: dst
""")
# Rankings a publication names companies to ("named to the Tech.eu Cloud 100 list"): where the
# ranking's name starts, the outlet's name ends.
PRESS_LISTS = ("cloud 100", "ai 50", "fintech 50", "30 under 30", "next big things in tech",
               "most innovative companies", "startups to watch", "disruptor 50", "future 50",
               "hot 100", "rising stars", "best places to work", "world changing ideas")
# Words that join a name to the rest of its sentence, so no name is read across them when
# capitals cannot show where it ends ("from maya at uncork capital, they ...").
JOINERS = ("the", "a", "an", "and", "or", "but", "at", "with", "from", "to", "for", "of", "in",
           "on", "by", "as", "our", "we", "us", "they", "their", "it", "is", "are", "was", "just",
           "has", "have", "who", "that", "this", "about", "ahead", "today", "asked", "sent",
           "wants", "would", "pinged", "named", "covered", "published", "ran", "wrote")

# Firm names that are also ordinary words: they count only when written as names.
COMMON_WORD_FIRMS = {"index", "matrix", "thrive", "benchmark", "lux", "emergence", "insight",
                     "spark", "amplify", "accel", "crv", "nea", "ivp", "dst", "ribbit", "craft",
                     "first round", "kleiner", "khosla", "gv", "yc"}

# Words that take a firm's place in a sentence's shape but name none.
NOT_FIRMS = {"they", "we", "he", "she", "it", "you", "i", "someone", "everyone", "legal",
             "sales", "finance", "the customer", "procurement"}

# Stop lists: words that a name pattern reads as a product, customer or subject but are not.
NOT_PRODUCTS = {"we", "it", "this", "that", "we're", "everything", "today", "everyone"}
CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "q1", "q2", "q3", "q4", "today"}
NOT_CUSTOMERS = {"renewal", "offer", "final docs", "partnership", "the", "we", "docusign"}
# Subjects of "X raised ..." that are us, not a third party.
OWN_SUBJECTS = {"we", "i", "our", "us", "arr", "mrr", "nps", "mau", "users", "signups",
                "revenue", "it", "finance", "sales", "marketing", "engineering", "product",
                "team", "everyone", "ops", "the team"}
