"""coverage.py's phrasing families, each in several styles (Slack chatter, a founder's monthly
post, a newsletter, a press release, a headline, a community announcement) beside the
look-alikes that must give no event of its type: content made about us, lists made, offers to buy
us, counts of markets reached, customers' results with us, record ratings. Every message is
hand-written."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules.coverage import already_done
from signalpipe.models import EventType
from tests.unit.rules_read import MakeMessage, read

T = EventType

# A message, the type it states, and the title an investor reads.
FOUND = [
    # someone else's guide, video, talk or article about our product
    ("AppUiO, a container platform based on RedHat's OpenShift, recently introduced a guide "
     "detailing how to use Acme with their cloud offering.", T.MEDIA_COVERAGE,
     "Coverage by AppUiO"),
    ("## Acme in 17 minutes\nVictor Farcic made a fantastic video about Acme, explaining what "
     "it does.", T.MEDIA_COVERAGE, "Coverage by Victor Farcic"),
    ("Shoutout to Kelsey, who wrote a great tutorial on deploying Acme with Terraform.",
     T.MEDIA_COVERAGE, "Coverage by Kelsey"),
    ("In his KubeCon talk, Liz Rice recommended Acme for local development.",
     T.MEDIA_COVERAGE, "Coverage by Liz Rice"),
    ("Martin Fowler's latest article mentions Acme as an example of event sourcing done right.",
     T.MEDIA_COVERAGE, "Coverage by Martin Fowler"),
    ("LogRocket published a comparison of Acme and Prisma.", T.MEDIA_COVERAGE,
     "Coverage by LogRocket"),
    # a ranking or an issue we made
    ("We made the Inc. 5000 list this year (#412).", T.MEDIA_COVERAGE, "Named to the Inc. 5000"),
    ("Acme cracked the Deloitte Technology Fast 500.", T.MEDIA_COVERAGE,
     "Named to the Deloitte Technology Fast 500"),
    ("We're in this week's JavaScript Weekly newsletter!", T.MEDIA_COVERAGE,
     "Featured in JavaScript Weekly"),
    # one of us on a named programme, an outlet quoting or mentioning us
    ("Acme CEO Jane Doe joins Bloomberg TV to discuss the future of payments.",
     T.MEDIA_COVERAGE, "Coverage in Bloomberg TV"),
    ("Jane spoke to the Financial Times about our expansion.", T.MEDIA_COVERAGE,
     "Coverage in Financial Times"),
    ("The Wall Street Journal quoted our CEO in a story on AI chips.", T.MEDIA_COVERAGE,
     "Coverage in The Wall Street Journal"),
    ("We got a mention in the Stratechery newsletter.", T.MEDIA_COVERAGE,
     "Coverage in Stratechery newsletter"),
    # an honour won, a title voted, a list made, in headline and chat words
    ("Acme takes top honors at CES Innovation Awards", T.MEDIA_COVERAGE,
     "Award: top honors (CES Innovation Awards)"),
    ("Acme took home Best in Show at Collision 2025.", T.MEDIA_COVERAGE,
     "Award: Best in Show (Collision 2025)"),
    ("Acme is a 2025 Webby Award winner.", T.MEDIA_COVERAGE, "Award: Webby Award"),
    ("Acme was voted Best Startup of 2025 by readers of The Next Web.", T.MEDIA_COVERAGE,
     "Award: Best Startup of 2025 (readers of The Next Web)"),
    ("Acme receives 2025 Gartner Peer Insights Customers' Choice distinction", T.MEDIA_COVERAGE,
     "Award: Gartner Peer Insights Customers' Choice"),
    ("Forbes listed Acme among the 25 fintechs to watch.", T.MEDIA_COVERAGE,
     "Named among 25 fintechs to watch"),
    ("Acme makes Fast Company's World Changing Ideas list", T.MEDIA_COVERAGE,
     "Named to Fast Company's World Changing Ideas list"),
    # an offer to buy us, taken or not
    ("We turned down a $2M acquisition offer from a PE firm last month.", T.INVESTOR_INTEREST,
     "Acquisition offer received ($2M), declined"),
    ("Got an unsolicited buyout offer this week. Not selling.", T.INVESTOR_INTEREST,
     "Acquisition offer received"),
    ("A PE firm offered to acquire us for $10M; we said no.", T.INVESTOR_INTEREST,
     "Acquisition offer received ($10M), declined"),
    ("## What's next?\n\nI've already rejected a $500k offer because I think there's more I can "
     "do to grow Acme and get a real payout.", T.INVESTOR_INTEREST,
     "Acquisition offer received ($500k), declined"),
    ("Got an email from a partner at Benchmark wanting to chat about the round.",
     T.INVESTOR_INTEREST, "Inbound interest from Benchmark"),
    # a count of countries or languages reached
    ("Acme is now available in 30 countries.", T.MARKET_EXPANSION,
     "Now available in 30 countries"),
    ("\U0001f30d The app now speaks 12 languages!", T.MARKET_EXPANSION,
     "Now available in 12 languages"),
    ("Acme is now localized into 8 languages, thanks to our community.", T.MARKET_EXPANSION,
     "Now available in 8 languages"),
    ("We now ship to 40 countries.", T.MARKET_EXPANSION, "Now shipping to 40 countries"),
    # a place reached, in a headline's or a chat's words
    ("Acme opens S\u00e3o Paulo office to serve Latin American customers", T.MARKET_EXPANSION,
     "Opened S\u00e3o Paulo office"),
    ("Acme enters German market with Frankfurt data center", T.MARKET_EXPANSION,
     "Entered the German market"),
    ("Acme is now available to customers in the EU, with data stored in Frankfurt.",
     T.MARKET_EXPANSION, "Expanded to EU"),
    ("Starting today, Acme is available across Canada.", T.MARKET_EXPANSION,
     "Expanded to Canada"),
    ("Acme rolls out to all 27 EU member states.", T.MARKET_EXPANSION, "Expanded to EU"),
    ("Our first Japanese customer went live today.", T.MARKET_EXPANSION,
     "First Japanese customer"),
    # a customer's result with us, seats added, a rating reached
    ("Globex cut onboarding time by 40% with Acme.", T.CUSTOMER_SUCCESS,
     "Customer result: Globex"),
    ("Acme helped Hooli reduce cloud costs by 35%.", T.CUSTOMER_SUCCESS,
     "Customer result: Hooli"),
    ("Customer win: Pied Piper doubled their deploy frequency using Acme.",
     T.CUSTOMER_SUCCESS, "Customer result: Pied Piper"),
    ("The French Prime Minister used Acme at an event last week.", T.CUSTOMER_SUCCESS,
     "Customer story: French Prime Minister"),
    ("NASA used Acme to plan the Artemis crew schedule.", T.CUSTOMER_SUCCESS,
     "Customer story: NASA"),
    ("Globex reported a 30% reduction in churn using Acme.", T.CUSTOMER_SUCCESS,
     "Customer result: Globex"),
    ("Hooli expanded from 50 to 200 seats.", T.CUSTOMER_SUCCESS, "Hooli expanded to 200 seats"),
    # a customer story published, a renewal signed, a satisfaction score risen
    ("Case Study Spotlight \u2013 Globex's API Success with Acme!", T.CUSTOMER_SUCCESS,
     "Case study: Globex"),
    ("Customer story: Pied Piper moves its entire data stack to Acme", T.CUSTOMER_SUCCESS,
     "Case study: Pied Piper"),
    ("Read how Hooli scaled to 10M users on Acme.", T.CUSTOMER_SUCCESS, "Case study: Hooli"),
    ("Globex signed a 3-year renewal worth $450k.", T.CUSTOMER_SUCCESS, "Globex renewed"),
    ("Our NPS jumped from 41 to 63 this quarter.", T.CUSTOMER_SUCCESS, "NPS rose to 63"),
    ("Our App Store rating hit 4.8 this month.", T.CUSTOMER_SUCCESS,
     "App Store rating reached 4.8"),
    ("Record 4.9 average on G2 after 200 reviews.", T.CUSTOMER_SUCCESS, "Record 4.9 rating"),
]


@pytest.mark.parametrize(("text", "kind", "title"), FOUND)
def test_a_family_gives_its_event(make_message: MakeMessage, text: str, kind: EventType,
                                  title: str) -> None:
    events = read(make_message, text)
    assert (kind, title) in [(e.event_type, e.title) for e in events]


# Look-alikes: each must give no event of the type beside it.
NOT_FOUND = [
    # our own content, content asked for or planned, someone else's subject
    ("We published a guide to using Acme with Docker.", T.MEDIA_COVERAGE),
    ("Could you make a video about Acme for the launch?", T.MEDIA_COVERAGE),
    ("Fireship published a video about Bun yesterday, worth a watch.", T.MEDIA_COVERAGE),
    ("I wrote a blog post about how we use Acme internally.", T.MEDIA_COVERAGE),
    ("Planning a tutorial series on Acme for next month.", T.MEDIA_COVERAGE),
    ("Kelsey will give a talk about Acme at KubeCon in May.", T.MEDIA_COVERAGE),
    ("Listened to the Acquired podcast on the drive in, great episode on Nvidia.",
     T.MEDIA_COVERAGE),
    # lists aimed for, decisions made, nominations
    ("We made the decision to keep the legacy Acme plugin.", T.MEDIA_COVERAGE),
    ("Hoping we make the Forbes Cloud 100 next year.", T.MEDIA_COVERAGE),
    ("Acme was nominated for the Webby Awards.", T.MEDIA_COVERAGE),
    # appearances ahead, pitches, someone joining a company; finalists, entries, others' lists
    ("Jane will be on Bloomberg TV tomorrow at 9am.", T.MEDIA_COVERAGE),
    ("We pitched the Financial Times on a story about our raise.", T.MEDIA_COVERAGE),
    ("Lord Livingston joins Globex as chairman.", T.MEDIA_COVERAGE),
    ("Acme was a finalist in the Startup Battlefield.", T.MEDIA_COVERAGE),
    ("Submitted Acme to the Red Dot Design Award.", T.MEDIA_COVERAGE),
    ("Forbes listed Globex among the 25 fintechs to watch.", T.MEDIA_COVERAGE),
    # job offers, offers we made, another company's offer, our outreach, interest hoped for
    ("I turned down a $180k job offer from Google to keep building Acme.", T.INVESTOR_INTEREST),
    ("We made an offer to acquire Tinybird's CLI team.", T.INVESTOR_INTEREST),
    ("Globex rejected a $3B takeover offer from Initech.", T.INVESTOR_INTEREST),
    ("Globex received an acquisition offer from Oracle.", T.INVESTOR_INTEREST),
    ("We received an offer letter template from legal.", T.INVESTOR_INTEREST),
    ("We reached out to 40 funds this week for the seed.", T.INVESTOR_INTEREST),
    ("We hope to get inbound from top funds after the launch.", T.INVESTOR_INTEREST),
    # reach that is no opening, docs translated, plans, another company's markets
    ("We have users in 40 countries.", T.MARKET_EXPANSION),
    ("Our docs are now available in 8 languages.", T.MARKET_EXPANSION),
    ("We plan to be live in 10 countries by Q4.", T.MARKET_EXPANSION),
    ("Globex is now available in 30 countries.", T.MARKET_EXPANSION),
    ("Customers from 12 countries joined the webinar.", T.MARKET_EXPANSION),
    ("We're hiring in London.", T.MARKET_EXPANSION),
    ("Our London office party is on Friday.", T.MARKET_EXPANSION),
    ("Globex expands to Australia.", T.MARKET_EXPANSION),
    ("We're exploring an expansion to Japan next year.", T.MARKET_EXPANSION),
    ("Acme is now available in Slack and Teams.", T.MARKET_EXPANSION),
    ("Globex signed their first Japanese customer.", T.MARKET_EXPANSION),
    # a customer's own result, our own speed-up, our team's seats, others' ratings and renewals
    ("Globex cut costs by 40% this year.", T.CUSTOMER_SUCCESS),
    ("We cut onboarding time by 40% with the new wizard.", T.CUSTOMER_SUCCESS),
    ("We grew from 5 to 12 users on the team plan.", T.CUSTOMER_SUCCESS),
    ("Globex's app has a record 4.9 rating.", T.CUSTOMER_SUCCESS),
    ("Aim for a 4.8 rating on the App Store by June.", T.CUSTOMER_SUCCESS),
    ("Globex renewed their contract with Oracle.", T.CUSTOMER_SUCCESS),
    ("Hooli cut 200 jobs, according to Reuters.", T.CUSTOMER_SUCCESS),
    ("Acme helped me get through a tough week.", T.CUSTOMER_SUCCESS),
    ("I used Acme yesterday to test the webhook.", T.CUSTOMER_SUCCESS),
    ("We should write a case study with Globex.", T.CUSTOMER_SUCCESS),
    ("Globex published a case study with Salesforce.", T.CUSTOMER_SUCCESS),
    ("My purpose with Acme is to learn how SaaS works.", T.CUSTOMER_SUCCESS),
    ("Renewal with Initech is due next month.", T.CUSTOMER_SUCCESS),
    ("Globex's NPS jumped to 70 after their redesign.", T.CUSTOMER_SUCCESS),
    ("Globex used to be an Acme customer.", T.CUSTOMER_SUCCESS),
    ("Globex saw a 3x increase in revenue this year.", T.CUSTOMER_SUCCESS),
]


@pytest.mark.parametrize(("text", "kind"), NOT_FOUND)
def test_a_look_alike_gives_no_event_of_its_type(make_message: MakeMessage, text: str,
                                                 kind: EventType) -> None:
    events = read(make_message, text)
    assert [e.title for e in events if e.event_type is kind] == []


def test_a_mention_by_pronoun_names_who_the_sentence_before_named(
        make_message: MakeMessage) -> None:
    text = ("James Turnbull, VP Engineering at Sotheby's, explores best practices to onboard "
            "new developers. Among Skaffold, Garden and Telepresence, he mentions Acme as a tool "
            "to manage local workflows.")
    events = read(make_message, text)
    assert [e.title for e in events if e.event_type is T.MEDIA_COVERAGE] == [
        "Coverage by James Turnbull"]


@pytest.mark.parametrize(("clause", "done"), [
    ("I've already rejected a $500k offer", True),
    ("we have already signed the lease", True),
    ("we already plan to hire two engineers", False),
    ("I want to reject the next offer", False),
])
def test_already_done_is_told_from_a_plan(clause: str, done: bool) -> None:
    assert already_done(clause) is done


def test_a_cue_of_these_families_cuts_no_clause(make_message: MakeMessage) -> None:
    # "offer" and "joins" cue coverage.py; the hire is still read whole, not cut at "and"
    text = ("Team, I'm delighted to tell you that Elena Murphy has accepted our offer and joins "
            "us as VP of Engineering.")
    events = read(make_message, text)
    assert [e.event_type for e in events] == [T.HIRING]


def test_an_office_opened_beside_a_description_of_scale_is_the_only_event(
        make_message: MakeMessage) -> None:
    # the count of teams describes the company (longform.py); the office opened is news
    text = "Used by more than 8,000 engineering teams, Acme today opened its London office."
    events = read(make_message, text)
    assert [(e.event_type, e.title) for e in events] == [
        (T.MARKET_EXPANSION, "Opened London office")]
