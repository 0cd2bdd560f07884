"""The rules extractor on milestones said in words, firsts, records in prose and customers going
live (spoken.py).

Every text is hand-written in the registers people use for these (Slack chatter, a founder's
update email, a blog post, a press release, a release note, community chat), each family beside
its look-alikes: plans and hopes, hypotheticals, other people's numbers, ordinals that are no
milestone, counts of things that are no audience or money, and old news."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules.found import Context
from signalpipe.extract.rules.spoken import (
    customer_kept,
    customer_live,
    firsts,
    in_words,
    record_prose,
)
from signalpipe.extract.rules.subject import aliases_pattern
from signalpipe.models import EventType, Polarity
from tests.unit.rules_read import MakeMessage, read

T = EventType
USERS, REV, SUCCESS = T.USER_GROWTH, T.REVENUE_MILESTONE, T.CUSTOMER_SUCCESS
OURS = ("Acme", "Tilt")

# a count or an amount in words, crossed or reached
IN_WORDS: list[tuple[str, EventType, str | None]] = [
    ("We did it! We hit one hundred daily active readers! Triple digits!", USERS,
     "Reached 100 daily active readers"),
    ("just crossed a thousand paying users 🎉", USERS, "1,000 paying users"),
    ("We're now in double digits on paying customers.", USERS,
     "Paying customers reached double digits"),
    ("A dozen paying teams are now on the Pro plan.", USERS, "Reached 12 paying teams"),
    ("The repo passed ten thousand stars on GitHub this weekend.", USERS, "Passed 10,000 stars"),
    ("We officially have over a hundred customers.", USERS, "Now at over 100 customers"),
    ("Acme now serves two thousand businesses across Europe.", USERS,
     "Serving 2,000 businesses"),
    ("Subscribers hit five thousand this week!", USERS, "Reached 5,000 subscribers"),
    ("We passed half a million downloads.", USERS, "Passed 500,000 downloads"),
    ("This month we passed two hundred paying customers.", USERS,
     "200 paying customers"),
    ("Thanks to you, Tilt crossed one million downloads this week.", USERS,
     "Passed 1 million downloads"),
    ("we're at a thousand members in the Discord 🎉", USERS, "Now at 1,000 members"),
    ("Half a million developers now use Tilt.", USERS,
     "500,000 developers use the product"),
    ("This quarter we reached six figures in ARR.", REV, "ARR reached six figures"),
    ("ARR crossed seven figures in March.", REV, "ARR reached seven figures"),
    ("We're officially a seven-figure ARR business.", REV, "ARR reached seven figures"),
    ("We crossed six figures in annual revenue this quarter.", REV,
     "Revenue reached six figures"),
    ("ARR just hit seven figures 🎉", REV, "ARR reached seven figures"),
    ("The company surpassed eight figures in annual recurring revenue.", REV,
     "Revenue reached eight figures"),
    ("Our first million in revenue came in this month.", REV, "First $1 million in revenue"),
    ("We made our first million dollars in sales.", REV, "Made first million dollars in sales"),
    ("As I write this post, we have earned over two thousand dollars for writers.", REV,
     "Earned over $2,000 for writers"),  # whose money it is (owners.py)
    ("five hundred paying customers as of this morning!", USERS,
     "Reached 500 paying customers"),
    ("We now have more than a thousand paying customers.", USERS,
     "Now at over 1,000 paying customers"),
    ("Over a thousand teams now use Tilt.", USERS, "Over 1,000 teams use the product"),
    ("Today, more than two thousand companies use Acme.", USERS,
     "Over 2,000 companies use the product"),
    ("Revenue passed the six-figure mark this quarter.", REV, None),
    ("We crossed a million dollars in ARR last week.", REV, "ARR passed $1 million"),
    ("ARR is now over a million dollars.", REV, "ARR passed $1 million"),
]

# the first money in, the first customer live
FIRSTS: list[tuple[str, EventType, str | None]] = [
    ("closed first revenue @ $98/mo", REV, "First revenue: $98/mo"),
    ("First revenue! A design agency paid for the annual plan.", REV, "First revenue"),
    ("FIRST REVENUE!!! 🎉", REV, "First revenue"),
    ("We closed our first revenue this month: $98/mo from a design agency.", REV,
     "First revenue: $98/mo"),
    ("On Tuesday we received our first payment: $29 from a customer in Ohio.", REV,
     "First revenue: $29"),
    ("Billing is live and we've already collected our first payment.", REV, "First revenue"),
    ("First $1k month!", REV, "First $1k month"),
    ("First $10k MRR month 🎉", REV, "First $10k MRR month"),
    ("October update: first revenue!", REV, "First revenue"),
    ("Landed my first client this week.", REV, "First client"),
    ("Got paid for the first time!", REV, "First revenue"),
    ("A customer paid us for the first time this week.", REV, "First revenue"),
    ("We made money for the first time in March.", REV, "First revenue"),
    ("Big Milestone! First Customer data in.", SUCCESS, "First customer data in"),
    ("Our first customer went live this week.", SUCCESS, "First customer live"),
]

# a record set, said without a figure
RECORDS: list[tuple[str, EventType, str | None]] = [
    ("Conveniently, yet again, we just had our best day and best week ever.", USERS,
     "Best day and best week ever"),
    ("Biggest month ever on every metric.", USERS, "Biggest month ever"),
    ("May was our biggest month ever.", USERS, "Biggest month ever"),
    ("All-time high for comments yesterday", USERS, "All-time high for comments"),
    ("March was our strongest month on record for new subscribers.", USERS,
     "Strongest month on record"),
    ("Highest traffic day in company history.", USERS, "Highest traffic day in company history"),
    ("February was our biggest month ever for new signups.", USERS, "Biggest month ever"),
    ("Last week was Tilt's busiest week in company history.", USERS,
     "Busiest week in company history"),
    ("Signups set a new all-time record on Tuesday.", USERS, None),
    ("Sales this week were the best we've ever had.", REV, None),
    ("best sales day ever today 🚀", REV, "Best sales day ever"),
    ("Acme shattered its all-time monthly sales record in April.", REV, None),
    ("We broke our monthly revenue record again.", REV, None),
    ("All-time best quarter for sales.", REV, None),
    ("Yesterday was the biggest day in Acme's history.", USERS,
     "The biggest day in Acme's history"),
    ("We've never had a better month.", USERS, None),
    ("Never had a bigger signup day 🚀", USERS, None),
    ("Our numbers are at an all-time high.", USERS, None),
    ("A record-breaking month for signups.", USERS, "Record-breaking month for signups"),
    ("It was a record month for new users.", USERS, None),
]

# a customer live in production or in daily use
LIVE: list[tuple[str, EventType, str | None]] = [
    ("Customers: Granot.io launched live in production, using daily for AI SDR", SUCCESS,
     "Granot.io went live in production"),
    ("Globex went live on our platform yesterday 🎉", SUCCESS,
     "Globex went live on the product"),
    ("Initech is now in production with Tilt across all 40 stores.", SUCCESS,
     "Initech went live in production"),
    ("Initech is now running in production with Acme across 40 stores.", SUCCESS,
     "Initech went live in production"),
    ("Umbrella's support team has been using it every day since March.", SUCCESS,
     "Umbrella is using the product daily"),
    ("Hooli rolled us out to all 3,000 employees.", SUCCESS,
     "Hooli rolled the product out company-wide"),
    ("Hooli is now live on Tilt and running all of their payroll through it.", SUCCESS,
     "Hooli went live on the product"),
    ("Globex has gone live with Acme.", SUCCESS, "Globex went live on the product"),
    ("Initech's 400 agents now use Acme every day.", SUCCESS,
     "Initech is using the product daily"),
    ("Our first customer is live in production 🎉", SUCCESS,
     "First customer went live in production"),
    ("A customer went live in production on Monday and their agents use it all day.", SUCCESS,
     None),
]

# a customer staying or growing on us, said without "renewed" or a figure
KEPT: list[tuple[str, EventType, str | None]] = [
    ("Globex re-upped for two more years!", SUCCESS, "Globex renewed"),
    ("Initech signed on for a second year.", SUCCESS, "Initech renewed"),
    ("Globex came back with us for another year.", SUCCESS, "Globex renewed"),
    ("Soylent moved their entire support org onto Acme.", SUCCESS,
     "Soylent expanded its use of the product"),
    ("Globex is now running all of their billing on Acme.", SUCCESS,
     "Globex expanded its use of the product"),
    ("Umbrella is expanding their rollout to the whole EU team.", SUCCESS,
     "Umbrella expanded its use of the product"),
    ("Globex doubled their seat count.", SUCCESS, "Globex expanded its use of the product"),
    ("Zero churn this month.", SUCCESS, "Zero churn this month"),
    ("Not a single customer churned in Q3.", SUCCESS, "Not a single customer churned in Q3"),
]

# look-alikes that state no event at all
SILENT = [
    # plans, hopes, hypotheticals
    "we want to hit triple digits by June",
    "Let's hit triple digits by the end of January.",
    "If we get to a thousand users, we'll raise.",
    "Goal for Q3: six figures in ARR.",
    "We're hoping to hit ten thousand signups by launch.",
    "Our goal: a thousand paying users.",
    "If we reach a thousand stars, we'll do a giveaway.",
    "Hoping for our first paying customer next month.",
    "We may see our best month ever.",
    "We hope June will be our best month ever.",
    "Globex is going live next week.",
    "Globex will go live next month.",
    # other people's numbers and records
    "Their app just hit a million downloads",
    "Congrats to @jane whose package crossed a thousand stars!",
    "Stripe passed a million merchants years ago.",
    "Vercel crossed a million developers last year.",
    "Their ARR crossed seven figures.",
    "Globex hit a thousand employees this year.",
    "Our competitor broke its sales record.",
    "Two hundred people joined the webinar on Tuesday.",
    # ordinals that are no milestone, firsts still awaited or remembered
    "The first version of the dashboard is ready for review.",
    "The first time I tried the API it failed.",
    "First draft of the deck attached.",
    "First call with Globex went well.",
    "first customer call tomorrow at 10",
    "Still waiting on our first paying customer.",
    "How do you get your first thousand users?",
    "Waiting for our first payment to clear.",
    "The first payment is due on the 5th.",
    "First revenue report is attached.",
    "Next up: first revenue",
    "Goals \u2013 First Revenue",
    "We got our first customer complaint today.",
    "Got my first client call tomorrow.",
    "The moment came when I received my first payment notification for a paid feature.",
    # counts of what is no audience or money
    "We fixed one hundred bugs this sprint.",
    "A dozen meetings this week, exhausting.",
    "We're seeing double-digit latency on the API.",
    "We have two hundred open issues on GitHub.",
    "Triple digits on the bug tracker, not great.",
    "Ten thousand steps today!",
    "We sent a thousand emails this week.",
    "The dashboard now has a hundred charts.",
    "She turned down a six-figure salary to join us.",
    # records of what is no business figure
    "Best day ever at the offsite!",
    "That was the best talk I've seen all year.",
    "Record heat yesterday",
    "all-time high for AWS spend this month",
    "Worst week ever.",
    "That was our best offsite ever.",
    "It was our biggest month ever for support tickets.",
    "Best week ever!!",
    "We broke our record for bug reports this week.",
    "All-time high in latency yesterday, ugh.",
    "Acme broke the land speed record.",
    "We've never had a worse month.",
    "I've never had a better burrito.",
    "We have never had a bigger outage.",
    "Stripe had the biggest day in its history.",
    "Yesterday was the biggest day in Stripe's history.",
    "Our numbers are at an all-time low.",
    "We got paid for the first time by the client for the consulting gig?",
    "The first time we got paid was in 2019.",
    "ARR should be over a million dollars by June.",
    "Today, more than two thousand companies use Slack.",
    "Over a thousand teams now use Slack.",
    "Globex has gone live with Salesforce.",
    "Globex moved their entire billing stack onto Stripe.",
    "We moved our entire support org onto Zendesk.",
    "No churn data yet.",
    "Zero churn is the goal for Q3.",
    "We want zero churn this year.",
    "No cancellations? That would be a first.",
    "Our landlord extended for another year.",
    "Tom came back for another year of school.",
    "Jane stayed on for another year.",
    "Globex will expand their rollout next quarter.",
    "A customer doubled their seat count.",
    # a count that describes rather than reports (a press release's "About" line, an aside)
    "Acme is used by over a million developers.",
    "Founded in 2015, Acme is trusted by more than ten thousand teams worldwide.",
    "We have over a hundred customers, so this bug matters.",
    "Our one hundred customers deserve better docs.",
    "Jane's newsletter passed ten thousand subscribers.",
    "It was our biggest week ever for downtime.",
    "This was our best release ever.",
    "The post hit a thousand upvotes.",
    "Our customer Globex hit a million users.",
    "Congrats to Globex on passing a million users!",
    "Since we first hit a thousand users, support has been harder.",
    "Ever since we crossed ten thousand stars, issues pile up.",
    "Remember when Globex went live on our platform?",
    "A year ago today we got our first paying customer.",
    "Our first dollar will come from the Pro plan.",
    "We're nearly at a thousand subscribers.",
    "What if we hit six figures this year?",
    "Two years ago we had our best month ever.",
    "In 2019 we reached six figures in ARR.",
    # our own deploy or our own use
    "The deploy is live in production.",
    "We're using it daily internally.",
    "Jane has been using it every day.",
    "I've been using it daily.",
    # old news
    "Back in 2021 we hit a thousand users.",
    "Our first customer, back in 2019, was a bakery.",
]

# what goes live that is no customer of ours (other readers may read a launch there)
NOT_A_CUSTOMER = [
    "The Billing Service is live in production.",
    "Postgres 16 went live in production last night.",
    "The new checkout went live in production.",
    "Globex went live on Shopify last week.",
    "The Salesforce connector is now live on Acme.",
    "Globex's API went live in production, using our SDK.",
]


def _read(make_message: MakeMessage, text: str) -> list[tuple[EventType, str]]:
    return [(e.event_type, e.title) for e in read(make_message, text, aliases=OURS)
            if e.polarity is Polarity.POSITIVE]


@pytest.mark.parametrize(("text", "kind", "title"), IN_WORDS + FIRSTS + RECORDS + LIVE + KEPT)
def test_a_milestone_said_in_words_is_read(make_message: MakeMessage, text: str,
                                           kind: EventType, title: str | None) -> None:
    events = _read(make_message, text)
    assert [k for k, _ in events] == [kind], events
    if title is not None:
        assert events[0][1] == title


@pytest.mark.parametrize("text", SILENT)
def test_a_look_alike_states_no_event(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text, aliases=OURS) == []


@pytest.mark.parametrize("text", NOT_A_CUSTOMER)
def test_our_service_or_a_platform_going_live_is_no_customer(make_message: MakeMessage,
                                                             text: str) -> None:
    assert SUCCESS not in [k for k, _ in _read(make_message, text)]


def test_a_six_figure_contract_is_a_deal_not_revenue(make_message: MakeMessage) -> None:
    events = _read(make_message, "We signed a six-figure contract with Globex.")
    assert [k for k, _ in events] == [T.ENTERPRISE_DEAL], events


def test_an_update_email_states_its_milestone_once(make_message: MakeMessage) -> None:
    text = ("Dear Reader,\n\n  We did it! We hit one hundred daily active readers! Triple "
            "digits! Another zero!\n\n  Jeff and I were too busy working to notice. So now we're "
            "back at the drawing board, figuring out how to get to 1000 daily actives.")
    events = _read(make_message, text)
    assert events == [(USERS, "Reached 100 daily active readers")]


_CTX = Context(aliases_pattern(["Acme", "Tilt"]))


@pytest.mark.parametrize(("reader", "text"), [
    (in_words, "we passed ten thousand installs"),
    (firsts, "got our first payment today"),
    (record_prose, "our busiest week ever"),
    (customer_live, "Globex went live on our platform"),
    (customer_kept, "Globex re-upped for another year"),
])
def test_each_reader_reads_its_family(reader: object, text: str) -> None:
    assert callable(reader)
    found = reader(text, text.lower(), _CTX)
    assert found is not None and found.event_type in {USERS, REV, SUCCESS}


@pytest.mark.parametrize(("reader", "text"), [
    (in_words, "we fixed a thousand bugs"),
    (firsts, "the first version is ready"),
    (record_prose, "our biggest outage week ever"),
    (customer_live, "Globex went live on Shopify"),
    (customer_kept, "Globex moved their whole billing stack onto Stripe"),
])
def test_each_reader_leaves_its_look_alike(reader: object, text: str) -> None:
    assert callable(reader)
    assert reader(text, text.lower(), _CTX) is None


def test_a_pricing_plan_heading_is_no_section_of_plans(make_message: MakeMessage) -> None:
    text = ("## Launching a paid plan for acme.io\n\nI launched a paid plan for acme.io. That "
            "very evening, to my utter amazement, I got my first subscriber.")
    assert REV in [k for k, _ in _read(make_message, text)]


@pytest.mark.parametrize("heading", ["## Plans for next month", "## Our plans for March",
                                     "## Goals for next month"])
def test_a_first_under_a_plans_heading_is_still_a_plan(make_message: MakeMessage,
                                                       heading: str) -> None:
    text = f"{heading}\n\n- Get my first subscriber.\n- Land our first paying customer."
    assert _read(make_message, text) == []
