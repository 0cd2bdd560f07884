"""Plan words that are only plans in their phrase: "pipeline" is a plan in "in the pipeline" or
"sales pipeline", and a thing built in "image pipeline" or "data pipeline"."""

from __future__ import annotations

import pytest

from signalpipe.extract.rules.modality import PLAN


@pytest.mark.parametrize("text", [
    "we have 3 enterprise deals in the pipeline", "our sales pipeline doubled to $2m",
    "two more logos in our pipeline", "the deal pipeline looks strong"])
def test_a_pipeline_of_deals_is_a_plan(text: str) -> None:
    assert PLAN.search(text)


@pytest.mark.parametrize("text", [
    "globex migrated their image pipeline onto acme", "we rebuilt the ingestion pipeline",
    "our ci pipeline runs in 4 minutes now"])
def test_a_pipeline_built_is_no_plan(text: str) -> None:
    assert not PLAN.search(text)
