"""Whose news is it? Ours (we, our, the company's names) or a third party's.

The stream belongs to one company. A statement is ours when its subject is "we", the company, or
nobody at all (an agentless "Series A closed", "v2.3 is out" in our own channel). It is a third
party's when a named organisation or a "they" acts on its own behalf: a competitor's raise, a
customer's acquisition, "Google hired Injong Rhee". Customers, investors, partners and the press
acting towards us ("Acme signed", "Sequoia reached out", "TechCrunch ran our story") are still our
news: those types say so with ``relational=True``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from signalpipe.extract.rules.common_words import COMMON_WORDS

FIRST_PERSON = re.compile(r"\b(?:we|we're|we've|we'd|our|ours|us|i|i'm|i've|my|ourselves"
                          r"|the team|the company|this team)\b|(?<=\w)'re\b", re.IGNORECASE)
OTHER_PEOPLE = re.compile(
    r"\b(?:competitors?|rivals?|competition|our (?:customers?|clients?|partners?|investors?|"
    r"friends?|neighbou?rs?|portfolio|vendors?|suppliers?)|(?:a|another|one of our) (?:customers?|"
    r"clients?|partners?|portfolio compan\w+)|they|they've|they're|their|he|she|his|her"
    r"|the (?:startup|vendor|customer|client|star|couple|agency|government)"
    r"(?! itself)|(?:big (?:week|day|news|win)|congrats|congratulations|kudos|shout-?out)"
    r" (?:for|to) (?!us\b|our\b|the team\b|everyone\b))\b", re.IGNORECASE)
_CAP_NAME = re.compile(r"(?<![\w@#/.])(?:[A-Z][\w&'.-]*|[a-z]+[A-Z][\w]*)"
                       r"(?:\s(?:[A-Z][\w&'.-]*|of|&|and|de|for))*")
# Capitalised words that open a sentence without naming anyone.
_NOT_NAMES = frozenset(
    [
        "the", "a", "an", "this", "that", "these", "those", "today", "yesterday", "tonight", "just",
        "so", "big", "huge", "great", "good", "finally", "officially", "also", "and", "but", "then",
        "now", "update", "quick", "fyi", "psa", "heads", "news", "breaking", "excited", "thrilled",
        "happy", "proud", "stoked", "pleased", "glad", "wow", "yes", "yay", "woohoo", "omg", "hey",
        "hi", "hello", "team", "all", "everyone", "folks", "guys", "friday", "monday", "tuesday",
        "wednesday", "thursday", "saturday", "sunday", "weekly", "monthly", "q1", "q2", "q3", "q4",
        "subject", "re", "fwd", "fw", "note", "small", "another", "one", "first", "new", "last",
        "this", "week", "per", "after", "before", "over", "it", "its", "in", "on", "at", "by",
        "for", "with", "from", "as", "our", "we", "us", "my", "i", "update:", "highlights", "recap",
        "wins", "win", "congrats", "congratulations", "kudos", "shoutout", "shout", "welcome",
        "please", "announcing", "introducing", "confirmed", "official", "done", "signed", "closed",
        "after", "when", "once", "since", "while", "arr", "mrr", "nrr", "ndr", "nps", "csat", "kpi",
        "kpis", "okr", "okrs", "p50", "p90", "p95", "p99", "api", "apis", "sdk", "ui", "ux", "sla",
        "slas", "eu", "us", "uk", "ga", "beta", "q1", "q2", "q3", "q4", "yoy", "mom", "qoq", "wow",
        "dau", "wau", "mau", "ceo", "cto", "cfo", "coo", "vp", "soc", "iso", "pci", "hipaa",
        "loss", "losses", "lowlights", "lowlight",
        # a market's adjective opening a sentence ("The German launch has been pushed")
        "german", "french", "japanese", "european", "american", "british", "spanish", "italian",
        "chinese", "indian", "brazilian", "canadian", "australian", "dutch", "nordic", "korean",
        "mexican",
        # certifications name a standard, never a company ("The SOC 2 audit got pushed")
        "gdpr", "fedramp", "hitrust",
        # an update's section labels ("Partnerships: signed with Deloitte")
        "partnerships", "partners", "customers", "hiring", "compliance", "fundraising", "people",
        "ops",
        # an audience metric opening a sentence ("Active users dropped from 5k to 3.2k")
        "active", "paying", "paid", "registered", "daily", "pageviews", "visitors",
        "signups", "downloads", "installs", "subscribers", "traffic", "record", "maus",
        "daus", "waus", "users",
        # a report's result opening a sentence ("Comparable operating profit decreased by 15%")
        "comparable", "consolidated", "diluted", "adjusted", "underlying", "organic", "operating",
        "net", "gross", "pretax", "pre-tax", "quarterly", "annual",
        # a status page's time window ("Between 14:02 and 15:40 UTC, customers were unable")
        "utc", "gmt", "pst", "pdt", "est", "edt", "cet", "cest", "between",
        # a report's name for the company itself ("The Group's operating loss amounted to")
        "group", "company",
        # an audit's type ("SOC 2 Type II: qualified opinion, 3 exceptions")
        "type", "ii", "iii"
    ])


_LEGAL = re.compile(r"(?:,?\s+(?:inc|incorporated|llc|l\.l\.c|ltd|limited|corp|corporation|co"
                    r"|company|gmbh|ag|plc|s\.?a|s\.?a\.?s|b\.?v|n\.?v|oy|ab|as|pty|pte|srl"
                    r"|s\.r\.l|sarl)\.?)+$", re.IGNORECASE)
# Words that describe what a company does rather than name it: "Acme Robotics" is "Acme".
_DESCRIPTOR = frozenset([
    "analytics", "labs", "lab", "technologies", "technology", "tech", "systems", "software",
    "solutions", "health", "healthcare", "therapeutics", "pharmaceuticals", "pharma", "bio",
    "biosciences", "robotics", "ai", "cloud", "data", "security", "networks", "group",
    "holdings", "games", "studios", "studio", "media", "digital", "financial", "finance",
    "payments", "energy", "medical", "platforms", "platform", "hq", "app", "apps", "io",
    "dev", "consulting",
    "international", "global", "ventures", "industries", "interactive", "mobile", "online",
    "management", "asset", "assets", "partners", "capital", "insurance", "motors", "airlines",
    "foods", "brands", "resources", "mining", "telecom", "communications", "entertainment",
    "pharmaceutical", "biotech", "biotherapeutics", "sciences", "life", "research",
    "motor", "auto", "automotive",  # "Hyundai Motor Company", "Geely Auto" write "Hyundai"
])


def name_variants(name: str) -> list[str]:
    """The shapes a company's name takes in its own text: "Acme Robotics, Inc." is also "Acme
    Robotics" and "Acme"; "OLake (Datazip)" is "OLake" and "Datazip"."""
    out = [name]
    inner = re.search(r"\(([^()]{2,40})\)", name)
    bases = [re.sub(r"\s*\([^()]*\)\s*", " ", name).strip()]
    if inner:
        bases.append(inner.group(1).strip())
    for base in bases:
        base = _LEGAL.sub("", base).strip(" ,")
        out.append(base)
        words = base.split()
        while len(words) > 1 and words[-1].lower().strip(".") in _DESCRIPTOR:
            words = words[:-1]
            short = " ".join(words)
            known = short.lower() in COMMON_WORDS or short.lower() in _DESCRIPTOR
            if (len(short) >= 4 or (len(short) >= 2 and short.isupper())) and not known:
                out.append(short)
    out += _spoken(name)
    return list(dict.fromkeys(n for n in out if len(n) >= 2))


_TLD = re.compile(r"\.(?:io|com|co|ai|app|dev|so|net|org|xyz|me)$", re.IGNORECASE)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z]{2})")


def _spoken(name: str) -> list[str]:
    """How a founder writes a name set as a domain or in one word: "SoftwareIdeas.io" is also
    "SoftwareIdeas" and "Software Ideas"."""
    bare = _TLD.sub("", name.strip())
    out = [bare] if bare != name.strip() and len(bare) >= 4 else []
    if " " not in bare and _CAMEL.search(bare):
        out.append(_CAMEL.sub(" ", bare))
    return out


def aliases_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for the company's names; spaces and dots may vary."""
    parts = []
    for name in names:
        words = [re.escape(w) for w in re.split(r"[\s._-]+", name.strip()) if w]
        if words and len("".join(words)) >= 2:
            part = r"[\s._-]?".join(words)
            # a name that is a common word ("Anything") is the company written with its capital,
            # in capitals, or in lower case where it opens a line ("anything went live on ...")
            parts.append(part if name.strip().lower() not in COMMON_WORDS else
                         rf"(?-i:{part.capitalize()}|{part.upper()})|(?<![^\n])(?-i:{part.lower()})")
    if not parts:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(sorted(parts, key=len, reverse=True))
                      + r")(?:'s|\u2019s|s)?(?![\w])", re.IGNORECASE)


def is_ours(text: str, company: re.Pattern[str] | None) -> bool:
    """Does ``text`` speak as or about the company (we/our/us, its names)?"""
    return bool(FIRST_PERSON.search(text) or (company is not None and company.search(text)))


_OBJECT_MARK = re.compile(r"\b(?:with|to|from|for|by|of|at|on|in|into|via|and)\s+$", re.IGNORECASE)


def named_subject(head: str, company: re.Pattern[str] | None) -> str | None:
    """The proper name nearest before the trigger in ``head``, or None when it is ours."""
    found = None
    for m in _CAP_NAME.finditer(head):
        if _OBJECT_MARK.search(head[max(0, m.start() - 8):m.start()]):
            continue  # "partnership with Initech": a preposition's object, not a subject
        words = m.group().split()
        while words and (_bare(words[0]) in _NOT_NAMES
                         or words[0].lower() in COMMON_WORDS):
            words = words[1:]  # "New MRR", "The IBM": the capital opens a sentence
        if not words or (len(words) == 1 and _bare(words[0]) in _NOT_NAMES):
            continue
        found = " ".join(words)
    if found is None or (company is not None and company.search(found)):
        return None
    return found


def _bare(word: str) -> str:
    """A word as _NOT_NAMES lists it: "Yesterday's" opens a sentence as "yesterday" does."""
    return word.lower().rstrip(":,!").removesuffix("'s").removesuffix("\u2019s")


_AGENT = re.compile(r"^\s*\w+\s+by\s+(?:the\s+)?(?P<who>[A-Z][\w&'.-]*(?:\s[A-Z][\w&'.-]*)*)")
_GLUE = frozenset(
    [
        "just", "also", "recently", "finally", "officially", "today", "yesterday", "now", "has",
        "have", "had", "reportedly", "quietly", "already", "successfully", "formally", "publicly",
        "that", "which", "who", "and", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "llc", "co",
        "co.", "plc", "ag", "sa", "gmbh", "group", "holdings", "has", "been", "have", "been",
        "announced", "announces", "announcing", "unveiled", "unveils", "revealed", "reveals",
        "said", "says", "signed", "signs", "formed", "forms", "entered", "enters", "launched",
        "launches", "introduced", "introduces", "a", "an", "the", "its", "their", "new",
        "raised", "raises", "closed", "closes", "took", "takes", "got", "gets", "secured",
        "secures", "lost", "posted", "reported", "reports", "hit", "hits", "reached", "to", "will",
    ])


def _acts(name: str, head: str) -> bool:
    """Does ``name`` stand as the subject of what follows it in ``head``?

    "Stripe raised", "Stripe has just raised", "Acme, a fintech startup, raised" and "Acme's new
    app launched" read as Stripe's or Acme's news; in "Search latency dropped" the capital only
    marks the start of a sentence whose subject is a common noun.
    """
    at = head.find(name)
    rest = head[at + len(name):] if at >= 0 else ""
    if re.match(r"\s*(?:'s|\u2019s)\b", rest) or rest.lstrip().startswith((",", "(")):
        return True
    words = re.findall(r"[a-z][a-z.']*", rest.lower())
    return all(w in _GLUE for w in words)


_NOT_US = re.compile(r"\b(?:their|its|copy of|clone of|competitor (?:to|of)|alternative to"
                     r"|rival (?:to|of)|version of|like)\W+(?:\w+\W+)?$", re.IGNORECASE)


def _object_is_us(rest: str, company: re.Pattern[str] | None) -> bool:
    """The company named after the verb is its object ("acquires Fitard"), not a comparison
    ("launched their copy of Scaleflow Atlas")."""
    if company is None:
        return False
    m = company.search(rest)
    return m is not None and not _NOT_US.search(rest[:m.start()])


# "Acme customer Globex raised", "Acme-backed Initech hired": the company names someone else.
_THEIRS = re.compile(r"(?:'s|\u2019s)?[\s-]+(customers?|clients?|partners?|portfolio compan\w+"
                     r"|users?(?=\s+[A-Z])|backed|investee)\b", re.IGNORECASE)


def third_party(head: str, clause: str, company: re.Pattern[str] | None) -> str | None:
    """Why the clause reads as someone else's news, or None when it reads as ours.

    ``head`` is the part of the clause before the trigger word (where the subject stands).
    """
    ours = company.search(head) if company is not None else None
    if ours is not None:
        theirs = _THEIRS.match(head, ours.end())
        return f"third party (our {theirs.group(1).lower()})" if theirs else None
    other = OTHER_PEOPLE.search(head)
    if other:
        return f"third party ({other.group()})"
    rest = clause[len(head):]
    agent = _AGENT.search(rest[:80])
    if agent and not (company is not None and company.search(agent.group("who"))) \
            and not FIRST_PERSON.search(agent.group("who")):
        return f"third party (by {agent.group('who')})"
    if FIRST_PERSON.search(head):
        return None
    name = named_subject(head, company)
    if name is None or not _acts(name, head):
        return None
    rest = re.split(r",\s|;\s|\s[-\u2013\u2014]\s", rest, maxsplit=1)[0]
    if FIRST_PERSON.search(rest) or _object_is_us(rest, company):
        return None  # "Databricks listed us as a partner", "Obino acquires <us>": we are the news
    return f"third party ({name})"
