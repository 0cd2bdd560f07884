"""Amounts in the currency they were written in. The readers parse "£400m" and "€12M" as
numbers and name them ``*_usd``, titling them with "$"; a founder in London would send
investors "Raised $400M" for a £400m round. A reading whose clause states its money in pounds or
euros only (no dollar anywhere in it) gets ``*_gbp`` / ``*_eur`` keys and the right sign."""

from __future__ import annotations

import re
from dataclasses import replace

from signalpipe.extract.rules.found import Found

_POUNDS = re.compile(r"£|\bGBP\b|\bpounds?(?: sterling)?\b|\bsterling\b", re.IGNORECASE)
_EUROS = re.compile(r"€|\bEUR\b|\beuros?\b", re.IGNORECASE)
_DOLLARS = re.compile(r"\$|\bUSD\b|\bdollars?\b", re.IGNORECASE)
_SIGN = {"gbp": "£", "eur": "€"}


def written_currency(clause: str) -> str | None:
    """"gbp" or "eur" when the clause's money is all in that currency, else None (dollars, a
    mix, or no currency named)."""
    if "£" not in clause and "€" not in clause and not any(
            w in clause.lower() for w in ("gbp", "eur", "pound", "sterling")):
        return None  # most clauses: no need to run the patterns
    pounds, euros = _POUNDS.search(clause), _EUROS.search(clause)
    if _DOLLARS.search(clause) or (pounds and euros):
        return None
    return "gbp" if pounds else "eur" if euros else None


def in_written_currency(found: Found, clause: str) -> Found:
    """``found`` with its dollar keys and signs in the clause's own currency."""
    if not any(k.endswith("_usd") for k in found.metrics) and "$" not in found.title:
        return found
    code = written_currency(clause)
    if code is None:
        return found
    metrics = {(k[:-4] + "_" + code if k.endswith("_usd") else k): v
               for k, v in found.metrics.items()}
    return replace(found, metrics=metrics, title=found.title.replace("$", _SIGN[code]))
