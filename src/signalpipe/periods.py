"""The period an update or a KPI table covers: a month (``2026-01``, ``last-month``), a quarter
(``2026-Q1``, ``last-quarter``), a year (``2025``) or a ``--since``/``--until`` range, both ends
inclusive."""

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
        if s and u and (s.month, s.day, u.month, u.day) == (1, 1, 12, 31) and s.year == u.year:
            return str(s.year)
        if s and u and s.day == 1 and s.month % 3 == 1 and Period(s, u) == _quarter(s):
            return f"Q{s.month // 3 + 1} {s.year}"
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


def _add_months(d: date, n: int) -> date:
    months = d.year * 12 + d.month - 1 + n
    return date(months // 12, months % 12 + 1, 1)


def _quarter(start: date) -> Period:
    """The three months from `start`, the first day of a quarter."""
    return Period(start, _month_end(_add_months(start, 2)))


_FORMS = "YYYY-MM, YYYY-Qn, YYYY, last-month or last-quarter"


def month(text: str) -> Period:
    """A named period: "2026-01", "2026-Q1" or "2025"."""
    text = text.strip()
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        if 1 <= int(m.group(2)) <= 12:
            start = date(int(m.group(1)), int(m.group(2)), 1)
            return Period(start, _month_end(start))
    elif m := re.fullmatch(r"(\d{4})-?[Qq]([1-4])", text):
        return _quarter(date(int(m.group(1)), 3 * int(m.group(2)) - 2, 1))
    elif m := re.fullmatch(r"(\d{4})", text):
        return Period(date(int(text), 1, 1), date(int(text), 12, 31))
    raise ConfigError(f"--period {text!r}: expected {_FORMS}")


def resolve(period: str | None = None, since: str | None = None, until: str | None = None,
            *, today: date | None = None) -> Period:
    """The period flags name; a ConfigError says which flag is wrong."""
    if period is not None and (since or until):
        raise ConfigError("--period and --since/--until: pass one or the other")
    if period is not None:
        first = (today or date.today()).replace(day=1)
        if period.strip() == "last-month":
            return month((first - timedelta(days=1)).strftime("%Y-%m"))
        if period.strip() == "last-quarter":
            this_quarter = first.replace(month=first.month - (first.month - 1) % 3)
            return _quarter(_add_months(this_quarter, -3))
        return month(period)
    try:
        start = date.fromisoformat(since) if since else None
        end = date.fromisoformat(until) if until else None
    except ValueError as exc:
        raise ConfigError(f"--since/--until: {exc} (expected YYYY-MM-DD)") from None
    if start and end and end < start:
        raise ConfigError("--until is before --since")
    return Period(start, end)
