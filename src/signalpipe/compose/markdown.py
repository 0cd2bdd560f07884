"""The update as real Markdown (GitHub-flavoured: a table for KPIs, footnotes for citations),
and as plain text for the text part of the .eml (the same Markdown reads well as text)."""

from __future__ import annotations

from signalpipe.compose.doc import Item, UpdateDoc
from signalpipe.inert import markdown_text, one_line
from signalpipe.kpis import show, show_change


def _t(text: str) -> str:
    """Message-derived text made inert in Markdown (no tag, link or emphasis survives)."""
    return markdown_text(text)


def _marks(cites: list[int]) -> str:
    return "".join(f"[^{n}]" for n in cites)


def _line(item: Item) -> str:
    return f"- {_t(item.text)}{_marks(item.cites)}"


def plain(doc: UpdateDoc) -> str:
    """The email body as plain text (the .eml's text part): citations as [n]."""
    out = [doc.greeting, "", doc.opening, ""]
    if doc.kpis:
        out += ["Key metrics", ""]
        for line, cites in doc.kpis:
            marks = "".join(f"[{n}]" for n in doc.previous_cites.get(line.metric, []))
            prev = (f", previous {show(line.unit, line.previous.value)}{marks}"
                    if line.previous else "")
            out.append(f"  {line.label}: {show(line.unit, line.now.value)}"
                       f"{''.join(f'[{n}]' for n in cites)}{prev} ({show_change(line)})")
        out.append("")
    for section in doc.sections:
        out += [section.title, ""]
        out += [f"  - {one_line(i.text)}{''.join(f'[{n}]' for n in i.cites)}"
                for i in section.items]
        out.append("")
    for text in doc.closing:
        out += [text, ""]
    out += doc.signature
    if doc.citations:
        out += ["", "Sources", ""] + [f"[{c.number}] {one_line(c.text)}" for c in doc.citations]
    return "\n".join(out).rstrip() + "\n"


def body(doc: UpdateDoc) -> str:
    """The email body in Markdown, without the subject."""
    out = [_t(doc.greeting), "", _t(doc.opening), ""]
    if doc.kpis:
        out += ["## Key metrics", "", "| Metric | Now | Previous | Change |",
                "|---|---:|---:|---:|"]
        for line, cites in doc.kpis:
            prev = (show(line.unit, line.previous.value)
                    + _marks(doc.previous_cites.get(line.metric, [])) if line.previous else "-")
            out.append(f"| {line.label} | {show(line.unit, line.now.value)}{_marks(cites)} | "
                       f"{prev} | {show_change(line)} |")
        out.append("")
    for section in doc.sections:
        out += [f"## {section.title}", ""]
        if section.intro:
            out += [_t(section.intro), ""]
        out += [_line(item) for item in section.items]
        out.append("")
    for text in doc.closing:
        out += [_t(text), ""]
    out += [f"{_t(s)}  " for s in doc.signature]
    return "\n".join(out).rstrip() + "\n" + footnotes(doc)


def footnotes(doc: UpdateDoc) -> str:
    """The sources, as Markdown footnote definitions after a rule ("" when none)."""
    if not doc.citations:
        return ""
    return "\n---\n\n" + "\n".join(f"[^{c.number}]: {_t(c.text)}" for c in doc.citations) + "\n"


def document(doc: UpdateDoc, body_text: str | None = None) -> str:
    """investor_update.md: the subject as the title, then the body."""
    return f"# {_t(doc.subject)}\n\n{body_text if body_text is not None else body(doc)}"
