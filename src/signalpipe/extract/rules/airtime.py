"""Airtime: coverage of us told the way founders and teams tell it in chat and update mail,
where ``company.media``, ``coverage.py`` and ``recognition.py`` look for a press office's verbs.

Coverage counts when it was published, an award or a title when it was won (shared
LABELLING.md). A talk one of us gives is our own content, as our blog post is (recognition's
tests hold "I gave a talk about Acme at KubeCon" as no coverage); our product shown on someone
else's stage, and talks and podcasts others gave about us, are coverage. Each family below is
written alike in Slack chatter, a founder's update email, a press round-up, a release note and
community chat (tests/unit/test_rules_airtime.py holds the hand-written variants of each
register and the look-alikes):

- **Shown at a named event, or a tally of others' talks**: "Tilt was demoed on the main stage
  at KubeCon EU", "Acme was showcased in the AWS keynote at re:Invent", "1 RailsConf lightning
  talk by @jwo", "1 EngineYard podcast interview". Look-alikes: our own talk ("I gave a talk at
  KubeCon"), a demo still to give, someone else's product on stage, an internal demo
  ("presented at the all-hands").
- **One of us given a title by a programme**: "our CTO was named an AWS Hero", "Priya became a
  Google Developer Expert", "Kai is now a Microsoft MVP", "made Forbes 30 Under 30".
  Look-alikes: applying or hoping to become one, the programme described, an MVP (the product).
- **A piece about us, in chat's words**: "TechCrunch wrote us up", "a piece in The Information
  about our pricing change", "our story ran in the Guardian", "we landed a feature in Forbes",
  "got a nice write-up in the Morning Brew", "Acme is in today's TLDR newsletter", "the Forbes
  article just went live". Look-alikes: a piece being written, an embargo, a piece about someone
  else, our own blog post or newsletter, a press release we issued.
- **One of us on a show to talk about us**: "I went on The Changelog to talk about Tilt",
  "Maria appeared on BBC Radio 4 to talk about Acme", "was on CNBC this morning talking about
  the round". Look-alikes: an appearance booked ("I'll be on the Changelog next month"), a show
  listened to, a competitor on the show.
- **A list or a grade we are on**: "named to the Forbes Cloud 100", "we're on Fast Company's Most
  Innovative Companies list", "Acme made the G2 Leader grid", "G2 named us a High Performer",
  "our inclusion on the Clutch Global Leaders List". Look-alikes: a list applied for, a
  shortlist, a waitlist, a mailing or price list, another company on the list.
- **A press section of an update**: "Press: Business Insider piece on our pricing", "Press this
  month" over "* Sifted: our founder on building in Europe", "In the news: TechCrunch, Axios and
  Sifted covered our Series A", "As seen in: TechCrunch, Forbes, Wired"; read once, at the
  section's first outlet. Look-alikes: a press release being drafted under the heading, others'
  news under "In the news", a press task.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found, cased
from signalpipe.extract.rules.lexicon import OUTLET
from signalpipe.extract.rules.names import key, names_in
from signalpipe.extract.rules.subject import FIRST_PERSON
from signalpipe.models import EventType

T = EventType

# A name as written: capitalised words, digits and a few joiners ("Data Council", "re:Invent",
# "KubeCon EU", "RomHack2021", "the Kubernetes Podcast").
_WORD = r"(?:[A-Z]|re:|[a-z]+[A-Z]|\d+[A-Z])[\w.:&'\u2019+/-]*"
_NAME = _WORD + r"(?:\s(?:" + _WORD + r"|\d[\w.-]*|of|on|for|and|the|de|in))" + "{0,4}"
# a name ends at its last capitalised word or figure: "Data Council in" is "Data Council"
_TRAIL = re.compile(r"(?:\s(?:of|on|for|and|the|de|in))+$")

# The talk or its stage is still ahead, hoped for, or only proposed (lower-cased text).
NOT_GIVEN = re.compile(r"\b(?:will|won't|going to|gonna|next (?:week|month|year|time)|upcoming"
                       r"|tomorrow|later (?:this|today)|cfp|call for (?:papers|proposals)"
                       r"|submit\w*|propos\w*|abstract|accepted|apply\w*|applied|hope\w*"
                       r"|would|could|should|might|plan\w*|want\w*|prep\w*|rehears\w*"
                       r"|practi[cs]\w*|draft\w*|if|booked|scheduled|invited|giving|'ll)\b|\?")


# a date after the name: "Gartner Symposium on Tuesday", "PyCon in May"
_WHEN = re.compile(r"\s(?:on|in|at|this|last)\s(?:Monday|Tuesday|Wednesday|Thursday|Friday"
                   r"|Saturday|Sunday|January|February|March|April|May|June|July|August"
                   r"|September|October|November|December)\b.*$")


_POSSESSIVE = re.compile(r"(?:'s|\u2019s|')$")


def _named(text: str) -> str:
    name = _TRAIL.sub("", _WHEN.sub("", text.strip(" .,;:!)("))).strip()
    return _POSSESSIVE.sub("", name)  # "the WSJ's tech newsletter": WSJ


# --- shown at a named event by others, or a tally of others' talks ------------------------------
# A talk we give is our own content, as our blog post is (tests/unit/test_rules_recognition.py:
# "I gave a talk about Acme at KubeCon" is no coverage); being shown on someone else's stage is.
SHOWN_AT = re.compile(
    r"\b(?i:was|were|got|been|is|are)\s+(?:(?i:just|also)\s+)?(?P<kind>(?i:demoed|demo'd"
    r"|showcased|featured|shown|presented|highlighted))\s+(?:(?i:on the main stage|on stage|live"
    r"|in (?:a|the) keynote|in (?:\w+\s){0,2}(?:talk|keynote|session))\s+)?(?i:at|during)\s+"
    r"(?:the\s+)?(?P<event>" + _NAME + r")")
# "1 RailsConf lightning talk by @jwo", "1 [EngineYard podcast interview]": a founder's tally
COUNTED = re.compile(r"^\W{0,6}(?:\d{1,2}|one|two|three)\s+\[?(?P<event>(?:[A-Z][\w.&'-]*\s)"
                     r"{1,3})(?:[\w-]+\s)?(?P<kind>(?i:podcast interviews?|podcasts?"
                     r"|podcast episodes?|(?:lightning )?talks? (?=by\s|on\s[A-Z])))")
# what no one is shown at for an investor update (lower-cased)
_INTERNAL = re.compile(r"^(?:all[- ]hands|standup|stand-up|offsite|off-site|town ?hall|retro"
                       r"|sprint|team|board|demo day|office hours|zoom|slack|meet|teams|monday"
                       r"|tuesday|wednesday|thursday|friday|saturday|sunday|january|february"
                       r"|march|april|may|june|july|august|september|october|november"
                       r"|december|length|work|home|lunch|dinner|night|noon|\d)\b")


def talk_given(clause: str, low: str, ctx: Context) -> Found | None:
    """Our product shown at a named event, or a tally of others' talks and podcasts on us."""
    m = SHOWN_AT.search(clause) or COUNTED.search(clause)
    if m is None or NOT_GIVEN.search(low):
        return None
    event = _named(m["event"])
    if not event or _INTERNAL.match(event.lower()) or (ctx.company and ctx.company.fullmatch(
            event)):
        return None
    head = clause[:m.start()]
    if m.re is SHOWN_AT and not (FIRST_PERSON.search(head)
                                 or (ctx.company and ctx.company.search(head))):
        return None  # "Stripe was showcased at re:Invent": theirs
    kind = m["kind"].lower()
    what = "Podcast interview on" if "podcast" in kind else \
        "Talk at" if "talk" in kind else "Shown at"
    return Found(T.MEDIA_COVERAGE, {"event": key(event)}, f"{what} {cased(event)}", m.start(),
                 relational=True, stakeholders=(event,), subtype="talk")


# --- one of us given a title by a programme ------------------------------------------------------
_TITLES = (("google developer expert", "Google Developer Expert"),
           ("gde", "Google Developer Expert"),
           ("aws community hero", "AWS Community Hero"), ("aws hero", "AWS Hero"),
           ("aws community builder", "AWS Community Builder"), ("microsoft mvp", "Microsoft MVP"),
           ("github star", "GitHub Star"), ("docker captain", "Docker Captain"),
           ("google cloud champion innovator", "Google Cloud Champion Innovator"),
           ("cncf ambassador", "CNCF Ambassador"), ("oracle ace", "Oracle ACE"),
           ("30 under 30", "30 Under 30"))
_TITLE_NAME = dict(_TITLES)
TITLED = re.compile(r"\b(?:named|became|become|becomes|is now|are now|now an?|made|selected as"
                    r"|recogni[sz]ed as|awarded|joined|joins|appointed|is officially"
                    r"|are officially)\s+(?:an?\s+|the\s+|as\s+an?\s+)?(?:\w+\s+){0,2}?(?P<t>"
                    + "|".join(re.escape(k) for k, _ in _TITLES) + r")(?:'?s)?\b")
# the title wished for, applied for or described ("Being appointed as a GDE means ...")
_NOT_TITLED = re.compile(r"\b(?:how to|means|being|apply\w*|applied|application|nominat\w*"
                         r"|hope\w*|want\w*"
                         r"|aim\w*|goal|would|could|should|will|programme|program is|if)\b")
_THEIR_PERSON = re.compile(r"\b[A-Z][\w&.-]*(?:'s|\u2019s)\s+(?:ceo|cto|founder|co-?founder"
                           r"|vp|head|engineer|lead)\b", re.IGNORECASE)
_WHO = re.compile(r"(?P<who>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\W*$|\b(?P<our>our (?:ceo|cto|coo|cpo"
                  r"|founder|co-?founder|head of \w+|vp \w+|lead \w+|\w+ engineer))\W*$",
                  re.IGNORECASE)


_AUXILIARIES = re.compile(r"\s+(?:was|were|has|have|just|been|who|recently|officially|,)+\s*$")


def titled(clause: str, low: str, ctx: Context) -> Found | None:
    """One of us named a Google Developer Expert, an AWS Hero, a Microsoft MVP (done)."""
    m = TITLED.search(low)
    if m is None or _NOT_TITLED.search(low) or _THEIR_PERSON.search(clause, 0, m.start()):
        return None
    head = _AUXILIARIES.sub("", clause[:m.start()]).rstrip(" ,")
    who = _WHO.search(head)
    name = (who["who"] or who["our"]) if who else None
    if name is None and head.lower().startswith("who"):
        # "Congrats to Priya, who just became a GDE": the name is in the clause before
        at = ctx.sentence.find(clause)
        found = names_in(ctx.sentence[:at]) if at > 0 else []
        name = found[-1][0] if found else None
    if name is None and not FIRST_PERSON.search(head):
        return None
    if name and name.lower() in {"we", "i", "it", "this", "that", "congrats", "congratulations"}:
        name = None
    title = _TITLE_NAME[m["t"]]
    subject = name[0].upper() + name[1:] if name else "Team member"
    return Found(T.MEDIA_COVERAGE, {"title": key(title)}, f"{subject} named {title}", m.start(),
                 relational=True, stakeholders=(title,), subtype="award")


# --- a piece about us, in chat's words -----------------------------------------------------------
_PIECE = r"(?:piece|article|story|feature|profile|write-?up|writeup|segment|column|interview)"
_OUTLET_WORD = r"(?:[A-Z][\w&.'\u2019-]*|\d+\w*)"
_OUTLET_NAME = r"(?P<outlet>" + _OUTLET_WORD + r"(?:\s" + _OUTLET_WORD + r"){0,3})"
PIECE = re.compile(
    # "TechCrunch wrote us up", "Sifted wrote up Acme"
    r"\b" + _OUTLET_NAME + r"\s+(?:just\s+)?(?P<verb>wrote (?:us|me) up|wrote up (?=[A-Z]))"
    # "a piece in The Information about our pricing change"
    r"|\b(?P<verb2>(?i:" + _PIECE + r"))\s+(?i:in|on|from|by)\s+(?:the\s+|The\s+)?"
    + _OUTLET_NAME.replace("outlet", "outlet2") + r"\s+(?i:about|on|covering|featuring)\s+"
    r"(?i:our|us|me|my)\b"
    # "our story ran in the Guardian", "my interview with Forbes went live"
    r"|\b(?i:our|my)\s+(?:[\w'\u2019]+\s+)?(?P<verb3>(?i:" + _PIECE + r"|op-?ed))\s+"
    r"(?i:ran|was published|appeared|came out|went live|is out|is live)\s+(?i:in|on)\s+(?:the\s+)?"
    + _OUTLET_NAME.replace("outlet", "outlet3")
    # "we landed a feature in Forbes", "got a nice write-up in the Morning Brew"
    + r"|\b(?i:landed|got|scored|earned|had)\s+(?:(?i:a|an|our first|another|some|two|three)\s+)?"
    r"(?:[\w-]+\s+)?(?P<verb4>(?i:" + _PIECE + r"|mention|shout-?out|spot|press|coverage))\s+"
    r"(?i:in|on|from)"
    r"\s+(?:the\s+|The\s+)?(?:(?i:today's|this week's|this morning's|yesterday's)\s+)?"
    + _OUTLET_NAME.replace("outlet", "outlet4")
    # "Acme is in today's TLDR newsletter"
    + r"|\b(?i:is|are|was|were|'re|made it|got)\s+(?i:in|into|featured in)\s+(?i:today's|this"
    r" week's|this month's|this morning's|yesterday's|the latest(?: issue of)?)\s+(?:the\s+)?"
    + _OUTLET_NAME.replace("outlet", "outlet5")
    # "The Forbes article just went live", "TechCrunch piece is out"
    + r"|(?:^|\b(?i:the)\s+)" + _OUTLET_NAME.replace("outlet", "outlet6") + r"\s+(?P<verb6>(?i:"
    + _PIECE + r"|podcast|episode))\s+(?:(?i:about us|on us)\s+)?(?i:just\s+)?(?i:is|went|has"
    r" gone|is now|just|dropped|came)\s*(?i:out|live|up|dropped|published|online)?\b"
    # "our feature in Fortune is out", "the podcast with our CEO on Acquired just went live"
    r"|(?:\b(?i:our|my|the)\s+|^\W{0,4})(?:[\w'\u2019]+\s+)?(?P<verb7>(?i:" + _PIECE
    + r"|podcast|episode|op-?ed))\s+(?:(?i:with)\s+(?i:our|me|us|my)\b[\w\s]{0,20}?\s)?"
    r"(?i:in|on|with)\s+"
    r"(?:the\s+)?" + _OUTLET_NAME.replace("outlet", "outlet7") + r"\s+(?i:just\s+)?(?i:is out"
    r"|is live|is up|went live|went out|dropped|aired|came out|ran)\b")
NOT_PUBLISHED = re.compile(r"\b(?:is writing|are writing|writing (?:a|an|up)|embargo\w*|will"
                           r"|going to|next (?:week|month)|tomorrow|pitch\w*|draft\w*|could"
                           r"|would|should|might|may|hope\w*|want\w*|asked (?:for|us|me)"
                           r"|reporter|journalist|if|our (?:own )?(?:blog|newsletter)"
                           r"|press release)\b|\?")
_GENERIC_WORDS = frozenset({"the", "a", "our", "my", "this", "that", "it", "we", "i", "new",
                            "nice", "great", "big", "first", "press"})


def piece_about_us(clause: str, low: str, ctx: Context) -> Found | None:
    """A piece about us published by a named outlet, in the words a team uses in chat."""
    m = PIECE.search(clause)
    if m is None or NOT_PUBLISHED.search(low):
        return None
    outlet = _named(next(g for g in (m["outlet"], m["outlet2"], m["outlet3"], m["outlet4"],
                                     m["outlet5"], m["outlet6"], m["outlet7"]) if g is not None))
    if not outlet or outlet.lower() in _GENERIC_WORDS \
            or (ctx.company and ctx.company.fullmatch(outlet)):
        return None
    if m["outlet4"] or m["outlet5"] or m["outlet6"] or m["outlet7"]:
        head = clause[:m.start()].strip(" -*\u2022:>")
        if head and not (FIRST_PERSON.search(head) or (ctx.company and ctx.company.search(head))):
            return None  # "Stripe is in today's TLDR": theirs; a bare "Got a write-up": ours
    if outlet.startswith("The ") and not OUTLET.fullmatch(outlet.lower()):
        outlet = outlet[4:]  # "The Forbes article": Forbes
    if (m["verb4"] or m["verb6"] or "").lower() == "feature" and not OUTLET.search(
            outlet.lower()):
        return None  # "got a feature in Linear": a product's feature, no outlet named
    if m["outlet6"] and not OUTLET.search(outlet.lower()):
        return None  # "The Q3 story is out": no outlet
    return Found(T.MEDIA_COVERAGE, {"publication": key(outlet)}, f"Coverage in {cased(outlet)}",
                 m.start(), relational=True, stakeholders=(outlet,))


# --- one of us on a show to talk about us --------------------------------------------------------
ON_SHOW = re.compile(
    r"\b(?i:was|were|went|appeared|am|is|are|'m|'re|been)\s+(?i:on|onto)\s+(?:the\s+)?"
    r"(?P<show>" + _NAME + r")\s+(?:(?i:this|last|yesterday|today|on)\s*\w*\s+)?(?i:to talk"
    r" about|talking about|to discuss|discussing|to chat about|chatting about|to share"
    r"|sharing|about)\s+(?P<topic>[^.;!?]{2,60})"
    r"|\b(?i:was|were)\s+(?i:interviewed)\s+(?i:on|by|for)\s+(?:the\s+)?(?P<show2>" + _NAME
    + r")\s+(?i:about)\s+(?P<topic2>[^.;!?]{2,60})")
# what the appearance was about is ours: us, the company, our round or launch, how we built it
_OUR_TOPIC = re.compile(r"^(?:us\b|our\b|my\b|how (?:we|i)\b|why (?:we|i)\b|what (?:we|i)\b"
                        r"|the (?:company|round|raise|launch|seed|series|acquisition|funding"
                        r"|product|startup)\b)", re.IGNORECASE)
_NOT_ON_AIR = re.compile(r"\b(?:will|going to|next (?:week|month)|tomorrow|upcoming|scheduled"
                         r"|booked|invited|would|could|should|hope\w*|want\w*|listen\w*"
                         r"|watch\w*|heard|if|call|meeting|zoom|slack|team)\b|\?",
                         re.IGNORECASE)


def on_air(clause: str, low: str, ctx: Context) -> Found | None:
    """One of us on a named show, there to talk about us (the appearance happened)."""
    if " on " not in low and "interviewed" not in low:
        return None
    m = ON_SHOW.search(clause)
    if m is None or _NOT_ON_AIR.search(clause):
        return None
    show = _named(m["show"] or m["show2"] or "")
    topic = (m["topic"] or m["topic2"] or "").strip()
    if not show or show.lower() in _GENERIC_WORDS or (ctx.company and ctx.company.fullmatch(show)):
        return None
    head = clause[:m.start()]
    ours = FIRST_PERSON.search(head) or (ctx.company and ctx.company.search(clause)) \
        or _OUR_TOPIC.match(topic) or not head.strip(" -*\u2022:")
    if not ours:
        return None
    return Found(T.MEDIA_COVERAGE, {"publication": key(show)}, f"On {cased(show)}", m.start(),
                 relational=True, stakeholders=(show,), subtype="appearance")


# --- a list or a grade we are on -----------------------------------------------------------------
_LIST_END = r"(?:list|grid|ranking|rankings|index|report|\d{2,4})"
ON_LIST = re.compile(
    r"\b(?i:we're|we are|we were|are|is|was|were|made|landed|made it|got|placed)\s+"
    r"(?i:on|onto|in|into)?\s?(?:(?i:the|this year's|last year's)\s+|\d{4}\s+)?"
    r"(?P<list>" + _WORD + r"(?:\s(?:" + _WORD + r"|\d{4}|of|for)){0,5}(?:'s|\u2019s)?"
    r"(?:\s(?:" + _WORD + r"|\d{4})){0,4}\s(?i:" + _LIST_END + r"))\b"
    r"|^\W{0,6}(?i:just\s+|officially\s+)?(?i:named|ranked|listed|included|selected)\s+"
    r"(?i:to|in|on|among|for)\s+(?:the\s+)?(?P<list2>" + _WORD + r"(?:\s(?:" + _WORD
    + r"|\d{4}|of|for)){0,5}(?:'s|\u2019s)?(?:\s(?:" + _WORD + r"|\d{4})){0,4}\s(?i:" + _LIST_END
    + r"))\b"
    r"|\b(?i:our|its)\s+(?i:inclusion|listing|placement|spot|place|position)\s+(?i:on|in)\s+"
    r"(?:the\s+)?(?P<list3>" + _WORD + r"(?:\s(?:" + _WORD + r"|\d{4}|of|for)){0,5}\s(?i:"
    + _LIST_END + r"))\b"
    r"|\b(?P<by>" + _WORD + r"(?:\s" + _WORD + r"){0,2})\s+(?i:named|ranked|recogni[sz]ed)"
    r"\s+(?P<us>us|[A-Z][\w.-]*)\s+(?i:as\s+)?(?:a|an|the|one of the)\s+(?P<grade>" + _WORD
    + r"(?:\s" + _WORD + r"){0,3})")
_NOT_ON_LIST = re.compile(r"\b(?:shortlist\w*|short list|waitlist|wait list|mailing list"
                          r"|email list|price list|to-?do list|guest list|reading list"
                          r"|list of (?:customers|features|tasks|things|bugs|issues)|apply\w*"
                          r"|applied|nominat\w*|hope\w*|aim\w*|goal|want\w*|should|would|could"
                          r"|will|next year|finalists?|if|status report|bug report"
                          r"|report (?:on|for) (?:the|our|q\d)|index fund|nasdaq|nyse|stock"
                          r"|exchange)\b|\?", re.IGNORECASE)


def on_list(clause: str, low: str, ctx: Context) -> Found | None:
    """A ranking, list or grade we are on (made, named to, included)."""
    m = ON_LIST.search(clause)
    if m is None or _NOT_ON_LIST.search(clause):
        return None
    head = clause[:m.start()]
    if m["by"]:
        us = m["us"]
        if not (us == "us" or (ctx.company and ctx.company.fullmatch(us))):
            return None
        name = f"{_named(m['grade'])} by {_named(m['by'])}"
    else:
        name = _named(m["list"] or m["list2"] or m["list3"] or "")
        stated = m.group()
        ours = FIRST_PERSON.search(head) or FIRST_PERSON.match(stated) \
            or (ctx.company and ctx.company.search(head)) or m["list2"] or m["list3"]
        if not ours or (m["list"] and not head.strip(" -*\u2022:>\t\n") and not FIRST_PERSON.match(
                stated)):
            return None
    if not name or (ctx.company and ctx.company.fullmatch(name)):
        return None
    title = f"Named {cased(name)}" if m["by"] else f"Named to {cased(name)}"
    # the outlet behind the list is the publication, so a restatement of "the Inc. article
    # about us" and "named to the Inc. Cloud 100" in one digest stay one event
    owner = _OWNER.match(name) or _FIRST_WORD.match(name)
    publication = m["by"] or (owner.group(1) if owner else name)
    return Found(T.MEDIA_COVERAGE, {"publication": key(publication)}, title,
                 m.start(), relational=True, stakeholders=(name,), subtype="ranking")


_OWNER = re.compile(r"^(.{2,30}?)(?:'s|\u2019s)\s")  # "Fast Company's Most Innovative ..."
_FIRST_WORD = re.compile(r"^(\S+)\s")  # "Inc. Cloud 100", "G2 Leader grid"


# --- vetoes of other detectors' coverage readings ------------------------------------------------
# the piece is still being written or held: "TechCrunch is writing a piece on us, embargo until
# Tuesday", "the reporter is drafting it" (lower-cased)
UNPUBLISHED = re.compile(r"\b(?:is|are|'s|'re) (?:still )?(?:writing|drafting|working on)"
                         r" (?:a|an|the|up|something)\b|\bembargo\w*|\bunder wraps\b"
                         r"|\bhas(?:n't| not) (?:been )?published\b")
# someone else's post at the top: "Linear was on the front page of HN today"
_THEY_TOPPED = re.compile(r"^\W*(?P<who>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2})(?:['\u2019]s"
                          r"(?: \w+){1,2})? (?:was|were|is|hit|made|reached|topped|got to"
                          r"|landed on|sat on|stayed on)\b")


def veto(found: Found, clause: str, sentence: str, company: re.Pattern[str] | None
         ) -> str | None:
    """Why a coverage reading is no published coverage of ours, or None."""
    if found.event_type is not T.MEDIA_COVERAGE or found.negative:
        return None
    low = sentence.lower()
    if ("writ" in low or "draft" in low or "embargo" in low or "wraps" in low
            or "publish" in low) and UNPUBLISHED.search(low):
        return "coverage not published yet"
    if found.subtype == "ranking":
        m = _THEY_TOPPED.match(clause)
        if m and not FIRST_PERSON.fullmatch(m["who"]) \
                and not (company and company.search(m["who"])) \
                and m["who"].split()[0] not in {"The", "This", "It", "Our", "My", "Post", "Today"}:
            return f"someone else's post ({m['who']})"
    return None


# --- a press section of an update ----------------------------------------------------------------
# "Press: Business Insider piece on our pricing", "In the news:\n- TechCrunch: 'Acme raises ...'":
# the section's label, then an outlet opening its line with what it ran
_PRESS_LABEL = (r"(?i:press|in the (?:news|press)|media(?: mentions| coverage)?|(?:press )?coverage"
                r"|as seen (?:in|on))(?i: this (?:week|month|quarter))?")
LABEL_LINE = re.compile(r"^\W{0,6}" + _PRESS_LABEL + r"\W{0,4}$")
PRESS_LINE = re.compile(r"^\W{0,6}(?:" + _PRESS_LABEL + r"\s*[:\u2013\u2014-]\s*)?"
                        r"(?:[-*\u2022]\s+)?(?:(?i:the)\s+)?(?P<outlet>" + _OUTLET_WORD
                        + r"(?:\s" + _OUTLET_WORD + r"){0,3})"
                        # what it ran: "TechCrunch: ...", "Business Insider piece on ..."
                        r"(?:\s*[:\u2013\u2014]\s+|\s+(?i:piece|article|story|interview"
                        r"|feature|profile|op-?ed|write-?up|segment|podcast|mention)\b"
                        # or a list of outlets that covered us: "TechCrunch, Axios and Sifted
                        # covered our Series A", "As seen in: TechCrunch, Forbes, Wired"
                        r"|(?:(?:,\s|\s(?:and|&)\s)[^.;:!?]{0,60}?)?\s(?i:covered|wrote about"
                        r"|wrote up|featured|profiled|interviewed|mentioned|ran)\b"
                        r"|(?=(?:,\s|\s(?:and|&)\s)[A-Z][^.;:!?]{0,60}$))")
_LABELLED = re.compile(r"^\W{0,6}" + _PRESS_LABEL + r"\s*[:\u2013\u2014-]")


def press_section(clause: str, low: str, ctx: Context) -> Found | None:
    """The first outlet of an update's press section, or of a press line under its label."""
    line = ctx.sentence or clause
    m = PRESS_LINE.match(line)
    if m is None or not (_LABELLED.match(line) or LABEL_LINE.match(ctx.before)):
        return None
    outlet = _named(m["outlet"])
    if not OUTLET.search(outlet.lower()) or outlet.lower() in {"news", "post", "daily", "weekly"} \
            or NOT_PUBLISHED.search(line.lower()):
        return None
    if not line.startswith(clause.lstrip()[:20]) and line.find(clause) > m.end():
        return None  # a later clause of the line: the line is read once, at its outlet
    return Found(T.MEDIA_COVERAGE, {"publication": key(outlet)}, f"Coverage in {cased(outlet)}",
                 0, relational=True, stakeholders=(outlet,))
