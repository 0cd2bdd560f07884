"""Technical results told the way teams tell them in chat and update mail, where
``growth.technical``, ``results.performance`` and ``measured.py`` find no reading; and the start
of a technical title, so that it keeps its figure.

Each reading is a phrasing family, written alike in a team's Slack, a founder's update, an
engineering blog, a release note and a press release (tests/unit/test_rules_techwins.py holds
the hand-written variants and the look-alikes):

- **A migration or rewrite completed** (technical_achievement): "we're fully off Heroku and on
  our own k8s now", "finished the move to Postgres 16", "completed our migration from MongoDB to
  PostgreSQL", "the last services moved off the old data centre on Friday", "Acme has completed
  the migration of its entire platform to Kubernetes". Look-alikes: a move planned, under way or
  "70% done", asked about, a member's blog or a test suite moved, old news.
- **Reliability kept for a period** (technical_achievement): "a full quarter at 99.99% uptime",
  "six months without a single Sev1", "no customer-facing incidents in all of Q3". Look-alikes:
  an SLA or target, someone else's uptime, a streak that ended.
- **Load carried in production** (technical_achievement): "now handling 50k rps at peak",
  "peak of 3,400 orders a minute", "ingesting over 10TB of logs a day". Look-alikes: a load test,
  staging, a capacity "up to", a rate limit.
- **A time now against a time before** (technical_achievement): "builds now finish in under 4
  minutes instead of 20", "imports that took an hour now take under five minutes", "v2.4 cuts
  sync time by 60%", "the new indexer halves memory use". Look-alikes: a goal, a slowdown fixed,
  a laptop's or staging's figures, someone else's product.
- **Money saved on infrastructure** (technical_achievement): "saved ~$8k/month by moving logs to
  S3". Look-alikes: savings for customers, prices cut, savings hoped for.
- **Quality results** (technical_achievement): "fuzzed the parser for a month, zero crashes",
  "crash-free sessions reached 99.9%". Look-alikes: crashes found, a goal.
- **A named public benchmark topped** (technical_achievement): "Acme tops MLPerf Inference v4.0",
  "our model is first on SWE-bench Verified". Look-alikes: someone else's model, a race to run.

``veto`` holds the look-alikes of every positive technical reading, whichever module made it: a
person's own code ("my side project"), a feature sheet or a verbless feature list, a customer's
report of its own result ("their reports load 3x faster"), a lower-is-better figure that rose,
and an uptime below three nines beside counted outages (an SLA figure). ``title_start`` keeps a
figure said before its metric in ``growth.technical``'s titles ("Queries are 3x faster ...", not
"Faster ...").
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found, said
from signalpipe.extract.rules.measured import uptime_record
from signalpipe.extract.rules.names import key
from signalpipe.extract.rules.subject import FIRST_PERSON
from signalpipe.models import EventType

T = EventType

# Where a clause's next part starts: the title of a figure told after it starts there.
_PART = re.compile(r"(?:[,;:]|\s[-\u2013\u2014])\s+")
# Words that join a part to the one before it, not the title's first word ("with 99.91% uptime",
# "that scales to nearly a million operations per second").
# A figure in digits, or a count said with one ("nearly a million operations per second").
_WRITTEN = re.compile(r"\d|(?i:(?:nearly |almost |half )?an? (?:million|billion)\b)")
_JOINER = re.compile(r"(?i:with|and|but|so|while|that|which|plus|at)\s+")


def title_start(clause: str, at: int, figure_at: int) -> int:
    """Where a technical result's title starts: at ``at`` (its metric), or where the part of
    ``clause`` that holds its figure starts when the figure is written in digits before the
    metric ("queries are 3x faster" is titled from "queries", not "faster"; a figure in words,
    "double the throughput", is said from the metric by ``voice.py``)."""
    if figure_at >= at or not _WRITTEN.match(clause, figure_at):
        return at
    start = 0
    for m in _PART.finditer(clause, 0, figure_at):
        start = m.end()
    joiner = _JOINER.match(clause, start)
    return joiner.end() if joiner and joiner.end() <= figure_at else start


# --- shared ------------------------------------------------------------------------------------

# A figure, a period or a unit said in words as well as digits (lower-cased).
_NUM_WORD = (r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
             r"|twelve|fifteen|eighteen|twenty|thirty|forty|fifty|sixty|ninety|half an?)")
_WORD_VALUE = {"a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0,
               "five": 5.0, "six": 6.0, "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0,
               "eleven": 11.0, "twelve": 12.0, "fifteen": 15.0, "eighteen": 18.0,
               "twenty": 20.0, "thirty": 30.0, "forty": 40.0, "fifty": 50.0, "sixty": 60.0,
               "ninety": 90.0, "half a": 0.5, "half an": 0.5}
_MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november"
           r"|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
# Not production: a laptop, staging, a load test, a benchmark run by hand (lower-cased).
_NOT_LIVE = re.compile(r"\b(?:locally|local(?:host)?|on (?:my|his|her|a) (?:laptop|machine|box"
                       r"|mac|m\d)|laptop|staging|dev (?:env\w*|box|cluster)|test (?:env\w*"
                       r"|cluster|server)|load[- ]test\w*|stress[- ]test\w*|synthetic|in theory"
                       r"|on paper|sandbox|prototype|poc|proof of concept|branch|pull request"
                       r"|side[- ]?project|hobby|my (?:own )?(?:project|app|code|library|lib"
                       r"|script|plugin))\b")
# Not yet, or not ours to claim: a plan, a hope, a claim of what a product can do, others'.
_NOT_YET = re.compile(r"\b(?:should|would|could|might|will|plan(?:s|ned|ning)?|aim(?:s|ing)?"
                      r"|goal|target\w*|hop(?:e|es|ing)|expect\w*|estimat\w*|projected"
                      r"|forecast\w*|want|wish|if|once|when|until|up to|can|capable"
                      r"|according to|claims?)\b|\?")


def _value(raw: str) -> float:
    raw = raw.strip()
    return _WORD_VALUE[raw] if raw in _WORD_VALUE else float(raw)


def _ok(low: str, ctx: Context) -> bool:
    """Said of production, done and measured: no laptop, staging, plan or claim in the
    sentence."""
    whole = ctx.sentence.lower() if len(ctx.sentence) > len(low) else low
    return _NOT_LIVE.search(whole) is None and _NOT_YET.search(whole) is None


def _ours(clause: str, at: int, ctx: Context) -> bool:
    """No one else's possession names the subject ("Stripe's API", "Supabase completed its
    ...")."""
    head = clause[:at]
    if re.search(r"(?:'s|\u2019s)\s+(?:[\w-]+\s+){0,2}$", head) and not FIRST_PERSON.search(head) \
            and not (ctx.company and ctx.company.search(head)):
        return False
    return _THEIRS.search(clause) is None or FIRST_PERSON.search(head) is not None \
        or bool(ctx.company and ctx.company.search(head))


# "Supabase completed its migration", "they moved their stack": a third party's move
_THEIRS = re.compile(r"\b(?:its|their|his|her)\s+(?:\w+\s+)?(?:migration|move|switch|rewrite"
                     r"|stack|infra\w*|platform|uptime|bill|costs?|api|app|servers?|reports?)\b",
                     re.IGNORECASE)


# --- a migration or rewrite completed ----------------------------------------------------------
_MOVE = r"(?:migration|migrations|move|switch|switchover|cutover|cut-over|transition|rewrite" \
        r"|re-?write|re-?platforming|upgrade|port)"
# "finished the move to Postgres 16", "completed our migration from MongoDB to PostgreSQL",
# "the migration to AWS is done", "we're fully off Heroku", "now 100% on Kubernetes", "the last
# of the services moved off the old data centre" (lower-cased)
MOVED = re.compile(
    r"\b(?:completed|finished|wrapped up|finalized|finalised|concluded|done with|closed out)\s+"
    r"(?:the |our |its |a |this |that )?(?:[\w./-]+ ){0,4}?" + _MOVE + r"\b"
    r"|\b" + _MOVE + r"\b[^.;!?]{0,60}?\b(?:is|are|was|has been|have been|'s|\u2019s)\s+"
    r"(?:now |officially |finally |fully |completely |100% |all )*(?:done|complete|completed"
    r"|finished|wrapped up|over)\b"
    r"|\b(?:we(?:'re|\u2019re| are)|we(?:'ve|\u2019ve| have)|now|officially|finally)\s+"
    r"(?:now |officially |finally )*(?:fully|completely|100%|entirely|all)\s+(?:moved |migrated |"
    r"switched |running )?(?:off|on|onto|to)\s+(?:of\s+)?(?:our own\s+)?[a-z0-9]"
    r"|\b(?:finally|officially|fully|completely)\s+(?:moved|migrated|switched|off)\s+(?:\w+\s+)?"
    r"(?:off|onto|to|from)\s+[a-z0-9]"
    r"|\b(?:we(?:'re|\u2019re| are)|now)\s+(?:now\s+)?(?:finally|officially)\s+off\s+(?:of\s+)?"
    r"[a-z0-9]"
    # "the cutover to the new DB went smoothly last night": done, and how it went
    r"|\b" + _MOVE + r"\b[^.;!?]{0,60}?\b(?:went|was|is|has been)\s+(?:\w+\s+)?(?:smooth(?:ly)?"
    r"|fine|well|great|flawless(?:ly)?|without a hitch|seamless(?:ly)?)\b"
    r"|\b(?:the )?last (?:of (?:the |our )?)?(?:\w+ )?(?:services?|vms?|servers?|workloads?"
    r"|customers?|tenants?|databases?|dbs?|boxes|machines|apps?|clusters?|instances?)\b"
    r"[^.;!?]{0,40}?\b(?:moved|migrated|went away|shut down|turned off|decommissioned|switched"
    r"|cut over)\b")
# A move's scale or effect: a figure with its unit, or all of something (lower-cased). A move
# told bare ("the rewrite is done", "finished the move to Postgres 16") is routine work: the
# corpus labels none of them.
_MOVE_SCALE = re.compile(r"\b\d[\d.,]*\s?(?:%|x\b|ms\b|tb\b|pb\b|gb\b|k\b|m\b|terabytes?"
                         r"|petabytes?|million|billion|thousand|customers?|users?|tenants?"
                         r"|workspaces?|accounts?|services?|databases?|dbs?|clusters?|servers?"
                         r"|vms?|nodes?|rows|records|apps?|sites?|stores?|teams?|orgs?)"
                         r"|[$\u20ac\u00a3]\s?\d"
                         r"|\b(?:all|every|entire|whole)\s+(?:of\s+)?(?:our\s+|the\s+|its\s+)?"
                         r"(?:\w+\s+)?(?:platform|infrastructure|infra|stack|customers?|users?"
                         r"|tenants?|workspaces?|accounts?|data|traffic|production|prod|services?"
                         r"|databases?|workloads?|fleet|regions?|backend)\b")
# a whole platform moved: "fully off Heroku", "100% on GCP", "the last of the services"
_WHOLLY = re.compile(r"\b(?:fully|completely|100%|entirely|last|officially off)\b")
# Routine moves that no investor hears about: a wiki, a meeting, tests, a tool of the office.
_ROUTINE_MOVE = re.compile(r"\b(?:wiki|docs|documentation|blog|website|site|standups?|meetings?"
                           r"|calendar|tests?|test suite|jira|notion|confluence|slack|email"
                           r"|newsletter|crm|hubspot|payroll|accounting|bookkeeping|office|desk"
                           r"|laptops?|macbooks?|domain|repo|repos|monorepo|linter|eslint"
                           r"|typescript types|dependencies|deps|node \d+|python 3|dns)\b")
# Not finished: "70% done", "almost done", "halfway there"
_PARTLY = re.compile(r"\b(?:almost|nearly|mostly|partly|partially|halfway|half|not yet|not"
                     r"|(?:[1-9]\d?|0)\s?%\s*(?:done|complete|through|there|of the way))\b")


def migrated(clause: str, low: str, ctx: Context) -> Found | None:
    """A migration, move or rewrite of our platform completed."""
    m = MOVED.search(low)
    if m is None or _ROUTINE_MOVE.search(low) or _PARTLY.search(low) or not _ok(low, ctx) \
            or not _ours(clause, m.start(), ctx):
        return None
    whole = ctx.sentence.lower() if len(ctx.sentence) > len(low) else low
    if not (_MOVE_SCALE.search(whole) or _WHOLLY.search(m.group())):
        return None  # "another major rewrite is done", "migration is complete": no result told
    what = _MOVE_OBJECT.search(low, m.start())
    ident = key(what["what"] if what else m.group())[:40]
    return Found(T.TECHNICAL_ACHIEVEMENT, {"migration": ident}, _move_title(clause, what),
                 m.start())


# what the move was from, to or off: "from mongodb to postgresql", "to postgres 16", "off heroku"
# (lower-cased; a name of one or two words, not the time or place words after it)
_STOP = (r"(?!(?:now|last|this|over|and|on|in|for|with|as|at|by|is|was|are|were|has|have|had"
         r"|done|complete|completed|finished|yesterday|today|tonight|so|but|which|that)\b)")
_WORD = r"[\w/-]+(?:\.[\w/-]+)*"
_NAME = (r"(?:(?:the |our own |our |its )?" + _STOP + _WORD + r"(?: " + _STOP + _WORD + r"){0,2})")
_MOVE_OBJECT = re.compile(r"\b(?P<prep>from " + _NAME + r" to|to|off(?: of)?|onto|on)\s+"
                          r"(?P<what>" + _NAME + r")")


def _move_title(clause: str, what: re.Match[str] | None) -> str:
    """"Migration to Postgres 16 completed", "Moved off Heroku", "Moved onto GCP"."""
    if what is None:
        return "Platform migration completed"
    words = clause[what.start():what.end()]  # the names as written
    prep = what["prep"]
    if prep.startswith("off"):
        return f"Moved {words}"
    if prep in {"on", "onto"}:
        return f"Moved onto {clause[what.start('what'):what.end()]}"
    return f"Migration {words} completed"


# --- reliability kept for a period -------------------------------------------------------------
_PERIOD = (r"(?:q[1-4]|h[12]|20\d\d|" + _MONTHS + r"|(?:the |this |last |a |one )?(?:whole |full "
           r"|entire )?(?:quarter|month|year|week|summer|winter|holiday season|black friday))")
_INCIDENT = (r"(?:(?:customer|user)[- ]facing |major |unplanned |serious |single )?(?:sev ?[0-2]s?"
             r"|p[01]s?|incidents?|outages?|downtime|data loss|pages?|production incidents?)")
# "a full quarter at 99.99% uptime", "100% uptime for all of October", "99.995% availability
# across Q3" (lower-cased)
UPTIME_PERIOD = re.compile(
    r"\b(?P<p1>(?:a |one |the )?(?:full|whole|entire|straight|consecutive)\s+(?:\w+\s+)?"
    r"(?:quarter|month|year|week)s?)\s+(?:at|of|with)\s+(?P<fig>(?:99(?:\.\d+)?|100)\s?%)"
    r"|\b(?P<fig2>(?:99\.9\d*|100)\s?%)\s+(?:uptime|availability)\s+(?:for|in|across|through"
    r"|during|over)\s+(?P<p2>(?:all of |the whole |the entire |the full |a whole |a full )?"
    + _PERIOD + r")\b"
    r"|\b(?:uptime|availability)\s+(?:for|in|across|during)\s+(?P<p3>(?:all of |the whole "
    r"|the entire |the full )?" + _PERIOD + r")\s*(?::|was|is|of|at|came in at|stood at)\s*"
    r"(?P<fig3>(?:99\.9\d*|100)\s?%)")
# "six months without a single Sev1", "12 straight months without a customer-facing outage",
# "all of Q2 without a single P1", "zero incidents the whole month" (lower-cased)
STREAK = re.compile(
    r"\b(?P<n>" + _NUM_WORD + r")\s+(?:straight |consecutive |full |whole )?(?:days?|weeks?"
    r"|months?|quarters?|years?)\s+(?:in a row\s+)?(?:without|with no|with zero|of zero|and no"
    r"|with 0)\s+(?:a single |any |one |an? )?" + _INCIDENT + r"\b"
    r"|\b(?:all of|the whole|the entire|the full|a whole|a full)\s+" + _PERIOD
    + r"\s+(?:without|with no|with zero)\s+(?:a single |any |one )?" + _INCIDENT + r"\b"
    r"|\b(?:zero|no|0|not a single|not one)\s+" + _INCIDENT + r"\s+(?:in |during |for |across "
    r"|through |the |this )?(?:all of |all |the whole |the entire |the full |this whole )"
    + _PERIOD + r"\b")
_SLA = re.compile(r"\b(?:sla|slas|slo|slos|promis\w*|guarantee\w*|target\w*|aim\w*|goal"
                  r"|commit\w*|contract\w*|budget)\b")


def reliability(clause: str, low: str, ctx: Context) -> Found | None:
    """Uptime held for a whole period, or a streak with no incident (read before the record
    readers, which take "99.995% availability in Q3, our best quarter ever" for users)."""
    m = UPTIME_PERIOD.search(low) or STREAK.search(low)
    whole = ctx.sentence.lower() if len(ctx.sentence) > len(low) else low
    if m is None or _SLA.search(whole) or _NOT_LIVE.search(whole) \
            or not _ours(clause, m.start(), ctx):
        return uptime_record(clause, low, ctx)
    if m.re is UPTIME_PERIOD:
        fig = (m["fig"] or m["fig2"] or m["fig3"]).replace(" ", "")
        span = next(n for n in ("p1", "p2", "p3") if m[n] is not None)
        period = clause[m.start(span):m.end(span)].strip()
        return Found(T.TECHNICAL_ACHIEVEMENT, {"uptime_pct": key(fig)},
                     f"{fig} uptime for {period}", m.start())
    # "without a single Sev1" is the result, not a negation of it
    return Found(T.TECHNICAL_ACHIEVEMENT, {"streak": key(m.group())[:50]}, said(clause, 0),
                 m.start(), allow=frozenset({"negation"}))


# --- load carried in production ----------------------------------------------------------------
_SCALE = {"": 1.0, "k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9,
          "billion": 1e9}
_COUNT = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<s>k|m|bn|b|thousand|million|billion)?\+?"
# "50k rps", "18k requests per second", "3,400 orders a minute", "3 billion rows a day",
# "10tb of logs a day" (lower-cased)
LOAD = re.compile(
    r"(?<![\w.$])" + _COUNT + r"\s?(?:(?P<abbr>rps|qps|tps|rpm|req/s|reqs?/sec|ops/s|msg/s"
    r"|events/s)\b|\s?(?:\w+\s)?(?P<u>requests|reqs|queries|orders|payments|transactions"
    r"|checkouts|events|messages|rows|records|jobs|api calls|calls|writes|reads|emails|webhooks"
    r"|notifications|documents|predictions|inferences|logs|log lines|spans|builds|deploys"
    r"|concurrent (?:\w+ )?(?:users|connections|sessions|streams|players|viewers))"
    r"(?:\s(?P<per>(?:a|an|per|each|every)\s(?:second|sec|minute|min|hour|day|month)|/s(?:ec)?"
    r"|/min|/day|daily|monthly))?\b"
    r"|\s?(?P<vol>tb|pb|gb)\s(?:of\s(?:\w+\s){0,2})?(?P<vper>(?:a|an|per|each|every)\s(?:day"
    r"|hour|month)|daily|/day)\b)")
# the load was carried: handled, served, at peak, ingested (lower-cased)
CARRIED = re.compile(r"\b(?:handl\w*|serv(?:es|ed|ing)|process\w*|crunch\w*|ingest\w*|push\w*"
                     r"|sustain\w*|absorb\w*|carr(?:y|ies|ied)|peak\w*|went through|took"
                     r"|doing|running at|record|delivered|fired|ran)\b")
# a ceiling, not a load carried: "a 1k requests per second ingest limit" (lower-cased)
_LIMIT = re.compile(r"\b(?:limit\w*|quota\w*|cap|caps|capped|throttl\w*|max(?:imum)?|ceiling"
                    r"|allow\w*|plan|tier)\b")
_PER_SECOND = {"s": 1.0, "min": 60.0, "h": 3600.0, "d": 86400.0, "mo": 2.6e6}


def _period(per: str) -> str:
    per = per.strip()
    for word, unit in (("min", "min"), ("hour", "h"), ("day", "d"), ("daily", "d"),
                       ("month", "mo")):
        if word in per:
            return unit
    return "s"


def load_carried(clause: str, low: str, ctx: Context) -> Found | None:
    """A rate or a concurrent load carried in production, at a scale worth telling."""
    for m in LOAD.finditer(low):
        if not (m["abbr"] or m["per"] or m["vol"] or (m["u"] or "").startswith("concurrent")):
            continue
        value = float(m["n"].replace(",", "")) * _SCALE[m["s"] or ""]
        if m["vol"]:
            name, enough = f"{m['vol']}_per_{_period(m['vper'])}", value >= (
                1 if m["vol"] == "tb" else 0.1 if m["vol"] == "pb" else 1000)
        elif m["abbr"]:
            name, enough = m["abbr"].replace("/", "_per_"), value >= 1000
        elif m["per"]:
            per = _period(m["per"])
            name = f"{m['u'].replace(' ', '_')}_per_{per}"
            enough = value / _PER_SECOND[per] >= 10 and value >= 1000
        else:
            name, enough = m["u"].replace(" ", "_"), value >= 10_000
        if enough and CARRIED.search(low) and not _LIMIT.search(low) and _ok(low, ctx) \
                and _ours(clause, m.start(), ctx):
            # "with no issues" is how the load went, not a negation of it
            allow = frozenset({"negation"}) if HARMLESS.search(low) else frozenset()
            return Found(T.TECHNICAL_ACHIEVEMENT, {name: round(value, 1)}, said(clause, 0),
                         m.start(), allow=allow)
    return None


HARMLESS = re.compile(r"\b(?:no|zero|without(?: any| a)?) (?:issues?|problems?|hiccups?|downtime"
                      r"|incidents?|errors?|hitch|blips?|drama)\b|\bnothing (?:fell over|broke)"
                      r"|\bwithout breaking a sweat\b")


# --- a time now against a time before -----------------------------------------------------------
_UNIT = r"(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?)"
_DUR = r"(?:under |less than |about |around |roughly |just |only |~)?" + _NUM_WORD + r"\s?-?" \
       + _UNIT
_DONE_VERB = (r"(?:finish(?:es)?|run|runs|complete|completes|take|takes|load|loads|render"
              r"|renders|build|builds|deploy|deploys|boot|boots|start|starts|sync|syncs"
              r"|import|imports|return|returns|respond|responds|compile|compiles|happen"
              r"|happens|land|lands|process|processes)")
# "builds now finish in under 4 minutes instead of 20", "imports that took an hour now take
# under five minutes", "reports that used to take 30 seconds now render in under 2"
TIME_NOW = re.compile(
    r"\b" + _DONE_VERB + r"\s+(?:now\s+)?(?:in\s+)?(?P<a>" + _DUR + r")\s+(?:now\s+)?"
    r"(?:instead of|rather than|vs\.?|versus|compared to|compared with|down from|from|where"
    r" (?:it|they) used to take)\s+(?:about |around |over |~|more than )?(?P<b>" + _NUM_WORD
    + r")(?:\s?-?(?P<bu>" + _UNIT + r"))?\b"
    r"|\b(?:took|used to take|would take|were taking|was taking|used to run for)\s+(?:over |about "
    r"|around |more than |~)?(?P<b2>" + _NUM_WORD + r")\s?-?(?P<bu2>" + _UNIT + r")\s+(?:\w+\s+)?"
    r"(?:now|today)\s+(?:\w+\s+)?" + _DONE_VERB + r"?\s*(?:in\s+)?(?P<a2>" + _DUR + r"|"
    + r"(?:under |less than |about |~)?" + _NUM_WORD + r")\b")
# "v2.4 cuts sync time by 60%", "halves memory use", "the new allocator cuts memory usage by 35%"
CUT_TIME = re.compile(
    r"\b(?:cuts?|reduc\w*|lower\w*|slash\w*|shav\w*|trim\w*|drops?|dropped|halv\w*)\s+"
    r"(?:the\s+|our\s+|its\s+|average\s+|median\s+)*(?P<what>[\w-]+ (?:time|times|latency"
    r"|duration|delay|lag)|memory(?: use| usage| footprint)?|ram(?: use| usage)?|cpu(?: use"
    r"| usage)?)\s+(?:by\s+)?(?:about |~|over |more than |nearly |almost )?(?P<fig>\d+(?:\.\d+)?"
    r"\s?%|\d+(?:\.\d+)?x|half|a third|two[- ]thirds)"
    r"|\b(?P<halves>halves|halve)\s+(?:the\s+|our\s+|its\s+)?(?P<what2>memory(?: use| usage"
    r"| footprint)?|ram(?: use| usage)?|latency|p\d\d|[\w-]+ times?|cold starts?|cpu(?: use"
    r"| usage)?|disk(?: use| usage)?|storage(?: costs?)?|cloud bill|bill|costs?)\b")
_LEAD = re.compile(r"^(?:under|less than|about|around|roughly|just|only|~)\s*")


def _seconds(raw: str, unit: str | None) -> float | None:
    """"under 4 minutes" -> 240.0, "300ms" -> 0.3; a bare number takes ``unit``."""
    raw = _LEAD.sub("", raw.strip())
    m = re.match(r"(" + _NUM_WORD + r")\s?-?(" + _UNIT + r")?$", raw)
    if m is None or (m[2] is None and unit is None):
        return None
    name = m[2] or unit or "s"
    scale = 0.001 if name.startswith(("ms", "milli")) else 1.0 if name.startswith("s") \
        else 60.0 if name.startswith("m") else 3600.0 if name.startswith("h") else 86400.0
    return _value(m[1]) * scale


# "our Snowflake bill is 45% lower than in June", "crash rate fell to 0.2% from 1.4%": a
# lower-is-better figure now below its own past (lower-cased)
_LOWER_BETTER = (r"(?:bill|spend|costs?|crash rate|error rate|latency|p\d\d|[\w-]+ times?"
                 r"|memory(?: use| usage)?|cpu(?: use| usage)?|size)")
BELOW_PAST = re.compile(
    r"\b" + _LOWER_BETTER + r"\s+(?:is|are|was|were|came in|now|has been)\s+(?:now\s+)?"
    r"(?P<fig>\d+(?:\.\d+)?\s?%)\s+(?:lower|less|cheaper|smaller|down)\s+(?:than|from|vs\.?"
    r"|compared to)\s+(?:in |last |before|previously|it was|the old|the previous|our old"
    r"|(?:" + _MONTHS + r")\b|q[1-4]\b|20\d\d\b|a year ago|a month ago)"
    r"|\b" + _LOWER_BETTER + r"\s+(?:on [\w -]{1,20}?\s+)?(?:fell|dropped|went down|came down"
    r"|is down|was down)\s+to\s+(?P<now>\d+(?:\.\d+)?)\s?(?P<u>%|ms|s|mb|gb|k)?\s+from\s+"
    r"(?P<before>\d+(?:\.\d+)?)")


# "the mean delay was 40 seconds (down from 2 minutes)", "checkout latency is at 300ms now vs
# 1.1s last month", "median sync delay: 4s now, was 45s in March" (lower-cased)
TIME_WAS = re.compile(
    r"\b(?:delays?|latenc(?:y|ies)|lag|p\d\d|[\w-]+ times?|durations?|wait)\b[^.;!?]{0,40}?"
    r"(?:\b(?:was|is|are|were|at)|:)\s+(?:now\s+)?(?:at\s+)?(?:about |around |~|under |just )?"
    r"(?P<now>\d+(?:\.\d+)?\s?" + _UNIT + r")\b\W{0,3}\s*(?:now\W{0,2}\s*)?\(?(?:down from"
    r"|from|vs\.?|versus|compared to|compared with|(?:it |that |which )?was|it used to be)\s+"
    r"(?:the (?:range|average) of )?(?:about |around |over |~)?(?P<before>\d+(?:\.\d+)?)"
    r"(?:\s?(?:-|to|\u2013)\s?\d+(?:\.\d+)?)?\s?(?P<bu>" + _UNIT + r")\b")


def time_now(clause: str, low: str, ctx: Context) -> Found | None:
    """A duration now shorter than it was, or a time or resource cut by a figure."""
    was = TIME_WAS.search(low)
    if was is not None:
        now, before = _seconds(was["now"], None), _seconds(was["before"], was["bu"])
        if now is not None and before is not None and now < before and _ok(low, ctx) \
                and _ours(clause, was.start(), ctx):
            return Found(T.TECHNICAL_ACHIEVEMENT, {"duration_s": round(now, 3)},
                         _whole(clause), was.start(), allow=frozenset({"old"}))
    below = BELOW_PAST.search(low)
    if below is not None and (below["now"] is None
                              or float(below["now"]) < float(below["before"])) \
            and _ok(low, ctx) and _ours(clause, below.start(), ctx):
        fig = below["fig"] or f"{below['now']}{below['u'] or ''}"
        return Found(T.TECHNICAL_ACHIEVEMENT, {"lower_than_before": key(fig)}, _whole(clause),
                     below.start(), allow=frozenset({"old"}))
    m = TIME_NOW.search(low)
    if m is not None:
        before_unit = m["bu"] or m["bu2"]
        now_raw = m["a"] or m["a2"]
        now_unit = re.search(_UNIT + r"$", now_raw)
        before = _seconds(m["b"] or m["b2"], before_unit or (now_unit.group() if now_unit
                                                             else None))
        now = _seconds(now_raw, now_unit.group() if now_unit else before_unit)
        if before is None or now is None or now >= before or not _ok(low, ctx) \
                or not _ours(clause, m.start(), ctx):
            return None
        # "imports that took an hour now take ..." compares with the past: no old news; "in 12
        # minutes instead of 3 hours" is a comparison, no negation
        return Found(T.TECHNICAL_ACHIEVEMENT, {"duration_s": round(now, 3)}, _whole(clause),
                     m.start(), allow=frozenset({"old", "negation"}))
    m = CUT_TIME.search(low)
    if m is None or not _ok(low, ctx) or not _ours(clause, m.start(), ctx):
        return None
    what = key(m["what"] or m["what2"]).replace(" ", "_")
    return Found(T.TECHNICAL_ACHIEVEMENT, {f"{what}_less": key(m["fig"] or "half")},
                 said(clause, 0), m.start())


# --- money saved on infrastructure --------------------------------------------------------------
# "saved ~$8k/month by moving logs to S3", "we're saving about $15k a month on AWS" (lower-cased)
SAVED = re.compile(r"\b(?:saved|saving|saves)\s+(?:us\s+)?(?:about |around |roughly |over |nearly "
                   r"|more than |~)?(?P<m>[$\u20ac\u00a3]\s?[\d.,]+\s?(?:k|m)?)\s?(?:/\s?(?:mo"
                   r"|month|yr|year)|(?:a|per|every|each)\s+(?:month|year|quarter)|monthly"
                   r"|annually)")
_INFRA = re.compile(r"\b(?:aws|gcp|azure|cloud|hosting|infra\w*|servers?|compute|s3|logs?"
                    r"|logging|database|db|snowflake|datadog|bigquery|bill|egress|cdn|kubernetes"
                    r"|k8s|graviton|arm|reserved|instances?|spot|gpus?|inference|storage"
                    r"|heroku|vercel|moving|migrat\w*|switch\w*|cluster\w*)\b")
# savings of someone else: customers, clients, users (lower-cased)
_FOR_OTHERS = re.compile(r"\b(?:customers?|clients?|users?|buyers?|teams? using|shoppers)\b")


def infra_saved(clause: str, low: str, ctx: Context) -> Found | None:
    """Money saved each month or year on our infrastructure."""
    m = SAVED.search(low)
    if m is None or not _INFRA.search(low) or _FOR_OTHERS.search(low) or not _ok(low, ctx) \
            or not _ours(clause, m.start(), ctx):
        return None
    return Found(T.TECHNICAL_ACHIEVEMENT, {"infra_saving": m["m"].replace(" ", "")},
                 said(clause, 0), m.start())


# --- quality results ----------------------------------------------------------------------------
# "fuzzed the parser for a month, zero crashes", "crash-free sessions reached 99.9%"
QUALITY = re.compile(
    r"\bfuzz(?:ed|ing)?\b[^.;!?]{0,60}?\b(?:zero|no|0|not a single|without (?:a single |any )?)"
    r"\s*(?:new\s+)?(?:crash(?:es)?|bugs?|findings?|failures?|panics?)\b"
    r"|\bcrash[- ]free (?:sessions|users|rate|devices)\b[^.;!?]{0,30}?\b(?:reached|hit|is now"
    r"|now at|at|up to|climbed to|rose to|improved to|went to|to)\s+(?P<fig>\d{2}(?:\.\d+)?"
    r"\s?%)")


def quality(clause: str, low: str, ctx: Context) -> Found | None:
    """A fuzzing campaign with no crash, a crash-free rate reached."""
    m = QUALITY.search(low)
    if m is None or not _ok(low, ctx) or not _ours(clause, m.start(), ctx):
        return None
    fig = m["fig"]
    if fig is not None and float(fig.rstrip(" %")) < 99:
        return None
    return Found(T.TECHNICAL_ACHIEVEMENT, {"quality": key(fig or "fuzzed, no crash")},
                 said(clause, 0, limit=90).split(",")[0] if fig else _whole(clause), m.start(),
                 allow=frozenset({"negation"}))


def _whole(clause: str) -> str:
    """The clause as a title, its parts kept ("Fuzzed the parser for a month, zero crashes")."""
    text = clause.strip(" .!")
    return text[:1].upper() + text[1:]


# --- a named public benchmark topped -----------------------------------------------------------
_BENCHES = (r"mlperf|tpc-?[a-z]{1,3}|clickbench|swe-?bench(?: verified| lite)?|humaneval|mmlu"
            r"|mteb|techempower|specjbb|specint|spec cpu|geekbench|imagenet|superglue|glue"
            r"|big-?bench|lmsys|chatbot arena|hellaswag|gsm8k|ann-?benchmarks|ycsb|beir"
            r"|open llm leaderboard|helm")
# "Acme tops MLPerf Inference v4.0", "our model is now #1 on MTEB" (lower-cased)
TOPPED = re.compile(r"\b(?:tops?|topped|leads?|led|wins?|won|sweeps?|swept|(?:is|are|ranks?"
                    r"|ranked|came|comes|placed|finished|sits?|now)\s+(?:now\s+)?(?:#1|number one"
                    r"|first|no\.? ?1|1st|top)\s+(?:on|in|at)|took (?:the )?(?:top spot|first place"
                    r"|#1 spot) (?:on|in))\s+(?:the\s+)?(?:latest\s+|public\s+)?"
                    r"(?P<b>" + _BENCHES + r")\b")


def benchmark_topped(clause: str, low: str, ctx: Context) -> Found | None:
    """Our product or model first on a named public benchmark."""
    m = TOPPED.search(low)
    if m is None or "race to" in low or not _ok(low, ctx):
        return None
    head = clause[:m.start()]
    if not (FIRST_PERSON.search(head) or (ctx.company and ctx.company.search(head))):
        return None  # "Llama tops MMLU": someone else's model
    if not _ours(clause, m.start(), ctx):
        return None
    return Found(T.TECHNICAL_ACHIEVEMENT, {"benchmark": key(m["b"])}, said(clause, 0),
                 m.start())


# --- look-alikes of every technical reading -----------------------------------------------------
# "I rewrote my side project in Rust and it's 10x faster": a person's own code, not ours
_OWN_CODE = re.compile(r"\b(?:my|his|her)\s+(?:(?:side|hobby|pet|weekend|toy|personal|little)"
                       r"[- ]?(?:projects?|apps?|hustles?)|own\s+(?:library|lib|crate|package"
                       r"|plugin|project|repo|fork|toy))\b")
# "Features: 10x faster builds, zero config, hot reload": a product's sheet, not a result
_SHEET = re.compile(r"^\W{0,4}(?:key |main |top )?(?:features?|highlights?|benefits?|specs?"
                    r"|pros|why (?:choose |use )?[\w.-]+\??)\s*[:\-\u2013\u2014]",
                    re.IGNORECASE)


# customers' or users' own report of a result: "they reported 77% increase in delivery speed"
_REPORTED = re.compile(r"\b(?:they|customers?|users?|clients?|respondents) (?:\w+ )?(?:reported"
                       r"|report|say|said|saw|see|told us)\b")
# the last owner named before the result: "their reports load 3x faster" is a customer's
_OWNER = re.compile(r"\b(?:our|my|their|his|her)\b", re.IGNORECASE)
# an item of a list that states a result: it has a verb of its own (lower-cased)
_VERBED = re.compile(r"\b(?:is|are|was|were|went|got|now|has|have|had|dropped|fell|cut|cuts"
                     r"|halved|doubled|reached|hit|handled|served|processed|runs?|takes?|took"
                     r"|loads?|finish(?:es)?|went)\b")
# an uptime below three nines, or a month of counted outages, is an SLA figure, not a result
_UPTIME_ONLY = frozenset({"uptime_pct", "availability_pct"})
_OUTAGES_COUNTED = re.compile(r"\b(?:\d+|two|three|four|five|six|several|a few|many|multiple)"
                              r" (?:\w+ )?(?:outages|incidents)\b")


def veto(found: Found, clause: str, sentence: str) -> str | None:
    """Why a positive technical reading is no result of ours: a member's own code, a feature
    sheet or list, a customer's result, an uptime figure that is an SLA's."""
    if found.event_type is not T.TECHNICAL_ACHIEVEMENT or found.negative:
        return None
    low = sentence.lower()
    if _OWN_CODE.search(low):
        return "a person's own code"
    if _SHEET.match(sentence) or _SHEET.match(clause) or _listed(clause):
        return "a feature sheet"
    if _REPORTED.search(low):
        return "someone else's report"
    owners = _OWNER.findall(clause, 0, found.trigger)
    if owners and owners[-1].lower() in {"their", "his", "her"}:
        return f"someone else's result ({owners[-1]})"
    if _LOWER_IS_BETTER.search(" ".join(found.metrics)) and _ROSE.search(low):
        return "a lower-is-better figure that rose"
    if found.metrics.keys() and found.metrics.keys() <= _UPTIME_ONLY and (
            _OUTAGES_COUNTED.search(low) or _below_three_nines(found)):
        return "an uptime figure, not a result"
    return None


# "Latency was 900ms, up from 200ms": a figure where lower is better, gone up (metric names and
# the lower-cased sentence)
_LOWER_IS_BETTER = re.compile(r"latency|_ms\b|time|delay|cost|bill|spend|error|crash|size"
                              r"|memory|duration")
_ROSE = re.compile(r"\bup (?:from|\d|by)|\b(?:higher|worse|slower) than\b|\b(?:rose|increased"
                   r"|jumped|spiked|climbed|regress\w*)\b")


def _listed(clause: str) -> bool:
    """``clause`` is a list of three or more features with no verb ("2x faster than
    moment.js, tree-shakeable, zero dependencies")."""
    items = clause.split(", ")
    return len(items) >= 3 and all(len(i.split()) <= 5 and not _VERBED.search(i.lower())
                                   for i in items)


def _below_three_nines(found: Found) -> bool:
    value = next(iter(found.metrics.values()))
    try:
        return float(str(value).rstrip("%")) < 99.9
    except ValueError:
        return False
