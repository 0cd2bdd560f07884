"""Phrasing families: the ways people actually write an event, beyond each kind's own templates.

A kind's ``chat``, ``email`` and ``bullets`` templates are the families ``slack``, ``email`` and
``digest``; this module adds, per kind, ``terse`` (clipped Slack), ``emoji`` (emoji-led,
shorthand), ``lower`` (all lower case, run-on), ``prose`` (a long email paragraph) and
``release`` (press-release voice). Email-shaped families are written "subject\\n\\nbody".

Families are split once, by a fixed list, into those the extractor's authors may read (SEEN) and
a held-out set (HELD_OUT) that only ``bench/quality_generated.py`` scores: a phrasing the rules
were never tuned on is the nearest the generator comes to real text.
"""

from __future__ import annotations

SEEN = ("slack", "email", "digest", "terse")
HELD_OUT = ("emoji", "lower", "prose", "release")
CHAT_FAMILIES = ("slack", "terse", "emoji", "lower")
EMAIL_FAMILIES = ("email", "prose", "release")

OPENER = "{company} today announced"  # press-release voice; "{_R}" in a template stands for it

FAMILIES: dict[str, dict[str, tuple[str, ...]]] = {
    "_Funding": {
        "terse": ("{round} done. {amount}. {lead} led.", "closed: {amount} {round} ({lead})"),
        "emoji": ("💰💰 {amount} {round} wrapped, {lead} leading 🙌",
                  "🚀 {round} ✅ {amount} ✅ {lead} ✅"),
        "lower": ("ok its real, {lead} wired and we have the {amount} for the {round} in the "
                  "account", "cant believe it but the {round} is closed, {amount} with {lead}"),
        "prose": ("An update on financing\n\nFriends, after a long process I can tell you that "
                  "{company} has completed its {round}. We raised {amount}, with {lead} leading "
                  "and {co} joining. The money is in the bank as of this morning.\n\n{signoff}",),
        "release": ("{company} secures {amount} {round}\n\nSAN FRANCISCO — {_R} it has raised "
                    "{amount} in {round} financing led by {lead}, with participation from "
                    "{co}.\n\n###",),
    },
    "_Revenue": {
        "terse": ("ARR {arr}. new high.", "mrr {mrr} as of close."),
        "emoji": ("📈 {arr} ARR 📈 let's gooo", "💵 MRR → {mrr} 🎯"),
        "lower": ("just looked at the numbers and we're past {arr} arr which is kind of wild",
                  "finance says mrr closed at {mrr} this month, best month we've had"),
        "prose": ("Where revenue stands\n\nHi all, a short note from finance: annual recurring "
                  "revenue passed {arr} this month, the highest it has ever been. Details in "
                  "the board pack.\n\n{signoff}",),
        "release": ("{company} surpasses {arr} in annual recurring revenue\n\n{_R} that its "
                    "annual recurring revenue has surpassed {arr}.\n\n###",),
    },
    "_Users": {
        "terse": ("{users} users. milestone.", "MAU {users}, new record"),
        "emoji": ("🎉 {users} users 🎉", "👥 {users} and counting 📈"),
        "lower": ("we went past {users} users sometime last night, dashboard just updated",
                  "so apparently we have {users} users now?? thats a lot of people"),
        "prose": ("A growth milestone\n\nTeam, I wanted to share that our user base passed "
                  "{users} this week. Thank you to everyone who made this happen.\n\n{signoff}",),
        "release": ("{company} passes {users} users\n\n{_R} that more than {users} people now "
                    "use its platform.\n\n###",),
    },
    "_Partnership": {
        "terse": ("{partner} partnership: signed.", "we're a {partner} partner now. official."),
        "emoji": ("🤝 {partner} x {company} 🤝 it's official", "🤝✅ {partner} deal inked"),
        "lower": ("the {partner} folks countersigned the partner agreement this afternoon so "
                  "we're officially partners",),
        "prose": ("{partner}\n\nHi everyone, good news from bizdev: {company} and {partner} "
                  "have signed a partnership agreement, and the joint announcement is live "
                  "today.\n\n{signoff}",),
        "release": ("{company} and {partner} announce strategic partnership\n\n{_R} a "
                    "strategic partnership with {partner}, effective immediately.\n\n###",),
    },
    "_Launch": {
        "terse": ("{product} is live.", "{product}: shipped to everyone."),
        "emoji": ("🚢 {product} is out!! 🎉", "📣 {product} now GA 🚀"),
        "lower": ("{product} went out to all customers about an hour ago, so far so good",),
        "prose": ("{product} is here\n\nHi all, {product} is now available to every customer. "
                  "Thanks to the whole product team for getting it over the line.\n\n{signoff}",),
        "release": ("{company} launches {product}\n\n{_R} the general availability of "
                    "{product}.\n\n###",),
    },
    "_Hiring": {
        "terse": ("{name} → {role}. starts monday.", "new {role}: {name} (ex-{prev})."),
        "emoji": ("👋 welcome {name}, our new {role}! 🎉", "🙌 {name} said yes! {role} 🙌"),
        "lower": ("{hire_first} signed the offer!! {name} is joining as {role}, coming over "
                  "from {prev}",),
        "prose": ("Welcoming {name}\n\nTeam, I'm delighted to tell you that {name} has accepted "
                  "our offer and joins us as {role}. {hire_first} was most recently at {prev}."
                  "\n\n{signoff}",),
        "release": ("{company} appoints {name} as {role}\n\n{_R} the appointment of {name} as "
                    "{role}. {hire_first} joins from {prev}.\n\n###",),
    },
    "_Deal": {
        "terse": ("{customer} signed. {acv}/yr.", "closed-won: {customer}, {acv} ACV"),
        "emoji": ("🔔🔔 {customer} signed 🔔🔔 {acv} a year", "✍️ {customer} ✅ {acv}"),
        "lower": ("{customer} sent back the signed order form, {years} years at {acv} a year, "
                  "it's ours",),
        "prose": ("{customer}\n\nHi all, {customer} signed this morning: a {years}-year "
                  "agreement worth {acv} a year. Thanks to everyone on the deal team."
                  "\n\n{signoff}",),
        "release": ("{customer} selects {company}\n\n{_R} that {customer} has signed a "
                    "{years}-year agreement to roll out its platform.\n\n###",),
    },
    "_Latency": {
        "terse": ("p99 {before}ms → {after}ms. shipped.", "p99 now {after}ms (was {before})"),
        "emoji": ("⚡ p99 {before}ms ➡️ {after}ms ⚡", "🔥 {after}ms p99 in prod 🔥"),
        "lower": ("the cache rewrite is in prod and p99 went from {before}ms to {after}ms",),
        "prose": ("Latency\n\nHi all, since the rewrite went to production our p99 latency is "
                  "{after}ms, down from {before}ms.\n\n{signoff}",),
        "release": ("{company} cuts response times\n\n{_R} that p99 latency on its platform "
                    "fell from {before}ms to {after}ms.\n\n###",),
    },
    "_Throughput": {
        "terse": ("{n} events/day. record.", "new peak: {n} events in 24h"),
        "emoji": ("📊 {n} events yesterday 🤯 all-time high", "🏎️ {n} events in a day"),
        "lower": ("prod handled {n} events yesterday without breaking a sweat, new record",),
        "prose": ("Throughput record\n\nTeam, yesterday production processed {n} events, the "
                  "most we have ever handled in a day, with no incidents.\n\n{signoff}",),
        "release": ("{company} platform sets throughput record\n\n{_R} that its platform "
                    "processed {n} events in a single day.\n\n###",),
    },
    "_Patent": {
        "terse": ("patent {patent}: granted.", "USPTO: {patent} granted."),
        "emoji": ("📜 patent {patent} granted 🎉",),
        "lower": ("the uspto finally granted {patent}, our dedup patent",),
        "prose": ("Patent\n\nHi all, the patent office has granted our patent {patent}.\n\n"
                  "{signoff}",),
        "release": ("{company} awarded U.S. patent\n\n{_R} that it has been granted U.S. "
                    "patent {patent}.\n\n###",),
    },
    "_Expansion": {
        "terse": ("live in {country_bare}.", "{city} office: open."),
        "emoji": ("🌍 we're live in {country_bare}! 🎉", "📍 {city} office open 🥂"),
        "lower": ("first customers in {country_bare} are live as of today so we're officially "
                  "in {country_bare}",),
        "prose": ("{country_bare}\n\nHi everyone, {company} is now live in {country_bare}, and "
                  "our {city} office opened its doors this week.\n\n{signoff}",),
        "release": ("{company} expands to {country_bare}\n\n{_R} its expansion to "
                    "{country_bare} with a new office in {city}.\n\n###",),
    },
    "_Compliance": {
        "terse": ("{cert}: passed.", "{cert} report is in. clean."),
        "emoji": ("🔒 {cert} ✅", "🛡️ {cert} done, {auditor} signed off 🎉"),
        "lower": ("{auditor} gave us a clean {cert} opinion, report landed this morning",),
        "prose": ("{cert}\n\nHi all, {auditor} has issued our {cert} report with no "
                  "exceptions. Sales can share it under NDA from today.\n\n{signoff}",),
        "release": ("{company} achieves {cert}\n\n{_R} that it has achieved {cert} following "
                    "an independent audit by {auditor}.\n\n###",),
    },
    "_Press": {
        "terse": ("{pub} piece is up.", "in {pub} today."),
        "emoji": ("📰 {pub} wrote about us!! 🎉", "🗞️ we're in {pub} 👀"),
        "lower": ("{pub_bare} ran our story this morning, \"{headline}\"",),
        "prose": ("Coverage\n\nTeam, {pub} published a story on us today under the headline "
                  "\"{headline}\". Please share it.\n\n{signoff}",),
        "release": ("{company} featured in {pub}\n\n{_R} that it was featured in {pub}.\n\n"
                    "###",),
    },
    "_Investor": {
        "terse": ("inbound: {vc}. wants a meeting.", "{vc} asked for the data room."),
        "emoji": ("👀 {vc} reached out about the {round} 👀", "📩 {vc} wants in"),
        "lower": ("{partner_name} at {vc} emailed out of the blue asking to talk about our "
                  "{round}",),
        "prose": ("{vc}\n\nHi all, {partner_name} of {vc} contacted me directly this week "
                  "asking for a meeting about our {round}.\n\n{signoff}",),
        "release": ("Investor interest: {vc}\n\nFor the board: {vc} approached {company} "
                    "unprompted this week about leading the {round}.\n\n{signoff}",),
    },
    "_Renewal": {
        "terse": ("{customer} renewed. +{pct}.", "{customer}: renewed, {years} yrs."),
        "emoji": ("🔁 {customer} renewed and grew {pct} 🎉", "💚 {customer} renewal signed"),
        "lower": ("{customer} renewed for another {years} years and added seats, up {pct}",),
        "prose": ("{customer} renewal\n\nHi all, {customer} has renewed for {years} more years "
                  "and expanded by {pct}.\n\n{signoff}",),
        "release": ("{customer} renews with {company}\n\n{_R} that {customer} has renewed and "
                    "expanded its contract by {pct}.\n\n###",),
    },
    "_Nps": {
        "terse": ("NPS {nps}. best ever.", "nps: {nps} (prev {prev})"),
        "emoji": ("💯 NPS {nps} 🎉",),
        "lower": ("nps came back at {nps} this quarter, up from {prev}",),
        "prose": ("NPS\n\nHi all, this quarter's NPS is {nps}, up from {prev} and our highest "
                  "yet.\n\n{signoff}",),
        "release": ("{company} customers rate it highly\n\n{_R} a net promoter score of {nps}."
                    "\n\n###",),
    },
}


# Second voices for families that have one template above, so a family is a way of writing and
# not a single sentence.
_MORE: dict[str, dict[str, str]] = {
    "_Partnership": {
        "lower": "fyi we're in the {partner} partner directory as of this morning, took forever",
        "release": "{partner} welcomes {company} to its partner network\n\n{_R} it has joined "
                   "the {partner} partner program.\n\n###"},
    "_Launch": {
        "lower": "ok {product} is live for everyone, go click around",
        "release": "Introducing {product}\n\n{_R} {product}, available today to all "
                   "customers.\n\n###"},
    "_Hiring": {
        "release": "{name} joins {company}\n\n{_R} that {name}, formerly of {prev}, has "
                   "joined as {role}.\n\n###"},
    "_Deal": {
        "release": "{company} signs {years}-year agreement with {customer}\n\n{_R} a "
                   "{years}-year enterprise agreement with {customer}.\n\n###"},
    "_Latency": {"lower": "p99 is at {after}ms now. it was {before}ms last month"},
    "_Throughput": {
        "release": "Record day on the {company} platform\n\nFor the board: production handled "
                   "{n} events in one day, a new high.\n\n{signoff}"},
    "_Patent": {"lower": "we got the patent!! {patent}, the letter came this morning"},
    "_Expansion": {
        "release": "{company} opens {city} office\n\n{_R} the opening of its {city} office, "
                   "its base for {country_bare}.\n\n###"},
    "_Compliance": {
        "release": "{company} completes {cert} audit\n\n{_R} the completion of its {cert} "
                   "audit by {auditor}.\n\n###"},
    "_Press": {
        "prose": "We're in {pub}\n\nHi all, in case you missed it, {pub} ran a piece about us "
                 "this morning: \"{headline}\".\n\n{signoff}"},
    "_Renewal": {
        "release": "{customer} expands its use of {company}\n\n{_R} that {customer} has "
                   "renewed for {years} years and grown its deployment by {pct}.\n\n###"},
    "_Nps": {"lower": "survey results are in, nps {nps} (was {prev})"},
}
for _kind, _families in _MORE.items():
    for _family, _template in _families.items():
        FAMILIES[_kind][_family] += (_template,)
