"""An event's title cut to what an investor reads: the event's core, in a headline's few words.

Detectors title many events with the clause that states them (``said``), which works for
"NRR hit 124%" and not for a press release's or a chat message's longer sentence: "Merger:
Because mistakes happen, we are releasing ...", "Incident: Downtime is costly.” Nova AI's tech
...", "Acquisition: Acme to acquire Globex in $50M deal". A name read next to a trigger can be
an ordinary word ("Churn: renewed", "Award: award") or a lone verb ("Departs"). This runs once,
on the title shown, after events are merged: a fingerprint never depends on it, so which events
are found stays the same and only their titles read better. Each step fixes a shape of title,
whatever the detector: a clause's opener ("Because ...,", "Lastly,"), a quote closed that was
never opened, a headline's acquisition named by its target, a clause past a dozen words cut at a
word that can end one, and a title that names nothing given its type's plain name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from signalpipe.extract.rules.common_words import COMMON_WORDS
from signalpipe.extract.rules.voice import voiced
from signalpipe.models import EventType

_MAX_WORDS = 12
# "Label: text", the detector's family label before the clause ("Acquisition: ...").
_LABEL = re.compile(r"^(?P<label>[A-Z][\w ]{0,30}): (?P<rest>.+)$")
# A clause opening on a reason or condition before its main clause ("Because mistakes happen,
# we ..."), or on a discourse word ("Lastly, a company reached out"): the main clause is the news.
_SUBORDINATE = re.compile(
    r"^(?:(?:because|since|although|though|while|as|if|when|once|after)\b[^,]{3,80}"
    r"|lastly|finally|also|so|and|but|plus|anyway|btw|fyi|update|news|ps),\s+(?=\w)",
    re.IGNORECASE)
# What is left of a possessive whose owner was cut off ("'s $5bn Loss").
_ORPHAN_POSSESSIVE = re.compile(r"^['\u2019]s\s+")
_CLOSING_QUOTES = (("\u201c", "\u201d"), ("\u2018", "\u2019"))
_SPACED_BRACKET = re.compile(r"\(\s+([^()]*?)\s+\)")
# "Acme to acquire Globex in $50M deal": the headline's target names the acquisition.
_ACQUIRES = re.compile(
    r"\b(?i:to acquire|acquires|acquired|has acquired|will acquire|agrees? to (?:acquire|buy)"
    r"|to buy|buys|bought)\s+(?P<target>(?:the )?(?:[A-Z][\w&.'\u2019-]*|of|and|de)"
    r"(?:\s+(?:[A-Z][\w&.'\u2019-]*|&|of|de))*)")
# "Acme and Globex announce a merger to create ...": a merger is named by its two parties.
_MERGING = re.compile(r"^(?P<a>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3}) and (?P<b>[A-Z][\w&.'-]*"
                      r"(?: [A-Z][\w&.'-]*){0,3}) (?:to |will |have |has )?(?:agreed to )?"
                      r"(?i:announce[sd]?|agree[sd]?|complete[sd]?|merge[sd]?|to merge"
                      r"|sign(?:ed)?)\b")
# Words a clause does not end on: an article, a preposition, a conjunction, a linking verb.
_DANGLING = frozenset([
    "a", "an", "the", "of", "to", "for", "with", "and", "or", "but", "in", "on", "at", "by",
    "from", "as", "is", "are", "was", "were", "be", "been", "that", "which", "who", "our",
    "their", "its", "his", "her", "my", "your", "this", "into", "than", "because", "so", "if",
    "&", "-", "\u2013", "\u2014",
])
# A type's plain name, for a title whose own words name nothing ("Renewal", "Departs").
_PLAIN = {
    (EventType.CUSTOMER_SUCCESS, False): "Customer renewal",
    (EventType.CUSTOMER_SUCCESS, True): "Customer churn",
    (EventType.HIRING, True): "Key departure",
    (EventType.HIRING, False): "New hire",
    (EventType.MEDIA_COVERAGE, False): "Award",
    (EventType.PARTNERSHIP, False): "New partnership",
}
# Words that open a reply, not a name: "Absolutely, :slack: is great for our partners".
_INTERJECTIONS = frozenset(["absolutely", "yes", "yeah", "sure", "thanks", "totally",
                            "definitely", "indeed", "exactly", "agreed", "nice", "great",
                            "awesome", "cool", "wow", "congrats", "hey", "hi", "hello"])
_WORD = re.compile(r"\S+")
# Words that open the next clause: what comes before them is a whole statement.
# ("and" is left out: "Acme and Globex", "Corp and Trinity" join names, not clauses.)
_NEXT_CLAUSE = frozenset(["as", "after", "which", "while", "because", "since", "following",
                          "but", "so", "when", "where", "who", "amid", "despite"])
# A second clause joined to the first: "Renewed their accounts, and 1 has bowed out".
_SECOND_CLAUSE = re.compile(r"(?:,| -| \u2013| \u2014) (?:and|but|while|whereas) |; ")
# A release's verb of saying before its news: "Acme Corp today announced it has entered ...".
_ANNOUNCED = re.compile(r" (?:today (?:announced|announces|said)|(?:announced|announces|said)"
                        r" today)(?: that)?(?: (?:it|they)(?= (?:has|have|will|is|signed"
                        r"|entered|closed|completed)\b))?")
# "Security incident which had started ...": a relative clause opens after a short noun phrase.
_RELATIVE = frozenset(["which", "who", "that"])
# A wire release's dateline before its lead: "JENKS, Okla.--(BUSINESS WIRE)--".
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,[^-]{0,40}--\s*\((?:BUSINESS WIRE|PRNewswire"
                       r"|GLOBE NEWSWIRE|[A-Z ]+)\)\s*--\s*")
# Slack's emoji as typed (":tada:", ":rotating_light:"), or one a detector's cut left open
# (":tada…"): in an email they read as code, not as a picture.
_SHORTCODE = re.compile(r"\s*:[a-z0-9_+-]{2,40}(?::|(?=\u2026$))")
# A Slack user id the export left unresolved ("@U3T21PDBK of Ascend"): a key, never a name.
# Known by its "@" or by the company it is "of" ("US11036433", a patent, is neither).
_USER_ID = re.compile(r"@U[A-Z0-9]{8,10}\b(?: (?:of|from|at) )?|\bU[A-Z0-9]{8,10} (?:of|from|at) ")
# "Highest revenue month ever: $9.8k in revenue": the label already says what the figure is.
_SAID_TWICE = re.compile(r"(?i)(?P<label>\brevenue\b.*: .*\d[kmb]?) in revenue$")
# The verb a launch title opens with, then the product as the detector capitalised it.
_SHIPPED = re.compile(r"^(?P<verb>Released|Launched|Shipped|Introduced) (?P<word>[A-Z][a-z]+)\b")
# A headline's next word read into the product's name ("Generic Webhook Subscriptions Starting
# on August 6th", "Foundations Has Launched!"): a verb or a time, never a name's last word.
_NAME_TAIL = re.compile(r"(?<=\w) (?:Starting|Has|Have|Is|Are|Was|Today|Available)$")


# "joined the Google Cloud Partner Advantage program": a programme is named whole, by the words
# around the one a detector kept ("Partnership with Advantage").
_PROGRAMME = (r"\b(?P<verb>joined|joins|accepted into|admitted to|selected for)\s+(?:the\s+)?"
              r"(?P<name>(?:[A-Z][\w.&+'-]*\s+){{0,6}}{name}(?:\s+[A-Z][\w.&+'-]*){{0,3}})\s+"
              r"(?P<kind>program|programme|network|accelerator|alliance|ecosystem|cohort)\b")
# "I launched my first ever paid course, Hit the Front Page": the founder's own work, whose
# title-case name holds words an outlet has ("Coverage in Front Page").
_OWN_WORK = (r"\b(?:launched|released|published|shipped|wrote)\s+(?:my|our|a|the)\s+"
             r"(?P<what>(?:first\s+)?(?:ever\s+)?(?:[a-z]+\s+){{0,2}}?(?:course|book|ebook|"
             r"guide|newsletter|podcast|game|album|app|talk)),?\s+[\"\u201c]?"
             r"(?P<name>(?:[A-Z][\w'-]*\s+)+(?:(?:the|a|of|on|in)\s+)*{name})\b")
# "Launched Insights Has 2.0" from "Acme 2.0: Insights Has Launched!": the version read onto a
# name is another name's; a headline verb read as the name's last word.
_LAUNCH = re.compile(r"^(?P<verb>Launched|Released|Shipped) (?P<name>.+?)"
                     r"(?: (?:Has|Have|Is|Are|Was))? (?P<v>v?\d+(?:\.\d+)+)$")
# Someone else's release, said as news about it: "Next.js 15.0 just dropped, Bun 1.2 is out".
_THEIRS = r"{name}\s+(?:(?:just|finally|officially)\s+)?(?:dropped|is out|is now out|landed)\b"
_OURS = re.compile(r"\b(?:we|our|us|i|my|we're|we've|i've)\b", re.IGNORECASE)


# A headline's announcement after the name: "Early Access to App Cards ... is Here".
_IS_HERE = re.compile(r"^(?P<name>[A-Z].+?) (?i:is|are) (?i:here|live|now live|out now"
                      r"|now available)$")


def _misread(title: str, event_type: EventType, evidence: str) -> str | None:
    """A title whose name the detector read out of a longer one: a programme joined, a
    founder's own work taken for an outlet, a launch given another product's version, a
    headline's "is Here" read into the name."""
    here = _IS_HERE.match(title) if event_type is EventType.PRODUCT_LAUNCH else None
    if here and not _SHIPPED.match(title):
        return f"Launched {here['name']}"
    if event_type is EventType.PARTNERSHIP and title.startswith("Partnership with "):
        name = title.removeprefix("Partnership with ")
        m = re.search(_PROGRAMME.format(name=re.escape(name)), evidence)
        if m:
            return f"Joined the {m['name']} {m['kind']}"
    if event_type is EventType.MEDIA_COVERAGE and title.startswith("Coverage in "):
        name = title.removeprefix("Coverage in ")
        m = re.search(_OWN_WORK.format(name=re.escape(name)), evidence, re.IGNORECASE)
        if m and m["name"][:1].isupper():
            return f"Launched {m['what']}, {m['name']}"
    launch = _LAUNCH.match(title) if event_type is EventType.PRODUCT_LAUNCH else None
    return _versioned(launch, evidence) if launch else None


def _versioned(launch: re.Match[str], evidence: str) -> str | None:
    """A launch with the version its own name has in the evidence ("Bun 1.2", never Next.js's
    "15.0"), said as someone else's release when the message is news about it; None when the
    title's name and version stand together in the evidence."""
    name, version = launch["name"], launch["v"]
    digits = version.lstrip("vV")
    if re.search(rf"{re.escape(name)}\s+[vV]?{re.escape(digits)}", evidence):
        return None  # "Acme CLI v3.4.0" for "Acme CLI 3.4.0": its own version, as titled
    owner = re.search(rf"(?<![\w.])([A-Z][\w.+-]*)\s+[vV]?{re.escape(digits)}\b", evidence)
    if owner is None or owner[1] in (name, name.split()[-1]) or owner[1].lower() == "version":
        return None  # the version is no other name's: the detector's reading stands
    own = re.search(rf"{re.escape(name)}\s+(v?\d+(?:\.\d+)+)\b", evidence)
    if own is None:
        return f"{launch['verb']} {name} in {owner[1]} {version}"
    shown = f"{name} {own[1]}"
    if _OURS.search(evidence) is None and re.search(_THEIRS.format(name=re.escape(shown)),
                                                    evidence, re.IGNORECASE):
        return f"{shown} released"  # news about another maker's release, never "Launched"
    return f"{launch['verb']} {shown}"


def _quote_closed(text: str) -> str:
    """Text up to a quote closed that was never opened in it ("costly.” Nova AI's tech")."""
    for opening, closing in _CLOSING_QUOTES:
        at = text.find(closing)
        # an apostrophe inside a word (a curly "Shell's") closes nothing
        if at > 0 and text.count(opening) == 0 and (at + 1 == len(text)
                                                     or not text[at + 1].isalnum()):
            head = text[:at].rstrip(" .,;:!?")
            if len(head.split()) >= 3:
                return head
    if text.count('"') % 2 == 1:
        return text.replace('"', "")
    return text


def _cut(text: str) -> str:
    """A clause past fifteen words cut where its next clause starts ("Revenue dropped for the
    month as I redirected ..."), or at a comma, or else after the last word that can end one
    within a dozen, marked as cut."""
    was_cut = text.endswith("\u2026")  # a detector's own cut, at a length, not a clause
    parts = _WORD.findall(text.rstrip("\u2026"))
    if len(parts) <= _MAX_WORDS + 3 and not was_cut:
        return text  # a few words more read better than a cut that loses them
    for n in range(2, min(_MAX_WORDS, len(parts) - 1) + 1):
        word = parts[n].lower()
        if word in _RELATIVE or (n >= 3 and parts[n - 1].endswith(",")) or (
                n >= 4 and word in _NEXT_CLAUSE):
            return " ".join(parts[:n]).rstrip(",;:")
    kept = parts[:_MAX_WORDS + (2 if was_cut else 0)]
    while len(kept) > 4 and kept[-1].lower().strip(",;:") in _DANGLING:
        kept.pop()
    return " ".join(kept).rstrip(",;:") + "\u2026"


def _named(label: str, rest: str, evidence: str) -> str | None:
    """A label with a better name: an acquisition by its target (from the evidence where the
    title was cut before it), a word that names nothing ("Churn: renewed", "Award: award") by
    the label alone."""
    if label == "Acquisition":
        bought = _ACQUIRES.search(rest) or (_ACQUIRES.search(evidence)
                                            if rest.endswith("\u2026") else None)
        if bought:
            target = re.sub(r"(?:\s+(?:of|and|de|&))+$", "", bought["target"]).rstrip(".,")
            target = re.sub(r"^the ", "", target)
            return f"Acquisition of {target}"
    merging = _MERGING.match(rest) if label == "Merger" else None
    if merging:
        return f"Merger of {merging['a']} and {merging['b']}"
    word = rest.lower()
    if rest.count(" ") == 0 and (word == label.lower() or word in COMMON_WORDS):
        return label
    return None


def _tidied(title: str, evidence: str) -> str:
    """``title`` without Slack's furniture (emoji shortcodes, user ids), a figure's noun said
    twice, or a common word capitalised only because it came first in the detector's name
    ("Released New API client libraries" where the message says "new API client libraries")."""
    if ":" in title:
        title = _SHORTCODE.sub("", title).replace(" \u2026", "").strip() or title
    title = _USER_ID.sub("", title)
    title = _SAID_TWICE.sub(r"\g<label>", title)
    shipped = _SHIPPED.match(title)
    if shipped and len(title[shipped.start("word"):].split()) > 1:
        title = _NAME_TAIL.sub("", title)
    if shipped and shipped["word"].lower() in COMMON_WORDS \
            and re.search(rf"\b{shipped['word'].lower()}\b", evidence) \
            and not re.search(rf"\b{shipped['word']}\b", evidence):
        word = shipped["word"].lower()
        article = re.search(rf"\b(an?|the) {word}\b", evidence, re.IGNORECASE)
        said = f"{article[1].lower()} {word}" if article else word  # "an update to ..."
        title = f"{shipped['verb']} {said}{title[shipped.end():]}"
    return title


def plain(title: str, event_type: EventType, negative: bool) -> str:
    """The type's plain name for a title whose words name nothing, else the title."""
    base = _PLAIN.get((event_type, negative))
    label = _LABEL.match(title)
    if base is None:
        return title
    if label and label["rest"].lower() == "renewed":
        who = label["label"]
        return base if who.lower() in COMMON_WORDS | {"churn", "renewal"} else f"{who} renewed"
    if " " not in title.strip():
        return base
    with_whom = title.rsplit(" with ", 1)
    if event_type is EventType.PARTNERSHIP and len(with_whom) == 2 \
            and with_whom[1].lower() in _INTERJECTIONS:
        return base
    return title


def polished(title: str, event_type: EventType, negative: bool = False,
             evidence: str = "", metrics: Mapping[str, object] | None = None) -> str:
    """``title`` as a headline: its clause's core, a dozen words at most (see module doc);
    ``evidence`` is the text the title was read from, ``metrics`` the event's figures (a
    change said from them: voice.py)."""
    title = _SPACED_BRACKET.sub(r"(\1)", _ORPHAN_POSSESSIVE.sub("", title))
    title = _tidied(title, evidence)
    misread = _misread(title, event_type, evidence)
    if misread:
        return misread
    label = _LABEL.match(title)
    head, rest = (f"{label['label']}: ", label["rest"]) if label else ("", title)
    if label:
        rest = _DATELINE.sub("", rest)
        better = _named(label["label"], rest, evidence)
        if better:
            return plain(better, event_type, negative)
    written = rest
    rest = _ANNOUNCED.sub("", _SUBORDINATE.sub("", _DATELINE.sub("", rest)))
    rest = _SECOND_CLAUSE.split(rest, 1)[0] if len(_SECOND_CLAUSE.split(rest, 1)[0].split()) >= 2 \
        else rest
    head, rest = voiced(head, rest, evidence, metrics)  # third person, subject and verb kept
    rest = _cut(_quote_closed(rest))
    if rest != written:
        rest = rest[:1].upper() + rest[1:]  # a clause cut at its head starts a sentence
    if label and rest.lower() == label["label"].lower():
        return plain(label["label"], event_type, negative)  # "Security incident: Security incident"
    return plain(_ended(head + rest), event_type, negative)


_JOINERS = frozenset(["and", "or", "but", "with", "of", "to", "for", "the", "a", "an", "&"])


def _ended(title: str) -> str:
    """A title without the joining word a name's reading ran into: "Partnership with a European
    distributor and" (from "partnered with a European distributor and refocused ...")."""
    parts = title.split(" ")
    while len(parts) > 3 and parts[-1] in _JOINERS:  # "Series A" ends on a name
        parts.pop()
    return " ".join(parts)
