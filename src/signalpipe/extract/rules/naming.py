"""What may be a product, partner, customer or publication name, and when two names are one.

A detector takes the capitalised words next to its trigger as the name of what was launched,
who partnered, who bought or who wrote. Headings, sentence openers and job titles are
capitalised too: "Initiatives that we launched", "Key features that we shipped", "Partner of
the Year", "Head of Marketing Jane Roe and Director of Channel". An investor reading "Launched
Key" or "Partnership with Year" learns nothing and doubts the rest, so such a reading is
dropped. The check is on the words, whatever the phrasing around them: every word an ordinary
one, a pronoun's contraction ("I've"), a job title, a sum ("RMB 86.046"), a piece of a longer
word ("Labs" of "108Labs"), or a code host named as an outlet ("trending on GitHub").

Where the event is real and only its name is wrong, the reading is renamed instead (``renamed``):
a heading's own words ("Key features that we shipped"), "Launched on Product Hunt", a customer
launching on our platform, a hire without the greeting before the name ("Welcomed Zoltan Kim"),
a patent by its number. ``one_name`` and ``product_key`` say when two names are one (a product
and its model in one list; "Self-hosted Plausible" and "Plausible Analytics Self-Hosted"), so
merging by fingerprint holds in any batching.
"""

from __future__ import annotations

import re
from dataclasses import replace

from signalpipe.extract.rules.common_words import COMMON_WORDS
from signalpipe.extract.rules.found import Found, said
from signalpipe.extract.rules.names import key, name_after, name_before
from signalpipe.models import EventType

# Metrics that hold a name the event is about.
NAME_KEYS = ("product", "partner", "customer", "publication", "name")

# Ordinary nouns and adjectives that open headings and list labels ("Key features", "Partner
# Program", "Leadership Summit"): capitalised, they still name nothing.
_GENERIC = frozenset([
    "key", "main", "major", "latest", "recent", "upcoming", "initiative", "initiatives",
    "feature", "features", "improvement", "improvements", "change", "changes", "fix", "fixes",
    "program", "programme", "programs", "programmes", "partner", "partners", "partnership",
    "partnerships", "alliance", "alliances", "channel", "channels", "year", "years", "month",
    "months", "week", "weeks", "quarter", "day", "product", "products", "service", "services",
    "platform", "solution", "solutions", "summit", "conference", "event", "events",
    "company", "companies", "community", "launch", "launches", "release",
    "releases", "version", "support", "integration", "integrations", "news", "press", "blog",
    "article", "articles", "story", "stories", "media", "leadership", "marketing",
    "engineering", "technology", "global", "annual", "award", "awards", "results", "plan",
    "plans", "goal", "goals", "people", "customer", "customers", "user",
    "users", "details", "learn", "read", "more", "today", "tomorrow", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "june", "july", "august", "september", "october", "november", "december",
    # a report's section labels ("WIN**: Launched app themes", "Lowlights: ...")
    "win", "wins", "loss", "losses", "highlight", "lowlight", "lowlights", "recap", "agenda",
    "todo", "tldr", "psa", "fyi", "notes",
    # a deal's or a round's figure named where a party should be ("closed-lost at $300k ACV")
    "acv", "tcv", "nrr", "grr", "kpi", "okr", "okrs", "ytd", "yoy", "qoq", "mom", "patent",
    "patents", "trademark", "trademarks",
    # what is left of "I've", "we're", "we'll", "I'd", "I'm" once a name is keyed
    "ve", "re", "ll", "d", "m",
])
# A job title inside a "name" is a person's role, not the organisation ("Director of Channel").
_ROLE = re.compile(r"\b(?:(?:director|head|vp|vice president|manager|officer|president) of"
                   r"|chief \w+ officer|ceo|cto|cfo|coo|co-?founder|chair(?:man|woman)?)\b")
# "I've", "we're", "they'll": a pronoun with its verb, the words right after "launched".
_CONTRACTION = re.compile(r"^(?:i|we|you|they|he|she|it|that|there|what)['\u2019]\w+$")
# Where code is hosted, not an outlet: "trending on GitHub" is traction, not press. (Hacker
# News and Product Hunt are read as press: their front page is coverage.)
CODE_HOSTS = frozenset(["github", "gitlab", "npm", "pypi", "crates.io", "docker hub"])
_CURRENCIES = frozenset(["usd", "eur", "gbp", "jpy", "cny", "rmb", "inr", "cad", "aud", "chf",
                         "us$", "rs"])
_ADJECTIVE_ENDS = ("-based", "-born", "-headquartered", "-owned", "-backed", "-focused")
_ARTICLES = frozenset(["the", "a", "an", "new"])
_WORD = re.compile(r"[\w&+'\u2019.-]+")
# "The FBI recently launched their new Crime Data Explorer": someone else's launch.
_THEIR_LAUNCH = re.compile(r"\b(?:launched|launches|released|releases|shipped|ships|introduced"
                           r"|introduces|unveiled|unveils|rolled out|rolls out)\s+(?:their|his"
                           r"|her)\b", re.IGNORECASE)


def words(name: str) -> list[str]:
    """A name's words, lower case, edge punctuation off ("ProductHunt." -> ["producthunt"])."""
    return [w.strip(".-'\u2019") for w in _WORD.findall(name.lower()) if w.strip(".-'\u2019")]


def not_a_name(name: str) -> str | None:
    """Why ``name`` names nothing, or None when it may be a name."""
    parts = words(name)
    if not parts:
        return "no name"
    if len(parts) == 1 and _CONTRACTION.match(name.strip().lower()):
        return f"a pronoun, not a name ({name})"
    if all(w in COMMON_WORDS or w in _GENERIC for w in parts):
        return f"ordinary words, not a name ({name})"
    if parts[0] in _CURRENCIES or parts[-1].endswith(_ADJECTIVE_ENDS):
        # "RMB 86.046 billion", "a Czech-based provider": a sum or a description
        return f"a sum or a description, not a name ({name})"
    if _ROLE.search(" ".join(parts)):
        return f"a job title, not an organisation ({name})"
    if name[:1].isupper() and parts[0] in COMMON_WORDS and parts[0] not in _ARTICLES:
        # "What Got Done" read from "Got": a name does not start on a sentence's grammar word
        return f"a fragment of a name ({name})"
    return None


def renamed(found: Found, sentence: str, company: re.Pattern[str] | None) -> Found | None:
    """A truer reading of a launch whose "product" is no product, or None.

    A heading that opens on ordinary words ("Key features that we shipped") heads a list of
    launches, and a sentence naming us ("Launch day: the Acme app is live") says what launched
    in its own words: those words are the title. Someone launching their own thing on our
    platform ("The FBI launched their new Crime Data Explorer on cloud.gov") is a customer's
    story, named for the customer. "We're live on Product Hunt" names where, not what.
    """
    if found.event_type is EventType.HIRING:
        return _rehired(found, sentence)
    if found.event_type is EventType.TECHNICAL_ACHIEVEMENT:
        return _patent_numbered(found, sentence)
    if found.event_type is not EventType.PRODUCT_LAUNCH:
        return None
    product = found.metrics.get("product")
    if not isinstance(product, str):
        return None
    text = sentence.replace("**", "").strip(" *#-\t")
    if not_a_name(product) and (_heading(text, product) or (
            company is not None and company.search(text) is not None)):
        return replace(found, metrics={}, title=said(text, 0))
    made = _made_by_alumni(found, product, sentence)
    if made is not None:
        return made
    where = _LIVE_ON.search(sentence)
    if where and sentence[where.end():].lower().startswith(product.lower()):
        place = _WHEN.sub("", sentence[where.end():where.end() + len(product)]).strip()
        return replace(found, metrics={}, title=f"Launched on {place}")
    their = _THEIR_LAUNCH.search(sentence)
    if their and company is not None and company.search(sentence, their.end()) \
            and product.lower() in sentence[:their.start()].lower():
        name = sentence[:their.start()].lower().rfind(product.lower())
        customer = sentence[name:name + len(product)]
        return replace(found, event_type=EventType.CUSTOMER_SUCCESS,
                       metrics={"customer": product}, title=f"Customer story: {customer}",
                       relational=True)
    return None


# "a team led by former Stripe executives": the company the makers came from, not the product.
_ALUMNI_OF = re.compile(r"\b(?:former|formerly (?:at |of )?|ex-|alumni of|veterans of)\s*$",
                        re.IGNORECASE)
_LAUNCH_VERB = re.compile(r"\b(?:launched|launches|unveiled|unveils|released|releases"
                          r"|introduced|introduces|debuted|debuts)\s+", re.IGNORECASE)


def _made_by_alumni(found: Found, product: str, sentence: str) -> Found | None:
    """"A team led by former Stripe executives today launched Relay" launched Relay: the name
    after the verb, where the one read is where the makers used to work."""
    at = sentence.lower().find(product.lower())
    verb = _LAUNCH_VERB.search(sentence, at + len(product)) if at >= 0 else None
    if at < 0 or verb is None or not _ALUMNI_OF.search(sentence[:at]):
        return None
    made = name_after(sentence, verb.end(), within=4)
    if made is None or not_a_name(made):
        return None
    return replace(found, metrics={**found.metrics, "product": key(made)},
                   title=f"Launched {made}")


# "live on Product Hunt", "launched on the App Store": the words after name a place.
_LIVE_ON = re.compile(r"\b(?:live|launched|launching|launches|out|available) on (?:the )?",
                      re.IGNORECASE)
_WHEN = re.compile(r"\s+(?:today|tonight|tomorrow|yesterday|now|this week)$", re.IGNORECASE)


# Words a list item or an email opens with before the person's name ("Welcomed Zoltan Kim").
_HIRE_OPENERS = frozenset(["welcomed", "welcoming", "welcome", "hired", "hiring", "please",
                           "meet", "introducing", "congrats", "congratulations"])
_FORMER = re.compile(r"(?:\bex-|\bformerly (?:at |of )?|\bfrom )$", re.IGNORECASE)


def _rehired(found: Found, sentence: str) -> Found | None:
    """A hire named by the words around the name: "Hired Welcomed Zoltan Kim" is "Hired Zoltan
    Kim"; "Hired Stripe" read from "Leila Okafor (ex-Stripe)" is Leila Okafor; a "name" of
    ordinary words names no one, so the event is the role ("Hired a VP of Finance")."""
    hire = found.metrics.get("hire")
    if not isinstance(hire, str) or " as " not in found.title:
        return None
    parts = hire.split()
    cut = 0
    while cut < len(parts) - 1 and parts[cut].lower() in _HIRE_OPENERS:
        cut += 1
    rest = " ".join(parts[cut:])
    at = sentence.lower().find(hire.lower())
    if at > 0 and _FORMER.search(sentence[:at]):
        # "Leila Okafor (ex-Stripe) joins as CFO": the person is named before the old employer
        rest = name_before(sentence, at) or ""
        cut = len(parts)
    if not rest or not_a_name(rest) or rest.split()[0].lower() in _HIRE_OPENERS:
        role = found.title.rsplit(" as ", 1)[1]
        return replace(found, metrics={"role": role.lower()}, title=f"Hired a {role}",
                       stakeholders=())
    if cut == 0:
        return None
    role = found.title.rsplit(" as ", 1)[1]
    title = f"Hired {rest} as {role}" if cut == len(parts) else \
        re.sub(rf"^Hired (?:\S+ ){{{cut}}}", "Hired ", found.title)
    return replace(found, metrics={**found.metrics, "hire": key(rest)}, title=title,
                   stakeholders=(*(w for w in found.stakeholders if w.lower() != hire), rest))


_PATENT_NUMBER = re.compile(r"\b(?:US ?)?\d{1,2}[,.]?\d{3}[,.]?\d{3}(?: ?B\d)?\b")


def _patent_numbered(found: Found, sentence: str) -> Found | None:
    """A patent is named by its number, however written ("US11036433", "11,036,433"); one read
    as "Patent" ("Patent granted: US11036433") takes the number from its sentence."""
    name = found.metrics.get("name")
    if str(found.metrics.get("subtype", "")).lower() != "patent" or not isinstance(name, str):
        return None
    digits = re.sub(r"\D", "", name)
    if len(digits) < 7:
        if not not_a_name(name) and not name.lower().endswith("patent"):
            return None
        number = _PATENT_NUMBER.search(sentence)
        if number is None:
            return replace(found, metrics={"subtype": "patent"}, title="Patent granted")
        digits = re.sub(r"\D", "", number.group())
    return replace(found, metrics={"subtype": "patent", "name": f"US{digits}"},
                   title=f"Patent: US{digits}")


def _heading(text: str, product: str) -> bool:
    """A short line opening on the reading's "name", with no sentence stop: a heading."""
    return text.lower().startswith(product) and len(text) <= 60 \
        and not text.endswith((".", "!", "?"))


def checked(found: Found, sentence: str, company: re.Pattern[str] | None
            ) -> tuple[Found | None, str]:
    """``found`` as its event is truly named (see ``renamed``), or None and why it names
    nothing (see ``misnamed``)."""
    found = renamed(found, sentence, company) or found
    reason = misnamed(found, sentence)
    return (None, reason) if reason else (found, "")


def _cut_from_a_word(name: str, sentence: str) -> str | None:
    """"Labs" read out of "108Labs": a name glued to the word before it is a piece of that word."""
    at = sentence.lower().find(name.lower())
    if at > 0 and sentence[at - 1].isalnum() and sentence[at:at + 1].isupper():
        return f"a piece of a longer word ({sentence[max(0, at - 8):at + len(name)].strip()})"
    return None


def misnamed(found: Found, sentence: str) -> str | None:
    """Why ``found``'s named party or product is no name for its event, or None."""
    for field in NAME_KEYS:
        value = found.metrics.get(field)
        if not isinstance(value, str) or (field == "name" and found.metrics.get("subtype")
                                          == "award"):
            continue  # an award is named in ordinary words: "Technology Partner of the Year"
        reason = not_a_name(value) or _cut_from_a_word(value, sentence)
        if reason:
            return reason
        if field == "publication" and " ".join(words(value)) in CODE_HOSTS:
            return f"a code host, not an outlet ({value})"
    if found.event_type is EventType.HIRING and found.metrics.get("hire") == "subject":
        return "an email's Subject: line, not a person (its body names the hire)"
    if found.event_type is EventType.PRODUCT_LAUNCH and _THEIR_LAUNCH.search(sentence):
        return "someone else's launch (launched their ...)"
    return None


def one_name(names: set[str]) -> set[str]:
    """Names left once a name told in part ("TinyPilot") joins the fuller one ("TinyPilot
    Voyager"): a message naming a product and then its model states one launch."""
    sets = {n: set(words(n)) for n in names}
    return {n for n in names
            if not any(o != n and sets[n] and sets[n] < sets[o] for o in names)}


def product_key(company_id: str, product: str) -> str:
    """A product's identity within its company: its words in any order, hyphens as spaces, the
    company's own name left out. "Plausible Analytics Self-Hosted" and "Self-hosted Plausible"
    at plausible-analytics are one product; a name that is only the company's stays whole."""
    own = set(company_id.lower().replace("_", "-").split("-"))
    parts = {w for w in words(product.replace("-", " ")) if w not in ("the", "a", "an")}
    rest = parts - own
    return " ".join(sorted(rest or parts)) or product


_LOOSE_END = " .,;:!?-\u2013\u2014*_#>|"


def readable(title: str) -> str:
    """A title as an investor reads it: no trailing stop or markdown ("Launched ProductHunt."),
    no bracket opened and never closed ("Sold an Enterprise plan for [Zestful")."""
    for opening, closing in ("[]", "()"):
        if title.count(opening) > title.count(closing):
            title = title.replace(opening, "")
        elif title.count(closing) > title.count(opening):
            title = title.replace(closing, "")
    title = title.replace("**", "")
    stripped = title.rstrip(_LOOSE_END).lstrip(_LOOSE_END)
    return stripped or title


_NAME_OPENING = re.compile(r"[A-Z][\w-]*\s+(?:[A-Z][\w-]*|v?\d+(?:\.\d+)*)\b")


def opens_a_name(text: str, at: int) -> bool:
    """Whether the word at `at` opens a capitalised name: "Data Studio", "Research Hub 2.0"
    (a product) rather than the common noun ("new data", "our annual report")."""
    return _NAME_OPENING.match(text, at) is not None
