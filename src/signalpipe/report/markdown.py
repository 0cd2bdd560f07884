"""`pipeline_results.md`: run statistics, dead letters, the events table, usage and the email."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from signalpipe.formatting import counted, event_kind, format_metric, rank
from signalpipe.inert import markdown_text, one_line
from signalpipe.models import BatchUsage, DeadLetter, InvestorEmail, SignificantEvent
from signalpipe.stats import RunStats, reason_kind


def _cell(text: str, limit: int = 120) -> str:
    """Message-derived text in Markdown: one line, bounded, and inert: no raw HTML tag, link,
    emphasis or table pipe survives (see `signalpipe.inert.markdown_text`)."""
    flat = " ".join(one_line(text).split())
    flat = flat if len(flat) <= limit else flat[: limit - 1] + "…"
    return markdown_text(flat)


def render(*, stats: RunStats | None, events: Sequence[SignificantEvent],
           dead_letters: Sequence[DeadLetter], usage: Iterable[BatchUsage],
           email: InvestorEmail, company_id: str, stack: str, total: int | None = None,
           by_type: Counter[str] | None = None) -> str:
    """The report; `events` may be a bounded selection, `total` and `by_type` then count all."""
    parts = [f"# signalpipe results: {_cell(company_id)}", "", f"Stack: `{stack}`", ""]
    if stats is not None:
        parts += _stats_section(stats)
    parts += _dead_letter_section(dead_letters)
    parts += _events_section(events, total, by_type)
    parts += _usage_section(usage)
    parts += _email_section(email)
    return "\n".join(parts) + "\n"


def _stats_section(stats: RunStats) -> list[str]:
    d = stats.as_dict()
    rows = [("Rows read", d["rows_read"]), ("Messages produced", d["produced"]),
            ("Messages consumed", d["consumed"]), ("New messages stored", d["stored_new"]),
            ("Already stored and extracted", d["replayed"]),
            ("Dead-lettered", d["dead_lettered"]), ("Batches", d["batches"]),
            ("Batches parked for retry", d["batches_parked"]),
            ("Events inserted", d["events_inserted"]), ("Events merged", d["events_merged"]),
            ("Time (s)", f"{stats.elapsed_s:.2f}"), ("Rate (messages/s)", f"{stats.rate:,.0f}")]
    out = ["## Run", "", "| | |", "|---|---:|"]
    out += [f"| {name} | {value} |" for name, value in rows]
    if stats.events_rejected:
        out += ["", "Events rejected by validation or grounding:", ""]
        out += [f"- {reason}: {n}" for reason, n in stats.events_rejected.most_common()]
    return [*out, ""]


def _dead_letter_section(letters: Sequence[DeadLetter]) -> list[str]:
    out = ["## Dead letters", ""]
    if not letters:
        return [*out, "None.", ""]
    kinds = Counter(reason_kind(d.reason) for d in letters)
    out += ["| Reason | Count |", "|---|---:|"]
    out += [f"| {_cell(k)} | {n} |" for k, n in kinds.most_common()]
    out += ["", "| Origin | Stage | Reason |", "|---|---|---|"]
    out += [f"| {_cell(d.origin)} | {d.stage} | {_cell(d.reason)} |" for d in letters[:50]]
    if len(letters) > 50:
        out.append(f"\n{len(letters) - 50} more in the dead-letter table.")
    return [*out, ""]


def _events_section(events: Sequence[SignificantEvent], total: int | None = None,
                    by_type: Counter[str] | None = None) -> list[str]:
    by_type = by_type if by_type is not None else Counter(e.event_type.value for e in events)
    total = total if total is not None else len(events)
    out = ["## Events", "", f"{counted(total, 'event')}.", "", "| Type | Count |", "|---|---:|"]
    out += [f"| {t[:1].upper()}{t[1:].replace('_', ' ')} | {n} |"
            for t, n in sorted(by_type.items())]
    out += ["", "| Severity | Type | Title | Metrics | Sources |", "|---|---|---|---|---:|"]
    for e in rank(events)[:200]:
        metrics = "; ".join(format_metric(k, v) for k, v in e.metrics.items())
        out.append(f"| {e.severity.value} | {event_kind(e)} | {_cell(e.title)} | "
                   f"{_cell(metrics)} | {len(e.source_message_ids)} |")
    return [*out, ""]


def _usage_section(usage: Iterable[BatchUsage]) -> list[str]:
    """Totals over every extraction call, read in one pass (a 1M-row run made 10k of them)."""
    batches = tokens_in = tokens_out = sent = total = retries = 0
    cost = 0.0
    providers: set[str] = set()
    latency: list[float] = []
    for u in usage:
        batches += 1
        tokens_in += u.input_tokens
        tokens_out += u.output_tokens
        sent += u.sent_messages
        total += u.messages
        cost += u.cost_usd
        retries += u.retries
        providers.add(f"{u.provider}/{u.model}")
        latency.append(u.latency_ms)
    if not batches:
        return []
    if not (tokens_in or tokens_out or cost):
        # "Messages sent to the model: 1100" beside 0 tokens and $0.0000 read as a fault
        return ["## Extraction cost", "", f"{counted(batches, 'batch')} of {total:,} messages "
                f"read by the offline rules ({', '.join(sorted(providers))}): no model was "
                "called, nothing was spent.", ""]
    latency.sort()
    p50 = latency[len(latency) // 2]
    return ["## Extraction cost", "", f"Providers: {', '.join(sorted(providers))}", "",
            "| | |", "|---|---:|", f"| Batches | {batches} |",
            f"| Messages in batches | {total} |", f"| Messages sent to the model | {sent} |",
            f"| Input tokens | {tokens_in:,} |", f"| Output tokens | {tokens_out:,} |",
            f"| Retries | {retries} |", f"| Median latency (ms) | {p50:.0f} |",
            f"| Estimated cost (USD) | {cost:.4f} |", ""]


def _email_section(email: InvestorEmail) -> list[str]:
    out = ["## Investor email", "", f"Composer: `{email.composer}`", ""]
    out += [f"> note: {_cell(n, 500)}" for n in email.notes]
    text = as_read(email.body)
    fence = _fence_for(text)
    out += ["", f"**Subject:** {_cell(email.subject, 300)}", "", f"{fence}text",
            text.rstrip(), fence, ""]
    return out


_ESCAPED = re.compile(r"\\([\\`*_\[\]|~#+.)-])")
_ENTITY = re.compile(r"&(lt|gt|amp);")
_CHARS = {"lt": "<", "gt": ">", "amp": "&"}


def as_read(body: str) -> str:
    """The email's Markdown as its reader sees it, for a code fence (which shows every character
    as written, so nothing in it renders): without the escapes that keep its message-derived
    text inert when rendered ("Michael Lynch <michael@...>", was "&lt;michael@...&gt;")."""
    return _ENTITY.sub(lambda m: _CHARS[m[1]], _ESCAPED.sub(r"\1", body))


def _fence_for(text: str) -> str:
    """A code fence longer than any backtick run in `text`, so the text cannot close it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)
