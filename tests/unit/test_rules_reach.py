"""The rules extractor on markets opened and left (reach.py) and customers' outcomes with us
(outcomes.py).

Every text is hand-written in the registers people use for these (Slack chatter, a founder's
update email, a press release, a release note, community chat), each family beside its
look-alikes: plans, travel, events held in a place, other companies' moves and figures, offices
closed for a day, praise with no customer, another vendor in production, a customer's own churn.
The second and third sets were written before either module was widened for them."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules.found import Context
from signalpipe.extract.rules.outcomes import (
    churn_moved,
    grew_on_us,
    in_production,
    live_on_us,
    moved_with_us,
    praised,
)
from signalpipe.extract.rules.reach import place_entered, place_left, place_live
from signalpipe.extract.rules.subject import aliases_pattern
from signalpipe.models import EventType, Polarity, SignificantEvent
from tests.unit.rules_read import MakeMessage, read

T = EventType
MARKET, SUCCESS = T.MARKET_EXPANSION, T.CUSTOMER_SUCCESS
OURS = ("Acme", "Tilt")


def _read(make_message: MakeMessage, text: str) -> list[SignificantEvent]:
    return read(make_message, text, aliases=OURS)


def _one(events: list[SignificantEvent], kind: EventType, polarity: Polarity
         ) -> SignificantEvent:
    found = [e for e in events if e.event_type is kind and e.polarity is polarity]
    assert found, [(e.event_type, e.polarity, e.title) for e in events]
    return found[0]


# a place opened: the place as the subject, a region entered, a first there
OPENED: list[tuple[str, str]] = [
    # chat
    ("Canada is live! Canadian merchants can sign up from today", "Expanded to Canada"),
    ("Mexico launch went out this morning, first orders already in", "Expanded to Mexico"),
    ("Singapore entity is set up and our first two hires there start Monday",
     "Expanded to Singapore"),
    ("India is live 🎉 first 40 merchants onboarded this morning", "Expanded to India"),
    ("🇫🇷 France is officially live as of today", "Expanded to France"),
    ("first paying customer in Australia!!", "Expanded to Australia"),
    ("First deal in Singapore closed today!", "Expanded to Singapore"),
    # update mail
    ("In February we entered the Nordics, with our first three customers in Sweden.",
     "Expanded to Nordics"),
    ("Quick update from the Tilt team: our Toronto office is up and running",
     "Expanded to Toronto"),
    ("Highlights this month: we broke into the Japanese market with two pilots converting to "
     "paid.", "Entered the Japanese market"),
    ("We've now got our first customers in Germany — Globex Berlin and two Munich agencies.",
     "Expanded to Germany"),
    ("The UK rollout is done, British users get GBP pricing from today.", "Expanded to UK"),
    # press release
    ("Acme enters the German market through a new office in Munich.",
     "Entered the German market"),
    # release note
    ("Our EU region in Frankfurt went live this week.", "Expanded to EU"),
]

# a market left (lowlights)
LEFT: list[tuple[str, str]] = [
    ("Hard call: we are shutting down our Brazil operation.", "Exited Brazil"),
    ("We paused the US expansion until we raise the next round.", "Paused the US expansion"),
    ("Exiting France: we could not get enough demand there.", "Exited France"),
    ("We've decided to wind down our APAC office in Singapore.", "Closed the APAC office"),
    ("We shut down the Australian operation in May after a slow year there.",
     "Exited Australia"),
    ("Update on Japan: we're pulling back from the Japanese market to focus on the US.",
     "Exited Japan"),
    ("We have stopped selling in Russia.", "Exited Russia"),
    ("Sad news: our Dublin office closes at the end of the month.", "Closed the Dublin office"),
    ("We put the Germany launch on hold until Q3.", "Paused the Germany launch"),
    ("Acme said it has already withdrawn from 32 countries.", "Exited 32 countries"),
]

# a customer's outcome with us
OUTCOMES: list[tuple[str, str]] = [
    # chat
    ("Umbrella's conversion went up 18% in the first month on Acme", "Customer result: Umbrella"),
    ("Globex told us Acme paid for itself in 3 weeks", "Customer result: Globex"),
    ("Globex went live in production on Acme this week", "Globex went live on the product"),
    ("Our first hospital customer is live in production", "First hospital customer live"),
    ("Hooli expanded to three more business units this month",
     "Hooli expanded to three more business units"),
    ("Hooli rolled us out to two more offices this week", "Hooli expanded to two more offices"),
    ("Initech added three more teams to their Acme account",
     "Initech expanded to three more teams"),
    # update mail
    ("Globex's support costs fell 30% after moving to Acme", "Customer result: Globex"),
    ("Initech saw a 5x ROI with Acme in the first year", "Customer result: Initech"),
    ("Churn fell to 0.9% in March, our lowest ever", "Churn fell to 0.9% in March"),
    ("Companies like Globex and Initech are already using Acme in production.",
     "In production at Globex and Initech"),
    ("Globex, Hooli and Initech are just a few of the teams that have upgraded to Acme Pro.",
     "Globex, Hooli and Initech upgraded to Acme Pro"),
    # a changelog's list in Markdown reference links, cut at its " and "
    ("[Watsi][3], [Litmus][4], [Customer.io][5] and [Travis-CI][6] are just a few of the "
     "companies that have upgraded to Pro.", "Watsi, Litmus, Customer.io and Travis-CI upgraded "
     "to Pro"),
    ("Acme is now used in production by companies including Globex, Hooli and Initech.",
     "In production at Globex, Hooli and Initech"),
    # praise and awards a customer gives us
    ("Hooli named Acme their Vendor of the Year", "Hooli named Acme their Vendor of the Year"),
    ("Umbrella named Tilt their partner of the year at their vendor summit",
     "Umbrella named Tilt their Partner of the year"),
    ("Initech gave us a 10/10 in their quarterly vendor review", "Initech rated us 10/10"),
    ("Soylent rated us 5/5 in their annual supplier review", "Soylent rated us 5/5"),
    ("Globex's CTO tweeted that Acme is the best tool they've bought this year",
     "Praise from Globex"),
    ("Umbrella's CEO said on a podcast that Tilt is a game changer", "Praise from Umbrella"),
]

# churn and scores that moved the wrong way (lowlights)
CHURNED: list[tuple[str, str]] = [
    ("Churn was 6% last month, our worst month ever", "Churn was 6% last month"),
    ("Logo churn jumped to 4% in Q2", "Logo churn jumped to 4% in Q2"),
    ("monthly churn hit 7%, highest since launch", "Monthly churn hit 7%, highest since launch"),
    ("NPS dropped from 50 to 31 this quarter", "NPS dropped from 50 to 31 this quarter"),
    ("NRR dipped below 100% this quarter", "NRR dipped below 100% this quarter"),
    ("CSAT fell from 94% to 88% after the migration",
     "CSAT fell from 94% to 88% after the migration"),
    ("Our net promoter score dropped to 22.", "Net promoter score dropped to 22"),
]

SILENT = [
    # plans, hopes, hypotheticals
    "we want to enter France next year",
    "Plan for Q3: launch in Germany and hire a country manager",
    "we're thinking about entering the Nordics next year",
    "If Brazil goes live we'll need a local support person.",
    "Spain launch is scheduled for May.",
    "hopefully we'll be live in Spain by summer",
    # travel, events held in a place, logistics
    "I'm in Berlin this week, ping me if you want to grab coffee",
    "Jane is flying to Tokyo tomorrow for the Globex meeting",
    "The conference is live in Berlin, booth 14",
    "The meetup is live in London tonight, see you there",
    "First meetup opens in Austin with 40 people",
    "We left Berlin at 6 and got to the offsite late.",
    "shipped the order to Germany this morning, tracking number in the thread",
    "can we ship the hardware to Canada?",
    # offices closed for a day, days named after places
    "The Dublin office is closed today for St. Patrick's Day",
    "The office is closed on Monday for the holiday",
    "Canada Day is Monday, so no standup",
    # other companies' moves
    "Stripe just launched in Thailand",
    "Our competitor just launched in Spain.",
    "Globex expanded into Canada last month",
    "Globex closed its Paris office last year.",
    # counts that open or close nothing
    "Our users come from 40 countries.",
    "We left 3 countries off the pricing page by mistake.",
    # customers' own figures and news, other vendors
    "Globex's revenue rose 20% last year",
    "Globex raised their Series B",
    "Initech cut costs by 20% this year",
    "Umbrella rolled Slack out to two more offices",
    "Globex expanded to three more stores in Ohio",
    "Globex uses Postgres in production.",
    "Postgres is used in production by companies like Apple and Netflix.",
    "Hooli's churn rose to 5% after their price change",
    # praise with no customer, feedback, evaluations
    '"Best tool ever!" - a happy customer',
    "Acme is loved by thousands of teams",
    "Initech gave us feedback on the beta",
    "Soylent's CTO said they're evaluating vendors",
    # our own deploys and audiences
    "our API went live in production on Monday",
    "Acme is used in production by thousands of developers worldwide.",
    "Which companies are using Acme in production?",
    # an office moved or partied in, a trip, hours served, a chore, a quarter praised
    "we closed our old London office and moved into a bigger one downtown",
    "cancel the London office party, half the team is sick",
    "I entered the US at JFK, customs took an hour",
    "we expanded to US time zones for support hours",
    "Globex said it is the best quarter they've had",
    "Jane added two more users to staging",
    "first user from India signed up today",
    # churn and scores wished for, surveyed or conditional
    "We want churn below 2% by Q4.",
    "NPS survey results next week",
    "If churn rises again we need to act",
    "Our goal is NPS 60 by Q4",
]


@pytest.mark.parametrize(("text", "title"), OPENED)
def test_a_market_opened_is_read(make_message: MakeMessage, text: str, title: str) -> None:
    event = _one(_read(make_message, text), MARKET, Polarity.POSITIVE)
    assert event.title == title


@pytest.mark.parametrize(("text", "title"), LEFT)
def test_a_market_left_is_a_lowlight(make_message: MakeMessage, text: str, title: str) -> None:
    events = _read(make_message, text)
    event = _one(events, MARKET, Polarity.NEGATIVE)
    assert event.title == title
    assert all(e.polarity is Polarity.NEGATIVE for e in events), events


@pytest.mark.parametrize(("text", "title"), OUTCOMES)
def test_a_customer_outcome_is_read(make_message: MakeMessage, text: str, title: str) -> None:
    event = _one(_read(make_message, text), SUCCESS, Polarity.POSITIVE)
    assert event.title == title


@pytest.mark.parametrize(("text", "title"), CHURNED)
def test_churn_and_falling_scores_are_lowlights(make_message: MakeMessage, text: str,
                                                title: str) -> None:
    event = _one(_read(make_message, text), SUCCESS, Polarity.NEGATIVE)
    assert event.title == title


@pytest.mark.parametrize("text", SILENT)
def test_a_look_alike_states_no_event(make_message: MakeMessage, text: str) -> None:
    assert _read(make_message, text) == []


def test_a_customer_naming_us_partner_of_the_year_is_no_hire(make_message: MakeMessage) -> None:
    # read before hiring, whose "partner" took it for 'Hired Umbrella as Partner'
    events = _read(make_message, "Umbrella named Tilt their partner of the year")
    assert [e.event_type for e in events] == [SUCCESS]


def test_a_vendor_chosen_is_no_praise(make_message: MakeMessage) -> None:
    # "selected Acme as their payments provider" is a buyer's choice, not an award
    events = _read(make_message, "Globex selected Acme as their payments provider")
    assert SUCCESS not in [e.event_type for e in events]


def test_a_market_and_its_restatement_are_one_event(make_message: MakeMessage) -> None:
    events = read(make_message, "Canada is live!", "We launched in Canada this morning.",
                  aliases=OURS)
    assert [(e.event_type, len(e.source_message_ids)) for e in events] == [(MARKET, 2)]


_CTX = Context(aliases_pattern(list(OURS)))


@pytest.mark.parametrize(("reader", "text"), [
    (place_live, "Canada is live!"),
    (place_entered, "we broke into the Japanese market"),
    (place_left, "we are shutting down our Brazil operation"),
    (moved_with_us, "Umbrella's conversion went up 18% on Acme"),
    (praised, "Initech gave us a 10/10"),
    (grew_on_us, "Hooli expanded to three more teams"),
    (live_on_us, "Globex went live in production on Acme"),
    (in_production, "Globex and Initech are already using Acme in production"),
    (churn_moved, "churn jumped to 4%"),
])
def test_each_reader_reads_its_family(reader: object, text: str) -> None:
    assert callable(reader)
    found = reader(text, text.lower(), _CTX)
    assert found is not None and found.event_type in {MARKET, SUCCESS}


@pytest.mark.parametrize(("reader", "text"), [
    (place_live, "Canada Day is Monday"),
    (place_live, "the London office is open on Friday"),
    (place_entered, "we entered the building at 9"),
    (place_left, "I'm leaving Berlin on Friday"),
    (place_left, "the Dublin office is closed today"),
    (moved_with_us, "Globex's revenue rose 20% last year"),
    (praised, "Hooli named Jane Doe their new CTO"),
    (grew_on_us, "Globex expanded to three more stores"),
    (live_on_us, "Globex went live on Shopify"),
    (in_production, "Globex uses Postgres in production"),
    (churn_moved, "churn was 2% in March"),
])
def test_each_reader_leaves_its_look_alike(reader: object, text: str) -> None:
    assert callable(reader)
    assert reader(text, text.lower(), _CTX) is None


def test_led_by_a_person_is_no_deadline(make_message: MakeMessage) -> None:
    # modality once read "by Jane" as "by January": a plan
    events = _read(make_message, "Acme has entered Australia, opening a Sydney office led by "
                                 "Jane Roe.")
    assert [e.event_type for e in events] == [MARKET]
