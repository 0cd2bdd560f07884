"""Money coming in: funding, investor interest, deals, partnerships, customers, acquisitions."""

from __future__ import annotations

import re

from signalpipe.extract.rules.corporate import product_after
from signalpipe.extract.rules.found import Context, Found, said
from signalpipe.extract.rules.lexicon import INVESTOR, rx
from signalpipe.extract.rules.names import clean, key, name_after, name_before, names_in
from signalpipe.extract.rules.numbers import article, currency_money, money, short_money
from signalpipe.extract.rules.owners import own_marketplace, own_product
from signalpipe.extract.rules.subject import FIRST_PERSON, named_subject, third_party
from signalpipe.models import EventType

T = EventType

ROUND = rx(r"\b(?:(?P<pre>pre-?seed)|(?P<seed>seed)(?! (?:data|script|file|round of interviews"
           r"|the|our|your|it|db|database))"
           r"|series[ -]?(?P<l1>[a-h])\b(?:[ -]?(?P<ext>extension|\d))?|(?P<l2>[a-h])[ -]round"
           r"|(?P<bridge>bridge)(?: round)?|(?P<safe>safe)s?\b(?= (?:note|round|signed|closed"
           r"|is|are))"
           r"|(?P<growth>growth (?:round|equity))|(?P<conv>convertible note))\b")
FUNDING_CONTEXT = rx(r"\b(?:angel investors?|as an? investor|backed by|round|seed"
                     r"|series[ -]?[a-h]\b"
                     r"|funding|financing|investment|term ?sheet"
                     r"|safes?\b|bridge round|raise[ds]?|raising|venture (?:funding|debt|round)"
                     r"|valuation|convertible|oversubscribed|pre-money|post-money)\b")
NOT_FUNDING = rx(r"\b(?:philanthrop\w*|donat\w+|contributions?|sold|sells|selling|sale of"
                 r"|divest\w*|acquir\w+|buy(?:s|ing)? (?:out|back)"
                 r"|consortium|fund (?:i|ii|iii|iv|v|\d)\b|second fund|new fund|closed (?:its|a)"
                 r" (?:\w+ )?fund\b|investment (?:project|in (?:infrastructure|roads))"
                 r"|total investment|capex|stake in)\b")
FUNDING_DONE = rx(
    r"\b(?:closed|closes|closing of|raised|raises|raise|raising|secured|secures|landed|lands|bagged"
    r"|bags|nabbed|snagged|completed|completes|announc(?:ed|es|ing)|wired|funded|signed"
    r"|countersigned|in the bank|is done|are done|it'?s done|official(?:ly)?|oversubscribed|led by"
    r"|co-led"
    r"|leading|led (?:our|the|a|it)|came in|arrived|hit (?:the|our) account|landed in"
    r"|received|receives|got|gets|term ?sheet|quoted|offered|investment from|funding from"
    r"|backed by|joined (?:the|our) round|join(?:s|ed|ing)? (?:\w+ ){0,3}as an? (?:angel )?investor"
    r"|participat(?:ed|ion)|we did it)\b")
TERM_SHEET = rx(r"\bterm ?sheet\b")
VALUATION_AFTER = rx(r"\s?(?:post|pre)(?![- ]?seed)(?:-money)?\b|\s?valuation\b|\s?(?:cap|mark)\b")
LEAD = re.compile(r"(?:led by|co-led by|leading (?:the|our) round:?|with participation from)\s+"
                  r"(?:the\s+)?(?P<n>(?:[A-Z][\w&'.-]*|a16z)(?:\s(?:[A-Z][\w&'.-]*|Capital"
                  r"|Ventures|Partners))*)")
FUNDING_BAD = rx(r"\b(?:down ?round|flat round|bridge (?:round )?(?:at|on) (?:a )?(?:lower|worse)"
                 r"|on worse terms|at a lower valuation|below (?:our|the) last (?:round|valuation)"
                 r"|lower valuation|term ?sheet (?:fell through|was pulled|got pulled|rescinded"
                 r"|withdrawn|fell apart)|(?:lead|investor|fund|vc)s? (?:passed|pulled out"
                 r"|backed out|walked away)|round (?:fell apart|collapsed|fell through)"
                 r"|pulled (?:the|their) term ?sheet)\b")


def _round(text: str) -> str | None:
    m = ROUND.search(text.lower())
    if not m:
        return None
    for group, label in (("pre", "pre-seed"), ("seed", "seed"), ("bridge", "bridge"),
                         ("safe", "SAFE"), ("growth", "growth round"),
                         ("conv", "convertible note")):
        if m[group]:
            return label
    letter = (m["l1"] or m["l2"]).upper()
    return f"Series {letter}" + (f" {m['ext']}" if m["ext"] else "")


def _amount(clause: str) -> tuple[float | None, float | None]:
    """(raise, valuation): the first amount not marked as a valuation, and the valuation."""
    raise_, valuation = None, None
    for fig in money(clause):
        after = clause[fig.end:fig.end + 14]
        before = clause[max(0, fig.start - 14):fig.start].lower()
        if VALUATION_AFTER.match(after.lower()) or "valuation" in before or "valued at" in before:
            valuation = valuation or fig.value
        elif raise_ is None and fig.value >= 10_000:
            raise_ = fig.value
    return raise_, valuation


_STAGE_TITLES = {"oversubscribed": "Round oversubscribed",
                 "verbal offer": "Verbal investment offer",
                 "ipo": "Listed on the stock market", "placing": "Share placing",
                 "rights issue": "Rights issue", "share issue": "Share issue",
                 "capital raise": "Capital raise"}


def backed_title(metrics: dict[str, str | int | float]) -> str:
    """ "Accepted into Y Combinator (F24)", "Round oversubscribed" (backers.py's readings)."""
    if metrics.get("accelerator"):
        batch = metrics.get("batch")
        return f"Accepted into {metrics['accelerator']}" + (f" ({batch})" if batch else "")
    title = _STAGE_TITLES[str(metrics["stage"])]
    amount = _in_currency(metrics, "amount")
    return f"{title}: {amount}" if amount else title


def _in_currency(metrics: dict[str, str | int | float], name: str) -> str:
    """``name``'s amount as a title writes it, in the currency its key names (currency.py)."""
    for code, sign in (("usd", "$"), ("gbp", "\u00a3"), ("eur", "\u20ac")):
        value = metrics.get(f"{name}_{code}")
        if value:
            return short_money(float(value)).replace("$", sign)
    return ""


def funding_title(metrics: dict[str, str | int | float], lead: str = "") -> str:
    """ "Raised $12M Series A led by Accel", "Term sheet: $15M at an $80M valuation"."""
    amount, valuation = _in_currency(metrics, "amount"), _in_currency(metrics, "valuation")
    if metrics.get("accelerator") or metrics.get("stage") in _STAGE_TITLES:
        return backed_title(metrics)  # backers.py's readings keep their own titles when merged
    rnd = str(metrics.get("round", ""))
    rnd = rnd.title() if rnd.startswith("series") else rnd.replace("safe", "SAFE")
    what = " ".join(p for p in (amount, rnd) if p)
    if metrics.get("stage") == "term sheet":
        title = f"Term sheet: {what}" if what else "Term sheet received"
        if valuation:
            title += f" at {article(valuation)} {valuation} valuation"
    else:
        title = f"Raised {what}" if what else "Closed a funding round"
    return f"{title} led by {lead}" if lead else title


def _self_funded(inbound: re.Match[str], clause: str, ctx: Context) -> bool:
    """ "$7 billion in private investment from Spectrum": the company spending its own money."""
    if inbound.group() != "investment from" or ctx.company is None:
        return False
    return ctx.company.match(clause, inbound.end() + 1) is not None


def _no_new_round(verb: str, low: str, rnd: str | None, amount: float | None) -> bool:
    if "raise" in verb.lower() and not (amount or rnd):
        return True  # "raised concerns", "raised the price"
    # "has raised $175 million in total": a running sum, not a new round
    return not rnd and re.search(r"\b(?:in total|to date|so far|since (?:its|our) (?:founding"
                                 r"|inception)|total (?:funding|capital))\b", low) is not None


# Money coming in: a bare "investment" may be the company spending (plants, grants, charity).
INBOUND = rx(r"\b(?:rais\w+|funding|financing|round|backed by|angel|investors?|investment from"
             r"|led by|term ?sheet|valuation|safe|convertible|oversubscribed)\b")


def funding(clause: str, low: str, ctx: Context) -> Found | None:
    if not FUNDING_CONTEXT.search(low) or NOT_FUNDING.search(low):
        return None
    bad = FUNDING_BAD.search(low)
    if bad:
        return Found(T.FUNDING, {"setback": key(bad.group())},
                     f"Funding setback: {said(clause, bad.start())}",
                     bad.start(), negative=True)
    done = FUNDING_DONE.search(low)
    if not done:
        return None
    if INTEREST.search(low) and not re.search(r"\b(?:closed|raised|signed|wired|term ?sheet"
                                               r"|in the bank|offered|quoted)\b", low):
        return None  # "pinged asking for a call about leading our Series C" is interest
    rnd = _round(clause) or _round(ctx.subject)
    inbound = INBOUND.search(low)
    if not rnd and (inbound is None or _self_funded(inbound, clause, ctx)):
        return None  # "a $55 billion investment in new plants" is money going out, not in
    amount, valuation = _amount(clause)
    sheet = TERM_SHEET.search(low)
    lead = LEAD.search(clause)
    noun = re.search(r"\b(?:(?:financing|funding|investment) (?:round|transaction)|round of "
                     r"(?:financing|funding)|(?:seed|growth|venture) (?:funding|financing)"
                     r"|angel (?:investor|investment|round)|as an? (?:angel )?investor"
                     r"|now backed by)\b", low)
    if not (rnd or amount or sheet or noun or (lead and re.search(r"round|funding|investment",
                                                                   low))):
        return None
    if _no_new_round(done.group(), low, rnd, amount):
        return None
    who = clean(lead["n"]) if lead else ""
    metrics: dict[str, str | int | float] = {}
    if amount:
        metrics["amount_usd"] = round(amount)
    if rnd:
        metrics["round"] = rnd.lower()
    if valuation:
        metrics["valuation_usd"] = round(valuation)
    if sheet and not re.search(r"\b(?:closed|wired|in the bank|completed)\b", low):
        metrics.setdefault("stage", "term sheet")
    title = funding_title(metrics, who)
    # "Accel led", "they quoted $15M": an investor acting towards us, not someone else's raise
    investor_side = bool(re.match(r"join|led|leading|co-led|quoted|offered|wired|investment from"
                                  r"|funding from|backed|joined|participat|term ?sheet|came in"
                                  r"|arrived|received|got", done.group(), re.IGNORECASE))
    return Found(T.FUNDING, metrics, title, done.start(), stakeholders=(who,) if who else (),
                 relational=investor_side,
                 allow=frozenset({"plan"}) if sheet else frozenset())


INTEREST = rx(
    r"\b(?:reached out|reach(?:es)? out to (?:us|me)|reaching out to (?:us|me)|pinged|inbound"
    r"|data ?room|ask(?:ing|ed|s)? (?:us )?(?:for|about) (?:a |an |the |our )?(?:call|meeting|deck"
    r"|data|metrics|numbers|model|financials|intro|update)"
    r"|(?:wants?|wanting) to (?:meet|invest|lead|talk|chat|see|learn|set up|get|discuss|dig|move)"
    r"|would (?:like|love) to (?:meet|invest|lead|learn|discuss|set up|chat|talk)"
    r"|interested in (?:leading|investing|participating|our|the round|learning)"
    r"|expressed interest|showing interest|keen to (?:meet|invest|lead|discuss)"
    r"|eager to (?:discuss|meet|invest|lead)|asked (?:for|about) (?:a|our|the) (?:call|meeting"
    r"|deck|data|metrics|numbers|model|financials)|partner meeting|ic meeting"
    r"|investment committee|deep[- ]dive|closely monitoring|(?:been )?following (?:your|our"
    r"|[\w-]+(?:'s|\u2019s)) (?:progress|trajectory|growth|journey)|approach(?:ed|ing)? (?:us|me)"
    r"|ask(?:ing|ed) (?:if|whether) (?:we|you)|open to a (?:conversation|chat|call)"
    r"|caught (?:our|their) attention|on (?:their|our) radar"
    r"|request(?:ing|ed|s)? (?:a|the|our|your) (?:call|meeting|deck|data room|intro)"
    r"|intro(?:duction)? request|asked for an intro|(?:interest|intro|call) from"
    r"|ask(?:ing|ed|s)? (?:us )?to (?:meet|invest|lead|talk|chat|see|review|look|get|join|dig)"
    r"|(?:due )?diligence (?:call|request|list|questions|meeting|session)"
    r"|started (?:due )?diligence"
    r"|(?:had|took|did|held) (?:\w+ ){0,2}(?:calls?|meetings?|chats?|coffees?) with"
    r" (?:\d+|two|three|four|five|six|several|a few"
    r"|a couple of|a bunch of) (?:more )?(?:vcs|investors|funds|angels|partners at)"
    r"|potential (?:series [a-h] )?lead|preempt\w*|pre-empt\w*|sent (?:us )?a (?:loi"
    r"|deck request))\b")
_FUND_SENDER = rx(r"\b(?:ventures?|capital|partners|vc|fund|investments?|investors?|angels?)\b")


_GENERIC_INVESTOR = frozenset({
    "ventures", "venture", "capital", "investor", "investors", "angel", "angels", "fund", "funds",
    "general partner", "managing partner", "family office", "syndicate", "vc firm", "partners"})
FUND_NAME = re.compile(r"\b[A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*)* (?:Partners|Capital|Ventures|VC)\b")


def investor_interest(clause: str, low: str, ctx: Context) -> Found | None:
    m = INTEREST.search(low)
    if not m:
        return None
    fund = INVESTOR.search(low) or FUND_NAME.search(clause) or re.search(
        r"\b(?:partner|principal|associate|analyst) (?:at|from) [A-Z][\w&.-]+", clause) or (
        INVESTOR.search(ctx.sentence.lower()) if len(ctx.sentence) > len(clause) else None)
    sender_fund = _FUND_SENDER.search(ctx.sender.lower())
    if not fund and not sender_fund:
        return None
    who = None
    if fund:
        who = name_before(clause, fund.end(), within=40) or name_after(clause, fund.start())
        if who and not INVESTOR.search(who.lower()) and not re.search(r"[A-Z]{2,}|\w+ \w+", who):
            who = None
    if who is None and fund is not None and fund.re is INVESTOR and len(fund.group()) > 4 \
            and fund.group() not in _GENERIC_INVESTOR:
        who = clause[fund.start():fund.end()].title()  # "great first call with balderton"
    if who is not None:
        who = re.sub(r"^(?:(?:general |managing )?partner|investor|analyst|principal|associate)"
                     r"\s+(?:at|from|with)\s+", "", who, flags=re.IGNORECASE)
    if who is None and sender_fund:
        who = clean(re.split(r"\s[-–|<(]\s?|,", ctx.sender)[0])
    if who is not None:
        who = re.sub(r"^(?:(?:general |managing )?partner|investor|analyst|principal|associate)"
                     r"\s+(?:at|from|with)\s+", "", who, flags=re.IGNORECASE)
    name = who or "an investor"
    return Found(T.INVESTOR_INTEREST, {"investor": key(name)}, f"Inbound interest from {name}",
                 m.start(), relational=True,
                 allow=frozenset({"plan", "question", "hypothetical"}),
                 stakeholders=(name,) if who else ())


DEAL_DONE = rx(
    r"\b(?:signed|signs|sign(?:ed)? off|closed|closes|won|wins|inked|landed|lands"
    r"|booked (?=a |an |the |our |\$|\d)"
    r"|bought|buys|purchased|purchases|selected us|chose us|went with us|picked us"
    r"|came on board|comes on board|on ?boarded|is (?:now )?(?:a|our) (?:new )?(?:customer|client)"
    r"|became (?:a|our) (?:customer|client)|countersigned|executed|closed[- ]won|it'?s theirs"
    r"|sent (?:back|over|us) the signed|signature(?:s)? (?:is|are) in|awarded us|deployed across"
    r"|rolling out to|standardi[sz](?:ed|es) on|new (?:enterprise |paying )?(?:logo|customer"
    r"|client)"
    r"|goes with us|biggest deal|largest deal|largest contract|biggest contract"
    r"|agreed to (?:buy|purchase|a)|selects?|chooses|deploys|adopts|adopted"
    r"|(?:has |have |had )?(?:been )?(?:selected|chosen|picked|tapped) (?:by|as)"
    r"|(?:has|have) chosen"
    r"|(?:was |were |been |is )?awarded (?:a|an|the|two|three|to|\$|\d)"
    r"|(?:got|received|secured|won) (?:a |an |the |our |two |three |\$?\d[\w.,$]* )?(?:signed )?"
    r"(?:[\w$.,-]+ ){0,4}(?:po|purchase order|order form|contract|order|agreement|tender)s?\b)\b")
# The verbs whose subject is the seller: "Lockheed won a contract", "Acme was selected by the
# Navy". When that subject is someone other than us, the deal is theirs.
SELLER_SIDE = rx(r"(?:won|wins|landed|lands|secured|(?:was |were |been |is )?awarded|(?:has |have "
                 r"|had )?(?:been )?(?:selected|chosen|picked|tapped) (?:by|as)|got|received)\b")
CHOSEN = rx(r"(?:selected|chosen|picked|tapped) (?:by|as)")
DEAL_OBJECT = rx(
    r"\b(?:contract|deal|order form|purchase order|po\b|msa|agreement|logo|customer|client|orders?"
    r"|licen[cs]e|subscription|seats|acv|tcv|arr|/yr|/year|per year|a year|annual|yrs?\b"
    r"|years?\b|enterprise|rfp|tender|pilot|rollout|roll-out|account)\b")
NOT_DEAL = rx(r"\b(?:visual identity|brand(?:ing)?|rebrand\w*|logo (?:design|refresh)|deal ?#"
              r"|deal \d{3,}|deal (?:number|no\.?|ticket)|subscribed|nda|mutual nda"
              r"|offer letter|her offer|his offer|their offer|term ?sheet"
              r"|round|seed|series [a-h]|lease|office lease|signed up|sign up|newsletter"
              r"|petition|partner(?:ship)?s?|reseller|investors?|safe|employment|vendor|supplier"
              r"|our (?:vendor|supplier)|sow for (?:our|the) (?:vendor|agency)|intern(?:s"
              r"|ship)?|as one of|accelerator|cohort|batch #?\d+"
              # "selected by NLNet to receive funding": a grant, not a buyer choosing us
              r"|(?:receive|receiving|received)\s+(?:\w+\s+){0,2}(?:funding|grants?)"
              # "Jane signed on for another year as our advisor": a person's role, no customer
              r"|as (?:our |an? |the )?(?:\w+ )?(?:advis[eo]rs?|board members?|mentors?"
              r"|consultants?|contractors?|ambassadors?))(?!\w)")
LOST_NAME = re.compile(r"\b[Ww]e (?:just |have |'ve )?lost (?=[A-Z])")
DEAL_LOST = rx(
    r"\b(?:lost (?:the |our |a |an )?(?:[\w&'.-]+ ){0,4}(?:deal|contract|customer|client"
    r"|account|bid|rfp"
    r"|tender|opportunity|renewal|logo)|lost (?:to|them to) (?:a )?[\w]+|went with (?:a |another )"
    r"?(?:competitor|vendor|provider|rival)|chose (?:a |another )?(?:competitor|rival|vendor)"
    r"|picked (?:a |another )?(?:competitor|rival)|(?:deal|contract) (?:fell through|fell apart"
    r"|collapsed|is dead|died|was cancell?ed|got cancell?ed)|pulled out of (?:the )?(?:deal"
    r"|contract|pilot)|backed out|closed[- ]lost|walked away from (?:the|our) (?:deal|contract))")


def enterprise_deal(clause: str, low: str, ctx: Context) -> Found | None:
    lost = DEAL_LOST.search(low) or LOST_NAME.search(clause)
    if lost:
        who = name_after(clause, lost.start() + 4, within=30) or name_before(clause, lost.start())
        return Found(T.ENTERPRISE_DEAL, {"customer": key(who)} if who else {"lost": "deal"},
                     f"Lost {who or 'a deal'}", lost.start(), negative=True, relational=True,
                     stakeholders=(who,) if who else ())
    dones = list(DEAL_DONE.finditer(low))
    chosen = any(CHOSEN.search(d.group()) for d in dones)
    if chosen and not (FIRST_PERSON.search(low) or (ctx.company and ctx.company.search(clause))):
        chosen = False  # "Winners are chosen by a committee": no one we know was picked
    if not dones or not (chosen or DEAL_OBJECT.search(low)) or NOT_DEAL.search(low) or re.search(
            r"\brenew(?:al|ed)\b|\bclosed (?:the )?(?:month|quarter|year|q[1-4]|fy)", low):
        return None  # a renewal is a customer outcome; "closed the month at" is revenue
    amounts = currency_money(clause) or [f for f in money(clause) if f.value >= 1000]
    # "Two wins today: ... and closed Tyrell Bank": the verb that names a customer is the deal's
    done, who = dones[0], None
    for candidate in dones:
        who = _customer(clause, candidate.start(), candidate.end(), ctx)
        if who is not None:
            done = candidate
            break
    if who is None and not amounts and not re.search(
            r"order form|purchase order|contract|msa|closed[- ]won|deal", low):
        return None
    if re.search(r"\b(?:that|which|who)\s+$", clause[:done.start()].lower()):
        return None  # "the company that won the contract": a description, not news
    if done.group() in ("bought", "buys", "purchased", "purchases") \
            and FIRST_PERSON.search(clause[:done.start()]):
        return None  # "we bought Figma seats": we are the buyer
    if SELLER_SIDE.match(done.group()) and third_party(clause[:done.start()], clause, ctx.company):
        return None  # "Lockheed won a $2B contract": someone else sold it
    metrics: dict[str, str | int | float] = {}
    if who:
        metrics["customer"] = key(who)
    value = max((f.value for f in amounts), default=None)
    if value:
        metrics["value_usd"] = round(value)
    title = f"Signed {who or 'an enterprise deal'}" + (f" ({short_money(value)})" if value else "")
    return Found(T.ENTERPRISE_DEAL, metrics, title, done.start(), relational=True,
                 stakeholders=(who,) if who else ())


_DEAL_WORDS = frozenset({
    "contract", "contracts", "deal", "deals", "agreement", "order", "form", "purchase", "msa",
    "sow", "renewal", "pilot", "customer", "client", "logo", "enterprise", "order form",
    "purchase order"})


def _customer(clause: str, start: int, end: int, ctx: Context) -> str | None:
    """The customer of a deal: the nearest acceptable name before the verb, else after it."""
    before = [n for n, _, _ in reversed(names_in(clause[max(0, start - 45):start]))]
    after = [n for n, s, _ in names_in(clause[end:end + 70]) if s <= 30]
    for name in (*before, *after):
        name = re.sub(r"[\s-]+(?:contract|deal|agreement|order|po|msa)s?$", "", name,
                      flags=re.IGNORECASE)
        ours = ctx.company is not None and ctx.company.search(name)
        if name and not ours and not INVESTOR.search(name.lower()) \
                and not re.fullmatch(r"(?:ARR|ACV|MRR|TCV|PO|MSA|SOC \d|USD|Q[1-4]).*", name) \
                and name.lower() not in _DEAL_WORDS and name.lower() != "subject":
            return name
    return None


PARTNER = rx(
    r"\b(?:partner(?:ship|ed|ing|s)?\b|alliance|marketplace|app ?exchange|app directory"
    r"|integration partner|technology partner|reseller|co-sell|co-marketing|channel partner"
    r"|distribution (?:agreement|deal)|oem (?:agreement|deal)|joint venture|teamed up|teams up"
    r"|listed (?:on|in) (?:the )?[\w ]{0,30}\b(?:marketplace|directory|store|hub|catalog)\b"
    r"|listed on (?:the )?[\w .]{0,30}(?:exchange|binance|coinbase|kraken|kucoin|bitfinex|okx"
    r"|bybit|gate\.io))")
PARTNER_DONE = rx(
    r"\b(?:signed|signs|official(?:ly)?|now (?:an? |live|listed|available|part)|is live|are live"
    r"|announce|included in|added to|integrat(?:ed|es) (?:with|into)|partner(?:s)? to|partner(?:s)?"
    r" (?:up )?with"
    r"|went live|goes live|announc(?:ed|es|ing)|launch(?:ed|es)|became|become|joined|joins"
    r"|is now|are now|accepted (?:into|to)|approved|formed|entered into|teamed up|teams up"
    r"|listed|available (?:on|in|through|via)|partnered|partnering with|partners with"
    r"|agreement with|selected|certified|welcom(?:e|ed|es)|named|expand(?:ed|s) (?:our|its|their)"
    r" partnership|renewed)\b")
NOT_PARTNER = rx(r"\b(?:partner meeting|general partner|managing partner|design partners?"
                 r"|love to partner|happy to partner|open to partner|want to partner"
                 r"|partner (?:with"
                 r" us )?on (?:a|the) (?:webinar|blog|event)|partners? call|partner portal login"
                 r"|our partners? (?:at|from)|sleeping partner|dance partner|partner in crime"
                 r"|webinar|conference|sponsor)\b")


def partnership(clause: str, low: str, ctx: Context) -> Found | None:
    m = PARTNER.search(low)
    if not m or NOT_PARTNER.search(low):
        return None
    done = PARTNER_DONE.search(low)
    if not done:
        return None
    opened = own_marketplace(clause, ctx.company)
    if opened:
        return opened  # our marketplace opening to submissions: a launch, no partner
    who = None
    for cand in (name_after(clause, m.end(), within=50), name_before(clause, m.start())):
        if cand and own_product(cand, ctx.company):
            continue  # "the Acme UI", "Acme Asset Marketplace": our product, no partner
        if cand and ctx.company and ctx.company.search(cand):
            # "Tailscale and Gitpod partner": the partner is the name beside ours
            cand = re.sub(r"\s*(?:and|&|x|\+)\s*$|^\s*(?:and|&|x|\+|-|/)\s*", "",
                          ctx.company.sub("", cand)).strip() or None
        if cand:
            who = cand
            break
    if who is None:
        who = next((n for n, _, _ in names_in(clause)
                    if not (ctx.company and ctx.company.search(n)) and not own_product(n, None)),
                   None)
    if who is None or who.lower() in {"partner", "partners", "partnership", "partnerships"}:
        return None
    ours = FIRST_PERSON.search(ctx.sentence) or (ctx.company and ctx.company.search(ctx.sentence))
    if not ours and named_subject(clause[:min(m.start(), done.start())], ctx.company):
        return None  # "GRICD has partnered with Haultrac": two others, neither of them us
    who = _unnamed_partner(clause, who)
    # the verb is where the subject ends: in "The IBM partnership is live" IBM is the partner
    return Found(T.PARTNERSHIP, {"partner": key(who)}, f"Partnership with {who}",
                 done.start() if done.start() > m.start() else m.start(), stakeholders=(who,))


_DEMONYM_NOUN = re.compile(r"\b(?P<art>a|an)\s+(?P<adj>[A-Z][a-z]+(?:an|ese|ish|ic|i))\s+"
                           r"(?P<noun>[a-z][a-z-]{2,}(?: [a-z][a-z-]{2,})?)\b")


def _unnamed_partner(clause: str, who: str) -> str:
    """A partner named by its kind: "a European distributor", not "European"."""
    m = _DEMONYM_NOUN.search(clause)
    return f"{m['art']} {m['adj']} {m['noun']}" if m and m["adj"] == who else who


RENEWAL = rx(
    r"\b(?:renew(?:ed|s|al)\b|re-?signed|extended (?:their|the|its) (?:contract|agreement|deal)"
    r"|expan(?:ded|ds|sion) (?:their|the|its) (?:contract|deal|seats|licen[cs]es?|usage|footprint"
    r"|account|rollout)|expand(?:s|ed)? (?:its |our |their )?(?:agreement|contract|deal"
    r"|relationship) with|expanded (?:to|by) \d+|upsell|(?:customer|client|account"
    r"|they) upgraded to|added \d[\d,]* (?:more )?seats"
    r"|case study|customer story|success story|testimonial"
    r"|(?:nps|csat|net promoter score)\b[^.]{0,20}\d+|record (?:nps|csat|retention|rating)"
    r"|(?:net (?:revenue|dollar) retention|nrr|ndr|gross retention"
    r"|grr)\b[^.]{0,25}\d+(?:\.\d+)?\s?%|(?:customer|client) (?:[\w.&-]+ ){1,3}(?:reported|saw"
    r"|achieved|cut|saved|reduced|increased|grew|improved)"
    r"|(?:g2|capterra|trustpilot|gartner peer insights) (?:leader|badge|award|rating|high performer"
    r"|reviews?)|(?:customer|client)s? (?:reported|saw|achieved|cut|saved|reduced|increased|grew)"
    r"|saved (?:them|the customer|our customers?) )")
NOT_SUCCESS = rx(r"\b(?:extended the deal|deal ?#|deal \d{3,}|ticket|subscription renewal reminder"
                 r"|renew (?:your|my)|was extended to|extended until|extended through|sponsorships?"
                 r"|memberships?|testimonials are|sole opinions?|discounts?|promotions?"
                 r"|everyday savings)(?!\w)")
CHURN = rx(
    r"\b(?:churn(?:ed|ing)\b(?! out)|churns\b|cancell?(?:ed|ing|s) (?:their|the|its|our) "
    r"(?:contract|subscription|account|plan|deal)|not renewing|won'?t (?:be )?renew(?:ing)?"
    r"|will not renew"
    r"|(?:didn'?t|did not) renew(?! (?:the|my|our) (?:domain|lease|passport|visa|membership))"
    r"|chose not to renew|decided not to renew|non-?renewal"
    r"|downgrad(?:ed|ing|es)|terminat(?:ed|ing|es) (?:their|the|its) (?:contract|agreement)"
    r"|(?:nrr|ndr|retention) (?:dropped|fell|declined|slipped)"
    r"|churn (?:rate )?(?:has |have |is |was )?(?:\w+ )?(?:spiked|jumped"
    r"|rose|increased|climbed|doubled|went up|is up|was up)|pause[ds]? (?:their|the|its)"
    r" (?:rollout|contract|deployment))")
SUCCESS_DONE = rx(r"\b(?:renewed|renews|re-?signed|extended|expanded|expands|upgraded|added"
                  r"|published|is live|went live|is out|live\b|hit|reached|came in|landed|at\b"
                  r"|of\b|is\b|was\b|scored|earned|named|awarded|reported|saw|achieved|cut"
                  r"|saved|reduced|increased|grew|record)")


HOW_USES = re.compile(r"\bhow (?:the )?(?P<who>[\w .&'-]{2,40}?) (?:uses|used|leverages|scaled"
                      r"|scales|cut|saved|built|builds|embraced|runs|migrated|reduced|improved"
                      r"|consolidates|streamlined|moved)\b")


# "Prisma uses Documenso for signing", "The Singaporean government has deployed Vespa": a named
# user of ours, as a vendor's blog or a case study tells it.
USES_US = re.compile(r"\b(?:uses|is using|is now using|are using|now uses|has deployed"
                     r"|have deployed"
                     r"|deployed|runs|is running|relies on|chose|picked|switched to|migrated to"
                     r"|moved to|standardi[sz](?:ed|es) on|built (?:\w+ ){0,3}on|rolled out"
                     r"|adopted|implemented|(?:after|since|by) (?:rolling out|adopting|deploying"
                     r"|implementing|switching to|moving to)) (?:the )?$")


def _uses_us(clause: str, ctx: Context) -> Found | None:
    if ctx.company is None:
        return None
    for ours in ctx.company.finditer(clause):
        verb = USES_US.search(clause[max(0, ours.start() - 40):ours.start()].lower())
        if verb is None or re.search(r"\b(?:that|which|who)\s+\S+\s+$", clause[:ours.start()]):
            continue  # "the firm that runs Fitard" describes, it does not report
        at = max(0, ours.start() - 40) + verb.start()
        user = name_before(clause, at, within=50)
        if user and not ctx.company.search(user) and not INVESTOR.search(user.lower()):
            return Found(T.CUSTOMER_SUCCESS, {"customer": key(user), "story": "customer story"},
                         f"Customer story: {user}", at, relational=True, stakeholders=(user,))
    return None


def _churn(clause: str, low: str, ctx: Context) -> Found | None:
    churn = CHURN.search(low)
    if churn and re.search(r"\b(?:his|her|my) (?:contract|employment)|\b(?:churned|switched|moved)"
                           r" (?:over )?to us\b", low):
        churn = None  # "their biggest customer churned to us" is our win, not our churn
    if churn:
        who = name_before(clause, churn.start(), within=50) or name_after(clause, churn.end())
        if who and ctx.company and ctx.company.search(who):
            who = None
        return Found(T.CUSTOMER_SUCCESS, {"customer": key(who)} if who else {"churn": "customer"},
                     f"{who} churned" if who and "churn" in churn.group()
                     else said(clause, churn.start() if who is None else 0), churn.start(),
                     negative=True,
                     relational=True,
                     # "they won't renew" is the churn itself, said before it takes effect
                     allow=frozenset({"plan"}) if re.match(r"won|will not|not renew|decided"
                                                           r"|chose", churn.group())
                     else frozenset(),
                     stakeholders=(who,) if who else ())
    return None


# The customers counted before a renewal: "2 of 10 pre-sale customers", "all 12 beta accounts".
_COUNTED = re.compile(r"\b(?:all|\d[\d,]*)(?: (?:of|out of) (?:our )?\d[\d,]*)? (?:[\w-]+ ){0,3}?"
                      r"(?:customers|clients|accounts|logos|users|teams|schools|hospitals)"
                      r"(?: have)?\s*$", re.IGNORECASE)


def customer_success(clause: str, low: str, ctx: Context) -> Found | None:
    story = _uses_us(clause, ctx)
    if story is not None:
        return story
    how = HOW_USES.search(low)
    if how and ctx.company is not None and ctx.company.search(clause[how.end():]):
        user = clause[how.start("who"):how.end("who")]
        return Found(T.CUSTOMER_SUCCESS, {"customer": key(user), "story": "case study"},
                     f"Case study: {user}", how.start(), relational=True, stakeholders=(user,))
    churn = _churn(clause, low, ctx)
    if churn is not None:
        return churn
    m = RENEWAL.search(low)
    if not m or not SUCCESS_DONE.search(low) or NOT_SUCCESS.search(low):
        return None
    if re.search(r"\b(?:renew\w*\b[^.]{0,40}\b(?:is due|due on|due in|coming up)|our [\w ]{1,30}"
                 r"(?:licen[cs]es?|subscription|plan|contract)|lease|landlord|at renewal|walk at"
                 r"|renewal (?:call|date|conversation|discussion|is due|coming up|notice)"
                 r"|renewal (?:is )?in \d+ (?:days|weeks|months)"
                 r"|up for renewal|auto-?renew|renew (?:my|your|the) (?:passport|license|domain"
                 r"|cert\w*|subscription))", low):
        return None
    who = name_before(clause, m.start(), within=50) or name_after(clause, m.end(), within=40)
    if who and ctx.company and ctx.company.search(who):
        who = None
    metrics: dict[str, str | int | float] = {}
    if who:
        metrics["customer"] = key(who)
    word = m.group().lower()
    figure = re.search(r"(\d+(?:\.\d+)?)\s?%?", clause[m.start():m.start() + 60])
    for name in ("nps", "csat", "nrr", "ndr", "net revenue retention", "net dollar retention"):
        if word.startswith(name) and figure:
            metrics[name.replace(" ", "_")] = float(figure.group(1))
    if not metrics:
        metrics["story"] = key(m.group())
    what = "renewed" if "renew" in word or "signed" in word else word.split()[0]
    counted = _COUNTED.search(clause, 0, m.start())  # "2 of 10 pre-sale customers renewed"
    title = f"{who}: {what}" if who and what == "renewed" else said(
        clause, counted.start() if counted else m.start())
    return Found(T.CUSTOMER_SUCCESS, metrics, title, m.start(), relational=True,
                 stakeholders=(who,) if who else ())


ACQUIRE = rx(r"\b(?:acquired|acquires|acquiring|acquisition of|to acquire|bought|buys|to buy"
             r"|merger with"
             r"|merged with|acqui-?hire|bought out|buyout of|takeover of)\b")
ACQUIRE_DONE = rx(r"\b(?:we(?:'ve| have)? (?:acquired|bought)|has acquired|have acquired"
                  r"|completed (?:the|its|our) (?:acquisition|merger)|closed (?:the|its|our)"
                  r" (?:acquisition|merger)|announc(?:ed|es) (?:the|its|our)? ?(?:acquisition"
                  r"|merger)|acquisition of [\w ]+ (?:is )?(?:complete|closed|done)"
                  r"|(?:agreed|agrees|signed a definitive agreement) to (?:acquire|merge)|acquires"
                  r"|(?:were|was|been|being|got) acquired by|acquired us|merged with"
                  r"|(?:will be|is) acquiring|with (?:the |its )?acquisition of|bought out"
                  r"|acquired by|completes? (?:the )?(?:buyout|takeover)"
                  r"|to (?:buy|acquire) [^.;]{2,60}? for (?:about |around |nearly |up to )?"
                  r"[$£€\d])")


# Corporate actions a board announces (`other`): selling a unit, changing the dividend.
DIVEST = rx(r"\b(?:sells|sold|to sell|agreed to sell|agrees to sell|complete[sd]? (?:the )?sale of"
            r"|announces (?:the )?sale of|divests?|divested) (?:its |a |the "
            r"|our )?(?:[\w&.'-]+ ){0,5}?"
            r"(?:stake|unit|business|division|subsidiary|assets?|operations?|brand|hotel|portfolio"
            r"|rights|network|arm|plants?|stores?)\b")
DIVIDEND = rx(r"\b(?:(?P<up>rais\w+|increas\w+|hik\w+|boost\w*|ups) (?:its |the |our )?(?:\w+ )?"
              r"dividend|(?P<special>special dividend)|(?P<down>cut\w*|slash\w*|suspend\w*|scrap\w*"
              r"|halv\w*) (?:its |the |our )?(?:\w+ )?dividend|dividend (?:cut|suspension))\b")


def _corporate_action(clause: str, low: str) -> Found | None:
    div = DIVIDEND.search(low)
    if div:
        down = div["down"] is not None or "cut" in div.group() or "suspension" in div.group()
        return Found(T.OTHER, {"subtype": "dividend", "change": "down" if down else "up"},
                     f"Dividend: {said(clause, div.start())}", div.start(), subtype="dividend",
                     negative=down)
    sale = DIVEST.search(low)
    if sale:
        return Found(T.OTHER, {"subtype": "divestiture", "what": key(sale.group())[:60]},
                     f"Sale: {said(clause, sale.start())}", sale.start(), subtype="divestiture")
    return None


AGREED_TO = re.compile(r"\s+(?:has |have |had )?(?:agreed|agrees|signed a definitive agreement)"
                       r" to$")  # "Acme has agreed to be acquired by Stripe": Acme is bought
CODE_MERGE = re.compile(r"\s+(?:the |our |their )?(?:latest |upstream |recent )?(?:main|master"
                        r"|upstream|develop|trunk|changes|branch|pr\b|pull request|fork|commits?)")
WE_WERE_ACQUIRED = re.compile(r"\bwe(?:'ve|’ve| have| had)? (?:just )?(?:been|got) acquired\b")
# What was bought, told by kind rather than name: "a small AI startup", "a competitor".
ACQUIRED_WHAT = re.compile(
    r"\s+(?P<what>(?:a|an|the|our|its|one of our) (?:[\w-]+ ){0,3}?(?i:company|startup|firm"
    r"|business|competitor|rival|agency|studio|maker|provider|developer|vendor|subsidiary"
    r"|platform|team))\b(?! of\b)")
# Anything else bought without a name is no company: customers, users, equipment, land, shares.
ACQUIRED_NO_COMPANY = re.compile(r"\s+(?!by\b|out\b)(?:(?:a|an|the|our|its|their|some|more|new"
                                 r"|\d[\d,.]*[km]?|[\w-]+ly)\s+)*[a-z][\w-]*")


def acquisition(clause: str, low: str, ctx: Context) -> Found | None:
    action = _corporate_action(clause, low)
    if action is not None:
        return action
    m = ACQUIRE.search(low)
    we = WE_WERE_ACQUIRED.search(low)
    if m and we and not re.search(r"\bacquired by\b", low):
        # "We've been acquired!": our news, the buyer unnamed
        return Found(T.OTHER, {"subtype": "acquisition", "target": "us"}, "Acquired",
                     we.start(), subtype="acquisition", relational=True)
    if not m or not ACQUIRE_DONE.search(low) or CODE_MERGE.match(low, m.end()):
        return None  # "merged with main": a branch, not a company
    what = ACQUIRED_WHAT.match(clause, m.end())
    if what is None and ACQUIRED_NO_COMPANY.match(clause, m.end()) \
            and not name_after(clause, m.end(), within=30):
        return None  # "we acquired 50 new customers", "acquire new equipment": no company bought
    target = name_after(clause, m.end(), within=30) if what is None else None
    if target and ctx.company and ctx.company.search(target):
        target = name_before(clause, m.start())
    if what is not None:
        target = what.group("what")  # "a small AI startup", not "AI"
    if target is None and m.group() in ("bought", "buys", "to buy") \
            and not (ctx.company and ctx.company.search(clause)):
        return None  # "we bought new laptops": a purchase, not a company bought
    if target and m.group() in ("bought", "buys", "to buy") and product_after(
            clause, clause.find(target, m.end()) + len(target)):
        return None  # "we bought Figma seats": a product bought
    name = target or "a company"
    # "we've been acquired by Stripe": the buyer is named after "by", the news is ours
    acquired = re.search(r"\b(?:were|was|been|being|be|got|is|are) acquired by\b", low)
    head = AGREED_TO.sub("", clause[:acquired.start()].rstrip()) if acquired else ""
    ours = acquired is not None and bool(
        re.search(r"\b(?:we|we've|we have|we had|we're|we are)(?: just)?(?: been)?$", head.lower())
        or (ctx.company and any(o.end() >= len(head) - 12 for o in ctx.company.finditer(head))))
    if ours and target:
        # the buyer is named, the company is the one bought: welcomes.py's identity and title
        return Found(T.OTHER, {"subtype": "acquisition", "target": "us", "acquirer": key(name)},
                     f"Acquired by {name}", m.start(), subtype="acquisition",
                     stakeholders=(name,), relational=True)
    return Found(T.OTHER, {"subtype": "acquisition", "target": key(name)},
                 f"Acquisition: {name}", m.start(), subtype="acquisition",
                 stakeholders=(name,) if target else (), relational=ours)
