"""Words that turn a statement into something that did not (yet) happen to us.

Every extractor runs the same checks (``reported_not_happened`` is also applied to LLM output):
plans and hopes, hypotheticals, negations, questions, rumours, old news, and text that is
quoted, translated, templated, role-played or a test rather than reported.

Cues are looked for in the clause that holds the event's trigger, with a little of what comes
before it in the sentence, so "Not gonna lie, we closed our Series A" keeps its event while
"If Acme signs, we'd hit $2M ARR" does not.
"""

from __future__ import annotations

import re
from datetime import date

_I = re.IGNORECASE


def _rx(pattern: str) -> re.Pattern[str]:
    """For lower-cased text: every check below lower-cases what it is given."""
    return re.compile(pattern)


PLAN = _rx(
    r"\b(?:will(?:ing)?\b|won't|shall|'ll|going to|gonna|(?<!paid )(?<!pro )(?<!free )"
    r"(?<!premium )(?<!team )(?<!business )(?<!pricing )(?<!annual )"
    r"plan(?:s|ned|ning)? (?:to|for|on)\b"
    r"|aim(?:s|ing)? (?:to|for)"
    # "we are looking to start operations in Brazil": a wish; "looking to the future" is none
    r"|looking to (?!the\b)"
    r"|hop(?:e|es|ing|efully)|target(?:s|ing)?\b|goal\b|goals|expect(?:s|ing)?|expected to"
    r"|should|could|would|might|(?<!in )(?<!across )(?<!since )(?<!from )(?<!early )(?<!late )"
    # "May was our biggest month ever", "May 2020 saw": the month, not a modal verb
    r"(?<!mid-)(?<!of )(?<!on )may\b(?! (?:was|saw|brought|ended|closed|marked|\d))"
    r"|intend|on track (?:to|for)|next (?:week|month|quarter"
    # a month's own spellings only: "led by Jane Roe" and "by Mark" name people, not deadlines
    r"|year|sprint)|by (?:q[1-4]|eoy|eoq|end of|the end of|year[- ]end|(?:jan(?:uary)?"
    r"|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b)|forecast|projected|projection"
    r"|(?:in (?:the|our|my|their) |sales |deal |revenue |(?:our|the) \$[\d.]+\w* )pipeline\b"
    r"|(?<!true )(?<!full )potential(?:ly)?"
    r"|considering|exploring|in talks|in discussions?|discuss(?:ing)?|pending|wish"
    # "I wanted to share that we passed 59k users" frames news, it plans nothing
    r"|want(?:s|ed)? to(?! (?:share|let (?:you|everyone|you all|the team) know|tell|announce|say"
    r"|thank|update|give you an update|flag|celebrate))"
    r"|need(?:s|ed)?\b|require[sd]?\b|wants? us to|asked us to|at risk|risk of|trying to|try to"
    r"|working (?:on|towards?)|close to|almost"
    # "nearly a million operations per second" is a figure rounded, not a thing not yet done
    r"|(?<!for )(?<!worth )nearly(?! (?:a |half a )?(?:\d|million\b|billion\b))|about to"
    r"|(?<!as )soon\b|upcoming|scheduled|tentative(?:ly)?|let's|lets (?!you\b|us\b|them\b"
    r"|users\b)|prep(?:are|aring)? (?:for|the)"
    r"|in the works|fingers crossed|if all goes well|pray|manifest(?:ing)?|dream|roadmap"
    r"|getting ready|gearing up|prospect(?:ive)?|opportunity|opportunities|proposal|proposed"
    r"|shortlist(?:ed)?|finalist|waiting (?:on|for)|await(?:ing)?|once (?:we|they|it)"
    r"|ready to (?:move|sign|go)|verbal(?:ly)?|redlines?|negotiat\w*|in legal|with legal"
    r"|in procurement|by tomorrow|tomorrow|tonight|later today|this (?:coming )?(?:week|month)"
    r" we(?:'ll| will)|to be announced|tba\b|tbd\b|estimate[ds]?|hypothes\w*|ambitio\w*"
    r"|north star|stretch|ideally|hopeful|'d (?:love|like|want|hope|prefer) to)")
HYPOTHETICAL = _rx(r"(?:^|\W)(?:if|unless|assuming|imagine|what if|suppose|supposing"
                   r"|in case(?! you missed)"
                   r"|whether|when we|once(?! again| more)|even if|worst[- ]case|best[- ]case)\b"
                   r"|^\W*when\b")
NEGATION = _rx(r"\b(?:not(?!-)|no(?!\. ?\d)|never|nobody|none|neither|nor|without|didn't|don't"
               r"|doesn't|haven't|hasn't|hadn't|isn't|aren't|wasn't|weren't|won't|wouldn't|can't"
               r"|cannot|couldn't|no longer|yet to|far from|fell through|falls through"
               r"|instead of|rather than|rumou?rs? (?:are|is) false|denied|retract\w*"
               r"|scratch that|false alarm|correction|not yet|nope"
               # a plan given up is no event: "we abandoned the idea of raising a seed round"
               r"|(?:abandon(?:ed|s|ing)?|scrap(?:ped|s|ping)?|dropp(?:ed|ing)|shelv(?:ed|ing)"
               r"|g[ai]ve up on|giving up on) (?:the |our |my |any )?(?:idea|plans?|thought"
               r"|notion)s? (?:of|to)|decided against|gave up on raising)\b|n't\b")
RUMOUR = _rx(r"\b(?:rumou?r\w*|reportedly|allegedly|heard (?:that|they|we)|word is|apparently"
             r"|sources say|speculat\w*|supposedly|gossip|unconfirmed|(?<!you )might have"
             r"|(?<!you )may have)\b")  # "as you may have heard, we launched" tells news
OLD_NEWS = _rx(r"\b(?:back in (?:19|20)\d\d|back then|years ago|(?:a|one|two|three) years? ago"
               r"|(?:a|one|two|three|four|five|\d+) years? since"
               r"|(?:\d+|two|three|four|five|six|several|many) months ago"
               r"|last (?:jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)\w*"
               r"|last (?:spring|summer|fall|autumn|winter)"
               r"|it was revealed|was announced (?:in|last)"
               r"|last year|in (?:19\d\d|20[01]\d)\b|since (?:we|it|they) (?:first )?(?:launched"
               r"|released|shipped|started)|throwback|tbt|anniversary|remember when"
               r"|as you (?:all )?know|reminder that|recap of last year|since (?:19|20)\d\d"
               r"|(?:19|20)\d\d was|historically|previously|used to|in the past|once upon)\b")
REPORTED = _rx(
    r"\b(?:translat\w*|(?<!available )(?<!live )in (?:french|german|spanish|italian|japanese"
    r"|chinese)\b|draft(?:ing"
    r"|ed)? (?:a|an|the)?\s*"
    r"(?:tweet|post|headline|email|reply|response|copy|example)|template(?!s)|placeholder"
    r"|lorem ipsum|for example|example:|e\.g\.|for instance|mock(?:up|ed)?|dummy|fake"
    r"|fictional|fiction|test (?:message|data|event|post|entry|record|row|case)|unit test"
    r"|not real|isn't real|role[- ]?play|pretend|make believe|headline (?:idea|suggestion|option)s?"
    r"|suggested (?:headline|copy|tweet)|write (?:that|something like|a post saying)"
    r"|say that we|sample (?:text|data|message|copy|post)|fill in|story idea|imagine"
    r"|hypothetical\w*|in a parallel universe|joke|jk\b|just kidding|kidding|(?<![\w/])/s\b|lol jk"
    r"|we haven't|we have not|it reads well|reads better|wishful|april fools?"
    r"|xx+\b|tk\b)"
    # placeholders start with a bracket or a sign, where the \b above never matches at a
    # sentence's start ("[Company] raised $X")
    r"|\[(?:company|name|amount|investor|customer|x+)\]|\{\{|<company>|\$x+\b")
QUESTION_END = re.compile(r"\?\s*(?:[^\w\s]{0,6})$")
# Lowlight cues that read like negations but are the event itself ("didn't pass the audit").
_NEG_AS_EVENT = _rx(r"\b(?:didn't|did not|failed to|won't|will not|is not|isn't|not) "
                    r"(?:renew|pass|close|sign|go with|move forward|hit|make|meet|continue)\w*")


def plan_or_hope(part: str) -> str | None:
    part = part.lower()
    m = PLAN.search(part)
    return f"plan or hope ({m.group().strip()})" if m else None


def hypothetical(part: str) -> str | None:
    part = part.lower()
    m = HYPOTHETICAL.search(part)
    return f"hypothetical ({m.group().strip()})" if m else None


def negated(part: str, *, negative_event: bool) -> str | None:
    part = part.lower()
    if negative_event and _NEG_AS_EVENT.search(part):
        return None
    m = NEGATION.search(part)
    return f"negation ({m.group().strip()})" if m else None


def rumour(part: str) -> str | None:
    part = part.lower()
    m = RUMOUR.search(part)
    return f"rumour ({m.group().strip()})" if m else None


def old_news(part: str, when: date | None = None) -> str | None:
    """Old news restated; "2025 was our best year" is this period's news in a January 2026
    review and "April 2026 was our best month ever" in May 2026, so a year is judged by ``when``
    (the message's date) where it is known."""
    part = part.lower()
    for m in OLD_NEWS.finditer(part):
        if when is None or not _this_period(m.group(), when):
            return f"old news ({m.group().strip()})"
    return None


_YEAR_WAS = re.compile(r"((?:19|20)\d\d) was")


def _this_period(said: str, when: date) -> bool:
    year = _YEAR_WAS.fullmatch(said.strip())
    if year is None:
        return False
    y = int(year.group(1))
    return y == when.year or (y == when.year - 1 and when.month <= 3)


def reported_not_happened(text: str) -> str | None:
    """Text that is quoted, translated, templated, role-played, a test or a joke: said, not done.

    Shared by every extractor: the rules use it per sentence and per message, grounding applies
    it to the evidence an LLM quotes.
    """
    text = text.lower()
    m = REPORTED.search(text)
    return f"reported, not happened ({m.group().strip()})" if m else None


def question(sentence: str) -> str | None:
    return "question" if QUESTION_END.search(sentence.rstrip()) else None
