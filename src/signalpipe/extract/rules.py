"""The offline extractor: regular expressions and small gazetteers, no network, no model.

How a message is read:
  1. one compiled keyword regex rejects most messages cheaply (most traffic is mundane);
  2. the text is cut into sentences (lines, or ``.!?`` followed by space) and each sentence into
     clauses at ``;`` and "but", so "took months but Acme finally signed" keeps its event;
  3. the keywords found pick the detectors worth running; each clause is offered to them in
     priority order and the first whose pattern and figures are all present wins (one event per
     clause; "closed our Series A and hired a CFO" is cut at "and" into two clauses);
  4. a found event is vetoed by cues that turn a statement into a non-event: injection text,
     a question, a joke, old news or a test message, a rumour, a negation, a hedge or plan, a
     slip, a third party's news.
     Negations, hedges and plans only count in the comma-separated part that holds the trigger,
     so "Not gonna lie, we closed our Series A" survives while "If Acme signs, we'd ..." does not.

Metrics are only the event's identity, in canonical form (USD integers, lower-case names), so every
phrasing of one event gets the same ``canonical_fingerprint`` in any batch. Mentions are merged by
that fingerprint itself, so an event's fingerprint never depends on which mention came first.

The cue words and gazetteers (regions, publications, investors) are in ``rules_vocab``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from signalpipe.extract.base import Extraction, Extractor
from signalpipe.extract.injection import injection_reason
from signalpipe.extract.rules_vocab import (
    CALENDAR,
    CLAUSE_CUES,
    COMMON_WORD_FIRMS,
    IDIOMS,
    INVESTORS,
    JOINERS,
    JOKE_MARKS,
    NOT_CUSTOMERS,
    NOT_FIRMS,
    NOT_PRODUCTS,
    OWN_SUBJECTS,
    PART_CUES,
    PRESS_LISTS,
    PUBLICATIONS,
    REGIONS,
    SENTENCE_CUES,
    TYPE_CUES,
    AnyCase,
    rx,
    trie,
)
from signalpipe.models import (
    Batch,
    BatchUsage,
    EventType,
    Message,
    MetricValue,
    Severity,
    SignificantEvent,
    canonical_fingerprint,
)
from signalpipe.settings import Settings

MODEL = "rules-v1"

# ---------------------------------------------------------------------------------------------
# Shared pieces of pattern
# ---------------------------------------------------------------------------------------------

_CAP = r"[A-Z][\w&'.-]*"
NAME = rf"{_CAP}(?:\s(?:{_CAP}|\d[\w.]*))*"  # Globex Health, Flow Copilot 2.0, Google Cloud
# A name in an all-lower-case message: one to four words of two characters or more, none a word
# that joins a name to its sentence; the shortest that fits its shape is tried first, as capitals
# cannot mark its end.
_LOWER_WORD = rf"(?!(?:{'|'.join(JOINERS)})\b)[^\W_][\w&'.-]+"
LOWER_NAME = rf"{_LOWER_WORD}(?: {_LOWER_WORD}){{0,3}}?"
# "Big week: " or "Friday recap: " before a statement that opens with its subject.
_OPENER = r"(?:[\w' ]{1,50}:\s+)?"
PERSON = r"[A-Z][a-z]+(?:[ -][A-Z][a-z']+)+"  # two or more capitalised words
_NUM = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_UNIT = r"k|K|m|M|MM|mm|bn|B|million|thousand|billion"
# A letter unit sticks to its number ("12M", "480k"); a word unit may follow a space; a number
# written out with commas takes no unit, so "$25,000,000 B round" is 25 million, not billions.
MONEY = re.compile(
    r"(?:(?:US)?\$|USD\s?)\s?(?P<a>\d{1,3}(?:,\d{3})+|(?P<n1>\d+(?:\.\d+)?)"
    r"(?:(?P<u1>k|K|m|M|MM|mm|bn|B)|\s?(?P<w1>million|thousand|billion))?)(?![\w])"
    r"|(?<![\w$#.,])(?P<b>(?P<n2>\d+(?:\.\d+)?)(?:(?P<u2>k|K|m|M|MM|mm|bn|B)"
    r"|\s?(?P<w2>million|thousand|billion)))(?![\w])(?:\s?(?:dollars|USD))?")
COUNT = re.compile(rf"(?<![\w$#.,])(?P<n>{_NUM})\s?(?P<u>[kKmMbB]|bn|million|thousand|billion)?"
                   r"(?![\w])")
_MULTIPLIER = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "bn": 1e9,
               "b": 1e9, "billion": 1e9}
_STOP_LEAD = re.compile(r"^(?:The|Our|A|An|We|Big one|Huge news)\s+")


def _number(raw: str, unit: str | None) -> float:
    value = float(raw.replace(",", ""))
    return value * _MULTIPLIER.get((unit or "").lower(), 1.0)


def parse_money(text: str) -> list[tuple[int, int, int]]:
    """Every USD amount in ``text`` as (value, start, end): $12M, 12 million, $480,000, 12m."""
    out = []
    for m in MONEY.finditer(text):
        if m["a"] is not None:
            raw, unit = (m["n1"], m["u1"] or m["w1"]) if m["n1"] else (m["a"], None)
        else:
            raw, unit = m["n2"], m["u2"] or m["w2"]
        out.append((round(_number(raw, unit)), m.start(), m.end()))
    return out


def parse_count(raw: str) -> int | None:
    """50k, 50,000, 1.2 million -> an integer; None when ``raw`` holds no number."""
    m = COUNT.search(raw)
    return round(_number(m["n"], m["u"])) if m else None


def _clean_name(name: str) -> str:
    name = _STOP_LEAD.sub("", name.strip())
    name = re.sub(r"(?:'s|\u2019s)$", "", name)
    return name.rstrip(".,:;!'\"")


def _key(name: str) -> str:
    return " ".join(name.lower().split())


def _alias(written: str, table: dict[str, str]) -> str:
    """The canonical name of an alias that a case-insensitive gazetteer pattern matched as
    ``written``. ``lower()`` finds nearly all; a few letters match in any case but lower-case to
    something else ("İstanbul", a long s), and must not fail the whole batch."""
    canonical = table.get(written.lower())
    if canonical is None:
        canonical = next(name for alias, name in table.items()
                         if re.fullmatch(re.escape(alias), written, re.IGNORECASE))
    return canonical


def _known(key: str, table: dict[str, str]) -> str:
    """The canonical name of ``key`` (read from a sentence's shape): a known alias ("index" in a
    lower-case message), or a known name typed with two neighbouring letters swapped ("business
    insdier"), is that name."""
    if key in table:
        return table[key]
    if len(key) >= 6:
        for i in range(len(key) - 1):
            a, b = key[i], key[i + 1]
            if a != b and a.isalpha() and b.isalpha():
                canonical = table.get(f"{key[:i]}{b}{a}{key[i + 2:]}")
                if canonical is not None:
                    return canonical
    return key


# ---------------------------------------------------------------------------------------------
# Cues that turn a statement into a non-event (the cue words are in rules_vocab.py)
# ---------------------------------------------------------------------------------------------

THIRD_PARTY_WORDS = re.compile(r"\bcompetitors?\b|\brivals?\b|\bcompetition\b")
THIRD_PARTY_SUBJECT = re.compile(
    rf"(?P<who>{NAME})\s+(?:just |also |finally |has |have |reportedly )?"
    r"(?:raised|raises|announced|announces|launched|launches|opened|opens|got|gets|says|claims"
    r"|closed|hit|crossed|signed)\b")
QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
_SUBORDINATE = re.compile(r"^\s*(?:if|assuming|once|unless|when|in case|should)\b")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _scrub(text: str, names: tuple[str, ...] = ()) -> str:
    """Blank out quotations, harmless idioms and the event's own names (a product called
    "Forecast" is not a forecast), keeping offsets, before looking for cues."""
    if '"' in text or "\u201c" in text:
        text = QUOTED.sub(_blank, text)
    text = _blank_spans(text, [m.span() for m in IDIOMS.finditer(text)])
    for name in names:
        if len(name) >= 3 and name in text:
            text = _blank_spans(text, _word_spans(text, name))
    return text


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the (start, end) ``spans`` (in order, apart) blanked out."""
    if not spans:
        return text
    pieces: list[str] = []
    done = 0
    for start, end in spans:
        pieces += (text[done:start], " " * (end - start))
        done = end
    return "".join(pieces) + text[done:]


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # exactly what \w matches in a str pattern


def _word_spans(text: str, word: str) -> list[tuple[int, int]]:
    r"""Where ``word`` stands in ``text`` with no word character on either side: the matches of
    ``(?<!\w)word(?!\w)``, found without compiling a pattern for every name met (names rarely
    repeat, so the ``re`` cache would only churn)."""
    spans = []
    start, size = 0, len(word)
    while (at := text.find(word, start)) >= 0:
        end = at + size
        if (at == 0 or not _is_word(text[at - 1])) and \
                (end == len(text) or not _is_word(text[end])):
            spans.append((at, end))
            start = end
        else:
            start = at + 1
    return spans


_PART_CUT = re.compile(r",\s|:\s|\s[\u2013\u2014]\s")


def _trigger_part(clause: str, pos: int) -> str:
    """The comma-separated part holding ``pos``, plus a leading "if ..., " part before it."""
    cuts = [m.end() for m in _PART_CUT.finditer(clause)]
    bounds = [0, *cuts, len(clause) + 2]
    for i in range(len(bounds) - 1):
        if bounds[i] <= pos < bounds[i + 1]:
            part = clause[bounds[i]:bounds[i + 1]]
            earlier = clause[:bounds[i]]
            if i > 0 and _SUBORDINATE.search(clause[bounds[i - 1]:bounds[i]]):
                part = earlier[bounds[i - 1]:] + part
            return part
    return clause


# ---------------------------------------------------------------------------------------------
# Detectors: one per event type, each returns what it found in one clause or None
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Found:
    """One detector's reading of a clause: identity metrics, a title, where the trigger is."""

    event_type: EventType
    metrics: dict[str, MetricValue]
    title: str
    trigger: int
    stakeholders: tuple[str, ...] = ()
    # Cue families this type tolerates: an investor who "wants to meet next week" is the event.
    allow: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Context:
    """What a detector may look at beyond its clause."""

    company: str
    subject: str = ""
    next_sentence: str = ""


Detector = Callable[[str, Context], Found | None]

ROUND = rx(r"\b(?:(?P<pre>pre-?seed)|(?P<seed>seed)(?! data)|series[ -]?(?P<l1>[a-e])"
            r"|(?P<l2>[a-e])[ -]round)\b")
FUNDING_VERB = AnyCase(r"\b(?:closed|raised|raises|landed|wired|signed|done|in the bank|funded"
                       r"|arrived|signatures are in|leading|led by|led it)\b")
# "$60M post" is no round, "$2M pre-seed" is one.
VALUATION = rx(r"\s?(?:post|pre)(?![- ]?seed)(?:-money)?\b|\s?valuation\b")
LEADS = (re.compile(rf"(?:led by|with) (?P<n>{NAME})"),
         re.compile(rf"(?P<n>{NAME}) (?:led|leading)\b"))


def _round(text: str) -> str | None:
    m = ROUND.search(text)
    if not m:
        return None
    if m["pre"]:
        return "pre-seed"
    if m["seed"]:
        return "seed"
    return f"series {(m['l1'] or m['l2']).lower()}"


def _lead(clause: str) -> str:
    """The lead investor: "led by X" first, then "X leading" (but not "Series B led")."""
    for pattern in LEADS:
        for m in pattern.finditer(clause):
            who = _clean_name(m["n"])
            if len(who) > 2 and not ROUND.fullmatch(who):
                return who
    return ""


def detect_funding(clause: str, ctx: Context) -> Found | None:
    verb = FUNDING_VERB.search(clause)
    amounts = parse_money(clause) if verb else None
    if not verb or not amounts:
        return None
    rnd = _round(clause) or _round(ctx.subject)
    if rnd is None:
        return None
    amount = next((v for v, _, end in amounts if not VALUATION.match(clause, end)),
                  amounts[0][0])
    who = _lead(clause)
    title = f"Closed ${amount / 1e6:g}M {rnd.title()}" + (f" led by {who}" if who else "")
    return Found(EventType.FUNDING, {"amount_usd": amount, "round": rnd}, title, verb.start(),
                 (who,) if who else ())


REVENUE_WORD = AnyCase(r"\barr\b|\bmrr\b|annual recurring revenue|annualized|run[- ]rate")
REVENUE_VERB = AnyCase(r"\b(?:crossed|passed|hit|reached|surpassed|topped|above|record|milestone"
                       r"|closed (?:the month|\w+) at|as of|now at|is now|we're at|that's|is"
                       r"|up from)\b")
_AMOUNT = (rf"(?:(?:US)?\$|USD\s?)?\s?(?:{_NUM})"
           r"(?:\s?(?:million|thousand|billion)\b|(?:MM|mm|bn|[kKmMbB])(?!\w))?")
ARR_NEAR = rx(rf"(?:ARR|annual recurring revenue|annualized)\D{{0,25}}?(?P<a>{_AMOUNT})"
               rf"|(?P<b>{_AMOUNT})\s?(?:in )?(?:ARR|annual recurring revenue|annualized)")
MRR_NEAR = rx(rf"MRR\D{{0,25}}?(?P<a>{_AMOUNT})|(?P<b>{_AMOUNT})\s?MRR")


def _near_amount(pattern: re.Pattern[str], clause: str) -> int | None:
    for m in pattern.finditer(clause):
        money = parse_money(m["a"] or m["b"])
        if money:
            return money[0][0]
    return None


def detect_revenue(clause: str, ctx: Context) -> Found | None:
    word = REVENUE_WORD.search(clause)
    verb = REVENUE_VERB.search(clause) if word else None
    if not word or not verb:
        return None
    arr = _near_amount(ARR_NEAR, clause)
    if arr is None:
        mrr = _near_amount(MRR_NEAR, clause)
        arr = mrr * 12 if mrr else None
    if not arr or arr < 50_000:
        return None
    return Found(EventType.REVENUE_MILESTONE, {"arr_usd": arr},
                 f"ARR crossed ${arr / 1e6:g}M", verb.start())


_USERS = r"(?:monthly active |weekly active |daily active |active |registered |paying )?" \
    r"(?:users|MAUs?|signups)"
USERS_AFTER = rx(rf"\b(?P<verb>crossed|passed|hit|reached|surpassed|topped|have|at)\s+(?:the )?"
                  rf"(?P<n>(?:{_NUM})\s?(?:k|K|M|million|thousand|billion)?)\s+{_USERS}\b")
USERS_BEFORE = rx(rf"\b{_USERS}\W{{0,2}}\s*(?P<verb>crossed|passed|hit|reached|surpassed|topped"
                   rf"|at)\s+(?:the )?(?P<n>(?:{_NUM})\s?(?:k|K|M|million|thousand|billion)?)"
                   r"(?![\w%])")
USERS_MARKED = rx(rf"(?P<n>(?:{_NUM})\s?(?:k|K|M|million|thousand|billion)?)\s+{_USERS}\b"
                   r"(?=.*?(?P<verb>as of|milestone|all-time high|record|\(\+\d|MoM|WoW"
                   r"|and counting))")
USERS_LEADING = rx(r"^\W*milestone\W+")
USERS_BARE = rx(rf"(?P<verb>)(?P<n>(?:{_NUM})\s?(?:k|M|million|thousand)?)\s+{_USERS}")


def detect_users(clause: str, ctx: Context) -> Found | None:
    m = USERS_AFTER.search(clause) or USERS_BEFORE.search(clause) or USERS_MARKED.search(clause)
    if not m and USERS_LEADING.search(clause):
        m = USERS_BARE.search(clause)
    if not m:
        return None
    users = parse_count(m["n"])
    if users is None or users < 1000:
        return None
    return Found(EventType.USER_GROWTH, {"users": users}, f"Crossed {users:,} users",
                 m.start("verb") if m["verb"] else m.start())


# Tried in order: "partnership with X" is surer than "X ... partnership".
PARTNER_NAMES = tuple(re.compile(p) for p in (
    rf"(?i:partnership|agreement|deal) with (?P<n>{NAME})",
    rf"(?P<n>{NAME}) and \w+ are now partners",
    rf"(?P<n>{NAME}) agreed to (?:co-sell|resell|bundle)",
    rf"official (?P<n>{NAME}) (?:\w+ )?partner\b",
    rf"(?P<n>{NAME}) (?:(?:integration|strategic|technology|reseller) )?(?i:partnership)\b",
))
PARTNER_VERB = AnyCase(r"\b(?:signed|official|officially|live|announced|agreed|became|is now"
                       r"|are now)\b")


def detect_partnership(clause: str, ctx: Context) -> Found | None:
    verb = PARTNER_VERB.search(clause)
    if not verb:
        return None
    for pattern in PARTNER_NAMES:
        if m := pattern.search(clause):
            partner = _clean_name(m["n"])
            if partner and partner.lower() not in {"signed", "announced", "the", "our"}:
                return Found(EventType.PARTNERSHIP, {"partner": _key(partner)},
                             f"Partnership with {partner}", verb.start(), (partner,))
    return None


PRODUCT = rf"{NAME}(?: for {_CAP})?"
LAUNCH = re.compile(
    rf"(?P<a>{PRODUCT}) (?:is|went|is now|is officially)\s+(?:live\b|GA\b|generally available"
    rf"|officially out|out\b)|(?P<c>{PRODUCT}) (?:shipped|launched) to\b"
    rf"|(?i:\b(?:launched|shipped|launching|released|rolled out))\s+(?P<b>{PRODUCT})")


def detect_launch(clause: str, ctx: Context) -> Found | None:
    m = LAUNCH.search(clause)
    if not m:
        return None
    product = _clean_name(m["a"] or m["b"] or m["c"])
    if not product or product.lower() in NOT_PRODUCTS or product.lower() == ctx.company.lower() \
            or PUBLICATION.fullmatch(product):  # "the Les Echos interview is live" is press
        return None
    return Found(EventType.PRODUCT_LAUNCH, {"product": _key(product)}, f"Launched {product}",
                 m.start(), (product,))


ROLE = re.compile(r"\b(?:VP|Vice President|Head of|Chief|Director of|General Counsel|CFO|CTO"
                  r"|COO|CRO|CMO|CPO|CISO)\b")
HIRE = re.compile(
    rf"(?i:welcom\w*)(?: to)?\s+(?P<a>{PERSON}),\s+(?:our|who)"
    rf"|(?P<b>{PERSON})(?: \([^)]*\))? (?:accepted our offer|has accepted our offer|joins us"
    rf"|joined|is our new|just started|started as|starts)"
    rf"|(?:[Hh]ired|[Ww]elcomed|[Oo]ffer signed:) (?P<c>{PERSON})"
    rf"|[Ss]ay hi to (?P<d>{PERSON}), who")


def detect_hiring(clause: str, ctx: Context) -> Found | None:
    role = ROLE.search(clause)
    m = HIRE.search(clause) if role else None
    if not m or not role:
        return None
    name = _clean_name(m["a"] or m["b"] or m["c"] or m["d"])
    return Found(EventType.HIRING, {"hire": _key(name)}, f"Hired {name}", m.start(), (name,),
                 allow=frozenset({"plan"}))  # "starts Monday" is the hire, not a plan


DEAL_NAME = re.compile(
    rf"(?i:closed-won|closed|we won|won)\b:?\s+(?P<a>{NAME})"
    rf"|(?P<b>{NAME}) (?:just |finally |officially )?(?:signed\b|enterprise contract"
    rf"|is officially a customer)"
    rf"|DocuSign from (?P<c>{NAME})"
    rf"|(?:history|logo): (?P<d>{NAME})")


ANNUAL = rx(r"^\)?\s?(?:ACV|ARR|/yr|/year|per year|a year|annual|per annum)")
TOTAL = rx(r"^\)?\s?(?:TCV|total|over \d+ years)")


def _annual(clause: str, amounts: list[tuple[int, int, int]]) -> int:
    """The yearly value of a contract: an amount marked ACV or per year beats a total."""
    for value, _, end in amounts:
        if ANNUAL.search(clause[end:end + 12]):
            return value
    for value, _, end in amounts:
        if not TOTAL.search(clause[end:end + 16]):
            return value
    return amounts[0][0]


def detect_deal(clause: str, ctx: Context) -> Found | None:
    m = DEAL_NAME.search(clause)
    if not m:
        return None
    amounts = parse_money(clause)
    if not amounts and MONEY.match(ctx.next_sentence):  # "Acme signed! $480k per year."
        amounts = parse_money(ctx.next_sentence)
    customer = _clean_name(m["a"] or m["b"] or m["c"] or m["d"])
    if not amounts or not customer or customer.lower() in NOT_CUSTOMERS \
            or customer.split(" ")[0].lower() in CALENDAR:
        return None
    acv = _annual(clause, amounts)
    return Found(EventType.ENTERPRISE_DEAL, {"customer": _key(customer), "acv_usd": acv},
                 f"Signed {customer} at ${acv / 1e3:g}k ACV", m.start(), (customer,))


LATENCY = AnyCase(r"\bp99\b")
MS = r"(\d+)\s?ms\b"
LATENCY_FROM_TO = rx(rf"from {MS} to {MS}")
LATENCY_TO_FROM = rx(rf"(?:to|at) {MS},? \(?(?:from|was) {MS}")
THROUGHPUT = rx(rf"(?P<n>(?:{_NUM})\s?(?:billion|bn|B|million|M)?)\s+events\b")
THROUGHPUT_VERB = AnyCase(r"\b(?:processed|handled|crossed|record)\b")
PATENT = AnyCase(r"\bpatent\b")
PATENT_NO = re.compile(r"US\s?(?:Patent\s)?(?:No\.\s?)?(\d{1,2},\d{3},\d{3}|\d{7,8})")
PATENT_VERB = AnyCase(r"\b(?:granted|official|issued)\b")


def detect_technical(clause: str, ctx: Context) -> Found | None:
    if LATENCY.search(clause):
        m = LATENCY_FROM_TO.search(clause)
        before, after = (int(m[1]), int(m[2])) if m else (0, 0)
        if not m and (m := LATENCY_TO_FROM.search(clause)):
            after, before = int(m[1]), int(m[2])
        if m and after < before:
            return Found(EventType.TECHNICAL_ACHIEVEMENT, {"p99_latency_ms": after},
                         f"p99 latency down to {after}ms", m.start())
    if (m := THROUGHPUT.search(clause)) and (verb := THROUGHPUT_VERB.search(clause)):
        n = parse_count(re.sub(r"(?i)bn|b$", "billion", m["n"]))
        if n and n >= 10_000_000:
            return Found(EventType.TECHNICAL_ACHIEVEMENT, {"events_per_day": n},
                         f"Processed {n:,} events in a day", verb.start())
    number_text = clause if PATENT_NO.search(clause) else ctx.next_sentence[:40]
    if PATENT.search(clause) and (m := PATENT_NO.search(number_text)) \
            and PATENT_VERB.search(clause):
        number = m[1].replace(",", "")
        return Found(EventType.TECHNICAL_ACHIEVEMENT, {"patent": f"us{number}"},
                     f"Patent US {int(number):,} granted", m.start())
    return None


PLACE = re.compile(rf"\b(?P<place>{trie(list(REGIONS))})\b", re.IGNORECASE)
EXPANSION_CUE = AnyCase(r"\blive in\b|\bselling in\b|\bexpanded (?:to|into)\b|\bopened\b"
                        r"|\bnew \S+(?: \S+)? office\b|\blaunch is done\b|\bofficially open\b"
                        r"|\bup and running\b|\boffice open\b|\bour \w+ market\b"
                        r"|\bis our \w+ market\b|\bfirst customer in\b|\bselling there\b")


def detect_expansion(clause: str, ctx: Context) -> Found | None:
    cue = EXPANSION_CUE.search(clause)
    place = PLACE.search(clause) if cue else None
    if not cue or not place:
        return None
    region = _alias(place["place"], REGIONS)
    return Found(EventType.MARKET_EXPANSION, {"region": region},
                 f"Expanded to {region.title()}", cue.start(), (place["place"],))


CERT = rx(
    r"\b(?:SOC[ -]?[123](?: Type (?:II|2|I|1)\b)?|ISO(?:/IEC)?[ ]?\d{4,5}|HIPAA"
    r"|CMMC(?: Level \d)?|NIST(?: SP)? 800-\d+|BSI C5"
    r"|PCI[- ]DSS(?: Level \d)?|FedRAMP(?: (?:Low|Moderate|High))?|HITRUST(?: r2| i1)?"
    r"|CSA STAR(?: Level \d)?"
    r"|Cyber Essentials(?: Plus)?|TISAX|StateRAMP|IRAP)")
COMPLIANCE_VERB = AnyCase(r"\b(?:passed|certified|compliant|report is in|issued|is done|received"
                          r"|achieved|certification|badge|audit closed)\b")


def canonical_certification(raw: str) -> str:
    """Canonical certification id: "SOC2 Type 2" -> "soc 2 type ii", "ISO/IEC 27001" ->
    "iso 27001", "HITRUST r2" -> "hitrust"."""
    text = raw.lower().replace("/iec", "")
    text = re.sub(r"(?<![0-9])-|-(?![0-9])", " ", text)  # "PCI-DSS" but not "800-171"
    text = re.sub(r"soc ?([123])", r"soc \1", text).replace("nist sp ", "nist ")
    text = re.sub(r"iso ?(\d)", r"iso \1", text)
    text = re.sub(r"type 2\b", "type ii", re.sub(r"type 1\b", "type i", text))
    text = re.sub(r"hitrust (?:r2|i1)", "hitrust", text)
    return " ".join(text.split())


def detect_compliance(clause: str, ctx: Context) -> Found | None:
    cert = CERT.search(clause)
    verb = COMPLIANCE_VERB.search(clause) if cert else None
    if not cert or not verb:
        return None
    name = canonical_certification(cert.group())
    return Found(EventType.COMPLIANCE, {"certification": name}, f"Achieved {cert.group()}",
                 verb.start(), (cert.group(),))


PUBLICATION = re.compile(rf"(?<![\w])(?P<pub>{trie(list(PUBLICATIONS))})(?![\w])",
                         re.IGNORECASE)
MEDIA_CUE = AnyCase(r"feature on us|interview with|named us|covered (?:our|us)|article about us"
                    r"|(?:ran|wrote|published) (?:a )?(?:story|piece|profile) (?:on|about) us"
                    r"|featured in|\bwe're in\b|named to|profiled us|mentioned us"
                    r"|(?:piece|story|article|profile) on (?:us|our)\b")


# Outlets not in the list above, read from the sentence's shape instead; in an all-lower-case
# sentence the name must also be closed on the left by the shape.
_RANKING = rf"(?i:{'|'.join(PRESS_LISTS)}|[^\W\d_]+ \d+) list\b"  # Cloud 100, Tech 25
PUBLICATION_SHAPES = tuple(re.compile(p) for p in (
    rf"(?P<n>{NAME}) (?:published|ran|wrote) (?:a )?(?:feature|story|piece|profile)",
    rf"(?P<n>{NAME}) (?:named us|covered (?:us|our))",
    rf"(?:[Ii]nterview with|[Ff]eatured in|[Ww]e're in) (?P<n>{NAME})",
    rf"[Tt]he (?P<n>{NAME}) (?:article|piece|story) (?:about|on) (?:us|our)",
    rf"[Nn]amed to (?:the )?(?P<n>{_CAP}(?:\s(?:{_CAP}|\d[\w.]*))*?) {_RANKING}",  # shortest
))
PUBLICATION_SHAPES_LOWER = tuple(re.compile(p) for p in (
    rf"^\W*{_OPENER}(?P<n>{LOWER_NAME}) (?:published|ran|wrote) (?:a )?"
    r"(?:feature|story|piece|profile)",
    rf"^\W*{_OPENER}(?P<n>{LOWER_NAME}) (?:named us|covered (?:us|our))",
    rf"(?:interview with|featured in|we're in) (?P<n>{LOWER_NAME})"
    r"(?= today\b| is live\b| this morning\b|[!.,:;?]|\s*$)",
    rf"\bthe (?P<n>{LOWER_NAME}) (?:article|piece|story) (?:about|on) (?:us|our)",
    rf"\bnamed to (?:the )?(?P<n>{LOWER_NAME}) {_RANKING}",
))


def _publication(clause: str) -> tuple[str, str] | None:
    """(canonical id, as written) of the outlet named in ``clause``."""
    for m in PUBLICATION.finditer(clause):
        written = m["pub"]
        if written.lower() in {"tc", "ft", "insider", "register"} and not written.isupper() \
                and written != "Insider":
            continue  # short aliases only count written as names, not as ordinary words
        return _alias(written, PUBLICATIONS), written
    for pattern in PUBLICATION_SHAPES_LOWER if clause.islower() else PUBLICATION_SHAPES:
        if shaped := pattern.search(clause):
            written = _clean_name(shaped["n"])
            return _known(_key(written).removeprefix("the "), PUBLICATIONS), written
    return None


def detect_media(clause: str, ctx: Context) -> Found | None:
    cue = MEDIA_CUE.search(clause)
    outlet = _publication(clause) if cue else None
    if not cue or outlet is None:
        return None
    pub, written = outlet
    return Found(EventType.MEDIA_COVERAGE, {"publication": pub}, f"Covered by {written}",
                 cue.start(), (written,))


INVESTOR = re.compile(rf"(?<![\w])(?P<vc>{trie(list(INVESTORS))})(?![\w])", re.IGNORECASE)
INVESTOR_CUE = AnyCase(r"reached out|asked for (?:our|a|the)|term sheet|preempt|pinged"
                       r"|about leading|asking for a call|wants? to (?:meet|lead|invest)"
                       r"|partner meeting|intro request|\binbound\b|asking to meet|tracking us"
                       r"|would like to (?:meet|invest|lead|talk)")


# Firms not in the list above, read from the sentence's shape instead; in an all-lower-case
# sentence the name must also be closed on the right by the shape.
INVESTOR_SHAPES = tuple(re.compile(p) for p in (
    rf"(?:[Tt]erm sheet received from|[Ii]nbound interest from) (?P<n>{NAME})",
    rf"\bfrom (?P<n>{NAME})(?: reached out| emailed| pinged|[,:])",
    rf"\b(?:at|with) (?P<n>{NAME}),",
    rf"^\W*{_OPENER}(?P<n>{NAME}) (?:asked for|sent over|wants to|pinged|would like)",
))
INVESTOR_SHAPES_LOWER = tuple(re.compile(p) for p in (
    rf"(?:term sheet received from|inbound interest from) (?P<n>{LOWER_NAME})"
    r"(?= ahead\b|[!.,:;?]|\s*$)",
    rf"\bfrom (?P<n>{LOWER_NAME})(?: reached out| emailed| pinged|[,:])",
    rf"\b(?:at|with) (?P<n>{LOWER_NAME}),",
    rf"^\W*{_OPENER}(?P<n>{LOWER_NAME}) (?:asked for|sent over|wants to|pinged|would like)",
))


def _investor(clause: str) -> tuple[str, str] | None:
    """(canonical id, as written) of the firm named in ``clause``."""
    for m in INVESTOR.finditer(clause):
        written = m["vc"]
        if not (written.islower() and written in COMMON_WORD_FIRMS):
            return _alias(written, INVESTORS), written  # "index" as a plain word is no firm
    for pattern in INVESTOR_SHAPES_LOWER if clause.islower() else INVESTOR_SHAPES:
        if shaped := pattern.search(clause):
            written = _clean_name(shaped["n"])
            if written.lower() not in NOT_FIRMS:
                return _known(_key(written), INVESTORS), written
    return None


def detect_investor(clause: str, ctx: Context) -> Found | None:
    cue = INVESTOR_CUE.search(clause)
    firm = _investor(clause) if cue else None
    if not cue or firm is None:
        return None
    return Found(EventType.INVESTOR_INTEREST, {"investor": firm[0]},
                 f"Inbound interest from {firm[1]}", cue.start(), (firm[1],),
                 allow=frozenset({"plan", "hedge"}))  # interest is about intentions


SUCCESS = re.compile(
    rf"(?P<a>{NAME}) (?:just )?(?:renewed|upgraded to|expanded (?:their|its|by|to|seats)"
    rf"|doubled|tripled)"
    rf"|[Rr]enewal signed with (?P<b>{NAME})"
    rf"|[Pp]ublished the (?P<c>{NAME}) case study"
    rf"|(?P<d>{NAME}) case study (?:is live|published|went live)"
    rf"|(?P<e>{NAME}) told us\b.*\bpublic reference")
NPS = re.compile(r"\bNPS\b[^.\d]{0,30}?\b(?:hit|jumped to|came in at|is|at|reached)\s(\d{1,2})\b")


def detect_success(clause: str, ctx: Context) -> Found | None:
    if m := SUCCESS.search(clause):
        customer = _clean_name(next(g for g in m.groups() if g))
        if customer and customer.lower() not in {"renewal", "we", "the"}:
            return Found(EventType.CUSTOMER_SUCCESS, {"customer": _key(customer)},
                         f"{customer} renewed and expanded", m.start(), (customer,))
    if m := NPS.search(clause):
        return Found(EventType.CUSTOMER_SUCCESS, {"nps": int(m[1])}, f"NPS reached {m[1]}",
                     m.start())
    return None


# Each detector with the words that must appear (lower-case, at a word start) before it is worth
# running. A trailing "!" means the word must end there too ("ga!" is not "game").
# Order matters: the first detector that reads a clause wins it (a renewal is not a new deal,
# a closed round is not investor interest, a press piece about a launch is press).
RULES: tuple[tuple[Detector, tuple[str, ...]], ...] = (
    (detect_funding, ("series", "seed", "pre-seed", "round", "funds", "signatures", "raised",
                      "raises")),
    (detect_deal, ("signed", "closed", "won!", "docusign", "executed", "logo", "deal",
                   "officially a customer", "countersigned")),
    (detect_success, ("renewed", "renewal", "upgraded", "expanded", "case study", "reference",
                      "nps!", "doubled", "tripled")),
    (detect_revenue, ("arr!", "mrr!", "annual recurring", "annualized", "run-rate", "run rate")),
    (detect_investor, ("reached out", "asked for", "term sheet", "preempt", "wants to", "want to",
                       "want a partner", "partner meeting", "intro request", "inbound",
                       "asking to meet", "tracking us", "would like to", "pinged",
                       "about leading", "asking for a call")),
    (detect_hiring, ("welcom", "accepted our offer", "has accepted", "joins us", "joined",
                     "our new", "hired", "offer signed", "started as", "just started",
                     "say hi to", "starts")),
    (detect_partnership, ("partnership", "partner", "co-sell", "reseller")),
    (detect_compliance, ("soc", "iso", "hipaa", "pci", "fedramp", "hitrust", "csa star",
                         "cyber essentials", "tisax", "stateramp", "irap", "cmmc", "nist",
                         "bsi c5")),
    (detect_expansion, ("live in", "selling in", "expanded to", "expanded into", "opened",
                        "office", "launch is done", "officially open", "up and running",
                        "market", "first customer in", "selling there")),
    (detect_media, ("feature on us", "interview with", "named us", "named to", "covered",
                    "article about us", "story on us", "piece on us", "featured in", "we're in",
                    "profiled", "ran a story", "wrote a", "published a", "piece on", "story on",
                    "article on", "profile on")),
    (detect_launch, ("launched", "shipped", "launching", "released", "rolled out", "live!",
                     "ga!", "generally available", "officially out", "out of beta")),
    (detect_technical, ("p99", "events", "patent")),
    (detect_users, ("users", "signups", "mau", "monthly active", "milestone")),
)
DETECTORS: tuple[Detector, ...] = tuple(detect for detect, _ in RULES)


# Each keyword -> a bit mask of the detectors it calls for (bit i is RULES[i]).
KEYWORD_RULES: dict[str, int] = {}
for _index, (_, _keywords) in enumerate(RULES):
    for _keyword in _keywords:
        _plain = _keyword.rstrip("!")
        KEYWORD_RULES[_plain] = KEYWORD_RULES.get(_plain, 0) | 1 << _index
# The prefilter: one compiled regex of every keyword. Most mundane messages contain none, so this
# search (on the lower-cased text) is all they cost; its matches also pick the detectors to run.
PREFILTER = re.compile(r"\b" + trie([w for _, words in RULES for w in words]))
_BY_MASK: dict[int, tuple[Detector, ...]] = {}


def _detectors(mask: int) -> tuple[Detector, ...]:
    """The detectors of a bit mask, in priority order (few masks occur: each is built once)."""
    detectors = _BY_MASK.get(mask)
    if detectors is None:
        detectors = _BY_MASK[mask] = tuple(d for i, d in enumerate(DETECTORS) if mask >> i & 1)
    return detectors


def rules_for(lower: str) -> tuple[Detector, ...]:
    """The detectors whose keywords occur in ``lower`` (lower-cased text), in priority order."""
    mask = 0
    for m in PREFILTER.finditer(lower):
        mask |= KEYWORD_RULES[m.group()]
    return _detectors(mask)


SEVERITY = {
    EventType.FUNDING: Severity.HIGH, EventType.ENTERPRISE_DEAL: Severity.HIGH,
    EventType.REVENUE_MILESTONE: Severity.HIGH, EventType.TECHNICAL_ACHIEVEMENT: Severity.LOW,
    EventType.MEDIA_COVERAGE: Severity.LOW,
}
# News about someone else reads like ours ("FlowCorp raised a $40M Series B") for these types.
THIRD_PARTY_TYPES = frozenset({
    EventType.FUNDING, EventType.REVENUE_MILESTONE, EventType.USER_GROWTH,
    EventType.PRODUCT_LAUNCH, EventType.MARKET_EXPANSION, EventType.COMPLIANCE,
    EventType.TECHNICAL_ACHIEVEMENT, EventType.PARTNERSHIP,
})
def veto(found: Found, clause: str, sentence: str, company: str) -> str | None:
    """Why a found event is not a real one, or None when nothing speaks against it."""
    low_sentence = sentence.lower()
    reason = SENTENCE_CUES.first(low_sentence)
    if reason is None and any(mark in low_sentence for mark in JOKE_MARKS):
        reason = "joke"
    if reason is None and _QUESTION.search(sentence):
        reason = "question"
    if reason is not None:
        return reason
    text = _scrub(clause, found.stakeholders)
    low = text.lower()
    type_cues = TYPE_CUES.get(found.event_type)
    reason = CLAUSE_CUES.first(low) or (type_cues.first(low) if type_cues else None) \
        or PART_CUES.first(_trigger_part(low, found.trigger), found.allow)
    if reason is None and found.event_type in THIRD_PARTY_TYPES \
            and _third_party(text, low, company):
        reason = "third_party"
    return reason


_QUESTION = re.compile(r"\?[\s\W]*$")


def _third_party(text: str, low: str, company: str) -> bool:
    if THIRD_PARTY_WORDS.search(low):
        return True
    for m in THIRD_PARTY_SUBJECT.finditer(text):
        who = _clean_name(m["who"]).lower()
        if len(who) > 2 and who not in OWN_SUBJECTS and who != company.lower() \
                and not ROUND.fullmatch(who):
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Reading messages
# ---------------------------------------------------------------------------------------------

# A sentence ends at a line break, or at .!? (not in "No. 11,482,913" or "Inc."), at an emoji or
# at a Slack :shortcode: when whitespace follows. Written as one leading character class (then
# what follows each kind of end) so the regex engine skips ordinary characters quickly; it reads
# r"\n|(?:[.!?]+|[<emoji>]|:[a-z0-9_+-]+:)(?=\s)".
_EMOJI = "\U0001F300-\U0001FAFF\u2600-\u27BF"
_SENTENCE_END = re.compile(rf"[\n.!?:{_EMOJI}](?:(?<=\n)|(?<=[.!?])[.!?]*(?=\s)"
                           rf"|(?<=[{_EMOJI}])(?=\s)|(?<=:)[a-z0-9_+-]+:(?=\s))")
_NOT_AN_END = ("No.", "Inc.", "vs.", "no.")
_CLAUSE_CUT = re.compile(r";\s+|\s+but\s+|,?\s+though\b|\s+however,?\s+", re.IGNORECASE)
_BULLET = " \t-•*>"


def sentences(text: str) -> list[str]:
    """Lines, then sentences within lines; bullets trimmed. Each is a substring of ``text``."""
    return [sentence for start, end in _pieces(text) if (sentence := _trim(text[start:end]))]


def _pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of ``text`` between sentence ends, before trimming: some
    hold only blanks or bullets."""
    out: list[tuple[int, int]] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        if end.group() == "\n":
            out.append((start, end.start()))
        elif text.endswith(_NOT_AN_END, 0, end.end()):
            continue
        else:
            out.append((start, end.end()))
        start = end.end()
    out.append((start, len(text)))
    return out


def _trim(piece: str) -> str:
    return piece.strip(_BULLET).strip()


def _sentence_after(text: str, spans: list[tuple[int, int]], i: int) -> str:
    """The sentence after piece ``i``, or "" when it is the last."""
    for start, end in spans[i + 1:]:
        if sentence := _trim(text[start:end]):
            return sentence
    return ""


def _piece_rules(text: str, low: str, spans: list[tuple[int, int]],
                 first: int) -> Iterator[tuple[int, tuple[Detector, ...]]]:
    """(index, detectors) of each piece whose keywords call for detectors. ``low`` is
    ``text.lower()``; ``first`` is where the prefilter found its first keyword in it."""
    if not text.isascii():  # lower() may change lengths: read each sentence on its own
        for i, (start, end) in enumerate(spans):
            if detectors := rules_for(_trim(text[start:end]).lower()):
                yield i, detectors
        return
    # One scan of the whole text: a keyword never spans two pieces (keywords hold no sentence
    # end) nor reaches into the blanks and bullets trimmed off a piece (they start and end
    # with letters), so each match reads as it would in its sentence alone.
    i, mask = 0, 0
    for m in PREFILTER.finditer(low, first):
        if m.start() >= spans[i][1]:
            if mask:
                yield i, _detectors(mask)
                mask = 0
            while m.start() >= spans[i][1]:
                i += 1
        mask |= KEYWORD_RULES[m.group()]
    if mask:
        yield i, _detectors(mask)


def _subject(message: Message) -> str:
    if message.subject:
        return message.subject
    head = message.text.partition("\n")[0]
    return head[8:].strip() if head.lower().startswith("subject:") else ""


@dataclass(frozen=True, slots=True)
class Hit:
    """An accepted reading of one message: what was found and the sentence that says it."""

    found: Found
    evidence: str
    message: Message


def read_message(message: Message, company: str) -> tuple[list[Hit], list[tuple[str, str]]]:
    """Every event one message states, and every near-event it rejected with the reason."""
    low = message.text.lower()
    first = PREFILTER.search(low)
    if first is None:
        return [], []
    return _read(message, company, low, first.start())


def _read(message: Message, company: str, low: str,
          first: int) -> tuple[list[Hit], list[tuple[str, str]]]:
    """``read_message`` past the prefilter: ``low`` is the lower-cased text, ``first`` where its
    first keyword starts."""
    hits: list[Hit] = []
    rejected: list[tuple[str, str]] = []
    text = message.text
    spans = _pieces(text)
    subject: str | None = None
    flagged: str | bool | None = False  # computed once, and only for a message with a hit
    for i, detectors in _piece_rules(text, low, spans, first):
        sentence = _trim(text[spans[i][0]:spans[i][1]])
        if subject is None:
            subject = _subject(message)
        ctx = Context(company, subject, _sentence_after(text, spans, i))
        for clause in _clauses(sentence):
            found = _detect(detectors, clause, ctx)
            if found is None:
                continue
            if flagged is False:
                # A message that talks to the model proves nothing, in any of its sentences.
                flagged = injection_reason(f"{message.subject or ''}\n{message.text}")
            reason = f"injection: {flagged}" if flagged else veto(found, clause, sentence,
                                                                    company)
            if reason is None:
                hits.append(Hit(found, sentence, message))
            else:
                rejected.append((message.id, f"{reason}: {sentence[:120]}"))
    return hits, rejected


def _clauses(sentence: str) -> list[str]:
    """Clauses at ";" and "but"; "X and Y" splits too when both halves carry a keyword, so
    "closed our Series A and hired a CFO" yields two events while "renewed and expanded" stays
    one statement about one customer."""
    out = []
    low = sentence.lower()  # no cut without one of these words, so skip the costlier split
    cut = ";" in sentence or "but" in low or "though" in low or "however" in low
    for clause in _CLAUSE_CUT.split(sentence) if cut else (sentence,):
        halves = clause.split(" and ")
        if len(halves) == 1:
            out.append(clause)
            continue
        current = halves[0]
        for half in halves[1:]:
            if PREFILTER.search(current.lower()) and PREFILTER.search(half.lower()) \
                    and _has_subject_or_verb(half):
                out.append(current)
                current = half
            else:
                current = f"{current} and {half}"
        out.append(current)
    return out


def _has_subject_or_verb(half: str) -> bool:
    """The right side of "and" reads as its own statement, not "renewed and expanded 40%"."""
    return len(half.split()) >= 3


def _detect(detectors: tuple[Detector, ...], clause: str, ctx: Context) -> Found | None:
    for detector in detectors:
        found = detector(clause, ctx)
        if found is not None:
            return found
    return None


@dataclass
class _Merged:
    """Mentions of one event within a batch."""

    hit: Hit
    ids: list[str] = field(default_factory=list)
    stakeholders: dict[str, None] = field(default_factory=dict)

    def add(self, hit: Hit) -> None:
        if hit.message.id not in self.ids:
            self.ids.append(hit.message.id)
        self.stakeholders.update(dict.fromkeys(hit.found.stakeholders))


def fingerprint(company: str, found: Found) -> str:
    """The fingerprint of the event one mention states: its own type, metrics (and, were they
    empty, title), never another mention's, so mentions merge alike in any batching."""
    return canonical_fingerprint(company, found.event_type.value, found.metrics, found.title)


# The longest title an event may carry (SignificantEvent.title); a name read from an odd message
# can run longer, and one such event must not fail its whole batch and lose its neighbours.
_MAX_TITLE = 300


def _fit(title: str) -> str:
    return title if len(title) <= _MAX_TITLE else title[:_MAX_TITLE - 1].rstrip() + "\u2026"


class RulesExtractor(Extractor):
    """Offline extractor for all 13 event types; deterministic, stateless, thread-safe."""

    name = "rules"
    inline = True  # microseconds a batch: a thread hop would cost more than the work
    canonical_fingerprints = True  # metrics hold only an event's identity, in canonical form

    @classmethod
    def from_settings(cls, settings: Settings) -> RulesExtractor:
        """Nothing to configure: rules need no key, model or network."""
        return cls()

    def extract(self, batch: Batch) -> Extraction:
        """Read every message of ``batch``; mentions of one event within it become one event."""
        started = time.perf_counter()
        merged: dict[str, _Merged] = {}
        rejected: list[tuple[str, str]] = []
        for message in batch.messages:
            low = message.text.lower()
            first = PREFILTER.search(low)
            if first is None:
                continue  # most messages: one scan finds no keyword, there is nothing to read
            hits, dropped = _read(message, batch.company_id, low, first.start())
            rejected.extend(dropped)
            for hit in hits:
                entry = merged.setdefault(fingerprint(batch.company_id, hit.found),
                                          _Merged(hit))
                entry.add(hit)
        events = [self._event(batch.company_id, fp, entry) for fp, entry in merged.items()]
        usage = BatchUsage(
            batch_id=batch.id, provider="rules", model=MODEL, messages=len(batch.messages),
            sent_messages=len(batch.messages), latency_ms=(time.perf_counter() - started) * 1e3,
            events_proposed=len(events) + len(rejected), events_rejected=len(rejected))
        return Extraction(events=events, usage=usage, rejected=rejected)

    @staticmethod
    def _event(company: str, fp: str, entry: _Merged) -> SignificantEvent:
        found = entry.hit.found
        mentions = len(entry.ids)
        return SignificantEvent(
            company_id=company, event_type=found.event_type,
            severity=SEVERITY.get(found.event_type, Severity.MEDIUM), title=_fit(found.title),
            description=f"{found.title}. Stated in {mentions} message(s) of this batch.",
            metrics=dict(found.metrics), timeline=entry.hit.message.timestamp.date().isoformat(),
            stakeholders=list(entry.stakeholders), source_message_ids=list(entry.ids),
            evidence=entry.hit.evidence, confidence=min(0.95, 0.75 + 0.05 * (mentions - 1)),
            extractor="rules", fingerprint=fp)


def iter_hits(messages: list[Message], company: str) -> Iterator[Hit]:
    """Every accepted reading in ``messages``, for debugging and benchmarks."""
    for message in messages:
        yield from read_message(message, company)[0]
