"""The company itself: hires and departures, launches, new markets, audits, press, awards."""

from __future__ import annotations

import re

from signalpipe.extract.rules.changelog import feature_note, on_new_platform, release_post
from signalpipe.extract.rules.common_words import COMMON_WORDS
from signalpipe.extract.rules.found import Context, Found, cased, said
from signalpipe.extract.rules.lexicon import CERT, OUTLET, REGION, ROLE, rx
from signalpipe.extract.rules.markets import market_opened, named_place
from signalpipe.extract.rules.names import key, name_after, name_before, names_in
from signalpipe.extract.rules.press import (
    MORE_PRESS,
    analyst_firm,
    award_backstory,
    generic_outlet,
    not_coverage,
    quoted_award,
)
from signalpipe.extract.rules.releases import (
    INTERNAL,
    MORE_HINT,
    NAMED_FIRST,
    NEW_RELEASE,
    NEW_WORDS,
    not_a_release,
    own_product,
    plain_product,
    release_kind,
    released,
    setback,
)
from signalpipe.extract.rules.subject import FIRST_PERSON
from signalpipe.models import EventType, MetricValue

T = EventType

HIRE = rx(
    r"\b(?:join(?:ed|s|ing)\b|hired|hire\b|welcom(?:e|es|ed|ing)|said yes|accepted (?:our|the|an?"
    r"|her|his|their) offer|signed (?:her|his|their|the) offer|starts? (?:on|monday|tuesday"
    r"|wednesday|thursday|friday|next|as|today|tomorrow|the \d)|starting (?:as|on|monday|tuesday"
    r"|wednesday|thursday|friday|next)|first day|appointed|appoints|appointment of|named\b"
    r"|names\b|offer signed|offer accepted|accepted the offer|(?:just )?started (?:as|today as)"
    r"|promot(?:ed|es|ion)|brought on|on ?board(?:ed|s|ing)?|coming on as|comes on as"
    r"|taking (?:over|the role)|takes over|is (?:our|the) new|as (?:our|the|its) new|new (?:ceo"
    r"|cto|cfo|coo|cro|cmo|cpo|vp|head|chief|director|general counsel)"
    r"|added (?:\w+ ){1,3}to (?:our|the|its) (?:team|board|leadership)"
    r"|expands? (?:its |our )?(?:leadership|executive) team|poached"
    r"|(?:goes|went|going|gone|is now|now) full[- ]time|to be (?:the )?(?:new )?(?:chair\w*|ceo"
    r"|cfo|cto|coo|president|head)|replac\w+ (?:its |the |our )?(?:ceo|cfo|cto|coo|chair\w*"
    r"|chief)|adds? (?:[\w.'-]+ ){1,4}to (?:its |the |our )?board)")
NOT_HIRE = rx(r"\b(?:(?:prior to|before) (?:joining|starting)|plan(?:s|ning)? to hire"
              r"|(?:should|must|need to|needs to|going to|gonna|let'?s|could|might) hire"
              r"|to hire (?:a|an|our)\b|will hire|hope to hire"
              r"|looking (?:to hire|for)|want(?:s)? to hire|their partner joins"
              r"|as part of the round"
              r"|interview(?:s|ed|ing)?|candidates?|job (?:post|posting|ad|description)"
              r"|recruit(?:ing|er)|offer (?:sent|out|extended)|sent (?:an|the) offer|pipeline"
              r"|hiring (?:plan|for|a|an|our)|we(?:'re| are) hiring|open roles?|headcount plan"
              r"|join(?:ed|ing)? (?:the|a|our) (?:call|meeting|zoom|channel|webinar|slack|standup"
              r"|waitlist|beta|program|session|thread|event|demo)|joined us (?:on|for) (?:the|a)"
              r" (?:call|demo|webinar|podcast)|customer|user"
              r"|(?:newest|strategic|technology|channel|distribution|integration|launch|design)"
              r" partners?"
              r"|search for|join(?:s|ed|ing)? us (?:today |this week )?to (?:talk|discuss|share"
              r"|present|chat|demo|explain|speak)"
              r"|under (?:the |its |a )?new|set to (?:name|appoint|hire)"
              r"|(?:approval|budget|green light|sign-?off) (?:\w+ ){0,4}to hire"
              r"|(?:them|it) as (?:the |our |a )?(?:newest |new )?partner"
              r"|partner (?:program|programme|network))\b")
LEAVE = rx(r"\b(?:passed away|(?:to|will) (?:step down|leave|retire)|retir(?:es|ed|ing)\b"
           r"|departure\b|decided to leave|(?:is )?out as|resign(?:ed|s|ing"
           r"|ation)|is leaving"
           r"|will be leaving|are leaving"
           r"|leaves (?:the "
           r"company|us|\w+ at)|left (?:the company|us|the team)|stepping down|stepped down"
           r"|steps down|departing|departure of|last day|parted ways|parting ways|let go|fired"
           r"|quit\b|moving on from)\b")
LAYOFF = rx(r"\b(?:laid off|lay ?offs?|let go of \d+|reduction in force|\brif\b"
            r"|reduc(?:e|ed|ing) (?:the |our |its |their )?(?:team|headcount|staff|workforce"
            r"|personnel|employees|number of employees) (?:size )?by"
            r"|(?:cut|cuts|cutting|axe|axes|shed|sheds|shedding|eliminat\w+|slash(?:es|ed|ing)?)"
            r" (?:about |around "
            r"|some |nearly |up to )?[\d,.]+ ?(?:%|percent)? (?:of )?"
            r"(?:our |the )?(?:staff|team|headcount|workforce|jobs|roles|people|company)"
            r"|said goodbye to \d+|let \d+ (?:people|colleagues|employees) go|\d+ roles cut"
            r"|hiring freeze"
            r"|freez(?:e|ing) (?:all )?hiring|paus(?:e|ed|ing) (?:all |our |new )?hiring"
            r"|hiring (?:is |was |has been )?(?:paused|frozen|on hold)|headcount cuts?|job cuts"
            r"|downsiz\w+(?! of (?:the |its |our |a |an )?+(?!team|staff|workforce|company"
            r"|business|headcount|organi[sz]ation|employees|personnel)[a-z])"
            r"|cuts? (?:more|further|hundreds of|thousands of) (?:jobs|roles|staff)"
            r"|(?:pay|salary|wage) freeze|freez(?:es|ing|e) (?:staff )?(?:pay|salaries|wages)"
            r"|reduc\w* the size of (?:the |our |its )?(?:[\w-]+ )?(?:team|workforce|company|staff)"
            r"|restructur\w+ (?:that|which|affecting)|furlough\w*)\b")
PERSON = re.compile(r"[A-Z][a-zà-ÿ'’-]+(?:[A-Z][a-zà-ÿ]+)?(?:\s(?:[A-Z]\.|[A-Z][a-zà-ÿ'’-]+"
                    r"(?:[A-Z][a-zà-ÿ]+)?)){0,2}")


def _person(clause: str, at: int, skip: re.Pattern[str] | None = None) -> str | None:
    """The person a hire or departure is about: the nearest capitalised first name (not the
    company's own name, ``skip``: "Jordan Park has joined Acme as CRO" hired Jordan Park)."""
    best = None
    best_name = None
    for m in PERSON.finditer(clause):
        # "Welcome Sarah", "Meet Dana Wu": the greeting starts the capitalised run, not the name
        words = m.group().split()
        while words and (words[0].lower() in _NOT_PEOPLE or words[0].lower() in _TITLE_WORDS):
            words.pop(0)
        word = " ".join(words)
        if not word or ROLE.fullmatch(word.lower()) or (skip is not None and skip.search(word)):
            continue
        if best is None or abs(m.start() - at) < abs(best.start() - at):
            best, best_name = m, word
    return best_name


_NOT_PEOPLE = frozenset(
    [
        "please", "welcome", "we", "our", "the", "a", "big", "huge", "thrilled", "excited", "happy",
        "proud", "team", "everyone", "all", "hi", "hey", "today", "yesterday", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "head", "vp", "chief", "ceo",
        "cto", "cfo", "coo", "cro", "cmo", "cpo", "director", "engineering", "sales", "product",
        "design", "marketing", "operations", "finance", "people", "growth", "it", "she", "he",
        "they", "her", "his", "he's", "she's", "they're", "yes", "update", "news", "officially",
        "congrats", "also", "new",
        "senior", "lead", "principal", "staff", "founding", "general", "counsel", "departure",
        "sad", "postmortem", "layoff", "layoffs", "two", "wins", "meet", "introducing", "say",
        "shoutout", "shout-out", "congratulations", "announcing", "join", "joining", "offer",
        "accepted", "hired", "hire", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july",
        "august", "september", "october", "november", "december",
    ])


# Compiled here, not passed to re.search: the dev corpus's hundreds of company names cycle re's
# own cache of 512 patterns.
_FOUNDER = re.compile(r"co-?founder|founder")
_NEW_TEAM = re.compile(r"\bnew (?:executive|leadership|senior) (?:hires|appointments"
                       r"|team members)")


# a headline's "Globex CEO steps down": the company named before its leader's title
_THEIR_LEADER = re.compile(r"\W*([A-Z][\w&.-]+) (?:CEO|CTO|CFO|COO|CRO|CMO|CPO|VP|Head|Chief"
                           r"|President|Director|founder|co-founder)\b")
_TITLE_WORDS = frozenset(["interim", "acting", "former", "outgoing", "longtime", "founding",
                          "deputy", "new", "incoming"])
_WAS = re.compile(r"\b(?:former|formerly|ex-|previously|then)", re.IGNORECASE)
_THEIRS = re.compile(r"\b[Oo]ur (?:customers?|clients?|investors?|vendors?|suppliers?"
                     r"|portfolio compan\w+)\b")


_PROGRAMME = re.compile(r"partners?(?: [\w-]+){0,2} (?:program|programme|network|portal"
                        r"|ecosystem|directory|tier|badge|status)\b")


def _role_in(low: str) -> re.Match[str] | None:
    """The role named, unless it names a programme: "joined the Google Cloud Partner Advantage
    program" is no hire."""
    role = ROLE.search(low)
    return None if role and _PROGRAMME.search(low, role.start()) else role


def hiring(clause: str, low: str, ctx: Context) -> Found | None:
    layoff = LAYOFF.search(low)
    if layoff:
        # "Acme to cut 4,000 jobs" is the decision itself, announced before it takes effect
        return Found(T.HIRING, {"layoff": key(layoff.group())}, said(clause, layoff.start()),
                     layoff.start(), negative=True, allow=frozenset({"plan"}))
    leave = LEAVE.search(low)
    role = _role_in(low)
    if leave and (role or _FOUNDER.search(low)):
        employer = re.search(r"\b([A-Z][\w&.-]+)(?:'s|’s) (?:[A-Z]\w+ )?(?:CEO|CTO|CFO|COO|CRO"
                             r"|CMO|CPO"
                             r"|VP|Head|Chief|President|Director|founder|co-founder)", clause)
        employer = employer or _THEIR_LEADER.match(clause)
        if employer and not (ctx.company and ctx.company.search(employer.group(1))) \
                and not FIRST_PERSON.search(low) and employer.group(1).lower() not in COMMON_WORDS \
                and employer.group(1).lower() not in _NOT_PEOPLE \
                and employer.group(1).lower() not in _TITLE_WORDS:
            return None  # "Stripe's CFO resigned", "Globex CEO steps down": their departure
        who = _person(clause, leave.start(), ctx.company)
        if who and re.match(r"(?:I|We)(?:['\u2019]\w+)?$", who):
            who = None  # "I'm stepping down": the writer is no name ("I'm (CEO) is leaving")
        what = clause[role.start():role.end()] if role else "co-founder"
        return Found(T.HIRING, {"departure": key(who or what)},
                     f"{who} ({what}) is leaving" if who else f"Departure: {what}", leave.start(),
                     negative=True,
                     allow=frozenset({"plan"}), stakeholders=(who,) if who else ())
    m = HIRE.search(low)
    team = _NEW_TEAM.search(low)
    if team and not NOT_HIRE.search(low):
        return Found(T.HIRING, {"role": "executive team"}, "New executive hires", team.start())
    if not m or not role or NOT_HIRE.search(low):
        return None
    if _THEIRS.search(clause, 0, m.start()):
        return None  # "Our investor Index Ventures welcomed a new partner": their hire
    agentless = not clause[:m.start()].strip(" -*\u2022:")
    if not (agentless or FIRST_PERSON.search(low)
            or re.search(r"welcom|said yes|accepted|starts|started|first day|new\b|say hi"
                         r"|join(?:ed|s|ing) as\b"
                         r"|meet our", low)
            or (ctx.company and ctx.company.search(clause))):
        return None
    employer = re.match(r"\s*([A-Z][\w&.'-]+(?: [A-Z][\w&.'-]+)*) (?:(?:just|has|have|recently"
                        r"|also|finally) )*(?:hired|hires|appoints|appointed|names|named|taps"
                        r"|tapped) (?!as\b|to\b)",
                        clause)
    if employer and not (ctx.company and ctx.company.search(employer.group(1))) \
            and not FIRST_PERSON.search(low) and employer.group(1).lower() not in _NOT_PEOPLE:
        return None  # "Globex hired a new CTO": their hire
    elsewhere = re.search(r"\b(?:at|of|joins|joined|joining) ([A-Z][\w&.'-]+(?: [A-Z][\w&.'-]+)*)",
                          clause[role.end():])
    if elsewhere and not (ctx.company and ctx.company.search(elsewhere.group(1))) \
            and not FIRST_PERSON.search(low) \
            and not _WAS.search(clause, max(0, role.start() - 20), role.start()):
        # "Congrats to Clara on the new VP role at Stripe!"; "Jane Doe, former CFO of Stripe"
        # is the hire's past
        return None
    who = _person(clause, m.start(), ctx.company)
    if who is None and re.search(r"\b(?:she|he|they)\b", low) and ctx.before:
        who = _person(ctx.before, len(ctx.before))
    title_role = clause[role.start():role.end()]
    title_role = _role_case(title_role) if title_role.islower() else title_role if \
        title_role.isupper() or len(title_role) <= 4 else title_role[:1].upper() + title_role[1:]
    metrics: dict[str, MetricValue] = {"hire": key(who)} if who else {"role": key(title_role)}
    title = f"Hired {who} as {title_role}" if who else \
        f"Hired {role_article(title_role)} {title_role}"
    return Found(T.HIRING, metrics, title, m.start(), allow=frozenset({"plan"}),
                 stakeholders=(who,) if who else ())


LAUNCH = rx(
    r"^(?:announcing|introducing) |\b(?:launch(?:ed|es|ing)|shipped|released|rolled out"
    r"|rolling out to all"
    r"|introduc(?:ed|es|ing) (?!us\b|me\b|him\b|her\b|them\b)(?:our |the |a |an )?(?:new )?"
    r"(?=[A-Z\w])|unveil(?:ed|s|ing)"
    r"|debut(?:ed|s)|(?:we'?re|we are) (?:now )?live on"
    r"|is (?:now )?(?:live|out(?! of)|here|available)\b|are (?:now )?(?:live"
    r"|out(?! of)|here|available)\b|went live|now available|now live"
    r"|generally available|general availability|\bga\b|public (?:beta|launch|release|preview)"
    r"|open beta|has arrived|have arrived|announc(?:ed|es|ing) (?:the |a |an |our |its )?"
    r"(?:new|launch|release|availability|general availability|beta|version|v?\d)"
    r"|goes live|out now|available now|available today|you can (?:now|finally)|excited to bring"
    r"|out of beta|available to everyone|available to all|public alpha|alpha release"
    r"|is (?:now )?open[- ]source(?:d)?\b"
    r"|now works with|now integrates with|announce (?:the )?(?:release|launch"
    r"|general availability|availability|a new|our new|support)|release of|excited to (?:release"
    r"|introduce|launch)|now supports?\b|now offers\b|now (?:fully )?open[- ]source"
    r"|(?:announce|announcing|announced) (?:the )?"
    r"launch of|finally arrives?|first (?:public )?release|initial release|open[- ]sourced"
    r"|rolled (?:the )?major version)")
STRONG_LAUNCH = rx(r"\b(?:launch(?:ed|es|ing)|announce the release|is out(?! of)|excited to bring"
                   r"|release of|excited to release"
                   r"|introducing|announcing|(?:announce|announcing|announced) (?:the )?launch of"
                   r"|finally arrives|first (?:public )?release|is (?:now )?(?:live|out|here)"
                   r"|are (?:now )?(?:live|out"
                   r"|here)|went live|generally available|general availability|\bga\b|out now"
                   r"|available (?:now|today)|now available|unveil\w*|debut\w*|public (?:beta"
                   r"|launch"
                   r"|release)|introducing|has arrived|shipped)\b|[\U0001f680\U0001f4e3\U0001f389]")
WEAK_USE = rx(r"\b(?:more information|(?:is|are) available (?:at|here|upon request|for download at"
              r"|on (?:our|the) website)|released (?:up to|for|originally|only|under|in \d{4}"
              r"|as part)|(?:are|is"
              r"|were|was)"
              r" (?:currently |only )?(?:released|introduced) (?:for|in|by|as|under)"
              r"|introduced (?:in|by"
              r"|the concept|a variation|a new concept)|introducing the concept|first introduced"
              r"|recently introduced|was introduced|were introduced|released \d+ versions"
              r"|bi-?weekly release|release cadence|has released an? (?:update|patch|fix))\b")
PRODUCT_HINT = rx(
    r"\b(?:v?\d+\.\d+(?:\.\d+)?|feature|product|app|apps|version|release|api|sdk|integration"
    r"|plugin|plug-in|module|platform|dashboard|tool|edition|plan|tier|cli|extension|connector"
    r"|copilot|assistant|engine|studio|service|suite|console|portal|marketplace app|mobile"
    r"|ios|android|beta|agent|model|workflow|analytics|insights|reports?|ai)\b")
ROUTINE = rx(r"\b(?:design partners?|private beta|(?:private|closed|internal) alpha"
             r"|closed beta|limited (?:beta|preview|release|access)|early access"
             r"|bug ?fix(?:es)?|hot ?fix|patch"
             r"|security fix|minor release"
             r"|maintenance release|point release|release candidate|rc\.?\d|nightly|canary"
             r"|staging|dev environment|internal(?:ly)?|dogfood\w*|to \d+% of|feature flag"
             r"|behind a flag|a/b test|changelog|docs?\b|documentation|typo|blog post|newsletter"
             r"|webinar|podcast|episode|press release|case study|job|role|position|survey|tutorial"
             r"|guide|pricing plan|support (?:team|from|is available|hours|contact|ticket)"
             r"|instance|boundary"
             r"|documentation|version of"
             r"|invite|invitation|calendar|meeting|minutes|agenda|slides|deck|video|recording)\b")
# "under Apache 2.0", "GPLv3", "MPL 2.0": a licence's number is not the product's version
_VERSION = re.compile(r"(?<!apache )(?<!Apache )(?<!MPL )(?<!mpl )(?<!GPL )(?<!gpl )(?<!CC BY )"
                      r"(?<!OAuth )(?<!oauth )(?<!HTTP/)(?<!http/)(?<!TLS )(?<!tls )"
                      r"\bv?(\d+)\.(\d+)(?:\.(\d+))?\b")


MAJOR_HEADING = re.compile(r"^\W{0,6}(?:v|version\s)?(?P<v>[1-9]\d*\.0(?:\.0)?)\b\W{0,4}"
                           r"(?:[-\u2013\u2014(]\s*)?(?:\d{4}-\d\d-\d\d|\(|$)")


OBJECT = re.compile(r"[\s*_]*([\w'’./+-]+(?: [\w'’./+-]+){0,4}?)(?=\s*(?:[:;,.!(]|\*\*|$)"
                    r"|\s(?:-|for|to|on)\s)")
INTRANSITIVE = re.compile(r"(?:is|are|went|goes) (?:now )?(?:live|out|here|available|ga)|now "
                          r"(?:available|live)|generally available|general availability|ga$"
                          r"|out now|available (?:now|today)|has arrived|have arrived"
                          r"|shipped$|rolled out$|is shipping|out of beta|available to")
NOT_LAUNCH_OBJECT = rx(r"\b(?:website|web site|blog|logo|brand(?!-new)(?:ing)?|new look"
                      r"|newsletter|podcast|office|team|hire|colleague|intern|employee|handbook|policy|poll|survey"
                      r"|webinar|meetup|event|conference|contest|giveaway|job|role|book|bookclub"
                      r"|collection|album|song|film|movie|(?<!app )(?<!play )store|restaurant"
                      r"|refinancing|bid|offer|takeover|loan|bond|notes|buyback|share sale|ipo"
                      r"|campaign|probe"
                      r"|investigation|inquiry|review|consultation|appeal|lawsuit|tender offer"
                      r"|strategic review|search for|schedule|agenda|workshop|summit|hackathon"
                      r"|registration|cfp|call for (?:papers|proposals|speakers)|tutorial|course"
                      r"|meeting|talk|keynote)\b")
# Launch words used for something else: launching as a topic or backstory ("launching your own
# product is difficult", "within 10 days of launching the EU site"), fulfilment ("shipped three
# orders"), routine work in bulk ("shipped many new features and fixes", "released a small
# update").
NOT_LAUNCH_USE = rx(
    r"\b(?:(?:of|after|before|about|since|while) |re-)launching\b|(?:^|\. |, |that |of )launching "
    r"[^.;]{0,40}? (?:is|takes|took|was|means|requires)\b"
    r"|\bshipped (?:\d+|one|two|three|four|five|six|\w+ more) (?:orders?|units?|packages?|boxes"
    r"|devices|kits|pre-?orders?)\b|\bshipped (?:a lot of|lots of|many|dozens of|several|a bunch of"
    r"|tons of|a ton of|plenty of) (?:\w+ )?(?:features|fixes|improvements|updates|things)\b"
    r"|\b(?:every|each) feature shipped|\bsince (?:we |i )?(?:first )?(?:released|launched|shipped)"
    r"|\b(?:released|shipped|pushed|rolled out) (?:a |an |some )?(?:small |minor |quick |tiny )?"
    r"(?:update|fix|tweak|patch|improvement)s?\b")
# A build offered for testing is a step towards a release, not the release.
PRE_RELEASE = rx(r"\b(?:release candidate|rc ?\d+\b|rc\.\d|for testing|pre-?release|nightly"
                 r"|snapshot build|beta testers?|testing build)")


SLIP = rx(r"\b(?:launch|release|ga|rollout|go-live|general availability)\b[^.;]{0,30}?"
          r"\b(?:(?:was|is|has been|got|had to be) )?(?:delayed|postponed|pushed(?: back)?"
          r"|slipped|slips|slipping)\b"
          r"|\b(?:delayed|postponed|pushed back) (?:the|our) (?:\w+ ){0,2}"
          r"(?:launch|release|ga|rollout)\b")


def launch(clause: str, low: str, ctx: Context) -> Found | None:
    opened = market_opened(clause, low) or setback(clause)  # a market; a product shelved
    if opened:
        return opened
    slip = SLIP.search(low)
    if slip:  # a delayed launch is the lowlight of a launch (shared LABELLING.md)
        version = _VERSION.search(clause)
        what = version.group() if version else "launch"
        return Found(T.PRODUCT_LAUNCH, {"delayed": key(what)},
                     f"Launch delayed: {said(clause, 0)}", slip.start(), negative=True,
                     allow=frozenset({"plan"}))
    posted = release_post(clause, low, ctx)  # "MeshCore Firmware v1.9.0" above its notes
    if posted:
        return posted
    major = MAJOR_HEADING.match(clause)
    if major:  # "## [4.0.0] - 2025-01-21": a changelog opening a major version
        return Found(T.PRODUCT_LAUNCH, {"product": f"v{major['v']}"},
                     f"Released version {major['v']}", 0)
    # narrow phrases first: "launched another book" is the founder's
    new = NEW_RELEASE.search(low) if any(w in low for w in NEW_WORDS) else None
    m = new or LAUNCH.search(low)
    headline = clause == ctx.subject  # a post's title: "Vespa 8 is here"
    # "the first version of X" is no routine "version of" the docs
    routine = PRE_RELEASE.search(low) or NOT_LAUNCH_USE.search(low) if new else \
        m and _not_a_launch(m.group().strip(), clause, low, m.start(), headline=headline)
    if not m or routine or not_a_release(m.group().strip(), clause, low, m.start(),
                             intransitive=INTRANSITIVE.match(m.group().strip()) is not None,
                             subject=ctx.subject, sentence=ctx.sentence) \
            or feature_note(m.group().strip(), clause, low, m.start(),
                            intransitive=INTRANSITIVE.match(m.group().strip()) is not None,
                            ctx=ctx):
        return None
    version = _VERSION.search(clause)
    product = released(clause, m) if new else _product(clause, m, ctx,
                                                        has_version=version is not None)
    product = on_new_platform(clause, low, m.end()) or product  # "installer for Linux"
    if product is None and version is None and ctx.subject and len(ctx.subject) <= 80 \
            and STRONG_LAUNCH.search(low) and FIRST_PERSON.search(low) \
            and re.search(r"\b(?:today|excited|pleased|thrilled|happy|proud)\b", low) \
            and not re.search(r"(?i)\b(?:newsletter|review|recap|update|digest|roundup|week"
                              r"|month|year|changelog)\b", ctx.subject):
        product = ctx.subject.strip(" #*\U0001f680\U0001f389")  # "we're excited to bring you ..."
    if version is None:
        product = _unversioned(product, clause, m, ctx)
    if product and product.islower() and INTERNAL.search(product):
        return None  # "rolled out the new onboarding process for hires": our workings
    if product is None and version is None:
        product = _launched_on_platform(low)
        if product is None:
            return None
    product = _with_kind(clause, product)
    label = product or ""
    if version and version.group() not in label:
        label = f"{label} {version.group()}".strip()
    # "Vault API: shipped to everyone", "Flow Copilot is now GA": the name before the verb is
    # the product, not someone else launching one ("Stripe launched Radar")
    named_product = product is not None and clause.find(product) < m.start() \
        and (INTRANSITIVE.match(m.group().strip()) or (new and new.lastgroup in NAMED_FIRST))
    metrics, title = release_kind(m.group(), {"product": key(label)}, label)
    return Found(T.PRODUCT_LAUNCH, metrics, title, m.start(),
                 relational=bool(named_product), stakeholders=(label,))


# "We launched Slack notifications", "a Discord bot", "Two-factor authentication is live": the
# name is another's or a word, and the noun after it says what we built with it
_KIND_AFTER = re.compile(r"\s+((?:[a-z][\w-]*\s+)?(?:notifications?|bots?|plugins?|integrations?"
                         r"|extensions?|authentication|login|sign-in|connectors?|add-ons?"
                         r"|widgets?|actions?|templates?|themes?|apps?|applications?|sdks?|cli|improvements))\b")


# "Release of V1 of the Post listing module": a bare version names nothing without what it is
# a version of ("Launched V1" had been the title)
_BARE_VERSION = re.compile(r"(?:[vV]|version\s+)\d+(?:\.\d+)*")
_VERSION_OF = re.compile(r" of ((?:the |our )?[\w][\w .'-]{2,50}?)(?=[!.,;:*)\n]|$| today\b"
                         r"| now\b| is\b| are\b| for\b| with\b| to\b)")


def _with_kind(clause: str, product: str | None) -> str | None:
    at = clause.find(product) if product else -1
    if product and at >= 0 and _BARE_VERSION.fullmatch(product):
        of = _VERSION_OF.match(clause, at + len(product))
        return f"{product} of {of.group(1)}" if of else product
    kind = _KIND_AFTER.match(clause, at + len(product)) if product and at >= 0 else None
    return f"{product} {kind.group(1)}" if kind else product


def _unversioned(product: str | None, clause: str, m: re.Match[str], ctx: Context) -> str | None:
    """What launched when no version names it: not the company alone ("Launched Vespa" would
    merge every launch of a batch), not a place, else the thing named in lower case."""
    if product and ctx.company and ctx.company.fullmatch(product):
        product = own_product(product, clause, ctx.subject if STRONG_LAUNCH.search(
            ctx.subject.lower()) else "")
    if product and REGION.fullmatch(product.lower()):
        product = None  # "launched the new mobile app in Germany": the app, not Germany
    if product is None:
        plain = plain_product(clause, m, intransitive=INTRANSITIVE.match(m.group().strip())
                              is not None)
        product = plain if plain and (PRODUCT_HINT.search(plain.lower())
                                      or MORE_HINT.search(plain.lower())) else None
    return product


_ON_PLATFORM = rx(r"\b(?:(?:we'?re|we are|we went|went|is|are) (?:now )?live|launched|launching)"
                  r" (?:today )?on (?:the )?(product ?hunt|hacker news|app store|google play"
                  r"|indie ?hackers)")


def _launched_on_platform(low: str) -> str | None:
    """"We're live on Product Hunt!": the company itself launched, the site names where."""
    m = _ON_PLATFORM.search(low)
    if m is None or not FIRST_PERSON.search(low):
        return None
    return f"on {m.group(1).title()}"


_VERSIONS = re.compile(r"\bv?(\d+)\.(\d+)(?:\.(\d+))?(?:\.(\d+))?\b(?!\.?\d)")
# What makes a minor version a launch: it is announced as one, or brings something new.
MINOR_LAUNCH = rx(r"\b(?:launch(?:ed|es|ing)?|introduc\w+|announc\w+|unveil\w*|is out|out now"
                  r"|generally available|general availability|ga\b|new\b|first)"
                  r"|[\U0001f680\U0001f4e3\U0001f389]")


def release_level(low: str) -> str | None:
    """"major", "minor" or "patch" for the first version number in ``low`` (0.x is minor)."""
    m = _VERSIONS.search(low)
    if m is None:
        return None
    parts = [int(p) for p in m.groups() if p is not None]
    if any(parts[2:]):
        return "patch"
    return "minor" if parts[0] == 0 or parts[1] != 0 else "major"


_HERE = re.compile(r"(?:is|are) (?:now )?here")
_MAJOR = re.compile(r"\bmajor\b|\bv?[1-9]\d*\.0(?:\.0)?\b(?!\.\d)")


def _not_a_launch(trigger: str, clause: str, low: str, at: int, *, headline: bool) -> bool:
    """Routine releases, concepts "introduced in" a paper, a website or a hire "introduced",
    support-thread "you can now", a bare "announced" with nothing launched."""
    hint = PRODUCT_HINT.search(low) or MORE_HINT.search(low)
    if (not hint and not names_in(clause) and not headline) or WEAK_USE.search(low) \
            or NOT_LAUNCH_USE.search(low) \
            or NOT_LAUNCH_OBJECT.search(low, at) or PRE_RELEASE.search(low) \
            or (trigger.endswith("available") and low.startswith(" in ", at + len(trigger))
                and REGION.match(low, at + len(trigger) + 4) is not None):
        return True
    if _HERE.match(trigger) and not hint and not headline:
        return True
    if ROUTINE.search(low) and not _MAJOR.search(low):
        return True
    level = release_level(low)
    if level == "patch":
        return True  # "3.14.1.0 is now available": a patch is routine (shared LABELLING.md)
    if level == "minor" and not MINOR_LAUNCH.search(low):
        return True  # "4.3.0 released": a routine minor version unless it is announced as one
    if trigger.startswith(("you can", "now works", "now integrates")) and not re.search(
            r"\b(?:announce|excited|happy|pleased|thrilled|proud|today|introducing|new)\b", low):
        return True  # "you can now retry the export" in a support thread is no launch
    # a post titled "Announcing IN query operator" announces what it names
    return trigger in {"announced", "announces", "announcing"} and not hint and not headline


_PLATFORMS = re.compile(r"(?i)product ?hunt|hacker news|app store|google play|play store|github"
                        r"|the marketplace|twitter|linkedin|youtube")


def _product(clause: str, m: re.Match[str], ctx: Context, *, has_version: bool) -> str | None:
    """What was launched: a name near the trigger, a link's text, or a digest line's object."""
    product = name_before(clause, m.start(), within=60) or name_after(clause, m.end(), within=40)
    if product and _PLATFORMS.fullmatch(product):
        product = name_before(clause, m.start(), within=60)  # "live on Product Hunt"
    if product and ctx.company and ctx.company.fullmatch(product) and (
            not has_version or _VERSION.search(clause, m.end()) is not None):
        # "Acme unveils Relay 4.0": the version goes with the name after the verb; in
        # "Acme 2.0 is out" it goes with the company's name
        product = name_after(clause, m.end(), within=40) or product
    if product is None:
        link = re.search(r"\[([^\]\n]{2,60})\]|`([^`\n]{2,40})`", clause[m.start():])
        product = (link.group(1) or link.group(2)) if link else None
    if product is None and not clause[:m.start()].strip(" -*\u2022:\U0001f680\U0001f389"):
        # "Shipped custom domains: ...": a digest line names its feature in lower case
        obj = OBJECT.match(clause, m.end())
        product = obj.group(1).strip() if obj else None
    return None if product and _PLATFORMS.fullmatch(product) else product


EXPAND = rx(
    r"\b(?:expand(?:ed|ing|s)? (?:\w+ ){0,3}(?:in)?to (?!meet|us\b|serve|include|support|help"
    r"|cover|offer|provide|the community|more\b|new (?:customers|users))|expansion (?:in)?to"
    r"|launch(?:ed|es)? in"
    r"|(?:now|is|are|went|goes|go|officially|'re|\u2019re) live in"
    r"|went live in|opened (?:a |our |an |the )?(?:new |first )?(?:\w+ )?(?:office|hub"
    r"|data ?cent(?:er|re)|region|branch|entity|subsidiary|headquarters|hq)|new (?:office|region"
    r"|data ?cent(?:er|re)|market|hub|entity) in|first (?:customer|client|deal|hire|employee"
    r"|office|sale) in|entered (?:the )?[\w ]{1,25}market|entering (?:the )?[\w ]{1,25}market"
    r"|now available in|available in [\w .,]{2,40} for the first time|availability in"
    r"|now serving|set up (?:shop|an entity|a team) in"
    r"|incorporated in"
    r"|region (?:is )?(?:now )?(?:live|available|open)|data residency|opens? (?:in|its|our)"
    r"|new (?:data ?cent(?:er|re)s?|regions?|zones?|locations?|pops?|offices?|stores?"
    r"|plants?|factor(?:y|ies)|sites?|facilit(?:y|ies)|subsidiar(?:y|ies)) (?:are|is) (?:now )?"
    r"(?:available|live|open)|(?:\d+|two|three|four|five|six|several|\w+) new (?:[\w-]+ )?"
    r"(?:regions?|zones?|data ?cent(?:er|re)s?|locations?|pops?)\b"
    r"|open(?:s|ed|ing)? (?:its |our |a |the )?(?:first|new) [\w -]{0,30}(?:store|office|location"
    r"|clinic|dispensary|restaurant|branch|site|facility|hub|warehouse|plant|factory|showroom) in"
    r"|(?:order|deploy|run) [\w ]{0,30} in (?:different |new )?data ?"
    r"cent(?:er|re)s?|opened (?:a |an |its |our )?(?:new )?[\w-]{0,20} ?(?:plant|factory|store"
    r"|facility|site|clinic|center|centre|campus|warehouse|branch)|established (?:a |an )?"
    r"(?:subsidiary|office|entity|branch)|arriv(?:ed|es) in|new market"
    r"|(?:launch|expansion|office|team) (?:is|was) (?:done|live|complete|open|up and running)"
    r"|open for business|up and running|now selling in|selling in|(?:now|started|start) shipping"
    r" (?:to|in)|first customer there|(?:first"
    r"|sixth|second"
    r"|third|fourth|fifth|\d+(?:st|nd|rd|th))"
    r" market)(?:(?<=\s)|\b)")  # a cue ends a word: "new market", not "new marketing"
EXIT = rx(r"\b(?:exit(?:ed|ing|s)? the [\w ]{1,20}market|(?:deprecated|withdrawn|discontinued"
          r"|sunset|retired|no longer available)\b[^.]{0,80}?\b(?:in|from) (?=[a-z])"
          r"|pull(?:ed|ing|s)? out of|shut(?:ting)? "
          r"down (?:our |the )?[\w ]{0,20}(?:office|operations|region)|clos(?:ed|ing"
          r"|es) (?:our |the )"
          r"?[\w ]{0,20}(?:office|operations|region|data ?cent(?:er|re))"
          # "closed the Oulu office ticket": an errand of the office, no market left
          r"(?! (?:ticket|tickets|party|door|doors|windows?|kitchen)\b)|withdraw\w* from"
          r"|retir(?:ed|ing) (?:the |our )?[\w ]{0,20}region)\b")


_EXPANDS_DEAL = re.compile(r"\bexpand\w* (?:its |our |the |their )?(?:agreement|contract|deal"
                           r"|partnership|relationship)|\bexpand\w* access to\b")


def expansion(clause: str, low: str, ctx: Context) -> Found | None:
    if "expand" in low and _EXPANDS_DEAL.search(low):
        return None  # "Acme expands agreement with Walmart": a customer's expansion
    out = EXIT.search(low)
    if out and not (REGION.search(low, out.start()) or re.search(
            r"market|office|operations|region|data ?cent", out.group())):
        out = None  # "retired the Hobbyist Kit from the website": a product, not a market
    if out:
        place = REGION.search(low, out.start())
        where = clause[place.start():place.end()] if place else clause[out.start():out.end()]
        return Found(T.MARKET_EXPANSION, {"region": key(where)}, f"Exited {where}", out.start(),
                     negative=True)
    opened = market_opened(clause, low)  # "now available in French", "payments in euros"
    if opened:
        return opened
    m = EXPAND.search(low)
    if not m:
        return None
    place = named_place(low)
    name = None
    if place:
        name = clause[place.start():place.end()]
    else:
        name = name_after(clause, m.end() - 3, within=40)
        ours = name is not None and ctx.company is not None and ctx.company.search(name)
        if name and (ours or PRODUCT_HINT.search(name.lower())):
            name = None
    if not name:
        return None
    if re.search(r"\bavailable in\b", m.group(), re.IGNORECASE) and not REGION.search(low):
        return None
    return Found(T.MARKET_EXPANSION, {"region": key(name)}, f"Expanded to {cased(name)}",
                 m.start())


CERT_DONE = rx(
    r"\b(?:certif(?:ied|ication)|achiev(?:ed|es)|pass(?:ed|es)|complet(?:ed|es)|receiv(?:ed|es)"
    r"|clean|report (?:is )?(?:in|back|done|received)|attestation|attested|compliant|compliance"
    r"|audit (?:is )?(?:complete|done|passed|finished)|unqualified|no exceptions|zero exceptions"
    r"|opinion|awarded|granted|obtained|earned|secured|approved|approval|authori[sz](?:ed|ation)"
    r"|cleared|clearance|signed off|accredit\w+|recogni[sz]ed|validated|ready\b|badge"
    r"|audit closed)")
CERT_BAD = rx(r"\b(?:fail(?:ed|s)? (?:the |our |its )?[\w /-]{0,25}(?:audit|assessment"
              r"|certification"
              r"|review)|didn'?t pass|did not pass|not pass|(?:audit|certification|assessment"
              r"|authori[sz]ation) (?:was |is |has been |got )?(?:delayed|pushed|slipped"
              r"|postponed|failed)"
              r"|qualified [\w/ -]{0,30}opinion|\d+ exceptions|exceptions (?:found|noted"
              r"|were found)|(?:major|critical"
              r"|material)"
              r" (?:findings?|weakness(?:es)?)|non-?conformit\w+|lost (?:our|the) \w+ (?:cert\w*"
              r"|accreditation))")


def _cert_name(text: str) -> str:
    return " ".join(text.lower().replace("soc2", "soc 2").replace("type 2", "type ii")
                    .replace("type 1", "type i").split())


# A regulator or a court acting against the company: the lowlight a clean audit mirrors.
REGULATORY = rx(
    r"\b(?:(?:was|were|been|is|got) fined|fined (?:by|\$|£|€|\d)|fine of|penalt(?:y|ies) of"
    r"|(?:faces?|facing|under|opened|launch(?:ed|es)|announced) (?:a |an )?(?:\w+ ){0,2}"
    r"(?:probe|investigation|inquiry|enquiry)|probes? into|subpoena(?:s|ed)?|recall(?:s|ed|ing)"
    r" (?:of )?(?:[\w,.-]+ ){0,4}(?:units|products|vehicles|cars|devices|components|batches"
    r"|lots|packs|drugs)|(?:to pay|paid|pays|agreed to pay) (?:a |an )?[$£€]?[\d.,]+ ?\w* to "
    r"settle|settle[sd]? (?:a |an |the )?(?:\w+ ){0,3}(?:lawsuit|suit|claims?|charges|case"
    r"|allegations|probe)|(?:was |were )?sued by"
    r"|misconduct charges|(?:warning|enforcement) (?:letter|notice|action) from)")


FORMER = rx(r"\b(?:former|ex-) ?(?:[\w-]+ ){0,3}(?:analyst|employee|executive|trader|banker"
            r"|manager|director|staffer|worker|ceo|cfo|boss|chief|partner|adviser|advisor)s?\b")


def compliance(clause: str, low: str, ctx: Context) -> Found | None:
    hit = REGULATORY.search(low)
    if hit and not re.search(r"\b(?:dismiss\w*|thrown out|cleared of|acquitt\w*|overturn\w*"
                             r"|into (?:the |an? |our |this )?(?:outage|incident|bug|issue"
                             r"|failure|downtime|root cause|crash))\b", low) \
            and not FORMER.search(ctx.sentence.lower() or low):
        # "former Aviva analyst fined by FCA": a person's penalty, not the company's
        return Found(T.COMPLIANCE, {"regulatory": key(hit.group())},
                     f"Regulatory action: {said(clause, hit.start())}", hit.start(),
                     negative=True, allow=frozenset({"plan"}))
    cert = CERT.search(low)
    if not cert or re.search(r"\b(?:readiness|pre-?audit|gap (?:assessment|analysis)|mock audit"
                             r"|dry run|seek\w*|applied for|apply for|filed for)\b", low):
        return None
    written = clause[cert.start():cert.end()]
    name = _cert_name(written)
    # "with no critical findings" is a clean result, not a finding
    clean = CLEAN.search(low)
    bad = None if clean else CERT_BAD.search(low)
    if bad:
        what = said(clause, bad.start())
        # "SOC 1 Type II audit failed ...", not "SOC 1 Type II: Audit failed ..."
        title = f"{written} audit {what[6:]}" if what.lower().startswith("audit ") \
            else f"{written}: {what}"
        return Found(T.COMPLIANCE, {"certification": name}, title,
                     bad.start(), negative=True,
                     # "delayed to next year" is the setback, not a plan
                     allow=frozenset({"plan"}) if re.search(r"delay|push|slip|postpon",
                                                            bad.group()) else frozenset())
    done = CERT_DONE.search(low) or clean
    if not done or (done.group() in {"compliance", "compliant"} and not re.search(
            r"\b(?:achieved|complete|now|fully|officially|became|is|are|we're)\b[^.]{0,20}"
            r"complian", low)):
        return None
    if re.search(r"\b(?:ready)\b", done.group(), re.IGNORECASE) and "fedramp" not in name:
        return None
    return Found(T.COMPLIANCE, {"certification": name},
                 f"{written.upper() if len(written) <= 5 else written} "
                 f"{'audit passed' if clean else _cert_verb(done.group())}",
                 min(cert.start(), done.start()),
                 allow=frozenset({"negation"}) if clean else frozenset())


CLEAN = rx(r"\b(?:no|zero|without any|without) (?:\w+ )?(?:exceptions|findings|issues"
           r"|vulnerabilities|weakness(?:es)?|non-?conformit\w+)\b")


def _cert_verb(done: str) -> str:
    d = done.lower()
    if d.startswith(("pass", "clean", "unqualified", "no ", "zero ", "without", "opinion")):
        return "audit passed"
    if d.startswith(("authori", "ato", "p-ato", "ready")):
        return "authorization"
    if d.startswith(("complian", "compliant")):
        return "compliance achieved"
    return "certification"


PRESS = rx(
    r"\b(?:featured (?:in|on|by)|feature (?:story |article )?(?:on|about) us"
    r"|covered (?:by|us|in|our (?:launch|raise|round|news|story|announcement|funding))"
    r"|recogni[sz]ed (?:as (?:a|an|one of)|by|in (?:the|their))|named (?:as )?(?:a |the )?(?:leader"
    r"|visionary|challenger|strong performer|top \d+) in|magic quadrant|forrester wave"
    r"|coverage (?:in|from|by)|wrote (?:about|up) us|write-?up (?:in|on|about)|ran (?:a |our |the )"
    r"?(?:story|piece|article|profile|feature|interview)|(?:article|story|piece|profile|interview"
    r"|op-?ed|podcast|episode|feature|segment|writeup|write-up|mention|column|review)(?: about us"
    r"| on us| with (?:me|us|our \w+|\w+))? (?:is|went|goes|was) (?:live|out|up|published)"
    r"|published (?:a |an |our |the )?(?:story|piece|article|profile|feature|interview|op-?ed)"
    r"|mentioned (?:us )?(?:in|by)|named (?:us )?(?:to|in|on) (?:the |their |this year'?s )?"
    r"[^.]{0,80}\blist\b|(?:earns?|earned|secures?|secured|lands?|landed|makes?|made) (?:a )?"
    r"(?:spot|place|position) on (?:the )?.{0,80}?\b(?:list|ranking|index|500|5000|100|50)\b"
    r"|ranked (?:no\. ?|#|number )\d+|ranks (?:no\. ?|#|number )\d+"
    r"|honou?red (?:as|with|by)|(?:included|featured|listed|recogni[sz]ed) in (?:the )?"
    r"[^.]{0,40}(?:gartner|forrester|idc|hype cycle|magic quadrant|wave|market guide)"
    r"|named (?:us )?(?:one of|as one of|among)|made (?:the|their|it onto)"
    r" [^.]{0,40}list|quoted (?:in|by)|(?:we'?re|we are|we were) (?:in|on) [A-Z]"
    r"|press (?:hit|coverage|mention)|front page|interviewed (?:by|on)"
    r"|(?:article|story|piece|feature|profile|write-?up) (?:about|on) us"
    r"|(?:we|our \w+) appear(?:ed|s) (?:in|on)|shout-?out (?:in|from)|profiled (?:by|in)"
    r"|sat down with [^.]{0,60}(?:podcast|show|radio|tv|magazine)|guest on (?:the )?[^.]{0,40}"
    r"(?:podcast|show)|(?:on|joined) the [^.]{0,40} podcast"
    r"|#?\d\w* product of the (?:day|week|month)|product of the (?:day|week|month)"
    r"|(?:(?<=#)|(?<=no\. )|(?<=no\.)|(?<=number ))(?:[1-9]|10) (?:on|at) (?:the )?"
    r"(?:hacker news|hn"
    r"|indie ?hackers|product hunt|reddit|r/\w+|techmeme|lobste\.?rs)"
    r"|(?:reached|hit|made|topped) the top of (?:both )?(?:\w+ )?(?:reddit|hacker news|hn"
    r"|product hunt|indie ?hackers)|did (?:well|great) \[?on (?:hacker news|hn|reddit|lobste\.?rs"
    r"|product hunt)|(?:got|received|receive) (?:a |an |one |two |three |several |\d+ )?(?:\w+ )?"
    r"\[?(?:youtube |video )?reviews? (?:from|by)\b|youtube reviews?"
    r"|top (?:post|story) on (?:hacker news|hn|indie ?hackers"
    r"|reddit|lobste\.?rs)|trending on (?:hacker news|hn|github|product hunt|indie ?hackers)"
    r"|names? (?:\w+ ){1,3}(?:a|as a|as an) (?:leader|visionary|challenger|outperformer"
    r"|fast mover|forward mover|top \d+))")
NOT_PRESS = rx(r"\b(?:job interview|face to face interview|interview (?:with|for) (?:a |the )"
               r"?(?:candidate|role|position)|interview (?:loop|panel|slot)|phone screen"
               r"|mailing list|waitlist|wait list|to-?do list|todo list|shortlist|list of"
               r"|price list|(?:email|contact|distribution|guest|attendee|reading) list"
               r"|named (?:after|the file|the branch|it)|appeared (?:to|in the logs))\b")


def _someone_else(head: str, low: str, ctx: Context) -> bool:
    """A name of someone else before a ranking: "Stripe's post was #1", not "it reached #2"."""
    if FIRST_PERSON.search(low) or (ctx.company and ctx.company.search(head)):
        return False
    return any(w.lower() not in COMMON_WORDS and w.lower() not in _MONTHS
               for w in re.findall(r"\b[A-Z][\w.&'-]+", head))


_SOCIAL_SITES = frozenset(["youtube", "hacker news", "reddit", "product hunt", "producthunt",
                           "twitter", "x", "linkedin", "indie hackers", "tiktok", "instagram",
                           "medium", "substack", "dev.to", "lobsters", "github", "facebook",
                           "spotify", "apple podcasts", "mastodon", "bluesky", "threads",
                           "slashdot", "techmeme"])
_BY_SOMEONE = rx(r"\b(?:from|by)\s+$")
_PERSON_LIKE = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?")  # "Scott", not "TechRadar"


def _coverage_title(clause: str, who: str, trigger: int) -> str:
    """'Coverage on YouTube', 'Coverage by Jeff Geerling' ("a review from Jeff Geerling", "Scott
    has posted a writeup"), 'Coverage in TechCrunch': a platform is not a publication and a
    reviewer is not one either."""
    name = cased(who)
    if name.lower().removeprefix("the ") in _SOCIAL_SITES:
        return f"Coverage on {name}"
    at = clause.find(who)
    if (0 <= at < trigger and _PERSON_LIKE.fullmatch(name) and not OUTLET.search(name.lower())) \
            or (at > 0 and _BY_SOMEONE.search(clause[max(0, at - 8):at])):
        return f"Coverage by {name}"
    return f"Coverage in {name}"


_MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"])
_RANKED_ON = rx(r"(?:(?:[1-9]|10) (?:on|at)|top (?:post|story) on|trending on) (?:the )?(.+)$")


def media(clause: str, low: str, ctx: Context) -> Found | None:
    m = PRESS.search(low) or MORE_PRESS.search(low)
    if not m:
        return None
    if not_coverage(clause, low, m.start(), ctx.company):
        return None
    veto = NOT_PRESS.search(low)
    if veto and not (veto.group() == "list of" and re.search(r"spot|ranked|named", m.group())):
        return None  # but "a spot on the Inc. 5000 list of fastest-growing companies" is press
    outlet = OUTLET.search(low)
    who = None
    ranked = _RANKED_ON.match(m.group())
    if ranked and _someone_else(clause[:m.start()], low, ctx):
        return None  # "Stripe's post was #1 on Hacker News": theirs
    if ranked:
        who = clause[m.start() + ranked.start(1):m.end()]  # "#1 on Indie Hackers": the site
    elif outlet:
        who = name_before(clause, outlet.end(), within=30) or clause[outlet.start():outlet.end()]
    elif not (FIRST_PERSON.search(low) or (ctx.company and ctx.company.search(clause))
              or re.search(r"\b(?:interview|podcast|episode|article|story|piece|profile)\b", low)):
        return None  # "Kara Craig was featured in ...": someone's press, not ours
    if who is None:
        who = analyst_firm(clause) or name_after(clause, m.start(), within=40) \
            or name_before(clause, m.start()) or generic_outlet(low, m.end())
    if who is not None and who.lower() in {"named", "recognized", "recognised", "ranked"}:
        who = analyst_firm(clause) or who  # "Acme Named a Leader in the Gartner Magic Quadrant"
    if who is None or who.lower() in {"featured", "in", "people", "download"}:
        return None
    if ctx.company and ctx.company.fullmatch(who):
        return None
    return Found(T.MEDIA_COVERAGE, {"publication": key(who)},
                 _coverage_title(clause, who, m.start()),
                 m.start(),
                 relational=True, stakeholders=(who,))


AWARD = rx(
    r"\b(?:won(?!['\u2019])|wins|win(?!['\u2019])|winning|awarded|received|receives|took home"
    r"|named (?:the )?winner|took (?:first|top|1st|gold)|earned|granted|secured|landed"
    r"|named (?:as )?(?:a |the )?winner"
    r"|honou?red (?:as|with|by|in)"
    r" of)\b[^.]{0,50}?\b(?P<what>award"
    r"|prize|competition|challenge|hackathon|pitch (?:competition|battle)|grant|patent|medal"
    r"|trophy|honou?r)s?\b|\bpatent\b[^.]{0,40}?\b(?:was |has been |is )?(?:granted|issued"
    r"|approved|official)\b")


def award(clause: str, low: str, ctx: Context) -> Found | None:
    m = AWARD.search(low)
    if not m:
        return quoted_award(clause, ctx.company)  # 'we were awarded "Best PM Tool"'
    if award_backstory(low, m.start()):
        return None
    what = (m["what"] or "patent").lower()
    subtype = "patent" if what == "patent" else "grant" if what == "grant" else "award"
    name = name_after(clause, m.start(), within=60) or what
    # An award won is recognition, read like press (shared LABELLING.md); a patent or grant is
    # "other".
    # a patent granted is a technical result of ours; a grant (money) is "other"
    kind = T.MEDIA_COVERAGE if subtype == "award" else \
        T.TECHNICAL_ACHIEVEMENT if subtype == "patent" else T.OTHER
    number = re.search(r"\b\d{1,2},\d{3},\d{3}\b", clause)
    name = number.group() if subtype == "patent" and number else name
    return Found(kind, {"subtype": subtype, "name": key(name)},
                 f"{subtype.capitalize()}: {name}", m.start(), subtype=subtype,
                 relational=True)


_ROLE_ACRONYMS = frozenset(["vp", "svp", "evp", "avp", "ceo", "cto", "cfo", "coo", "cmo", "cpo",
                            "cro", "ciso", "cio", "cso", "sre", "hr", "gm", "qa", "ux", "ui", "ml",
                            "ai", "it", "pr"])
_ROLE_SMALL = frozenset(["of", "and", "for", "the", "in", "at", "to", "on"])


def _role_case(role: str) -> str:
    """A role typed all in lower case in chat ("head of data", "vp of sales") as a title
    writes it ("Head of Data", "VP of Sales")."""
    words = role.split(" ")
    return " ".join(w.upper() if w in _ROLE_ACRONYMS else
                    w if i and w in _ROLE_SMALL else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def role_article(role: str) -> str:
    """ "a" or "an" as the role is spoken: "an SRE", "an Engineering Manager", "a VP"."""
    first = role.split(" ", 1)[0]
    if first.isupper() and len(first) <= 4:
        return "an" if first[:1] in "AEFHILMNORSX" else "a"
    return "an" if first[:1].lower() in "aeio" else "a"

