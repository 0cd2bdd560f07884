"""The rules extractor on whole press releases, as wires (Business Wire, GlobeNewswire, PR
Newswire), a startup's own newsroom and a founder's post restating a release write them: the
headline above the body, the dateline, quotes and the boilerplate below. Every text here is
hand-written, beside look-alikes that name a partnership, a round or a launch without being \
one."""

from __future__ import annotations

import pytest

from signalpipe.models import EventType, Source
from tests.unit.rules_read import MakeMessage, read

T = EventType


def test_a_headline_is_judged_above_its_body_not_against_the_body_s_first_line(
        make_message: MakeMessage) -> None:
    # the vetoes that look at "the line" or "the start of the text" once read the body's first
    # characters at the headline's offsets: a body opening on a PR number vetoed the headline
    events = read(make_message, "PR #4521 is merged too, so the signup fix ships tonight.",
                  subject="We signed Globex to a 3-year contract", source=Source.GMAIL)
    assert [(e.event_type, e.title) for e in events] == [(T.ENTERPRISE_DEAL, "Signed Globex")]
    # a headline that is itself a pull-request line is still one
    events = read(make_message, "Thanks all for the reviews.",
                  subject="PR #4521: we signed Globex to a 3-year contract", source=Source.GMAIL)
    assert events == []


NOT_EVENTS = [
    # a firm named Partners, or a release's defined term for a limited partnership
    "Hess Infrastructure Partners LP Announces Closing of Acquisition of Hess Corporation's "
    "Water Business",
    "Acme Midstream Partners LP (the \u201cPartnership\u201d) today reported its results.",
    "The Partnership has provided Globex a right of first offer on the terminal.",
    "Blue Harbor Partners Announces Final Close of Its Latest Vehicle",
    # a firm led by its principal or its founder: no round
    "NEW YORK--(BUSINESS WIRE)--Glenwood Capital Management, LLC, a New York-based real estate "
    "investment firm led by Managing Principal Laura Kim, today announced a new site.",
    "Initech, a design studio led by its founder Mara Diaz, opened a second office.",
    "Acme is an investment platform led by CEO Jane Roe and a team of former bankers.",
    # data, a survey, a report or a book released: no product
    "SAN FRANCISCO, Oct. 1, 2025 (GLOBE NEWSWIRE) -- Acme, the leader in Code Search, today "
    "released new data identifying the rise of Big Code.",
    "Acme today published its annual State of Observability survey of 1,200 engineers.",
    "Just in time for Take Your Kids to Work Day, the book introduces children to software.",
    "Acme Unveils 2025 Developer Productivity Report: 78% of Teams Ship Weekly",
    "We just released our first-ever study on how teams use feature flags.",
]


def test_release_look_alikes_state_no_event(make_message: MakeMessage) -> None:
    for text in NOT_EVENTS:
        assert read(make_message, text, source=Source.GMAIL) == [], text


FOUND = [
    # a company acquired by a firm named Partners: the acquisition, no partnership
    ("NEW YORK, May 4, 2025 (GLOBE NEWSWIRE) -- Acme today announced that it has been acquired "
     "by affiliates of Northgate Capital Partners, L.P. for $12.50 per share in cash.", T.OTHER),
    # partnerships and rounds still read beside the look-alikes
    ("Acme partners with Globex Partners LP to finance rooftop solar.", T.PARTNERSHIP),
    ("Acme and Initech announce strategic partnership to bring payroll to Europe.",
     T.PARTNERSHIP),
    ("Acme raises $12M Series A led by Managing Partner Jane Roe of Northgate Ventures.",
     T.FUNDING),
    ("Acme closed its seed round, led by founder-friendly fund Precursor.", T.FUNDING),
    # a product launched beside the paper words
    ("Acme today released Relay Report Builder, a new dashboard for finance teams.",
     T.PRODUCT_LAUNCH),
    ("Acme today launched its new report builder for finance teams.", T.PRODUCT_LAUNCH),
    ("Acme launches Insights, its new analytics product, generally available today.",
     T.PRODUCT_LAUNCH),
]


def test_release_events_beside_the_look_alikes_are_read(make_message: MakeMessage) -> None:
    for text, kind in FOUND:
        events = read(make_message, text, source=Source.GMAIL)
        assert [e.event_type for e in events] == [kind], text


COMPANY_NEWS = [
    # offers to buy the company, received, weighed or rejected: investor interest
    ("DENVER--(BUSINESS WIRE)--Acme Corp. today announced that its Board of Directors has "
     "unanimously determined that Globex's unsolicited, all-stock proposal to acquire Acme is \
not "
     "in the best interests of shareholders.", T.INVESTOR_INTEREST),
    ("Acme received an unsolicited, non-binding proposal from Globex to acquire all outstanding "
     "shares for $12 per share.", T.INVESTOR_INTEREST),
    ("Acme Board Rejects Initech's Unsolicited Takeover Bid", T.INVESTOR_INTEREST),
    ("The company today announced that it has appointed Dana Li as its new Chief Financial "
     "Officer.", T.HIRING),
    ("heads up: we got an unsolicited buyout offer from Globex last night, the board is "
     "reviewing it", T.INVESTOR_INTEREST),
    # momentum in a release's body, a founder's post or an update: revenue multiplied
    ("Since its Series B in March 2024, Acme has grown significantly, increasing annual "
     "recurring revenue 4x with 245 percent net ARR retention.", T.REVENUE_MILESTONE),
    ("We tripled ARR this year and kept burn flat.", T.REVENUE_MILESTONE),
    ("Acme grew bookings by 180% year over year.", T.REVENUE_MILESTONE),
    # customers signed, counted
    ("Acme signed some of the world's largest brands this year, including 26 major enterprise "
     "customers, with zero enterprise churn.", T.ENTERPRISE_DEAL),
    ("Q3 recap: we added 14 new enterprise customers and renewed every one up for renewal.",
     T.ENTERPRISE_DEAL),
    ("This quarter the team landed 9 new logos, our best quarter yet.", T.ENTERPRISE_DEAL),
]


def test_release_body_news_is_read(make_message: MakeMessage) -> None:
    for text, kind in COMPANY_NEWS:
        events = read(make_message, text, source=Source.GMAIL)
        assert kind in [e.event_type for e in events], text


OTHERS_OR_NONE = [
    # the bidder's own news, a takeover feared or restated, a mini-tender, our own offer
    "Spain's Globex launches new takeover bid for Initech",
    "Acme prepared for takeover approach - chairman",
    "The Acme Board stands by its analysis that Globex's unsolicited proposal for Acme is not a "
    "superior proposal.",
    "Acme has received notice of an unsolicited mini-tender offer made by Initech LLC to Acme "
    "shareholders.",
    "Acme today made an unsolicited proposal to acquire Globex for $40 per share.",
    # revenue or customers: someone else's, a plan, no figure, a sign-up for a beta
    "Globex doubled their revenue after moving to Acme.",
    "We plan to triple ARR next year.",
    "We grew revenue and hired two engineers.",
    "We signed 30 new customers up for the beta waitlist.",
]


def test_release_body_look_alikes_are_no_event_of_ours(make_message: MakeMessage) -> None:
    for text in OTHERS_OR_NONE:
        kinds = [e.event_type for e in read(make_message, text, source=Source.GMAIL)]
        assert not {T.INVESTOR_INTEREST, T.REVENUE_MILESTONE, T.ENTERPRISE_DEAL} & set(kinds), \
            (text, kinds)


RELEASE = """Acme Acquires Initech's Billing Products

March 07, 2025

CUPERTINO, Calif.--(BUSINESS WIRE)--Acme Inc., the company that helps teams bill, today \
announced that it has acquired the billing products of Initech Pte Ltd.

Initech, which launched in Singapore in 2012, integrates billing with the major ledgers.

The acquisition is a strong signal in the Acme growth story. Last week the business appointed \
Dana Li as its new CEO to lead its next stage of growth.

"This acquisition is a big step forward," said Dana Li.

About Acme

Acme helps 4,000 teams bill. Acme signed 120 new enterprise customers in 2024 and has appointed \
Lee Park as its first Chief Revenue Officer.

Forward-Looking Statements

This release contains forward-looking statements; Acme expects to triple ARR by 2027.
"""


@pytest.mark.parametrize("heading", ["About Acme", "**About Acme**", "ABOUT ACME",
                                     "## About Acme", "About Acme, Inc.:", "__About Acme__"])
def test_a_release_s_body_news_is_read_and_its_boilerplate_is_not(
        make_message: MakeMessage, heading: str) -> None:
    text = RELEASE.replace("About Acme\n", f"{heading}\n")
    events = read(make_message, text, source=Source.GMAIL,
                  subject="Acme Acquires Initech's Billing Products")
    assert sorted((e.event_type.value, e.title) for e in events) == [
        ("hiring", "Hired Dana Li as CEO"),
        ("other", "Acquisition: Initech's Billing Products")]


LOOK_ALIKE_RELEASES = [
    # a partner's release naming us in passing
    "BERLIN, May 4, 2025 /PRNewswire/ -- Globex today announced that it has signed 40 new "
    "enterprise customers in Europe, including Acme, and appointed Jane Roe as its new CEO.",
    # a law firm's release about a client
    "NEW YORK, May 4, 2025 (GLOBE NEWSWIRE) -- Smith & Lee Partners LLP today announced that it "
    "advised Globex on its acquisition of Initech.",
]


def test_releases_of_others_naming_us_state_no_event_of_ours(make_message: MakeMessage) -> None:
    for text in LOOK_ALIKE_RELEASES:
        assert read(make_message, text, source=Source.GMAIL) == [], text


HEADLINE_AND_LEAD = [
    # acquisitions agreed, in wire, newsroom and founder words
    ("SAN RAMON, Calif., July 20, 2020 - Acme Corporation (NYSE: ACM) announced today that it \
has "
     "entered into a definitive agreement with Globex, Inc. (NASDAQ: GBX) to acquire all of the "
     "outstanding shares of Globex in an all-stock transaction valued at $5 billion.",
     T.OTHER, "Acquisition: Globex (definitive agreement)"),
    ("Acme has signed a definitive agreement to be acquired by Globex for $12 per share in cash.",
     T.OTHER, None),
    ("Excited to share that Acme has entered into an agreement to acquire Initech, the team "
     "behind Ledgerly.", T.OTHER, None),
    # alliances announced
    ("Acme today announced a new collaboration with GitLab, bringing code intelligence to "
     "every merge request.", T.PARTNERSHIP, "Partnership with GitLab"),
    ("Acme forms strategic alliance with Siemens to digitise factories", T.PARTNERSHIP, None),
    ("Globex today announced a multi-year partnership with Acme.", T.PARTNERSHIP,
     "Partnership with Globex"),
    # a major version named in the headline
    ("Acme Expands Its Billing Platform with 13.0 Release", T.PRODUCT_LAUNCH,
     "Launched Acme 13.0"),
]


def test_headline_and_lead_wordings_are_read(make_message: MakeMessage) -> None:
    for text, kind, title in HEADLINE_AND_LEAD:
        events = read(make_message, text, source=Source.GMAIL)
        assert kind in [e.event_type for e in events], (text, events)
        if title is not None:
            assert title in [e.title for e in events], text


NOT_OURS_OR_NOT_YET = [
    "Globex today announced a new collaboration with Initech.",
    "If we reach an agreement to acquire Globex, we would double our sales team.",
    "Acme does not have an agreement to acquire Globex.",
    "Acme Ships Billing with 13.2 Release",
    "Globex Expands Its Platform with 13.0 Release",
]


def test_headline_and_lead_look_alikes_are_not_read(make_message: MakeMessage) -> None:
    for text in NOT_OURS_OR_NOT_YET:
        kinds = [e.event_type for e in read(make_message, text, source=Source.GMAIL)]
        assert not {T.OTHER, T.PARTNERSHIP, T.PRODUCT_LAUNCH} & set(kinds), (text, kinds)


APPOINTMENTS = [
    # the person after the verb, in wire, newsroom and chat casing
    ("Acme Appoints Craig Charlton as CEO", "Hired Craig Charlton as CEO"),
    ("Acme Names Dana Li Chief Revenue Officer", "Hired Dana Li as Chief Revenue Officer"),
    ("Acme Appoints Former Stripe Executive Dana Li as CFO", "Hired Dana Li as CFO"),
    ("Acme Announces Appointment of Dana Li as Chief Financial Officer",
     "Hired Dana Li as Chief Financial Officer"),
    ("Dana Li Named Chief Revenue Officer of Acme", "Hired Dana Li as Chief Revenue Officer"),
    ("acme promotes Dana Li to Chief Operating Officer",
     "Hired Dana Li as Chief Operating Officer"),
    ("Last week the business appointed Craig Charlton as its new CEO to lead its next stage of "
     "growth.", "Hired Craig Charlton as CEO"),
    ("Phoenix Labs Names Dana Li As Chief Growth Officer To Support The Growing Organization",
     "Hired Dana Li as Chief Growth Officer"),
]


def test_appointments_name_the_person_not_the_company(make_message: MakeMessage) -> None:
    for text, title in APPOINTMENTS:
        events = read(make_message, text, source=Source.GMAIL,
                      aliases=("Acme", "Phoenix Labs"))
        assert [(e.event_type, e.title) for e in events] == [(T.HIRING, title)], text


def test_two_appointments_in_one_batch_stay_two(make_message: MakeMessage) -> None:
    # the hire's identity was once the company ("Hired Acme as CEO"), merging distinct people
    events = read(make_message, "Acme Appoints Craig Charlton as CEO",
                  "Acme Names Dana Li Chief Revenue Officer", source=Source.GMAIL)
    assert sorted(str(e.metrics.get("hire")) for e in events) == ["Craig Charlton", "Dana Li"]


THEIR_APPOINTMENTS = [
    "Globex Names Former Initech CEO Lee Park to Top Post",
    "Globex appoints Craig Charlton as CEO",
    "Dana Li Named Chief Revenue Officer of Globex",
    "Acme appoints Deloitte as auditor",
]


def test_other_organisations_appointments_are_not_ours(make_message: MakeMessage) -> None:
    for text in THEIR_APPOINTMENTS:
        assert read(make_message, text, source=Source.GMAIL) == [], text


ACQUISITION_RELEASE = """BOSTON, May 4, 2025 (BUSINESS WIRE) -- Acme today announced that it has \
signed a definitive agreement to acquire Globex, a payments startup.

Globex recently raised a $30 million Series B led by Accel. Globex surpassed $20 million in ARR \
last quarter and launched its mobile wallet in Europe. Globex also appointed Jane Roe as Chief \
Operating Officer.
"""


def test_the_counterparty_s_news_in_an_acquisition_release_is_not_ours(
        make_message: MakeMessage) -> None:
    events = read(make_message, ACQUISITION_RELEASE, source=Source.GMAIL)
    assert [(e.event_type, e.title) for e in events] == [(T.OTHER, "Acquisition: Globex")]


def test_our_own_second_act_in_one_sentence_is_still_read(make_message: MakeMessage) -> None:
    events = read(make_message, "Acme surpassed $20 million in ARR last quarter and launched its "
                  "mobile wallet in Europe.", source=Source.GMAIL)
    kinds = {e.event_type for e in events}
    assert {T.REVENUE_MILESTONE, T.PRODUCT_LAUNCH} <= kinds


# A partner's release that names us in passing: only the partnership is ours.
PARTNER_RELEASE = """Globex Partners with Acme to Bring Embedded Payroll to 50,000 Merchants

SEATTLE, June 10, 2025 (GLOBE NEWSWIRE) -- Globex, the leading commerce platform for \
independent retailers, today announced a strategic partnership with Acme to offer embedded \
payroll to its 50,000 merchants. Globex also announced that it closed a $60 million Series C \
led by Hooli Ventures and appointed Sam Chen as Chief Technology Officer.

"Acme has built the best payroll engine on the market," said Kim Lee, CEO of Globex.

About Globex
Globex powers 50,000 independent retailers. Globex recently surpassed $100 million in annual \
recurring revenue.
"""

# A law firm's release about a client: nothing of ours, unless we are the client.
LAW_FIRM_RELEASE = """Smith & Lee LLP Advises Globex on $60 Million Series C Financing

NEW YORK, June 12, 2025 /PRNewswire/ -- Smith & Lee LLP today announced that it advised Globex, \
a commerce platform and a partner of Acme, on its $60 million Series C financing led by Hooli \
Ventures. The firm also advised Globex on its strategic partnership with Acme announced earlier \
this week.

The Smith & Lee team was led by partner Jane Roe.
"""


def test_a_partner_s_release_gives_only_the_partnership(make_message: MakeMessage) -> None:
    events = read(make_message, PARTNER_RELEASE, source=Source.GMAIL,
                  subject=PARTNER_RELEASE.partition("\n")[0])
    assert [(e.event_type, e.title) for e in events] == [(T.PARTNERSHIP,
                                                          "Partnership with Globex")]


def test_a_law_firm_s_release_about_its_client_is_not_ours(make_message: MakeMessage) -> None:
    assert read(make_message, LAW_FIRM_RELEASE, source=Source.GMAIL,
                subject=LAW_FIRM_RELEASE.partition("\n")[0]) == []
    events = read(make_message, "Smith & Lee LLP today announced that it advised Acme on its $25 "
                  "million Series B financing led by Northgate Ventures.", source=Source.GMAIL)
    assert [e.event_type for e in events] == [T.FUNDING]


def test_a_founder_s_post_restating_the_release_is_read(make_message: MakeMessage) -> None:
    post = ("Big day for our team \U0001f389\n\nToday we announced our $25M Series B led by "
            "Northgate Ventures! A huge thank you to Lee Park and the Northgate team.\n\nA few "
            "things I'm proud of: we passed 10,000 paying customers this spring, and Maria Gomez "
            "joined us as CFO.\n\nNext up: Canada and the UK later this year.")
    kinds = sorted(e.event_type.value for e in read(make_message, post))
    assert kinds == ["funding", "hiring", "user_growth"]


def test_a_lower_case_brand_s_release_is_its_own_news(make_message: MakeMessage) -> None:
    # "aptihealth", "eBay", "monday.com": a brand in its own casing opens the headline and the
    # wire lead; in another company's stream neither is ours
    release = ("Nov. 17, 2021 /PRNewswire/ -- lumahealth, the first tech-driven clinic "
               "network, today announced a $50 million Series B funding round from Northgate "
               "Ventures.")
    headline = "lumahealth Raises $50 Million Series B to Scale Its Clinics"
    assert read(make_message, release, source=Source.GMAIL, subject=headline) == []
    assert read(make_message, headline, source=Source.GMAIL) == []
    # our own brand in lower case stays ours
    events = read(make_message, "acme Raises $5M Seed Round Led by Northgate",
                  source=Source.GMAIL)
    assert [e.event_type for e in events] == [T.FUNDING]


@pytest.mark.parametrize("paragraph", [
    "Acme is the leader in developer tooling, trusted by more than 4,000 teams. Acme closed a $40 "
    "million Series B led by Sequoia and completed its acquisition of Globex. Acme was named to "
    "the Forbes Cloud 100 and is SOC 2 Type II certified.",
    "Acme, the leading provider of developer tooling, has raised $60 million from Sequoia and "
    "Accel and serves customers including Stripe and Shopify.",
    "Founded in 2019, Acme is a leading platform for release automation. Acme raised a $12M "
    "Series A in 2023.",
])
def test_a_boilerplate_paragraph_without_a_heading_restates_no_news(
        make_message: MakeMessage, paragraph: str) -> None:
    text = ("Acme launches Relay, a new CLI for teams\n\nToday Acme launched Relay, a new CLI for "
            f"teams.\n\n{paragraph}")
    events = read(make_message, text, source=Source.GMAIL)
    assert [(e.event_type, e.title) for e in events] == [(T.PRODUCT_LAUNCH, "Launched Relay")]


def test_news_told_about_the_company_in_its_lead_is_still_read(make_message: MakeMessage) -> None:
    text = ("Acme closes $40M Series B\n\nAcme, the leading provider of developer tooling, "
            "closed a $40 million Series B led by Sequoia.\n\nThe round will fund hiring.")
    events = read(make_message, text, source=Source.GMAIL)
    assert [e.event_type for e in events] == [T.FUNDING]


MORE_STYLES = [
    # a firm named Partners mid-sentence names no partner
    ("Acme, a portfolio company of Northgate Partners, today announced the launch of Relay 2.0.",
     T.PRODUCT_LAUNCH),
    # two parties entering an alliance together, in a headline
    ("Acme and Globex Enter Into Strategic Partnership to Deliver Embedded Payroll",
     T.PARTNERSHIP),
    ("Globex, Acme form joint venture to build batteries", T.PARTNERSHIP),
    # an investor's release about our round
    ("Initech Ventures, a fund led by Managing Partner Kim Lee, announced its investment in "
     "Acme's $8M seed round.", T.FUNDING),
]


def test_more_release_styles(make_message: MakeMessage) -> None:
    for text, kind in MORE_STYLES:
        events = read(make_message, text, source=Source.GMAIL)
        assert [e.event_type for e in events] == [kind], (text, events)


def test_others_bids_and_alliances_are_not_ours(make_message: MakeMessage) -> None:
    for text in ("Initech received an unsolicited takeover bid from Globex.",
                 "Globex and Initech Enter Into Strategic Partnership",
                 "Blue Harbor Partners and Globex announce quarterly results"):
        assert read(make_message, text, source=Source.GMAIL) == [], text


SUPPLY_AND_JOINT = [
    # supply contracts in the supplier's words: wire headline, lead, founder update
    ("Acme to supply LFP EV batteries to Renault Group's Ampere", T.ENTERPRISE_DEAL),
    ("Acme to exclusively supply cylindrical cells for Aptera's solar vehicles",
     T.ENTERPRISE_DEAL),
    ("Under the contracts, Acme is forecasted to supply a total of 109 GWh of batteries to Ford "
     "for its electric vans.", T.ENTERPRISE_DEAL),
    ("Big one: we signed a five-year supply agreement with Globex!", T.ENTERPRISE_DEAL),
    # joint ventures and teaming up
    ("Globex and Acme to invest up to \u20ac4.1 billion in joint venture for a battery plant",
     T.PARTNERSHIP),
    ("Acme and Globex finalize agreement to establish battery joint venture in the US",
     T.PARTNERSHIP),
    ("Acme teams up with Initech to enhance battery recycling", T.PARTNERSHIP),
    ("Acme joins forces with France's CEA on next-generation cells", T.PARTNERSHIP),
]


def test_supply_contracts_and_joint_ventures_are_read(make_message: MakeMessage) -> None:
    for text, kind in SUPPLY_AND_JOINT:
        events = read(make_message, text, source=Source.GMAIL)
        assert [e.event_type for e in events] == [kind], (text, events)


NOT_OUR_SUPPLY_OR_TEAM = [
    "Globex to supply LFP batteries to Initech",
    "We hope to supply Globex with cells next year.",
    "Globex will supply batteries to Acme from 2026.",
    "The England star has teamed up with Macmillan Children's Books for the project.",
    "Globex and Initech to invest $2 billion in joint venture",
    "We'd love to team up with Initech on this.",
]


def test_others_supply_contracts_and_teams_are_not_ours(make_message: MakeMessage) -> None:
    for text in NOT_OUR_SUPPLY_OR_TEAM:
        kinds = [e.event_type for e in read(make_message, text, source=Source.GMAIL)]
        assert not {T.ENTERPRISE_DEAL, T.PARTNERSHIP} & set(kinds), (text, kinds)
