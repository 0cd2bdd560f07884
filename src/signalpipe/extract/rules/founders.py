"""How founders write about their own company in Slack and monthly updates: first sales, churn
counted in cancellations, acquisition approaches, products shut down or launches that flopped.

These readings have no funding, deal or press vocabulary of their own, so the other detectors
miss them; each is narrow on purpose (a first sale names what was sold, churn is counted).
"""

from __future__ import annotations

from signalpipe.extract.rules.found import Context, Found, said
from signalpipe.extract.rules.lexicon import rx
from signalpipe.models import EventType

T = EventType

# "I sold my first pre-order", "First paying customer today!", "first 10 paying pre-sale
# customers": the first money is the founder's milestone. "first customer in Japan" is expansion
# and is read before this.
FIRST_SALE = rx(
    r"\b(?:sold (?:my|our) (?:very )?first|(?:got|landed|made|closed) (?:my|our) (?:very )?first"
    r"(?= (?:\w+ )?(?:sale|customer|paying|paid|pre-?order|order|subscriber|dollar))"
    r"|(?<!our )(?<!my )first (?:\d+ )?(?:ever )?(?:paying|paid) (?:pre-?sale )?"
    r"(?:customers?|users?|subscribers?|members?)"
    r"|first (?:ever )?(?:sale|pre-?order)s?\b(?! (?:of|to) (?:the|a)\b))")
NOT_FIRST_SALE = rx(r"\b(?:goals?\b|target\b|aim\b|first sale (?:of|to) |sale of the"
                    r"|garage sale|yard sale|first day|on sale|for sale|first-time"
                    # "our first customer complaint": a first about a customer, not a sale
                    r"|first (?:customer|subscriber|client) (?:complaint|call|meeting|feedback"
                    r"|email|interview|support|question|request|ticket|bug|review|demo)s?\b)")
# Churn counted: "3 cancellations this month", "two customers churned", "lost 4 subscribers".
CHURN_COUNT = rx(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several) (?:more )?"
    r"(?:cancell?ations|cancell?ed subscriptions|churned (?:customers|accounts|users|subscribers)"
    r"|refunds? requests?|customers? (?:churned|cancell?ed|left)|subscribers? (?:churned"
    r"|cancell?ed)|accounts? churned)\b"
    r"|\blost (?:\d+|two|three|four|five|several|a few) (?:paying )?(?:customers|subscribers"
    r"|accounts|clients)\b")
# Someone approaching the company to buy it: inbound interest, not a deal (LABELLING: inbound
# interest is investor_interest; an acquisition the company makes is other).
ACQUIRE_INTEREST = rx(
    r"\b(?:(?:reached out|approached (?:us|me)|contacted (?:us|me)|in touch|inquir\w+|enquir\w+)"
    r"[^.;]{0,40}?\b(?:acquir\w+|buy(?:ing)? (?:us|the company|the business|it)|acquisition)"
    r"|(?:got|received|have|had) (?:an? )?(?:\w+ )?(?:offer|lois?|letters? of intent)"
    r" (?:to (?:acquire|buy)|for (?:the company|the business|us))"
    r"|(?:wants?|want(?:ed)?|interested in|offered) to (?:acquire|buy) (?:us|the company"
    r"|the business|our company)"
    r"|acquisition (?:offer|interest|inquiry|enquiry))")
# A product retired or a launch that went nowhere: a launch's lowlight.
SHUT = rx(
    r"\b(?:(?:shut(?:ting)?|shuts) down|sunset(?:ting|ted)?|kill(?:ed|ing)|discontinu\w+"
    r"|retir(?:ed|ing)|pulled the plug on|wound down|winding down) (?:our |my |the )"
    r"(?:[\w-]+ ){0,3}?(?:app|product|service|plugin|extension|feature|api|platform|course"
    r"|newsletter|side project|tool|offering)\b"
    r"|\b(?:launch|release|product hunt launch|ph launch)\b[^.;]{0,25}?\b(?:flopped|bombed"
    r"|fizzled|was a flop|was a bust|went nowhere|failed)\b"
    r"|\b(?:launched|released) [^.;]{1,40}? and (?:it )?(?:flopped|bombed|fizzled|went nowhere)\b")


def first_sale(clause: str, low: str, ctx: Context) -> Found | None:
    m = FIRST_SALE.search(low)
    if not m or NOT_FIRST_SALE.search(low):
        return None
    # "I sold my first meal plan": a sale made, whatever the word "plan" says
    done = m.group().startswith(("sold", "got", "landed", "made", "closed"))
    title = said(clause, m.start()).replace("[", "").replace("]", "").rstrip()
    return Found(T.REVENUE_MILESTONE, {"first_sale": title[:60].lower()}, title, m.start(),
                 allow=frozenset({"plan"} if done else ()))


def churn_count(clause: str, low: str, ctx: Context) -> Found | None:
    m = CHURN_COUNT.search(low)
    if not m:
        return None
    return Found(T.CUSTOMER_SUCCESS, {"churn": m.group()}, said(clause, m.start()), m.start(),
                 negative=True)


def acquire_interest(clause: str, low: str, ctx: Context) -> Found | None:
    m = ACQUIRE_INTEREST.search(low)
    if not m:
        return None
    return Found(T.INVESTOR_INTEREST, {"acquisition_interest": "inbound"},
                 said(clause, 0), m.start(), relational=True,
                 allow=frozenset({"plan", "hypothetical", "question"}))


def shut_down(clause: str, low: str, ctx: Context) -> Found | None:
    m = SHUT.search(low)
    if not m:
        return None
    return Found(T.PRODUCT_LAUNCH, {"setback": m.group()}, said(clause, m.start()), m.start(),
                 negative=True)
