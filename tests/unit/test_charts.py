"""The KPI step chart reads true without hovering: a zero-based axis for figures that cannot go
below zero, one reading per day, the first reading and the end dates written on it."""

from __future__ import annotations

import re
from datetime import date

from signalpipe.charts import step_chart
from signalpipe.kpis import KpiObservation, ledger


def _obs(value: float, day: int) -> KpiObservation:
    return KpiObservation(company_id="acme", metric="arr", value=value, unit="USD",
                          observed_on=date(2026, 1, day), source_message_ids=[f"m{day}{value}"])


def _dots(svg: str) -> list[tuple[float, float]]:
    found = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg)
    return [(float(a), float(b)) for a, b in found]


def test_a_doubling_reads_as_a_doubling_not_a_rise_from_nothing() -> None:
    (line,) = ledger([_obs(1_500_000, 5), _obs(3_200_000, 28)])
    svg = step_chart(line)
    axis = float(re.search(r'<line x1="8" y1="([\d.]+)"', svg).group(1))  # type: ignore[union-attr]
    (_, y_first), (_, y_last) = _dots(svg)
    # Zero sits at the axis: 1.5M stands about half as high above it as 3.2M does.
    ratio = (axis - y_first) / (axis - y_last)
    assert 0.4 < ratio < 0.6, ratio
    assert ">$1.5M</text>" in svg and "ARR: $3.2M" in svg
    assert "5 Jan 2026" in svg and "28 Jan 2026" in svg


def test_several_readings_on_one_day_draw_one_dot() -> None:
    (line,) = ledger([_obs(1_500_000, 5), _obs(2_900_000, 28), _obs(3_000_000, 28)])
    svg = step_chart(line)
    assert len(_dots(svg)) == 2
    assert "ARR: $3M" in svg  # the later statement of the day, as the KPI table reports


def test_one_reading_has_no_start_label() -> None:
    (line,) = ledger([_obs(1_500_000, 5)])
    svg = step_chart(line)
    assert len(_dots(svg)) == 1 and "</text>" in svg and svg.count("$1.5M") == 2  # title, aria


def test_a_first_reading_at_the_top_is_written_below_its_dot_clear_of_the_title() -> None:
    (line,) = ledger([_obs(22_856, 5), _obs(16_486, 28)])
    svg = step_chart(line)
    (_, y_first), _ = _dots(svg)
    note = re.search(r'<text x="[\d.]+" y="([\d.]+)"[^>]*>\$22.86K</text>', svg)
    assert note is not None
    assert float(note.group(1)) > y_first  # below the dot
    assert float(note.group(1)) - 10 > 14  # a 10 px label whose top clears the title's baseline
