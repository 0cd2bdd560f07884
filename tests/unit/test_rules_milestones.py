"""The rules extractor on founders' own numbers (milestones.py): goals beaten or missed, record
periods, growth rates and monthly runs, counts written in words, first paying customers and
traffic grown from one figure to another. Every text is hand-written in several styles (Slack
chatter, monthly founder updates, emails, newsletters, standups), each family beside look-alikes
that are no event of the company's."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity, SignificantEvent
from tests.unit.rules_read import MakeMessage, read

T = EventType
REV, USERS = T.REVENUE_MILESTONE, T.USER_GROWTH

# (text, type, polarity): one line per phrasing, in the styles founders write
READ = [
    # a goal beaten
    ("To top off the year, we reached and exceeded my €500 MRR goal.", REV, "positive"),
    ("This month we hit €684 MRR, beating our €500 MRR goal for the year", REV, "positive"),
    ("I smashed my revenue target and in general it was a good month.", REV, "positive"),
    ("Q3 recap: we crushed our $30k bookings target 🎉", REV, "positive"),
    ("Quick one: Acme beat its 1,000 signups goal for June", USERS, "positive"),
    ("we blew past our target of 500 paying users this week!!", USERS, "positive"),
    # a goal missed, or reached only in part
    ("We didn't hit our 750 € October goal.", REV, "negative"),
    ("I've reached 94.21% of the revenue goal.", REV, "negative"),
    ("Honest update: we fell short of our $10k MRR goal, ending the quarter at $8.2k",
     REV, "negative"),
    ("We missed our Q2 signups target by about 300 users.", USERS, "negative"),
    ("As you can see, I've reached **94.21%** of the revenue goal (**+120.34%**).", REV,
     "negative"),
    ("Even though I reached fairly close to my revenue goal, the month felt bad.", REV,
     "negative"),
    ("My goal was to get 3 more users, but I only got one this month.", USERS, "negative"),
    ("The target was 60 units, but we only sold 29.", REV, "negative"),
    # a goal reached, told after the figure
    ("I have now a bit more than **200 subs**, which was the target for March.", USERS,
     "positive"),
    ("That's 40 new customers, which was our Q2 target", USERS, "positive"),
    # a figure that moved down
    ("MRR went from $14k to $12.5k this month 😬", REV, "negative"),
    ("Monthly actives went from 9k to 6.5k since the redesign", USERS, "negative"),
    ("Our paying customers dropped from 120 to 95 after the price change", USERS, "negative"),
    # a record period
    ("Acme had its highest-revenue month ever.", REV, "positive"),
    ("Highlights: Acme had its biggest month ever, with $3,936 in revenue.", REV, "positive"),
    ("Revenue for March: $3,936, our best month ever.", REV, "positive"),
    ("Acme earned its all-time highest monthly revenue in August.", REV, "positive"),
    ("November was our strongest sales quarter on record", REV, "positive"),
    # the business's growth rate
    ("In the end, Acme grew 88% month-over-month in October.", REV, "positive"),
    ("we grew 3x year over year, mostly from self-serve", REV, "positive"),
    ("Acme has grown 40% MoM since the relaunch", REV, "positive"),
    # revenue told as a monthly run
    ("We've grown from $0 to over $20k/mo in about three years.", REV, "positive"),
    ("revenue went from $2k to $9k a month after the Shopify app", REV, "positive"),
    # counts written in words
    ("Acme now has ten active customers.", USERS, "positive"),
    ("We now have twelve paying customers", USERS, "positive"),
    ("fun fact: we just crossed fifty paying teams", USERS, "positive"),
    # first paying customers
    ("I was utterly surprised last month to get my first paying customers.", REV, "positive"),
    ("My first paying customers: six customers, €52 MRR", REV, "positive"),
    ("we landed our first paid subscribers over the weekend", REV, "positive"),
    # traffic grown from one figure to another
    ("We managed to grow our clicks from zero to 3,500 visits per month in 1.5 years.",
     USERS, "positive"),
    ("Google clicks went from zero to 3,500 a month", USERS, "positive"),
    ("organic traffic went from 2k to 30k visits a month since the SEO rewrite", USERS,
     "positive"),
    # an audience grown to a figure
    ("The only win: I was able to **grow the newsletter to 2000 subscribers**.", USERS,
     "positive"),
    ("The post brought many visitors, bringing the monthly unique visitors to 14k.", USERS,
     "positive"),
    ("we grew our waitlist to 3,000 people in two weeks", USERS, "positive"),
    # units sold
    ("In the end **I sold over 100 copies** on both Gumroad and Amazon.", REV, "positive"),
    ("We've shipped 1,200 units since launch", REV, "positive"),
    # a base multiplied
    ("The company has tripled its customer base since its Series A.", USERS, "positive"),
    ("Acme's customer base grew 150% in 2025.", USERS, "positive"),
    ("Our user base doubled this quarter", USERS, "positive"),
    # a period closed at a revenue figure
    ("We closed 2025 with $3.2M in ARR", REV, "positive"),
    ("we finished the year at about $480k in revenue", REV, "positive"),
    # profitability reached
    ("We're now profitable! First month in the black.", REV, "positive"),
    ("we broke even for the first time in November", REV, "positive"),
    ("Acme is now cash-flow positive", REV, "positive"),
    ("October was our first profitable month 🎉", REV, "positive"),
    ("this is my first cashflow positive year", REV, "positive"),
    ("Google's update killed my SEO reach, bringing it from 500 to 20 impressions per day.",
     USERS, "negative"),
]

# look-alikes: goals set or hoped for, records of nothing counted, someone else's growth, prices
NOT_READ = [
    "Our goal is €500 MRR by the end of the year",
    "I was on track to beat my goal, but then a wrench got caught in the gears.",
    "If we beat our revenue target we'll hire a second engineer",
    "We're hoping to hit our 1,000 signups goal by June",
    "We need to reach our $50k MRR target before the raise",
    "Our target audience is agencies with 10-50 people",
    "We hit our fundraising goal of $2M in three weeks",
    "The team met its sprint goal on Friday",
    "December was still my second-highest revenue month of all time.",
    "It was our best week ever for the team offsite",
    "The market grew 20% year over year",
    "Globex grew 40% MoM after their launch",
    "Our team grew 50% this year",
    "We need to grow 15% MoM to hit the plan",
    "Pricing: €12 per month for the Pro plan",
    "Our AWS bill went from $2k to $9k a month",
    "We want to grow traffic from 2k to 10k visits a month",
    "Globex now has ten paying customers",
    "We still need ten paying customers to break even",
    "Still waiting for our first paying customers",
    "How to get your first paying customers: a guide",
    "Before we had our first paying customers we spent months on interviews",
    "Our goal is to reach $5k MRR this quarter, but we only have two weeks left",
    "Our AWS bill went from 200 to 900 a month",
    "Globex's traffic went from 2k to 30k visits a month",
    "We're not profitable yet",
    "We could be profitable by Q3 if churn holds",
    "Globex is now profitable after the layoffs",
    "Enterprise customers are our most profitable customers",
    "Until we're profitable we keep burning $40k a month",
    "We need to get to break-even by the end of the year",
    "The goal is to be cash-flow positive next year",
    "Russia is in the black list of many organizations.",
    "We want to grow the newsletter to 5,000 subscribers this year",
    "This guide helps you grow your list to 10k subscribers",
    "Globex grew its user base to 1M",
    "we grew the team to 12 people",
    "We hope to sell 500 copies by Christmas",
    "Sold 29 kits and power connectors.",
    "We sell 3 units per customer on average",
    "Acme sold 300 units this week.",
    "Goal: grow the community to 1,000 members",
    "Globex tripled its customer base after the merger",
    "Our goal is to double our user base next year",
    "We have a growing customer base in Germany",
    "We grew our customer base through partnerships",
    "The fiscal year ended with $3.2M in revenue for Globex",
    "We closed the month with a team offsite",
    "churn went from 5% to 3%",
    "CAC went from $400 to $250",
    "Globex MRR went from $14k to $9k",
]


def _one(events: list[SignificantEvent], kind: EventType, polarity: str) -> SignificantEvent:
    found = [e for e in events if e.event_type is kind and e.polarity is Polarity(polarity)]
    assert len(found) == 1, events
    return found[0]


@pytest.mark.parametrize(("text", "kind", "polarity"), READ)
def test_a_founders_own_number_is_read(make_message: MakeMessage, text: str, kind: EventType,
                                       polarity: str) -> None:
    _one(read(make_message, text), kind, polarity)


@pytest.mark.parametrize("text", NOT_READ)
def test_a_look_alike_is_no_milestone(make_message: MakeMessage, text: str) -> None:
    events = [e for e in read(make_message, text) if e.event_type in (REV, USERS)]
    assert events == [], events


def test_a_period_closed_lower_is_no_milestone(make_message: MakeMessage) -> None:
    events = read(make_message,
                  "Acme finished the month with $33k in revenue, a 21% drop from January.")
    assert [e for e in events if e.polarity is Polarity.POSITIVE] == [], events


# Titles an investor reads: the figure as written, the goal it beat, the run it reached.
TITLES = [
    ("This month we hit €684 MRR, beating our €500 MRR goal for the year",
     "MRR reached €684, beating the €500 goal"),
    ("To top off the year, we reached and exceeded my €500 MRR goal.", "Beat the €500 MRR goal"),
    ("I smashed my revenue target this month.", "Beat the revenue target"),
    ("We've grown from $0 to over $20k/mo in about three years.",
     "Revenue grew from $0 to over $20k a month"),
    ("Google clicks went from zero to 3,500 a month",
     "Google clicks grew from zero to 3,500 a month"),
    ("Acme now has ten active customers.", "10 active customers"),
    ("My first paying customers: six customers, €52 MRR",
     "First paying customers: six customers, €52 MRR"),
    ("Zestful had its biggest month ever, with $3,936 in revenue.",
     "Biggest month ever: $3,936 in revenue"),
    ("In the end, Acme grew 88% month-over-month in October.", "Grew 88% month over month"),
    ("The target was 60 units, but we only sold 29.", "Missed the target: 60 units"),
    ("MRR went from $14k to $12.5k this month", "MRR fell from $14k to $12.5k"),
    ("Even though I reached fairly close to my revenue goal, the month felt bad.",
     "Fell just short of the revenue goal"),
    ("My goal was to get 3 more users, but I only got one this month.",
     "Missed the goal: 3 more users"),
    ("I have now a bit more than **200 subs**, which was the target for March.",
     "Reached 200 subscribers, meeting the target"),
    ("The article led to a burst of orders, far exceeding my goal.",
     "The article led to a burst of orders, beating the goal"),
]


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_titles_read_well(make_message: MakeMessage, text: str, title: str) -> None:
    events = read(make_message, text, aliases=("Acme", "Zestful"))
    assert [e.title for e in events if e.event_type in (REV, USERS)] == [title], events


# A company set up by its domain or its one-word name is written with spaces by its founder.
@pytest.mark.parametrize(("alias", "text"), [
    ("SoftwareIdeas.io", "-   Software Ideas hit $5k MRR!"),
    ("SoftwareIdeas.io", "SoftwareIdeas crossed $7,000 MRR this week"),
    ("stagetimer.io", "Stagetimer now has ten active customers."),
    ("TinyPilot", "Tiny Pilot had its highest-revenue month ever."),
])
def test_a_domain_or_one_word_name_is_ours(make_message: MakeMessage, alias: str,
                                            text: str) -> None:
    events = read(make_message, text, aliases=(alias,))
    assert [e for e in events if e.event_type in (REV, USERS)], events


def test_another_name_is_still_a_third_party(make_message: MakeMessage) -> None:
    events = read(make_message, "Software Garden hit $5k MRR!", aliases=("SoftwareIdeas.io",))
    assert [e for e in events if e.event_type in (REV, USERS)] == [], events
