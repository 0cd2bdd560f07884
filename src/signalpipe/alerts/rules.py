"""The `when:` language of alert rules.

    event funding                                   any funding event
    event * lowlight                                any event with negative polarity
    event enterprise_deal and metric value_usd >= 500000
    kpi arr >= 2000000                              a KPI crossing a threshold

A KPI is read from the events' figures (``arr`` matches the metrics ``arr`` and ``arr_usd``);
it fires once, when the first event shows it at or past the threshold. An event rule fires once
per matching event (its fingerprint).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from signalpipe.errors import ConfigError
from signalpipe.models import EventType, Polarity, SignificantEvent

_OPS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt, "==": operator.eq}
_NAME = r"[a-z][a-z0-9_]*"
_CONDITION = rf"({_NAME})\s*(>=|<=|==|>|<)\s*(-?[0-9][0-9_]*(?:\.[0-9]+)?)"
_EVENT = re.compile(rf"^event\s+(\*|{_NAME})(?:\s+(lowlight|highlight))?"
                    rf"(?:\s+and\s+metric\s+{_CONDITION})?$")
_KPI = re.compile(rf"^kpi\s+{_CONDITION}$")


@dataclass(frozen=True)
class Condition:
    metric: str
    op: str
    value: float

    def holds(self, event: SignificantEvent) -> float | None:
        """The figure that meets the condition, or None."""
        for name in (self.metric, f"{self.metric}_usd"):
            raw = event.metrics.get(name)
            if isinstance(raw, int | float) and _OPS[self.op](float(raw), self.value):
                return float(raw)
        return None


@dataclass(frozen=True)
class Rule:
    """One parsed `when:`; `key` names what it fires once for."""

    name: str
    when: str
    kind: str  # "event" or "kpi"
    event_type: str | None = None  # None: any type
    polarity: Polarity | None = None
    condition: Condition | None = None

    def matches(self, event: SignificantEvent) -> bool:
        if self.event_type is not None and event.event_type.value != self.event_type:
            return False
        if self.polarity is not None and event.polarity is not self.polarity:
            return False
        return self.condition is None or self.condition.holds(event) is not None

    def key(self, event: SignificantEvent) -> str:
        """Event rules fire once per event; a KPI rule once per threshold crossed."""
        if self.kind == "kpi":
            return f"{self.name}|kpi-crossed"
        return f"{self.name}|{event.fingerprint}"


def parse(when: str, *, name: str | None = None) -> Rule:
    """Parse a `when:` string; a ConfigError quotes what could not be read."""
    text = " ".join(when.strip().lower().split())
    label = name or text
    if m := _KPI.match(text):
        return Rule(label, when, "kpi", condition=_condition(m.group(1), m.group(2),
                                                             m.group(3)))
    if m := _EVENT.match(text):
        kind, light = m.group(1), m.group(2)
        if kind != "*" and kind not in {t.value for t in EventType}:
            raise ConfigError(f"alert rule {when!r}: unknown event type {kind!r}")
        polarity = {"lowlight": Polarity.NEGATIVE, "highlight": Polarity.POSITIVE}.get(
            light or "")
        condition = _condition(m.group(3), m.group(4), m.group(5)) if m.group(3) else None
        return Rule(label, when, "event", None if kind == "*" else kind, polarity, condition)
    raise ConfigError(f"alert rule {when!r}: expected 'event TYPE [lowlight] [and metric NAME "
                      "OP NUMBER]' or 'kpi NAME OP NUMBER'")


def _condition(metric: str, op: str, value: str) -> Condition:
    return Condition(metric, op, float(value.replace("_", "")))
