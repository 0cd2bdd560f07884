"""Readings that are true of someone, or of no one, but not news of ours: a veto over every
detector's reading, run after the subject and modality checks (reader.py, subject.py,
modality.py) for the shapes those clause-level checks do not see.

Families, each written from how people write before it was checked on the corpus, with the
look-alike that stays an event:

- **Someone else's venture as the subject**: "Sam's startup just got into YC!", "congrats to
  @maria's company on their seed", "my old company Hooli just got acquired", "my friend's
  startup raised a Series A". Look-alike: "Sam's startup just signed up for Acme" (we are the
  object: a customer won).
  So is a named team ("The Hooli team raised a $5M seed") and news the writer is glad about
  for them ("...; we're excited for them").
- **A named other's noun**: "Globex's Series C was led by Tiger Global", "Initech's revenue
  crossed $100M", "Hooli's new CEO starts on Monday". Look-alikes: "Acme's Series A", "Today's
  launch", "Initech's former CTO joined Acme as VP Engineering" (our hire); a deal or a
  customer's result keeps its reading (someone acting towards us).
- **Their round, not ours**: a round called "their", "his" or "her" with no "we", "our" or our
  name in the clause, an "our" that names a customer or partner aside ("Globex approached
  Initech about leading their Series A", "Our biggest customer, Globex, just closed their
  Series D"). Look-alike: "Initech led our Series A", "Acme closed their Series A".
- **A vendor's release passed on**: a launch whose product a known vendor or platform makes,
  opening the clause with no "we" before it ("new Chrome version is out, breaks our
  extension", "GitHub Copilot Workspace is now GA", "heads up: Stripe Checkout v3 is live").
  Look-alikes: "The Acme iOS app is live", "our Slack app", "now available on Apple Vision
  Pro", "a team led by former Stripe executives launched Relay".
- **An approach between two others**: "Globex approached Initech about leading ...", "Sequoia
  reached out to Hooli to lead" (a fund courting another startup). Look-alike: "Sequoia
  approached us about leading our Series A" (interest in us).
- **A subject past a label**: "Portfolio news from our lead investor: Initech acquired Hooli"
  (the label's "our" is not the subject). Look-alike: a label naming the company is a
  headline's ("Sainsbury's share price: Grocer launches click-and-collect").
- **A launch of what is no product of ours**: a person linked to their profile ("Introducing
  [Jane Doe](https://twitter.com/janedoe)"), a session held somewhere ("Announcing Angular
  Master Class in Freiburg", "a new Rust training in London"), a community space ("Launching
  our community Slack"), a launch told as backstory ("by the time we released 3.0.0", "back
  when we launched v1"). Look-alikes: "Introducing [Acme Studio](https://acme.io/studio)", a
  release linked to its repository ("[Tilt v0.8](https://github.com/tilt-dev/...)"), "our
  course in Spanish" (a product's language, not a place).
- **Work, not a partnership or press**: colleagues teaming up ("Sam and I partnered up on the
  PR review", "we paired up on the billing bug"), an internal publication ("featured in the
  Globex employee newsletter"). Look-alikes: "Acme teamed up with Globex on a joint payments
  offering", "featured in the Globex newsletter to their 50k customers".
- **A linked page's title**: a Slack link's label ("<https://...|Initech raises $30M ...>") or
  a markdown link's text naming someone else is a preview of their news. Look-alike: the label
  names us ("<https://...|Acme raises $10M>").
- **Guides and how-tos** (advice to the reader): "How to raise a seed round", "How we made our
  first dollar online (a guide)", "The ultimate guide to getting SOC 2 certified", "7 mistakes
  to avoid when you hire your first VP Sales". Look-alike: a retrospective of ours, "What we
  learned on our journey to $10,000 MRR" or "Lessons from our Series A": the milestone is ours
  and real, and the corpus's gold counts such a title as stating it.
- **Jokes that undo the claim**: a "round" of drinks or applause, a claim with a laugh and a
  qualifier that takes it back ("we hit 1M users (if you count bots haha)", "officially
  profitable (for about an hour) lol", "in my dreams"). Look-alike: "we closed the round lol
  I can't believe it" (a laugh, nothing taken back).
- **Templates and placeholders**: "[Company] raised $X led by [Investor]", "Raise $Xm in an A
  round", "Acme raised $__M led by ___", "{company_name} just launched {product}" (the
  shared ``modality.REPORTED`` takes the bracketed words it lists, at a sentence's start too,
  since stop 23). Look-alike: "[Acme] raised $3M" is not written; footnotes "[1]"
  and markdown links are no placeholders.
- **Job posts**: "We are hiring! Our new Head of Marketing role is now open", "open role:
  founding engineer", "apply here", a req read as a launch ("Our VP Engineering req is live").
  Look-alike: "Jane accepted our offer for the VP Sales role".
- **Old news dated**: "As announced in March 2024, Acme closed its Series A" in a 2026 message,
  "our 2022 seed round was led by X". Look-alike: "As announced in December, we closed the
  round" in January; "our 2025 seed" in a January 2026 review.
- **A place that is no place**: "Expanded to G9" (a code), "a whole new market for us" (the
  pronoun read as the US), "expanded to Enterprise" (a customer segment), "expands to Dcode
  Capital" (a firm), an audience read as a product ("now available to SMBs"). Look-alikes:
  "we're now live in the US", "now available in French", "Introducing Teams" (a plan).
- **A raise heard of or under way**: "Black Forest Labs is raising $100M at a $1B valuation,
  say sources", "Initech is in talks to raise". Look-alike: "Acme raised $100M, the company
  said" (done and stated by its owner).
"""

from __future__ import annotations

import re
from datetime import date

from signalpipe.extract.rules.found import Found
from signalpipe.extract.rules.subject import FIRST_PERSON, third_party
from signalpipe.models import EventType

T = EventType

# -- someone else's venture ------------------------------------------------------------------
_VENTURE = (r"(?:new |little |tiny |first |own )?(?:startup|start-up|company|business|team"
            r"|project|app|shop|agency|firm|venture|side project|employer|portfolio company)\b")
_OTHERS_VENTURE = re.compile(
    r"(?:(?<![\w@])@?[A-Z][\w.-]*|(?<![\w@])@[\w.-]+)['\u2019]s " + _VENTURE
    + r"|\b(?i:my|a|one|our) (?i:friend|buddy|brother|sister|cousin|wife|husband|dad|mom|mum"
    r"|old boss|former colleague|ex-colleague|colleague|classmate|roommate|neighbou?r"
    r"|co-?founder|advisor|adviser|mentor|angel|investor)s?['\u2019]s? "
    r"(?i:old |former |previous |last )?" + _VENTURE
    + r"|\b(?i:my) (?i:old|former|previous|last|ex-) ?" + _VENTURE
    # "The Hooli team raised a $5M seed"
    + r"|\b(?i:the) [A-Z][\w&.-]*(?: [A-Z][\w&.-]*)? (?i:team|folks|founders|crew)\b")
# "we're excited for them": the writer is glad for someone else
_GLAD_FOR = re.compile(r"(?i)\b(?:excited|happy|thrilled|proud|stoked|glad|pumped) for (?:them"
                       r"|him|her)\b")
# "our biggest customer", "our friends at": an "our" that names someone else
_OUR_OTHERS = re.compile(r"(?i)\bour (?:[\w-]+ ){0,2}?(?:customers?|clients?|partners?|investors?"
                         r"|friends?|competitors?|portfolio compan\w+|vendors?|suppliers?"
                         r"|neighbou?rs?)\b")
# "Globex's Series C", "Initech's revenue", "Hooli's new CEO": the event's noun is a named
# other's (not "Acme's", "Today's", "Q3's", "The company's")
_POSSESSED = re.compile(
    r"(?<![\w@#])(?P<who>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2})['\u2019]s (?:(?:new|latest"
    r"|first|own|recent|big|annual|total|interim|incoming|\$[\d.,]+\s?[mkb]?) )*(?i:(?:pre-?)?"
    r"seed\b|series [a-h]\b|round\b|raise\b|revenue|arr\b|mrr\b|sales\b|ceo\b|cto\b|cfo\b"
    r"|coo\b|cmo\b|cro\b|vp\b|head of|chief|launch|ipo\b|acquisition|valuation|users\b"
    r"|customers\b|funding|fund\b)")
_NOT_OWNERS = frozenset(["today", "yesterday", "tonight", "this", "last", "next", "that", "it",
                         "there", "here", "everyone", "the", "q1", "q2", "q3", "q4", "year",
                         "month", "week", "quarter", "what", "who", "let", "company"])
_FORMER = re.compile(r"(?i)\b(?:former|ex-|previously|then)\b")
# "Portfolio news from our lead investor: Initech acquired Hooli": the label's "our" is not the
# subject of what follows it (a label naming the company is a headline's: "Sainsbury's share
# price: Grocer launches click-and-collect" is Sainsbury's news)
_LABEL = re.compile(r"^[^:]{3,60}:\s+(?=\S)")
# -- their round ------------------------------------------------------------------------------
_THEIR_ROUND = re.compile(
    r"(?i)\b(?:their|his|her) (?:(?:[$\u20ac\u00a3][\d.,]+\s?(?:[mkb]|mm|million|billion)?|new"
    r"|first|latest|next|big) )?(?:(?:pre-?)?seed\b|series [a-h]\b|[a-h] round|round\b|raise\b"
    r"|bridge\b|fundraise\b|[a-h](?=\W*$))")
# -- a vendor's release passed on ------------------------------------------------------------
# Platforms and vendors every startup builds on, whose releases its chat passes on ("new Chrome
# version is out, breaks our extension", "GitHub Copilot Workspace is now GA", "heads up:
# Stripe Checkout v3 is live, we need to migrate"); launchscope.platform_subject reads the
# open-source platforms a clause opens on when it never speaks for us.
_VENDOR = re.compile(
    r"(?i)(?:the )?(?:new )?(?:google|alphabet|apple|microsoft|amazon|aws|azure|gcp|meta|facebook"
    r"|instagram|whatsapp|openai|chatgpt|gpt-?\d|anthropic|claude|gemini|stripe|github|gitlab"
    r"|copilot|slack|figma|notion|vercel|netlify|heroku|cloudflare|datadog|linear|atlassian"
    r"|jira|confluence|salesforce|hubspot|shopify|zoom|twilio|zapier|airtable|supabase|firebase"
    r"|chrome|safari|firefox|ios|ipados|macos|android|windows|xcode|vs ?code|docker|kubernetes"
    r"|postgres(?:ql)?|mysql|redis|kafka|mongodb|node(?:\.?js)?|python|react|next\.js|rust"
    r"|typescript|tailwind|iphone|ipad|pixel|x\.com|twitter|linkedin|tiktok|youtube|discord"
    r"|telegram|intercom|zendesk|segment|mixpanel|amplitude|snowflake|databricks)\b")
_OURS_BEFORE = re.compile(r"(?i)\b(?:we|we've|we're|our|us|i|i've|my)\b|\b(?:on|for|with|into"
                          r"|to|in|where|wherever|supports?|support for)\s+(?:the\s+)?$")
# what may stand before the vendor's name that opens the clause: "heads up: ", "FYI the new "
_LEAD_IN = re.compile(r"(?i)\W*(?:[\w ]{1,20}:\s*)?(?:(?:the|new|a|fyi|psa|heads up|btw|so|wow"
                      r"|looks like|apparently)\W+)*")
# what after the vendor's name makes it a thing of ours for that platform
_FOR_IT = re.compile(r"(?i)\s+(?:app|apps|application|integration|connector|plugin|extension"
                     r"|add-?on|bot|action|client|sdk|support|edition|build|port"
                     r"|listing|template|skill)s?\b")
# -- launches of what is no product of ours ---------------------------------------------------
# a person linked to their profile: "Introducing [Jane Doe](https://twitter.com/janedoe)"
# (a GitHub address is a person's only with one segment: "github.com/tombaker", not a repo's)
_PROFILE = re.compile(r"\[(?P<label>[^\[\]]{2,60})\]\(https?://(?:www\.)?(?:(?:twitter\.com|x\.com"
                      r"|linkedin\.com/in|mastodon\.\w+|bsky\.app|instagram\.com)/"
                      r"|github\.com/[\w-]+/?\))")
# a session held somewhere: "a new Rust training in London", "Master Class in Freiburg"
_SESSION = re.compile(r"(?i)\b(?:class|course|training|workshop|masterclass|bootcamp|meetup"
                      r"|seminar|lecture|roadshow)(?:es|s)?\b[^.;!?]{0,30}?\b(?:in|at) (?-i:[A-Z])"
                      # "our course in Spanish", "a training in Python": a product's language
                      r"(?!nglish|panish|rench|erman|ortuguese|talian|apanese|hinese|ython"
                      r"|avaScript|ypeScript|ust\b|ava\b|eact\b)")
# a community space opened: "our community Slack", "our Discord server is live"
_SPACE = re.compile(r"(?i)\bcommunity (?:slack|discord|forum|server|space|hub|chat|telegram)\b"
                    r"|\b(?:slack|discord|telegram) (?:community|server|workspace|group)\b")
# a launch told as backstory: "by the time we released 3.0.0", "back when we launched v1"
_BACKSTORY = re.compile(r"(?i)\b(?:by the time|back when|before|until|ever since|long before)"
                        r" (?:we|i|they|it)\b")
# -- work, not a partnership or press --------------------------------------------------------
# "Sam and I partnered up on the PR review", "we paired up on the billing bug": colleagues
# working together (not "Acme teamed up with Globex on a joint offering" nor "Acme and Siemens
# team up on industrial AI", partnerships)
_TEAMED_UP = re.compile(r"(?i)\bpair(?:ed|ing)? up\b|\b(?:and (?:i|me)|we|i) (?:just )?(?:partner"
                        r"|team)(?:ed|ing)? up\b(?! with)")
# "featured in the Globex employee newsletter": a company's own internal publication
_INTERNAL = re.compile(r"(?i)\b(?:employee|internal|staff|company-wide|all-staff) (?:newsletter"
                       r"|blog|wiki|memo|update|podcast|magazine|bulletin)s?\b|\bintranet\b")
# -- an approach between others ---------------------------------------------------------------
_APPROACH = re.compile(r"\b(?i:approached|courted|pitched|contacted|reached out to|pinged"
                       r"|talked to|met with) (?P<who>@?[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})"
                       r" (?i:about|to|regarding|re|for|on)\b")
_APPROACH_TYPES = frozenset([T.FUNDING, T.INVESTOR_INTEREST, T.OTHER])
# -- a linked page's title --------------------------------------------------------------------
_SLACK_LINK = re.compile(r"<https?://[^|>\s]{1,500}\|(?P<label>[^<>]{1,300})>")
_MD_LINK = re.compile(r"\[(?P<label>[^\[\]]{8,300})\]\(https?://")
# -- guides ----------------------------------------------------------------------------------
_GUIDE = re.compile(
    r"(?i)^\W*(?:[\w-]+(?: [\w-]+){0,2}: )?(?:how to\b|(?:a|an|the|my|our) "
    r"(?:[\w'\u2019-]+ ){0,3}(?:guide|playbook"
    r"|handbook|checklist|primer) (?:to|for|on)\b|(?:\d+|three|four|five|six|seven|eight|nine"
    r"|ten|twelve) (?:[\w-]+ ){0,2}(?:tips|mistakes|ways|tricks|steps)\b(?! we\b)"
    r"|tips (?:for|on)\b|(?:playbook|tutorial|guide|how-to|step-by-step|explainer|primer):)"
    r"|\((?:a |our |my |the )?(?:guide|how-to|tutorial|playbook)\)")
# -- jokes that take the claim back ----------------------------------------------------------
_ROUND_OF = re.compile(r"(?i)\bround\W{0,4}(?:\.\.\.|\u2026)?\s*of (?!funding|financ|invest"
                       r"|capital|venture|seed|series|equity|debt|\$|\u20ac|\u00a3|\d)[a-z]")
_LAUGH = re.compile(r"(?i)(?:\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk)\b|\U0001f602"
                    r"|\U0001f923|\U0001f606|\U0001f605|\U0001f643|\U0001f61c|\U0001f61d"
                    r"|(?<![\w/])/s\b)")
_TAKEN_BACK = re.compile(r"(?i)\((?:if|unless|only if|assuming|for (?:about|like|maybe|roughly"
                         r"|almost)|not really|on paper|in my (?:dreams|head)|technically"
                         r"|kind of|sort of)\b|\bif you (?:count|squint|include)\b"
                         r"|\bin my (?:dreams|head)\b|\bon paper\b")
# -- templates and placeholders --------------------------------------------------------------
_PLACEHOLDER = re.compile(
    r"(?i)\[(?:company(?: name)?|startup(?: name)?|(?:first |full )?name|amount|(?:lead )?"
    r"investors?|fund(?: name)?|customer(?: name)?|client(?: name)?|product(?: name)?|date"
    r"|month|year|city|country|role|title|x+|n|number|tbd|tk|insert [^\[\]]{1,30}"
    r"|your [^\[\]]{1,30})\]"
    r"|\{\{?\s*[a-z_]{2,30}\s*\}?\}|<(?:company|name|amount|product|investor|customer)>"
    r"|[$\u20ac\u00a3]\s?(?:x{1,3}|_{1,}|\?{1,3}|n)(?:[mkb]|mm)?\b|[$\u20ac\u00a3]\s?_|_{3,}")
# -- job posts -------------------------------------------------------------------------------
_JOB_AD = re.compile(
    r"(?i)\b(?:we(?:'re|\u2019re| are) (?:now |actively |also )?hiring|now hiring|(?:is|are)"
    r" hiring|#hiring|hiring:|(?:role|position|job|opening|vacancy|req) (?:is |are )?(?:now )?"
    r"(?:open|live|posted|available)\b|open (?:roles?|positions?|reqs?)\b|apply (?:here|now|at"
    r"|via|today|on)\b|job (?:post|posting|opening|listing|ad|description)s?\b|careers? page"
    r"|jobs? board|(?:we'?re|we are|i'?m|currently) (?:looking for|seeking|searching for"
    r"|recruiting) (?:a|an|our|two|three)\b)")
_HIRED = re.compile(r"(?i)\b(?:accepted|said yes|signed (?:the|her|his|their) offer|welcome"
                    r"|joined|starts|started|first day|has joined|is joining)\b")
# -- old news dated --------------------------------------------------------------------------
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_AS_ANNOUNCED = re.compile(
    r"(?i)\bas (?:we |previously |first |already )?(?:announced|reported|shared|mentioned"
    r"|covered|noted|disclosed)(?: \w+){0,2}? (?:in|on|back in|during) (?:our |the |my )?"
    r"(?P<month>[a-z]{3,9}"
    r"\.? )?(?:\d{1,2},? )?(?P<year>(?:19|20)\d\d)\b")
_YEAR_ROUND = re.compile(r"(?i)\b(?:our|its|the company's|their) (?P<year>(?:19|20)\d\d)"
                         r" (?:pre-?seed|seed|series [a-h]|round|raise|launch|ipo|acquisition"
                         r"|fundraise)\b")
# -- a place that is no place ----------------------------------------------------------------
_CODE = re.compile(r"[a-z]{1,3}\d+[a-z]?|v\d[\w.]*")
_PRONOUN_US = re.compile(r"\b(?:for|with|to|of|let|join|help|gave|give|gives|told|tell|asked"
                         r"|ask|sent|send|allow|allows|lets|brought|bring|got|get|make|makes"
                         r"|made|by|from|on|toward|towards) us\b")
_COUNTRY_US = re.compile(r"\b(?:US|U\.S\.?A?|USA|United States|America)\b")
_SEGMENTS = frozenset(["enterprise", "enterprises", "smb", "smbs", "mid-market", "midmarket",
                       "startups", "consumers", "b2b", "b2c", "pro", "premium", "teams",
                       "business", "businesses", "free tier", "self-serve", "agencies"])
# segments that are only ever an audience ("now available to SMBs"); "Teams", "Pro" and
# "Enterprise" are also plans a release introduces ("Introducing Teams" is a launch)
_AUDIENCES = frozenset(["smb", "smbs", "startups", "consumers", "agencies", "businesses",
                        "enterprises", "mid-market", "midmarket", "b2b", "b2c"])
_FIRM = re.compile(r"(?i)\b(?:capital|ventures|partners|labs|inc|llc|ltd|group|fund|holdings)$")
# -- a raise heard of or under way -----------------------------------------------------------
_SOURCES = re.compile(r"(?i)\b(?:(?:say|said|according to|per|citing|tell|told) (?:\w+ ){0,2}"
                      r"(?:sources|insiders|people familiar|a person familiar|persons familiar)"
                      r"|(?:sources|insiders|people familiar with the matter) (?:say|said|told"
                      r"|tell)|is said to (?:be|have))\b")
_UNDER_WAY = re.compile(r"(?i)\b(?:(?:is|are|'s|\u2019s|currently|now) (?:in the process of )?"
                        r"raising\b|in talks to raise|looking to raise|seeking to raise"
                        r"|(?:is|are) (?:out )?fundraising)")


def veto(found: Found, clause: str, sentence: str, company: re.Pattern[str] | None,
         when: date | None = None, *, raw: str = "") -> str | None:
    """Why ``found`` (read in ``clause`` of ``sentence``) is no news of ours, or None.

    ``raw`` is the sentence as written, before links were blanked, and a little of what
    follows it (a punchline after "..."); ``sentence`` when not given.
    """
    raw = raw or sentence
    low = raw.lower()
    if found.negative:
        return _not_a_place(found, clause) or _placeholder(sentence)
    return _others(found, clause, raw, company) \
        or _framed(found, clause, sentence, raw, low) \
        or _placeholder(sentence) \
        or _job_post(found, clause, sentence, low) \
        or _dated_before(sentence, when) \
        or _not_a_place(found, clause) \
        or _vendor_release(found, clause, company) \
        or _no_product(found, clause, raw) \
        or _not_public(found, clause) \
        or _heard_of(found, sentence)


# Plain words each pattern cannot match without, checked with ``in`` before it runs: most
# readings carry none of them, and a substring test costs a fraction of a regex scan.
_VENTURE_NEEDS = ("'s", "\u2019s", "my ", "My ", "team", "folks", "founders", "crew")
_GUIDE_NEEDS = ("how to", "guide", "playbook", "handbook", "checklist", "primer", "tips",
                "mistakes", "ways", "tricks", "steps", "tutorial", "how-to", "step-by-step",
                "explainer")
_LAUGH_NEEDS = ("lol", "lmao", "lmfao", "rofl", "haha", "hehe", "jk", "/s", "\U0001f602",
                "\U0001f923", "\U0001f606", "\U0001f605", "\U0001f643", "\U0001f61c",
                "\U0001f61d")
_JOB_NEEDS = ("hiring", "role", "position", "job", "opening", "vacanc", "req", "apply",
              "career", "looking for", "seeking", "searching for", "recruiting")
_SESSION_NEEDS = ("class", "course", "training", "workshop", "bootcamp", "meetup", "seminar",
                  "lecture", "roadshow")


_INTERNAL_NEEDS = ("employee", "internal", "staff", "company-wide", "intranet")


def _any(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


def _ours(text: str, company: re.Pattern[str] | None) -> bool:
    return FIRST_PERSON.search(text) is not None \
        or (company is not None and company.search(text) is not None)


def _others(found: Found, clause: str, raw: str,
            company: re.Pattern[str] | None) -> str | None:
    """Someone else's venture, round or approach, a subject past a label, or a linked page's
    title."""
    head = clause[:found.trigger]
    label = _LABEL.search(head) if ":" in head else None
    if label is not None and FIRST_PERSON.search(label.group()) \
            and not (company is not None and company.search(label.group())) \
            and _past_label(found, clause[label.end():], company):
        other = third_party(head[label.end():], clause[label.end():], company)
        if other is not None:
            return f"{other}, past a label"
    venture = _OTHERS_VENTURE.search(head) if _any(head, _VENTURE_NEEDS) else None
    if venture is not None and not _ours(clause[venture.end():], company) \
            and not (company is not None and company.search(venture.group())):
        return f"someone else's venture ({venture.group().strip()})"
    possessed = _possessed(found, clause, company)
    if possessed is not None:
        return possessed
    if found.event_type is T.FUNDING and _any(clause, ("their ", " his ", " her ", "Their ",
                                                       "His ", "Her ")) \
            and not _ours(_OUR_OTHERS.sub(" ", clause), company):
        theirs = _THEIR_ROUND.search(clause)
        if theirs is not None:
            return f"their round, not ours ({theirs.group()})"
    if not found.relational and " for " in raw and _GLAD_FOR.search(raw) \
            and not _ours(head, company):
        return "someone else's news, the writer glad for them"
    if found.event_type in _APPROACH_TYPES:
        approach = _APPROACH.search(clause)
        if approach is not None and not _ours(approach.group("who"), company):
            return f"an approach to someone else ({approach.group('who')})"
    return _link_title(clause[found.trigger:], raw, company)


def _possessed(found: Found, clause: str, company: re.Pattern[str] | None) -> str | None:
    """The event's noun is a named other's, before or at the trigger: "Globex's Series C was
    led by Tiger Global". A deal, a partnership or a customer's result (someone acting towards
    us) and a hire into our company keep their reading."""
    if (found.relational and found.event_type not in _APPROACH_TYPES) \
            or not _any(clause, ("'s", "\u2019s")):
        return None
    m = _POSSESSED.search(clause, 0, found.trigger + 40)
    if m is None or m.start() > found.trigger:
        return None
    who = m.group("who")
    if who.split()[0].lower() in _NOT_OWNERS or (company is not None and company.search(who)):
        return None
    if found.event_type is T.HIRING and (_ours(clause, company) or _FORMER.search(clause)):
        return None  # "Initech's CTO joined Acme as VP Engineering": our hire
    return f"{who}'s, not ours"


def _past_label(found: Found, rest: str, company: re.Pattern[str] | None) -> bool:
    """Is the subject past the label the one to judge? Not for a hire (the person is) nor for
    someone acting towards us, except in an acquisition that does not name us."""
    if found.event_type is T.OTHER:
        return not _ours(rest, company)
    return not found.relational and found.event_type is not T.HIRING


def _link_title(said: str, sentence: str, company: re.Pattern[str] | None) -> str | None:
    """The reading (``said``, from its trigger on) is a link's label that names someone else
    acting: the page's headline."""
    if "http" not in sentence:
        return None
    core = said.strip(" <>")[:30]
    for pattern in (_SLACK_LINK, _MD_LINK):
        for m in pattern.finditer(sentence):
            label = m.group("label")
            at = label.find(core)
            if at < 0:
                continue
            other = third_party(label[:at], label, company)
            if other is not None:
                return f"a linked page's title, {other}"
    return None


def _framed(found: Found, clause: str, sentence: str, raw: str, low: str) -> str | None:
    """A guide's or an essay's title, or a joke that takes the claim back."""
    guide = _GUIDE.search(sentence) if _any(low, _GUIDE_NEEDS) else None
    if guide is not None:
        return f"a guide or an essay, not news ({guide.group().strip()})"
    if found.event_type is T.FUNDING and "round" in low:
        drinks = _ROUND_OF.search(raw, raw.find(clause[found.trigger:][:20]))
        if drinks is not None:
            return f"a round of something else ({drinks.group()})"
    if _any(low, _LAUGH_NEEDS) and _LAUGH.search(sentence) and _TAKEN_BACK.search(sentence):
        return "a joke that takes the claim back"
    return None


def _placeholder(sentence: str) -> str | None:
    if not _any(sentence, ("[", "{", "<", "$", "\u20ac", "\u00a3", "___")):
        return None
    m = _PLACEHOLDER.search(sentence)
    return f"a template's placeholder ({m.group()})" if m else None


def _job_post(found: Found, clause: str, sentence: str, low: str) -> str | None:
    """A role advertised: read as a hire, or as a launch ("Our VP Engineering req is live")."""
    if found.event_type is T.PRODUCT_LAUNCH:
        sentence = clause  # "We're hiring! Also, Acme v2 is live": the launch's own words
    elif found.event_type is not T.HIRING or "layoff" in found.metrics:
        return None
    if not _any(low, _JOB_NEEDS):
        return None
    ad = _JOB_AD.search(sentence)
    if ad is None or _HIRED.search(sentence):
        return None
    return f"a job advertised, not a hire ({ad.group()})"


def _dated_before(sentence: str, when: date | None) -> str | None:
    """Old news restated with its date: a year or a month more than a quarter before."""
    if when is None or not _any(sentence, ("19", "20")):
        return None
    for pattern in (_AS_ANNOUNCED, _YEAR_ROUND):
        m = pattern.search(sentence)
        if m is None:
            continue
        month = _month(m.groupdict().get("month"))
        year = int(m.group("year"))
        if month is None:
            old = year < when.year and (when.year - year >= 2 or when.month > 3)
        else:
            old = (when.year * 12 + when.month) - (year * 12 + month) > 3
        if old:
            return f"old news, dated ({m.group()})"
    return None


def _month(word: str | None) -> int | None:
    if not word:
        return None
    stem = word.strip(" .").lower()[:3]
    return _MONTHS.index(stem) + 1 if stem in _MONTHS else None


def _vendor_release(found: Found, clause: str, company: re.Pattern[str] | None) -> str | None:
    """A launch whose product a known vendor or platform makes, told with no "we" or our name
    before it, and not an app of ours for that platform ("The Acme iOS app is live", "our
    Snowflake application is live", "now available on Apple Vision Pro")."""
    if found.event_type is not T.PRODUCT_LAUNCH:
        return None
    product = str(found.metrics.get("product", "")).strip()
    vendor = _VENDOR.match(product)
    if vendor is None or (company is not None and company.search(clause)):
        return None
    at = clause.lower().find(vendor.group().strip().lower())
    if at < 0 or not _LEAD_IN.fullmatch(clause[:at]):
        return None  # "led by former Stripe executives", "where Apple Vision Pro is available"
    if _OURS_BEFORE.search(clause[:at]) or _FOR_IT.match(clause, at + len(
            vendor.group().strip())):
        return None
    return f"a vendor's release, not ours ({vendor.group().strip()})"


def _no_product(found: Found, clause: str, raw: str) -> str | None:
    """A launch reading of a person, a session, a community space or a launch told as
    backstory."""
    if found.event_type is not T.PRODUCT_LAUNCH:
        return None
    product = str(found.metrics.get("product", "")).strip().lower()
    if product and "](" in raw:
        for profile in _PROFILE.finditer(raw):
            if product in profile.group("label").lower():
                return f"a person introduced ({profile.group('label')})"
    low = clause.lower()
    for pattern, needs, why in ((_SESSION, _SESSION_NEEDS, "a session held somewhere"),
                                (_SPACE, ("slack", "discord", "telegram", "community"),
                                 "a community space")):
        m = pattern.search(clause) if _any(low, needs) else None
        if m is not None:
            return f"{why}, not a product ({m.group()})"
    if not _any(low, ("by the time", "back when", "before", "until", "ever since")):
        return None
    back = _BACKSTORY.search(clause, 0, found.trigger + 1)
    if back is not None and found.trigger - back.end() < 30:
        return f"a launch told as backstory ({back.group()})"
    return None


def _not_public(found: Found, clause: str) -> str | None:
    """Colleagues teaming up, or an internal publication read as press."""
    if found.event_type is T.PARTNERSHIP and "up" in clause:
        m = _TEAMED_UP.search(clause)
        if m is not None:
            return f"colleagues working together, not a partnership ({m.group()})"
    if found.event_type is T.MEDIA_COVERAGE and _any(clause.lower(), _INTERNAL_NEEDS):
        m = _INTERNAL.search(clause)
        if m is not None:
            return f"an internal publication, not press ({m.group()})"
    return None


def _not_a_place(found: Found, clause: str) -> str | None:
    """A market reading whose place is a code, a pronoun, a segment or a firm (a language or
    a nationality is left alone: "now available in French", "our first Japanese customer")."""
    if found.event_type is T.PRODUCT_LAUNCH:
        product = str(found.metrics.get("product", "")).strip().lower()
        return f"a customer segment, not a product ({product})" if product in _AUDIENCES \
            else None
    if found.event_type is not T.MARKET_EXPANSION:
        return None
    region = str(found.metrics.get("region", "")).strip().lower()
    if not region:
        return None
    if _CODE.fullmatch(region):
        return f"a code, not a place ({region})"
    if region == "us" and _PRONOUN_US.search(clause) and not _COUNTRY_US.search(clause):
        return "'us' is the pronoun, not the US"
    if region in _SEGMENTS:
        return f"a customer segment, not a place ({region})"
    if _FIRM.search(region):
        return f"a firm, not a place ({region})"
    return None


def _heard_of(found: Found, sentence: str) -> str | None:
    """A raise told by unnamed sources or still under way."""
    if found.event_type is not T.FUNDING:
        return None
    m = _SOURCES.search(sentence) or _UNDER_WAY.search(sentence)
    return f"a raise heard of or under way ({m.group()})" if m else None
