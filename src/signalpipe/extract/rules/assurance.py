"""Assurance: audits and attestations passed, and the incidents that are their lowlights.

What an honest investor update says about trust (shared LABELLING.md): an audit or certification
outcome is ``compliance``; an outage with customer impact is a ``technical_achievement``
lowlight; a security incident or a delayed audit is a ``compliance`` lowlight. Each family below
is a way founders, status pages, press releases and headlines say one of these, in any register:

- **attested**: a pen test or security audit passed ("Pen test passed, no highs", "our
  penetration test came back with zero critical findings"); a certification kept
  ("recertified for BQ-9000", "granted re-authorization", "renewed our ISO 27001"); a safety
  rating earned ("XPENG G6 achieves five-star Euro NCAP safety rating"); data-protection
  agreements in place with customers ("DPAs signed with all EU customers"); a standard the
  shared vocabulary lacks, told as done ("open for 21 CFR Part 11 business", "now CJIS
  compliant"); a state's certificate or a safety programme's recognition ("receives government
  certification in Japan", "granted EU type approval", "VPP Star worksite status"); a court or
  a regulator deciding for the company ("BP wins right to appeal some spill claims", "we won
  the appeal", "Australia clears AB InBev's SABMiller buyout").
- **incident**: what a status page or an apology says while customers feel it ("Some edits are
  failing with marketing email", "a subset of users are unable to log in", "Major outage:
  dashboards unreachable from 14:02 to 15:40 UTC"), an incident opened on the status page ("we
  have an official status page up for this"), data lost ("we lost data for about 40
  customers"), a release that broke things for users ("5.0 introduced a major compatibility
  problem for a subset of Linux versions").

Look-alikes each family turns away, and :func:`veto` turns away for every detector's incident
readings: a vendor's or cloud's outage that did not reach us ("AWS had an outage but we weren't
affected"), an environment no customer uses (staging, demo, sandbox), maintenance announced
ahead, incidents as a topic ("downtime is costly", "a downtime budget of 8 seconds a day",
"crash scenarios", "data loss over UDP"), a story retold ("the first story tells about a security
breach"); a named company's outage ("Pipewise had a 4-hour outage"); plans, readiness and
policies for the audits ("we're starting SOC 2", "our SOC 2
policy requires ...", a customer's own audit).
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.common_words import COMMON_WORDS
from signalpipe.extract.rules.found import Context, Found, said
from signalpipe.extract.rules.lexicon import CERT, rx
from signalpipe.extract.rules.subject import third_party
from signalpipe.models import EventType as T

# --- attested: audits passed, certifications kept, ratings earned ---------------------------

# A security test's outcome: "pen test passed", "penetration test came back clean".
_PEN_TEST = rx(r"\b(?:pen(?:etration)?[ -]?test(?:ing)?|pentest|security (?:audit|assessment)"
               r"|red[ -]team (?:exercise|engagement)|external security review)s?\b")
_PEN_PASSED = rx(r"\b(?:passed|pass(?:es)? with|came back (?:clean|green|with (?:no|zero))"
                 r"|(?:is|was) clean|all clear|clean (?:bill|report|result)"
                 r"|(?:no|zero) (?:critical|high|medium|severe|major)(?:s\b|-| or | and |,)?"
                 r"|no highs\b|no criticals\b|(?:no|zero) (?:\w+ )?findings|without (?:any )?"
                 r"(?:critical|high|major) findings)")
# A test not done yet or not ours: "pen test next week", "Globex's pen test", a vendor pitch.
_PEN_NOT = rx(r"\b(?:next|scheduled|schedule|book(?:ed|ing)?|quote|proposal|vendor|prep"
              r"|will|going to|plan|planning|before|if|until|their|customer'?s|offer|pitch"
              r"|sign up|free|discount|learn|guide|how to|checklist|webinar)\b")
# A certificate kept: renewed, re-certified, re-authorised, a surveillance audit passed.
_KEPT = rx(r"\b(?:re-?certified (?:for|as|to|under)|re-?certification (?:was |is )?"
           r"(?:complete|completed|passed|granted|achieved)|granted (?:a |its |our )?"
           r"re-?authori[sz]ation|re-?authori[sz]ed\b|(?:renewed|maintained|retained|kept) "
           r"(?:our|its|the) (?:[\w-]+ ){0,3}(?:certification|accreditation|authori[sz]ation"
           r"|attestation)|surveillance audit (?:was )?(?:passed|completed|complete))")
# A safety rating earned: "achieves five-star Euro NCAP safety rating", "IIHS Top Safety Pick+".
_RATED = rx(r"\b(?:achiev\w*|earn\w*|receiv\w*|award\w*|gets?|got|scor\w*|secur\w*|wins?|won"
            r"|crowned(?: by [\w ]{2,30}? with)?"
            r"|granted|rated|gains?|gained|named (?:a|an|the)?)\s+(?:(?:a|an|the|its|the maximum"
            r"|maximum|top|full|highest|coveted|latest) )*(?:[\w+-]+ ){0,3}?"
            r"(?:(?:five|5)[- ]star|top safety pick\+?)"
            r"(?: [\w-]+){0,3}?(?: (?:safety )?(?:rating|score|award|result)s?)?")
_RATERS = ("ncap", "nhtsa", "iihs", "safety")
# A state's certificate or a safety programme's recognition: "receives government certification
# in Japan", "granted type approval", "recognized for workplace safety record", "VPP Star".
_GRANTED = rx(r"\b(?:receiv(?:e|es|ed)|earn(?:s|ed)|obtain(?:s|ed)|granted|awarded|achiev(?:es|ed)"
              r"|secur(?:es|ed)|wins?|won|gets?|got)\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+)"
              r"{0,2}?(?:(?:government|governmental|regulatory|federal|state|ministry|national"
              r"|type)\s+(?:certification|approval|accreditation|designation)|(?:vpp\s+)?star"
              r"\s+(?:worksite|site|status)\s*(?:status|recognition)?|(?:workplace\s+)?safety"
              r"\s+(?:award|recognition|certification))"
              r"|\brecogni[sz]ed\s+for\s+(?:its\s+|their\s+|our\s+)?(?:[\w-]+\s+){0,2}?safety\s+"
              r"(?:record|excellence|performance)")
# Data-protection agreements signed with customers: "GDPR DPA signed with all EU customers".
_DPA = rx(r"\b(?:dpas?|baas?|data processing (?:agreement|addend(?:um|a))s?|business associate "
          r"agreements?|sccs|standard contractual clauses)\b(?: \w+){0,3}? (?:(?:are |were |is |was"
          r" |now )?(?:signed|executed|countersigned|in place)) (?:with|for|across) (?:all|every"
          r"|each|our|\d+)|\b(?:signed|executed|countersigned|put in place) (?:\w+ ){0,2}"
          r"(?:dpas?|baas?|data processing agreements?|business associate agreements?) (?:with|for"
          r"|across) (?:all|every|each|our|\d+)")
# Standards the shared vocabulary (lexicon.CERT) lacks, told as done.
_MORE_CERT = rx(r"\b(?:21 cfr part 11|cjis|tx-?ramp|gxp|itar|k-?isms|iec 62304|iec 62443"
                r"|iso/sae 21434|bq-?9000|energy star|common criteria|fips 140-[23]|vpat|dora"
                r"|ens (?:high|medium)|pdpa|lgpd|appi|dpdp)(?: (?:level|type"
                r"|tier) [\w+]+)?\b")
_MORE_DONE = rx(r"\b(?:open for (?:\w+ ){0,5}business|now (?:fully |officially )?(?:\w+[- ])?"
                r"(?:compliant|certified|validated|accredited|authori[sz]ed)|(?:achieved|earned"
                r"|received|obtained|granted|passed|completed|awarded)\b|(?:became|become|is|are"
                r"|we're|we are) (?:now )?(?:fully |officially )?(?:\w+[- ])?(?:compliant|certified"
                r"|validated|accredited))")
# Steps towards an audit, the audit as a topic, or someone else's audit.
_NOT_DONE = rx(r"\b(?:readiness|pre-?audit|gap (?:assessment|analysis)|mock|dry run|prepar\w*"
               r"|working (?:on|towards?)|kick(?:ed|ing)? off|start(?:ed|ing)?|begin\w*|aim\w*"
               r"|goal|target|roadmap|policy|policies|requires?|questionnaire|what is|guide"
               r"|explain\w*|how to|vs\.?|versus|checklist|template|their|customers? (?:asked"
               r"|wants?|needs?|requires?))\b")


def attested(clause: str, low: str, ctx: Context) -> Found | None:
    """An audit passed, a certificate kept, a safety rating earned, agreements in place."""
    found = _pen_test(clause, low) or _kept(clause, low) or _dpa(clause, low) \
        or _more_cert(clause, low) or _rated(clause, low, ctx) or _granted(clause, low, ctx) \
        or _ruled(clause, low, ctx)
    # checked last: most clauses the gate sends here ("ISO", "probe") hold none of the families
    return None if found is None or _NOT_DONE.search(low) else found


def _pen_test(clause: str, low: str) -> Found | None:
    if "test" not in low and "audit" not in low and "assessment" not in low \
            and "team" not in low and "review" not in low:
        return None
    test = _PEN_TEST.search(low)
    if test is None or _PEN_NOT.search(low):
        return None
    passed = _PEN_PASSED.search(low, test.start() - 40 if test.start() > 40 else 0)
    if passed is None or passed.start() > test.end() + 80:
        return None
    what = "Security audit" if "audit" in test.group() or "assess" in test.group() \
        else "Penetration test"
    # "our pentest by NCC Group": the tester acts on us; "no critical findings" is the clean
    # result, and "the test required by Globex" no plan
    return Found(T.COMPLIANCE, {"certification": "penetration test" if what[0] == "P"
                                else "security audit"},
                 f"{what} passed", min(test.start(), passed.start()),
                 relational=_FIRST_PERSON.search(low) is not None, allow=_CLEAN_RESULT)


_FIRST_PERSON = rx(r"\b(?:we|we're|we've|our|us)\b")
_CLEAN_RESULT = frozenset({"negation", "plan"})


def _kept(clause: str, low: str) -> Found | None:
    if "re" not in low and "kept" not in low and "surveillance" not in low:
        return None
    m = _KEPT.search(low)
    if m is None:
        return None
    return Found(T.COMPLIANCE, {"certification": "renewal"},
                 f"Certification renewed: {said(clause, m.start(), limit=70)}", m.start(),
                 allow=frozenset({"negation"}))  # "with no nonconformities" is the clean result


def _rated(clause: str, low: str, ctx: Context) -> Found | None:
    if "star" not in low and "pick" not in low:
        return None
    m = _RATED.search(low)
    if m is None or not any(w in low for w in _RATERS):
        return None
    start = _subject_start(clause, m.start())
    # "XPENG G6 achieves ...": the company's product is the subject, named by the company
    ours = ctx.company is not None and ctx.company.search(clause, 0, m.start()) is not None
    return Found(T.COMPLIANCE, {"certification": "safety rating"},
                 said(clause, start, limit=80), m.start(), relational=ours)


def _granted(clause: str, low: str, ctx: Context) -> Found | None:
    if "certif" not in low and "approval" not in low and "star" not in low \
            and "safety" not in low and "accredit" not in low and "designation" not in low:
        return None
    m = _GRANTED.search(low)
    if m is None:
        return None
    ours = ctx.company is not None and ctx.company.search(clause, 0, m.start()) is not None
    return Found(T.COMPLIANCE, {"certification": "granted"},
                 said(clause, _subject_start(clause, m.start()), limit=80), m.start(),
                 relational=ours)


# A court or a regulator decides for the company: "BP wins right to appeal spill claims",
# "we won the appeal", "Australia clears AB InBev's SABMiller buyout".
# (A case dismissed stays no event, as company.compliance and corporate.py hold: "Acme's
# lawsuit against Globex was dismissed" is a loss as much as a win.)
_WON = rx(r"\b(?:wins?|won|secures?|secured)\s+(?:a\s+|the\s+|its\s+|our\s+)?(?:court\s+)?"
          r"(?:right to appeal|appeal\b|(?:favou?rable\s+)?ruling)")
_CLEARED = rx(r"\b(?:clears|cleared|approves|approved)\s+(?:[\w'\u2019&.$-]+\s+){0,4}?(?:buyout"
              r"|merger|acquisition|takeover|purchase)\b")


def _ruled(clause: str, low: str, ctx: Context) -> Found | None:
    if "appeal" not in low and "ruling" not in low and "clear" not in low \
            and "approv" not in low:
        return None
    m = _WON.search(low) or _CLEARED.search(low)
    if m is None:
        return None
    cleared = m.group().startswith(("clear", "approv"))
    # the regulator is the subject of a clearance: the company must be named as its object
    named = ctx.company is not None and ctx.company.search(clause) is not None
    if cleared and not (named and ctx.company is not None
                        and ctx.company.search(clause, m.start()) is not None):
        return None
    word = m.group()
    # one decision told two ways ("wins the appeal", "the appeal was won") is one
    kind = "clearance" if cleared else "appeal" if "appeal" in word else "ruling"
    return Found(T.COMPLIANCE, {"ruling": kind},
                 said(clause, _subject_start(clause, m.start()), limit=80), m.start(),
                 relational=named, allow=_CLEARED_ALLOW if cleared else frozenset())


# "clears Acme's buyout plan": the plan is the deal cleared, not a plan of the clearance
_CLEARED_ALLOW = frozenset({"plan"})


def _dpa(clause: str, low: str) -> Found | None:
    if "dpa" not in low and "baa" not in low and "agreement" not in low and "scc" not in low \
            and "clauses" not in low and "addend" not in low:
        return None
    m = _DPA.search(low)
    if m is None:
        return None
    return Found(T.COMPLIANCE, {"certification": "data processing agreements"},
                 said(clause, m.start(), limit=70), m.start())


def _more_cert(clause: str, low: str) -> Found | None:
    cert = _MORE_CERT.search(low)
    if cert is None or CERT.search(low):
        return None  # a standard the shared vocabulary knows is company.compliance's, one name
    done = _MORE_DONE.search(low)
    if done is None or abs(done.start() - cert.start()) > 60:
        return None
    name = clause[cert.start():cert.end()]
    return Found(T.COMPLIANCE, {"certification": " ".join(name.lower().split())},
                 f"{name.upper() if len(name) <= 6 else name} compliance achieved",
                 min(cert.start(), done.start()))


def _subject_start(clause: str, at: int) -> int:
    """Where the subject of the verb at ``at`` starts: the start of its sentence part."""
    cut = max(clause.rfind(". ", 0, at), clause.rfind(": ", 0, at), clause.rfind("\n", 0, at))
    return cut + 2 if cut >= 0 else 0


# --- incident: what customers felt -------------------------------------------------------------

# A status page's own words: some of what customers do is failing right now.
_FAILING = rx(r"\b(?:some|many|all|most|a subset of|a small number of|a number of|several"
              r"|certain)\s+(?:of (?:our|the) )?(?:[\w-]+ ){0,3}?(?:users?|customers?|accounts?"
              r"|requests?|logins?|sign-?ins?|payments?|checkouts?|edits?|pages?|emails?"
              r"|webhooks?|workflows?|dashboards?|api (?:calls|requests)|uploads?|messages?"
              r"|notifications?|transactions?|orders?|portals?|sites?|stores?|integrations?)"
              r"\s+(?:are|were|is|was|may be|might be|have been|has been|continue to be)\s+"
              r"(?:currently\s+|still\s+|temporarily\s+)?(?:failing|failed|unable to|not loading"
              r"|not being (?:sent|delivered|processed)|delayed|unavailable"
              r"|experiencing (?:\w+ )?(?:issues|errors|problems|delays|difficulties|outages"
              r"|failures|timeouts|latency|slowness|downtime|degraded|intermittent|slow)"
              r"|seeing (?:errors|elevated|increased|failures)|timing out|down\b|affected"
              r"|impacted|inaccessible|unreachable)")
# A named outage with how long or how wide: "Major outage: dashboards unreachable 14:02-15:40".
_OUTAGE_HEAD = rx(r"\b(?:major|partial|full|complete|global|widespread|significant|extended"
                  r"|\d+[- ](?:hour|minute|min|hr)s?)\s+(?:service\s+)?(?:outage|downtime"
                  r"|disruption)\b")
_WIDE = rx(r"\b(?:all|every|most|many|some|our|\d[\d,]*) (?:\w+ ){0,2}(?:users?|customers?"
           r"|clients?|accounts?|dashboards?|regions?|requests?|services?|sites?|apis?)\b"
           r"|\b(?:unreachable|inaccessible|unavailable|offline|down)\b"
           r"|\b\d{1,2}:\d{2}\b|\bfor (?:about |nearly |almost |over |roughly )?(?:\d+|an?|one"
           r"|two|three|several) (?:min|minutes|hours?|hrs?|days?)\b")
# A status page's "Investigating" entry: the company looking into what customers feel.
_LOOKING = rx(r"\b(?:investigating|aware of|looking into|working on a fix for|responding to)\s+"
              r"(?:(?:an?|the|reports? of|some|a few)\s+)*(?P<what>(?:(?:ongoing|intermittent"
              r"|elevated|increased|higher|degraded|widespread|partial)\s+)*(?:[\w-]+\s+){0,2}?"
              r"(?:(?:issue|problem|incident|outage|disruption)s?\b[^.;]{0,80}?\b(?:users?"
              r"|customers?|clients?|accounts?|log ?ins?|sign-?ins?|checkouts?|payments?"
              r"|api|dashboards?|workflows?|all regions|eu|us)\b|error rates?|errors|latency"
              r"|failures|timeouts|delays))")
# The company opened an incident for customers to follow.
_STATUS_UP = rx(r"\b(?:we(?:'ve|\u2019ve| have)|there(?:'s| is))\s+(?:now\s+)?(?:an?\s+)?"
                r"(?:official\s+)?(?:status page|incident(?: page| report)?)\s+(?:up|open|posted"
                r"|live)\b(?:[^.]{0,30}\b(?:for this|about this|on (?:this|it)))?"
                r"|\b(?:posted|opened|declared)\s+an?\s+(?:\w+\s+)?incident\s+(?:on|to)\s+"
                r"(?:our|the)\s+status page")
# Customer data lost: "we lost data for about 40 customers", "data loss affecting 3 accounts".
_DATA_LOST = rx(r"\b(?:(?:we|they|i)\s+(?:have\s+)?(?:permanently\s+)?lost\s+(?:some\s+|the\s+)?"
                r"(?:customer\s+|user\s+|production\s+)?data|data\s+loss(?!\s+(?:prevention"
                r"|protection)))\b"
                r"(?=[^.]{0,60}\b(?:for|of|affecting|impacting|hit|across)\s+(?:about\s+|around"
                r"\s+|nearly\s+|some\s+|\d+|all|every|many|several|a few|our|their)\b)")
# A release that broke things for users: "5.0 introduced a major compatibility problem".
_BAD_RELEASE = rx(r"\b(?:release|update|upgrade|deploy(?:ment)?|rollout|version\s+[\w.]+"
                  r"|v?\d+\.\d+(?:\.\d+)?)\s+(?:\w+\s+)?(?:introduced|caused|shipped with|brought)"
                  r"\s+(?:a\s+|an\s+)?(?:major|serious|critical|severe|big|nasty|breaking)\s+"
                  r"(?:[\w-]+\s+)?(?:problem|bug|regression|issue|outage|incident|breakage)"
                  r"|\b(?:release|update|upgrade|deploy(?:ment)?|rollout)\s+(?:\w+\s+){0,3}?broke\s+"
                  r"(?:\w+\s+){0,3}for\s+(?:all|every|most|many|some|\d[\d,]*|a subset)")
# Who is looking: the company ("we are", "our team is", a status page's bare "Investigating -").
_OURS_LOOKING = rx(r"^\W*(?:investigating|identified|monitoring)\b|\b(?:we(?:'re|\u2019re| are)"
                   r"|our (?:\w+ ){0,2}(?:team|engineers) (?:is|are)|we(?:'ve|\u2019ve| have)"
                   r" been|we(?:'re|\u2019re| are) (?:currently|actively|still) )")
_BAD_WORDS = ("introduced", "caused", "shipped with", "brought", "broke")


def incident(clause: str, low: str, ctx: Context) -> Found | None:
    """An incident customers felt, told as a status page, a founder or a postmortem tells it."""
    found = _incident(clause, low, ctx)
    if found is not None and _theirs(clause, found.trigger, ctx.company):
        return None  # "Pipewise had a 4-hour outage today, our inbound is up": a rival's
    return found


# How long or how bad, between the subject's verb and the outage: "had a 4-hour outage".
_MODIFIERS = re.compile(r"(?:(?:\d+[- ]?(?:hour|hr|minute|min|day|second)s?|major|partial|brief"
                        r"|massive|big|huge|long|short|full|another|global|total|serious"
                        r"|unexpected|unplanned|extended)[\s-]+)+$", re.IGNORECASE)


def _head(clause: str, trigger: int) -> str:
    """The clause before its trigger, without the outage's own modifiers."""
    head = clause[:trigger]
    m = _MODIFIERS.search(head)
    return head[:m.start()] if m else head


def _theirs(clause: str, trigger: int, company: re.Pattern[str] | None) -> str | None:
    """Why the incident is a named other's ("Pipewise had a 4-hour outage"), or None; a part
    of our product opening the sentence ("Checkout was down") or someone unnamed ("Someone
    cracked the licence check") names no other company."""
    other = third_party(_head(clause, trigger), clause, company)
    if other is None:
        return None
    name = other.removeprefix("third party (").removesuffix(")").lower()
    return None if name in COMMON_WORDS or name in _OUR_PARTS else other


# Parts of a product that open a sentence with a capital: ours, not a company's name.
_OUR_PARTS = frozenset({
    "checkout", "login", "logins", "sign-in", "signup", "signups", "api", "apis", "dashboard",
    "dashboards", "search", "billing", "payments", "sync", "app", "website", "site", "editor",
    "uploads", "webhooks", "email", "emails", "notifications", "exports", "imports", "reports",
    "someone", "somebody", "nobody", "production", "prod", "the app", "the api", "the site"})


def _incident(clause: str, low: str, ctx: Context) -> Found | None:
    m = _FAILING.search(low)
    if m is not None:
        return _outage(clause, m.start())
    if "investigating" in low or "aware of" in low or "looking into" in low \
            or "fix for" in low or "responding to" in low:
        m = _LOOKING.search(low)
        if m is not None and _OURS_LOOKING.search(low, 0, m.start() + 1):
            return _outage(clause, m.start("what"))
    if "outage" in low or "downtime" in low or "disruption" in low:
        m = _OUTAGE_HEAD.search(low)
        if m is not None and (_WIDE.search(low, m.end())
                              or _WIDE.search(ctx.sentence.lower(), m.end())):
            return _outage(clause, m.start())
    if "status page" in low or "incident" in low:
        m = _STATUS_UP.search(low)
        if m is not None:
            return Found(T.TECHNICAL_ACHIEVEMENT, {"incident": "incident"},
                         "Incident opened on the status page", m.start(), negative=True,
                         allow=_STATUS_ALLOW)
    if "data" in low:
        m = _DATA_LOST.search(low)
        if m is not None:
            return Found(T.TECHNICAL_ACHIEVEMENT, {"incident": "data loss"},
                         f"Data loss: {_short(clause, m.start())}", m.start(),
                         negative=True)
    m = _BAD_RELEASE.search(low) if any(w in low for w in _BAD_WORDS) else None
    if m is not None:
        what = _short(clause, _release_start(clause, m.start()))
        return Found(T.TECHNICAL_ACHIEVEMENT, {"incident": "regression"},
                     f"Release regression: {what}", m.start(), negative=True)
    return None


def _outage(clause: str, at: int) -> Found:
    # a status page promises ("will update", "working on a fix") while the incident is on
    return Found(T.TECHNICAL_ACHIEVEMENT, {"incident": "outage"},
                 f"Incident: {_short(clause, at)}", at, negative=True, allow=_STATUS_ALLOW)


_STATUS_ALLOW = frozenset({"plan"})
# Where an incident's statement ends and the company's reply begins.
_REPLY = rx(r"\s+(?:and|but|so|while)\s+(?:we|are|is|will|have|our)\b|[.;]\s")


def _release_start(clause: str, at: int) -> int:
    """"the 2.3 update broke ...": the version before the release word names it."""
    m = _VERSION_BEFORE.search(clause, max(0, at - 16), at)
    return m.start() if m else at


_VERSION_BEFORE = rx(r"(?:the |our )?v?\d+(?:\.\d+)+ $")


def _short(clause: str, at: int) -> str:
    """The statement of what customers felt, without "and are working on a fix"."""
    cut = _REPLY.search(clause.lower(), at)
    return said(clause, at, cut.start() if cut else None, limit=70)


# --- veto: incident words that name no incident of ours ------------------------------------------

# It did not reach us or our customers.
_UNFELT = rx(r"\b(?:we|our (?:\w+ ){0,2}(?:site|app|service|platform|api|systems?|customers"
             r"|users))\s+(?:were|was|are|is)(?:\s*n[o']t|\s+not|\s+never)\s+(?:affected|impacted"
             r"|hit|down)|\b(?:we|our (?:\w+ ){0,2}(?:site|app|service|platform|api))\s+stayed"
             r"\s+(?:up|online|available)|\b(?:no ?one|nobody|no customers?|no users?) "
             r"(?:noticed|was affected|were affected|saw it)|\bno (?:customer|user)[- ]facing"
             r" impact\b")
# An environment no customer uses, as what went down: "the demo env was down for an hour".
_NOT_PROD = rx(r"\b(?:staging|demo|dev|development|test|testing|sandbox|preview|qa|internal"
               r"|local)\s+(?:env(?:ironment)?s?|clusters?|servers?|instances?|sites?|db"
               r"|databases?|boxe?s?|stacks?|deploys?|builds?)\b(?:\s+\w+){0,2}\s+(?:was|were|is"
               r"|went|had|got|broke|crashed)\b|\bon (?:my|our) (?:machine|laptop|box|setup)\b"
               r"|\blocally\b|\bin (?:my|our) (?:tests?|testing|sandbox|setup|dev environment)\b")
# Announced ahead: maintenance is planned work, not an incident.
_MAINTENANCE = rx(r"\b(?:scheduled|planned|upcoming) (?:\w+ )?maintenance\b|\bmaintenance window"
                  r"|\bwill be (?:briefly |temporarily )?(?:unavailable|down|offline|read-only)\b")
# Incident words as a topic: "downtime is costly", "a downtime budget", "crash scenarios".
_TOPIC = rx(r"\b(?:downtime|outages?|incidents?) (?:budget|is|are|can be|costs?|means)\b"
            r"|\b(?:downtime|outages?|incidents?)\b[^.]{0,40}\b(?:is|are|can be|gets?) "
            r"(?:so |very |really )?(?:costly|expensive|painful|unacceptable|inevitable|common)\b"
            r"|\berror budget\b|\b(?:downtime|outages?) (?:\w+ )?per (?:day|week|month|year)\b"
            r"|\b(?:sla|slo)s? (?:\w+ )?(?:promises?|guarantees?|allows?|covers?)\b"
            r"|\bcrash (?:tests?|scenarios?|course|reports? (?:tool|sdk))\b"
            r"|^\W*data loss over\b|\b(?:story|article|episode|talk|video|paper|book|chapter"
            r"|thread|newsletter|podcast) (?:\w+ ){0,2}(?:tells|talks|is|explains|describes"
            r"|covers|looks)(?: \w+)? about\b|\bhow (?:to|we) (?:prevent|avoid|handle|survive"
            r"|respond)")


def veto(found: Found, clause: str, sentence: str, company: re.Pattern[str] | None
         ) -> str | None:
    """Why an incident reading (any detector's) names no incident the company's customers felt,
    or None; readings of any other kind pass."""
    if not found.negative or found.event_type not in (T.TECHNICAL_ACHIEVEMENT, T.COMPLIANCE) \
            or "incident" not in found.metrics:
        return None
    # "Pipewise had a 4-hour outage today": a named subject's outage is theirs (the reader's
    # own check lets a technical reading's subject pass unless it is a known vendor)
    other = _theirs(clause, found.trigger, company)
    if other:
        return other
    low = sentence.lower()
    for pattern, why in ((_UNFELT, "an outage that did not reach us"),
                         (_NOT_PROD, "an environment no customer uses"),
                         (_MAINTENANCE, "maintenance announced ahead"),
                         (_TOPIC, "incidents as a topic")):
        if pattern.search(low):
            return why
    return None


__all__ = ["attested", "incident", "veto"]
