"""Setbacks as people write them in chat, a founder's update and a release, read after every
other detector (lowlights.py, declines.py and company.py read the headline and report wording);
``early`` reads the few that a positive detector would take for good news.

Families, each with the look-alikes it must leave alone:

- a named person leaving in plain words: "Ravi resigned this morning", "Wen gave her two weeks'
  notice", "Priya, our Head of Sales, has decided to move on from the company", "Mark has left
  to join Stripe", "Sam Ortiz left in September", "Jordan is stepping away from Acme", "we lost
  our Head of Product to Google", "we and our VP Sales have agreed to part ways". Not the
  writer's own job, not a trip or a call ("leaving for the conference", "left the meeting"),
  not a habit or a tool ("quit Vim"), not someone else's person ("Stripe's CFO resigned").
- a named customer or prospect leaving us: "Umbrella will not be renewing", "Brightline
  informed us they would not renew", "Globex is moving off our platform", "Hooli gave us notice
  of termination", "they replaced us with Salesforce", "Soylent moved to a competitor", "Globex
  decided not to continue with us", "our pilot with Initech ended without a contract"; a
  partner's agreement ended is a partnership lowlight. Not a meeting cancelled, not our own move
  off a vendor, not a fear ("Hooli might not renew"), not someone else's customer.
- results below plan or slowing: "missed plan by 30%", "bookings were 15% below plan", "ARR
  ended at $2.3M, short of the $2.6M plan" (early), "growth has slowed", "signups were flat",
  "the launch was underwhelming", "paid conversions dropped from 4% to 2.5%", "only 3 of our 10
  pre-sale customers renewed" (early). Not a plan beaten, not a personal goal or a task ("five
  customer meetings, 50% below target"), not someone else's growth, not commentary ("sales are
  flat, but ...").
- raises that failed and rejections: "the Series A process stalled", "we couldn't raise a
  seed", "our lead investor backed out", "rejected by Y Combinator". Not "raise awareness",
  not an app store's or a maintainer's rejection.
- cuts and freezes: "hiring is on hold", "we let go of our two sales reps", "we reduced the team
  from 24 to 15". Not a lease let go, not a team that grew.
- wind-downs, products retired, markets and partners lost: "will cease operations", "the
  company becomes a non-profit", "stopped development of Acme Desktop", "Acme Mobile is being
  retired on March 31", "pulling out of the Japanese market", "we paused our expansion into
  Germany" (early), "the EU launch is on hold", "our Marketplace listing was removed", "the
  Initech partnership ended". Not an endpoint, a version, a logo or a pricing plan retired, not
  a plan replaced "in favor of" a new one, not an office shut for the holidays.
- incidents with their window or reach, data lost or exposed, audits delayed: "between 14:02 and
  16:40 UTC all API requests failed", "our EU cluster was unavailable for four hours",
  "customers could not sign in for three hours", "payments were failing for 40% of customers",
  "we lost 6 hours of customer uploads" (early), "an unauthorized third party accessed customer
  data", "a bug exposed customers' invoices to other customers", "our SOC 2 report is delayed".
  Not staging or tests, not a blip under half an hour, one user or a minor bug fixed, not "no
  data was accessed".

``veto`` turns away negative readings (from any detector) that are not the company's setback:
a personal goal or a past job, an office shut for a while, a joke, a thing (not a person)
retired, a seat on another company's board, a trip or a leave, test accounts churned, a low
churn count, and a named third party doing its own thing ("Globex lost a big customer", "Okta
disclosed a breach"; not "Globex files lawsuit against Acme").
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.common_words import COMMON_WORDS
from signalpipe.extract.rules.found import Context, Found, said
from signalpipe.extract.rules.lexicon import ROLE, rx
from signalpipe.extract.rules.names import key
from signalpipe.extract.rules.numbers import money
from signalpipe.extract.rules.subject import FIRST_PERSON, is_ours
from signalpipe.models import EventType, MetricValue

T = EventType
# A person or an organisation named as written, with an appositive ("Priya, our Head of Sales,")
_NAME = re.compile(r"(?<![\w@#/])([A-Z][\w&.'\u2019-]*(?: (?:[A-Z][\w&.'\u2019-]*|&))"
                   r"{0,2})(?:\s*\([^()]{2,40}\))?(?:,[^,]{2,60},)?(?: (?:has|have|had|just"
                   r"|also|officially|finally|now|both|all))*\s+$")
# What leads a clause without naming anyone: "fyi", "bad news:", "Sad to share that".
_LEAD = re.compile(r"^\W*(?:\d{1,2}[.)]\s+)?(?:(?:fyi|heads up|psa|update|bad news|sad news"
                   r"|unfortunately|sadly|so|also|honestly|meanwhile|however|quick note that"
                   r"|just a note that"
                   r"|and|but|well|ugh|welp|oof|team|all|folks|lowlights?|churn|people|hiring"
                   r"|customers?)\b[\s:,!.\-\u2014]*)+", re.IGNORECASE)
_STOP = frozenset({"i", "we", "you", "he", "she", "they", "it", "this", "that", "there",
                   "today", "yesterday", "tomorrow", "sad", "bad", "fyi", "update", "news",
                   "unfortunately", "sadly", "heads", "the", "our", "my", "a", "an", "ok",
                   "okay", "so", "also", "and", "but", "team", "lowlights", "churn", "hiring",
                   "customers", "people", "ugh", "welp", "oof", "psa", "all", "folks"})
_TIME = (r"(?=\s*(?:[.,;:!)(\u2014-]|$|\b(?:this|last|yesterday|today|on|in|effective|after"
         r"|as|and|from (?:the company|us|the team|our|his|her|their)|to (?:join|start|pursue"
         r"|found|focus))\b))")
_MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november"
           r"|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
# (pattern on the lower-cased clause, type, setback, who must be named, needs)
Family = tuple[re.Pattern[str], EventType, str, str, tuple[str, ...]]
FAMILIES: tuple[Family, ...] = (
    (rx(r"\b(?:(?:has |have |just |officially )*(?:resigned|quit)" + _TIME
        + r"|(?:handed|put|turned) in (?:his|her|their) (?:notice|resignation)|gave (?:his|her"
        r"|their) (?:(?:two|2|\w+) (?:weeks?|months?)'? )?notice"
        r"|(?:is|has been|has decided to|decided to) (?:move|moving) on (?:from"
        r" (?:us|the company|the team|[a-z][\w&.-]*)|after (?:\w+ ){1,3}(?:years|months))"
        r"|(?:has |have )?left (?:us |the company |the team )?to (?:join|start|pursue|found)"
        r"|is leaving (?:us |the company |the team )?to (?:join|start|pursue|found)"
        r"|(?:is |has |will be )?(?:stepping|stepped|step|steps) away from (?P<away>us|the company"
        r"|the team|(?:his|her|their) (?:role|position|day-to-day)|[a-z][\w&.-]*)"
        r"|(?:has |have )?decided to leave (?P<left>us|the (?:company|team|startup)|[a-z][\w&.-]*)"
        r"|(?:has |have )?left (?:us |the company |the team )?(?:in (?:" + _MONTHS
        + r"|q[1-4]|\d{4}|the (?:spring|summer|fall|autumn|winter))|last (?:week|month|friday"
        r"|monday|tuesday|wednesday|thursday)|this (?:week|month)|on (?:" + _MONTHS
        + r"|monday|tuesday|wednesday|thursday|friday)|yesterday|earlier this (?:week|month"
        r"|year)|at the end of (?:"
        + _MONTHS + r"|the (?:month|quarter|year))))\b"),
     T.HIRING, "departure", "person",
     ("resign", "quit", "notice", "move on", "moving on", "left", "leaving", "leave", "away")),
    (rx(r"\blost (?:our|my) (?=(?:[\w-]+ ){0,3}?(?:[\w-]+) to [a-z])"), T.HIRING, "departure",
     "lost role", ("lost our", "lost my")),
    (rx(r"\b(?:have |has )?(?:agreed|decided) to part ways\b"), T.HIRING, "departure", "role",
     ("part ways",)),
    (rx(r"\b(?:(?:will not|won'?t|would not|wouldn'?t|are not|aren'?t|is not|isn'?t|not"
        r"|do not|don'?t|does not|doesn'?t) (?:be )?renew(?:ing)?\b"
        r"|(?:is|are|'re|\u2019re) not going to renew|(?:is |are )?moving (?:off|away from)"
        r" (?:us|our (?:platform|product|tool|app|service|software))|(?:replac|swapp)(?:ed|ing"
        r"|es) us (?:out )?(?:with|for)|ripped us out|(?:gave|has given|sent) us (?:\w+ )?notice"
        r"|notice of (?:termination|non-renewal|cancell?ation)|(?:terminated|cancell?ed|ended)"
        r" (?:their|its|the) (?:[\w-]+ )?(?:contract|subscription|agreement|account|licen[cs]e)"
        r"|(?:cancell?ed|canceled|churned)(?=\s*(?:[,;:!\u2014-]|\.(?:\s|$)|$))"
        r"|(?:moved|switched|defected|migrated|went|left us|churned) (?:over )?to (?:a |an "
        r"|another )?(?:cheaper )?(?:competitor|rival)"
        r"|(?:is |are )?(?:winding|scaling) down (?:its|their) (?:contract|subscription|account"
        r"|usage|seats|deployment) with us)"),
     T.CUSTOMER_SUCCESS, "churn", "customer",
     ("renew", "moving", "replac", "swapp", "ripped", "notice", "terminated", "cancel",
      "ended", "churned", "competitor", "rival", "down its", "down their")),
    (rx(r"\b(?:decided|decides|chose|opted|elected) not to (?:continue|proceed|move forward|go"
        r" ahead|convert|expand|sign|buy)\b(?! (?:with|on) (?:the |this |that )?(?:meeting|call"
        r"|demo|idea))"),
     T.ENTERPRISE_DEAL, "lost deal", "customer", ("not to",)),
    (rx(r"\bpilot (?:with [\w&.-]+(?: [\w&.-]+)? )?(?:ended|finished|wrapped up|concluded|expired)"
        r" without (?:a |any )?(?:contract|deal|conversion|purchase|order|renewal)\b"),
     T.ENTERPRISE_DEAL, "lost deal", "ours", ("without",)),
    (rx(r"\b(?:lead |our |the )?(?:investors?|vcs?|fund|lead)s? (?:has |have |had |then |just )?"
        r"(?:backed|pulled|walked) (?:out|away)\b"),
     T.FUNDING, "raise failed", "ours", ("backed", "pulled", "walked")),
    (rx(r"\blost (?:our|the|its) (?:[\w-]+ ){0,3}?(?:listing|partner status|partnership"
        r"|reseller agreement|certification as a partner)\b"),
     T.PARTNERSHIP, "partner lost", "ours", ("lost",)),
    (rx(r"\b(?:were|was) failing for (?:roughly |about |~|nearly |over |almost )?(?:\d+ ?%|all"
        r"|most|many|some|half) (?:of )?(?:our )?(?:customers|users|merchants|clients)\b"),
     T.TECHNICAL_ACHIEVEMENT, "outage", "ours", ("failing",)),
    (rx(r"\b(?:(?:paid |trial |free-to-paid )?conversions?(?: rate)?|activation(?: rate)?"
        r"|(?:net |gross )?(?:revenue |dollar )?retention|nrr|ndr|win rate) (?:has |have )?"
        r"(?:dropped|fell|declined|decreased|slipped|sank|dipped) (?:from \S+ )?(?:to|by) "
        r"\d"),
     T.USER_GROWTH, "rate fell", "ours", ("dropped", "fell", "declined", "decreased", "slipped",
                                          "sank", "dipped")),
    (rx(r"\b(?:launch|release|rollout|roll-out|debut|expansion)(?: \w+)? (?:has been |was |is "
        r"|got |have been )?(?:pushed|delayed|postponed|moved)(?: back| out)? (?:to|until|into)"
        r" (?:20\d\d|q[1-4]|next (?:year|quarter|month)|the (?:spring|summer|fall|autumn|winter)|"
        + _MONTHS + r")\b"),
     T.PRODUCT_LAUNCH, "on hold", "ours", ("pushed", "delayed", "postponed", "moved")),
    # a result against its plan with both figures is read by milestones.py and declines.py
    (rx(r"(?:\bmissed (?:it |plan |target |the (?:\w+ )?(?:number|target|plan|goal) |our (?:\w+ )?"
        r"(?:number|target|plan|goal) )?by (?:about |roughly |~|almost |nearly )?\d[\d.,]*\s?"
        r"(?:%|percent|k\b)|\b\d[\d.,]*\s?(?:%|percent) (?:below|under|behind|short of) (?:the "
        r"|our )?(?:\w+ )?(?:plan|target|budget|forecast|goal))"),
     T.REVENUE_MILESTONE, "missed plan", "ours",
     ("missed", "below", "under", "behind", "short of")),
    (rx(r"\b(?:(?:fundrais(?:e|ing)|raise|round|seed|series [a-d])(?: process)? (?:has |had )?"
        r"(?:stalled|failed|fell flat|went nowhere|didn'?t work(?: out)?|did not work(?: out)?"
        r"|came to nothing)|(?:failed|unable|weren'?t able|were not able|couldn'?t|could not"
        r"|didn'?t manage|did not manage) to (?:raise|close) (?:a |an |our |the |any |enough )?"
        r"(?:money|funding|capital|round|seed|series [a-d]|bridge|funds|\$)"
        r"|(?:investors?|vcs?|funds|the lead) (?:all |we pitched )?passed on (?:us|the round"
        r"|our (?:round|raise|seed|series [a-d])))"),
     T.FUNDING, "raise failed", "ours",
     ("stalled", "failed", "fell flat", "nowhere", "work", "nothing", "unable", "able",
      "couldn", "could not", "manage", "passed on")),
    (rx(r"\b(?:stop(?:ped|ping)?|end(?:ed|ing)?|halt(?:ed|ing)?) (?:active )?development (?:of"
        r"|on) "),
     T.PRODUCT_LAUNCH, "retired", "ours", ("development",)),
    (rx(r"\b(?:(?:cease|ceasing|ceased|will cease) (?:all )?(?:operations|trading)"
        r"|becomes? a non-?profit|(?:turning|turn|converting|convert) (?:the company |it )?"
        r"into a non-?profit|cancel(?:l?ing|l?ed) all (?:existing |paid |reader |customer )?"
        r"subscriptions)"),
     T.OTHER, "wound down", "ours",
     ("cease", "ceasing", "non-profit", "nonprofit", "subscriptions")),
    (rx(r"\b(?:is|are) (?:being )?(?:retired|discontinued|sunset|shut down|end-of-lifed)"
        r"(?= (?:on|at the end of|in|effective|next|this|from|as of)\b)"
        r"|\bsunsetting (?:the |our )?(?:free|paid|pro|team|hobby|starter|basic|legacy|mobile"
        r"|desktop|hosted|cloud|self-hosted) (?:product|edition|app|service)"),
     T.PRODUCT_LAUNCH, "retired", "product",
     ("retired", "discontinued", "sunset", "shut down", "end-of-lifed")),
    (rx(r"\b(?:between \d{1,2}:\d{2} and \d{1,2}:\d{2}(?: [a-z]{2,4})?,? (?:[\w/-]+ ){0,8}?"
        r"(?:failed|errors?|unavailable|could not|couldn'?t|were unable|timed out)"
        r"|(?:all|most|many|\d+%? of) (?:\w+ )?(?:requests|logins|log-ins|payments|checkouts"
        r"|api calls|transactions|webhooks|uploads|sign-ins) (?:were |was )?(?:failing|failed"
        r"|dropped|rejected|lost|timing out|timed out))\b"),
     T.TECHNICAL_ACHIEVEMENT, "outage", "ours",
     ("between", "failing", "failed", "dropped", "rejected", "lost", "timing out",
      "timed out")),
    (rx(r"\b(?:(?:unauthori[sz]ed|malicious|unknown) (?:third[- ]party|party|actor|user"
        r"|individual|attacker)s? (?:\w+ ){0,2}?(?:accessed|gained access|obtained|downloaded"
        r"|exfiltrated|copied)|(?:customer|user|personal|payment|our customers'?) (?:data"
        r"|records|information|emails?|email addresses|passwords) (?:was|were|may have been"
        r"|had been|has been|have been) (?:accessed|exposed|leaked|stolen|compromised"
        r"|exfiltrated)|(?:we|our \w+) (?:were|was|got|have been|has been) (?:hacked|breached))\b"),
     T.COMPLIANCE, "security", "ours",
     ("unauthori", "malicious", "unknown", "accessed", "exposed", "leaked", "stolen",
      "compromised", "exfiltrated", "hacked", "breached")),
    (rx(r"\b(?:(?:(?:revenue|user|signup|sign-up|customer|mrr|arr|sales|our|my) )?growth"
        r"|signups|sign-ups|revenue|mrr|arr|sales|traffic|downloads|new users) (?:has |have "
        r"|had )?(?:(?:slowed|stalled|flattened|plateaued|flatlined)\b(?! (?:down )?(?:for|in"
        r"|at) (?:globex|them|their))|(?:been |stayed |remained |were |was |went )flat\b)"),
     T.USER_GROWTH, "slowed", "ours",
     ("slowed", "stalled", "flattened", "plateaued", "flatlined", "flat")),
    (rx(r"\b(?:launch|release|sales|signups|sign-ups|revenue|results|numbers|conversions?"
        r"|demand|pre-?orders|the (?:month|quarter))(?: [\w-]+){0,3}? (?:was|were|has been"
        r"|have been|came in|turned out) (?:\w+ )?(?:disappointing|underwhelming|lackluster"
        r"|lacklustre)\b"),
     T.REVENUE_MILESTONE, "disappointing", "ours",
     ("disappointing", "underwhelming", "lackluster", "lacklustre")),
    (rx(r"\b(?:(?:were|was|got|been|get|gets) (?:rejected|turned down|declined) (?:by|from)"
        r" (?:y combinator|yc|techstars|500 startups|an? accelerator|every (?:investor|vc|fund)"
        r"|(?:all |most )?(?:the )?(?:investors|vcs|funds)|[a-z]+ (?:ventures|capital))"
        r"|application to (?:y combinator|yc|techstars|[a-z]+ (?:ventures|capital)"
        r"|the accelerator) (?:was|got) (?:rejected|turned down|declined))\b"),
     T.FUNDING, "rejected", "ours", ("rejected", "turned down", "declined")),
    (rx(r"\b(?:(?:pulling|pull|pulled|pulls) out of|exiting|exited|withdrawing from|withdrew from"
        r"|leaving|left|retreating from) (?:the )?(?:[\w-]+ ){0,2}?market\b"),
     T.MARKET_EXPANSION, "exit", "ours", ("market",)),
    (rx(r"\b(?:(?:listing|partnership|integration|reseller agreement|partner status|alliance)"
        r"(?: with [\w&.-]+(?: [\w&.-]+)?)? (?:was |has been |got |had been |have been )?"
        r"(?:removed|ended|terminated|revoked|suspended|cancell?ed|pulled|delisted|discontinued"
        r"|expired|lapsed|fell apart|fell through)\b(?! up))"),
     T.PARTNERSHIP, "partner lost", "ours",
     ("removed", "ended", "terminated", "revoked", "suspended", "cancel", "pulled", "delisted",
      "discontinued", "expired", "lapsed", "fell")),
    (rx(r"\b(?:soc ?[123]|iso ?\d{4,5}|audit|certification|pen ?test|attestation|hipaa|pci(?: dss)?"
        r"|fedramp)(?: type (?:i|ii|1|2))?(?: report| audit| certification| assessment)? (?:is "
        r"|was |has been |got |have been |had been )?(?:delayed|pushed(?: back| out)?|postponed"
        r"|slipped)\b"),
     T.COMPLIANCE, "audit delayed", "ours", ("delayed", "pushed", "postponed", "slipped")),
    (rx(r"\b(?:customers|users|clients|merchants)(?: in (?:the )?[\w-]+)? (?:could not|couldn'?t"
        r"|were unable to|were not able to|weren'?t able to) (?:\w+ ){0,3}?(?:log ?in|sign ?in"
        r"|access|pay|check ?out|load|connect|use|reach|send|upload|deploy)\b"
        r"(?=.{0,60}\bfor (?:about |~|over |nearly |almost |more than )?(?:\d+|an?|one|two"
        r"|three|four|five|six|several|a few|a couple of) (?:min(?:ute)?s?|hours?|hrs?|days?)\b)"),
     T.TECHNICAL_ACHIEVEMENT, "outage", "ours", ("could", "unable", "not able")),
    (rx(r"\b(?:exposed|leaked|revealed|showed) (?:some |the |other )?(?:customers'?|users'?"
        r"|clients'?) (?:personal )?(?:data|invoices|emails|records|information|files|documents"
        r"|messages|details) to (?:other|another|the public|third parties|anyone)\b"),
     T.COMPLIANCE, "security", "ours", ("exposed", "leaked", "revealed", "showed")),
    (rx(r"\blet go (?:of )?(?:our |the |both (?:of )?(?:our )?)?(?:\d+|two|three|four|five|six"
        r"|seven|eight|nine|ten|several|a few|some|half|a third|a quarter)(?: of (?:our|the))?"
        r" (?:[\w-]+ ){0,2}?(?:people|employees|staff|engineers|reps|designers|team members"
        r"|members|colleagues|folks|contractors|teammates|salespeople|marketers|developers)\b"),
     T.HIRING, "let go", "ours", ("let go",)),
    (rx(r"\b(?:put|putting|puts) (?:the |our |its )?(?:[\w-]+ ){0,2}?(?:launch|release|rollout"
        r"|expansion) on hold\b"),
     T.PRODUCT_LAUNCH, "on hold", "ours", ("on hold",)),
    (rx(r"\b(?:hiring|recruiting|recruitment)(?: \w+)? (?:is |was |has been |are |is now |remains )"
        r"?(?:on hold|paused|frozen|suspended)\b"),
     T.HIRING, "freeze", "ours", ("on hold", "paused", "frozen", "suspended")),
    (rx(r"\b(?:will )?(?:discontinu(?:e|es|ed|ing)|retir(?:e|es|ed|ing)|sunset(?:s|ting)?"
        r"|shut(?:ting)? down|end-of-lif(?:e|ing)) (?:the |our )?(?:[\w-]+ ){0,2}?(?:product"
        r"|app|edition|service|platform)\b(?! (?:for|on) (?:the |our )?(?:staging|test))"),
     T.PRODUCT_LAUNCH, "retired", "active product",
     ("discontinu", "retir", "sunset", "shut", "end-of-lif")),
    (rx(r"\b(?:was|were|went|has been|had been) (?:completely |partially |fully )?(?:down"
        r"|offline|unavailable|unreachable) for (?:about |~|over |nearly |almost |more than )?"
        r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a few"
        r"|a couple of) (?:min(?:ute)?s?|hours?|hrs?|days?)\b"),
     T.TECHNICAL_ACHIEVEMENT, "outage", "system", ("for",)),
    (rx(r"\b(?:(?:reduced|cut|shrunk|shrank|trimmed|downsized) (?:the |our )?(?:team|headcount"
        r"|company|staff|workforce) (?:size )?from (?P<before>\d+)(?: people| employees| fte)?"
        r" (?:to|down to) (?P<after>\d+)|(?:team|headcount|staff|workforce) (?:has )?(?:gone"
        r"|went|dropped|shrunk|shrank|fell) from (?P<was>\d+)(?: people| employees)? (?:to"
        r"|down to) (?P<now>\d+))\b"),
     T.HIRING, "jobs", "ours", ("from",)),
)
# The negation or the future is the setback itself: "will not be renewing", "couldn't raise",
# "is leaving at the end of the month", "will cease operations".
_ALLOW = {"departure": frozenset({"plan"}), "churn": frozenset({"negation", "plan"}),
          "raise failed": frozenset({"negation"}), "wound down": frozenset({"plan"}),
          "retired": frozenset({"plan"}), "jobs": frozenset({"plan"}),
          "missed plan": frozenset({"plan"}), "freeze": frozenset({"plan"}),
          "rejected": frozenset({"negation"}), "let go": frozenset({"plan"}),
          "lost deal": frozenset({"negation"}), "on hold": frozenset({"plan"}),
          "outage": frozenset({"plan", "negation"})}
# Read before the positive detectors, which take "renewed" for good news.
EARLY: tuple[Family, ...] = (
    (rx(r"\bonly (?:\d+|one|two|three|four|five|a few|a handful) (?:of|out of) (?:our |the |my )?"
        r"(?:\d+|\w+) (?:[\w-]+ ){0,2}?(?:customers|clients|accounts|subscribers|users)"
        r" (?:have |had )?(?:renewed|stayed|converted|re-?subscribed|came back)\b"),
     T.CUSTOMER_SUCCESS, "few renewed", "ours", ("only",)),
    # "we paused our expansion into Germany": no market entered (co.expansion reads "expansion")
    (rx(r"\b(?:paused|halted|stopped|shelved|put on hold|postponed|scrapped|cancell?ed)"
        r" (?:our |the |its )?(?:planned )?(?:expansion|launch|rollout|entry|move)"
        r" (?:in|into|to)\b"),
     T.MARKET_EXPANSION, "exit", "ours",
     ("paused", "halted", "stopped", "shelved", "on hold", "postponed", "scrapped", "cancel")),
    # "ARR ended the quarter at $2.3M, short of the $2.6M plan": no figure reached
    (rx(r"(?<![\w$\u20ac\u00a3.,])(?P<got>[$\u20ac\u00a3]\d[\d.,]*\s?(?:k|m|mm|bn)?),? (?:well "
        r"|just |slightly |far |way )?(?:short of|below|under|behind) (?:the |our |a |its )?"
        r"(?P<plan>[$\u20ac\u00a3]\d[\d.,]*\s?(?:k|m|mm|bn)?) (?:\w+ )?(?:plan|target|goal|budget"
        r"|forecast)\b"),
     T.REVENUE_MILESTONE, "missed plan", "ours", ("short of", "below", "under", "behind")),
    # "we lost 6 hours of customer uploads": data, not a deal (deals.py reads "lost")
    (rx(r"\b(?:lost|losing|lose) (?:about |around |roughly |some |all |~)?(?:[\w-]+ ){0,3}?(?:of )?"
        r"(?:customer|customers'|user|users'|client|production|prod) (?:data|uploads|files"
        r"|records|emails|messages|documents|photos|backups)\b"),
     T.TECHNICAL_ACHIEVEMENT, "data lost", "ours", ("lost", "losing", "lose")),
)


def _needs_index(families: tuple[Family, ...]
                 ) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]]]:
    """One scan for every family's needs (longest first); a need also calls the families of
    the shorter needs it starts with ("lost our" is "lost" too)."""
    needs = {n for *_, ns in families for n in ns}
    wanted = {n: tuple(sorted({i for i, (*_, ns) in enumerate(families) for k in ns
                               if n.startswith(k)})) for n in needs}
    alts = "|".join(re.escape(n) for n in sorted(needs, key=len, reverse=True))
    return re.compile(f"({alts})"), wanted


# Each family's needs are plain words found in one scan, not a Python loop over 40 families
# per clause (the loop took 6% of the extractor's time on dev).
_NEEDS, _WANTED = _needs_index(FAMILIES)
_AUDIENCE = rx(r"\b(?:users?|signups|sign-ups|subscribers|members|visitors|downloads"
               r"|customers|logos)\b")
# What a retired thing must be to be news: a product, not an endpoint, a version or a runtime.
_MINOR = rx(r"\b(?:api|endpoints?|v\d|versions?|support|features?|logo|office|domain|servers?"
            r"|cluster|integrations?|flags?|pages?|docs|python|node|ruby|java|php|ios \d"
            r"|android \d|browsers?|plugin)\b")
# Customers as a noun phrase: "our largest customer", "one of our customers", "two customers".
_CUSTOMER_NOUN = rx(r"\b(?:(?:our|a|one of our|two|three|\d+) (?:\w+ )?(?:customers?|clients?"
                    r"|accounts?|logos?)|(?:customer|client|account) [A-Z]?)\W*$")
_SUCCEEDED = rx(r"\b(?:in favou?r of|succeeded by|superseded by|replaced (?:by|with) (?:a |an |our "
                r"|the )?(?:new|next))\b")
# a blip or a bug's downtime: minutes under half an hour, one user, a minor bug fixed
_BLIP = rx(r"\bfor (?:about |~|nearly |almost )?(?:[1-9]|1\d|2\d|a few|a couple of|one|two|three"
           r"|five|ten|twenty) min|\b(?:one|a single) user\b|\bminor bug\b|\bfixed\b")
_LEFT_US = rx(r"(?:us|the (?:company|team|startup)|(?:his|her|their) (?:role|position"
              r"|day-to-day))$")
_RETENTION = rx(r"\b(?:retention|nrr|ndr)\b")
_PARTNER = rx(r"\b(?:partner|partnership|reseller|alliance|distributor)\b")
_PLACE_LAUNCH = rx(r"\b(?:expansion|(?:eu|us|uk|europe|european|emea|apac|asia|latam|german|japan"
                   r"|japanese|french|uk|india|brazil|canada|australia) launch)\b")
_TO_NAME = re.compile(r" to ([A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,2})")
_NOT_PROD = rx(r"\b(?:staging|test|testing|dev|sandbox|internal|local|demo|preview|ci|my)\b")
_MONEY_WORDS = rx(r"\b(?:revenue|mrr|arr|sales|bookings|income|profit)\b")
_LAUNCH_WORDS = rx(r"\b(?:launch|release|pre-?orders)\b")
_THEIR_POSSESSIVE = re.compile(r"\w(?:'s|\u2019s) (?:[\w-]+ ){0,2}$")
# A result a plan is set for: money, users, the period's number; not meetings or tasks.
_MEASURE = rx(r"\b(?:revenue|sales|bookings|arr|mrr|gmv|billings|income|profit|plan|budget"
              r"|forecast|number|quarter|q[1-4]|users?|signups?|sign-ups|customers|logos"
              r"|subscribers|pipeline|new business|net new|\$)")


def early(clause: str, low: str, ctx: Context) -> Found | None:
    """A setback a positive detector would take for good news ("only 3 of 10 renewed")."""
    return _first(clause, low, ctx, [f for f in EARLY if any(n in low for n in f[4])])


def setback(clause: str, low: str, ctx: Context) -> Found | None:
    """A setback of the company told in plain words (module docstring), or None."""
    found = {i for m in _NEEDS.finditer(low) for i in _WANTED[m.group(1)]}
    if not found:
        return None
    return _first(clause, low, ctx, [FAMILIES[i] for i in sorted(found)])


def _first(clause: str, low: str, ctx: Context, families: list[Family]) -> Found | None:
    for pattern, kind, what, who_kind, _ in families:
        m = pattern.search(low)
        if m is None:
            continue
        found = _reading(clause, low, m, kind, what, who_kind, ctx)
        if found is not None:
            return found
    return None


def _reading(clause: str, low: str, m: re.Match[str], kind: EventType, what: str,
             who_kind: str, ctx: Context) -> Found | None:
    if who_kind in ("person", "customer"):
        return _party(clause, m, kind, what, who_kind, ctx)
    if who_kind == "lost role":
        return _lost_role(clause, low, m, kind, ctx)
    if not _fits(clause, low, m, what, who_kind, ctx, kind):
        return None
    kind = _kind(low, m, kind, what)
    if who_kind == "role":
        role = ROLE.search(ctx.sentence.lower() or low)
        title = f"Parted ways with the {(ctx.sentence or clause)[role.start():role.end()]}" \
            if role else said(clause, m.start())
        return _found(kind, what, m.group(), title, m.start())
    # the subject names what was retired ("Acme Mobile is being retired"), missed or went down
    whole = what == "missed plan" or who_kind == "system" \
        or (who_kind == "product" and m.group().startswith(("is", "are")))
    title = said(clause, 0 if whole else m.start())
    if what == "few renewed":
        title = title.replace(" of our ", " of ", 1).replace(" of ", " out of ", 1)
    # a partner named as the subject ends it with us: "The Initech partnership ended"
    return _found(kind, what, m.group(), title, m.start(), relational=what == "partner lost")


def _kind(low: str, m: re.Match[str], kind: EventType, what: str) -> EventType:
    """A result keeps the type of what it counted: users, money or a launch."""
    if what == "disappointing" and _LAUNCH_WORDS.search(m.group()):
        return T.PRODUCT_LAUNCH
    if what in ("missed plan", "disappointing") and _AUDIENCE.search(low):
        return T.USER_GROWTH
    if what == "rate fell" and _RETENTION.search(m.group()):
        return T.CUSTOMER_SUCCESS
    if what == "slowed" and _MONEY_WORDS.search(low):
        return T.REVENUE_MILESTONE
    if what == "on hold" and (_PLACE_LAUNCH.search(m.group())
                              or _PLACE_LAUNCH.search(low, max(0, m.start() - 12), m.end())):
        return T.MARKET_EXPANSION
    return kind


def _party(clause: str, m: re.Match[str], kind: EventType, what: str, who_kind: str,
           ctx: Context) -> Found | None:
    """A named person leaving or a named customer going: the name is the subject."""
    head = clause[:m.start()]
    who = _named(head, ctx)
    at = ctx.sentence.find(clause) if who is None else -1
    if at > 0:
        # "Priya, our Head of Sales, resigned", "our largest customer, Brightline, informed us
        # they would not renew": the clause was cut after the name
        head = ctx.sentence[:at] + head
        who = _named(head, ctx)
    if who is None and who_kind == "customer" and _CUSTOMER_NOUN.search(head):
        who = ""  # "our largest customer gave us notice": unnamed, still ours to report
    left = m.groupdict().get("left") or m.groupdict().get("away")
    if who is None or (left and not _LEFT_US.match(left)
                       and not (ctx.company is not None and ctx.company.match(left))):
        return None  # "Elena decided to leave early": not the company
    if who_kind == "customer" and _PARTNER.search(f"{head} {m.group()}".lower()):
        kind = T.PARTNERSHIP  # "Our biggest partner, Initech, terminated the reseller agreement"
    title = f"{who} is leaving" if who_kind == "person" else \
        f"Lost {who}" if who else said(clause, 0)
    return _found(kind, what, who or m.group(), title, m.start(),
                  relational=who_kind == "customer", people=(who,) if who else ())


def _lost_role(clause: str, low: str, m: re.Match[str], kind: EventType,
               ctx: Context) -> Found | None:
    """"We lost our Head of Product to Google": a key person gone to another company."""
    role = ROLE.match(low, m.end())
    to = _TO_NAME.match(clause, role.end()) if role else None
    if role is None or to is None or FIRST_PERSON.match(to.group(1)):
        return None
    what = clause[role.start():role.end()]
    return _found(kind, "departure", what, f"{what[:1].upper()}{what[1:]} left for {to.group(1)}",
                  m.start())


def _fits(clause: str, low: str, m: re.Match[str], what: str, who_kind: str,
          ctx: Context, kind: EventType) -> bool:
    """The reading's own conditions: a role for a parting, a product retired, figures lower."""
    if who_kind == "role":  # "Our VP Sales and we have agreed to part ways": cut at "and"
        return ROLE.search(ctx.sentence.lower() or low) is not None
    if who_kind == "product":
        return not _MINOR.search(low, 0, m.start() if not low.startswith("sunset", m.start())
                                 else m.end() + 20)
    if who_kind == "active product" and _MINOR.search(m.group()):
        return False  # "deprecating the v1 API endpoint", "retiring the old logo"
    if who_kind in ("product", "active product") and _SUCCEEDED.search(low, m.end()):
        return False  # "sunsetting the Early Adopter edition in favor of new pricing": a change
    head = clause[:m.start()]
    if what == "outage" and (_NOT_PROD.search((ctx.sentence or clause).lower())
                             or (who_kind == "system" and _BLIP.search(low))):
        return False  # "staging API: 13% of test requests failing": no customer saw it
    if _THEIR_POSSESSIVE.search(head) and not is_ours(head, ctx.company):
        return False  # "Globex's growth has slowed", "the market's growth slowed"
    if what == "missed plan" and not _MEASURE.search((ctx.sentence or clause).lower()):
        return False  # "five customer meetings (50% below target)": a task, not a result
    if what == "missed plan" and m.groupdict().get("got"):
        got, plan = money(m.group("got")), money(m.group("plan"))
        return bool(got and plan and got[0].value < plan[0].value)
    if what == "jobs":
        before, after = m.group("before") or m.group("was"), m.group("after") or m.group("now")
        return int(after) < int(before)
    if kind is not T.HIRING:
        return True  # the reader's third-party veto judges a named subject ("Payments were")
    return _named(clause[:m.start()], ctx) is None or FIRST_PERSON.search(clause[:m.start()]) \
        is not None


# "Umbrella told us they will not be renewing": the name stands before the telling
_TOLD = re.compile(r"\s(?:told us|let us know|informed us|notified us|confirmed|said|says"
                   r"|gave (?:us )?notice|announced)(?: that)?(?: they| it)?(?:'re|'ll|\u2019re"
                   r"|\u2019ll| are| is| will| have| has)?\s*$")
# "Our largest customer, Globex, gave us notice": the name in apposition to the customer
_APPOSED = rx(r"(?:^\W*|\s)(?:our|one of our) (?:[\w-]+ )?(?:customers?|clients?|accounts?"
              r"|partners?|resellers?),\s*$"
              r"|^\W*(?:our|the) (?:[\w&-]+ ){0,3}?(?:head of [\w ]+|ceo|cto|cfo|coo|cmo|cro|cpo"
              r"|vp [\w ]+|director [\w ]+|founder|co-?founder|[\w-]+ lead|[\w-]+ engineer"
              r"|[\w-]+ manager),\s*$")


# the name between the last two commas: "... our largest customer, Globex, "
_APPOSED_NAME = re.compile(r"(?:^|,\s*)([A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2}),\s+$")


def _named(head: str, ctx: Context) -> str | None:
    """The person or organisation named as the subject before the verb, not the company or
    the writer: "Ravi", "Priya, our Head of Sales,", "fyi Globex"; or None."""
    head = _TOLD.sub(" ", _LEAD.sub("", head))
    apposed = _APPOSED_NAME.search(head) if head.endswith(", ") else None
    if apposed and _APPOSED.search(head[:apposed.start(1)].lower()):
        head = apposed.group(1) + " "
    m = _NAME.search(head)
    lead = head[:m.start()] if m is not None else ""
    # "Bad month: Hooli", "I'm sad to share that Jordan, our CTO, is stepping away"
    if m is None or (lead.strip(" -*\u2022:")
                     and not lead.rstrip().endswith((":", "\u2014", "-", " that"))):
        return None
    name = m.group(1).strip(".")
    if "'s" in name or "\u2019s" in name:
        return None  # "Stripe's CFO resigned": someone else's person
    first = name.split()[0].lower().rstrip("'\u2019s")
    if first in _STOP or first in COMMON_WORDS or ROLE.fullmatch(name.lower()):
        return None
    if ctx.company is not None and ctx.company.search(name):
        return None
    return name


def _found(kind: EventType, what: str, words: str, title: str, at: int, *,
           relational: bool = False, people: tuple[str, ...] = ()) -> Found:
    # a departure is known by its person, as company.hiring knows it: one event across messages
    metrics: dict[str, MetricValue] = {"departure": key(words)} if what == "departure" \
        else {"setback": what, "what": key(words)[:40]}
    return Found(kind, metrics, title, at, negative=True, relational=relational,
                 allow=_ALLOW.get(what, frozenset()), stakeholders=people)


# --- look-alikes of any detector's negative reading -------------------------------------------

_PERSONAL = rx(r"\bmy (?:personal |own )?(?:running|fitness|weight|reading|writing|sleep|gym"
               r"|step|savings|health|diet|learning|new year'?s?) (?:goals?|targets?"
               r"|resolutions?)|\b(?:from|at|in) my (?:last|previous|old|former|first|day|old)"
               r" (?:job|company|employer|role|position|startup|team)\b")
_TEMPORARY = rx(r"\b(?:for|over) (?:the )?(?:holidays?|christmas|thanksgiving|new year|weekend"
                r"|break|summer break|winter break|day|afternoon|evening|night|long weekend)\b")
_CLOSED = rx(r"\b(?:shut|shutting|clos(?:e|ed|es|ing))\b")
_JOKE = rx(r"\b(?:lol|lmao|rofl|jk|haha\w*)\b|\U0001f602|\U0001f923")
# "our CFO is retiring the old expense tool": retiring something, not someone
_RETIRES_THING = rx(r"\bretir(?:e|es|ed|ing) (?:the|our|its|their|a|an|this|that|these|those"
                    r"|all|some|old)\b")
_OTHER_BOARD = re.compile(r"\b(?:resigned|stepped down|stepping down|left|leaving|steps down)"
                          r" (?:from )?(?:the |his |her |their )?([A-Z][\w&.-]+)(?:'s)? "
                          r"(?:board|advisory board)\b")
_TRIP = rx(r"\bleav(?:e|es|ing) (?:for|to attend) (?:a |an |the |his |her |their )?"
           r"(?:[\w-]+ ){0,2}?(?:conference|trip|vacation|holiday|honeymoon|offsite|off-site"
           r"|meetup|summit|wedding|retreat|break|weekend|day|week)\b|\bon (?:parental|maternity"
           r"|paternity|sick|medical) leave\b")
_TEST_ACCOUNTS = rx(r"\b(?:test|demo|dummy|fake|internal|sandbox|staging|spam|bot) (?:accounts?"
                    r"|users?|customers?|workspaces?|orgs?)\b")
_FEW_CHURNED = rx(r"\bonly (?:\d+|one|two|three|a few|a handful) (?:of|out of) (?:our |the )?"
                  r"(?:\d[\d,]*|\w+) (?:\w+ )?(?:customers|clients|accounts|users|subscribers)"
                  r" (?:have |had )?(?:churned|left|cancell?ed)\b")
# A named other doing its own thing: "Globex lost a big customer", "Okta disclosed a breach".
_THEIR_OWN = re.compile(r"^\W*([A-Z][\w&.'\u2019-]*(?: [A-Z][\w&.'\u2019-]*){0,2}) (?:has |have "
                        r"|had |just |also |is |was |now |reportedly )*(?P<verb>lost|loses|losing"
                        r"|disclosed|discloses|disclosing|reported|reports|shut|shuts|shutting"
                        r"|closed|closes|closing|sunset|sunsets|sunsetting|laid|lays|laying|cut"
                        r"|cuts|cutting|missed|misses|fired|fires|filed|files|suffered|suffers"
                        r"|hacked|breached|froze|freezes|freezing)\b")


def veto(found: Found, clause: str, company: re.Pattern[str] | None) -> str | None:
    """Why a negative reading is not the company's setback, or None (module docstring)."""
    if not found.negative:
        return None
    low = clause.lower()
    if _PERSONAL.search(low):
        return "the writer's personal goal or past job"
    if _JOKE.search(low):
        return "a joke, not a setback"
    if found.event_type is T.HIRING and _RETIRES_THING.search(low):
        return "a thing retired, not a person"
    board = _OTHER_BOARD.search(clause) if found.event_type is T.HIRING else None
    if board and not (company is not None and company.search(board.group(1))):
        return f"a seat on another company's board ({board.group(1)})"
    if _TRIP.search(low) and found.event_type is T.HIRING:
        return "away for a while, not leaving"
    if _TEST_ACCOUNTS.search(low):
        return "test or internal accounts, not customers"
    if _FEW_CHURNED.search(low):
        return "a low churn count is no setback"
    if _TEMPORARY.search(low) and _CLOSED.search(low):
        return "closed for a while, not for good"
    m = _THEIR_OWN.match(clause)
    if m is None:
        return None
    name = m.group(1)
    first = name.split()[0].lower()
    rest = clause[m.end():]
    if first in _STOP or first in COMMON_WORDS or FIRST_PERSON.fullmatch(first) \
            or (company is not None and (company.search(name) or company.search(rest))) \
            or FIRST_PERSON.search(rest):
        return None  # ours, or acting on us: "Globex files lawsuit against Acme"
    return f"third party's own setback ({name})"
