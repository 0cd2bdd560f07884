"""`update.redact`: terms (customers under NDA, code names) replaced in every output."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

MASK = "[redacted]"


def redact_terms(text: str, terms: Iterable[str]) -> str:
    """`text` with each term replaced, whatever its case, also where it was HTML-escaped."""
    for term in terms:
        term = term.strip()
        if not term:
            continue
        for form in dict.fromkeys((term, escape(term, quote=True), escape(term, quote=False))):
            text = re.sub(re.escape(form), MASK, text, flags=re.IGNORECASE)
    return text
