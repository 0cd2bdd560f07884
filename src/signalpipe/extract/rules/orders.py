"""Orders and contracts won or lost, in the words of wire releases, financial news and chat,
where ``contracts.py``, ``deals.py`` and ``wire.py`` find no reading.

A signed deal or purchase order is an enterprise deal; a lost one is its lowlight (shared
LABELLING.md). Each family was written as hand-written variants in several registers before the
dev split was read (tests/unit/test_rules_orders.py):

- **a delivery contracted** (``delivery``): "Acme will deliver 20 wind turbines to Globex under
  an agreement signed on Monday", "Acme to deliver 300 buses to Helsinki Region Transport" (a
  headline's infinitive is news), "Acme Oyj will supply 40 cranes to the Port of Rotterdam
  under a EUR 12 mn contract". Look-alikes: a delivery of work ("we will deliver the report to
  Globex tomorrow": no count of goods, no contract), one on a condition ("if the financing
  closes", the hypothetical veto).
- **chosen as the supplier** (``chosen_supplier``): "Acme has been selected as the supplier of
  signalling systems for the Oslo metro", "Acme is the chosen vendor for Globex's payroll
  system", "we were picked as preferred vendor by Initech". Look-alikes: shortlisted (a step,
  the plan veto), us choosing a vendor ("we selected Globex as our supplier": active, not
  passive), another company chosen (the third-party veto).
- **an order pulled** (``order_pulled``, lowlight): "initech pulled their PO, the rollout is
  off", "the customer cancelled its order for the Q4 shipment", "Globex has withdrawn its
  purchase order". Look-alikes: our own order cancelled ("we cancelled the order for new
  laptops", "I cancelled my order on Amazon"), an order between two others ("Globex cancelled
  its order with Initech"), an instruction ("cancel the PO if they don't sign").
- **an order or a tender lost** (``order_lost``, lowlight): "Acme loses EUR 8 mn order as
  Globex cancels project", "Acme was not selected in the tender for the Oslo metro", a contract
  awarded to a competitor. Look-alikes: another company not
  selected (the third-party veto), a loss feared ("if we lose the tender", the hypothetical
  veto).

``veto`` drops any reader's deal that is a contract we gave ("We awarded the contract to Initech
for our office cleaning": our purchase).
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.lexicon import rx
from signalpipe.models import EventType

T = EventType

# "will deliver 20 wind turbines to Globex": a count of goods and a buyer named as a name
_DELIVER = re.compile(
    r"\b(?i:(?P<head>to |will |is to |has agreed to |agreed to |is set to )?(?:deliver|supply)"
    r"(?:s|ed|ing)?) (?P<n>\d[\d,]*|(?i:two|three|four|five|six|seven|eight|nine|ten"
    r"|twelve|twenty|dozens of|hundreds of)) (?:[\w-]+ ){0,3}?(?i:to|for) (?:the )?"
    r"(?P<buyer>[A-Z][\w&.'-]*(?: (?:of |de |for )?[A-Z][\w&.'-]*){0,4})")
# the contract told as news: new, signed, worth a sum ("under an agreement signed on Monday",
# "under a EUR 12 mn contract"); "under the existing agreement" is a trading desk's routine
_UNDER_CONTRACT = rx(
    r"\bunder (?:a|an|its|their) (?:[\w.,$\u20ac\u00a3-]+ ){0,4}?"
    r"(?:agreement|contract|deal|order)\b"
    r"|\b(?:agreement|contract|deal|order) (?:was |has been )?(?:signed|worth|valued at)\b"
    r"|\bworth (?:about |around |some )?(?:eur|usd|gbp|\$|\u20ac|\u00a3) ?\d")
# a commodity traded, not goods sold under a contract told as news
_TRADED = rx(r"\b(?:mw|mwh|gwh|mmbtu|dth|bbl|barrels|gj|therms?|tons? of (?:coal|gas))\b"
             r"|/d\b|per day|a day|next month|this month")


def delivery(clause: str, low: str, ctx: Context) -> Found | None:
    """Goods counted and a buyer named, delivered under a contract (or in a headline)."""
    m = _DELIVER.search(clause)
    if m is None:
        return None
    headline = (m["head"] or "").lower() == "to " and m.start() < 60 \
        and "." not in clause[:m.start()]
    if (not headline and not _UNDER_CONTRACT.search(low)) or _TRADED.search(low):
        return None  # "we will deliver 3 workshops to Globex": work, not a contract told
    buyer = m["buyer"]
    return Found(T.ENTERPRISE_DEAL, {"customer": buyer.lower()}, f"Signed {buyer}", m.start(),
                 relational=False, allow=frozenset({"plan"}), stakeholders=(buyer,))


_CHOSEN = rx(
    r"\b(?:has been|have been|was|were|been|is|are|got|gets) (?:(?:officially|formally) )?"
    r"(?:selected|chosen|picked|appointed|named|awarded the contract) as (?:the |a |an |its "
    r"|their )?(?P<role>(?:preferred |exclusive |sole |main |primary |official |new |lead )?"
    r"(?:supplier|vendor|provider|contractor|technology provider|solution provider"
    r"|technology partner|systems integrator))\b(?: (?:of|for|to) (?P<what>[^,.;:!?]{3,60}))?"
    r"|\bis the (?:chosen|selected|preferred) (?P<role2>supplier|vendor|provider|contractor)"
    r"\b(?: (?:of|for|to) (?P<what2>[^,.;:!?]{3,60}))?")


def chosen_supplier(clause: str, low: str, ctx: Context) -> Found | None:
    """Chosen as a buyer's supplier, vendor or contractor: told in the passive or as a title."""
    m = _CHOSEN.search(low)
    if m is None:
        return None
    role = (m["role"] or m["role2"]).strip()
    what_at = "what" if m["what"] else "what2"
    what = clause[m.start(what_at):m.end(what_at)].strip() if m[what_at] else ""
    title = f"Selected as {role} for {what}" if what else f"Selected as {role}"
    return Found(T.ENTERPRISE_DEAL, {"selected_as": role}, title, m.start())


_PULLED = rx(
    r"\b(?P<who>the customer|the client|the buyer|our (?:biggest |largest |main |top )?"
    r"(?:customer|client)|[a-z][\w&.-]*(?: [a-z][\w&.-]*)?) (?:has |have |had |just )?"
    r"(?:cancell?ed|pulled|withdrew|withdrawn|rescinded|revoked|scrapped|put a hold on)"
    r" (?:its|their|the) (?:[\w-]+ )?(?P<what>purchase order|po|order|orders)\b")
# "cancelled its order with Initech": an order placed with someone else
_WITH = rx(r" (?:with|from|to|at|on) (?P<seller>[\w&.-]+)")
_NOT_BUYER = frozenset({"i", "we", "you", "they", "he", "she", "i've", "we've", "i'd", "we'd",
                        "please", "just", "then", "and", "or", "to", "will", "would", "should",
                        "can", "could", "lets", "let's", "can't", "cannot"})


def order_pulled(clause: str, low: str, ctx: Context) -> Found | None:
    """A buyer cancelled or pulled its order: a lost deal."""
    m = _PULLED.search(low)
    if m is None:
        return None
    who = clause[m.start("who"):m.end("who")].rpartition(". ")[2]
    if who.lower().split(" ")[-1] in _NOT_BUYER or who.lower().split(" ")[0] in _NOT_BUYER:
        return None  # "we cancelled the order for new laptops": our own purchase
    seller = _WITH.match(low, m.end())
    if seller and seller["seller"] != "us" and not (
            ctx.company and ctx.company.search(clause[seller.start("seller"):seller.end()])):
        return None  # "Globex cancelled its order with Initech": not ours
    buyer = who if not who.lower().startswith(("the ", "our ")) else ""
    title = f"Lost {buyer[:1].upper()}{buyer[1:]}'s order" if buyer \
        else "Customer cancelled its order"
    return Found(T.ENTERPRISE_DEAL, {"customer": buyer.lower() or "order cancelled"}, title,
                 m.start(), negative=True, relational=True)


_LOST = rx(
    r"\b(?:loses|lost|losing) (?:a |an |the |its |our )?"
    r"(?:(?:eur|usd|gbp|\$|\u20ac|\u00a3) ?[\d.,]+ ?(?:mn|m|million|bn|billion|k)? "
    r"|[\d.,]+ ?(?:mn|million|bn|billion) (?:eur|euro|dollar) )"
    r"(?:[\w-]+ )?(?P<what>order|contract|deal|tender)\b"
    r"|\b(?:was|were|has not been|have not been|wasn't|weren't) not? ?(?:selected|chosen|picked)"
    r" (?:in|for|as) (?:the |a |its |their )?(?:[\w-]+ ){0,3}?(?P<bid>tender|bid|rfp|contract"
    r"|supplier|vendor|provider)\b"
    r"|\bawarded the (?:contract|deal|tender|order|project) to (?:a |another |one of our )"
    r"(?:competitor|rival|other vendor|vendor|supplier)\b|\binstead of us\b")


def order_lost(clause: str, low: str, ctx: Context) -> Found | None:
    """An order, contract or tender lost to someone else or cancelled: a lost deal."""
    m = _LOST.search(low)
    if m is None:
        return None
    title = "Lost a tender" if m["bid"] in ("tender", "bid", "rfp") else \
        f"Lost {'an' if (m['what'] or 'x')[0] in 'o' else 'a'} {m['what'] or 'deal'}"
    return Found(T.ENTERPRISE_DEAL, {"lost": (m["what"] or m["bid"] or "deal")}, title,
                 m.start(), negative=True, allow=frozenset({"negation"}))


# we award the contract: our purchase, not a deal won ("We awarded the contract to Initech")
_WE_AWARD = rx(r"\b(?:we|i|we've|we have|we just) (?:have )?(?:awarded|gave|given|handed) the"
               r" (?:contract|deal|order|tender|work|job) to\b")


def veto(found: Found, clause: str) -> str | None:
    """Why any reader's deal is a contract we gave to someone, or None."""
    if found.event_type is not T.ENTERPRISE_DEAL or found.negative:
        return None
    return "our own purchase" if _WE_AWARD.search(clause.lower()) else None
