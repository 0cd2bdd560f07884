"""Figures as people write them: money, counts, percentages, durations and multipliers.

"$1.2M", "1.2m ARR", "USD 130,000", "95k/yr", "€2 million", "12k", "1,250", "40%", "120ms",
"1.2 s", "doubled", "3x". Values come back as plain numbers (USD, units, per cent, milliseconds)
with their offsets, so a detector can ask which figure sits next to which word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SCALE = {"k": 1e3, "K": 1e3, "thousand": 1e3, "m": 1e6, "M": 1e6, "mm": 1e6, "MM": 1e6,
          "mn": 1e6, "mil": 1e6, "million": 1e6, "millions": 1e6, "b": 1e9, "B": 1e9,
          "bn": 1e9, "billion": 1e9, "billions": 1e9}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_LETTER = r"k|K|mm|MM|mn|m|M|bn|b|B"
_WORD = r"(?i:thousand|millions?|mil|billions?)"
_CUR = r"US\$|\$|USD\s?|EUR\s?|€|£|GBP\s?"

MONEY = re.compile(
    rf"(?P<cur>{_CUR})\s?(?P<n1>{_NUM})(?:\s?(?P<w1>{_WORD})\b|\s?(?P<u1>{_LETTER})(?![a-zA-Z]))?"
    rf"|(?<![\w$€£.,])(?P<n2>{_NUM})(?:(?P<u2>{_LETTER})(?![a-zA-Z])|\s(?P<w2>{_WORD})\b)"
    r"(?:\s?(?P<tail>dollars|usd|USD|euros?|EUR))?"
    rf"|(?<![\w$€£.,])(?P<n3>{_NUM})\s?(?P<tail3>dollars|USD|euros|EUR)\b")
COUNT = re.compile(rf"(?<![\w$€£.,/])(?P<n>{_NUM})(?:\s?(?P<w>{_WORD})\b|(?P<u>k|K|m|M|mm|MM|bn"
                   r"|b|B)(?![a-zA-Z]))?\+?(?![\w%]|\.\d)")
PERCENT = re.compile(rf"(?<![\w.])(?P<n>[+-]?(?:{_NUM}))\s?(?:%|percent\b|pct\b)")
DURATION = re.compile(rf"(?<![\w.])(?P<n>{_NUM})\s?(?P<u>ms|milliseconds?|s|secs?|seconds?"
                      r"|min|minutes?|h|hrs?|hours?)(?![a-zA-Z])")
MULTIPLE = re.compile(r"\b(?P<w>doubled|tripled|quadrupled|(?P<t>two|three|four|five|ten|hundred)"
                      r"[- ]?fold|(?P<f>\d+)[- ]?fold|(?P<n>\d+(?:\.\d+)?)\s?[x×])"
                      r"(?![a-zA-Z])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure in a piece of text: its value and where it stands."""

    value: float
    start: int
    end: int
    scaled: bool = False


def _value(raw: str, unit: str | None) -> float:
    unit = unit or ""
    return float(raw.replace(",", "")) * _SCALE.get(unit, _SCALE.get(unit.lower(), 1.0))


def money(text: str) -> list[Figure]:
    """Every amount of money: a currency sign or word, or a number with a scale letter/word.

    A bare scaled number ("95k", "1.2m") counts as money; the caller decides from the words
    around it whether it is money or a count.
    """
    out = []
    for m in MONEY.finditer(text):
        if m["n1"] is not None:
            out.append(Figure(_value(m["n1"], m["u1"] or m["w1"]), m.start(), m.end(),
                              bool(m["u1"] or m["w1"])))
        elif m["n2"] is not None:
            unit = m["u2"] or m["w2"]
            out.append(Figure(_value(m["n2"], unit), m.start(), m.end(), True))
        else:
            out.append(Figure(_value(m["n3"], None), m.start(), m.end()))
    return out


def currency_money(text: str) -> list[Figure]:
    """Amounts written with a currency sign or word only ("$1.2M", "USD 130,000", "3 dollars")."""
    return [f for f in money(text) if _has_currency(text[f.start:f.end])]


def _has_currency(raw: str) -> bool:
    return bool(re.search(r"[$€£]|USD|EUR|GBP|dollars?|euros?", raw, re.IGNORECASE))


def counts(text: str) -> list[Figure]:
    """Every plain count: "12k", "12,000", "1.2 million", "140"; years are left out."""
    out = []
    for m in COUNT.finditer(text):
        unit = m["u"] or m["w"]
        value = _value(m["n"], unit)
        if not unit and "," not in m["n"] and 1900 <= value <= 2100 and value.is_integer():
            continue
        out.append(Figure(value, m.start(), m.end(), bool(unit)))
    return out


def percents(text: str) -> list[Figure]:
    if "%" not in text and "percent" not in text and "pct" not in text:
        return []  # the pattern ends in one of these; its number part tries every digit first
    return [Figure(float(m["n"].replace(",", "")), m.start(), m.end())
            for m in PERCENT.finditer(text)]


def durations_ms(text: str) -> list[Figure]:
    """Durations in milliseconds: "120ms" -> 120, "1.2 s" -> 1200, "3 hours" -> 10,800,000."""
    out = []
    for m in DURATION.finditer(text):
        unit = m["u"].lower()
        scale = 1.0 if unit.startswith("ms") or unit.startswith("milli") else \
            1000.0 if unit.startswith("s") else 60_000.0 if unit.startswith("min") else 3.6e6
        out.append(Figure(float(m["n"].replace(",", "")) * scale, m.start(), m.end()))
    return out


def multiples(text: str) -> list[Figure]:
    """ "doubled" -> 2, "3x" -> 3."""
    out = []
    for m in MULTIPLE.finditer(text):
        word = m["w"].lower()
        value = 2.0 if word == "doubled" else 3.0 if word == "tripled" else \
            4.0 if word == "quadrupled" else float(m["f"]) if m["f"] else \
            {"two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "ten": 10.0,
             "hundred": 100.0}[m["t"].lower()] if m["t"] else float(m["n"])
        out.append(Figure(value, m.start(), m.end()))
    return out


def short_money(value: float) -> str:
    """$1.2M, $480k, $950: how an amount reads in a title."""
    if value >= 1e9:
        return f"${value / 1e9:.3g}B"
    if value >= 1e6:
        return f"${value / 1e6:.3g}M"
    if value >= 1e3:
        return f"${value / 1e3:.3g}k"
    return f"${value:,.0f}"


def article(amount: str) -> str:
    """ "a" or "an" before a written amount: "an $80M valuation", "a $15M round"."""
    digits = amount.lstrip("$€£")
    return "an" if (digits.startswith(("8", "11", "18")) and not digits.startswith("180")) \
        or (digits.startswith("18") and len(digits.split(".")[0].rstrip("kMB")) == 2) else "a"


def short_count(value: float) -> str:
    if value >= 1e6 and value % 1e5 == 0:
        return f"{value / 1e6:g}M"
    return f"{value:,.0f}"
