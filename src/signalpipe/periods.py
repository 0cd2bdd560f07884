"""The period an update or a KPI table covers: a month (``2026-01``, ``last-month``) or a
``--since``/``--until`` range, both ends inclusive."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from signalpipe.errors import ConfigError


@dataclass(frozen=True)
class Period:
    since: date | None = None
    until: date | None = None

    @property
    def label(self) -> str:
        """How a subject line names it: "January 2026", "5 Jan 2026 to 31 Jan 2026"."""
        s, u = self.since, self.until
        if s and u and s.day == 1 and u == _month_end(s):
            return f"{calendar.month_name[s.month]} {s.year}"
        if s and u and s == u:
            return _day(s)
        if s and u and (s.year, s.month) == (u.year, u.month):
            return f"{s.day} to {_day(u)}"
        if s and u:
            return f"{_day(s)} to {_day(u)}"
        if s:
            return f"since {_day(s)}"
        if u:
            return f"until {_day(u)}"
        return "to date"

    def holds(self, day: date | None) -> bool:
        if day is None:
            return self.since is None
        return (self.since is None or day >= self.since) and (self.until is None
                                                              or day <= self.until)


def _day(d: date) -> str:
    return f"{d.day} {calendar.month_abbr[d.month]} {d.year}"


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def month(text: str) -> Period:
    m = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise ConfigError(f"--period {text!r}: expected YYYY-MM or last-month")
    start = date(int(m.group(1)), int(m.group(2)), 1)
    return Period(start, _month_end(start))


def resolve(period: str | None = None, since: str | None = None, until: str | None = None,
            *, today: date | None = None) -> Period:
    """The period flags name; a ConfigError says which flag is wrong."""
    if period is not None and (since or until):
        raise ConfigError("--period and --since/--until: pass one or the other")
    if period is not None:
        if period.strip() == "last-month":
            first = (today or date.today()).replace(day=1)
            return month((first - timedelta(days=1)).strftime("%Y-%m"))
        return month(period)
    try:
        start = date.fromisoformat(since) if since else None
        end = date.fromisoformat(until) if until else None
    except ValueError as exc:
        raise ConfigError(f"--since/--until: {exc} (expected YYYY-MM-DD)") from None
    if start and end and end < start:
        raise ConfigError("--until is before --since")
    return Period(start, end)
