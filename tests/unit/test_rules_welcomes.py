"""People joining and leaving the company, and the company joining another one (welcomes.py), in
the words founders use: newsletters, monthly updates, Slack, emails, press lines and headlines.
Every text is hand-written; each family stands beside look-alikes that are no event of ours."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity, Source
from tests.unit.rules_read import MakeMessage, read

T = EventType

# (text, a word the title must hold): a hire told as a welcome, a join, a role taken up
HIRES = [
    ("In May we welcomed two new teammates, Lizz Thabet and Lucie le Blanc. Lizz joins us as a "
     "frontend engineer, while Lucie is a software engineer intern.", "Lizz"),
    ("please welcome Ana, our new Head of Sales", "Ana"),
    ("Please give a warm welcome to Sam Lee, who joins us as our first Customer Success "
     "Manager.", "Sam Lee"),
    ("Welcome aboard Maria! She's our new head of growth.", "Maria"),
    ("We're so excited to welcome Jackson and JP to the team!", "Jackson"),
    ("[Justin Bennett](https://just-be.dev) has joined our team!", "Justin Bennett"),
    ("Priya has joined as CTO", "Priya"),
    ("Excited to announce that Jordan Park has joined Acme as Chief Revenue Officer.",
     "Jordan Park"),
    ("Kevin De Porre and Garry Hill have joined Acme as founding engineers.", "Kevin De Porre"),
    ("My name is Lian, and I've taken up the mantle of Developer Advocacy at Acme.", "Lian"),
    ("I asked my wife Liz to join me and take care of marketing, sales, and customer care.",
     "Liz"),
    ("Team update: Jonas accepted our offer and starts on March 3rd.", "Jonas"),
    ("We're excited to announce that <@U2H3TT8F2> and <@U7SL518D6> have joined the Acme "
     "Developer Relations team.", "Developer Relations"),
    ("- Hired a writer to help with the research part of the newsletter", "writer"),
    ("I hired Acme's first support engineer.", "support engineer"),
    ("We recently started onboarding a new team member to help us with customer support.",
     "team member"),
    ("We doubled in size (from 2 to 4) last month, so I wanted to gush about my colleagues.",
     "from 2 to 4"),
    ("We officially added a fourth to the team!", "fourth"),
    ("Say hello to our newest team member, Ravi Patel! Ravi joins as a Senior Backend "
     "Engineer.", "Ravi"),
    ("Some team news: Ben joined us as our second engineer this month.", "second engineer"),
    ("Our founding engineer, Maria Gomez, officially joined full-time in March.", "Maria Gomez"),
    ("We brought on Jake Miller as Head of Customer Success.", "Head of Customer Success"),
    ("Meet Oskar, our first full-time designer! He joined us last week from Figma.", "Oskar"),
    ("Huge welcome to @maria who joins the eng team today", "Maria"),
    ("We're delighted to welcome Dr. Aisha Bello as our Chief Medical Officer.",
     "Dr. Aisha Bello"),
    ("Please join me in welcoming Carlos Mendez, our new VP of Sales.", "VP of Sales"),
    ("Welcome to the team, Priya! \U0001f389", "Priya"),
    ("Big news: Sam is officially my co-founder and CTO!", "Sam"),
    ("Casey Orvin Joins Acme as Chief Commercial Officer", "Casey Orvin"),
    ("[Kyle\u00a0Mathews](https://example.com) has joined the team", "Mathews"),
    ("Sam rejoined Acme as Head of Product after two years at Stripe.", "Head of Product"),
    ("Our first hire, Ana, starts Monday!", "Ana"),
    ("Offer accepted by our new Head of Engineering, starting Sept 1.", "Head of Engineering"),
]
# Joining, welcoming and accepting that hire no one: members, guests, calls, third parties,
# offers still out, job posts
NOT_HIRES = [
    "Welcome to the community, Sam! Glad you joined the channel.",
    "Please welcome our guest speaker, Jane Doe, CTO of Globex.",
    "Welcome back everyone, hope you had a good break!",
    "We welcome contributions from the community.",
    "Welcome to the Acme newsletter!",
    "Sam joined the Discord yesterday, welcome Sam!",
    "Jess joined us on the podcast to talk about pricing.",
    "Jane joined the call late.",
    "Stripe has hired Jane Doe as its new CFO.",
    "Globex just hired a new CTO.",
    "Former Acme CTO Jane Doe joins Globex as VP Engineering.",
    "Kevin De Porre and Garry Hill join Globex as founding engineers",
    "We sent an offer to a senior backend engineer yesterday.",
    "We're hiring a Head of Sales! Apply here.",
    "We interviewed three candidates for Head of Sales this week.",
    "We hired a lawyer to review the contract.",
    "Globex hired a new support engineer last week.",
    "We asked my wife to join us for dinner after the launch.",
    "Microsoft joins us as a launch partner for the new API.",
    "Our sales team grew to 12 people.",
    "Sam is my co-founder's brother.",
    "Looking for a technical co-founder, DM me.",
    "Our first hire will be a designer.",
    "Our investor Index Ventures welcomed a new partner, Jan Hammer.",
    "Congrats to our customer Globex on hiring their new CTO!",
    "Priya from Globex joined our Slack Connect channel.",
    "Welcome to all the new folks who joined our community this week!",
    "We'd love for you to join us as a beta tester.",
    "If Dana accepts our offer, she would start in May.",
    "Dana hasn't accepted our offer yet.",
    "We added Globex as a reseller.",
    "Welcome Jane! Great to have you in the community.",
    "Please join me in welcoming our panelists.",
    "Everyone please welcome the new interns to the Discord!",
    "John joined as a guest on our podcast this week.",
]
# (text, who): a departure, a lowlight
DEPARTURES = [
    ("today is Lian's last day at Acme", "Lian"),
    ("Friday was Elena's last day with us.", "Elena"),
    ("Dana is moving on after four great years", "Dana"),
    ("After five amazing years, Priya has decided to move on from Acme.", "Priya"),
    ("Tom has left the company", "Tom"),
    ("We said goodbye to Jonas, our first engineer, this week.", "Jonas"),
    ("Our co-founder Sam has decided to step away from the company.", "Sam"),
    ("Unfortunately we had to part ways with our VP of Marketing.", "VP of Marketing"),
    ("Personal news: I'm leaving Acme after four incredible years.", "team member"),
    ("Farewell to Tom, who is leaving us after 3 years.", "Tom"),
]
LAYOFFS = [
    "we had to let 5 people go this week",
    "We've put a hiring freeze in place until Q3",
    "We had to let go of 12 people, about a third of the team.",
]
NOT_DEPARTURES = [
    "Today is the last day to register for the webinar.",
    "My last day of vacation is Friday.",
    "Let's move on to the next item.",
    "Moving on to the next topic: the roadmap.",
    "Jane left a comment on the PR.",
    "Mark left the call early.",
    "Sam left early for the dentist.",
    "Thursday is the last day to submit talks.",
    "Today is the last day of our Black Friday sale.",
    "Jane Smith, who left the company in 2019, founded Globex.",
    "Tom is moving to the Berlin office next month.",
    "Carlos will join the call at 3pm.",
    "Yet both Sutskever and then Leike left the company in May after a falling out with "
    "leadership at OpenAI.",
]
# (text, buyer): the company joining another, `other` with its buyer named
BOUGHT = [
    ("Big news! The Acme team is joining Docker.", "Docker"),
    ("We've been acquired by Datadog!", "Datadog"),
    ("Acme has been acquired by Atlassian.", "Atlassian"),
    ("We're excited to announce that Acme has agreed to be acquired by Stripe.", "Stripe"),
    ("Acme is now part of Atlassian", "Atlassian"),
    ("Acme is now officially part of the Shopify family.", "Shopify"),
    ("We are merging with Globex to build the leading platform", "Globex"),
    ("Acme and Globex are merging to create the largest logistics platform in Europe.",
     "Globex"),
    ("We're joining Vercel! Here's what it means for Acme users.", "Vercel"),
    ("Acme Agrees to Be Bought by Oracle", "Oracle"),
    ("Acme to be acquired by Salesforce for $1.2B", "Salesforce"),
    ("Acme is now a part of Datadog.", "Datadog"),
    ("Acme merges with Globex", "Globex"),
    ("The deal closed: we're officially part of Globex.", "Globex"),
    ("Electric is joining Databricks to add our data primitives to Lakebase.", "Databricks"),
]
NOT_BOUGHT = [
    "We're joining AWS re:Invent as a sponsor this year!",
    "We're joining Stripe Sessions next week, come say hi.",
    "Acme is part of the Shopify partner ecosystem.",
    "I'm merging with main after the review.",
    "Merged with upstream, all tests green.",
    "We merged with the latest changes from Globex's API.",
    "Docker acquired Tilt back in 2022, which is why we moved our CI to GitHub Actions.",
    "GSK joins China trade push as UK trumpets healthcare deals",
    "Last month we joined Adam Stacoviak and Jerod Santo over at changelog.com to talk about "
    "Acme.",
    "Globex is now part of the S&P 500.",
    "We're joining Techstars Boston this fall.",
    "We are joining Y Combinator's W25 batch!",
    "We're joining Globex next week for a joint webinar.",
    "Acme joins Slack Connect with Globex.",
    "Acme acquired Globex last year.",
    "Rumor has it Acme is being acquired by Google.",
    "We're exploring a merger with Globex.",
    "Globex has been acquired by Oracle, which may affect our integration.",
]


@pytest.mark.parametrize(("text", "who"), HIRES)
def test_a_hire_in_a_founders_words_is_read(make_message: MakeMessage, text: str,
                                            who: str) -> None:
    events = read(make_message, text, aliases=("Acme", "Electric"))
    hires = [e for e in events if e.event_type is T.HIRING]
    assert len(hires) == 1, events
    assert hires[0].polarity is Polarity.POSITIVE
    assert who.lower() in hires[0].title.lower(), hires[0].title


@pytest.mark.parametrize("text", NOT_HIRES)
def test_joining_or_welcoming_that_hires_no_one_is_no_hire(make_message: MakeMessage,
                                                            text: str) -> None:
    events = read(make_message, text)
    assert not [e for e in events if e.event_type is T.HIRING], events


@pytest.mark.parametrize(("text", "who"), DEPARTURES)
def test_a_departure_is_a_hiring_lowlight(make_message: MakeMessage, text: str,
                                          who: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(T.HIRING, Polarity.NEGATIVE)], \
        events
    assert who in events[0].title


@pytest.mark.parametrize("text", LAYOFFS)
def test_layoffs_and_freezes_are_hiring_lowlights(make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(T.HIRING, Polarity.NEGATIVE)], \
        events


@pytest.mark.parametrize("text", NOT_DEPARTURES)
def test_last_days_moving_on_and_leaving_that_are_no_departure(make_message: MakeMessage,
                                                                text: str) -> None:
    events = read(make_message, text, source=Source.GMAIL)
    assert not [e for e in events if e.event_type is T.HIRING], events


@pytest.mark.parametrize(("text", "buyer"), BOUGHT)
def test_the_company_joining_a_buyer_is_other(make_message: MakeMessage, text: str,
                                             buyer: str) -> None:
    events = read(make_message, text, aliases=("Acme", "Electric"))
    assert [e.event_type for e in events] == [T.OTHER], events
    assert str(events[0].metrics.get("acquirer", "")).lower() == buyer.lower(), events[0].metrics
    assert buyer in events[0].title


@pytest.mark.parametrize("text", NOT_BOUGHT)
def test_joining_events_merging_branches_and_old_deals_are_no_acquisition(
        make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text)
    assert not [e for e in events if e.event_type is T.OTHER], events


def test_a_newsletters_welcome_and_its_join_are_one_hire(make_message: MakeMessage) -> None:
    text = ("## Welcome New Teammates\n\nIn May we welcomed [two new teammates](https://acme.dev/"
            "about), Lizz Thabet and Lucie le Blanc. Lizz joins us as a frontend engineer, "
            "while Lucie is a software engineer intern.")
    events = read(make_message, text, source=Source.GMAIL)
    assert [e.event_type for e in events] == [T.HIRING], events


def test_the_buyer_told_in_two_posts_is_one_event(make_message: MakeMessage) -> None:
    events = read(make_message, "Big news! The Acme team is joining Docker.",
                  "Acme has been acquired by Docker.", ids=["m1", "m2"])
    assert len(events) == 1, events
    assert sorted(events[0].source_message_ids) == ["m1", "m2"]


def test_a_first_hire_in_a_new_country_is_an_expansion(make_message: MakeMessage) -> None:
    events = read(make_message, "We hired our first employee in Singapore.")
    assert [e.event_type for e in events] == [T.MARKET_EXPANSION], events


@pytest.mark.parametrize(("text", "title"), [
    ("Acme CEO Jane Doe steps down", "Jane Doe (CEO) is leaving"),
    ("Acme's CFO resigns after six months", "Departure: CFO"),
    ("Interim CEO steps down after two months", "Departure: CEO"),
])
def test_a_headline_departure_names_the_person_not_the_company(
        make_message: MakeMessage, text: str, title: str) -> None:
    events = read(make_message, text, source=Source.GMAIL)
    assert [(e.event_type, e.polarity, e.title) for e in events] == [
        (T.HIRING, Polarity.NEGATIVE, title)], events


@pytest.mark.parametrize("text", [
    "Globex CEO steps down",
    "Stripe's CFO resigned yesterday.",
    "Former Acme exec joins Globex as CRO",
])
def test_another_companys_leader_leaving_is_not_ours(make_message: MakeMessage,
                                                     text: str) -> None:
    assert read(make_message, text, source=Source.GMAIL) == []


@pytest.mark.parametrize("text", [
    "Jane Doe, CEO of Globex, joins us to talk about pricing.",
    "Please welcome Jane Doe, CEO of Globex, to the stage!",
    "Welcome Jane Doe, VP Engineering at Stripe, who will share how they scaled.",
    "Globex left us for a competitor last month.",
    "Stripe left us for a cheaper plan.",
])
def test_guests_with_titles_and_customers_leaving_are_no_hiring_news(
        make_message: MakeMessage, text: str) -> None:
    events = read(make_message, text)
    assert not [e for e in events if e.event_type is T.HIRING], events


@pytest.mark.parametrize(("text", "layoff"), [
    ("Acme announced a downsizing of its workforce by 10%.", True),
    ("Acme is downsizing after a tough quarter.", True),
    ("The adoption of a large battery, downsizing of the eAxle and a compact layout.", False),
    ("Downsizing of the engine cut fuel use by 12%.", False),
])
def test_downsizing_is_a_layoff_only_of_people(make_message: MakeMessage, text: str,
                                               layoff: bool) -> None:
    events = read(make_message, text, source=Source.GMAIL)
    hits = [e for e in events if e.event_type is T.HIRING and e.polarity is Polarity.NEGATIVE]
    assert bool(hits) is layoff, events
