"""The investor email's content, built once from stored events, the KPI ledger and settings; the
Markdown, HTML and .eml renderers and the LLM composer all start from it.

Everything here is taken, never invented: figures come from events and the ledger, cash, runway,
asks, the round and call times only from settings or flags. Each line that states a figure
carries citations (footnotes) to the messages that state it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from email.utils import parseaddr

from signalpipe.compose.rounds import recency
from signalpipe.folds import (
    fold_name_prefixes,
    fold_platform_launches,
    fold_unnamed_deals,
    fold_unnamed_launches,
)
from signalpipe.formatting import money, rank
from signalpipe.inert import one_line
from signalpipe.kpis import (
    CANONICAL,
    QUALIFIED_REVENUE,
    KpiLine,
    KpiObservation,
    event_date,
    latest_of_each,
    ledger,
    show,
    show_change,
)
from signalpipe.models import (
    EventType,
    Message,
    Polarity,
    SignificantEvent,
    Source,
    source_id_of,
)
from signalpipe.periods import Period
from signalpipe.quotes import readable
from signalpipe.settings import UpdateSettings


@dataclass
class Citation:
    number: int
    message_id: str
    day: str
    where: str
    """"Slack #sales, Grace Singh" or "email from Ada <a@x>, "Subject""."""
    link: str | None = None
    mail_id: str | None = None

    @property
    def text(self) -> str:
        parts = [self.day, self.where]
        if self.link:
            parts.append(self.link)
        if self.mail_id:
            # Bare, as mail clients show it: the angle brackets would be escaped in Markdown
            # and read as "&lt;...&gt;" by anyone opening the file unrendered.
            parts.append(f"Message-ID {self.mail_id.strip().strip('<>')}")
        return ", ".join(p for p in parts if p)


@dataclass
class Item:
    text: str
    cites: list[int] = field(default_factory=list)
    day: date | None = None
    event: SignificantEvent | None = None
    """The event the line tells, if one: the HTML's timeline shows only these (it had shown
    every event of the period, the names of investors the text kept private among them)."""


@dataclass
class Section:
    title: str
    items: list[Item]
    intro: str = ""


@dataclass
class UpdateContext:
    """What the composer needs besides the events."""

    period: Period = field(default_factory=Period)
    kpi_rows: Sequence[KpiObservation] = ()
    messages: Mapping[str, Message] = field(default_factory=dict)
    """Messages known up front (to date events whose timeline is no date)."""
    fetch: Callable[[Sequence[str]], list[Message]] | None = None
    """Reads the cited messages the update needs, once, after it is built: the cost follows
    the footnotes (tens), not the events (thousands)."""
    settings: UpdateSettings = field(default_factory=UpdateSettings)
    kind: str = "update"
    to: str | None = None
    asks: Sequence[str] = ()
    call_times: Sequence[str] = ()


@dataclass
class UpdateDoc:
    kind: str
    company: str
    period: Period
    subject: str
    greeting: str
    opening: str
    kpis: list[tuple[KpiLine, list[int]]]
    """Each KPI row with the citation of its latest value."""
    sections: list[Section]
    closing: list[str]
    signature: list[str]
    citations: list[Citation]
    notes: list[str] = field(default_factory=list)
    events: list[SignificantEvent] = field(default_factory=list)
    previous_cites: dict[str, list[int]] = field(default_factory=dict)
    """KPI -> the citation of its previous value (the table's second figure)."""


_MONEY = re.compile(r"\$\s?(\d+(?:[.,]\d+)?)\s?(k|K|m|M|mm|MM|b|B|bn|million|billion|thousand)\b")
_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9,
          "billion": 1e9}


_USD = re.compile(r"\bUSD\s?(?=\d)")
# "$3,000,000" beside "$2.86M" in one line: a sum written out in full, from $100,000 up
_WRITTEN_OUT = re.compile(r"\$(\d{1,3}(?:,\d{3})+)(?!\d|,\d|\.\d)")


def one_money(text: str) -> str:
    """Money written one way everywhere: "$1460k", "$1.46 million", "USD 1.46M" and
    "$1,460,000" all read "$1.46M"."""
    def sub(m: re.Match[str]) -> str:
        value = float(m.group(1).replace(",", "")) * _SCALE[m.group(2).lower()]
        return money(value)

    def written(m: re.Match[str]) -> str:
        value = float(m.group(1).replace(",", ""))
        return money(value) if value >= 100_000 else m.group()
    return _WRITTEN_OUT.sub(written, _MONEY.sub(sub, _USD.sub("$", text)))


def company_name(company_id: str, settings: UpdateSettings, texts: Iterable[str] = ()) -> str:
    """The name as the company writes it: the setting, else the spelling of the id most often
    found in `texts` (evidence and titles: "ScaleFlow", never "Scaleflow"), else the id
    title-cased. An all-lowercase spelling (a domain, a handle) never wins."""
    if settings.company_name:
        return settings.company_name
    words = company_id.replace("-", " ").replace("_", " ").split()
    fallback = " ".join(words).title()
    if not words:
        return company_id
    pattern = re.compile(r"(?<![\w.@/])" + r"[\s_-]?".join(map(re.escape, words)) + r"(?![\w@])",
                         re.IGNORECASE)
    seen = Counter(m.group(0) for text in texts for m in pattern.finditer(text))
    written = [form for form in seen if form != form.lower()]
    # Mixed case beats capitals ("TinyPilot" over a shouted "TINYPILOT"), then the most often
    # written, then the first met.
    return max(written, key=lambda f: (not f.isupper(), seen[f])) if written else fallback


class _Cites:
    """Numbers footnotes in order of first use; one message cited twice is one footnote."""

    def __init__(self, messages: Mapping[str, Message], settings: UpdateSettings) -> None:
        self.messages = messages
        self.settings = settings
        self.by_id: dict[str, Citation] = {}

    def of(self, ids: Sequence[str], limit: int = 2) -> list[int]:
        out = []
        for mid in list(ids)[:limit]:
            cite = self.by_id.get(mid)
            if cite is None:
                cite = self.by_id[mid] = Citation(len(self.by_id) + 1, mid, "", "")
            out.append(cite.number)
        return out

    def resolve(self, used: Sequence[Citation],
                fetch: Callable[[Sequence[str]], list[Message]] | None) -> list[Citation]:
        """Fill in date and place of the citations the update kept, reading missing messages
        in one call."""
        missing = [c.message_id for c in used if c.message_id not in self.messages]
        found = dict(self.messages)
        if missing and fetch is not None:
            found.update((m.id, m) for m in fetch(missing))
        self.messages = found
        return [self._make(c.message_id, c.number) for c in used]

    def _make(self, mid: str, number: int) -> Citation:
        msg = self.messages.get(mid)
        if msg is None:
            return Citation(number, mid, "", f"message {source_id_of(mid)}")
        day = msg.timestamp.date().isoformat()
        if msg.source is Source.GMAIL:
            subject = f', "{one_line(msg.subject)}"' if msg.subject else ""
            return Citation(number, mid, day, f"email from {one_line(msg.sender)}{subject}",
                            mail_id=f"<{msg.source_id}>")
        channel = msg.channel or str(msg.payload.get("channel") or "")
        where = f"Slack #{one_line(channel)}, {one_line(msg.sender)}" if channel else \
            f"Slack, {one_line(msg.sender)}"
        return Citation(number, mid, day, where, link=self._permalink(msg))

    def _permalink(self, msg: Message) -> str | None:
        base = self.settings.slack_workspace_url
        channel_id = msg.payload.get("channel")
        ts = msg.payload.get("ts")
        if not base or not isinstance(channel_id, str) or not isinstance(ts, str):
            return None
        return f"{base.rstrip('/')}/archives/{channel_id}/p{ts.replace('.', '')}"


_FUND = re.compile(r"\b(?:Capital|Ventures?|Global|Partners|Fund|VC|Investments?)\b")
_NUMBER_WORD = re.compile(r"^(?:one|two|three|four|five|six|seven|eight|nine|ten)$", re.I)
_CUSTOMER_VERB = re.compile(r"^(?P<who>.+?):\s*(?P<what>renewed|expanded|upgraded|case|"
                            r"case study|went live|live)$", re.IGNORECASE)
_PRODUCT = {EventType.PRODUCT_LAUNCH, EventType.TECHNICAL_ACHIEVEMENT}
_HIRE = re.compile(r"^(?:Hired|Hires?)\s+(?P<who>.+?)\s+as\s+(?:an?\s+|our\s+)?(?P<role>.+)$",
                   re.IGNORECASE)


def _kpi_event(event: SignificantEvent, moved: Iterable[str] = ()) -> bool:
    """An event that only states KPI figures, or states one whose path the highlights already
    give (`moved`): the KPI table and its progression say it. "Our community numbers 25,074,
    over 25,000 users" beside "Users 1,850 → 25,000" would state one figure twice."""
    figures = [k for k, v in event.metrics.items() if not isinstance(v, str)]
    kpis = {CANONICAL[k][0] for k in figures if k in CANONICAL}
    return bool(figures) and (all(k in CANONICAL for k in figures) or bool(kpis & set(moved)))


def build(events: Sequence[SignificantEvent], *, company_id: str,
          context: UpdateContext | None = None) -> UpdateDoc:
    ctx = context or UpdateContext()
    s = ctx.settings
    company = company_name(company_id, s, (t for e in events for t in (e.title, e.evidence)))
    cites = _Cites(ctx.messages, s)
    days = {mid: m.timestamp.date() for mid, m in ctx.messages.items()}
    dated = [(e, event_date(e, days)) for e in events]
    chosen = [(e, d) for e, d in dated if ctx.period.holds(d)]
    kpi_lines = [_from_start(line, ctx.period) for line in latest_of_each(
        ledger(ctx.kpi_rows, since=ctx.period.since, until=ctx.period.until))]
    kpis = [(line, cites.of(line.now.source_message_ids, 1)) for line in kpi_lines]
    previous = {line.metric: cites.of(line.previous.source_message_ids, 1)
                for line in kpi_lines if line.previous is not None}
    ordered = _significance_then_date(chosen)
    positive = folded([(e, d) for e, d in ordered if e.polarity is Polarity.POSITIVE])
    lowlights = [(e, d) for e, d in ordered if e.polarity is Polarity.NEGATIVE]

    highlights, kpi_lowlights = _kpi_paths(kpi_lines, ctx.period, cites)
    moved = {line.metric for line in kpi_lines if _moved(line, ctx.period)}
    team: list[Item] = []
    product: list[Item] = []
    interest: list[tuple[SignificantEvent, date | None]] = []
    for e, d in positive:
        if e.event_type is EventType.HIRING:
            hire = _hire(e, d, cites)
            if hire is not None and hire.text not in {t.text for t in team}:
                team.append(hire)
        elif e.event_type in _PRODUCT:
            if not any(_NUMBER_WORD.match(p) for p in e.stakeholders):  # "Launched Two"
                product.append(_item(e, d, cites))
        elif e.event_type is EventType.INVESTOR_INTEREST:
            interest.append((e, d))
        elif _kpi_event(e, moved):
            continue
        else:
            highlights.append(_item(e, d, cites))
    sections = [Section("Highlights", highlights),
                Section("Lowlights", [*kpi_lowlights,
                                      *[_lowlight(e, d, cites) for e, d in lowlights]] or (
                    [Item(NO_LOWLIGHTS)] if ordered or kpi_lines else [])),
                Section("Team", team), Section("Product", product)]
    if interest:
        sections.append(_interest(interest, s, cites))
    sections.append(_cash(s))
    asks = [*s.asks, *ctx.asks]
    sections.append(Section("Asks", [Item(one_line(a)) for a in asks]))
    sections = [_capped(sec) for sec in sections if sec.items]
    headline = _headline(ordered, kpi_lines)
    label = span_label(ctx.period, [d for _, d in chosen if d] + [
        o.observed_on for ln in kpi_lines for o in _in_period(ln, ctx.period)])
    doc = UpdateDoc(
        kind="update", company=company, period=ctx.period,
        subject=f"{company} update, {label}: {headline}" if headline else
        f"{company} update, {label}",
        greeting="Hi all,", opening=_opening(company, label, bool(ordered or kpi_lines)),
        kpis=kpis, sections=sections, previous_cites=previous,
        closing=["Thank you for your support. Reply to this email with any questions."],
        signature=_signature(s, company), citations=list(cites.by_id.values()),
        events=[e for e, _ in chosen])
    doc.notes += _setting_notes(s, ctx, company_id, company)
    if ctx.kind != "outreach" and any(i.text == NO_LOWLIGHTS for sec in sections
                                      for i in sec.items):
        doc.notes.append("no lowlights were found in the messages: add any they missed "
                         "before sending")
    if ctx.kind == "outreach":
        from signalpipe.compose.outreach import outreach

        doc = outreach(doc, ctx, kpi_lines, ordered, cites)
    doc = _renumber(doc)
    doc.citations = cites.resolve(doc.citations, ctx.fetch)
    return doc


def folded(events: Sequence[tuple[SignificantEvent, date | None]]
           ) -> list[tuple[SignificantEvent, date | None]]:
    """One launch or one review told twice, as the reader takes it (see `folds`)."""
    return fold_name_prefixes(fold_unnamed_deals(fold_unnamed_launches(
        fold_platform_launches(events))), same_day=False)


def _setting_notes(s: UpdateSettings, ctx: UpdateContext, company_id: str, company: str
                   ) -> list[str]:
    """What the founder should set before sending: each placeholder the email holds."""
    notes: list[str] = []
    if not s.sender_name:
        notes.append("update.sender_name is not set: the email is signed with a "
                     "placeholder; set it (and update.sender_title) in signalpipe.yaml")
    if not s.sender_email:
        # the .eml said "From: founder@tinypilot.invalid" and nothing told the founder why
        notes.append("update.sender_email is not set: the .eml is from a placeholder "
                     "address no investor can reply to; set it in signalpipe.yaml")
    if not (ctx.to or s.to):
        notes.append("update.to is not set: the .eml has no recipients; list the "
                     "investors under update.to in signalpipe.yaml, or pass --to")
    if not s.company_name:
        spelt = company_name(company_id, s) != company
        notes.append(f"update.company_name is not set: the company is called {company!r} "
                     f"({'as the events spell it' if spelt else 'from company_id'}); set it "
                     "in signalpipe.yaml if that is wrong")
    return notes


def _renumber(doc: UpdateDoc) -> UpdateDoc:
    """Footnotes numbered in reading order (KPI table, then each section), unused ones dropped."""
    order: dict[int, int] = {}
    uses = [c for line, now in doc.kpis
            for c in (now, doc.previous_cites.get(line.metric, []))]
    uses += [i.cites for sec in doc.sections for i in sec.items]
    for cites in uses:
        for n in cites:
            order.setdefault(n, len(order) + 1)
    for cites in uses:
        cites[:] = sorted({order[n] for n in cites})  # [^1][^2], never [^2][^1]
    by_old = {c.number: c for c in doc.citations}
    doc.citations = [replace(by_old[old], number=new) for old, new in order.items()]
    return doc


def span_label(period: Period, days: Sequence[date]) -> str:
    """The period's name; an open period is named by the days its content covers."""
    if (period.since is None or period.until is None) and days:
        return Period(period.since or min(days), period.until or max(days)).label
    return period.label


NO_LOWLIGHTS = "None to report this period."
"""In the founder's voice ("None found in the messages of this period" told investors how the
update was written); the founder's note asks to add any the messages missed."""

CAPS = {"Highlights": 10, "Lowlights": 8, "Team": 10, "Product": 6}
"""The most items a section lists: an update is read in two minutes; the rest is in the report.
The email says only how many are left out: its reader has no run report to open (it named the
founder's "output/report.html")."""


def _capped(section: Section) -> Section:
    cap = CAPS.get(section.title)
    if cap is None or len(section.items) <= cap + 2:  # "and 1 more" would save nothing
        return section
    more = len(section.items) - cap
    return Section(section.title, [*section.items[:cap], Item(
        f"and {more} more")], section.intro)


def _from_start(line: KpiLine, period: Period) -> KpiLine:
    """A KPI first stated within the period compared with its first reading there: the table
    said "111%, previous -, new" over lowlights saying "124% → 111% (-13 pts)"."""
    if line.previous is not None:
        return line
    start = next((o for o in _in_period(line, period) if o.observed_on < line.now.observed_on),
                 None)
    return line if start is None else replace(line, previous=start)


def _in_period(line: KpiLine, period: Period) -> list[KpiObservation]:
    return [o for o in line.history if period.holds(o.observed_on)]


def _significance_then_date(
        chosen: Sequence[tuple[SignificantEvent, date | None]]
) -> list[tuple[SignificantEvent, date | None]]:
    ranked = {id(e): i for i, e in enumerate(rank([e for e, _ in chosen]))}
    sev = {"high": 0, "medium": 1, "low": 2}
    return sorted(chosen, key=lambda p: (sev[p[0].severity.value],
                                         -(p[1] or date.min).toordinal(), ranked[id(p[0])]))


def _kpi_paths(lines: Sequence[KpiLine], period: Period, cites: _Cites
               ) -> tuple[list[Item], list[Item]]:
    """Each KPI that moved in the period as one line: a highlight when it went the good way, a
    lowlight when it went the wrong way, however it is worded ("NRR 124% → 111%")."""
    good: list[Item] = []
    bad: list[Item] = []
    for line in lines:
        if _moved(line, period):
            (good if line.direction > 0 else bad).append(_progression(line, cites))
    return good, bad


def _moved(line: KpiLine, period: Period) -> bool:
    return (line.previous is not None or len(_in_period(line, period)) > 1) \
        and bool(line.direction)


def _progression(line: KpiLine, cites: _Cites) -> Item:
    """"ARR $1.5M → $3.0M (+100%)": one line for a KPI's whole path in the period; one that
    has not moved is its value ("Annual revenue $812K", never "$812K → $812K (+0%)")."""
    first = line.first
    ids = [*first.source_message_ids[:1], *line.now.source_message_ids[:1]]
    if first.value == line.now.value:
        return Item(f"{line.label} {show(line.unit, line.now.value)}", cites.of(ids),
                    line.now.observed_on)
    text = f"{line.label} {show(line.unit, first.value)} → {show(line.unit, line.now.value)}"
    step = KpiLine(line.metric, line.unit, line.now, first)
    if line.unit == "%" or step.change_pct is None:
        text += f" ({show_change(step)})"
    else:
        text += f" ({step.change_pct:+.0f}%)"
    return Item(text, cites.of(ids), line.now.observed_on)


_BARE_FIGURE = re.compile(r"[$\d][\d,.]*[KMB]?\s+[a-z][\w -]*")
_SYMBOLS = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")
# Words that open a sentence before a name without being part of it: an article, an
# announcement's verb ("Introducing Content Hub" names Content Hub, not "Introducing Content Hub").
_ARTICLES = {"The", "A", "An", "Our", "We", "Big", "Huge", "Quick", "Introducing", "Announcing",
             "Meet", "Welcoming", "Today", "Now"}

_ABBREVIATIONS = {"Inc.", "Corp.", "Co.", "Ltd.", "St.", "Dr.", "Mr.", "Ms.", "Mrs.", "Jr."}


_LEAD_VERBS = frozenset(["closed", "signed", "won", "landed", "launched", "released", "hired",
                         "welcomed", "added", "onboarded", "partnered", "announced", "announcing",
                         "introducing", "introduced", "shipped", "secured", "raised", "acquired",
                         "completed", "finalized", "finalised", "inked", "booked", "renewed",
                         "expanded", "joined", "meet", "welcome", "congrats"])


def _whole_name(name: str, evidence: str, before: str = "") -> str:
    """A name as the message writes it in full: "York Times" -> "New York Times" when the
    evidence says "The New York Times" (a capitalised word before it is part of the name).
    Words the title already has before the name are its own, not the name's: "Signed Globex"
    from "Signed Globex for €120k" stays, not "Signed Signed Globex"."""
    m = re.search(r"((?:[A-Z][\w&.'-]*\s+){1,3})" + re.escape(name), evidence)
    if not m:
        return name
    words = m.group(1).split()
    # a sentence ends before the name ("Introducing Content Hub. Content Hub is ..."), not at
    # an abbreviation inside one ("Acme Inc.", "U.S.")
    ends = [n for n, w in enumerate(words) if w.endswith((".", "!", "?"))
            and w not in _ABBREVIATIONS and not w.rstrip(".").replace(".", "").isupper()]
    words = words[ends[-1] + 1:] if ends else words
    while words and (words[0] in _ARTICLES or words[0].lower() in _LEAD_VERBS):
        words.pop(0)  # "Closed Vertex Bank ($1.46M ACV)": the verb starts the sentence
    said = before.split()
    while words and said[-len(words):] == words:
        words.pop(0)
    return " ".join([*words, name])


# A label the extractor titles an event with, said as words in the email: "Term sheet: $15M at
# an $80M valuation" made a subject line with two colons; "Acquisition: PieSync" read as a
# form's field.
_LABELLED = ((re.compile(r"^Term sheet: (?=[$\u00a3\u20ac\d])"), "Term sheet for "),
             (re.compile(r"^Acquisition: (?=\w)"), "Acquisition of "))


def _title(event: SignificantEvent) -> str:
    title = one_money(one_line(event.title)).rstrip(" (")
    for label, words in _LABELLED:
        title = label.sub(words, title)
    evidence = one_line(readable(event.evidence)).strip()
    if _BARE_FIGURE.fullmatch(title) and evidence and len(evidence) <= 160:
        # "200 seats" says nothing; the sentence that states it does.
        plain = re.sub(r"\b(?:just|finally|officially)\s+", "", _SYMBOLS.sub("", evidence))
        return one_money(plain).strip().rstrip(".!")
    for name in event.stakeholders:
        if name and name in title:
            title = title.replace(name, _whole_name(name, evidence, title[:title.find(name)]))
    return title


def _item(event: SignificantEvent, day: date | None, cites: _Cites) -> Item:
    text = _title(event)
    m = _CUSTOMER_VERB.match(text)
    if m:  # "Figma: renewed" reads as a label; say it as a sentence
        what = m.group("what").lower()
        text = (f"Case study published with {m.group('who')}" if what.startswith("case")
                else f"{m.group('who')} {what}")
    return Item(text, cites.of(event.source_message_ids), day, event)


_GREETING = re.compile(r"^(?:(?:Hired|Welcomed?|Welcoming|Please welcome)\s+)+", re.I)
_ROLE_WORDS = re.compile(r"\b(?:Chief|Head|VP|Director|Officer|New|Our|Team|Role)\b", re.I)
_ROLE_JUNK = re.compile(r"^(?:(?:for|a|an|our|the|as)\s+)+", re.I)


def _hire(event: SignificantEvent, day: date | None, cites: _Cites) -> Item | None:
    """"Dana Wu joined as VP Sales"; None when the hire names no person (the extractor read a
    company, a role or a word as a name: "Hired Stripe as COO")."""
    m = _HIRE.match(_title(event))
    if not m:
        return Item(_title(event), cites.of(event.source_message_ids), day, event)
    who = _GREETING.sub("", m.group("who")).strip()
    role = _ROLE_JUNK.sub("", m.group("role")).strip()
    if who.lower().startswith(("a ", "an ")):
        return Item(f"A new {role} joined", cites.of(event.source_message_ids), day, event)
    if len(who.split()) < 2 or _ROLE_WORDS.search(who) or _FUND.search(who):
        return None
    role = role[:1].upper() + role[1:]
    return Item(f"{who} joined as {role}", cites.of(event.source_message_ids), day, event)


def _lowlight(event: SignificantEvent, day: date | None, cites: _Cites) -> Item:
    text = _title(event)
    doing = one_line(event.impact).strip()
    if doing:
        text += f". What we are doing: {doing}"
    return Item(text, cites.of(event.source_message_ids), day, event)


def _interest(found: Sequence[tuple[SignificantEvent, date | None]], s: UpdateSettings,
              cites: _Cites) -> Section:
    if s.disclose_investors:
        return Section("Investor interest", [_item(e, d, cites) for e, d in found])
    n = len(found)
    words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}.get(n, str(n))
    ids = [i for e, _ in found for i in e.source_message_ids[:1]]
    return Section("Investor interest", [Item(
        f"{words.capitalize()} inbound conversation{'s' if n > 1 else ''} with investors "
        "(names kept private)", cites.of(ids, 3))])


def _cash(s: UpdateSettings) -> Section:
    items = []
    if s.cash:
        items.append(Item(f"Cash in the bank: {one_money(s.cash)}"))
    if s.runway:
        items.append(Item(f"Runway: {s.runway}"))
    return Section("Cash and runway", items)


def _figured_first(ordered: Sequence[tuple[SignificantEvent, date | None]]
                   ) -> list[SignificantEvent]:
    """The positive events, the first with a figure among the most severe ahead of the others:
    among equals, news with a number is the subject line ("Reached 100 daily active readers",
    not the quarter's latest "Launched on Firefox")."""
    good = [e for e, _ in ordered if e.polarity is Polarity.POSITIVE]
    top = good[0].severity if good else None
    figured = next((e for e in good if e.severity is top and any(
        isinstance(v, int | float) and not isinstance(v, bool) for v in e.metrics.values())),
                   None)
    if figured is not None and figured.event_type is EventType.FUNDING:
        # of a period's rounds the latest leads, as the outreach email's "most recent round"
        # does: "Raised $19M Series A" had led a month that also raised a $30M Series B
        figured = max(((e, d) for e, d in ordered if e.severity is top
                       and e.event_type is EventType.FUNDING and e.polarity is Polarity.POSITIVE
                       and e.metrics.get("amount_usd") is not None),
                      key=recency, default=(figured, None))[0]
    return good if figured is None else [figured, *(e for e in good if e is not figured)]


_MONEY_LINES = ("arr", "mrr", "revenue", *QUALIFIED_REVENUE)


def _headline(ordered: Sequence[tuple[SignificantEvent, date | None]],
              lines: Sequence[KpiLine]) -> str:
    good = _figured_first(ordered)
    # Among the most severe news, revenue that grew leads: "Signed an enterprise deal
    # ($1.38M)" had led a month whose ARR went from $10.2M to $17.7M.
    top = [e for e in good if e.severity is good[0].severity] if good else []
    grew = [e for e in top if (ln := _line_of(e, lines)) is not None
            and ln.metric in _MONEY_LINES and ln.direction > 0]
    for event in [*grew[:1], *good]:
        line = _line_of(event, lines)
        if line is None:
            return _title(event)
        if line.direction >= 0 and not _set_back_since(line, event, ordered):
            return f"{line.label} at {show(line.unit, line.now.value)}"  # the latest value
        # a KPI that fell over the period is no subject line's news: the next event is
    return ""


def _set_back_since(line: KpiLine, event: SignificantEvent,
                    ordered: Sequence[tuple[SignificantEvent, date | None]]) -> bool:
    """Whether a setback of the KPI's kind came after its latest reading: "Monthly revenue at
    $42K" over an update whose lowlights say "Revenue fell 21% to $33K" a month later oversells
    (the fall's figure names the setback, it is no ledger reading)."""
    return any(e.polarity is Polarity.NEGATIVE and e.event_type is event.event_type
               and d is not None and d > line.now.observed_on for e, d in ordered)


def _line_of(event: SignificantEvent, lines: Sequence[KpiLine]) -> KpiLine | None:
    """The KPI line an event's figure went into: by name, else by the event's messages (a bare
    "revenue" figure the ledger reads as monthly revenue)."""
    named = {CANONICAL[name][0] for name in event.metrics if name in CANONICAL}
    ids = set(event.source_message_ids)
    return next((ln for ln in lines if ln.metric in named), None) or next(
        (ln for ln in lines if "revenue" in named and ln.metric in QUALIFIED_REVENUE
         and any(set(o.source_message_ids) & ids for o in ln.history)), None)


def _opening(company: str, label: str, anything: bool) -> str:
    when = label if label.startswith(("since", "until", "to date")) else \
        f"from {label}" if " to " in label else f"for {label}"  # never "for 1 to 18 Nov"
    if not anything:
        return (f"No significant events were found in {company}'s messages {when}, so there "
                "is nothing new to report.")
    return f"Here is {company}'s update {when}."


def _signature(s: UpdateSettings, company: str) -> list[str]:
    name = s.sender_name or "[Your name]"
    title = f"{s.sender_title}, {company}" if s.sender_title else company
    return ["Best,", name, title]


def recipient(to: str) -> tuple[str, str, str]:
    """("Ada Park", "ada@northfield.vc", "Northfield") from "Ada Park <ada@northfield.vc>"."""
    name, addr = parseaddr(to)
    domain = addr.rsplit("@", 1)[-1] if "@" in addr else ""
    firm = domain.split(".")[0].replace("-", " ").title() if domain else ""
    return name or addr, addr, firm
