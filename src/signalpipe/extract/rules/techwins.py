"""Technical results told the way teams tell them in chat and update mail, where
``growth.technical``, ``results.performance`` and ``measured.py`` find no reading; and the start
of a technical title, so that it keeps its figure.

Each reading is a phrasing family, written alike in a team's Slack, a founder's update, an
engineering blog, a release note and a press release (tests/unit/test_rules_techwins.py holds
the hand-written variants and the look-alikes):

- **A migration or rewrite completed** (technical_achievement): "we're fully off Heroku and on
  our own k8s now", "finished the move to Postgres 16", "completed our migration from MongoDB to
  PostgreSQL", "the last services moved off the old data centre on Friday", "Acme has completed
  the migration of its entire platform to Kubernetes". Look-alikes: a move planned, under way or
  "70% done", asked about, a member's blog or a test suite moved, old news.
- **Reliability kept for a period** (technical_achievement): "a full quarter at 99.99% uptime",
  "six months without a single Sev1", "no customer-facing incidents in all of Q3". Look-alikes:
  an SLA or target, someone else's uptime, a streak that ended.
- **Load carried in production** (technical_achievement): "now handling 50k rps at peak",
  "peak of 3,400 orders a minute", "ingesting over 10TB of logs a day". Look-alikes: a load test,
  staging, a capacity "up to", a rate limit.
- **A time now against a time before** (technical_achievement): "builds now finish in under 4
  minutes instead of 20", "imports that took an hour now take under five minutes", "v2.4 cuts
  sync time by 60%", "the new indexer halves memory use". Look-alikes: a goal, a slowdown fixed,
  a laptop's or staging's figures, someone else's product.
- **Money saved on infrastructure** (technical_achievement): "saved ~$8k/month by moving logs to
  S3". Look-alikes: savings for customers, prices cut, savings hoped for.
- **Quality results** (technical_achievement): "fuzzed the parser for a month, zero crashes",
  "crash-free sessions reached 99.9%". Look-alikes: crashes found, a goal.
- **A named public benchmark topped** (technical_achievement): "Acme tops MLPerf Inference v4.0",
  "our model is first on SWE-bench Verified". Look-alikes: someone else's model, a race to run.
"""

from __future__ import annotations

import re

# Where a clause's next part starts: the title of a figure told after it starts there.
_PART = re.compile(r"(?:[,;:]|\s[-\u2013\u2014])\s+")
# Words that join a part to the one before it, not the title's first word ("with 99.91% uptime",
# "that scales to nearly a million operations per second").
# A figure in digits, or a count said with one ("nearly a million operations per second").
_WRITTEN = re.compile(r"\d|(?i:(?:nearly |almost |half )?an? (?:million|billion)\b)")
_JOINER = re.compile(r"(?i:with|and|but|so|while|that|which|plus|at)\s+")


def title_start(clause: str, at: int, figure_at: int) -> int:
    """Where a technical result's title starts: at ``at`` (its metric), or where the part of
    ``clause`` that holds its figure starts when the figure is written in digits before the
    metric ("queries are 3x faster" is titled from "queries", not "faster"; a figure in words,
    "double the throughput", is said from the metric by ``voice.py``)."""
    if figure_at >= at or not _WRITTEN.match(clause, figure_at):
        return at
    start = 0
    for m in _PART.finditer(clause, 0, figure_at):
        start = m.end()
    joiner = _JOINER.match(clause, start)
    return joiner.end() if joiner and joiner.end() <= figure_at else start
