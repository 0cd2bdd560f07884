"""Settings: seed defaults, YAML < env precedence, stack defaults, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from signalpipe.batching.memory import MemoryBatcher
from signalpipe.errors import ConfigError
from signalpipe.settings import BatchingSettings, load_settings


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for key in list(__import__("os").environ):
        if key.startswith("SIGNALPIPE_") or key.endswith("_API_KEY"):
            monkeypatch.delenv(key)


def test_seed_defaults() -> None:
    s = load_settings()
    assert (s.batching.trigger_count, s.company_id) == (200, "scaleflow")
    assert s.data_file_path == Path("data/full_data.csv")
    assert (s.batching.batch_size, s.batching.ttl_s) == (100, 86400)
    assert (s.batching.max_age_s, s.batching.lease_s) == (30.0, 300.0)
    assert (s.bus.topics.slack, s.bus.topics.gmail) == ("slack-messages", "gmail-messages")
    assert (s.bus.backend, s.message_store, s.event_store, s.batcher) == (
        "memory", "sqlite", "sqlite", "memory")


def test_services_stack_picks_server_backends_unless_overridden(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGNALPIPE_STACK", "services")
    monkeypatch.setenv("SIGNALPIPE_EVENT_STORE", "sqlite")
    s = load_settings()
    assert (s.bus.backend, s.message_store, s.event_store, s.batcher) == (
        "kafka", "cassandra", "sqlite", "redis")


def test_yaml_then_env_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "signalpipe.yaml").write_text("company_id: acme\nbatching:\n  ttl_s: 60\n")
    assert (load_settings().company_id, load_settings().batching.ttl_s) == ("acme", 60)
    monkeypatch.setenv("SIGNALPIPE_BATCHING__TTL_S", "5")
    assert load_settings().batching.ttl_s == 5


def test_worker_tuning_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    s = load_settings()
    assert (s.extract_overlap, s.cassandra.retry_for_s) == (False, 120.0)  # embedded
    monkeypatch.setenv("SIGNALPIPE_EXTRACT_OVERLAP", "true")
    monkeypatch.setenv("SIGNALPIPE_CASSANDRA__RETRY_FOR_S", "45")
    monkeypatch.setenv("SIGNALPIPE_POSTGRES__RETRY_FOR_S", "30")
    s = load_settings()
    assert (s.extract_overlap, s.cassandra.retry_for_s) == (True, 45.0)
    assert s.postgres.retry_for_s == 30.0
    monkeypatch.setenv("SIGNALPIPE_CASSANDRA__RETRY_FOR_S", "0")
    with pytest.raises(ConfigError, match="retry_for_s"):
        load_settings()


def test_unknown_yaml_key_names_the_key(tmp_path: Path) -> None:
    (tmp_path / "signalpipe.yaml").write_text("cache_trigger_treshold: 10\n")
    with pytest.raises(ConfigError, match="cache_trigger_treshold"):
        load_settings()


def test_original_names_are_aliases_from_yaml(tmp_path: Path) -> None:
    (tmp_path / "signalpipe.yaml").write_text(
        "cache_trigger_threshold: 7\nmax_batch_age_s: 4.5\n"
        "redis: {message_limit: 3, ttl: 60, lock_ttl_s: 9}\n"
        "topics: {slack: s1, gmail: g1}\nkafka: {group_id: grp}\nbus: kafka\n")
    s = load_settings()
    assert s.batching == BatchingSettings(trigger_count=7, batch_size=3, max_age_s=4.5,
                                          lease_s=9.0, ttl_s=60)
    assert (s.bus.backend, s.bus.group_id) == ("kafka", "grp")
    assert (s.bus.topics.slack, s.bus.topics.gmail) == ("s1", "g1")


def test_original_names_are_aliases_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGNALPIPE_CACHE_TRIGGER_THRESHOLD", "11")
    monkeypatch.setenv("SIGNALPIPE_REDIS__MESSAGE_LIMIT", "5")
    monkeypatch.setenv("SIGNALPIPE_REDIS__TTL", "5")
    monkeypatch.setenv("SIGNALPIPE_TOPICS__SLACK", "chat")
    monkeypatch.setenv("SIGNALPIPE_BUS", "kafka")
    s = load_settings()
    assert (s.batching.trigger_count, s.batching.batch_size, s.batching.ttl_s) == (11, 5, 5)
    assert (s.bus.backend, s.bus.topics.slack, s.bus.topics.gmail) == (
        "kafka", "chat", "gmail-messages")


def test_the_batchers_read_the_batching_section() -> None:
    s = load_settings(cache_trigger_threshold=9, redis={"message_limit": 4}, max_batch_age_s=2.0)
    batcher = MemoryBatcher.from_settings(s)
    assert (batcher.trigger_count, batcher.batch_size, batcher.max_age_s) == (9, 4, 2.0)


def test_an_alias_and_its_new_name_together_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "signalpipe.yaml").write_text(
        "cache_trigger_threshold: 7\nbatching: {trigger_count: 8}\n")
    with pytest.raises(ConfigError, match=r"cache_trigger_threshold.*batching\.trigger_count"):
        load_settings()


def test_bad_value_names_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGNALPIPE_CACHE_TRIGGER_THRESHOLD", "-3")
    with pytest.raises(ConfigError, match="cache_trigger_threshold"):
        load_settings()


def test_api_key_from_dotenv_is_secret(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("SIGNALPIPE_LLM__PROVIDER=gemini\nGEMINI_API_KEY=sk-test-123\n")
    s = load_settings()
    key = s.api_key()
    assert s.llm.provider == "gemini" and key is not None
    assert key.get_secret_value() == "sk-test-123"
    assert "sk-test-123" not in repr(s) and "sk-test-123" not in str(key)
