"""Launch readings a press release or a news story makes of things that are not our new product.

A press office writes "launches", "unveils", "introduces" and "debuts" about anything it wants
read: a trip to a trade show, a foundation, a recall, a shelf in a shop, a partner's app. Each
family below is a way press language says one of those, with its look-alike that stays a launch:

- **The venue read as the product**: "unveils full battery line-up at DIFA 2024", "unveiling
  its electrified products at Automechanika Frankfurt": the only name after the verb is the
  show, so the reading titles the show. Look-alikes: "unveils the new X200 heater at CES 2026"
  (the product is named; the show is where), "two global debuts at the Paris Motor Show" and a
  brand that "debuts at the Paris Motor Show" (dev gold reads a debut as a release or a market
  entry).
- **A range shown, not a product released**: "introduces next-generation ESS battery solutions",
  "presents its latest innovations", "new energy vehicle concepts". Look-alike: a named model
  ("the X9, its first electric SUV").
- **Someone else's product**: "Acme launches with Globex's new payments app", "launches its
  payments inside Globex's app": the name the reading takes is the owner of the host product.
  Look-alike: "Acme launches Acme Pay" (ours), "integration with Globex's CRM" (a partnership,
  read elsewhere). So is a customer's thing built on ours: "Globex launches new banking app
  built on Acme" (look-alike: "Acme launches Acme Pay, a payments app built on Stripe").
- **A person presented**: "introduces Jane Smith as chief financial officer" (a hire, if
  anything, which the hiring readings judge).
- **A launch of an earlier year, restated**: "Acme launched its first smart plug in 2021" in a
  2026 release. Look-alike: "launched Acme Pay in December 2025" in a January update.
- **A launch of what is no product**: a foundation, a recall, a scholarship or fellowship, an
  investigation, a search for an executive, an ad, a mascot, a careers site, a hiring push, a
  pilot ("launches voluntary recall of its X200 heaters"). A new company, startup or subsidiary
  is no product either (dev gold files one as ``other``), nor a name ending in "Co." or "Inc.".
  Look-alike: a product whose name holds the word ("Acme Fund Manager, a portfolio tool",
  "Acme Foundation Models", "Acme Recall, an app that reminds patients").
- **A shop shelf, not a release**: "now available on Amazon", "now available at Best Buy and
  select retailers": a new distribution channel for what already exists. Look-alike: "Acme
  introduces Acme Studio, now available on the App Store" (a new product that also says where).
"""

from __future__ import annotations

import re
from datetime import datetime

from signalpipe.extract.rules.found import Found
from signalpipe.models import EventType

T = EventType

# "at CES 2026", "at the Paris Motor Show", "during IFA": where an appearance happens
_VENUE_BEFORE = re.compile(r"\b(?:at|during)\s+(?:the\s+)?(?:\d{4}\s+)?$")
# a debut or premiere at a show is a first release there ("Two global debuts at the Paris Motor
# Show"), and a brand's own debut at one is its entry to that market: both stay events
_DEBUT = re.compile(r"(?i)\b(?:debut\w*|premiere\w*)\b")
# a range of things shown rather than one product released
_RANGE = re.compile(r"(?i)\b(?:solutions|line-?ups?|portfolio|range|innovations|technologies"
                    r"|concepts?|offerings|highlights)\s*$")
# the product's owner is someone else: "with Globex's new app", "inside Globex's app"
_HOSTED = re.compile(r"\b(?:with|on|in|inside|into|within|for|powers|powering)\s+(?:the\s+)?"
                     r"(?P<owner>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})['\u2019]s\b")
# a launched name that is a company's: "launching the Forged Cigar Co.", "Safe Labs Inc"
_FIRM = re.compile(r"(?i)\b(?:co|inc|ltd|llc|corp|corporation|gmbh|plc|company)\.?$")
# a customer's product built on ours: "Globex launches new banking app built on Acme"
_LAUNCHER = re.compile(r"(?P<who>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})\s+(?:launch|unveil"
                       r"|introduc|debut|roll)\w*\b")
_BUILT_ON = re.compile(r"(?i)\b(?:built (?:on|with)|powered by|running on|runs on|based on"
                       r"|using)\s")
# launching what is no product (shipped.py's _CAMPAIGN holds campaigns, contests and events)
_NOT_PRODUCT = re.compile(
    r"(?i)\b(?:launch(?:ed|es|ing)?|unveil(?:ed|s|ing)?|introduc(?:ed|es|ing)|start(?:ed|s)?"
    r"|debut(?:s|ed)?)"
    r" (?:(?:a|an|the|our|its|their|new|first|voluntary|global|nationwide|\w+'s) ){0,3}"
    r"(?:[\w-]+ ){0,2}(?:[\w-]+, an? (?:[\w-]+ ){0,2})?"  # "Acme Scholars, a scholarship"
    r"(?:foundation|recall|scholarships?|fellowships?|endowment|investigation|inquiry"
    r"|probe|search for|internship|apprenticeship|charity|appeal|tender|pilot|commercial"
    r"|mascot|slogan|tagline|jingle|careers? (?:site|page|portal)|hiring (?:push|spree)"
    r"|recruit\w* (?:push|drive)|compan(?:y|ies)|startup|spin-?off|subsidiary|joint venture)\b"
    r"(?!\s(?-i:[A-Z]))")  # "Acme Foundation Models" is a product's name, not a foundation
# what a product is said to be: "Acme Recall, an app that reminds patients"
_A_PRODUCT = re.compile(r"(?i), (?:an?|the|its|our) (?:[\w-]+ ){0,3}(?:app|tool|platform|service"
                        r"|product|feature|model|models|device|api|sdk|plugin|extension)\b")
# a shop shelf: a channel for something that exists, not a new thing
_SHELF = re.compile(r"(?i)\b(?:now|also|is|are) available (?:on|at|in|through|via|from)"
                    r" (?:the )?(?:amazon|walmart|target|best buy|costco|ebay|retailers nationwide"
                    r"|(?:select|more|additional|major) (?:retailers|stores))\b")
# a person presented in a role: "introduces Jane Smith as chief financial officer"
_PERSON = re.compile(r"(?i)\b(?:introduc\w*|present\w*|unveil\w*) (?:(?-i:[A-Z])[\w'-]+ ){1,3}as"
                     r" (?:(?:its|our|the|their|a|new|interim|incoming) ){0,3}(?:chief|ceo|cfo|cto"
                     r"|coo|cmo|president|chair\w*|director|head|vp|vice president|general"
                     r" counsel|managing director|partner)\b")
# a launch dated to an earlier year, restated in a later release: "Acme launched its first
# smart plug in 2021"; a month before the year ("in December 2025") may be last month's news
_EARLIER = re.compile(r"(?i)\b(?:launched|introduced|released|unveiled|debuted|rolled out)\b"
                      r"[^.;!?]{0,60}?\b(?:in|since|back in|during) (?P<month>[a-z]+ )?"
                      r"(?P<year>(?:19|20)\d\d)\b")
_MONTH = re.compile(r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? $")
_NEW = re.compile(r"(?i)\b(?:new|launch\w*|introduc\w*|unveil\w*|debut\w*|first|all-new)\b")


def veto(found: Found, clause: str, company: re.Pattern[str] | None,
         sent: datetime | None = None) -> str | None:
    """Why a launch reading of a press-style ``clause`` (in a message sent at ``sent``) is no
    launch of ours, or None."""
    if found.event_type is not T.PRODUCT_LAUNCH or found.negative:
        return None
    if sent is not None and _launched_before(clause, sent.year):
        return "a launch of an earlier year, restated"
    # the product metric is a key, in lower case: compare it with the clause in lower case
    product = str(found.metrics.get("product", "")).strip().lower()
    if product and _is_venue(product, clause) and not _DEBUT.search(clause):
        return f"an appearance at {product}, not a product"
    if product and _FIRM.search(product):
        return "a company launched, not a product"
    if product and _RANGE.search(product):
        return "a range shown, not a product released"
    hosted = _HOSTED.search(clause)
    if hosted is not None and product and hosted.group("owner").lower().endswith(product) \
            and not (company is not None and company.search(hosted.group("owner"))):
        return f"{hosted.group('owner')}'s product, not ours"
    if company is not None and _built_on_us(clause, company):
        return "a customer's product built on ours, not our launch"
    person = _PERSON.search(clause)
    if person is not None:
        return "a person presented in a role, not a product"
    not_product = _NOT_PRODUCT.search(clause)
    if not_product is not None and not _A_PRODUCT.search(clause):
        return f"no product launched ({not_product.group()})"
    if _SHELF.search(clause) and not _NEW.search(clause):
        return "a shop shelf for what exists, not a release"
    return None


def _is_venue(product: str, clause: str) -> bool:
    """The reading's product name sits where a venue does: right after "at" or "during"."""
    low = clause.lower()
    at = low.find(product)
    while at >= 0:
        if _VENUE_BEFORE.search(low, 0, at):
            return True
        at = low.find(product, at + 1)
    return False


def _built_on_us(clause: str, company: re.Pattern[str]) -> bool:
    """Someone else launches a thing and says it is built on or powered by us."""
    launcher = _LAUNCHER.match(clause.lstrip())
    if launcher is None or company.search(launcher.group("who")):
        return False
    built = _BUILT_ON.search(clause, launcher.end())
    return built is not None and company.search(clause, built.end()) is not None


def _launched_before(clause: str, year: int) -> bool:
    """The clause dates its launch to an earlier year: a year ago without a month, or two."""
    for m in _EARLIER.finditer(clause):
        then = int(m.group("year"))
        month = m.group("month") is not None and _MONTH.match(m.group("month")) is not None
        if then <= year - 2 or (then < year and not month):
            return True
    return False
