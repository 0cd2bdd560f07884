"""investor_update.html: the update as one self-contained page (inline CSS, inline SVG: a step
chart per KPI with event markers, an events timeline by type). No script, no external asset;
every text is escaped."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from signalpipe.charts import CSS, step_chart, timeline
from signalpipe.compose.doc import Item, UpdateDoc
from signalpipe.kpis import show, show_change
from signalpipe.models import SignificantEvent

TIMELINE_MAX = 300
"""Dots on the update's timeline (its events come most significant first)."""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _sup(cites: Sequence[int]) -> str:
    return "".join(f'<sup><a href="#c{n}">[{n}]</a></sup>' for n in cites)


def _item(item: Item) -> str:
    return f"<li>{_e(item.text)}{_sup(item.cites)}</li>"


def kpi_table(doc: UpdateDoc) -> str:
    rows = []
    for line, cites in doc.kpis:
        prev = show(line.unit, line.previous.value) if line.previous else "-"
        change = show_change(line)
        cls = "up" if (line.change or 0) > 0 else "down" if (line.change or 0) < 0 else ""
        rows.append(f"<tr><td>{_e(line.label)}</td><td>{_e(show(line.unit, line.now.value))}"
                    f"{_sup(cites)}</td><td>{_e(prev)}"
                    f"{_sup(doc.previous_cites.get(line.metric, []) if line.previous else [])}"
                    "</td>"
                    f'<td class="{cls}">{_e(change)}</td></tr>')
    return ("<table><thead><tr><th>Metric</th><th>Now</th><th>Previous</th><th>Change</th>"
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _listed(doc: UpdateDoc, dated: Sequence[tuple[SignificantEvent, date]]
            ) -> list[tuple[SignificantEvent, date]]:
    """The dated events the email's lines tell, once each: never one the text left out, kept
    private ("names kept private") or folded into another."""
    def key(event: SignificantEvent) -> str:
        return event.fingerprint or event.title

    told = {key(i.event) for sec in doc.sections for i in sec.items if i.event is not None}
    out = []
    for event, day in dated:
        if key(event) in told:
            told.discard(key(event))
            out.append((event, day))
    return out


def page(doc: UpdateDoc, dated: Sequence[tuple[SignificantEvent, date]],
         body_text: str | None = None) -> str:
    """The whole page; `body_text` (an LLM's prose) replaces the sections when given."""
    parts = [f"<h1>{_e(doc.subject)}</h1>", f"<p>{_e(doc.greeting)}</p>",
             f"<p>{_e(doc.opening)}</p>"]
    if body_text is not None:
        parts = [f"<h1>{_e(doc.subject)}</h1>"] + [
            f"<p>{_e(p)}</p>" for p in body_text.split("\n\n") if p.strip()]
    if doc.kpis:
        marks = sorted({d for _, d in dated})  # one tick per day, however many events
        # A chart of one point says nothing the table does not.
        charts = "".join(step_chart(line, marks) for line, _ in doc.kpis
                         if len(line.history) > 1)
        parts += ["<h2>Key metrics</h2>", kpi_table(doc), f'<div class="charts">{charts}</div>']
    if body_text is None:
        for sec in doc.sections:
            parts.append(f"<h2>{_e(sec.title)}</h2><ul>"
                         + "".join(_item(i) for i in sec.items) + "</ul>")
    dated = _listed(doc, dated)
    if dated:
        parts += ["<h2>Timeline</h2>", timeline(dated[:TIMELINE_MAX])]
    if body_text is None:
        parts += [f"<p>{_e(c)}</p>" for c in doc.closing]
        parts.append("<p>" + "<br>".join(_e(s) for s in doc.signature) + "</p>")
    if doc.citations:
        parts.append('<h2>Sources</h2><ol class="sources">' + "".join(
            f'<li id="c{c.number}">{_e(c.text)}</li>' for c in doc.citations) + "</ol>")
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{_e(doc.subject)}</title><style>{CSS}</style></head><body>"
            + "\n".join(parts) + "</body></html>\n")
