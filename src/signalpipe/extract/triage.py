"""A cheap first pass that decides which messages of a batch are worth the LLM's tokens.

Most company chatter (scheduling, lunch, standups) cannot hold an investor-grade event. Triage keeps
messages that mention a figure with a unit or a business keyword, plus their neighbours (a
reply often carries the context of the message before it), and drops the rest. It is tuned for
recall: a false candidate costs a few tokens, a missed one costs an event.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Sequence
from typing import Self

from signalpipe.errors import SignalpipeError
from signalpipe.extract.base import Extractor
from signalpipe.models import Batch, Message
from signalpipe.settings import Settings

logger = logging.getLogger(__name__)

# Phrases rather than bare words: "closed ticket #12", "signed the NDA" and "join us at 4" are
# routine, so each family below names the business sense of its words.
_SIGNALS = {
    "money": r"(?:[$€£]|\b(?:usd|eur|gbp)\s?)\d[\d,.]*\s?"
             r"(?:k|m|mm|bn?|thousand|million|billion)\b"
             r"|[$€£]\s?\d{1,3}(?:,\d{3}){2,}|\d[\d,.]*\s?(?:million|billion)\b"
             r"|\d[\d,.]*\s?(?:k|m|mm)\s+(?:acv|arr|mrr|tcv|per\s+year|a\s+year|annual)",
    "percent": r"\d+(?:\.\d+)?\s?(?:%|percent\b)",
    "count": r"\d[\d,.]*\s?(?:k|thousand|million)?\+?\s+(?:[a-z-]+\s+){0,2}"
             r"(?:users|customers|signups|seats|accounts|subscribers|downloads|installs"
             r"|members|teams|companies|employees|hours)\b",
    "funding": r"series[\s-]+[a-e]\b|seed\s+(?:round|funding|investment|extension)|pre-seed"
               r"|term\s?sheet|valuation|funding|fundrais|\braised\b|round\s+(?:closed|led)"
               r"|led\s+by|investors?\b|\bvc\b|\bangels?\b|cap\s+table",
    "revenue": r"\b(?:arr|mrr|acv|tcv|revenue|bookings|closed-won|run[- ]?rate|profitab"
               r"|break[- ]?even|nrr)\b"
               r"|net\s+(?:revenue\s+)?retention",
    "growth": r"milestone|\brecord\b|all[- ]time\s+high|doubled|tripled|\bgrew\b|crossed"
              r"|surpassed|passed\s+\d",
    "launch": r"\blaunch|officially\s+\w+|(?:is|went|now)\s+live|generally\s+available"
              r"|general\s+availability|\bGA\b|shipped|released|public\s+beta|rolled\s+out",
    "partnership": r"\bpartner|integration\s+with|integrates?\s+with"
                   r"|alliance|reseller|marketplace|co-market",
    "hiring": r"\bjoined\b|joins\s+(?:us|as)|joining\s+(?:us|as)|welcome\s+(?:to\s+the|our|aboard)"
              r"|\bhired\b|accepted\s+(?:our|the)\s+offer|offer\s+accepted|head\s+of|\bvp\b"
              r"|chief\s+\w+\s+officer|\b(?:cto|cfo|coo|cmo|cro)\b",
    "deal": r"signed\s+(?:with|a|an|our|on|up\s+as|the\s+(?:deal|contract|msa|loi|order))\b"
            r"|(?-i:signed\s+[A-Z])|contract|\bdeal\b|closed\s+(?:the|a|an|our)\s+\w+\s*"
            r"(?:deal|round|contract|series|seed)|closed\s+(?:the|a|an|our)\s+(?:deal|round)"
            r"|\bloi\b|letter\s+of\s+intent|\bpilot\b|enterprise|purchase\s+order|upgraded"
            r"|upsell|renewed|\bsigned\s*(?:[!.]|at\b)",
    "expansion": r"\bmarkets?\b|selling\s+in\b|new\s+(?:\w+\s+)?(?:region|country|office)"
                 r"|first\s+customer|localized|opened\s+(?:an?\s+|our\s+)?(?:office|hub)"
                 r"|expand(?:ing|ed)\s+(?:to|into)|entering"
                 r"|\b(?:emea|apac|latam)\b|international|up\s+and\s+running"
                 r"|open\s+for\s+business|live\s+in\b",
    "compliance": r"soc\s?2|iso\s?27001|hipaa|gdpr|\bpci\b|fedramp|certified|certification"
                  r"|passed\s+(?:the\s+|our\s+)?(?:\w+\s+)?audit|audit\s+(?:passed|complete)",
    "press": r"techcrunch|forbes|bloomberg|wall\s+street|\bwsj\b|reuters|business\s+insider"
             r"|\bpress\b|article|covered|coverage|publish|featured|feature\s+(?:on|about)\s+us"
             r"|named\s+(?:us|to|in|one)|\baward|ranked|podcast|interviewed|interview\s+with"
             r"|wrote\s+about\s+us|mentioned\s+us",
    "investors": r"reached\s+out|inbound|wants?\s+to\s+(?:meet|invest|chat|talk)"
                 r"|intro(?:duction)?\s+(?:to|from)|partner\s+at|pre-?empt",
    "customers": r"case\s+study|testimonial|public\s+reference|reference\s+customer|\bnps\b"
                 r"|\bcsat\b|saves?\s+(?:them|their|us)|hours\s+a\s+week|churn|retention",
    "engineering": r"latency|\bp9[59]\b|uptime|throughput|requests\s+per|\b[rq]ps\b|benchmark"
                   r"|patent|\d+x\s+faster|scaled?\s+to",
    "corporate": r"acquisition|acquired|acquiring|\bipo\b|merger|board\s+(?:seat|member|approved)",
}
_KEYWORDS = re.compile("|".join(f"(?:{rx})" for rx in _SIGNALS.values()), re.IGNORECASE)


def is_candidate(message: Message) -> bool:
    """True when a message mentions a business keyword or a figure with a unit."""
    return bool(_KEYWORDS.search(f"{message.subject or ''} {message.text}"))


def with_neighbours(indices: set[int], size: int, *, radius: int = 1) -> list[int]:
    """The indices plus those within `radius` of one, in order, inside ``range(size)``."""
    keep = {j for i in indices for j in range(i - radius, i + radius + 1) if 0 <= j < size}
    return sorted(keep)


class Triage:
    """Picks what to send: keyword candidates and rule hits, each with its neighbours."""

    def __init__(self, *, rules: Extractor | None = None, radius: int = 1) -> None:
        self.rules = rules
        self.radius = radius

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        """Also use the offline rules extractor's hits as candidates when it is installed."""
        try:
            module = importlib.import_module("signalpipe.extract.rules")
        except ImportError:
            return cls()
        rules_class = getattr(module, "RulesExtractor", None)
        if rules_class is None:
            return cls()
        rules: Extractor = rules_class.from_settings(settings)
        return cls(rules=rules)

    def select(self, batch: Batch) -> list[Message]:
        """The messages of `batch` worth sending to the LLM, in batch order (maybe none)."""
        messages: Sequence[Message] = batch.messages
        hits = {i for i, m in enumerate(messages) if is_candidate(m)}
        hits |= self._rule_hits(batch)
        return [messages[i] for i in with_neighbours(hits, len(messages), radius=self.radius)]

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
