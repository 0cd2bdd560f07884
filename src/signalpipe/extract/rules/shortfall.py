"""A business that did not work, in the words founders' letters, update mail, chat and news use
for it, where ``declines.py``, ``setbacks.py`` and ``lowlights.py`` find no reading.

A missed target is a revenue lowlight (shared LABELLING.md); so is a business that did not
succeed, sales that never took off, a service that loses money. The family was written as
hand-written variants in several registers before the dev split was read
(tests/unit/test_rules_shortfall.py): "Unfortunately, Acme's business has not succeeded", "we
have been unable to build a sustainable business", "we failed to find product-market fit",
"our sales never took off", "the product never gained traction", "Oasis does not pay for
itself", "we are losing money on every order", "demand for our enterprise tier was weaker than
we expected", "sales of the Pro plan came in below expectations".

Look-alikes: a condition ("if the business doesn't work out", the hypothetical veto), a worry
("sales might never take off", the plan veto), another company's failure ("Globex's business
never took off", the third-party veto), a truism with no one of ours in it ("many startups fail
to find product-market fit"), a question ("is Acme losing money?"), a customer losing money
("our customers were losing money on returns"), an expectation beaten ("demand was stronger than
we expected"), the reason given for a closure told beside it (one event: the closure).
"""

from __future__ import annotations

from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.lexicon import rx
from signalpipe.models import EventType

T = EventType

_FAILED = tuple((title, rx(pattern)) for title, pattern in (
    ("Business did not succeed",
     r"\bbusiness (?:has not|hasn't|hasn\u2019t|did not|didn't|didn\u2019t|never|has never"
     r"|ultimately did not) (?:really )?(?:succeeded|succeed|worked|work|worked out|work out"
     r"|took off|taken off|take off)\b"),
    ("Could not build a sustainable business",
     r"\b(?:unable|failed|not able|weren't able|were not able|couldn't|could not) to (?:build"
     r"|create|turn (?:it|this|acme) into) a (?:sustainable|viable|profitable|self-sustaining)"
     r" (?:business|company)\b"),
    ("Failed to find product-market fit",
     r"\b(?:failed to|never|did not|didn't|couldn't|could not) (?:find|found|reach|reached|get"
     r" to|achieve) product[- ]market fit\b"),
    ("Sales never took off",
     r"\b(?:sales|revenue|demand|adoption|subscriptions|the product) (?:never|did not|didn't"
     r"|failed to) (?:really )?(?:took off|take off|gained traction|gain traction|picked up"
     r"|pick up)\b"),
    ("Does not pay for itself",
     r"\b(?:does not|doesn't|doesn\u2019t|did not|didn't|never|is not|isn't) (?:pay|paid"
     r"|paying) for itself\b"),
    # a business losing money, not an outage's cost ("we're losing money every minute it's down")
    ("Losing money",
     r"\b(?:we are|we're|we\u2019re|we were|we've been|we have been|(?:it|the \w+) (?:is|was"
     r"|has been)) (?:still )?losing money\b(?! (?:every|each|by the) (?:minute|hour|second))"),
    ("Demand weaker than expected",
     r"\b(?:demand|sales|orders|revenue|bookings|uptake)\b[^.;!?]{0,50}\b(?:was|were|came in"
     r"|has been|have been|remained) (?:much |significantly |far )?(?:weaker|lower|softer"
     r"|slower|below) (?:than (?:we |had been )?(?:expected|planned|hoped|forecast)"
     r"|expectations|plan|forecast)\b"),
))
# someone of ours in the clause: we, our, the company, the business itself
_OURS = rx(r"\b(?:we|we're|we've|we\u2019re|we\u2019ve|our|us|it|(?:the|its) (?:\w+ )?(?:company"
           r"|business|service|product|platform|app|plan|tier|offering))\b")
# a worry or a condition, not a result ("than expected" is a comparison, so the plan veto is off
# for these readings and its words are checked here)
_WORRY = rx(r"\b(?:might|may|could|would|will|if|unless|worried|worry|afraid|fear|risk|whether"
            r"|in case)\b")
# the reason for a closure told beside it: "the company is shutting down. ... we were unable to
# build a sustainable business" is one event, the closure
_CLOSING = rx(r"\b(?:shut(?:ting|s)? down|shutdown|wind(?:ing|s)? down|wound down|clos(?:e|es"
              r"|ing) (?:our|its|the) (?:doors|company)|ceas(?:e|es|ing) operations)\b")
# a customer's loss, a truism about startups
_NOT_OURS = rx(r"\b(?:customers?|clients?|users?|many|most|startups|companies|founders|people)"
               r" (?:\w+ )?(?:were |are |is |was )?(?:losing|fail|failed|never|don't|do not)\b")


def business_failed(clause: str, low: str, ctx: Context) -> Found | None:
    """A business that did not work: not succeeded, no fit found, sales flat, losing money."""
    for title, pattern in _FAILED:
        m = pattern.search(low)
        if m is None:
            continue
        named = ctx.company is not None and ctx.company.search(clause) is not None
        if not (named or _OURS.search(low)) or _NOT_OURS.search(low) or _WORRY.search(low) \
                or _CLOSING.search(f"{ctx.before} {ctx.sentence}".lower()):
            return None
        return Found(T.REVENUE_MILESTONE, {"shortfall": title.lower()}, title, m.start(),
                     negative=True, allow=frozenset({"negation", "plan"}))
    return None
