"""The rules extractor run on a few hand-written messages, for the rules tests: one batch of one
company's messages from one source, read with that company's aliases."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from signalpipe.extract.rules import RulesExtractor
from signalpipe.models import Batch, Message, SignificantEvent, Source

MakeMessage = Callable[..., Message]


def read(make_message: MakeMessage, *texts: str, company: str = "acme",
         aliases: Sequence[str] = ("Acme",), source: Source = Source.SLACK,
         ids: Sequence[str] | None = None, **fields: object) -> list[SignificantEvent]:
    """The events the rules read in `texts`, one message each (`ids` name them, in order;
    `fields` set any other field of every message)."""
    if ids is not None and len(ids) != len(texts):
        raise ValueError("one id for each text")
    messages = tuple(
        make_message(text=text, company_id=company, source=source, **fields)
        if ids is None else
        make_message(id=ids[n], text=text, company_id=company, source=source, **fields)
        for n, text in enumerate(texts))
    batch = Batch(id="b1", company_id=company, source=source, messages=messages)
    return RulesExtractor(aliases={company: list(aliases)}).extract(batch).events
