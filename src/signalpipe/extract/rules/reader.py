"""Reading one message: sentences -> clauses -> detectors -> vetoes -> hits with offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from signalpipe.extract.injection import injection_reason
from signalpipe.extract.rules import (
    airtime,
    articles,
    assurance,
    backers,
    bystanders,
    chatnews,
    community,
    companylife,
    contracts,
    corporate,
    coverage,
    cutbacks,
    deals,
    declines,
    earnings,
    founders,
    growth,
    headlines,
    inbound,
    launchforms,
    launchscope,
    longform,
    lowlights,
    markets2,
    measured,
    members,
    milestones,
    modality,
    orders,
    outcomes,
    owners,
    pressnoise,
    reach,
    recognition,
    results,
    rounds,
    routine,
    setbacks,
    shipped,
    shortfall,
    spoken,
    statuspage,
    tech,
    techwins,
    theirs,
    welcomes,
    wire,
)
from signalpipe.extract.rules import company as co
from signalpipe.extract.rules.audience import audience
from signalpipe.extract.rules.chatter import blank_code, chatter_veto, dump
from signalpipe.extract.rules.clients import chose_us, hired_by_client, new_client
from signalpipe.extract.rules.currency import in_written_currency
from signalpipe.extract.rules.found import Context, Found
from signalpipe.extract.rules.gate import cues
from signalpipe.extract.rules.headlines import namesake, news_veto, untagged
from signalpipe.extract.rules.layout import list_mail, no_events_here, readable
from signalpipe.extract.rules.naming import checked
from signalpipe.extract.rules.subject import FIRST_PERSON, OTHER_PEOPLE, third_party
from signalpipe.extract.rules.text import Span, clauses, lower, sentences
from signalpipe.extract.rules.wordscan import any_word
from signalpipe.models import EventType, Message, Source

Detector = Callable[[str, str, Context], Found | None]

# Order matters where one clause fits two readings: a deal's "$420k ARR contract" is a deal, not
# revenue; "integration with X is live" is a partnership, not a launch; a podcast "is live" is
# press.
DETECTORS: tuple[tuple[str, Detector], ...] = (
    ("reversal", lowlights.reversal),  # "Series A fell through": not a round, negated
    ("setbacks_early", setbacks.early),  # "only 3 of 10 customers renewed": no success
    ("backers_setback", backers.setback),  # "rejected by YC", "the raise didn't work"
    # reach.py: a market left ("shutting down our Brazil operation", "put the Germany launch
    # on hold"), before the shut-downs and the launches put off
    ("reach_left", reach.place_left),
    # earnings.py: a loss that narrowed is good news, a slide into loss a lowlight; before the
    # declines, which read "net loss ... down from EUR 2.4 mn" as a fall
    ("earnings_loss", earnings.loss_moved), ("earnings_eps", earnings.per_share),
    ("earnings_forecast", earnings.against_forecast),
    # shortfall.py: a business that did not work ("our sales never took off: almost nobody
    # bought it"), before the revenue readers, whose reading of it is vetoed as negated
    ("shortfall", shortfall.business_failed),
    ("decline", declines.decline),  # "Revenue was $2.1M, down 18%": no figure reached
    ("setback", declines.setback),  # "pushing the v2 launch to March": no launch
    # "Craft approached us about leading the Series A": interest, not a round led
    ("backers_approached", backers.approached),
    ("backers_newcomer", backers.newcomer),  # "our newest investor", "now backed by X"
    ("funding", rounds.funding), ("backed", articles.backed),  # "Index backs Acme"
    # backers.py: accelerators, grants (before co.award's "Grant: NSF"), rounds told bare
    ("backers_accelerator", backers.accelerator), ("backers_grant", backers.grant),
    ("backers_closed", backers.closed), ("backers_public", backers.public),
    ("statuspage_sponsor", statuspage.sponsorship),  # a project's sponsor signed or lost
    ("coverage_offer", coverage.offer_received),  # "rejected a $500k offer": not a sale
    ("acquire_interest", founders.acquire_interest),
    ("acquire_interest", wire.proposal),
    ("theirs_bought", theirs.acquired_us),  # "Initech acquired us": we are the one bought
    ("acquisition", deals.acquisition), ("corp_other", corporate.other),
    ("acquisition", wire.agreement_to_acquire),
    # companylife.py: bought, merged, buying, renamed, a new office (before co.expansion's
    # "moved into ... in Kreuzberg"), the company closing (before a product's shut_down)
    ("companylife", companylife.company_life),
    # backers.py first: its readings name the fund or count them ("two funds in diligence")
    ("backers_interest", backers.interest),  # "strong interest from X @ Heavybit", diligence
    # inbound.py: a fund got in touch or wants in, named as founders name it (before deals', whose
    # title for "a partner at a16z wants to meet" is "an investor")
    ("inbound_interest", inbound.inbound),
    ("investor_interest", deals.investor_interest), ("investor_interest", rounds.approach),
    ("backers_takeover", backers.takeover),  # "Zurich considering offer for RSA" (RSA's)
    # a pen test "passed, no highs": its clean result is no negation (assurance.py)
    ("assurance", assurance.attested), ("compliance", co.compliance),
    ("corp_compliance", corporate.compliance), ("community_audit", community.audited),
    # incidents in the words other detectors lack; before the deals' "lost" ("lost data")
    ("assurance", assurance.incident),
    ("recognition_outage", measured.data_lost),  # "we lost 2 hours of customer events"
    # a benchmark won is a technical result, not a ranking in the press ("#1 on the ... board")
    ("recognition_bench", measured.benchmark_won),
    ("techwins_bench", techwins.benchmark_topped),  # "Acme tops MLPerf Inference v4.0"
    # a move of the platform completed; before the launch and market readers ("is live",
    # "moved to the EU data centre")
    ("techwins_move", techwins.migrated),
    # a post of ours at the top of a site, dated so that two months' front pages stay two
    ("recognition_press", recognition.top_of_site),
    ("theirs_made", theirs.made_site),  # "you guys made reddit, btw"
    # an update's press section names its outlet at the line's head (airtime.py), before
    # co.media takes "In the news" for an outlet called News
    ("airtime_section", airtime.press_section),
    ("media", co.media), ("community_press", community.coverage),
    ("coverage_made", coverage.made_about_us), ("coverage_listed", coverage.listed),
    ("coverage_appeared", coverage.appeared), ("coverage_honoured", coverage.honoured),
    # recognition.py: written about us, on a show, at the top of a site (before co.launch's
    # "went live")
    ("recognition_press", recognition.written_about), ("recognition_press", recognition.on_show),
    ("recognition_press", recognition.press_named),
    # airtime.py: coverage in a team's words (before the hiring and launch readers, which take
    # "our CTO was named an AWS Hero" for a hire and "the Forbes article went live" for a launch)
    ("airtime_talk", airtime.talk_given), ("airtime_titled", airtime.titled),
    ("airtime_piece", airtime.piece_about_us), ("airtime_air", airtime.on_air),
    ("airtime_list", airtime.on_list),
    # a customer naming us their partner of the year (outcomes.py), before hiring's "partner"
    ("outcomes_praised", outcomes.praised),
    # before company.py's hiring(): "Lizz joins us as ...", "The Tilt team is joining Docker"
    # chatnews.py first: "please welcome @sam who joins us as our first SRE" is a teammate,
    # which community.veto would take for a member welcomed
    ("hiring", wire.appointment), ("chatnews_joined", chatnews.joined_handle),
    ("welcomes", welcomes.welcome), ("chatnews_left", chatnews.departed), ("hiring", co.hiring),
    ("corp_hiring", corporate.hiring), ("community_joined", community.joined),
    ("chatnews_joined", chatnews.joined),  # "Ana was added to the team as ..." (chatnews.py)
    ("shut_down", founders.shut_down), ("community_setback", community.setback),
    # a customer staying or growing on us in founders' words (spoken.py): before the partner
    # and deal readers, which take "moved their support org onto Acme" for a partnership
    ("spoken_kept", spoken.customer_kept),
    # contracts.py: integrations, marketplaces and partner tiers ("live in the Atlassian
    # Marketplace" is a listing, not a market entered)
    ("contracts_partner", contracts.partnership),
    ("theirs_offered", theirs.offered_by_partner),  # "Hosted Acme now available from Compose"
    # a sector, a facility or a count of countries first: co.expansion reads any name after
    # "expands into" as a place ("into the logistics sector with Globex Freight")
    ("results_market", results.market),
    ("launchforms_store", launchforms.store),  # "Acme for Android is now live in the Play Store"
    # reach.py: a region entered or a first there ("enters the German market" is Germany)
    ("reach_entered", reach.place_entered),
    # markets2.py: a first site opened there, before co.expansion, which reads "First ARCO
    # station opens in Ciudad Juarez" as the expansion of a company called Station
    ("markets2_first", markets2.first_site),
    ("expansion", co.expansion), ("coverage_markets", coverage.markets_count),
    ("coverage_place", coverage.place_reached),
    # reach.py: the place as the subject ("Canada is live!")
    ("reach_live", reach.place_live),
    # markets2.py: operations started or a unit set up there
    ("markets2_started", markets2.started_there),
    ("partnership", deals.partnership), ("corp_partnership", corporate.partnership),
    ("partnership", wire.alliance), ("partnership_joined", wire.alliance),
    ("community_listing", community.listing),
    # "closed 2025 with $3.2M in ARR" and "customer base grew 150%" are milestones, not a deal
    # closed or a customer's success
    # uptime held for a period; before the record readers, which take "99.995% availability in
    # Q3, our best quarter ever" for users
    ("techwins_uptime", techwins.reliability),
    ("milestones", milestones.period_close), ("milestones", milestones.base_grew),
    # a count of customers signed is the signer's ("Globex signed 40 new customers"), no deal
    # with Globex
    # contracts.py: POs, buyers choosing us by name, deals lost; before deals.py, whose looser
    # reading would take "closed our largest deal to date with X" for a deal with "In March"
    # named customers in production or upgraded (outcomes.py), before the deals' looser reading
    # of "the companies that have upgraded to Pro"
    ("outcomes_production", outcomes.in_production),
    # orders.py: goods counted, delivered under a contract; before the deal readers, whose
    # reading of "will deliver ... under an agreement signed" is vetoed as a plan
    ("orders_delivery", orders.delivery),
    ("contracts_deal", contracts.deal),
    ("enterprise_deal", wire.customers_signed), ("enterprise_deal_supply", wire.supply_deal),
    ("enterprise_deal", deals.enterprise_deal), ("corp_deal", corporate.enterprise_deal),
    ("enterprise_deal", new_client), ("enterprise_deal", chose_us),
    ("client_engaged", hired_by_client),
    # orders.py: chosen as the supplier, an order pulled
    ("orders_chosen", orders.chosen_supplier), ("orders_pulled", orders.order_pulled),
    ("orders_lost", orders.order_lost),
    ("churn_count", founders.churn_count),
    ("statuspage_adopter", statuspage.adopter),  # "Google Cloud Armor updated to CRS v3.3"
    ("customer_success", deals.customer_success), ("corp_success", corporate.customer_success),
    ("coverage_result", coverage.customer_result), ("coverage_rating", coverage.rating),
    ("coverage_story", coverage.customer_story),
    # outcomes.py: a customer's figure moved on us, growing or live on us;
    # churn and scores that moved
    ("outcomes_moved", outcomes.moved_with_us),
    ("outcomes_grew", outcomes.grew_on_us), ("outcomes_live", outcomes.live_on_us),
    ("outcomes_churn", outcomes.churn_moved),
    # a customer live in production or in daily use (spoken.py); before the launch readers,
    # which take "Globex went live" for a launch of Globex
    ("spoken_live", spoken.customer_live),
    # founders' own numbers (milestones.py): a goal beaten or missed, a record month, growth
    # told as a rate or a run; before revenue, whose reading of "beating our goal" is a plan
    ("milestones", milestones.goal_met), ("milestones", milestones.record_period),
    ("milestones", milestones.company_grew), ("milestones", milestones.monthly_run),
    ("first_sale", milestones.first_paying), ("milestones", milestones.word_count),
    ("milestones", milestones.traffic_from), ("milestones", milestones.profitable),
    ("milestones", milestones.grown_to), ("milestones", milestones.units_sold),
    ("milestones", milestones.moved_down), ("milestones", routine.mark_crossed),
    # "up to 87% performance increase for all users" is a system's gain, not users up 87%
    ("recognition_gain", measured.gain),
    ("revenue", growth.revenue), ("revenue", wire.revenue_multiplied),
    ("first_sale", founders.first_sale), ("users", growth.users),
    ("users", audience), ("results_users", results.audience_units),
    ("community_members", community.members),
    # milestones in words, firsts and records in prose (spoken.py): after the figure readers
    ("spoken", spoken.milestone),
    ("news_results", headlines.results),
    ("theirs_down", theirs.site_down),  # "app.acme.io is down", "the API is returning 500s"
    ("technical", tech.postmortem), ("technical", growth.technical),
    ("recognition_outage", measured.broken_for),  # "login was broken for all EU users for 90 min"
    ("chatnews_down", chatnews.down_now),  # "the site's been down since 9am" (chatnews.py)
    ("results_tech", results.performance),
    ("recognition_tech", measured.less_of), ("recognition_tech", measured.moved_cleanly),
    ("recognition_uptime", measured.uptime_record),
    # techwins.py: load carried, times cut, infrastructure savings, quality results in chat's
    # words, after the readers above
    ("techwins_load", techwins.load_carried), ("techwins_time", techwins.time_now),
    ("techwins_saved", techwins.infra_saved), ("techwins_quality", techwins.quality),
    ("companylife_award", companylife.award_won),  # "came first in the Stripe hackathon"
    ("award", co.award),
    ("theirs_award", theirs.best_won),  # "Acme won Best DevTool at DevWeek"
    ("statuspage_project", statuspage.project_news),  # "we released 3.3.0", a new co-lead
    ("theirs_site", theirs.launch_site),  # "acme went live on product hunt today"
    ("launch", co.launch), ("wire_release", wire.version_release),
    ("community_release", community.release),
    ("members_release", members.announced),  # a company's own release told to developers
    ("shipped_release", shipped.release),  # "Please give a warm welcome to Tilt v0.9"
    # chatnews.py: chat's own words, after the readers built for sentences ("acme signed!!!",
    # "v3 just dropped")
    ("chatnews_release", chatnews.released), ("chatnews_signed", chatnews.signed),
    ("chatnews_cheer", chatnews.cheered),  # "1,000 stars on github!!", "50 customers!! 🎉"
    ("launchforms", launchforms.forms),  # "Beacon 2 is here", "Meet Beacon, our new app"
    # cutbacks.py: jobs cut, counted by whom the cut affects ("the reductions will affect 30
    # employees"), before the setbacks read in any register
    ("cutbacks_jobs", cutbacks.jobs_cut), ("cutbacks_site", cutbacks.site_closed),
    # last: a setback in words no detector above knows ("CFTC fines Acme", "profit dip")
    ("lowlight", lowlights.lowlight),
    ("setback", declines.late_setback),  # "ISO 27018: failed. 8 exceptions."
    ("setbacks", setbacks.setback),  # "Ravi resigned", "Umbrella will not be renewing"
)
LATER_RETRACTED = re.compile(r"\b(?:then|but|and) (?:\w+ )?(?:backed out|pulled out|withdrew"
                             r"|turned (?:it|them|the offer|that) down|declined|passed|"
                             r"rescinded|reneged|changed (?:her|his|their) mind|fell through"
                             r"|got cancell?ed|was cancell?ed)\b")
# How a news headline says a company acted: "Stripe Raises $600M", "Acme Acquires Beta".
_NEWS_VERB = re.compile(
    r"\b[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)* (?:has |to |will )?(?i:raises|raised|raise|acquires"
    r"|acquired|acquire|buys|bought|launches|launched|launch|hires|hired|appoints|names|opens"
    r"|expands"
    r"|signs|signed|partners|unveils|announces|secures|closes|completes|wins|won|joins|sells|lands"
    r"|gets|receives|debuts|introduces|rolls|adds|taps|selects|reports|posts|cuts|lays|files)\b")
MAX_SENTENCE = 1_500  # characters
_PART_CUT = re.compile(r",\s|:\s|:[*_]{1,2}\s|\(|\)|!\s"  # "**Shipped X:** why": the label
                       # "We failed the PCI audit and will be re-audited": the plan is what comes
                       # next, not the event told before it
                       r"|\s(?=and (?:will|we'll|we will|plan to|hope to|intend to|aim to)\s)")
_SUBORDINATE = re.compile(r"^\s*(?:if|assuming|once|unless|when|in case(?! you missed)|should"
                          r"|whether)\b",
                          re.IGNORECASE)
RETRACTION = re.compile(r"^\W*(?:\(?(?:we haven'?t|we have not|not (?:true|real|yet)|jk\b"
                        r"|just kidding|kidding|scratch that|false alarm|correction\b|update: "
                        r"(?:it|the deal|they) (?:fell|didn'?t)|never ?mind|nvm\b|lol no"
                        r"|actually,? (?:no|not)))", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Hit:
    """An accepted reading: what was found, in which message, and the sentence that says it."""

    found: Found
    message: Message
    span: Span
    field: str = "text"


def subject_of(message: Message) -> str:
    if message.subject:
        return message.subject
    if not message.text[:8].lower().startswith("subject:"):
        return ""
    return message.text.partition("\n")[0][8:].strip()


def trigger_part(clause: str, pos: int) -> str:
    """The comma-separated part of ``clause`` holding ``pos``, with a leading "if ..., " part."""
    cuts = [m.end() for m in _PART_CUT.finditer(clause)]
    bounds = [0, *cuts, len(clause) + 1]
    for i in range(len(bounds) - 1):
        if bounds[i] <= pos < bounds[i + 1]:
            part = clause[bounds[i]:bounds[i + 1]]
            if i > 0 and _SUBORDINATE.search(clause[bounds[i - 1]:bounds[i]]):
                part = clause[bounds[i - 1]:bounds[i]] + part
            return part
    return clause


# "I reduced Google Cloud fees by 90% on my side projects": the founder's, not the company's
_SIDE_PROJECT = re.compile(r"\b(?:on|for|across|in) my (?:other |personal |own |little )?"
                           r"(?:side[- ]?projects|side[- ]?hustles|hobby projects)\b")


def veto(found: Found, clause: str, sentence: Span, near: str,
         company: re.Pattern[str] | None, *, headline: bool = False,
         when: date | None = None) -> str | None:
    """Why ``found`` is not a real event of ours, or None."""
    part = trigger_part(clause, found.trigger)
    allow = found.allow
    # in order, each only when the ones before found nothing (the checks are pure: a reading
    # rejected by the first need not pay for the other seven)
    reason = modality.reported_not_happened(near) \
        or (None if "question" in allow else modality.question(sentence.text)) \
        or (None if "hypothetical" in allow else modality.hypothetical(part)) \
        or (None if "plan" in allow else modality.plan_or_hope(part)) \
        or (None if "negation" in allow
            else modality.negated(part, negative_event=found.negative)) \
        or modality.rumour(sentence.text) \
        or (None if "old" in allow else modality.old_news(sentence.text, when)) \
        or ("the writer's own side project" if _SIDE_PROJECT.search(part.lower()) else None)
    if reason:
        return reason
    if not found.negative and LATER_RETRACTED.search(sentence.text.lower(),
                                                     sentence.text.find(clause) + found.trigger):
        return "retracted later in the sentence"
    head = clause[:found.trigger]
    news = news_veto(found, clause, part, company)
    if news:
        return news
    if found.relational:
        other = _RIVAL.search(head)
        if other:
            return f"third party ({other.group()})"
        return None
    if found.event_type is EventType.HIRING and "layoff" not in found.metrics:
        return None  # the person is the subject; hiring() checks whose company it is
    if headline and not _NEWS_VERB.search(clause):
        return None  # "Separate Content Repos Are Here": a title's capitals name no one
    if found.event_type is EventType.TECHNICAL_ACHIEVEMENT:
        platform = launchscope.platform_subject(head, clause, company)
        if platform:
            return f"third party ({platform})"  # "Postgres 17 brings 2x faster vacuum"
        owner = _OWNED.search(head)
        if owner is None:
            return None  # "Search is 3x faster", "Checkout was down": our system, named by a noun
        if _POSSESSIVE.search(owner.group()) and not FIRST_PERSON.search(head) \
                and not (company is not None and company.search(owner.group())):
            return f"third party ({owner.group().strip()})"  # "Stripe's API was 2x faster"
    return third_party(head, clause, company)


# a possessive, not a contraction: "Stripe's API", not "There's" or "Today's"
_POSSESSIVE = re.compile(r"^(?!(?:There|Here|It|That|What|Let|He|She|Who|Where|How|Today|Now"
                         r"|Yesterday|Tomorrow|Tonight|Everything|Something|Nothing|This"
                         r"|Everyone|Last \w+|This \w+|Next \w+"
                         # a day's outage is ours: "Thursday's outage lasted 2 hours"
                         r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Weekend"
                         r"|Night|Morning)(?:'s|\u2019s))"
                         r"[\w.&-]*(?:'s|\u2019s)\s$")
# A rival or a third party congratulated before the trigger: someone else's news.
_RIVAL = re.compile(r"\b(?:competitors?|rivals?|competition|(?:big (?:week|day|news|win)"
                    r"|congrats|congratulations|kudos) (?:for|to) (?!us\b|our\b|the team\b"
                    r"|everyone\b))\b", re.IGNORECASE)
# Someone else's system, named as theirs: "Stripe's API was down", "AWS us-east-1 went down".
_OWNED = re.compile(r"\b[A-Z][\w.&-]*(?:'s|\u2019s)\s|\b(?:AWS|GCP|Azure|Cloudflare|GitHub|Stripe"
                    r"|Google|Microsoft|Slack|Fastly|Vercel|Heroku|Okta|Twilio|OpenAI)\b")


_URL = re.compile(r"\]\([^)\s]{1,500}\)|https?://\S+|www\.\S+|\S+@\S+\.\w+|<[^<>\s]{1,300}>"
                  r"|\{\{[^{}]{0,200}\}\}|`[^`\n]{0,300}`")

# The same without the address alternative, for text with no "@": that one tries every position
# of every word and backtracks through it, the slowest part of the scan.
_URL_NO_MAIL = re.compile(_URL.pattern.replace(r"|\S+@\S+\.\w+", ""))


def masked(text: str) -> str:
    """``text`` with links, addresses, markup and code blanked out, offsets kept: a release
    URL's "/releases/tag/v3.13" or a template's "{{site.name}}" is no statement."""
    if "://" not in text and "www." not in text and "@" not in text and "](" not in text \
            and "{{" not in text and "`" not in text and "<" not in text:
        return text
    pattern = _URL if "@" in text else _URL_NO_MAIL
    return pattern.sub(lambda m: " " * len(m.group()), text)


def read_message(message: Message, company: re.Pattern[str] | None
                 ) -> tuple[list[Hit], list[tuple[str, str]]]:
    """Every event one message states, and every near-event it rejected with the reason."""
    if not message.text.isascii() and articles.in_japanese(message.text):
        # the English reader finds nothing in Japanese; the business press's formulae do
        return [Hit(found, message, span, where) for found, span, where
                in articles.read_japanese(message.text, message.subject or "", company)], []
    post = _whole_post(message)
    if post is not None:
        return post
    hits, rejected = _read(message, company)
    hits, rejected = _named(hits, rejected, company)
    if hits:
        hits, rejected = _not_members(message, hits, rejected, company)
    other = (namesake(message.text, company)
             or longform.never_named(message.subject or "", message.text, company)) \
        if hits else None
    if other is not None:
        return [], [*rejected, (message.id, other)]
    quoted = [h for h in hits if _QUOTE.search(h.span.text) or longform.commentary(h.span.text)]
    if quoted and len(quoted) < len(hits):
        # a press release's quotes restate (or colour) the news its own sentences state
        hits = [h for h in hits if h not in quoted]
        rejected += [(message.id, f"a quote restating the news: {h.span.text[:80]}")
                     for h in quoted]
    # a chat message is no list mail, whatever it says of "our mailing lists" (chatnews.py)
    if hits and company is not None and not company.search(message.sender) \
            and message.source is not Source.SLACK \
            and list_mail(message.subject or "", message.text) \
            and not _speaks_for(company, message):
        # a list member announcing their own package, job or paper is not the company's news
        return [], [*rejected, (message.id, "mailing-list mail from a member")]
    return hits, rejected


def _whole_post(message: Message) -> tuple[list[Hit], list[tuple[str, str]]] | None:
    """A status-page post or a Show HN post, read whole (statuspage.py); None for other text."""
    post = statuspage.read_post(message.text, message.timestamp)
    if post is None:
        return None
    flagged = injection_reason(message.text) if post else None
    if post is False or flagged:
        return [], [(message.id, f"injection: {flagged}" if flagged
                     else "a status or Show HN post that states no event")]
    found, span = post
    return [Hit(found, message, span)], []


def _not_members(message: Message, hits: list[Hit], rejected: list[tuple[str, str]],
                 company: re.Pattern[str] | None) -> tuple[list[Hit], list[tuple[str, str]]]:
    """Readings the company states, not a member of its community (members.py)."""
    kept = []
    for hit in hits:
        reason = members.member_reason(message, hit.found, hit.span.text, company)
        if reason is None:
            kept.append(hit)
        else:
            rejected = [*rejected, (message.id, f"{reason}: {hit.span.text[:80]}")]
    return kept, rejected


def _named(hits: list[Hit], rejected: list[tuple[str, str]], company: re.Pattern[str] | None
           ) -> tuple[list[Hit], list[tuple[str, str]]]:
    """Readings whose product, partner, customer or outlet is a name ("Launched Key" is not)."""
    kept = []
    for hit in hits:
        found, reason = checked(hit.found, hit.span.text, company)
        if found is None:
            rejected = [*rejected, (hit.message.id, reason)]
        else:
            kept.append(hit if found is hit.found else replace(hit, found=found))
    return kept, rejected


# A sentence that is a quotation: opens with a quote mark, or attributes one ("...," said X Y,).
_QUOTE = re.compile(r"^\W{0,3}[\"\u201c]|[\"\u201d],?\s+(?:said|says|added|adds|commented|noted"
                    r"|explained|according to)\b"
                    r"|\b(?:said|says|added|commented|noted) [A-Z][\w.'-]+ [A-Z][\w.'-]+,")


def _speaks_for(company: re.Pattern[str], message: Message) -> bool:
    """The sender writes as the company: "We at NI & Ettus Research have released ..." """
    m = re.search(r"\b(?:we|us) at ([^.\n]{2,40})", message.text[:2000], re.IGNORECASE)
    return m is not None and company.search(m.group(1)) is not None


def _read(message: Message, company: re.Pattern[str] | None
          ) -> tuple[list[Hit], list[tuple[str, str]]]:
    if not message.subject or message.subject in message.text:
        return _read_body(message, company)
    # an email's or a post's headline states its news ("Announcing IN query operator")
    hits, rejected = _read_headline(message, company)
    body_hits, body_rejected = _read_body(message, company)
    return hits + body_hits, rejected + body_rejected


def _read_body(message: Message, company: re.Pattern[str] | None
               ) -> tuple[list[Hit], list[tuple[str, str]]]:
    low = lower(message.text)
    found_cues = cues(low)
    if not found_cues:
        return [], []  # most messages: one scan finds no cue, there is nothing to read
    skip = no_events_here(message.subject or "", message.text, low) or dump(message.text)
    if skip:
        return [], [(message.id, skip)]
    shown = theirs.own_address(message.text, untagged(masked(blank_code(message.text))),
                               company)
    text = wire.restored(shown, readable(shown))  # a release's body news past its lead
    if text is not message.text:
        # blanking only turns characters into spaces: a cue still stands where its first letter
        # was not blanked, so the scan need not run again
        low = lower(text)
        found_cues = [(pos, names) for pos, names in found_cues if text[pos] != " "]
        if not found_cues:
            return [], []
    hits: list[Hit] = []
    rejected: list[tuple[str, str]] = []
    # the sentence after the last cue's is the last one read (a retraction may follow)
    spans = sentences(text, until=max(pos for pos, _ in found_cues))
    wanted = _per_sentence(spans, wire.uncued(text, found_cues))
    subject = subject_of(message)
    flagged: list[str | None] = []  # computed once, and only for a message with an event
    for i, sentence in enumerate(spans):
        at = wanted.get(i)
        if not at:
            continue
        ctx = Context(company, sentence.text, message.sender, subject,
                      spans[i - 1].text if i else "")
        if sentence.end - sentence.start > MAX_SENTENCE:
            continue  # a dump, a table or a wall of words: no one states an event that way
        for clause in _split_at_and(clauses(sentence), at):
            names = {n for pos, these in at if clause.start <= pos < clause.end for n in these}
            found = _detect(clause.text, ctx, names, low[clause.start:clause.end]) \
                if names else None
            if found is None:
                continue
            reason = _judge(found, clause.text, spans, i, company, message.timestamp) \
                or chatter_veto(found, clause.text, sentence, text, subject, company) \
                or longform.veto(found, clause.text, text, sentence, message.timestamp) \
                or wire.veto(found, clause.text, sentence.text, company) \
                or wire.boilerplate(found, text, sentence.start, company) \
                or community.veto(found, clause.text) \
                or recognition.veto(found, clause.text, sentence.text) \
                or airtime.veto(found, clause.text, sentence.text, company) \
                or inbound.veto(found, clause.text) \
                or contracts.veto(found, clause.text, sentence.text, company) \
                or coverage.veto(found, clause.text, company) \
                or backers.veto(found, clause.text) \
                or shipped.veto(found, clause.text, message.text) \
                or articles.veto(found, clause.text, sentence.text, message.timestamp) \
                or assurance.veto(found, clause.text, sentence.text, company) \
                or pressnoise.veto(found, clause.text, company, message.timestamp) \
                or routine.veto(found, clause.text, sentence.text, text, sentence.end) \
                or launchscope.veto(found, clause.text, sentence.text, company) \
                or launchforms.veto(found, clause.text, sentence.text, company) \
                or setbacks.veto(found, clause.text, company) \
                or techwins.veto(found, clause.text, sentence.text) \
                or reach.veto(found, clause.text, sentence.text) \
                or outcomes.veto(found, clause.text, company) \
                or chatnews.veto(found, clause.text, text, company) \
                or owners.veto(found, clause.text, company) \
                or earnings.veto(found, clause.text, sentence.text, company) \
                or cutbacks.veto(found, clause.text) or orders.veto(found, clause.text) \
                or bystanders.veto(found, clause.text, sentence.text, company,
                                   message.timestamp,
                                   raw=message.text[sentence.start:sentence.end + 40]) \
                or theirs.veto(found, clause.text, sentence.text, company) \
                or _injected(message, flagged)
            if reason is None:
                original = Span(sentence.start, sentence.end,
                                message.text[sentence.start:sentence.end])
                hits.append(Hit(found, message, original))
            else:
                rejected.append((message.id, f"{reason}: {sentence.text[:120]}"))
    return hits, rejected


# ", compared to EUR 1.5 mn" compares a figure with its earlier one: no second event
_JOINT = re.compile(r" and | as it | as the company |, (?!compared )(?=(?:[A-Z][a-z]{2,}"
                    r"|[a-z]{3,})(?:s|ed) )")


_UNCUT = frozenset({"decline", "setback", "backed", "assurance", "milestones", "welcomes",
                    "spoken", "spoken_live", "spoken_kept", "setbacks", "setbacks_early",
                    "companylife", "companylife_award"})


_FALLBACK = ("corp_", "community_", "members_", "contracts_", "coverage_", "shipped_", "results_",
             "recognition_", "backers_", "reach_", "outcomes_", "chatnews_", "launchforms",
             "techwins_", "airtime_", "inbound_", "markets2_", "earnings_", "orders_",
             "cutbacks_", "shortfall", "theirs_")


def _split_at_and(pieces: list[Span], at: list[tuple[int, frozenset[str]]]) -> list[Span]:
    """Cut a clause at " and " when each side holds a cue of its own: "p99 down to 55ms and
    closed Tyrell Bank" states two events; "renewed and expanded" is one."""
    out: list[Span] = []
    for piece in pieces:
        joint = _JOINT.search(piece.text) if (" and " in piece.text or ", " in piece.text
                                              or " as " in piece.text) \
            and _cued(piece, at) >= 2 else None  # a cut needs a cue on each side of it
        if joint is None:
            out.append(piece)
            continue
        cut, width = joint.start(), len(joint.group())
        left_end = piece.start + cut
        right_start = left_end + width
        # the readings of the modules in _FALLBACK and _UNCUT (corporate, community, members,
        # contracts, coverage, shipped, results, setbacks...) do not change where a clause is cut
        left = {n for pos, these in at if piece.start <= pos < left_end for n in these
                if not n.startswith(_FALLBACK) and n not in _UNCUT}
        right = {n for pos, these in at if right_start <= pos < piece.end for n in these
                 if not n.startswith(_FALLBACK) and n not in _UNCUT}
        if left and right and left != right and len(piece.text[cut + width:].split()) >= 3:
            out.append(Span(piece.start, left_end, piece.text[:cut]))
            out.append(Span(right_start, piece.end, piece.text[cut + width:]))
        else:
            out.append(piece)
    return out


def _cued(piece: Span, at: list[tuple[int, frozenset[str]]]) -> int:
    """How many cues in ``piece`` call a detector that decides where a clause is cut."""
    return sum(1 for pos, these in at if piece.start <= pos < piece.end
               and any(not n.startswith(_FALLBACK) and n not in _UNCUT for n in these))


def _injected(message: Message, flagged: list[str | None]) -> str | None:
    """Instructions to a model anywhere in the message void what it seems to state; checked
    only for a reading that passed every other check, as it reads the whole message."""
    if not flagged:
        flagged.append(injection_reason(f"{message.subject or ''}\n{message.text}"))
    return f"injection: {flagged[0]}" if flagged[0] else None


def _judge(found: Found, clause: str, spans: list[Span], i: int,
           company: re.Pattern[str] | None, when: date | None = None) -> str | None:
    """Why the reading of sentence ``i`` is no event (retracted next, a veto)."""
    sentence = spans[i]
    after = spans[i + 1].text if i + 1 < len(spans) else ""
    if after and RETRACTION.search(after):
        return f"retracted: {after[:40]}"
    before = spans[i - 1].text if i else ""
    near = sentence.text if not before.endswith(":") else f"{before} {sentence.text}"
    return veto(found, clause, sentence, near, company, when=when)


def _read_headline(message: Message, company: re.Pattern[str] | None
                   ) -> tuple[list[Hit], list[tuple[str, str]]]:
    line = masked(message.subject or "")
    found_cues = wire.uncued(line, cues(lower(line)))
    if not found_cues or no_events_here(line, message.text):
        return [], []
    sentence = Span(0, len(line), line)
    names = {n for _, these in found_cues for n in these}
    found = _detect(line, Context(company, line, message.sender, line), names)
    if found is None:
        return [], []
    flagged = injection_reason(f"{message.subject or ''}\n{message.text}")
    # the vetoes read the line where a reader sees it, above the body: ``sentence``'s offsets
    # are the headline's, so "the start of the text" must be the headline, not the body's start
    page = f"{line}\n\n{message.text}"
    reason = f"injection: {flagged}" if flagged else veto(found, line, sentence, line, company,
                                                          headline=True,
                                                          when=message.timestamp) \
        or chatter_veto(found, line, sentence, page, line, company) \
        or longform.veto(found, line, page, sentence, message.timestamp) \
        or wire.veto(found, line, line, company) or shipped.veto(found, line, page) \
        or pressnoise.veto(found, line, company, message.timestamp) \
        or routine.veto(found, line, line, page, len(line)) \
        or launchscope.veto(found, line, line, company) \
        or launchforms.veto(found, line, line, company) \
        or owners.veto(found, line, company) \
        or earnings.veto(found, line, line, company) \
        or cutbacks.veto(found, line) or orders.veto(found, line) \
        or bystanders.veto(found, line, line, company, message.timestamp,
                           raw=message.subject or "") \
        or theirs.veto(found, line, line, company)
    if reason:
        return [], [(message.id, f"{reason}: {line[:120]}")]
    return [Hit(found, message, Span(0, len(line), message.subject or ""), "subject")], []


def _per_sentence(spans: list[Span], found: list[tuple[int, frozenset[str]]]
                  ) -> dict[int, list[tuple[int, frozenset[str]]]]:
    """Each sentence's cues: (position, detector names)."""
    if len(spans) == 1:  # most chat messages: no search needed
        only = [(pos, names) for pos, names in found if spans[0].start <= pos < spans[0].end]
        return {0: only} if only else {}
    starts = [s.start for s in spans]
    out: dict[int, list[tuple[int, frozenset[str]]]] = {}
    for pos, names in found:
        i = bisect_right(starts, pos) - 1
        if i >= 0 and pos < spans[i].end:
            out.setdefault(i, []).append((pos, names))
    return out


# What a detector cannot do without, checked as plain substrings before its patterns run: most
# clauses a stem lets through ("Closed the Jira epic") fail here in a few hundred nanoseconds.
NEEDS: dict[str, tuple[str, ...]] = {
    "enterprise_deal": ("contract", "deal", "order", "customer", "client", "logo", "$", "acv",
                        "arr", "seat", "year", "yr", "licen", "subscription", "account", "pilot",
                        "po", "msa", "agreement", "tender", "rfp", "\u20ac", "\u00a3", "usd",
                        "lost", "went with", "chose", "chosen", "select", "award", "picked",
                        "tapped"),
    "funding": ("round", "seed", "series", "fund", "financ", "invest", "term", "safe", "bridge",
                "backed", "angel",
                "rais", "valuation", "convertible", "oversubscribed", "secur"),
    "revenue": ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "doubl", "tripl", "record",
                "profit", "loss", "even", "guidance", "outlook", "miss", "short", "below", "ris",
                "rose", "up", "grow", "grew", "increas", "jump", "climb", "improv", "beat",
                "surg", "soar", "recover", "boost", "lift", "strong", "higher", "better", "fall",
                "fell", "drop", "declin", "slid", "slump", "disappoint", "hit by", "hurt", "warn",
                "outflow", "swung", "swing", "worst", "eat", "sink", "sank", "plung", "tumbl",
                "collaps", "slip", "slow", "lowest", "hit", "reach", "make", "meet"),
    "users": ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "doubl", "tripl", "fold",
              "drop", "fell", "declin", "down", "than", "record", "largest", "biggest",
              "highest"),
    # results.py: a figure, or the few wordings that state a result without one
    "results_tech": ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "magnitude", "nines",
                     "took", "take", "beat", "outp", "outsc", "fold", "a million", "a billion",
                     "half a", "world", "industry", "record", "landmark", "all time", "all-time",
                     "most ", "fastest", "quickest", "number one", "top", "charge"),
    "results_users": ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "trending"),
    # measured.py: a figure's word, a gain's figure, an uptime's percent, an outage's duration
    "recognition_tech": ("less", "by ", "half", "halv", "down", "downtime", "data loss", "impact",
                         "interruption", "outage", "incident", "hiccup", "blip", "glitch",
                         "hitch"),
    "recognition_gain": ("%", "twice", "times", "down from"),
    "recognition_uptime": ("%",),
    "recognition_outage": ("min", "hour", "hr", "day", " h", "lost"),
    "recognition_bench": ("benchmark", "leaderboard", "ranking", "eval", "index", "challenge",
                          "test suite", "performing", "top score"),
    # techwins.py: what each family's pattern cannot do without
    "techwins_move": ("migrat", "move", "moving", "switch", "cutover", "cut-over", "transition",
                      "rewrite", "re-write", "platform", "upgrade", "port", "off", " on"),
    "techwins_uptime": ("%", "without", "with no", "with zero", "zero", "no ", "not a", "not one",
                        "0 "),
    "techwins_load": ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
    "techwins_time": ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "half", "third", "halv",
                      " a", " an", "one", "two", "three", "four", "five", "ten", "twenty"),
    "techwins_saved": ("$", "\u20ac", "\u00a3"),
    "techwins_quality": ("fuzz", "crash"),
    # orders.py and cutbacks.py: a count of goods, a supplier's role, an order; people cut
    "orders_delivery": ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "two", "three", "four",
                        "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty",
                        "dozens", "hundreds"),
    "orders_chosen": ("supplier", "vendor", "provider", "contractor", "partner", "integrator"),
    "orders_pulled": ("order", "po"),
    "orders_lost": ("order", "contract", "deal", "tender", "bid", "rfp", "supplier", "vendor",
                    "provider", "instead of us"),
    "shortfall": ("succeed", "sustainable", "viable", "market fit", "took off", "take off",
                  "traction", "picked up", "pick up", "for itself", "losing money", "than",
                  "below"),
    "cutbacks_site": ("office", "plant", "factor", "mill", "site", "facilit", "unit", "store",
                      "shop", "branch", "warehouse", "centre", "center", "line", "mine",
                      "refiner", "smelter", "restaurant", "outlet", "depot", "hq",
                      "headquarters"),
    "cutbacks_jobs": ("employee", "people", "person", "staff", "worker", "team", "colleague",
                      "job", "position", "role", "post", "fte", "personnel"),
    # markets2.py: a place follows "in", "to", "into" or "across"; a first site names its first
    "markets2_started": (" in ", " to ", " into ", " across ", " foot "),
    # markets2.py: a first site names its first ("First ARCO station opens in ...")
    "markets2_first": ("first",),
    "results_market": ("market", "industry", "sector", "space", "vertical", "first", "1st",
                       "open", "unveil", "launch", "bring", "brought", "roll", "expand",
                       "available to", "countries", "live", "officially", "debut", "entry"),
}


# The same needs as one pattern each: one scan in C instead of a Python loop over up to 80 words.
_NEEDS_SCAN = {name: any_word(words) for name, words in NEEDS.items()}


def _detect(clause: str, ctx: Context, names: set[str], low: str | None = None) -> Found | None:
    low = lower(clause) if low is None else low
    for needs, detector in _plan(frozenset(names)):
        if needs is not None and not needs.search(low):
            continue
        found = detector(clause, low, ctx)
        if found is not None:
            return in_written_currency(found, clause)
    return None


# A plan holds each detector with its needs' pattern, looked up once per set of names rather
# than once per clause and detector.
_PLANS: dict[frozenset[str], tuple[tuple[re.Pattern[str] | None, Detector], ...]] = {}


def _plan(names: frozenset[str]) -> tuple[tuple[re.Pattern[str] | None, Detector], ...]:
    """The detectors ``names`` call for, in DETECTORS order: a clause wants two or three of the
    thirty-odd, and the few sets of names that occur are remembered."""
    plan = _PLANS.get(names)
    if plan is None:
        plan = tuple((_NEEDS_SCAN.get(n), d) for n, d in DETECTORS if n in names)
        if len(_PLANS) < _MAX_PLANS:  # bounded whatever text comes in
            _PLANS[names] = plan
    return plan


_MAX_PLANS = 4096


__all__ = ["OTHER_PEOPLE", "Hit", "read_message"]
