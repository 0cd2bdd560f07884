"""The investor update's cost and honesty on a store a run wrote: time to compose (read events,
the ledger and cited messages, build, render Markdown, HTML and .eml), and how many figures the
update states and how many carry a citation.

    python bench/compose.py OUTPUT_DIR [--repeat 5]

A figure is any number in the update's body ($3M, 40%, 12,500, 56) but years; it is cited when
its line carries a footnote mark [^n] (a KPI table row, a section item). The subject line and
the footnotes themselves are not counted (the subject repeats a cited figure).
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path


def compose_once(out_dir: Path) -> tuple[float, str, int]:
    from signalpipe.backends import make_composer, open_backends
    from signalpipe.commands.reporting import update_context
    from signalpipe.compose import html, markdown
    from signalpipe.compose.doc import build
    from signalpipe.compose.eml import build_message
    from signalpipe.kpis import event_date
    from signalpipe.selection import select
    from signalpipe.settings import load_settings

    settings = load_settings(output_dir=out_dir)
    backends = open_backends(settings)
    try:
        start = time.perf_counter()
        chosen = select(backends.events.iter_events(settings.company_id))
        events = chosen.events
        ctx = update_context(settings, backends, events)
        doc = build(events, company_id=settings.company_id, context=ctx)
        make_composer(settings).compose(events, company_id=settings.company_id, context=ctx)
        md = markdown.document(doc)
        days = {m: v.timestamp.date() for m, v in ctx.messages.items()}
        dated = [(e, d) for e in doc.events if (d := event_date(e, days)) is not None]
        page = html.page(doc, dated)
        build_message(subject=doc.subject, text=markdown.plain(doc), html=page,
                      settings=settings.update, to=[], company=doc.company).as_string()
        elapsed = time.perf_counter() - start
    finally:
        backends.close()
    return elapsed, md, chosen.total


MORE = re.compile(r"- and \d+ more, listed in the run report")
"""The update's own count of items it left to the report: no figure from a message."""
FIGURE = re.compile(r"[-+]?\$?\d[\d,.]*[KMB]?%?")


def figures(md: str) -> tuple[int, int]:
    body = md.split("\n---\n")[0]
    total = cited = 0
    for line in body.splitlines()[1:]:  # the subject repeats a figure cited below
        text = re.sub(r"\[\^\d+\]", "", line)
        text = re.sub(r"\b\d{1,2} (?:to \d{1,2} )?[A-Z][a-z]{2} \d{4}", "", text)  # dates
        found = [f for f in FIGURE.findall(text) if not re.fullmatch(r"(19|20)\d\d", f)]
        if not found or line.startswith("|---") or MORE.match(line):
            continue
        total += len(found)
        if "[^" in line:
            cited += len(found)
    return total, cited


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    times = []
    md = ""
    n = 0
    for _ in range(args.repeat):
        elapsed, md, n = compose_once(args.out_dir)
        times.append(elapsed)
    total, cited = figures(md)
    print(f"events: {n}; compose (read + build + md + html + eml): median "
          f"{statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms over "
          f"{args.repeat} runs; figures in the update: {total}, cited: {cited}")


if __name__ == "__main__":
    main()
