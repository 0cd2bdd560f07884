"""Settings: seed defaults, YAML < env precedence, stack defaults, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from signalpipe.errors import ConfigError
from signalpipe.settings import load_settings


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for key in list(__import__("os").environ):
        if key.startswith("SIGNALPIPE_") or key.endswith("_API_KEY"):
            monkeypatch.delenv(key)


def test_seed_defaults() -> None:
    s = load_settings()
    assert (s.cache_trigger_threshold, s.company_id) == (200, "scaleflow")
    assert s.data_file_path == Path("data/full_data.csv")
    assert (s.redis.message_limit, s.redis.ttl) == (100, 86400)
    assert (s.topics.slack, s.topics.gmail) == ("slack-messages", "gmail-messages")
    assert (s.bus, s.message_store, s.event_store, s.batcher) == (
        "memory", "sqlite", "sqlite", "memory")


def test_services_stack_picks_server_backends_unless_overridden(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIGNALPIPE_STACK", "services")
    monkeypatch.setenv("SIGNALPIPE_EVENT_STORE", "sqlite")
    s = load_settings()
    assert (s.bus, s.message_store, s.event_store, s.batcher) == (
        "kafka", "cassandra", "sqlite", "redis")


def test_yaml_then_env_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "signalpipe.yaml").write_text("company_id: acme\nredis:\n  ttl: 60\n")
    assert load_settings().company_id == "acme"
    monkeypatch.setenv("SIGNALPIPE_REDIS__TTL", "5")
    assert load_settings().redis.ttl == 5


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
