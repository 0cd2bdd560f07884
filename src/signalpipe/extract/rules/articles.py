"""News articles about the company: what a third party's reporting states, and what it only tells.

A reporter's article names the company among many other companies, investors and founders, and
tells more than the news: rumours ("raising $100M, say sources"), background ("In 2022, he teamed
up with ... and launched Oneleet"), an IPO's share price ("debuted at $117 a share") and an
investor's own fund ("Vento is launching its second fund"). ``veto`` names those.


Japanese startup reporting (TechCrunch Japan, BRIDGE, Nikkei, PR TIMES releases) tells a round,
an alliance or a sale in a few fixed formulae: "<社名>が5.3億円を調達", "第三者割当増資を実施",
"資本業務提携", "全株式を取得". The English reader finds none of them: its cue words, sentence
ends and name boundaries are English ones (a Japanese word has no space around it, so the
company's name pattern, which wants a non-word character on each side, never matches "助太刀は").
A message written in Japanese is read here instead, sentence by sentence (ended by a full-width
full stop, exclamation or question mark, or a line break), and a formula counts only where the
sentence names the company or says 同社 ("the said company") after a sentence that did, and
states no plan, rumour or denial.
"""

from __future__ import annotations

import re
from datetime import datetime

from signalpipe.extract.rules.deals import funding_title
from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.numbers import currency_money
from signalpipe.extract.rules.text import Span
from signalpipe.models import EventType

T = EventType

# kana are Japanese only (Chinese has none): a few of them mark a message written in Japanese
_KANA = re.compile(r"[\u3040-\u309f\u30a0-\u30ff]")
_MIN_KANA = 8
_FEW_KANA = 3
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uff00-\uffef\u3000-\u303f]")
_SENTENCE = re.compile(r"[^\u3002\uff01\uff1f!?\n]+[\u3002\uff01\uff1f!?]?")
# a round: "資金調達", "第三者割当増資" (a share issue to named investors), "<amount>を調達",
# a J-KISS convertible, "出資を受け" (received an investment)
_ROUND = re.compile(r"資金調達|第三者割当増資|円(?:を|の)?調達|J-KISS|出資を受け|シードラウンド"
                    r"|シリーズ[A-FＡ-Ｆ]")
_ALLIANCE = re.compile(r"資本業務提携|業務提携|資本提携|戦略的パートナーシップ|と(?:提携|協業)")
# a launch: "提供を開始" (began offering), "をリリース", "をスタート", "を公開"
_LAUNCHED = re.compile(r"(?:提供|販売|配信|運用|受付)を開始|サービスを開始|を開始すると発表"
                       r"|をリリース|リリースした|をスタート|スタートした|を公開した|ローンチ")
# a listing: "上場が承認", "上場を申請し、それが承認された", "マザーズに上場した"
_LISTED = re.compile(r"上場[^\u3002]{0,20}承認|上場承認|(?:に|へ)上場した|上場を果た|新規上場")
# the company sold: "全株式を取得" (acquired all shares), "買収" (acquisition), "子会社化"
_SOLD = re.compile(r"全株式を取得|買収|子会社化")
# a rumour ("関係者によると", "報道", "噂") or a denial ("否定") voids the whole sentence
_HEARSAY = re.compile(r"関係者によると|報道|否定|噂")
# a plan ("予定", "目指す", "検討") voids its clause; so does a headline's clause-final "か"
# ("買収か": may acquire?) or "へ" ("調達へ": heading for a raise)
_PLANNED = re.compile(r"予定|目指|検討|計画|方針|見込み|可能性|かもしれ|交渉中|[かへ]\s*$")
_CLAUSE_END = re.compile(r"[、，,。！？!?]")
_OKU = re.compile(r"(\d+(?:\.\d+)?)\s*億(?:\s*(\d+)\s*万)?\s*円")
_MAN = re.compile(r"(?<![\d億])(\d+(?:\.\d+)?)\s*万\s*円")
_REFERS_BACK = "同社"
_BOUND_BEFORE, _BOUND_AFTER = r"(?<![\w])", r"(?![\w])"


def in_japanese(text: str) -> bool:
    """Is ``text`` written in Japanese (kana, not only the odd Japanese word in English)?"""
    head = text[:400]
    kana = len(_KANA.findall(head))
    if kana >= _MIN_KANA:
        return True
    # a short headline ("アクメが5.3億円調達") has few kana: then most of it must be Japanese
    return kana >= _FEW_KANA and len(_CJK.findall(head)) * 2 >= len(head.replace(" ", ""))


def read_japanese(text: str, subject: str, company: re.Pattern[str] | None
                  ) -> list[tuple[Found, Span, str]]:
    """Each event the headline or the text states about the company, with its sentence and field
    ("subject" or "text"); one per type, the headline's first."""
    named = _unbounded(company)
    if named is None:
        return []
    out: list[tuple[Found, Span, str]] = []
    seen: set[EventType] = set()
    pieces = [("subject", m) for m in _SENTENCE.finditer(subject or "")]
    pieces += [("text", m) for m in _SENTENCE.finditer(text)]
    last_named = False
    for where, m in pieces:
        sentence = m.group()
        ours = named.search(sentence) is not None
        about = ours or (last_named and _REFERS_BACK in sentence)
        last_named = ours or (last_named and where == "text")
        if not about or _HEARSAY.search(sentence):
            continue
        for found in _formulae(sentence):
            if found.event_type not in seen and not _PLANNED.search(_clause(sentence,
                                                                            found.trigger)):
                seen.add(found.event_type)
                out.append((found, Span(m.start(), m.end(), sentence), where))
    return out


def _formulae(sentence: str) -> list[Found]:
    """Every formula in the sentence: "資金調達とともに、資本業務提携を実施" is a round and an
    alliance."""
    out = []
    rnd = _ROUND.search(sentence)
    if rnd:
        amount = yen(sentence)
        metrics: dict[str, str | int | float] = {"amount_jpy": amount} if amount else {}
        title = f"Raised {short_yen(amount)}" if amount else "Closed a funding round"
        out.append(Found(T.FUNDING, metrics, title, rnd.start()))
    alliance = _ALLIANCE.search(sentence)
    if alliance:
        title = "Capital and business alliance" if "資本" in alliance.group() else "Partnership"
        out.append(Found(T.PARTNERSHIP, {"partner": alliance.group()}, title, alliance.start()))
    listed = _LISTED.search(sentence)
    if listed:
        out.append(Found(T.OTHER, {"subtype": "ipo"}, "Stock market listing", listed.start(),
                         subtype="ipo"))
    launched = _LAUNCHED.search(sentence)
    if launched:
        out.append(Found(T.PRODUCT_LAUNCH, {"product": launched.group()}, "Launched a new service",
                         launched.start()))
    sold = _SOLD.search(sentence)
    if sold:
        out.append(Found(T.OTHER, {"subtype": "acquisition"}, "Acquisition", sold.start(),
                         subtype="acquisition", relational=True))
    return out


def _clause(sentence: str, at: int) -> str:
    """The part of ``sentence`` between the punctuation marks around position ``at``."""
    start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, at)), default=0)
    end = _CLAUSE_END.search(sentence, at)
    return sentence[start:end.start() if end else len(sentence)]


def yen(sentence: str) -> int:
    """The first amount in yen: "5.3億円" = 530,000,000, "5億3000万円", "8000万円"; 0 if none."""
    oku = _OKU.search(sentence)
    if oku:
        return int(float(oku.group(1)) * 1e8 + (int(oku.group(2)) * 10_000 if oku.group(2) else 0))
    man = _MAN.search(sentence)
    return int(float(man.group(1)) * 10_000) if man else 0


def short_yen(value: int) -> str:
    """¥530M, ¥1.2B, ¥40M: how an amount in yen reads in an English title."""
    if value >= 1_000_000_000:
        return f"\u00a5{value / 1e9:.3g}B"
    if value >= 1_000_000:
        return f"\u00a5{value / 1e6:.3g}M"
    return f"\u00a5{value:,}"


# Hearsay in news wording: a round "in talks", figures from "people familiar with the matter".
_NEWS_HEARSAY = re.compile(
    r"\b(?:(?:say|says|said|according to|per|citing|cited|told \w+ by) (?:\w+ ){0,3}"
    r"(?:sources|insiders|people (?:familiar|close|with knowledge)|(?:a )?person (?:familiar|close"
    r"|with knowledge))|sources (?:say|said|told|familiar|close)|people familiar with"
    r"|(?:is|are) said to be|in (?:early |advanced |final )?(?:talks|discussions|negotiations)"
    r" (?:to|with|over|about)|(?:is|are) (?:looking|seeking|aiming|hoping) to raise)\b",
    re.IGNORECASE)
# A listing's share price read as a launch: "debuted at $117 a share", "priced its IPO at $88"
_SHARE_PRICE = re.compile(r"\b(?:IPO|a share|per share|price range|shares (?:opened|rose|fell"
                          r"|jumped|closed)|(?:stock|shares) debuted|trading debut)\b",
                          re.IGNORECASE)
# An investor's vehicle launched: "launching its second fund", "launched a $75M debut fund"
_FUND = re.compile(r"\blaunch\w* (?:of )?(?:its|a|their|the|his|her) (?:[\w$.,-]+ ){0,3}(?:fund"
                   r"|vehicle|syndicate)\b", re.IGNORECASE)
# A sentence a reporter opens with a year before the article's: background, not news
_YEAR_OPENER = re.compile(r"^\W*(?:(?:back )?in|by|since) (?:(?:early|mid|late)[ -])?((?:19|20)"
                          r"\d\d)\b", re.IGNORECASE)
# People introduced by their roles elsewhere, at an event: speakers, not hires
_STAGE = re.compile(r"\b(?:speakers?|panel(?:ists?)?|judges|on (?:the )?stage|keynote|lineup"
                    r"|line-up|fireside chat|moderat\w+|agenda)\b", re.IGNORECASE)
_ROLE_ELSEWHERE = re.compile(r"(?<!former )(?<!ex-)(?<!previously )\b(?:CEO|CTO|CFO|COO|CPO"
                             r"|(?:co-?)?founder|president|(?:managing |general )?partner"
                             r"|director|chair\w*|head of [\w ]{2,30}?) (?:of|at) ([A-Z][\w.&-]*)")
# Founders starting the company: its founding told as background, not a product launched
_FOUNDING = re.compile(r"\b(?:the (?:trio|duo|pair|couple|co-?founders)\b(?!['\u2019])"
                       r"[^.]{0,40}?|teamed up with [^.]{0,80}? and )launch\w*\b"
                       r"|\blaunch\w* (?:a |an |the |his |her |their )?(?:new )?(?:[\w-]+ )?"
                       r"(?:company|startup|business|venture)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
_BACKGROUND_YEARS = 2  # "In 2024" in a 2025 article may be last year's news recapped


def veto(found: Found, clause: str, sentence: str, sent: datetime | None) -> str | None:
    """Why a reading in a news article is no event of the company's, or None."""
    if not found.negative:
        hearsay = _NEWS_HEARSAY.search(sentence)
        if hearsay:
            return f"rumour ({hearsay.group()})"
    hired_elsewhere = _not_hired(sentence) if found.event_type is T.HIRING \
        and not found.negative else None
    if hired_elsewhere:
        return hired_elsewhere
    if found.event_type is T.PRODUCT_LAUNCH:
        if _FOUNDING.search(sentence):
            return "the company's founding, not a launch"
        if _SHARE_PRICE.search(sentence):
            return "a listing's share price, not a launch"
        if _FUND.search(clause):
            return "an investor's fund, not a product"
    year = _YEAR_OPENER.match(sentence)
    if year and sent is not None and int(year.group(1)) <= sent.year - _BACKGROUND_YEARS \
            and not _FIRST_PERSON.search(sentence):
        return f"background (in {year.group(1)})"
    return None


def _not_hired(sentence: str) -> str | None:
    """People named by their roles at other organisations, or on a stage: no hire of ours."""
    if _STAGE.search(sentence):
        return "a speaker, not a hire"
    if len(_ROLE_ELSEWHERE.findall(sentence)) >= 2:
        return "people's roles elsewhere, not a hire"
    return None


# An investor acting on the company, named after the verb: "Microsoft makes strategic investment
# into Builder.ai", "TitletownTech invests in ChemDirect", "Kevin Hart's VC firm leads $35M
# Series B for weight-loss app Simple", "Index backs Acme with $20M"
_MONEY = r"(?:[$\u20ac\u00a3][\d.,]+\s?(?:[mb]n?|million|billion)\b)"
_ROUND_WORDS = r"(?:seed|series [a-f]|pre-seed|round|funding|investment|stake)\b"
_INVESTS = re.compile(
    # invests in the company itself: "TitletownTech invests in ChemDirect"
    r"\b(?:invest(?:s|ed)?|makes? (?:an? )?(?:[\w-]+ ){0,2}investments?)"
    r"(?: (?:a |an |the )?(?:" + _MONEY + r"|(?:[\w-]+ )?" + _ROUND_WORDS + r")){0,3}"
    r" (?:in|into)\b"
    # leads or backs a round for it: "leads $35M Series B for weight-loss app Simple"
    r"|\b(?:backs|backed|co-?leads?|leads|led)(?: (?:a |an |the |its )?(?:" + _MONEY
    + r"|(?:[\w-]+ )?" + _ROUND_WORDS + r")){1,3} (?:in|into|for|of|behind)\b", re.IGNORECASE)
# A valuation the company reached: "Anything nabs a $100M valuation", "Acme is now valued at $1B"
_VALUED = re.compile(r"\b(?:nabs|lands|gets|hits|reaches|secures|snags|bags|earns|notches"
                     r"|(?:is |now |was )*valued at)\s(?:an? )?(?P<amount>[$\u20ac\u00a3][\d.,]+"
                     r"\s?(?:[mb]n?|million|billion)\b)(?: valuation| post-money)?", re.IGNORECASE)
_GAP = 60  # characters between the verb and the company's name


def backed(clause: str, low: str, ctx: Context) -> Found | None:
    """A round told with the company as its object, or a valuation the company reached."""
    if ctx.company is None:
        return None
    ours = ctx.company.search(clause)
    if ours is None:
        return None
    valued = _VALUED.search(clause, ours.end(), ours.end() + _GAP + 40)
    if valued and ("valuation" in low or "valued" in valued.group().lower()):
        value = currency_money(valued.group("amount"))
        metrics: dict[str, str | int | float] = {"valuation_usd": value[0].value} \
            if value and valued.group("amount")[0] == "$" else {}
        return Found(T.FUNDING, metrics, f"Valued at {valued.group('amount')}", valued.start())
    verb = None
    for m in _INVESTS.finditer(clause, max(0, ours.start() - 120), ours.start()):
        if ours.start() - m.end() <= _GAP:
            verb = m
            break
    if verb is None or verb.start() == 0:
        return None  # the investor must be named before the verb
    amounts = [f for f in currency_money(clause[verb.start():ours.start()])
               if clause[verb.start() + f.start] == "$"]
    metrics = {"amount_usd": amounts[0].value} if amounts else {}
    investor = clause[:verb.start()].strip(" ,")[-60:]
    return Found(T.FUNDING, metrics, funding_title(metrics) if metrics
                 else f"Investment from {investor}", verb.start(), relational=True,
                 stakeholders=(investor,))


_UNBOUNDED: dict[str, re.Pattern[str]] = {}


def _unbounded(company: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """The company's names without the word boundaries around them: in Japanese the name runs
    into the particle after it ("助太刀は", "BASEが")."""
    if company is None:
        return None
    pattern = _UNBOUNDED.get(company.pattern)
    if pattern is None:
        # a Latin name still ends at a Latin letter: "BASE" is not in "DATABASE"
        source = company.pattern.replace(_BOUND_BEFORE, r"(?<![A-Za-z0-9])")
        pattern = re.compile(source.replace(_BOUND_AFTER, r"(?![A-Za-z0-9])"), company.flags)
        if len(_UNBOUNDED) < 256:
            _UNBOUNDED[company.pattern] = pattern
    return pattern
