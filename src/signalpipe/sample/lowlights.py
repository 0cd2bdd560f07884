"""Lowlights: the real bad news an honest investor update also reports.

Each keeps the type of the positive event it mirrors (LABELLING.md: an outage is
``technical_achievement``, a lost deal ``enterprise_deal``) and is written to the truth with
``lowlight: true``. Families are the same as the positive kinds' (see ``phrasings``).
"""

from __future__ import annotations

from random import Random

from signalpipe.sample.kinds import Kind
from signalpipe.sample.truth import MetricValue
from signalpipe.sample.vocab import AUDITORS, CERTIFICATIONS, PREVIOUS_EMPLOYERS, ROLES, VCS
from signalpipe.sample.world import Raw, World, money, percent, pick


class _Lowlight(Kind):
    lowlight = True
    weight = 0.2


class _LostDeal(_Lowlight):
    event_type = "enterprise_deal"
    channels = ("sales", "general", "leadership")
    chat = (
        "We lost {customer}. They went with {competitor}, {acv} a year gone.",
        "Bad news: {customer} chose {competitor}. Closed-lost at {acv} ACV.",
        "{customer} signed with {competitor} instead of us. Painful one.",
    )
    email = (("Closed-lost: {customer}", "Team,\n\n{customer} informed us today that they "
              "selected {competitor}. We lost the {acv} deal on price.\n\n{signoff}"),)
    bullets = ("Lost {customer} ({acv}) to {competitor}", "{customer}: closed-lost")
    families = {
        "terse": ("{customer}: lost. went {competitor}.",),
        "emoji": ("😞 lost {customer} to {competitor}",),
        "lower": ("{customer} called, they're going with {competitor}. we lost it",),
        "prose": ("{customer}\n\nHi all, I'm sorry to report that we lost {customer}; they "
                  "signed with {competitor} this week, a {acv} deal gone.\n\n{signoff}",),
        "release": ("Sales update: {customer}\n\nFor the board: {customer} chose {competitor} "
                    "and the {acv} opportunity is closed-lost.\n\n{signoff}",),
    }
    distractors = ("If we don't fix SSO we might lose {customer}.",
                   "{competitor} lost {customer} to us last year, they're still bitter.")

    def sample(self, w: World) -> Raw:
        return {"customer": w.customer(wide=True), "acv_usd": w.rng.randrange(80_000, 900_001,
                                                                              10_000)}

    def metrics(self, raw: Raw) -> dict[str, MetricValue]:
        return {"customer": raw["customer"].lower()}

    def title(self, raw: Raw) -> str:
        return f"Lost {raw['customer']}"

    def slots(self, rng: Random, raw: Raw) -> dict[str, str]:
        return {"customer": raw["customer"], "acv": money(rng, raw["acv_usd"])}


class _Churn(_Lowlight):
    event_type = "customer_success"
    alt_types = ("enterprise_deal",)
    channels = ("customer-success", "general")
    chat = (
        "{customer} churned. They gave notice today, {acv} ARR.",
        "{customer} is not renewing. {acv} walks out the door in {month}.",
        "Churn: {customer} cancelled, citing budget cuts.",
    )
    email = (("{customer} churn", "Hi all,\n\n{customer} sent their non-renewal notice this "
              "morning. That is {acv} of ARR we lose at the end of the term.\n\n{signoff}"),)
    bullets = ("{customer} churned ({acv} ARR)", "Churn: {customer} did not renew")
    families = {
        "terse": ("{customer} cancelled. -{acv} ARR.",),
        "emoji": ("📉 {customer} churned 😢",),
        "lower": ("{customer} isn't renewing, they told us this morning, {acv} gone",),
        "prose": ("Churn\n\nTeam, {customer} has decided not to renew. We lose {acv} in ARR "
                  "when the contract ends in {month}.\n\n{signoff}",),
        "release": ("Churn notice: {customer}\n\nFor the record: {customer} cancelled its "
                    "subscription this week ({acv} ARR).\n\n{signoff}",),
    }
    distractors = ("{customer} is at risk, if the renewal call goes badly they could churn.",
                   "{competitor}'s biggest customer churned to us 😅")

    def sample(self, w: World) -> Raw:
        return {"customer": w.customer(wide=True), "acv_usd": w.rng.randrange(30_000, 400_001,
                                                                              5_000)}

    def metrics(self, raw: Raw) -> dict[str, MetricValue]:
        return {"customer": raw["customer"].lower(), "churn": 1}

    def title(self, raw: Raw) -> str:
        return f"{raw['customer']} churned"

    def slots(self, rng: Random, raw: Raw) -> dict[str, str]:
        return {"customer": raw["customer"], "acv": money(rng, raw["acv_usd"])}


class _Outage(_Lowlight):
    event_type = "technical_achievement"
    channels = ("incidents", "engineering", "general")
    chat = (
        "Postmortem: yesterday's outage took the API down for {hours} hours; {n} customers "
        "were affected.",
        "We were down for {hours} hours this morning. {n} customers hit errors, credits going out.",
        "SEV1 resolved after {hours}h. Customer-facing, {n} accounts impacted.",
    )
    email = (("Incident report: {hours}-hour outage", "Hi all,\n\nOn {weekday} the platform "
              "was unavailable for {hours} hours. {n} customers were affected and we are "
              "issuing SLA credits.\n\n{signoff}"),)
    bullets = ("{hours}-hour outage, {n} customers affected", "SEV1: {hours}h downtime")
    families = {
        "terse": ("outage: {hours}h. {n} customers hit.",),
        "emoji": ("🔥🔥 prod was down {hours}h, {n} customers affected 😬",),
        "lower": ("we were fully down for like {hours} hours, {n} customers couldn't log in",),
        "prose": ("Outage\n\nTeam, {weekday}'s outage lasted {hours} hours and affected {n} "
                  "customers. The postmortem is in the incidents folder.\n\n{signoff}",),
        "release": ("Service disruption report\n\n{company} experienced a service disruption "
                    "of {hours} hours affecting {n} customers.\n\n###",),
    }
    distractors = ("Staging was down for {hours} hours, no customer impact.",
                   "{competitor} had a {hours}-hour outage today, our inbound is up.",
                   "Game day on {weekday}: we'll simulate a {hours}-hour outage.")

    def sample(self, w: World) -> Raw:
        return {"hours": w.rng.randint(2, 14), "n": w.rng.randrange(20, 900, 10),
                "day": w.rng.randrange(1_000_000)}

    def metrics(self, raw: Raw) -> dict[str, MetricValue]:
        return {"outage_hours": raw["hours"], "customers": raw["n"]}

    def title(self, raw: Raw) -> str:
        return f"{raw['hours']}-hour outage affected {raw['n']} customers"

    def slots(self, rng: Random, raw: Raw) -> dict[str, str]:
        return {"hours": str(raw["hours"]), "n": str(raw["n"])}


class _Departure(_Lowlight):
    event_type = "hiring"
    channels = ("general", "leadership", "announcements")
    chat = (
        "{name}, our {role}, is leaving at the end of the month.",
        "Sad news: {name} resigned as {role}. Last day is {weekday}.",
        "{name} has stepped down as {role} and is joining {prev}.",
    )
    email = (("{name}", "All,\n\n{name} has decided to leave {company}; {name_first} steps "
              "down as {role} on {weekday}.\n\n{signoff}"),)
    bullets = ("{name} ({role}) resigned", "Departure: {name}, {role}")
    families = {
        "terse": ("{name} out as {role}. effective friday.",),
        "emoji": ("💔 {name} is leaving us ({role})",),
        "lower": ("{name_first} handed in their notice today, we need a new {role}",),
        "prose": ("A departure\n\nTeam, {name} has resigned as our {role} and will leave at "
                  "the end of the month.\n\n{signoff}",),
        "release": ("{company} announces leadership change\n\n{_R} that {name} has stepped "
                    "down as {role}.\n\n###",),
    }
    distractors = ("If {name} leaves we'd need a new {role} fast.",
                   "{competitor}'s {role} {name} resigned, should we reach out?")

    def sample(self, w: World) -> Raw:
        return {"name": w.stranger(wide=True), "role": pick(w.rng, ROLES),
                "prev": pick(w.rng, PREVIOUS_EMPLOYERS)}

    def metrics(self, raw: Raw) -> dict[str, MetricValue]:
        return {"departure": raw["name"].lower()}

    def title(self, raw: Raw) -> str:
        return f"{raw['name']} left as {raw['role']}"

    def slots(self, rng: Random, raw: Raw) -> dict[str, str]:
        return {"name": raw["name"], "role": raw["role"], "prev": raw["prev"],
                "name_first": raw["name"].split(" ")[0]}


class _Layoff(_Lowlight):
    event_type = "hiring"
    alt_types = ("other",)
    channels = ("general", "leadership")
    chat = (
        "Today we let {n} people go. It's the hardest call we've made.",
        "We cut {pct} of the team this morning, {n} roles.",
        "Hiring freeze effective today, and {n} roles were eliminated.",
    )
    email = (("A hard day", "Everyone,\n\nThis morning we said goodbye to {n} colleagues, "
              "about {pct} of the company.\n\n{signoff}"),)
    bullets = ("Layoff: {n} roles cut ({pct})", "Reduced headcount by {n}")
    families = {
        "terse": ("rif today: {n} people.",),
        "emoji": ("😔 {n} people laid off today",),
        "lower": ("we had to lay off {n} people today, about {pct} of us",),
        "prose": ("Restructuring\n\nTeam, today we reduced the team by {n} people, {pct} of the "
                  "company, and froze hiring.\n\n{signoff}",),
        "release": ("{company} restructures\n\n{_R} a reduction of {n} positions, about {pct} "
                    "of its workforce.\n\n###",),
    }
    distractors = ("{competitor} laid off {pct} of their staff today.",
                   "Rumour in the kitchen that we'll cut {n} roles. Not true.")

    def sample(self, w: World) -> Raw:
        return {"n": w.rng.randint(4, 60), "pct": w.rng.randint(8, 35)}

    def metrics(self, raw: Raw) -> dict[str, MetricValue]:
        return {"laid_off": raw["n"]}

    def title(self, raw: Raw) -> str:
        return f"Laid off {raw['n']} people"

    def slots(self, rng: Random, raw: Raw) -> dict[str, str]:
        return {"n": str(raw["n"]), "pct": percent(rng, raw["pct"])}


class _FailedAudit(_Lowlight):
    event_type = "compliance"
    channels = ("security", "general", "leadership")
    chat = (
        "We failed the {cert} audit. {auditor} found {n} exceptions.",
        "{cert} is delayed: {auditor} won't sign until the access review is redone.",
        "{auditor} issued a qualified {cert} opinion, {n} exceptions.",
    )
    email = (("{cert} audit result", "Hi all,\n\nThe {cert} audit did not pass. {auditor} "
              "reported {n} exceptions and we must remediate before reapplying.\n\n{signoff}"),)
    bullets = ("Failed {cert} audit ({n} exceptions)", "{cert} delayed by {auditor}")
    families = {
        "terse": ("{cert}: failed. {n} exceptions.",),
        "emoji": ("❌ {cert} audit failed, {n} findings",),
        "lower": ("{auditor} came back and we did not pass {cert}, {n} exceptions",),
        "prose": ("{cert}\n\nTeam, we did not pass our {cert} audit. {auditor} found {n} "
                  "exceptions.\n\n{signoff}",),
        "release": ("Compliance update: {cert}\n\nFor the board: the {cert} audit failed with "
                    "{n} exceptions from {auditor}.\n\n{signoff}",),
    }
    distractors = ("If we don't fix logging we could fail {cert}.",
                   "{competitor} failed their {cert} audit, their sales team is scrambling.")

    def sample(self, w: World) -> Raw:
        key, names = CERTIFICATIONS[int(w.rng.random() * len(CERTIFICATIONS))]
        return {"key": key, "cert": names[0], "names": names, "auditor": pick(w.rng, AUDITORS),
                "n": w.rng.randint(2, 12), "k": w.rng.randrange(1_000_000)}

    def metrics(self, raw: Raw) -> dict[str, MetricValue]:
        return {"certification": raw["key"], "failed": raw["k"]}

    def title(self, raw: Raw) -> str:
        return f"Failed the {raw['cert']} audit"

    def slots(self, rng: Random, raw: Raw) -> dict[str, str]:
        return {"cert": pick(rng, raw["names"]), "auditor": raw["auditor"], "n": str(raw["n"])}


class _MissedTarget(_Lowlight):
    event_type = "revenue_milestone"
    channels = ("finance", "leadership", "general")
    chat = (
        "We missed the {quarter_name} target: {actual} against a {target} plan.",
        "Quarter closed at {actual}, short of our {target} goal.",
        "Missed plan this quarter. {actual} in new ARR vs {target} target.",
    )
    email = (("{quarter_name} results", "Hi all,\n\nWe closed {quarter_name} at {actual} in "
              "new ARR, below the {target} target.\n\n{signoff}"),)
    bullets = ("Missed {quarter_name} target ({actual} vs {target})", "Revenue below plan")
    families = {
        "terse": ("{quarter_name}: {actual} vs {target} plan. missed.",),
        "emoji": ("📉 missed {quarter_name}: {actual} / {target}",),
        "lower": ("we came in at {actual} for {quarter_name}, target was {target}, so we missed",),
        "prose": ("{quarter_name}\n\nTeam, we finished {quarter_name} at {actual} in new ARR, "
                  "missing our {target} target.\n\n{signoff}",),
        "release": ("{quarter_name} below plan\n\nFor the board: new ARR in {quarter_name} was "
                    "{actual} against a plan of {target}.\n\n{signoff}",),
    }
    distractors = ("We might miss the {quarter_name} target if {competitor} keeps discounting.",)

    def sample(self, w: World) -> Raw:
        target = w.rng.randrange(400_000, 3_000_001, 100_000)
        return {"target": target, "actual": target - w.rng.randrange(50_000, 300_001, 10_000),
                "q": f"Q{w.rng.randint(1, 4)} {w.rng.randint(2023, 2026)}"}

    def metrics(self, raw: Raw) -> dict[str, MetricValue]:
        return {"missed_target_usd": raw["target"], "period": raw["q"]}

    def title(self, raw: Raw) -> str:
        return f"Missed the {raw['q']} target"

    def slots(self, rng: Random, raw: Raw) -> dict[str, str]:
        return {"target": money(rng, raw["target"]), "actual": money(rng, raw["actual"]),
                "quarter_name": raw["q"]}


class _DownRound(_Lowlight):
    event_type = "funding"
    channels = ("leadership", "general")
    chat = (
        "We closed a {amount} bridge from {lead} at a lower valuation than the last round.",
        "Down round is signed: {amount} at {valuation}, below our last price.",
        "{lead} led a {amount} down round. It keeps us alive.",
    )
    email = (("Financing update", "All,\n\nWe have closed {amount} of bridge financing from "
              "{lead}, on worse terms than our last round.\n\n{signoff}"),)
    bullets = ("{amount} down round led by {lead}", "Bridge: {amount} at a lower valuation")
    families = {
        "terse": ("bridge closed: {amount}, flat-to-down.",),
        "emoji": ("😬 {amount} down round signed with {lead}",),
        "lower": ("we took the {amount} bridge from {lead}, valuation is lower than last time",),
        "prose": ("Financing\n\nTeam, we closed a {amount} round led by {lead} at a "
                  "valuation below our previous round.\n\n{signoff}",),
        "release": ("Financing update\n\nFor the board: {company} closed {amount} from {lead} "
                    "at {valuation}, a down round.\n\n{signoff}",),
    }
    distractors = ("Worst case we take a {amount} bridge at a lower valuation.",
                   "{competitor} raised a down round, {amount} at half their old price.")

    def sample(self, w: World) -> Raw:
        return {"amount_usd": w.rng.randrange(500_000, 8_000_001, 250_000),
                "lead": pick(w.rng, VCS)}

    def metrics(self, raw: Raw) -> dict[str, MetricValue]:
        return {"amount_usd": raw["amount_usd"], "down_round": 1}

    def title(self, raw: Raw) -> str:
        return f"Down round: {raw['amount_usd']:,} led by {raw['lead']}"

    def slots(self, rng: Random, raw: Raw) -> dict[str, str]:
        return {"amount": money(rng, raw["amount_usd"]), "lead": raw["lead"],
                "valuation": money(rng, raw["amount_usd"] * rng.randint(3, 6))}


LOWLIGHT_KINDS: tuple[Kind, ...] = (
    _LostDeal(), _Churn(), _Outage(), _Departure(), _Layoff(), _FailedAudit(), _MissedTarget(),
    _DownRound(),
)
