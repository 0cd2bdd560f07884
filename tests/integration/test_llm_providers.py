"""Both LLM providers, through their real SDKs, against a local fake of their HTTP APIs.

Nothing of ours is patched: the fake server scripts what the "model" says and does (bad JSON,
429s, timeouts, obeying injected instructions) and the tests assert on the Extraction returned.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/ is not a package

from signalpipe.compose.llm import LLMComposer
from signalpipe.errors import ConfigError, ExtractionError
from signalpipe.extract.llm import GeminiExtractor, LLMExtractor, OpenAIExtractor
from signalpipe.llm.retry import RetryPolicy
from signalpipe.models import (
    Batch,
    EventType,
    Message,
    Polarity,
    Severity,
    SignificantEvent,
    Source,
)
from signalpipe.settings import Settings
from tests.fakes.llm_server import (
    FakeLLMServer,
    Reply,
    Request,
    answer,
    error,
    hang,
)

PROVIDERS = {"gemini": GeminiExtractor, "openai": OpenAIExtractor}
FAST = RetryPolicy(max_retries=3, base_delay_s=0.001, max_delay_s=0.01)
TWO_RETRIES = RetryPolicy(max_retries=2, base_delay_s=0.001, max_delay_s=0.01)
CORPUS = Path(__file__).parents[1] / "fixtures" / "injection" / "cases.jsonl"

FUNDING = "We closed our $12M Series A led by Foo Capital!"


def msg(mid: str, text: str, subject: str | None = None) -> Message:
    return Message(id=mid, company_id="acme", source=Source.SLACK, sender="ceo", text=text,
                   subject=subject, timestamp=datetime(2024, 5, 1, tzinfo=UTC))


def batch(*messages: Message) -> Batch:
    return Batch(id="b1", company_id="acme", source=Source.SLACK, messages=messages)


def funding_batch() -> Batch:
    return batch(msg("m1", FUNDING), msg("m2", "lunch at noon?"))


def llm_event(ids: list[str], *, evidence: str = "closed our $12M Series A",
              metrics: dict[str, Any] | None = None, title: str = "$12M Series A",
              event_type: str = "funding") -> dict[str, Any]:
    return {"event_type": event_type, "severity": "high", "title": title,
            "description": "Series A closed.", "impact": "", "timeline": None,
            "stakeholders": ["Foo Capital"], "confidence": 0.9, "source_message_ids": ids,
            "evidence": evidence,
            "metrics": [{"name": k, "value": v}
                        for k, v in (metrics or {"amount_usd": 12_000_000}).items()]}


GOOD = {"events": [llm_event(["m1"])]}

Make = Callable[..., LLMExtractor]


@pytest.fixture
def server() -> Iterator[FakeLLMServer]:
    with FakeLLMServer() as fake:
        yield fake


@pytest.fixture(params=list(PROVIDERS))
def provider(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def settings_for(provider: str, server: FakeLLMServer, **llm: Any) -> Settings:
    url = server.gemini_url if provider == "gemini" else server.openai_url
    return Settings(llm={"provider": provider, "api_key": "test-key", "base_url": url,
                         "timeout_s": 0.25, "triage": False, **llm})


@pytest.fixture
def make(provider: str, server: FakeLLMServer) -> Iterator[Make]:
    made: list[LLMExtractor] = []

    def build(*, retry: RetryPolicy = FAST, **llm: Any) -> LLMExtractor:
        extractor = PROVIDERS[provider].from_settings(settings_for(provider, server, **llm),
                                                      retry=retry)
        made.append(extractor)
        return extractor

    yield build
    for extractor in made:
        extractor.close()


# -- happy path ---------------------------------------------------------------------------------

def test_a_good_reply_becomes_grounded_events_with_usage(make: Make, server: FakeLLMServer,
                                                         provider: str) -> None:
    server.script(answer(GOOD))
    result = make(price_per_million_input=1.0, price_per_million_output=10.0).extract(
        funding_batch())
    [event] = result.events
    assert (event.company_id, event.extractor, event.event_type) == ("acme", provider,
                                                                     EventType.FUNDING)
    assert event.metrics == {"amount_usd": 12_000_000} and event.fingerprint
    assert result.rejected == []
    usage = result.usage
    assert (usage.provider, usage.messages, usage.sent_messages, usage.retries) == (
        provider, 2, 2, 0)
    assert usage.input_tokens > 500 and usage.output_tokens > 10  # the fake bills chars / 4
    assert usage.cost_usd == pytest.approx(
        (usage.input_tokens * 1.0 + usage.output_tokens * 10.0) / 1e6)
    assert (usage.events_proposed, usage.events_rejected) == (1, 0)
    assert usage.latency_ms > 0


def test_the_request_carries_schema_system_prompt_and_delimited_data(
        make: Make, server: FakeLLMServer, provider: str) -> None:
    make().extract(funding_batch())
    [request] = server.requests
    roles = [role for role, _ in request.turns]
    assert roles == ["system", "user"]
    assert [m["id"] for m in request.messages()] == ["m1", "m2"]
    if provider == "gemini":
        assert request.path == "/v1beta/models/gemini-2.5-flash:generateContent"
        config = request.body["generationConfig"]
        assert config["responseMimeType"] == "application/json"
        schema = json.dumps(config["responseSchema"])
    else:
        response_format = request.body["response_format"]
        schema = json.dumps(response_format["json_schema"])
        assert response_format["type"] == "json_schema"
        assert response_format["json_schema"]["strict"] is True
        assert request.body["model"] == "gpt-4.1-mini"
    for field in ("source_message_ids", "polarity", "negative", "evidence_spans", "start"):
        assert field in schema
    assert '"polarity": "negative"' in request.turns[0][1]  # the prompt defines lowlights
    assert request.body.get("temperature", request.body.get("generationConfig", {}).get(
        "temperature")) == 0.0


# -- polarity and evidence spans ----------------------------------------------------------------

LOST = "Bad news: Globex is not renewing, $300K ARR gone in June."
LOST_QUOTE = "Globex is not renewing"


def lowlight(start: int, end: int, mid: str = "m1") -> dict[str, Any]:
    return {**llm_event(["m1"], evidence=LOST_QUOTE, title="Globex churned",
                        metrics={"arr_lost_usd": 300_000}, event_type="customer_success"),
            "polarity": "negative",
            "evidence_spans": [{"message_id": mid, "start": start, "end": end}]}


def test_a_lowlight_keeps_its_polarity_and_an_inexact_span_is_fixed(
        make: Make, server: FakeLLMServer) -> None:
    start = LOST.index(LOST_QUOTE)
    server.script(answer({"events": [lowlight(start + 3, start + 3 + len(LOST_QUOTE))]}))
    (event,) = make().extract(batch(msg("m1", LOST), msg("m2", "lunch?"))).events
    assert event.polarity is Polarity.NEGATIVE
    assert [(s.message_id, s.start, s.end) for s in event.evidence_spans] == [
        ("m1", start, start + len(LOST_QUOTE))]


@pytest.mark.parametrize(("span", "reason"), [
    ((0, 9, "m1"), "evidence_span_mismatch"),  # "Bad news:", not the quote, and 10 chars off
    ((500, 522, "m1"), "evidence_span_mismatch"),  # past the end of the message
    ((0, 5, "m2"), "evidence_span_outside_sources"),  # a message the event does not cite
])
def test_spans_that_do_not_point_at_the_quote_are_rejected(
        make: Make, server: FakeLLMServer, span: tuple[int, int, str], reason: str) -> None:
    far = "x" * 60 + " " + LOST  # the quote stands 60+ characters after where span 1 points
    server.script(answer({"events": [lowlight(*span)]}))
    result = make().extract(batch(msg("m1", far), msg("m2", "lunch?")))
    assert result.events == []
    assert [r for _, r in result.rejected] == [reason]


def test_a_quoted_or_translated_claim_is_vetoed_by_grounding(make: Make,
                                                            server: FakeLLMServer) -> None:
    text = "Translated from their French post: we closed our $12M Series A led by Foo."
    quote = "Translated from their French post: we closed our $12M Series A"
    server.script(answer({"events": [llm_event(["m1"], evidence=quote)]}))
    result = make().extract(batch(msg("m1", text)))
    assert result.events == []
    assert [r for _, r in result.rejected] == ["reported_not_happened"]


# -- invalid replies are repaired in the conversation ----------------------------------------

def test_malformed_json_is_retried_with_the_error_fed_back(make: Make,
                                                           server: FakeLLMServer) -> None:
    server.script(answer('{"events": [ {"event_type": "funding",'), answer(GOOD))
    extractor = make()
    result = extractor.extract(funding_batch())
    assert len(result.events) == 1
    assert extractor.retry_counts == {"invalid_json": 1}
    assert result.usage.retries == 1
    retry = server.requests[1]
    assert [role for role, _ in retry.turns] == ["system", "user", "assistant", "user"]
    assert "not valid JSON" in retry.turns[-1][1]


def test_schema_violations_are_retried_naming_the_field(make: Make,
                                                        server: FakeLLMServer) -> None:
    bad = {"events": [{**llm_event(["m1"]), "event_type": "acquisition"}]}
    server.script(answer(bad), answer(GOOD))
    extractor = make()
    assert len(extractor.extract(funding_batch()).events) == 1
    assert extractor.retry_counts == {"schema": 1}
    assert "events.0.event_type" in server.requests[1].turns[-1][1]


def test_a_reply_that_never_validates_raises_extraction_error(make: Make,
                                                              server: FakeLLMServer) -> None:
    server.responder = lambda _request: answer("I found a funding round!")
    extractor = make(retry=TWO_RETRIES)
    with pytest.raises(ExtractionError, match="invalid_json after 3 attempt"):
        extractor.extract(funding_batch())
    assert len(server.requests) == 3
    assert extractor.retry_counts == {"invalid_json": 2}


# -- grounding ------------------------------------------------------------------------------

@pytest.mark.parametrize(("event", "reason"), [
    (llm_event(["m1", "m404"]), "unknown_source_ids"),
    (llm_event(["m1"], metrics={"amount_usd": 15_000_000}), "ungrounded_metric"),
    (llm_event(["m1"], evidence="we closed a $15M Series B"), "evidence_not_in_sources"),
    (llm_event(["m2"]), "evidence_not_in_sources"),
    (llm_event(["m1"], title="$20M Series A"), "ungrounded_title_figure"),
])
def test_hallucinations_are_rejected_with_a_reason(make: Make, server: FakeLLMServer,
                                                   event: dict[str, Any], reason: str) -> None:
    server.script(answer({"events": [event, llm_event(["m1"])]}))
    result = make().extract(funding_batch())
    assert [e.title for e in result.events] == ["$12M Series A"]
    assert result.rejected == [(event["title"], reason)]
    assert (result.usage.events_proposed, result.usage.events_rejected) == (2, 1)


def test_keep_ungrounded_keeps_flagged_events(make: Make, server: FakeLLMServer) -> None:
    server.script(answer({"events": [llm_event(["m1"], metrics={"amount_usd": 15_000_000})]}))
    result = make(keep_ungrounded=True).extract(funding_batch())
    [event] = result.events
    assert event.flagged == "ungrounded_metric: amount_usd=15000000"
    assert result.rejected == []


# -- transient failures back off and retry ----------------------------------------------------

@pytest.mark.parametrize(("failure", "kind"), [
    (error(429), "rate_limit"), (error(500), "server_error"), (error(503), "server_error"),
    (hang(1.0), "timeout"),
], ids=["429", "500", "503", "timeout"])
def test_transient_failures_are_retried_and_counted(make: Make, server: FakeLLMServer,
                                                    failure: Reply, kind: str) -> None:
    server.script(failure, answer(GOOD))
    extractor = make()
    result = extractor.extract(funding_batch())
    assert len(result.events) == 1
    assert extractor.retry_counts == {kind: 1}
    assert result.usage.retries == 1
    assert len(server.requests) == 2  # the SDK did not retry on its own


def test_retry_after_is_honoured(make: Make, server: FakeLLMServer) -> None:
    server.script(error(429, retry_after_s=0.3), answer(GOOD))
    started = time.monotonic()
    make(retry=RetryPolicy(max_retries=1, base_delay_s=0.001, max_delay_s=1.0)).extract(
        funding_batch())
    assert time.monotonic() - started >= 0.3


def test_a_batch_that_keeps_failing_raises_for_parking(make: Make, server: FakeLLMServer) -> None:
    server.responder = lambda _request: error(503)
    extractor = make(retry=TWO_RETRIES)
    with pytest.raises(ExtractionError, match="server_error after 3 attempt"):
        extractor.extract(funding_batch())
    assert extractor.retry_counts == {"server_error": 2}
    assert len(server.requests) == 3


def test_client_errors_are_not_retried(make: Make, server: FakeLLMServer) -> None:
    server.script(error(401))
    extractor = make()
    with pytest.raises(ExtractionError, match="client_error after 1 attempt"):
        extractor.extract(funding_batch())
    assert extractor.retry_counts == {}
    assert len(server.requests) == 1


def test_concurrency_is_capped_across_threads(make: Make, server: FakeLLMServer) -> None:
    server.responder = lambda _request: Reply(text=json.dumps(GOOD), delay_s=0.1)
    extractor = make(max_concurrency=2, timeout_s=5.0)
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lambda _: extractor.extract(funding_batch()), range(6)))
    assert all(len(r.events) == 1 for r in results)
    assert server.max_in_flight == 2


# -- triage --------------------------------------------------------------------------------------

def test_triage_sends_candidates_and_their_replies_only(make: Make,
                                                        server: FakeLLMServer) -> None:
    chatter = [msg(f"c{i}", text) for i, text in enumerate(
        ["morning", "coffee?", "standup in 5", "ok", "wire is in, $12M", "thanks", "lol", "bye"])]
    messages = [*chatter[:4], msg("m1", FUNDING), *chatter[4:]]
    server.script(answer(GOOD))
    result = make(triage=True).extract(batch(*messages))
    # "ok" next to the round says nothing; the reply with the figure completes it
    assert [m["id"] for m in server.requests[0].messages()] == ["m1", "c4"]
    assert (result.usage.messages, result.usage.sent_messages) == (9, 2)
    assert len(result.events) == 1


def test_triage_with_no_candidates_makes_no_call(make: Make, server: FakeLLMServer) -> None:
    result = make(triage=True).extract(batch(msg("c1", "morning"), msg("c2", "coffee?")))
    assert server.requests == []
    assert result.events == []
    usage = result.usage
    assert (usage.sent_messages, usage.input_tokens, usage.cost_usd) == (0, 0, 0.0)


# -- prompt injection ---------------------------------------------------------------------------

LEGIT = "We signed Initech: a 3-year contract worth $250K ARR."


def corpus() -> list[dict[str, Any]]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]


def obeying_model(case: dict[str, Any]) -> Callable[[Request], Reply]:
    """A model that falls for the injection, and also reports the genuine deal correctly."""
    cite = {"self": ["inj"], "benign": ["ok"], "self+benign": ["inj", "ok"]}[case["cite"]]

    def respond(request: Request) -> Reply:
        sent = {m["id"] for m in request.messages()}
        assert "inj" in sent
        legit = llm_event(["deal"], evidence=LEGIT, title="Initech 3-year contract",
                          metrics={"arr_usd": 250_000}, event_type="enterprise_deal")
        return answer({"events": [{**case["obeyed"], "source_message_ids": cite}, legit]})

    return respond


@pytest.mark.parametrize("case", corpus(), ids=lambda c: c["id"])
def test_injected_instructions_never_become_events(make: Make, server: FakeLLMServer,
                                                   case: dict[str, Any]) -> None:
    server.responder = obeying_model(case)
    injected = msg("inj", case["text"], subject=case.get("subject"))
    # Triage off: the model must read the injection (learned triage may drop one as routine,
    # which saves tokens but would leave the defence untested).
    result = make(triage=False).extract(
        batch(msg("deal", LEGIT), msg("ok", "Standup moved to 10am tomorrow."), injected))
    assert [e.title for e in result.events] == ["Initech 3-year contract"]
    assert all("inj" not in e.source_message_ids for e in result.events)
    assert [title for title, _ in result.rejected] == [case["obeyed"]["title"]]


# -- configuration ------------------------------------------------------------------------------

@pytest.fixture
def no_env_keys(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("GOOGLE_API_KEY", "GEMINI_API_KEY", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env or signalpipe.yaml with a key


@pytest.mark.usefixtures("no_env_keys")
@pytest.mark.parametrize(("provider_name", "variable"), [("gemini", "GOOGLE_API_KEY"),
                                                         ("openai", "OPENAI_API_KEY")])
def test_a_missing_key_is_a_one_line_config_error(provider_name: str, variable: str) -> None:
    settings = Settings(llm={"provider": provider_name})
    with pytest.raises(ConfigError, match=variable) as info:
        PROVIDERS[provider_name].from_settings(settings)
    assert "\n" not in str(info.value)


@pytest.mark.usefixtures("no_env_keys")
def test_a_keyless_local_openai_server_is_allowed(server: FakeLLMServer) -> None:
    settings = Settings(llm={"provider": "openai", "base_url": server.openai_url,
                             "model": "llama3.1"})
    extractor = OpenAIExtractor.from_settings(settings, retry=FAST)
    try:
        server.script(answer(GOOD))
        settings_free = extractor.extract(funding_batch())
    finally:
        extractor.close()
    assert len(settings_free.events) == 1
    assert server.requests[0].body["model"] == "llama3.1"


def test_openai_falls_back_to_json_mode_once_and_remembers(server: FakeLLMServer) -> None:
    def no_json_schema(request: Request) -> Reply:
        if request.body["response_format"]["type"] == "json_schema":
            return error(400)
        return answer(GOOD)

    server.responder = no_json_schema
    extractor = OpenAIExtractor.from_settings(settings_for("openai", server), retry=FAST)
    try:
        first = extractor.extract(funding_batch())
        second = extractor.extract(funding_batch())
    finally:
        extractor.close()
    assert len(first.events) == len(second.events) == 1
    formats = [r.body["response_format"]["type"] for r in server.requests]
    assert formats == ["json_schema", "json_object", "json_object"]
    assert extractor.retry_counts == {"schema_unsupported": 1}


def test_a_400_that_is_not_about_the_schema_restores_json_schema(server: FakeLLMServer) -> None:
    server.responder = lambda _request: error(400)
    extractor = OpenAIExtractor.from_settings(settings_for("openai", server), retry=FAST)
    try:
        with pytest.raises(ExtractionError, match="client_error"):
            extractor.extract(funding_batch())
        server.responder = lambda _request: answer(GOOD)
        extractor.extract(funding_batch())
    finally:
        extractor.close()
    formats = [r.body["response_format"]["type"] for r in server.requests]
    assert formats == ["json_schema", "json_object", "json_schema"]


# -- the LLM composer ---------------------------------------------------------------------------

def stored_events() -> list[SignificantEvent]:
    return [SignificantEvent(company_id="acme", event_type=EventType.FUNDING,
                             severity=Severity.HIGH, title="$12M Series A led by Foo Capital",
                             metrics={"amount_usd": 12_000_000}, source_message_ids=["m1"],
                             evidence="We closed our $12M Series A"),
            SignificantEvent(company_id="acme", event_type=EventType.USER_GROWTH,
                             severity=Severity.MEDIUM, title="50,000 weekly active users",
                             metrics={"weekly_active_users": 50_000, "growth_pct": 40},
                             source_message_ids=["m2"], evidence="50,000 WAU, up 40%")]


def draft(body: str) -> dict[str, Any]:
    return {"subject": "Acme update: $12M Series A", "body": body,
            "highlights": ["Closed a $12M Series A", "50,000 weekly active users (+40%)"],
            "metrics_summary": [{"name": "Funding", "value": "$12M"}]}


@pytest.fixture
def composer(provider: str, server: FakeLLMServer) -> Iterator[LLMComposer]:
    built = LLMComposer.from_settings(settings_for(provider, server), retry=FAST)
    yield built
    built.close()


def test_the_llm_email_is_used_when_every_figure_is_grounded(
        composer: LLMComposer, server: FakeLLMServer) -> None:
    server.script(answer(draft("Hi all,\n\nWe closed a $12M Series A and reached 50,000 weekly "
                               "active users, up 40%. 3 things stood out in 2024.\n")))
    email = composer.compose(stored_events(), company_id="acme")
    assert email.composer == "llm"
    assert email.metrics_summary == {"Funding": "$12M"}
    events_block = server.requests[0].turns[-1][1]
    assert "<events>" in events_block and "50,000 weekly active users" in events_block


def test_an_ungrounded_figure_falls_back_to_the_template(composer: LLMComposer,
                                                         server: FakeLLMServer) -> None:
    server.script(answer(draft("We closed a $12M Series A at a $500M valuation.")))
    email = composer.compose(stored_events(), company_id="acme")
    assert email.composer == "template"
    assert email.notes[-1].startswith("llm composer failed grounding: figures 500,000,000")
    assert email.notes[-1].endswith("used template")


def test_an_llm_failure_falls_back_to_the_template(composer: LLMComposer,
                                                   server: FakeLLMServer) -> None:
    server.responder = lambda _request: error(500)
    email = composer.compose(stored_events(), company_id="acme")
    assert email.composer == "template"
    assert email.notes[-1].startswith("llm composer failed: ")
    assert "server_error" in email.notes[-1]


def test_no_events_means_no_llm_call(composer: LLMComposer, server: FakeLLMServer) -> None:
    email = composer.compose([], company_id="acme")
    assert server.requests == [] and email.composer == "template"


def test_the_llm_composer_needs_an_llm_provider() -> None:
    with pytest.raises(ConfigError, match=r"llm\.provider"):
        LLMComposer.from_settings(Settings(llm={"provider": "rules"}))
