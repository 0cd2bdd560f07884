"""What is ours but no news of ours, and news of ours titled with our name for its own: a veto
over every detector's reading, a partner check for deals.py and a title fix for the extractor.

Families, each written from how people write before it was checked on the corpus, with the
look-alike that stays an event:

- **Our own product read as a partner**: "Acme Asset Marketplace is now accepting theme
  submissions" ("Partnership with Asset"), "add app settings to the Acme UI" ("Partnership with
  UI"): a capitalised word right after our name is our product's name, and an interface word
  (UI, API, SDK, CRM) is no company. Our marketplace opening to submissions is a launch of
  ours. Look-alikes: "Acme and Shopify announce a partnership" (a conjunction between the
  names), "We have partnered with Salesforce", "listed on the AWS Marketplace".
- **Money earned by others on our platform**: "Our marketplace sellers earned $120k in sales",
  "Creators on Acme earned over $50k", "Acme hosts earned $2.4M in bookings". Their earnings
  are not our revenue. Money we earned for others keeps its reading (the corpus's gold counts a
  marketplace's first payouts as its first revenue) but says for whom: "Earned over $2,000 for
  writers". Look-alikes: "Acme revenue grew 20% to $12k", "We crossed $50k MRR".
- **Our members winning our award**: "several won the Article of the Day (AOTD) trophy",
  "Congrats to @sam who won our Community Champion award", "Three of our members won the Maker
  of the Month award". Look-alikes: "Acme won the Best Developer Tool award", "We won a Webby",
  "Our team won the Best Startup award".
- **A how-to for customers' own compliance**: "customers hosting their website with Acme can
  ensure their tracking is compliant with GDPR", "you can make sure your workspace is GDPR
  compliant", "helps our users stay compliant". Look-alikes: "We are now SOC 2 Type II
  compliant!", "Acme is now fully GDPR compliant".
- **A course launched, titled by a fragment**: "Integrating With Acme I: Foundations Has
  Launched!" was "Launched Foundations", "Our new certification course, Payments 101, has
  launched!" was "Launched Payments"; they read "Launched the Integrating With Acme I:
  Foundations course" and "Launched the Payments 101 certification course" (the corpus's gold
  counts a course or certification programme launched as a launch). Look-alike: "We launched
  Acme Foundations, our new starter plan" names no course and keeps its title.
- **An unnamed product titled with our name**: "I've launched a new Acme product" was
  "Launched Acme"; it reads "Launched a new Acme product". Look-alike: "We launched Acme
  Voyager today" keeps its name.
"""

from __future__ import annotations

import re

from signalpipe.extract.rules.found import Found
from signalpipe.extract.rules.subject import FIRST_PERSON
from signalpipe.models import EventType

T = EventType

# Words of an interface or a part of a product, never a company's name on their own.
_PRODUCT_PARTS = frozenset({
    "ui", "ux", "api", "apis", "sdk", "sdks", "crm", "cli", "cms", "app", "apps", "portal",
    "dashboard", "marketplace", "directory", "store", "hub", "academy", "platform", "asset",
    "assets", "partner", "partners", "developer", "developers"})
_JOINED = re.compile(r"\s(?:and|&|x|\+|with)\s", re.IGNORECASE)

_OWN_MARKET = re.compile(
    r"\b(?:[Tt]he |[Oo]ur )?(?P<name>(?:[A-Z][\w-]* ){1,3}(?:Marketplace|Directory|Store|Exchange"
    r"|Hub))(?:,? (?:is|are) now| now| has (?:officially )?opened| opens)"
    r" (?:(?:accepting|open (?:for|to))(?: new)?(?: [\w-]+){0,2} (?:submissions|applications"
    r"|listings)|open)\b")

# People who use or read us, never the company itself ("one of our apps won" is ours).
_PEOPLE = (r"(?:members?|users?|readers?|writers?|creators?|authors?|makers?|players?|students?"
           r"|learners?|contributors?|customers?|community|scouts?|subscribers?|participants?)")
_MEMBERS_WON = re.compile(
    r"\b(?:(?:several|some|many|a few|two|three|four|five|\d+|all|most|one)"
    r"(?: of (?:our|the|them|these|those)(?: [\w-]+)? " + _PEOPLE + r")?"
    r"|" + _PEOPLE + r")(?: [\w-]+)? (?:won|win|wins|took home|received|earned|got)\b"
    r"|@\w+ who (?:won|took home|received)\b|\bwho won our\b", re.IGNORECASE)
_PERIOD_AWARD = re.compile(r"\bof the (?:day|week|month|year)\b", re.IGNORECASE)
_WON = re.compile(r"\b(?:won|wins|took home|received|earned|got|was named|were named)\b")

_CUSTOMERS_COMPLY = re.compile(
    r"\b(?:customers?|clients?|users?|you|admins?|they|merchants?|teams)\b[^.]{0,80}?"
    r"\b(?:ensure|make sure|keep|stay|remain|become)\b[^.]{0,60}?\b(?:compliant|compliance)\b"
    r"|\byour (?:own )?(?:[\w-]+ )?(?:gdpr|ccpa|hipaa|soc 2) (?:requests?|obligations?"
    r"|requirements?)\b")

_OTHERS_EARNED = re.compile(
    r"\b(?:sellers?|merchants?|creators?|writers?|authors?|hosts?|drivers?|freelancers?"
    r"|artists?|affiliates?|vendors?|instructors?|streamers?|couriers?|tutors?)"
    r"(?: on [\w-]+)? (?:have |has )?(?:collectively )?(?:earned|made|took home|received"
    r"|were paid|got paid|sold)\b")
_FOR_OTHERS = re.compile(
    r"\b(?:earned|made|raised|generated) (?:over |more than |almost |nearly )?[^.]{0,40}? for"
    r" (?P<whom>(?:our )?(?:writers|authors|creators|artists|sellers|hosts|freelancers"
    r"|musicians|publishers))\b", re.IGNORECASE)

_UNNAMED = re.compile(
    r"\ba (?P<what>new (?:[\w-]+ ){0,2}?(?:(?P<n1>[A-Z][\w-]*) )?(?:product|model|device"
    r"|kit|edition)(?: of (?P<n2>[A-Z][\w-]*))?)\b")


def own_product(name: str, company: re.Pattern[str] | None) -> bool:
    """Whether a name read as a partner is ours: our name with our product's words after it
    ("Acme Asset", "Acme UI"), not two names joined ("Acme and Shopify"), or an interface
    word alone ("UI", "API")."""
    words = name.split()
    if words and all(w.lower() in _PRODUCT_PARTS for w in words):
        return True
    if company is None or _JOINED.search(f" {name} "):
        return False
    m = company.search(name)
    rest = name[m.end():] if m is not None and m.start() == 0 else ""
    # "Acme-HubSpot", "Acme/Stripe": two names joined, the partner is the second
    return bool(rest.strip()) and not rest.startswith(("-", "/", "\u2013", "\u00d7"))


def own_marketplace(clause: str, company: re.Pattern[str] | None) -> Found | None:
    """Our marketplace or directory opening to submissions: a launch of ours, no partner."""
    m = _OWN_MARKET.search(clause)
    if m is None or company is None or not company.search(m["name"]):
        return None
    name = m["name"]
    return Found(T.PRODUCT_LAUNCH, {"product": name.lower()},
                 f"Opened the {name} to submissions", m.start("name"), subtype="marketplace")


def veto(found: Found, clause: str, company: re.Pattern[str] | None) -> str | None:
    """Why ``found`` (read in ``clause``) is ours but no news of ours, or None."""
    kind = found.event_type
    if kind is T.MEDIA_COVERAGE and found.subtype == "award":
        return _members_won(clause, company)
    if kind is T.COMPLIANCE and not found.negative:
        return _customers_comply(clause, company)
    if kind is T.REVENUE_MILESTONE and not found.negative and _OTHERS_EARNED.search(clause):
        return "money earned by others on our platform"
    return None


def _customers_comply(clause: str, company: re.Pattern[str] | None) -> str | None:
    m = _CUSTOMERS_COMPLY.search(clause)
    if m is None:
        return None
    around = f"{clause[:m.start()]} \n {clause[m.end():]}"
    if FIRST_PERSON.search(around) or (company is not None and company.search(around)):
        return None  # "We are now SOC 2 compliant, so customers can stay compliant": ours too
    return "customers' own compliance"


def _members_won(clause: str, company: re.Pattern[str] | None) -> str | None:
    if _MEMBERS_WON.search(clause):
        return "our members won an award"
    won = _WON.search(clause)
    if won is None or not _PERIOD_AWARD.search(clause, won.end()):
        return None
    subject = clause[:won.start()]
    if FIRST_PERSON.search(subject) or (company is not None and company.search(subject)):
        return None
    return "someone won our award of the day"


_COURSE_KIND = re.compile(r"\b(?:(?:certification|video|online|paid|training) )?(?:course"
                          r"|certification|bootcamp|workshop)\b", re.IGNORECASE)
_NAME_WORDS = r"[A-Z0-9][\w'-]*(?: (?:[A-Z0-9][\w'-]*|[Ww]ith|and|of|for|to|the|in|on)){0,6}"
# "course, Payments 101", "course: Selling With Acme": the course's name after its kind
_COURSE_NAMED = re.compile(r"\b(?:course|certification|bootcamp|workshop)[,:] (?:called )?"
                           r"[\"'\u201c]?(?P<name>" + _NAME_WORDS + ")")
# "Integrating With Acme I: Foundations": a series' title before the part a detector read
_TITLED_BEFORE = re.compile(r"(?P<head>" + _NAME_WORDS + r"): $")
_FILLER_TAIL = re.compile(r"(?: (?:with|and|of|for|to|the|in|on))+$")


def _course(name: str, evidence: str) -> str | None:
    """The title of a course launched, or None where the launch names no course."""
    kind = _COURSE_KIND.search(evidence)
    if kind is None or (name != "course" and _COURSE_KIND.search(name)):
        return None
    named = _COURSE_NAMED.search(evidence)
    if (named and named["name"].split(" ", 1)[0] == name.split(" ", 1)[0]) or name == "course":
        full = _FILLER_TAIL.sub("", named["name"]) if named else ""
    else:
        at = evidence.rfind(f"{name} ")
        head = _TITLED_BEFORE.search(evidence[:at]) if at > 0 else None
        full = f"{head['head']}: {name}" if head else ""
    return f"Launched the {full} {kind.group().lower()}" if full else None


def retitled(title: str, event_type: EventType, evidence: str) -> str:
    """A launch titled with the company's name for an unnamed product, and money earned for
    others, said as the message says them (see module doc)."""
    if event_type is T.PRODUCT_LAUNCH and title.startswith("Launched "):
        name = title[len("Launched "):]
        course = _course(name, evidence)
        if course:
            return course
        for m in _UNNAMED.finditer(evidence):
            if name in (m["n1"], m["n2"]):
                return f"Launched a {m['what']}"
    if event_type is T.REVENUE_MILESTONE and title.startswith("Earned ") and " for " not in title:
        whom = _FOR_OTHERS.search(evidence)
        if whom:
            return f"{title} for {whom['whom'].removeprefix('our ')}"
    return title
