"""Figures written in text ("$12M", "12 million", "40%"), parsed and compared.

Shared by extraction's grounding (an event's figures must be in its messages) and the email's
check (an email's figures must be in its events), so neither imports the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from signalpipe.models import MetricValue

_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "million": 1e6,
           "b": 1e9, "bn": 1e9, "billion": 1e9, "trillion": 1e12}
_AMOUNT = re.compile(
    r"(?<![\w.])(?P<cur>[$€£¥])?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mm|mn|bn|k|m|b)\b)?"
    r"(?:\s?(?P<pct>%|percent\b|pct\b))?",
    re.IGNORECASE,
)
_REL_TOL = 1e-9


@dataclass(frozen=True, slots=True)
class Amount:
    """One figure written in text: its value with scale applied, the digits as written."""

    value: float
    raw: float
    percent: bool = False
    currency: bool = False
    scaled: bool = False

    @property
    def is_trivial(self) -> bool:
        """A bare small count or a year: too common in prose to demand proof for (see check)."""
        if self.percent or self.currency or self.scaled:
            return False
        return (self.value.is_integer() and self.value <= 12) or 1990 <= self.value <= 2100


def parse_amounts(text: str) -> list[Amount]:
    """Every figure in `text`: "$1.2M" -> 1200000, "40%" -> 40 (percent), "12,000" -> 12000."""
    return [_amount(m) for m in _AMOUNT.finditer(text)]


def parse_figure(text: str) -> Amount | None:
    """The figure when `text` is exactly one ("$12M", "40%", "12,000"), else None."""
    match = _AMOUNT.fullmatch(text.strip())
    return _amount(match) if match else None


def _amount(m: re.Match[str]) -> Amount:
    raw = float(m["num"].replace(",", ""))
    scale = _SCALES[m["scale"].lower()] if m["scale"] else 1.0
    return Amount(value=raw * scale, raw=raw, percent=bool(m["pct"]), currency=bool(m["cur"]),
                  scaled=bool(m["scale"]))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= _REL_TOL * max(abs(a), abs(b), 1.0)


def _significant_digits(x: float) -> int:
    return len(Decimal(repr(abs(x))).normalize().as_tuple().digits)


def _rounds_to(actual: float, stated: float) -> bool:
    # "12.3k users" may summarize "12,345 users": accept a stated figure that is the written one
    # rounded to the stated precision, but demand 2+ significant digits so 500M != 480M.
    sig = _significant_digits(stated)
    if sig < 2 or actual == 0:
        return False
    return _close(float(f"{actual:.{sig}g}"), stated)


def number_in(value: float, amounts: Iterable[Amount]) -> bool:
    """True when the number `value` is one of `amounts` (scaled, as written, or as a fraction)."""
    for a in amounts:
        candidates = [a.value, a.raw] + ([a.value / 100] if a.percent else [])
        if any(_close(c, value) or _rounds_to(c, value) for c in candidates):
            return True
    return False


def metric_grounded(value: MetricValue, amounts: Sequence[Amount]) -> bool:
    """A numeric value, or every figure inside a string value, is written in the source text."""
    if isinstance(value, bool):
        return True
    if isinstance(value, int | float):
        return number_in(float(value), amounts)
    return all(number_in(a.value, amounts) for a in parse_amounts(value))
