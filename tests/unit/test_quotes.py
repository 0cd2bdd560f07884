"""Evidence shown to readers without the Markdown its author typed (quotes.readable)."""

from __future__ import annotations

import pytest

from signalpipe.quotes import readable


@pytest.mark.parametrize(("raw", "shown"), [
    ("[TinyPilot](https://tinypilotkvm.com/) had another record month",
     "TinyPilot had another record month"),
    ("Result**: Revenue dropped 10% to $84k", "Result: Revenue dropped 10% to $84k"),
    ("**Profit** reached $920k", "Profit reached $920k"),
    ("## Highlights\n\n- TinyPilot's sales jumped to $57k",
     "Highlights TinyPilot's sales jumped to $57k"),
    ("a surprise [review from Jeff Geerling](https://www.youtube.com/watch?v=TIr), a blogger",
     "a surprise review from Jeff Geerling, a blogger"),
    ("see ![the chart](img/mrr.png) for the month", "see the chart for the month"),
    ("we signed <https://globex.com|Globex> today", "we signed Globex today"),
    ("the docs: <https://docs.acme.io/start>", "the docs: https://docs.acme.io/start"),
    ("run `acme deploy` to try it", "run acme deploy to try it"),
    ("Relay](https://github.com/acme/relay) v2 is out", "Relay v2 is out"),
    ("[Tilt](https://en.wikipedia.org/wiki/Tilt_(software)) v0.8 shipped", "Tilt v0.8 shipped"),
    ("> We crossed 10k users", "We crossed 10k users"),
    ("1. Closed the Series A", "Closed the Series A"),
])
def test_markdown_is_dropped_and_words_kept(raw: str, shown: str) -> None:
    assert readable(raw) == shown


@pytest.mark.parametrize("plain", [
    "Revenue grew 5 * 3 = 15 times (approx.)",
    "ARR is $2.4M, up from $1.1M [see last month]",
    "Q3 2025: 1,200 paying teams",
    "snake_case_names and a*b stay",
])
def test_plain_text_is_left_as_written(plain: str) -> None:
    assert readable(plain) == plain


def test_paragraphs_can_be_kept() -> None:
    shown = readable("## Revenue\n\n**$57k**  this month", one_line=False)
    assert shown == "Revenue\n$57k this month"


@pytest.mark.parametrize(("raw", "shown"), [
    ("I grew it to [$1M in annual revenue](/bootstrapped-founder-year-6/#tiny…",
     "I grew it to $1M in annual revenue…"),
    ("…ed-founder-year-1/) My Second Year as a Solo Developer",
     "… My Second Year as a Solo Developer"),
])
def test_a_link_cut_by_the_quote_window_is_dropped(raw: str, shown: str) -> None:
    assert readable(raw) == shown


def test_the_review_app_keeps_the_space_between_a_quote_and_its_context() -> None:
    from signalpipe.serve.pages import ENV
    shown = ENV.filters["readable"]
    before, quote, after = "sales revenue\n\n**", "Result**: Revenue dropped 10%", " Grade: C"
    assert shown(before) + shown(quote) + shown(after) == \
        "sales revenue Result: Revenue dropped 10% Grade: C"
