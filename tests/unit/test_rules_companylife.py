"""The rules extractor on the company's own life as a company (companylife.py): bought, merged,
buying, renamed, moved into an office, incorporated, pivoted, given to a foundation, spun out,
closed.

Every text is hand-written, in the registers such news reaches an investor through (team chat,
a founder's update email, a post to customers, a press release, community chat), each family
beside its look-alikes: another company's deal, rumours and plans, customers "acquired", pull
requests merged, files and channels renamed, office hours, feedback "incorporated", pivot
tables, a server shut down, anniversaries. Two sets were written before the rules that read
them; the second was run against the first set's rules before any rule was widened for it
(28 of 31 read; now all)."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Polarity, Source
from tests.unit.rules_read import MakeMessage, read

T = EventType
OTHER = T.OTHER
POS, NEG = Polarity.POSITIVE, Polarity.NEGATIVE
MAIL = Source.GMAIL


def kinds(make_message: MakeMessage, text: str, aliases: tuple[str, ...] = ("Acme",)
          ) -> list[tuple[EventType, Polarity]]:
    return [(e.event_type, e.polarity) for e in read(make_message, text, aliases=aliases)]


BOUGHT = [
    "Big news team: we're joining Datadog! The deal closed this morning.",
    "Personal news: Acme has been acquired by Globex. Nothing changes for customers for now.",
    "Globex has acquired Acme, the maker of the Tilt scheduling app.",
    "We are thrilled to announce that Globex has signed a definitive agreement to acquire Acme.",
    "we got acquired!!! by Stripe. still can't believe it",
    "Starting today, Acme is officially part of the Globex family.",
    "After seven great years, Acme is becoming part of Atlassian.",
    "Subject: Acme + Globex\nHi all, quick personal note: after six years, Acme is becoming "
    "part of Globex. The team stays together and the product keeps running.",
    "\U0001F389 it's done. we're officially part of Datadog as of this morning",
    "FOR IMMEDIATE RELEASE: Globex Corporation today announced it has completed the acquisition "
    "of Acme Inc., a provider of scheduling software.",
    "We've signed a definitive agreement to merge with Initech.",
    "Acme and Initech announce their intent to merge, creating the largest independent "
    "scheduling vendor.",
    "News this morning: Acme and Initech Boards Approve \u201cIntent to Merge\u201d and Seek Your "
    "Input",
    "the merger with Initech is done, we're one company as of today",
    "merger with initech closed today, welcome to all the new faces",
    "We've merged with our longtime partner Initech; together we're 40 people across two "
    "offices.",
]
BUYING = [
    "We acquired a small team building a Rust SQL parser, and they join us this week.",
    "Acme acquires Initech to bring payroll into the platform",
    "we acqui-hired the team behind Foobar, welcome to the four of them",
    "Acme acqui-hires the team behind Pixelworks, a design tool for engineers.",
    "Welcome, Pixelworks! We're happy to announce that Pixelworks is now part of Acme.",
    "Last month we completed our first acquisition: Helpdesky, a support inbox for small teams.",
    "Our first acquisition is done: we've bought Helpdesky, a two-person support inbox.",
    "Last quarter we bought the small analytics company Plotly Labs to fold their charting "
    "into our dashboard.",
    "Acme has purchased the software consulting company Series Digital, a NYC-based firm.",
    "The design agency Northwind has joined Acme and becomes our in-house design team.",
    "Please welcome Northwind to the Acme family!",
]
RENAMED = [
    ("Acme is now Tilt. Same team, same product, new name.", "Renamed from Acme to Tilt"),
    ("We've renamed the company to Tilt.", "Renamed to Tilt"),
    ("new name, same team: we're Tilt now \U0001F389", "Renamed to Tilt"),
    ("We are rebranding from Acme Labs to Tilt.", "Renamed from Acme Labs to Tilt"),
    ("Acme Software is changing its name to Tilt, effective today.", "Renamed to Tilt"),
    ("Starting today, Acme Labs will be known as Tilt.", "Renamed to Tilt"),
    ("Today we're officially becoming Tilt, our new name after four years as Acme Labs.",
     "Renamed to Tilt"),
    ("Subject: We changed our name!\nAcme is now Tilt.", "Changed the company name"),
    ("heads up: we've renamed the company to Tilt, new logo and domain going live Monday",
     "Renamed to Tilt"),
    ("Going forward, Acme will be known as Tilt.", "Renamed to Tilt"),
    ("We're rebranding as Tilt. Same team, same product, a name that finally fits.",
     "Renamed to Tilt"),
    ("Acme has changed its name to Tilt.", "Renamed to Tilt"),
]
CHANGED = [
    "we moved into the new office in Kreuzberg today, pics soon",
    "new office!! we moved into our new HQ on Oranienstrasse this week \U0001F4E6",
    "In March we got our first real office, a small room above a bakery.",
    "We opened our first office this month, a small space in Lisbon's old town.",
    "We've moved our headquarters to Austin.",
    "we're officially incorporated! Acme Inc, Delaware C-corp \U0001F389",
    "We incorporated as a Delaware C-corp in May so we could take investment.",
    "As of now, we're a real company!",
    "In October we pivoted from a scheduling app to an API for clinics.",
    "we're pivoting to B2B, consumer wasn't working",
    "We're pivoting: from today Acme is a data platform for clinics, not a scheduling app.",
    "We spun out our hardware team as a separate company, Tiltworks.",
    "Acme spun out its hardware unit as a separate company, Tiltworks.",
]
FOUNDATION = [
    "We've donated Tilt to the Cloud Native Computing Foundation, where it joins as a sandbox "
    "project.",
    "We have donated the Tilt project to the Cloud Native Computing Foundation.",
    "Tilt has moved to the Linux Foundation.",
    "Tilt joins the Linux Foundation as a hosted project.",
]
CLOSING = [
    "After five years, we've decided to shut down Acme. The service will stop on March 31.",
    "We are winding down the company and will return the remaining capital to investors.",
    "hard news: we're closing the company. last day of service is june 30",
    "Acme will wind down operations at the end of the quarter.",
    "Subject: Farewell\nAfter four great years, Acme is shutting down. We'll keep the service "
    "running until June 30.",
    "hard news team: we're winding down the company. I'll share details about severance "
    "tomorrow.",
    "We have made the difficult decision to close the company at the end of the month.",
    "Acme will cease operations on March 31, 2026.",
    "we're closing our doors after 7 years \U0001F622",
    "So today, we're announcing that Acme is shutting down and closing its doors.",
]
SILENT = [
    # other companies' deals, rumours, plans, hypotheticals
    "Globex is becoming part of Oracle, so their renewal may slip.",
    "if we ever become part of a bigger company, this code needs to be cleaner",
    "rumour is Google wants to buy us lol",
    "We're exploring a sale of the company this year.",
    "Should we merge with Initech? Thoughts welcome.",
    "Initech acquired the design agency Northwind last week.",
    "Our customer Globex was acquired by Oracle, we need to check their renewal.",
    "if we get acquired, all options vest",
    "Initech merged with Globex in 2019, before we ever met them.",
    # growth language and git
    "we acquired 300 new users this week from the HN post",
    "We acquired 1,200 new customers through the Product Hunt launch.",
    "our customer acquisition cost dropped to $40",
    "merged the PR that fixes the acquisitions dashboard",
    "merged #482 into main, thanks Jane",
    "can someone merge my PR before the release?",
    # renaming things that are not the company
    "renamed the file to config.yaml",
    "I renamed the variable to userCount so it reads better",
    "renamed the Slack channel to #launches",
    "renamed the repo to acme-web, update your remotes",
    "the column is now called created_at",
    "sure, i just delete and recreate the job and changed its name",
    "What should our new name be? Post ideas in #naming",
    "I'm thinking of changing our name to something shorter",
    # offices, incorporation, pivots, foundations
    "moving office furniture on Friday, please clear your desks",
    "office hours are 3pm today in the Zoom room",
    "the office is closed on Monday for the holiday",
    "we should move offices next year, we're running out of desks",
    "We moved offices in January of 2020, so COVID-19 shut down about 14 months of it.",
    "incorporated your feedback into the deck, take another look",
    "We incorporated website monitoring features that would shape the future of Acme.",
    "the pivot table in the finance sheet is broken",
    "should we pivot to B2B? let's discuss Friday",
    "Donated $500 to the Python Software Foundation this month.",
    "I'm speaking at the Linux Foundation's Open Source Summit in May.",
    # closing: others, servers, books, holidays
    "Our competitor Foobar is shutting down next month.",
    "shutting down the staging cluster to save money",
    "shutting down the staging server tonight for maintenance",
    "we're closing the Q3 books this week",
    "We will be closed for the holidays from Dec 24 to Jan 2.",
    "As the year is winding down, the team and I looked back at how far Acme has come.",
    # anniversaries are no event (LABELLING.md lists none)
    "Happy 5th work anniversary to Maria! \U0001F389",
    "Today marks ten years since Jim joined the company, congrats Jim",
    "Acme turns five today! Thank you to every customer who has been with us.",
    "we turn 10 today \U0001F382",
    "Five years of Acme: thank you, everyone.",
]


# A third set, held out until the first two were read: 21 of 33 right before any rule was
# widened for it (misses: lower-case buyers in chat, "is part of" told with "as of today", a firm
# with a two-word name, "we're Tilt now", "is called" beside a rebrand, "officially
# incorporated today", a first office "in January", "closing down", "will shut down").
THIRD = [
    ("acme is now officially part of stripe \U0001F64C", OTHER, POS),
    ("We're excited to share that Acme has joined forces with Globex: Globex has acquired Acme "
     "and the whole team is staying on.", OTHER, POS),
    ("Acme, Inc. today announced that it has been acquired by Globex Corp.", OTHER, POS),
    ("Update for customers: as of today Acme is part of Globex. Your account, data and pricing "
     "stay the same.", OTHER, POS),
    ("acquisition of tinyforms is closed! welcome @maria and @li", OTHER, POS),
    ("In May we acquired the open-source project Formly and hired its two maintainers.", OTHER,
     POS),
    ("Acme acquired Formly, a two-person form-builder startup, in an all-stock deal.", OTHER, POS),
    ("Northwind Design is now part of Acme, and its founders join our product team.", OTHER, POS),
    ("we're Tilt now! same team, new name", OTHER, POS),
    ("Acme Labs Inc. has changed its name to Tilt Inc.", OTHER, POS),
    ("After a lot of thought, we've decided to rebrand: from today, Acme is called Tilt.", OTHER,
     POS),
    ("officially incorporated today \U0001F389 we're Acme Inc now", OTHER, POS),
    ("We moved into our first office in January, after two years of working from kitchens.",
     OTHER, POS),
    ("After 18 months as a consumer app, we pivoted to selling to clinics in March.", OTHER, POS),
    ("Acme is closing down. Thank you to all our customers for the last four years.", OTHER, NEG),
    ("sad news: we're shutting down Acme at the end of the month", OTHER, NEG),
    ("With a heavy heart, we are announcing that Acme will shut down on June 30.", OTHER, NEG),
    ("The board has voted to wind down the company and return capital to shareholders.", OTHER,
     NEG),
]
THIRD_SILENT = [
    "we're moving into the new office next month if the lease gets signed",
    "Globex is shutting down its Berlin office",
    "we're now called \"the fast one\" by our customers lol",
    "Fun fact: we were almost called Tilt.",
    "the acquisitions channel is now called #corp-dev",
    "we shut down the old landing page",
    "can we close the ticket? the fix is deployed",
    "closing this thread, resolved",
    "We'll be closing early today for the team offsite.",
    "I'm closing the laptop for today, bye",
    "we merged the two pricing pages into one",
    "the new office coffee machine is amazing",
    "Acme's Berlin office now has 12 people",
]


@pytest.mark.parametrize(("text", "kind", "polarity"), THIRD)
def test_a_third_set_held_out(make_message: MakeMessage, text: str, kind: EventType,
                              polarity: Polarity) -> None:
    assert (kind, polarity) in kinds(make_message, text), text


@pytest.mark.parametrize("text", THIRD_SILENT)
def test_the_third_sets_look_alikes(make_message: MakeMessage, text: str) -> None:
    assert OTHER not in [kind for kind, _ in kinds(make_message, text)], text


@pytest.mark.parametrize("text", BOUGHT + BUYING)
def test_bought_merged_and_buying_are_other(make_message: MakeMessage, text: str) -> None:
    assert (OTHER, POS) in kinds(make_message, text), text


@pytest.mark.parametrize(("text", "title"), RENAMED)
def test_a_new_name_is_other_titled_by_the_names(make_message: MakeMessage, text: str,
                                                 title: str) -> None:
    events = [e for e in read(make_message, text) if e.event_type is OTHER]
    assert [e.title for e in events] == [title], text


@pytest.mark.parametrize("text", CHANGED)
def test_office_incorporation_pivot_and_spin_out_are_other(make_message: MakeMessage,
                                                            text: str) -> None:
    assert kinds(make_message, text) == [(OTHER, POS)], text


@pytest.mark.parametrize("text", FOUNDATION)
def test_a_project_given_to_a_foundation_is_other(make_message: MakeMessage, text: str) -> None:
    assert kinds(make_message, text, ("Acme", "Tilt")) == [(OTHER, POS)], text


@pytest.mark.parametrize("text", CLOSING)
def test_the_company_closing_is_an_other_lowlight(make_message: MakeMessage, text: str) -> None:
    assert (OTHER, NEG) in kinds(make_message, text), text
    assert (T.PRODUCT_LAUNCH, NEG) not in kinds(make_message, text), text


@pytest.mark.parametrize("text", SILENT)
def test_look_alikes_are_no_company_news(make_message: MakeMessage, text: str) -> None:
    assert (OTHER, POS) not in kinds(make_message, text), text
    assert (OTHER, NEG) not in kinds(make_message, text), text


@pytest.mark.parametrize("text", [
    "We opened our first office in Berlin this week.",  # a city entered: a market
    "We are winding down Acme Cloud at the end of the month.",  # a product retired
])
def test_a_market_entered_and_a_product_retired_keep_their_types(make_message: MakeMessage,
                                                                 text: str) -> None:
    assert OTHER not in [kind for kind, _ in kinds(make_message, text)], text


def test_a_rename_in_an_update_post_is_read_from_its_subject(make_message: MakeMessage) -> None:
    events = read(make_message, "Readers,\n\nSo I'm thrilled to share this news: long live "
                  "Tilt!", source=MAIL, subject="We changed our name! Acme is now Tilt!")
    assert [(e.event_type, e.title) for e in events] == [(OTHER, "Renamed from Acme to Tilt")]


@pytest.mark.parametrize(("text", "title"), [
    ("we acqui-hired the team behind Foobar, welcome to the four of them",
     "Acqui-hired the Foobar team"),
    ("Last month we completed our first acquisition: Helpdesky, a support inbox for small teams.",
     "First acquisition: Helpdesky"),
    ("After seven great years, Acme is becoming part of Atlassian.", "Acquired by Atlassian"),
    ("the merger with Initech is done, we're one company as of today", "Merged with Initech"),
    ("If you haven't seen the news this morning, http://acme.io/n/2775 (link preview: [ Initech "
     "and Acme Boards Approve \u201cIntent to Merge\u201d and Seek Your Input | Acme ])",
     "Intent to merge with Initech"),
    ("we're pivoting to B2B, consumer wasn't working", "Pivoted to B2B"),
    ("In October we pivoted from a scheduling app to an API for clinics.",
     "Pivoted from a scheduling app to an API for clinics"),
    ("hard news: we're closing the company. last day of service is june 30",
     "Company shutting down"),
])
def test_titles_say_what_happened(make_message: MakeMessage, text: str, title: str) -> None:
    assert [e.title for e in read(make_message, text) if e.event_type is OTHER] == [title], text


def test_a_project_moved_to_a_foundation_is_titled_by_it(make_message: MakeMessage) -> None:
    events = read(make_message, "Tilt has moved to the Linux Foundation.", aliases=("Acme", "Tilt"))
    assert [e.title for e in events] == ["Joined the Linux Foundation"]


# Awards are press by LABELLING.md ("an award actually won"); these are the wordings co.award
# lacks, with their look-alikes (shortlists, nominations, others' wins, questions).
@pytest.mark.parametrize(("text", "title"), [
    ("Acme has been named a Gartner Cool Vendor in Scheduling for 2026.",
     "Award: Gartner Cool Vendor"),
    ("we came first in the Stripe hackathon \U0001F389", "Award: Stripe hackathon"),
    ("Acme is the winner of the 2026 Webby Award for Best Productivity App.",
     "Award: 2026 Webby Award"),
    ("we got the Deloitte Fast 50 award!", "Award: Deloitte Fast 50 award"),
    ("Last night we placed second at the Slush pitch competition!",
     "Award: Slush pitch competition"),
])
def test_awards_won_in_more_words(make_message: MakeMessage, text: str, title: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.title) for e in events] == [(T.MEDIA_COVERAGE, title)], text


@pytest.mark.parametrize("text", [
    "Globex came first in the Stripe hackathon.",
    "Congrats to Globex on winning Startup of the Year!",
    "we applied for the Best Startup award, fingers crossed",
    "We're finalists for Startup of the Year! Winners announced in May.",
    "nominate us for the Golden Kitty awards please!",
    "we didn't win the pitch competition, but the feedback was great",
    "Who won the hackathon last year?",
    "we're shortlisted for the Webby Awards",
])
def test_awards_not_won_by_us_are_silent(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == [], text


YEAR_IN_REVIEW = """What a year! We started 2025 as four people in a kitchen and end it as a \
team of twelve.

### A new name
In February we changed our name from Acme Labs to Acme, and moved to acme.io.

### Our first office
In April we moved into our first office, a small space in Lisbon's old town.

### Buying Formly
In June we acquired Formly, a two-person form-builder startup, and its founders joined our \
product team.

### Seed round
We closed our $2M seed round in August, led by Seedcamp.

Thanks for reading, and see you in 2026!"""


def test_a_year_in_review_states_each_event_once(make_message: MakeMessage) -> None:
    """A rename, an office and an acquisition in one post are three events, each titled; one
    `other` event for all three (as readings of one type merged before) hid two of them."""
    events = read(make_message, YEAR_IN_REVIEW, source=MAIL, subject="2025 in review")
    assert sorted((e.event_type, e.title) for e in events) == sorted([
        (OTHER, "Renamed from Acme Labs to Acme"), (OTHER, "New office"),
        (OTHER, "Acquisition: Formly"), (T.FUNDING, "Raised $2M seed led by Seedcamp")])


def test_a_rename_told_twice_in_one_post_is_one_event(make_message: MakeMessage) -> None:
    events = read(make_message, "We've renamed the company to Tilt. From today, Acme is "
                  "called Tilt.", source=MAIL, subject="Acme is now Tilt: our new name")
    assert [(e.event_type, e.title) for e in events] == [(OTHER, "Renamed to Tilt")]


# A headline's takeover verbs (the news register, where LABELLING.md counts "X to buy Y"), written
# after the chat and update-post sets: 7 of 19 read before this family, now 19.
@pytest.mark.parametrize(("text", "title"), [
    ("Acme lands Initech in $40 million deal", "Lands Initech in $40 million deal"),
    ("Acme swoops on rival Initech for \u00a3120m", "Swoops on rival Initech for \u00a3120m"),
    ("Acme takes full ownership of its Brazilian joint venture",
     "Takes full ownership of its Brazilian joint venture"),
    ("Acme takes control of Initech after shareholders back offer",
     "Takes control of Initech after shareholders back offer"),
    ("Acme snaps up German rival Initech", "Snaps up German rival Initech"),
    ("Acme sells Initech Payments to Globex for $90m", "Sold Initech Payments to Globex"),
    ("Acme wins battle for data firm Initech", "Wins battle for data firm Initech"),
    ("Shareholders approve Acme's takeover of Initech", "Acquired Initech"),
    ("Acme closes acquisition of Initech", "Closes acquisition of Initech"),
    ("we took full ownership of the Lisbon joint venture this week",
     "Took full ownership of the Lisbon joint venture this week"),
])
def test_takeovers_in_a_headlines_words(make_message: MakeMessage, text: str, title: str) -> None:
    assert [(e.event_type, e.title) for e in read(make_message, text, source=MAIL)] == [
        (OTHER, title)], text


@pytest.mark.parametrize("text", [
    "Globex lands Initech in $40 million deal",
    "Globex swoops on rival Initech for \u00a3120m",
    "Acme shares jump after Globex takeover talk",
    "Acme weighs sale of payments unit",
    "Acme in talks to buy Initech",
    "Shareholders approve Globex's takeover of Initech",
    "we sold 40 kits to Globex last week",
    "we finally got control of the staging budget",
])
def test_others_takeovers_and_talks_are_silent(make_message: MakeMessage, text: str) -> None:
    assert OTHER not in [e.event_type for e in read(make_message, text, source=MAIL)], text


# A financial news sentence's shares and units (the register of labelled news datasets), written
# as a set before this family: 9 of 14 read before, now 13 (the last is commentary).
@pytest.mark.parametrize("text", [
    "Acme Oyj has signed an agreement to sell its 60 % stake in Initech to Globex.",
    "Acme has completed the divestment of its paper machine business.",
    "Acme acquired the remaining 40 percent of Initech.",
    "Acme and Initech have agreed to combine their businesses.",
    "Acme has today sold its Estonian subsidiary to Globex.",
])
def test_shares_and_units_in_financial_news(make_message: MakeMessage, text: str) -> None:
    assert [e.event_type for e in read(make_message, text, source=MAIL)] == [OTHER], text


@pytest.mark.parametrize("text", [
    "Acme plans to divest its non-core businesses.",
    "The transaction is expected to be completed by the end of the year.",
    "Globex has acquired the remaining 40 percent of Initech.",
    "Acme said it is not planning any acquisitions this year.",
    "we sold 40 % of our stock in the Black Friday sale",
])
def test_plans_and_others_shares_are_silent(make_message: MakeMessage, text: str) -> None:
    assert OTHER not in [e.event_type for e in read(make_message, text, source=MAIL)], text


@pytest.mark.parametrize("text", [
    "Globex acquired Initech last week, big move in our space.",
    "heard Datadog bought Metaplane, our competitor",
    "did you see that Figma acquired Dora? wild",
])
def test_others_acquisitions_told_in_our_chat_are_theirs(make_message: MakeMessage,
                                                         text: str) -> None:
    """'our' after the verb ("in our space", "our competitor") makes no buyer of us."""
    assert OTHER not in [e.event_type for e in read(make_message, text)], text
