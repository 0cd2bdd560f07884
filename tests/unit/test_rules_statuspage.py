"""Status-page incident posts and Show HN / Launch HN posts, read whole (statuspage.py).

Every text is hand-written in the styles of pages no corpus source uses: Atlassian Statuspage
("Investigating - ... Resolved - ..."), Instatus/cState labels in bold, a Slack incident
channel that pastes the page, hosting and CDN start-ups. Each family stands beside its
look-alikes: maintenance windows, blips under half an hour, failover that customers never felt,
other companies' global outages, recovery notes, and Show HN posts that show no product."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from signalpipe.extract.rules.statuspage import read_post
from signalpipe.models import EventType, Polarity
from tests.unit.rules_read import MakeMessage, read

T = EventType
POSTED = datetime(2026, 3, 4, 14, 0, tzinfo=UTC)

# An outage customers felt, stated the status-page way: (post, a word the title must hold)
OUTAGES = [
    ("Content API errors in EU-Central\n\nInvestigating - Our team is currently investigating "
     "an issue with the Content API in EU-Central.\n\nIdentified - The root cause was a failed "
     "database failover. Content API requests were unavailable between 14:02 and 15:10 UTC.\n\n"
     "Resolved - This incident has been resolved.", "Content API"),
    ("Dashboard unavailable\n\n**Investigating**: The web dashboard is returning 502 errors for "
     "all customers.\n\n**Update**: We have rolled back the release (2026-03-04T15:05:00Z)\n\n"
     "**Resolved**: The dashboard is available again (2026-03-04T15:20:00Z)", "Dashboard"),
    ("Some sites behind our network are offline\n\nInvestigating - Some sites behind our "
     "network are offline in Sydney. Engineers are on site.\n\nUpdate - Sites are back online.",
     "offline"),
    ("Login failures\n\n*Investigating* - We are looking into failed logins on the EU "
     "cluster.\n\n*Update* - Our identity provider is down; customers cannot sign in.",
     "Login"),
    ("Frankfurt: Outage\n\nOur Frankfurt servers went down after a power fault at the "
     "datacenter. We are working with the facility.", "Frankfurt"),
    ("Webhooks delayed and failing\n\nIdentified - Webhook delivery was down for all "
     "workspaces after a queue outage.\n\nMonitoring - Deliveries are flowing again.",
     "Webhook"),
]

# Look-alikes: planned work, a blip, failover, a third party's world-wide trouble, "no
# customer impact", a recovery note, a "potential issue" that states nothing down.
NOT_OUTAGES = [
    "Scheduled maintenance: database upgrade\n\nWe will be performing scheduled maintenance on "
    "Sunday from 02:00 to 03:00 UTC. The dashboard will be unavailable during this window.\n\n"
    "Update - Maintenance is complete.",
    "Hazard Notice: London\n\nWe will be replacing a switch tonight. A short interruption is "
    "possible.",
    "Checkout unavailable\n\nIdentified - Checkout was unavailable between 09:10 and 09:22 UTC "
    "after a bad deploy.\n\nResolved - The fix is out and checkout is available again.",
    "API Outage\n\nWe are seeing errors on the API. (2026-03-04T14:00:00Z)\n\n**Resolved**: "
    "The APIs operate normally again. (2026-03-04T14:12:00Z)",
    "Frankfurt PoP offline\n\nInvestigating - The Frankfurt PoP is offline after an upstream "
    "power fault. Traffic is being routed to nearby PoPs.\n\nResolved - Frankfurt is back.",
    "Upstream provider outage\n\nUpdate - AWS us-east-1 is having an outage affecting "
    "websites around the world. Our APIs are not affected.",
    "Block storage outage\n\nUpdate - An outage at our cloud provider is affecting the admin "
    "panel. No customer services are affected.",
    "API availability restored\n\nUpdate - The APIs are available again and we are "
    "monitoring.",
    "Packet loss in Dallas\n\n*Investigating* - We are investigating a potential issue that "
    "might affect the uptime of one of our services.\n\n*Update* - Resolved upstream.",
]

# "Show HN" / "Launch HN": the makers' own product launched; (post, the product)
SHOWN = [
    ("Show HN: Ledgerly - open-source double-entry bookkeeping for small teams", "Ledgerly"),
    ("Launch HN: Parcelbird (YC S21) - Shipping labels for Shopify stores in one click\n\n"
     "Hi HN! We're Ana and Tom, founders of Parcelbird.", "Parcelbird"),
    ("Show HN: Quillmate \u2013 A markdown editor that syncs through Git", "Quillmate"),
    ("Show HN: Driftwood, a self-hosted uptime monitor in Go", "Driftwood"),
]
NOT_SHOWN = [
    "Show HN: How I built a ray tracer in a weekend",
    "Show HN: My personal homepage, written in Forth",
    "Show HN: Hacking my thermostat to run Doom",
    "Show HN: Cfgspec \u2013 A proposal for a typed config file format",
]


@pytest.mark.parametrize(("text", "word"), OUTAGES)
def test_an_outage_customers_felt_is_a_technical_lowlight(make_message: MakeMessage,
                                                          text: str, word: str) -> None:
    events = read(make_message, text, timestamp=POSTED)
    assert [(e.event_type, e.polarity) for e in events] == \
        [(T.TECHNICAL_ACHIEVEMENT, Polarity.NEGATIVE)]
    assert word.lower() in events[0].title.lower()


@pytest.mark.parametrize("text", NOT_OUTAGES)
def test_maintenance_blips_failover_and_others_outages_are_no_event(make_message: MakeMessage,
                                                                    text: str) -> None:
    assert read(make_message, text, timestamp=POSTED) == []


def test_one_incident_told_in_several_updates_is_one_event(make_message: MakeMessage) -> None:
    events = read(make_message, OUTAGES[0][0], timestamp=POSTED)
    assert len(events) == 1
    assert events[0].title.startswith("Service outage")


@pytest.mark.parametrize(("text", "product"), SHOWN)
def test_show_hn_of_a_product_is_its_launch(make_message: MakeMessage, text: str,
                                            product: str) -> None:
    events = read(make_message, text)
    assert [e.event_type for e in events] == [T.PRODUCT_LAUNCH]
    assert events[0].title.startswith(f"Launched {product}")


@pytest.mark.parametrize("text", NOT_SHOWN)
def test_show_hn_of_no_product_is_no_launch(make_message: MakeMessage, text: str) -> None:
    assert read(make_message, text) == []


@pytest.mark.parametrize("text", [
    "the API is down again?? customers are pinging support",  # chat: left to the sentence readers
    "Quarterly update\n\nWe grew revenue 40% and hired two engineers.",
])
def test_other_text_is_not_read_as_a_post(text: str) -> None:
    assert read_post(text, POSTED) is None


# A project's sponsors (its funding): signed, paid, renewed, lost; (text, polarity, title word)
SPONSORS = [
    ("We have two new sponsors: Grafana Labs confirmed as silver sponsor.", Polarity.POSITIVE,
     "Grafana Labs"),
    ("Datadog signed on as a silver sponsor of the project \U0001f389", Polarity.POSITIVE,
     "Datadog"),
    ("Thrilled to welcome Fastly as our new platinum sponsor!", Polarity.POSITIVE, "Fastly"),
    ("Further news: sponsoring announcement from Vercel!", Polarity.POSITIVE, "Vercel"),
    ("Quick item: our gold sponsor has paid for 2027.", Polarity.POSITIVE, "paid"),
    ("Budget is fine despite two sponsors dropping out late in the year.", Polarity.NEGATIVE,
     "dropping out"),
    ("Bad news: we lost two sponsors this quarter.", Polarity.NEGATIVE, "lost"),
]
# Look-alikes: prospects, our money going to someone else's event, questions
NOT_SPONSORS = [
    "2 new sponsors are in the making btw",
    "We are confirmed as a gold sponsor of KubeCon EU this year.",
    "Acme is now a gold sponsor of PyCon.",
    "Any idea whether Fastly would become a sponsor?",
    "Marathon extended its sponsorship with the Buffalo Sabres through 2030.",
    "We should look for more sponsors before the summer.",
]


@pytest.mark.parametrize(("text", "polarity", "word"), SPONSORS)
def test_a_projects_sponsor_signed_paid_or_lost_is_funding(make_message: MakeMessage,
                                                           text: str, polarity: Polarity,
                                                           word: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(T.FUNDING, polarity)]
    assert word.lower() in events[0].title.lower()


@pytest.mark.parametrize("text", NOT_SPONSORS)
def test_sponsor_prospects_and_our_own_sponsoring_are_no_funding(make_message: MakeMessage,
                                                                 text: str) -> None:
    assert [e for e in read(make_message, text) if e.event_type is T.FUNDING] == []


@pytest.mark.parametrize("text", [
    "\n" * 1_000_000,
    "Outage\n\n" + "Investigating - the API is down\n" * 30_000,
    "Show HN: " + "x" * 1_000_000,
])
def test_a_megabyte_post_is_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    read_post(text, POSTED)
    assert time.perf_counter() - started < 1.0  # 1 ms per KB, the bound


PROJECT = ("OWASP CRS", "CRS", "Core Rule Set")
# Adopters named in a project chat: (text, type, the adopter)
ADOPTERS = [
    ("So Google Cloud Armor updated to CRS v3.3. Which is a big step for them.",
     T.CUSTOMER_SUCCESS, "Google Cloud Armor"),
    ("So Kemp announced that they are installing CRS as their default rule set.",
     T.PARTNERSHIP, "Kemp"),
    ("Fastly now ships the Core Rule Set in its next-gen WAF.", T.CUSTOMER_SUCCESS, "Fastly"),
    ("heads up: Akamai has upgraded to CRS 4.2 across their WAF fleet", T.CUSTOMER_SUCCESS,
     "Akamai"),
]
NOT_ADOPTERS = [
    "We updated to CRS v4 on the staging box yesterday.",
    "Cloudflare updated to a new dashboard.",
    "Does Azure support CRS 4 yet?",
    "Coraza now supports CRS plugins, nice.",
]


@pytest.mark.parametrize(("text", "kind", "adopter"), ADOPTERS)
def test_an_adopter_of_ours_named_in_chat_is_their_success_or_a_partnership(
        make_message: MakeMessage, text: str, kind: EventType, adopter: str) -> None:
    events = read(make_message, text, company="crs", aliases=PROJECT)
    assert [e.event_type for e in events] == [kind]
    assert events[0].title.startswith(adopter)


@pytest.mark.parametrize("text", NOT_ADOPTERS)
def test_our_own_upgrade_and_others_news_are_no_adopter(make_message: MakeMessage,
                                                        text: str) -> None:
    assert read(make_message, text, company="crs", aliases=PROJECT) == []


# A project's GA release and its leaders, told in its chat: (text, type, polarity, title word)
PROJECT_NEWS = [
    ("we released 3.3.0 today, thanks everyone!", T.PRODUCT_LAUNCH, Polarity.POSITIVE, "3.3.0"),
    ("we just shipped v4.0 \U0001f389", T.PRODUCT_LAUNCH, Polarity.POSITIVE, "4.0"),
    ("We are announcing publicly that Felipe is a new co-lead for our project.", T.HIRING,
     Polarity.POSITIVE, "Felipe"),
    ("Max is our new co-lead, announced publicly today.", T.HIRING, Polarity.POSITIVE, "Max"),
    ("After seven years I'm stepping down as co-lead of the project.", T.HIRING,
     Polarity.NEGATIVE, "stepping down"),
]
NOT_PROJECT_NEWS = [
    "3.3.0-RC1 is out for testing.",
    "we released 3.1.1 with the fix",
    "we released 4.0 rc2 yesterday",
    "I think we released 3.3.0 too early?",
    "He'd be stepping down as co-lead next year.",
]


@pytest.mark.parametrize(("text", "kind", "polarity", "word"), PROJECT_NEWS)
def test_a_projects_release_and_leaders_are_read(make_message: MakeMessage, text: str,
                                                 kind: EventType, polarity: Polarity,
                                                 word: str) -> None:
    events = read(make_message, text)
    assert [(e.event_type, e.polarity) for e in events] == [(kind, polarity)]
    assert word.lower() in events[0].title.lower()


@pytest.mark.parametrize("text", NOT_PROJECT_NEWS)
def test_candidates_patches_doubts_and_hearsay_are_no_project_news(make_message: MakeMessage,
                                                                   text: str) -> None:
    assert read(make_message, text) == []
