"""A cheap first pass that decides which messages of a batch are worth the LLM's tokens.

Most company chatter (scheduling, lunch, standups, tickets) cannot hold an investor-grade event.
Triage keeps a message when it carries a *strong* cue (the wording of an announcement, a round, a
hire, a launch, a lowlight) or *two* weak ones of different kinds (a figure with a unit, "deal",
"revenue", "customers"...), or when the offline rules extractor found an event in it; a message
next to a kept one is also kept when it has a weak cue of its own (a reply such as "they signed
it" or "$95k/yr" carries the context of the message before it). It is tuned for recall on the
real-text corpus (``bench/triage.py``): a false candidate costs a few tokens, a missed one costs
an event; but a lone percentage or the word "deal" is in every ops email and would send them all.

The lexicon misses news written as terse third-person headlines ("Glencore sells agri unit stake
for $2.5bn") and sends much routine mail that happens to hold a cue. With a learned scorer
(``signalpipe.extract.learned``), a message is also sent when its score reaches ``send_at``, and a
lexicon candidate is dropped when its score is below ``keep_at`` (the model reads it as
routine). Both thresholds are chosen on the dev split by leave-one-source-out, so they are set
for sources the model did not see (``bench/triage.py --choose``). Very short chatter with no cue
("ok", "thanks!", "standup in 5") cannot hold an event and is never scored.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from itertools import islice
from typing import Protocol, Self

from signalpipe.errors import SignalpipeError
from signalpipe.extract.base import Extractor
from signalpipe.extract.learned.features import message_text
from signalpipe.extract.rules import RulesExtractor
from signalpipe.models import Batch, Message
from signalpipe.settings import Settings

logger = logging.getLogger(__name__)

# Each family names the business sense of its words: "closed ticket #12", "signed the NDA" and
# "join us at 4" are routine. One strong family is enough to send a message.
_STRONG = {
    "funding": r"(?:closed|raised?|raising|signed|completed?|secured?|announc\w*|led)\s+"
               r"(?:\w+\s+){0,4}(?:series|seed|round|funding|financing|investment|bridge)"
               r"|(?:series\s+[a-e]|seed|round|financing)\s+(?:\w+\s+){0,3}(?:closed|led\s+by|is\s+done"
               r"|signed)|pre-seed|seed\s+(?:round|funding|investment|extension)"
               r"|term\s?sheet|valuation|funding|fundrais|led\s+by|\bsafe\b"
               r"|raised\s+(?:over\s+|more\s+than\s+|nearly\s+|about\s+)?(?:[$€£]|usd|\d)"
               r"|bridge\s+(?:round|loan)|down\s+round|oversubscribed",
    "investor": r"data\s+room|asked\s+for\s+(?:our|the)\s+deck|pre-?empt|out\s+of\s+the\s+blue"
                r"|unprompted|inbound\s+(?:from|interest)|wants?\s+to\s+(?:invest|lead)"
                r"|(?:emailed|contacted|approached|pinged|reached\s+out\s+to)\s+(?:me|us)\s+"
                r"(?:directly|about)|reached\s+out\s+about\s+(?:the|our)",
    "announce": r"announc|\bexcited\s+to|\bpleased\s+to|\bthrilled|\bproud\s+to|happy\s+to\s+share"
                r"|introduc(?:e|ing)\b|unveil|\bdebut|open[- ]sourc"
                r"|\b(?:publicly|generally)\s+available|now\s+(?:available|supports?|live|offers?|open)"
                r"|\bis\s+(?:here|available)|\bis\s+out\b(?!\s+(?:of|sick|today|on|for))"
                r"|are\s+(?:here|available)|available\s+(?:now|today|in|for|on)|\blaunch"
                r"|(?:is|went|go(?:es)?|now)\s+live|general\s+availability|\bGA\b|shipped|\breleas"
                r"|rolled\s+out|rolling\s+out|public\s+beta|\bv\d+\.\d+|version\s+\d|📣",
    "partnership": r"partnership|partnered|partnering|partners?\s+with|(?:technology|official"
                   r"|strategic|channel|integration|launch|premier|preferred)\s+partner"
                   r"|partner\s+(?:program|network|ecosystem|directory)|integration\s+with"
                   r"|integrates?\s+with|alliance|reseller"
                   r"|marketplace|co-market|\bselect(?:s|ed)\b|\bchose\b|\bchooses\b"
                   r"|\bdeploy(?:s|ed)\s+(?!to\b)|turns?\s+to\b|\badopt(?:s|ed)\b|\bteam(?:s|ed)\s+up",
    "hiring": r"\bjoin(?:ed|s|ing)\s+(?:us|as|the|our)\b|welcome\s+(?:to\s+the|our|aboard|\w+,)"
              r"|\bhired\b|\bhires\b|accepted\s+(?:our|the)\s+offer|offer\s+accepted|said\s+yes"
              r"|\bappoint|latest\s+addition|new\s+addition|starts\s+(?:on\s+)?monday",
    "expansion": r"selling\s+in\b|new\s+(?:\w+\s+)?(?:region|country|office)s?\b"
                 r"|first\s+customer|opened\s+(?:an?\s+|our\s+)?(?:office|hub)"
                 r"|\bexpand(?:s|ing|ed)?\s+(?:\w+\s+){0,3}(?:to|into|in)\b|\bexpansion\s+(?:to|into)"
                 r"|entering|\b(?:emea|apac|latam)\b"
                 r"|open\s+for\s+business|live\s+in\b|data\s+cent(?:er|re)s?|\bopens\b"
                 r"|\b(?:office|hub|store|branch|region)\s+(?:is\s+)?(?:now\s+)?(?:open|live)\b",
    "compliance": r"no\s+exceptions|clean\s+(?:\w+\s+){0,4}(?:report|opinion)|certified"
                  r"|certification|attestation|passed\s+(?:\w+\s+){0,4}audit"
                  r"|audit\s+(?:passed|complete|report|opinion)|(?:soc\s?2|iso\s?27001|hipaa"
                  r"|fedramp|pci)[^.\n]{0,40}(?:report|complian|passed|achiev|attest|opinion)"
                  r"|clinical\s+trial|\bfda\b|approv(?:al|ed)\b",
    "press": r"techcrunch|forbes|bloomberg|wall\s+street|\bwsj\b|reuters|business\s+insider"
             r"|\bpress\b|article|covered\s+(?:us|our|the\s+launch)|coverage|featured|feature\s+(?:on|about)\s+us"
             r"|named\s+(?:us|to|in|one|a)|\baward|ranked|podcast|interview|wrote\s+about\s+us|ran\s+(?:our|a)\s+(?:story|piece|feature)"
             r"|piece\s+(?:is\s+up|on\s+us|about\s+us)|story\s+(?:on|about)\s+us"
             r"|mentioned\s+us|gartner|forrester|gigaom|magic\s+quadrant|\bas\s+a\s+leader"
             r"|shark\s+tank|\bon\s+(?:tv|cnbc|npr|bbc)\b",
    "growth": r"milestone|all[- ]time\s+high|doubl(?:ed|ing)|tripl(?:ed|ing)|\bgrew\b"
              r"|\b(?:reached|topped|went\s+past|past|over)\s+[\d,.]+\s?(?:k|m|thousand|million)?\+?"
              r"\s+(?:\w+\s+){0,2}(?:users|customers|subscribers|signups|members|accounts)"
              r"|\bup\s+\d+(?:\.\d+)?\s?(?:%|x\b|percent)|\d\s?%\s+(?:mom|wow|yoy|qoq)\b"
              r"|(?:month|year|week|quarter)[- ]over[- ](?:month|year|week|quarter)"
              r"|grow(?:ing|n)\s+(?:\w+\s+){0,3}from\s+[\d,.]+k?\s+to\s+[\d,.]+k?"
              r"|crossed|surpass|passed\s+\d|\d+x\s+(?:growth|faster)"
              r"|now\s+(?:have|at|serving)\s+[\d,.]+\s?(?:k|m|thousand|million)?\+?\s+(?:\w+\s+){0,2}"
              r"(?:users|customers|subscribers|members|accounts|teams)\b",
    "customers": r"case\s+study|testimonial|public\s+reference|reference\s+customer|\bnps\b"
                 r"|\bcsat\b|\bhow\s+\S+(?:\s+\S+)?\s+(?:uses|implements|built|scaled)\b"
                 r"|customer\s+story|(?:uses|using|runs|running)\s+\S+\s+in\s+production|\brenew(?:ed|al|s)\b",
    "engineering": r"(?:latency|\bp\d\d\b|uptime|throughput|response\s+times?)\D{0,40}"
                   r"\d+(?:\.\d+)?\s?(?:ms|s\b|%|x\b|seconds)|requests\s+per|\b[rq]ps\b"
                   r"|patent|scaled?\s+to|faster\s+than|\bcut\s+(?:our\s+)?\w+\s+by",
    "corporate": r"acquisition|acquired?\b|acquires|acquiring|\bipo\b|merger|merg(?:e|es|ing)\b"
                 r"|board\s+(?:seat|member|approved)|come\s+together|brings?\s+\w+\s+firms",
    "lowlight": r"\blost\s+(?:the\s+|a\s+|our\s+)?(?:deal|customer|account|contract|\w+\s+to)"
                r"|\bchurned|\bchurning|\bcancel+(?:ed|ing|s)?\b|not\s+renew|non-renewal|laid\s+off|layoffs?"
                r"|\blet\s+\w+\s+(?:people\s+)?go\b|hiring\s+freeze|resign|step(?:s|ped|ping)\s+down"
                r"|\bleaving\b|departure|\boutage|\bdowntime|was\s+down|were\s+down|breach"
                r"|security\s+incident|\bincidents?\b|degradation|degraded|unusable|missed\s+(?:the\s+|our\s+)?(?:target|plan|goal)"
                r"|\bfined\b|penalt|lawsuit|\bsued\b|ordered\s+to\s+pay|compensation|recall"
                r"|shut(?:ting)?\s+down|bankrupt|passed\s+away|delayed|\bslipped\b"
                r"|pushed\s+(?:back|out)\b"
                r"|said\s+goodbye\s+to\s+\d|(?:did\s+not|didn't|not)\s+pass\b"
                r"|signed\s+with\s+\w+(?:\s+\w+)?\s+instead|went\s+with\s+(?:\w+\s+){0,2}instead"
                r"|missed\s+(?:q[1-4]|plan|the\s+quarter|our\s+number)"
                r"|failed\s+(?:the\s+|our\s+|an?\s+)?(?:\w+\s+)?(?:audit|inspection|to\s+(?:close|raise"
                r"|renew|hit|meet))",
}
# Weak families: each is routine on its own (a percentage in an ops report, "contract" in a
# trading desk's email, a rocket emoji on a deploy); two of different kinds make a candidate.
_WEAK = {
    "money": r"(?:[$€£]|\b(?:usd|eur|gbp)\s?)\d[\d,.]*\s?"
             r"(?:k|m|mm|bn?|thousand|million|billion)\b"
             r"|[$€£]\s?\d{1,3}(?:,\d{3})+|\d[\d,.]*\s?(?:million|billion)\b"
             r"|\d[\d,.]*\s?(?:k|m|mm)\s*(?:/\s?(?:yr|year|mo|month)\b|(?:acv|arr|mrr|tcv|per\s+year"
             r"|a\s+year|annual))",
    "percent": r"\d+(?:\.\d+)?\s?(?:%|percent\b)",
    "count": r"\d[\d,.]*\s?(?:k|m|thousand|million)?\+?\s+(?:[a-z-]+\s+){0,2}"
             r"(?:users|customers|signups|seats|accounts|subscribers|downloads|installs|stars"
             r"|members|teams|companies|employees|logos|actives|people)\b|\b[dwm]au\b",
    "revenue": r"\b(?:arr|mrr|acv|tcv|revenue|bookings|closed-won|run[- ]?rate|profitab"
               r"|break[- ]?even|nrr|sales)\b|net\s+(?:revenue\s+)?retention",
    "deal": r"\bsigned\b|contract|\bdeal\b|\bclosed\b|\bloi\b|letter\s+of\s+intent|\bpilot\b"
            r"|enterprise|purchase\s+order|order\s+form|upgraded|upsell|\bwon\b|\bwins?\b|\binked\b",
    "investors": r"investors?\b|\bvc\b|\bangels?\b|reached\s+out|inbound|data\s+room"
                 r"|wants?\s+to\s+(?:meet|invest|chat|talk|lead)|intro(?:duction)?\s+(?:to|from)"
                 r"|partner\s+at|\bfund\b|series\s+[a-e]\b|\bseed\b",
    "growth": r"\brecord\b|\bgrowing\b|\bhit\s+[$€£]?\d|from\s+[\d,.]+k?\s+to\s+[\d,.]+k?\b"
              r"|\bchurn\b|\bpartner|\bcompliance|soc\s?2|iso\s?27001|hipaa|gdpr|\bpci\b|fedramp"
              r"|\baudit|head\s+of|latency|\bp\d\d\b|uptime|throughput|\bexpan|\bvp\b|chief\s+\w+\s+officer|\b(?:ceo|cto|cfo|coo|cmo|cro)\b",
    "cheer": r"[🎉🚀📈🙌💰🔔🤝✅🥂💯🔥👋🚢]|:tada:|:rocket:|:raised_hands:"
             r"|:chart_with_upwards_trend:",
    "news": r"officially|\bofficial\b|\bfirst\b|\bfinally\b|\bhuge\b|\bbig\s+(?:news|win)"
            r"|\bnew\s+(?!\w+\s+(?:ticket|bug|issue|pr|meeting))",
}
_CONTEXT_FAMILIES = ("money", "count", "deal")
_STRONG_RX = re.compile("|".join(f"(?:{rx})" for rx in _STRONG.values()), re.IGNORECASE)
_WEAK_RX = {name: re.compile(rx, re.IGNORECASE) for name, rx in _WEAK.items()}
SEND_AT = 0.5
"""Learned score at which a message is sent whatever the lexicon says (bench/triage.py --choose)."""
KEEP_AT = 0.44
"""Learned score below which a lexicon candidate is dropped as routine."""
_CHATTER_WORDS = 3
_WORD = re.compile(r"[^\W_]+")


class Scorer(Protocol):
    """What triage needs of a learned model: P(the text states an event)."""

    def score(self, text: str) -> float: ...


CONTEXT_CHARS = 280
"""A neighbour longer than this is a message of its own, not a reply that completes another."""


def _text(message: Message) -> str:
    # the learned scorer was trained on exactly this string (one function for both)
    return message_text(message.subject, message.text)


def _weak(text: str) -> int:
    return sum(1 for rx in _WEAK_RX.values() if rx.search(text))


def _candidate(text: str) -> bool:
    return bool(_STRONG_RX.search(text)) or _weak(text) >= 2


def _few_words(text: str) -> bool:
    """At most three words, without listing every word of a long message to count them."""
    return next(islice(_WORD.finditer(text), _CHATTER_WORDS, None), None) is None


def weak_cues(message: Message) -> int:
    """How many weak families a message mentions."""
    return _weak(_text(message))


def is_candidate(message: Message) -> bool:
    """True when a message has a strong cue, or weak cues of two different kinds."""
    return _candidate(_text(message))


# A build or deploy status said in chat is engineering routine, never an event (LABELLING.md);
# the learned scorer, trained on chat where short lines often are news ("2.4 is out"), can score
# "the build is green again" above its send threshold.
_BUILD_STATUS = re.compile(
    r"\W*(?:the |our |and |ok,? |fyi,? )*(?:build|builds|ci|tests|test suite|pipeline|main|master"
    r"|nightly|staging(?: deploy)?|deploy|checks)(?:'s| (?:is|are|was|were|went|looks?|seems?)"
    r")? (?:(?:all|now|back|finally|still) )*(?:green|red|passing|failing|broken|fixed|flaky|fine"
    r"|ok|back up|up again)\b[^\d]{0,30}$", re.IGNORECASE)


def is_chatter(message: Message) -> bool:
    """Too short to hold an event ("ok", "thanks!", "standup in 5"): at most three words and no
    lexicon cue. The learned score of so few words is noise, so it is not asked."""
    text = _text(message)
    return _few_words(text) and not _candidate(text)


def is_context(message: Message) -> bool:
    """A short message with a figure or a deal word: a reply that may complete the message next
    to it ("they signed it", "2 yrs at 95k/yr")."""
    text = _text(message)
    return len(message.text) <= CONTEXT_CHARS and any(
        _WEAK_RX[name].search(text) for name in _CONTEXT_FAMILIES)


def with_neighbours(indices: set[int], messages: Sequence[Message], *, radius: int = 1
                    ) -> list[int]:
    """The indices plus context messages (``is_context``) within `radius` of one, in order."""
    size = len(messages)
    keep = set(indices)
    for i in indices:
        keep |= {j for j in range(i - radius, i + radius + 1)
                 if 0 <= j < size and j not in keep and is_context(messages[j])}
    return sorted(keep)


class Triage:
    """Picks what to send: lexicon candidates, learned-score hits and rule hits, with the
    replies around them."""

    def __init__(self, *, rules: Extractor | None = None, radius: int = 1,
                 scorer: Scorer | None = None, lexicon: bool = True,
                 send_at: float = SEND_AT, keep_at: float = KEEP_AT) -> None:
        self.rules = rules
        self.radius = radius
        self.scorer = scorer
        self.lexicon = lexicon
        self.send_at = send_at
        self.keep_at = keep_at

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """The lexicon with the shipped learned scorer (``llm.triage_learned``); with
        ``llm.triage_rules`` the rules extractor's hits are candidates too."""
        scorer = None
        if settings.llm.triage_learned:
            from signalpipe.extract.learned import default_scorer

            scorer = default_scorer()
        rules = RulesExtractor.from_settings(settings) if settings.llm.triage_rules else None
        return cls(rules=rules, scorer=scorer)

    def wants(self, message: Message) -> bool:
        """Whether `message` is a candidate in its own right (before neighbours and rules)."""
        text = _text(message)  # built once: a message may be a megabyte
        if self.scorer is None:
            return self.lexicon and _candidate(text)
        if (_few_words(text) or _BUILD_STATUS.match(text)) and not _candidate(text):
            return False  # chatter (is_chatter), or a CI status ("the build is green again")
        score = self.scorer.score(text)
        return score >= self.send_at or (self.lexicon and score >= self.keep_at
                                         and _candidate(text))

    def select(self, batch: Batch) -> list[Message]:
        """The messages of `batch` worth sending to the LLM, in batch order (maybe none)."""
        messages: Sequence[Message] = batch.messages
        hits = {i for i, m in enumerate(messages) if self.wants(m)}
        # A rule hit counts as one more weak cue: alone it would send every templated metric
        # line the rules misread, while the lexicon already covers what the rules find.
        hits |= {i for i in self._rule_hits(batch) if weak_cues(messages[i]) >= 1}
        return [messages[i] for i in with_neighbours(hits, messages, radius=self.radius)]

    def _rule_hits(self, batch: Batch) -> set[int]:
        if self.rules is None:
            return set()
        try:
            found = self.rules.extract(batch)
        except SignalpipeError as exc:  # triage must not fail a batch the LLM could still read
            logger.warning("rules triage failed on batch %s: %s", batch.id, exc)
            return set()
        cited = {i for e in found.events for i in e.source_message_ids}
        return {i for i, m in enumerate(batch.messages) if m.id in cited}
