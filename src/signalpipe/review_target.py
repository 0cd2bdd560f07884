"""Finding the event a reviewer means from the first characters of its fingerprint, and the
edits a command line asks for (`signalpipe review`; the review app uses whole fingerprints)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from signalpipe.errors import ReviewError
from signalpipe.formatting import format_metric
from signalpipe.inert import one_line
from signalpipe.models import MetricValue, SignificantEvent

MAX_LISTED = 5


def resolve(prefix: str, events: Iterable[SignificantEvent]) -> SignificantEvent:
    """The one event whose fingerprint starts with `prefix` (case-insensitive)."""
    wanted = prefix.strip().lower()
    if not wanted:
        raise ReviewError("give the first characters of an event's fingerprint "
                          "(`signalpipe review list` shows them)")
    found = [e for e in events if e.fingerprint.lower().startswith(wanted)]
    if not found:
        raise ReviewError(f"no event's fingerprint starts with {one_line(prefix)!r} "
                          "(`signalpipe review list` shows them)")
    if len(found) > 1:
        shown = "; ".join(f"{e.fingerprint[:12]} {one_line(e.title)[:40]}"
                          for e in found[:MAX_LISTED])
        more = f" and {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
        raise ReviewError(f"{one_line(prefix)!r} starts {len(found)} events' fingerprints "
                          f"({shown}{more}): give more characters")
    return found[0]


def parse_metrics(pairs: Sequence[str]) -> dict[str, MetricValue | None]:
    """`key=value` pairs: a number where the value reads as one, text otherwise; `key=`
    (nothing after the sign) removes the metric."""
    out: dict[str, MetricValue | None] = {}
    for pair in pairs:
        key, sign, text = pair.partition("=")
        key = key.strip()
        if not sign or not key:
            raise ReviewError(f"--metric takes key=value (arr_usd=2500000), not {pair!r}")
        out[key] = metric_value(text.strip()) if text.strip() else None
    return out


def metric_value(text: str) -> MetricValue:
    """A metric as typed: a whole number, a decimal, or else the text itself."""
    plain = text.replace(",", "").replace("_", "")
    try:
        return int(plain)
    except ValueError:
        pass
    try:
        return float(plain)
    except ValueError:
        return text


def edited(current: Mapping[str, MetricValue],
           changes: Mapping[str, MetricValue | None]) -> dict[str, MetricValue]:
    """The whole new metrics: `current` with each change applied (None removes)."""
    out = dict(current)
    for key, value in changes.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = value
    return out


def metrics_text(metrics: Mapping[str, MetricValue]) -> str:
    return "; ".join(format_metric(k, v) for k, v in metrics.items())
