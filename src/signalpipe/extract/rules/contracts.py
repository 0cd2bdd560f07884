"""Deals and partnerships in the words sales teams, founders and press desks use for them.

deals.py reads the classic telling ("signed Globex, $120k ACV"). This module reads the phrasing
families it misses, each seen across chat, founder updates, CRM notes and headlines:

- paper arriving from a buyer: "PO came through from Globex", "Globex's PO landed",
  "purchase order received from Umbrella Corp" (not "waiting for the PO", not a PO with no buyer
  named: "the PO for the new laptops came through" is us buying);
- the buyer choosing us by name: "Massive Dynamic picks Acme for ...", "Hooli standardizes on
  Acme", "Globex has chosen Acme", "Deutsche Bahn awards Acme EUR 40M contract" (not "Initech
  selects Oracle", not a prize awarded);
- a deal told with its counterparty after the deal words: "we closed our largest deal to date
  with Stark Industries", "Acme bags $12M order from Indian Railways", "Acme awarded five-year
  contract by NHS Scotland", "Acme today announced a 3-year enterprise agreement with X" (not "a
  voluntary agreement with the Administration", not two other parties);
- a pilot or trial turned paying: "Globex is now a paying customer", "the Globex pilot converted
  to a $60k annual contract", "Globex is officially an Acme customer";
- deals told as a count, up to ten: "we now have 2 clients signed", "won two new clients",
  "sold 3 enterprise plans" ("signed 30 customers" counts growth, not deals);
- a bare "signed" with the value or a plainly corporate signer: "Cyberdyne Bank signed! $780k
  per year" (not "Jane signed!", an offer; not a salary, an NDA or a lease);
- the lowlight, a deal lost: "the Globex deal fell through", "Initech picked Competitor Co instead
  of us", "Hooli chose to build it in-house", "Initech signed with our competitor", "Acme loses a
  third of its Morrisons contract" (negation words are the event here, so the negation veto is
  waived; "if Globex goes with a competitor" is a fear, not a loss);
- integrations gone live with a named platform: "our Snowflake integration is live", "we just
  launched our HubSpot integration", "Acme now integrates with Slack" (not "integration tests",
  not an integration planned, broken or down);
- a marketplace or partner tier reached: "we're now on the Salesforce AppExchange", "live in the
  Atlassian Marketplace", "we're in the segment partner directory", "Acme achieves AWS Advanced
  Tier Partner status" (not "would be great to get listed", not an application submitted);
- the company teaming up in headline words: "Acme and Siemens team up on ...", "Acme collaborates
  with NVIDIA to ...", "Acme and Siemens sign MoU", "Globex and Acme join forces", "Acme enters
  partnership with VBA", "Acme renews Wimbledon technology partnership", "the IBM partnership is
  live" (not "Stripe announced a partnership with OpenAI", not a partnership to explore).

``veto`` drops a deal between two other parties ("Globex signs $2B contract with the Pentagon"),
the winner's signing told beside our loss ("we lost Horizon; they signed with Opsly") and a
hire's paperwork ("got the signed contract back from Jane, she starts Monday").
Pitches, proposals, redlines, committees and plans never reach these patterns' verbs, and the
reader's modality vetoes drop "once", "if", "will" and "hopefully" around them.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found, cased
from signalpipe.extract.rules.modality import plan_or_hope
from signalpipe.extract.rules.names import key, name_after, name_before
from signalpipe.extract.rules.numbers import currency_money, short_money
from signalpipe.extract.rules.subject import FIRST_PERSON, is_ours
from signalpipe.models import EventType

T = EventType

# -- deals ----------------------------------------------------------------------------------

_PAPER = re.compile(r"\b(?:po|purchase order|signed (?:order form|contract|msa)|order form)\b")
_PAPER_IN = re.compile(r"\b(?:came (?:through|in|back)|has come (?:through|in)|arrived|landed"
                       r"|is in|just came in|received|cleared)\b")
# "the PO for the new laptops": a PO for something we buy names no buyer of ours
_PAPER_FOR_US = re.compile(r"\b(?:po|purchase order) (?:for|to) (?:the |our |a |new )")
_CHOICE = re.compile(r"\s(?:chooses|chose|has chosen|have chosen|picks|picked|selects|selected"
                     r"|has selected|taps|tapped|awards|awarded"
                     r"|standardi[sz]es on|standardi[sz]ed on|deploys|deployed|rolls out"
                     r"|rolled out|adopts|adopted)\s+")
# a counterparty's name as written right after "with", "from" or "by", abbreviations kept whole
# ("the U.S. Air Force", "Ministry of Defence", "Transport for London")
_PARTY = re.compile(r"[A-Z][\w&'\u2019.-]*(?:\s(?:of\s|for\s|&\s|de\s)?[A-Z][\w&'\u2019.-]*){0,5}")
_AWARD_OBJECT = re.compile(r"\b(?:contract|deal|order|tender)s?\b")
_DEAL_WITH = re.compile(
    r"\b(?:closed|signed|signs|inked|inks|landed|lands|won|wins|booked|struck|clinche[sd]"
    r"|secured|secures|bag(?:s|ged)|receive[sd]|nets|netted)\s+(?:(?:our|a|an|the|its"
    r"|their)\s+)?"
    r"(?:[\w$.,'-]+\s){0,5}?(?:deal|contract|agreement|order)s?(?:\s(?:to date|ever|yet|so far))?"
    r"\s(?:with|from)\s+(?:the\s)?")
# "Cyberdyne Bank signed! $780k per year", "Globex signed, $90k ARR": a bare "signed" is a deal
# when the clause gives its value or the signer is plainly a company ("Jane signed!" may be an
# offer letter)
_BARE_SIGNED = re.compile(
    r"^\W*(?:the\s)?(?P<who>[A-Z][\w&.'-]*(?:\s[A-Z][\w&.'-]*){0,3})\s(?:has\s|have\s|just\s"
    r"|finally\s|officially\s|is\s)*(?:signed|countersigned)\b(?!\s(?:up|on|off|in|with|the|a"
    r"|an|our|their|his|her|it|for|to)\b)")
_COMPANY_WORD = re.compile(r"\s(?:Bank|Capital|Corp|Corporation|Inc|Labs|Health|Healthcare"
                           r"|Manufacturing|Logistics|Media|Telecom|Holdings|Group|Systems"
                           r"|Industries|Technologies|Insurance|Energy|Motors|Foods|Airlines"
                           r"|Pharma|Retail|Software|Solutions|Networks|Financial|GmbH|Ltd|LLC"
                           r"|plc|AG|SA)\b")
# announced or entered: a sale only when the words say so ("a 3-year enterprise agreement"), not
# "a voluntary agreement with the Administration"
_ANNOUNCED_WITH = re.compile(
    r"\b(?:announced|announces|entered into|enters into)\s+(?:a|an|the|its)\s+(?:[\w$.,'-]+\s)"
    r"{0,3}?(?:(?:enterprise|commercial|supply|licen[cs]e|licensing|purchase|services"
    r"|multi-year|\w+-year)\s(?:agreement|contract|deal)|contract|deal)s?\swith\s+(?:the\s)?")
_AWARDED_BY = re.compile(r"\bawarded\s(?:a\s|an\s|the\s)?(?:[\w$.,'-]+\s){0,4}?"
                         r"(?:contract|deal|tender)\sby\s+(?:the\s)?")
_PAYING = re.compile(r"\s(?:is now|became|becomes|is officially|has become|are now)\s"
                     r"(?:officially\s)?(?:a\s|an\s|our\s)?(?:(?:paying|paid)\s|(?P<ours>[\w.&'-]+)\s)"
                     r"(?:customer|client)\b")
_CONVERTED = re.compile(r"\bconverted\s(?:from\s(?:a\s|the\s)?(?:pilot|trial|poc)\s)?to\s"
                        r"(?:a\s|an\s)?(?:[\w$.,'-]+\s){0,3}?(?:paid|paying|annual|contract"
                        r"|enterprise)")
_PILOT_OF = re.compile(r"\b(?:pilot|trial|poc)\s(?:with|at)\s")
_LOST = re.compile(
    r"\b(?:deal|contract|renewal|opportunity)\s(?:fell through|fell apart|collapsed|is dead)"
    r"|\s(?:picked|chose|went with|signed with|decided to go with|selected|is going with)\s"
    r"(?:[\w&.'-]+\s){0,3}?(?:instead|over us|rather than us)"
    r"|\s(?:signed|went|is going|decided to go)\swith\s(?:a\s|our\s|another\s|one of our\s)?"
    r"(?:competitor|rival)"
    r"|\s(?:decided|chose|opted)\sto\sbuild\s(?:it\s|this\s|their own\s)?in[- ]house")
# "Dairy Crest loses a third of Morrisons milk contract", "Acme loses NHS contract to rival": the
# seller is the subject, the buyer named inside
_LOSES = re.compile(r"\b(?:loses|lost)\s(?:(?:a|one)\s(?:third|quarter|half|part|share)\sof\s"
                    r"|half\sof\s|part\sof\s)?(?:the\s|its\s|our\s|a\s)?(?P<what>(?:[\w&'.-]+\s)"
                    r"{0,4}?)(?:contract|deal|account|tender|bid)s?\b")
# up to ten: "signed 30 customers" counts customers (growth), not deals an investor reads one
# by one
_COUNT = (r"(?P<n>[1-9]|10|one|two|three|four|five|six|seven|eight|nine|ten|a couple of"
          r"|a few)")
_KIND = r"(?:new\s)?(?:enterprise\s|paying\s|b2b\s)?(?P<what>clients|customers|logos)"
# "we now have 2 clients signed", "signed our first three paying customers", "won two new
# clients in April", "sold 3 enterprise plans": several deals told as one count
_SIGNED_COUNT = tuple(re.compile(p) for p in (
    rf"\b(?:now\s)?have\s{_COUNT}\s{_KIND}\s(?:signed|on board|onboarded|closed)\b",
    rf"\b(?:signed|won|landed|closed)\s(?:our\s)?(?:first\s)?{_COUNT}\s{_KIND}\b",
    r"\b(?:signed|won|landed)\s(?P<n>a)\snew\s(?:enterprise\s|paying\s)?(?P<what>client"
    r"|customer|logo)\b",
    rf"\bsold\s(?:our\s)?(?:first\s)?{_COUNT}\s(?:new\s)?(?P<what>enterprise\s(?:plans"
    rf"|licen[cs]es|subscriptions|deals))\b"))
# paper and signatures that are no sale: a hire's offer or contract, a salary, an NDA, a lease
_NOT_SALE = re.compile(r"\b(?:offer|offer letter|employment|salary|base|equity|nda|lease|landlord"
                       r"|candidate|new hire|starts|starting|joins|joining)\b")
_TERMS_MONEY_FLOOR = 1_000
_LOST_WORDS = ("fell", "collapsed", "dead", "instead", "over us", "rather than", "competitor",
               "rival", "house", "lose", "lost")
_DEAL_WORDS = ("po", "purchase order", "order form", "contract", "deal", "agreement",
               "paying", "paid", "converted", "chose", "choos", "picks", "picked", "selects",
               "selected", "taps", "tapped", "standardi", "deploy", "rolls out", "rolled out",
               "adopt", "tender", "signed", "order", "client", "customer", "logo", "enterprise")
_NOT_CUSTOMER = frozenset({"po", "msa", "arr", "acv", "sow", "the", "purchase order"})


def deal(clause: str, low: str, ctx: Context) -> Found | None:
    """A deal won or lost, told in one of the families above, or None."""
    if any(w in low for w in _LOST_WORDS):
        found = _lost(clause, low, ctx)
        if found is not None:
            return found
    if not any(w in low for w in _DEAL_WORDS):
        return None
    for reader in (_paper, _chosen, _with_party, _converted, _counted, _bare_signed):
        found = reader(clause, low, ctx)
        if found is not None:
            return found
    return None


def _customer(name: str | None, ctx: Context) -> str | None:
    if not name or name.lower() in _NOT_CUSTOMER or len(name) < 2:
        return None
    if ctx.company is not None and ctx.company.search(name):
        return None
    return name


def _won(clause: str, who: str, at: int) -> Found:
    metrics: dict[str, str | int | float] = {"customer": key(who)}
    value = max((f.value for f in currency_money(clause)), default=0.0)
    if value >= _TERMS_MONEY_FLOOR:
        metrics["value_usd"] = round(value)
    title = f"Signed {who}" + (f" ({short_money(value)})" if "value_usd" in metrics else "")
    return Found(T.ENTERPRISE_DEAL, metrics, title, at, relational=True, stakeholders=(who,))


def _paper(clause: str, low: str, ctx: Context) -> Found | None:
    """"PO came through from Globex", "Globex's PO landed", "purchase order received from X"."""
    paper = _PAPER.search(low)
    arrived = _PAPER_IN.search(low, paper.end()) if paper else None
    if paper is None or arrived is None or _PAPER_FOR_US.search(low) \
            or _NOT_SALE.search(ctx.sentence.lower() or low):
        return None
    if FIRST_PERSON.search(clause[:paper.start()]) and " from " not in low:
        return None  # "we signed the order form": our own paperwork, no buyer named
    at = low.find(" from ", paper.end())
    who = name_after(clause, at + 6, within=6) if at >= 0 else None
    who = _customer(who or name_before(clause, paper.start(), within=30), ctx)
    return _won(clause, who, arrived.start()) if who else None


def _chosen(clause: str, low: str, ctx: Context) -> Found | None:
    """"Massive Dynamic picks Acme for ...": the buyer's verb with us as its object."""
    if ctx.company is None:
        return None
    m = _CHOICE.search(low)
    if m is None or not ctx.company.match(clause, m.end()):
        return None
    if FIRST_PERSON.search(clause[:m.start()]):
        return None  # "we picked Acme's old name": we are the one choosing
    if low.startswith(" award", m.start()) and not _AWARD_OBJECT.search(low, m.end()):
        return None  # "Globex awards Acme its supplier prize": a prize, not a contract
    who = _customer(name_before(clause, m.start() + 1, within=50), ctx)
    return _won(clause, who, m.start() + 1) if who else None


def _with_party(clause: str, low: str, ctx: Context) -> Found | None:
    """"We closed our largest deal to date with Stark Industries", "awarded ... by NHS"."""
    m = _DEAL_WITH.search(low) or _ANNOUNCED_WITH.search(low) or _AWARDED_BY.search(low)
    if m is None:
        return None
    head = clause[:m.start()]
    if not (FIRST_PERSON.search(head) or (ctx.company and ctx.company.search(head))):
        return None  # "Globex signed a deal with Microsoft": two other parties
    party = _PARTY.match(clause, m.end())
    who = _customer(party.group().rstrip(".,;:") if party else None, ctx)
    return _won(clause, who, m.start()) if who else None


def _converted(clause: str, low: str, ctx: Context) -> Found | None:
    """"Globex is now a paying customer", "the Globex pilot converted to a $60k contract"."""
    m = _PAYING.search(low)
    if m is not None and m.group("ours") and not (
            ctx.company is not None and ctx.company.match(clause, m.start("ours"))):
        m = None  # "Globex is now a Stripe customer": someone else's
    if m is not None:
        who = _customer(name_before(clause, m.start() + 1, within=40), ctx)
        return _won(clause, who, m.start() + 1) if who else None
    m = _CONVERTED.search(low)
    if m is None:
        return None
    pilot = _PILOT_OF.search(low, 0, m.start())
    who = name_after(clause, pilot.end(), within=2) if pilot else None
    who = _customer(who or name_before(clause, m.start(), within=40), ctx)
    return _won(clause, who, m.start()) if who else None


def _bare_signed(clause: str, low: str, ctx: Context) -> Found | None:
    """"Cyberdyne Bank signed! $780k per year": the signer named, nothing else signed."""
    m = _BARE_SIGNED.match(clause)
    if m is None or _NOT_SALE.search(ctx.sentence.lower() or low):
        return None
    who = _customer(m.group("who"), ctx)
    if who is None or not (currency_money(clause) or _COMPANY_WORD.search(f" {who}")):
        return None
    return _won(clause, who, m.start("who") + len(m.group("who")) + 1)


def _counted(clause: str, low: str, ctx: Context) -> Found | None:
    """"We now have 2 clients signed", "won two new clients": a count of deals signed."""
    m = next((m for m in (p.search(low) for p in _SIGNED_COUNT) if m is not None), None)
    if m is None or (m.start() > 0 and not is_ours(clause[:m.start() + 1], ctx.company)):
        return None  # "Globex signed 40 new customers": the count is theirs
    if plan_or_hope(clause[:m.end()]):
        return None  # "we should have 3 clients signed by March"
    what, count = m.group("what"), m.group("n")
    if count in {"one", "1", "a"}:
        what = what.removesuffix("s")
    title = f"Sold {count} {what}" if low.startswith("sold", m.start()) \
        else f"Signed {count} new {what}"
    # the plan veto is checked above, up to the count: "... and more coming on board soon"
    # hopes for more deals, it does not undo the ones signed
    return Found(T.ENTERPRISE_DEAL, {"deals_signed": f"{count} {what}"}, title, m.start(),
                 relational=True, allow=frozenset({"plan"}))


def _lost(clause: str, low: str, ctx: Context) -> Found | None:
    """"The Globex deal fell through", "Initech picked Competitor Co instead of us"."""
    m = _LOST.search(low)
    if m is None:
        return _loses(clause, low, ctx)
    head = clause[:m.start() + 1]
    if re.search(r"\b(?:if|unless|in case|whether)\b", head.lower()):
        return None  # "if Globex goes with a competitor": a fear, not a loss
    who = _customer(name_before(clause, m.start() + 1, within=40), ctx)
    if who is None or FIRST_PERSON.fullmatch(who):
        return None
    return Found(T.ENTERPRISE_DEAL, {"customer": key(who)}, f"Lost {who}", m.start() + 1,
                 negative=True, relational=True, allow=frozenset({"negation"}),
                 stakeholders=(who,))


def _loses(clause: str, low: str, ctx: Context) -> Found | None:
    """"Dairy Crest loses a third of Morrisons milk contract": ours, when the subject is us."""
    m = _LOSES.search(low)
    if m is None or (not is_ours(clause[:m.start()], ctx.company) and m.start() > 0):
        return None
    who = _customer(name_after(clause, m.start("what"), within=2), ctx)
    if who is None or FIRST_PERSON.fullmatch(who):
        return None
    return Found(T.ENTERPRISE_DEAL, {"customer": key(who)}, f"Lost {who}", m.start(),
                 negative=True, relational=True, allow=frozenset({"negation"}),
                 stakeholders=(who,))


# -- partnerships ---------------------------------------------------------------------------

_INTEGRATION_LIVE = re.compile(
    r"\bintegration\s(?:is\s|has\s|went\s|goes\s)?(?:now\s|officially\s|finally\s)?"
    r"(?:gone\s)?(?:live|available|launched|shipped|out)\b")
_LAUNCHED_INTEGRATION = re.compile(
    r"\b(?:launched|shipped|released|introduc(?:ed|ing)|(?:to|we) introduce|announc(?:ed|ing)"
    r"|(?:to|we) announce|rolled out|unveil(?:ed|s)|just added)\s(?:our\s|a\s|an\s|the\s)?"
    r"(?:brand-new\s|new\s)?(?:native\s)?(?:two-way\s|2-way\s|official\s)?\W{0,2}"
    r"(?=[\w.&'-]+(?:\s[\w.&'-]+){0,2}\sintegration\b)")
# "now": "X integrates with GitHub and lets us ..." describes a product, it announces nothing
_INTEGRATION_WITH = re.compile(
    r"\b(?:launch(?:es|ed)|introduc(?:es|ed)|unveil(?:s|ed)|announc(?:es|ed)|releas(?:es|ed)"
    r"|ship(?:s|ped)|roll(?:s|ed) out)\s(?:a\s|an\s|its\s|our\s|the\s)?(?:new\s)?(?:native\s"
    r"|deep\s|two-way\s|official\s)?integration\swith\s")
_INTEGRATES = re.compile(r"\snow\sintegrates\s(?:natively\s)?with\s")
# a private beta or preview is a step towards a partnership gone live, not the event
_NOT_LIVE = re.compile(r"\b(?:private beta|alpha|preview|waitlist|early access)\b")
_WITH_PARTY = re.compile(r"\sintegration\swith\s")
_FOR_PARTY = re.compile(r"\sintegration\s(?:for|in|into)\s")
# a platform's storefront for other companies' apps, by the names platforms give it
_STOREFRONT = (r"(?:appexchange|marketplace|app store|app marketplace|app directory"
               r"|partner network|partner directory|app orchard|app gallery|app center"
               r"|appsource)\b")
_LISTING = re.compile(
    r"\b(?:now\s(?:live\s|available\s|listed\s)?(?:on|in)|live\s(?:on|in)|launched\s(?:on|in)"
    r"|joined|we're\sin|we\sare\sin|we're\snow\sin)\s(?:the\s)?"
    r"(?=[\w.&'-]+(?:\s[\w.&'-]+){0,2}\s" + _STOREFRONT + ")")
_PLACE = re.compile(r"[\w.&'-]+(?:\s[\w.&'-]+){0,2}?\s" + _STOREFRONT)
_TIER = re.compile(
    r"\b(?:achiev|earn|reach|attain|gain|receiv|award|promot)\w*\s(?:to\s)?(?:the\s|a\s|an\s)?"
    r"(?=[\w.&'-]+(?:\s[\w.&'-]+){0,4}?\s(?:partner status|tier partner|partner tier"
    r"|partner designation|competency|premier partner|platinum partner|gold partner"
    r"|partner)\b)")
_TIER_END = re.compile(r"\b(?:partner status|partner tier|partner designation|competency"
                       r"|partner)\b")
_RENEWS = re.compile(r"\b(?:renews|renewed|extends|extended|expands|expanded)\s(?:its\s|our\s"
                     r"|the\s)?(?=(?:[\w.&'-]+\s){1,3}(?:technology\s|strategic\s|global\s)?"
                     r"(?:partnership|sponsorship|alliance)\b)")
_NAMED_LIVE = re.compile(r"\spartnership(?:\sis|:|\shas\sbeen|\sjust|\sgot)?\s(?:now\s)?"
                         r"(?:officially\s)?(?:live|official|signed|done|inked|announced)\b")
_TEAM_UP = re.compile(r"\s(?:team up|teamed up|join forces|joined forces|sign (?:an? )?(?:mou"
                      r"|memorandum of understanding"
                      r"|strategic (?:agreement|partnership)))\b")
_COLLABORATES = re.compile(r"\s(?:collaborates|partners|(?:enters|entered) (?:into )?(?:a )?"
                           r"(?:strategic )?partnership) with\s")
_NOT_INTEGRATION = re.compile(r"\b(?:integration tests?|ci|api|sso|saml|webhook|custom|new"
                              r"|native|deep|the|our|an?|this|that)\b")
_PARTNER_WORDS = ("integrat", "appexchange", "marketplace", "app store", "app directory",
                  "orchard", "gallery", "app center", "appsource", "renew", "extend", "expand",
                  "forces",
                  "partner", "competency", "team", "mou", "memorandum", "collaborat")


def partnership(clause: str, low: str, ctx: Context) -> Found | None:
    """A partnership or listing gone live, told in one of the families above, or None."""
    if not any(w in low for w in _PARTNER_WORDS):
        return None
    for reader in (_integration, _listing, _tier, _teamed, _named_live, _renewed):
        found = reader(clause, low, ctx)
        if found is not None:
            return found
    return None


def _partner(name: str | None, ctx: Context) -> str | None:
    if not name or _NOT_INTEGRATION.fullmatch(name.lower()):
        return None
    if ctx.company is not None and ctx.company.fullmatch(name):
        return None
    return name


def _partnered(who: str, title: str, at: int) -> Found:
    who = re.sub(r"\s+[Ii]ntegrations?$", "", who)  # "our **Vercel Integration**"
    title = title.replace(" Integration integration", " integration")
    return Found(T.PARTNERSHIP, {"partner": key(who)}, title, at, stakeholders=(who,))


def _integration(clause: str, low: str, ctx: Context) -> Found | None:
    """"Our Snowflake integration is live", "launched our HubSpot integration"."""
    if "integrat" not in low or "integration test" in low or _NOT_LIVE.search(low):
        return None
    m = _INTEGRATION_LIVE.search(low)
    if m is not None:
        who = _partner(name_before(clause, m.start(), within=40), ctx)
        if who and clause[:m.start()].rstrip().endswith(who.split()[-1]):
            # the trigger at the partner's name: "the Zapier integration" names no subject
            at = clause.rfind(who, 0, m.start())
            return _partnered(who, f"{who} integration live", max(at, 0))
        return None
    m = _LAUNCHED_INTEGRATION.search(low) or _INTEGRATION_WITH.search(low) \
        or _INTEGRATES.search(low)
    if m is None:
        return None
    party = _WITH_PARTY.search(low, m.end())
    if party is None and ctx.company is not None and ctx.company.match(clause, m.end()):
        party = _FOR_PARTY.search(low, m.end())  # "announce Excalidraw integration for Webex"
    if party is not None:
        # "launched a SQLite integration with Turso": the partner is the one after "with"
        m = party
        if ctx.company is not None and ctx.company.match(clause, m.end()):
            return None  # a customer's integration with us is their launch, not a partnership
    if m.start() > 0 and not is_ours(clause[:m.start()], ctx.company):
        return None  # "Val Town launched ...": someone else's integration
    who = _partner(name_after(clause, m.end(), within=2), ctx)
    return _partnered(who, f"{who} integration live", m.start()) if who else None


def _listing(clause: str, low: str, ctx: Context) -> Found | None:
    """"We're now on the Salesforce AppExchange", "live in the Atlassian Marketplace"."""
    m = _LISTING.search(low)
    if m is None:
        return None
    place = _PLACE.match(low, m.end())
    if place is None:
        return None
    # "we're in the segment partner directory": chat leaves the platform's name in lower case
    who = _partner(name_after(clause, m.end(), within=2) or cased(low[m.end():place.end()]
                                                                  .split(" ")[0]), ctx)
    if who is None:
        return None
    verb = "Joined" if low.startswith("joined", m.start()) else "Listed on"
    return _partnered(who, f"{verb} the {cased(clause[m.end():place.end()])}", m.start())


def _tier(clause: str, low: str, ctx: Context) -> Found | None:
    """"Acme achieves AWS Advanced Tier Partner status": a partner programme's tier reached."""
    m = _TIER.search(low)
    if m is None:
        return None
    end = _TIER_END.search(low, m.end())
    who = _partner(name_after(clause, m.end(), within=2), ctx)
    if who is None or end is None:
        return None
    reached = clause[m.end():end.end()].strip()
    title = f"Became {reached}" if low[end.start():end.end()] == "partner" \
        else f"Achieved {reached}"
    return _partnered(who, title, m.start())


def _renewed(clause: str, low: str, ctx: Context) -> Found | None:
    """"Acme renews Wimbledon technology partnership": a partnership kept, not a customer's
    renewal."""
    m = _RENEWS.search(low)
    if m is None or not (m.start() == 0 or is_ours(clause[:m.start()], ctx.company)):
        return None
    who = _partner(name_after(clause, m.end(), within=2), ctx)
    if who is None:
        return None
    return _partnered(who, f"Renewed partnership with {who}", m.start())


def _named_live(clause: str, low: str, ctx: Context) -> Found | None:
    """"The IBM partnership is live", "Capgemini partnership: signed"."""
    m = _NAMED_LIVE.search(low)
    if m is None:
        return None
    at = m.start()
    who = _partner(name_before(clause, at + 1, within=40), ctx)
    if who is None or not clause[:at].rstrip().endswith(who.split()[-1]):
        return None
    start = clause.rfind(who, 0, at)
    if start > 0 and not is_ours(clause[:start], ctx.company) \
            and re.search(r"\w", clause[:start].lower().removeprefix("the ").strip()):
        return None  # "Stripe's partnership with ..." and the like: not a name we partnered
    return _partnered(who, f"Partnership with {who}", max(start, 0))


def _teamed(clause: str, low: str, ctx: Context) -> Found | None:
    """"Acme and Siemens team up on ...", "Acme collaborates with NVIDIA to ..."."""
    if ctx.company is None:
        return None
    m = _TEAM_UP.search(low) or _COLLABORATES.search(low)
    if m is None:
        return None
    head = clause[:m.start()]
    ours = ctx.company.search(head)
    if ours is None:
        if _COLLABORATES.match(low, m.start()) and ctx.company.match(clause, m.end()) \
                and not FIRST_PERSON.search(head):
            # "Linux Foundation partners with Acme to ...": we are the one partnered with
            who = _partner(name_before(clause, m.start() + 1, within=50), ctx)
            return _partnered(who, f"Partnership with {who}", m.start() + 1) if who else None
        return None
    if low.startswith((" with ", "with "), m.end()):
        who = name_after(clause, low.index("with ", m.start()) + 5, within=2)
    elif low.startswith((" team", " sign", " join"), m.start()):
        who = name_after(head, ours.end(), within=6) or name_before(head, ours.start())
    else:
        who = name_after(clause, m.end(), within=2)
    who = _partner(who, ctx)
    return _partnered(who, f"Partnership with {who}", m.start() + 1) if who else None


# -- vetoes ---------------------------------------------------------------------------------

_OTHERS_DEAL = re.compile(
    r"^\W*(?:the\s)?(?P<a>[A-Z][\w&.'-]*(?:\s[A-Z][\w&.'-]*){0,3})\s(?:has\s|have\s|just\s)?"
    r"(?:signs?|signed|inks?|inked|lands?|landed|wins?|won|secures?|secured|strikes?|struck"
    r"|closes?|closed)\s(?:[\w$.,'-]+\s){0,6}?(?:deal|contract|agreement|order)s?\swith\s"
    r"(?:the\s)?(?P<b>[A-Z][\w&.'-]*)")


_LOST_BEFORE = re.compile(r"\b(?:we|we've|we have|we just)\slost\b|\bdeal (?:is )?gone\b"
                          r"|\blost (?:the|our|that) (?:deal|contract|account|one)\b")


# "got the signed contract back from Jane, she starts Monday": a person's contract is a hire's
_HIRE_PAPER = re.compile(r"\b(?:she|he)\s(?:starts|joins|is joining|will start|will join)\b"
                         r"|\boffer letter\b|\bemployment contract\b|\bsalary\b")


# "Our customer Globex secured a $50M contract with the Navy": the seller is someone we name as
# ours, the deal is theirs
_OUR_OTHERS = re.compile(r"^\W*(?i:our|one of our|an?)\s(?i:customers?|clients?|partners?"
                         r"|investors?|portfolio compan(?:y|ies))\s(?:,\s)?[A-Z]")
# "signed the contract with our new cleaning company", "closed the deal with our landlord": we buy
_WE_BUY = re.compile(r"\b(?:deal|contract|agreement|lease)s?\s(?:with|from)\s(?:our|my)\s")
# "received our first order from Germany": a shop's order, not a contract, unless it is priced
_SHOP_ORDER = re.compile(r"\border\s(?:from|via|through)\s")


def _bought_or_theirs(found: Found, clause: str) -> str | None:
    if _OUR_OTHERS.search(clause):
        return "third party (someone we name as ours)"
    if _WE_BUY.search(clause.lower()):
        return "we are the buyer"
    low = clause.lower()
    if _SHOP_ORDER.search(low) and "value_usd" not in found.metrics \
            and "purchase order" not in low and not currency_money(clause):
        return "a shop's order, not a contract"
    return None


def veto(found: Found, clause: str, sentence: str, company: re.Pattern[str] | None
         ) -> str | None:
    """Why a deal reading is someone else's deal ("Globex signs $2B contract with the
    Pentagon") or the winner's side of a deal we lost ("we lost Horizon; they signed with
    Opsly"), or None."""
    if found.event_type is not T.ENTERPRISE_DEAL or found.negative:
        return None
    bought = _bought_or_theirs(found, clause)
    if bought is not None:
        return bought
    hire = _HIRE_PAPER.search(sentence.lower())
    if hire is not None:
        return f"a hire's paperwork, not a sale ({hire.group()})"
    if "lost" in sentence or "gone" in sentence:
        lost = _LOST_BEFORE.search(sentence.lower())
        if lost is not None:
            return f"a deal lost to someone else ({lost.group()})"
    if " with " not in clause:
        return None
    m = _OTHERS_DEAL.match(clause)
    if m is None or FIRST_PERSON.search(clause):
        return None
    if company is not None and company.search(clause):
        return None
    return f"a deal between two others ({m.group('a')} and {m.group('b')})"
