"""The one place that turns settings into concrete backends (STYLE rules 1-3).

Implementations are named by "module:Class" strings and imported only when chosen, so the embedded
stack never imports confluent-kafka, redis, cassandra or psycopg.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from signalpipe.batching.base import Batcher
from signalpipe.bus.base import Bus
from signalpipe.compose.base import Composer
from signalpipe.errors import ConfigError
from signalpipe.extract.base import Extractor
from signalpipe.llm.base import ChatClient
from signalpipe.settings import Settings
from signalpipe.stores.base import EventStore, MessageStore

BUSES = {
    "memory": "signalpipe.bus.memory:MemoryBus",
    "kafka": "signalpipe.bus.kafka:KafkaBus",
}
MESSAGE_STORES = {
    "sqlite": "signalpipe.stores.sqlite:SQLiteMessageStore",
    "cassandra": "signalpipe.stores.cassandra:CassandraMessageStore",
}
EVENT_STORES = {
    "sqlite": "signalpipe.stores.sqlite:SQLiteEventStore",
    "postgres": "signalpipe.stores.postgres:PostgresEventStore",
}
BATCHERS = {
    "memory": "signalpipe.batching.memory:MemoryBatcher",
    "redis": "signalpipe.batching.redis:RedisBatcher",
}
EXTRACTORS = {
    "rules": "signalpipe.extract.rules:RulesExtractor",
    "gemini": "signalpipe.extract.llm:GeminiExtractor",
    "openai": "signalpipe.extract.llm:OpenAIExtractor",
}
CHAT_CLIENTS = {
    "gemini": "signalpipe.llm.gemini:GeminiClient",
    "openai": "signalpipe.llm.openai_compat:OpenAIClient",
}
COMPOSERS = {
    "template": "signalpipe.compose.template:TemplateComposer",
    "llm": "signalpipe.compose.llm:LLMComposer",
}


def load_class(table: dict[str, str], name: str, role: str) -> Any:
    """Import the implementation registered under `name`; unknown names list the choices."""
    try:
        target = table[name]
    except KeyError:
        raise ConfigError(f"unknown {role} {name!r}; choose one of {', '.join(table)}") from None
    module_name, _, attr = target.partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, attr)


def _build(table: dict[str, str], name: str | None, role: str, settings: Settings) -> Any:
    assert name is not None, f"settings did not resolve {role}"
    return load_class(table, name, role).from_settings(settings)


@dataclass
class Backends:
    """Every backend a pipeline run uses, opened together and closed together."""

    bus: Bus
    messages: MessageStore
    events: EventStore
    batcher: Batcher

    def close(self) -> None:
        for part in (self.batcher, self.bus, self.messages, self.events):
            part.close()


def open_message_store(settings: Settings) -> MessageStore:
    store: MessageStore = _build(MESSAGE_STORES, settings.message_store, "message store", settings)
    return store


def open_event_store(settings: Settings) -> EventStore:
    store: EventStore = _build(EVENT_STORES, settings.event_store, "event store", settings)
    return store


def open_bus(settings: Settings) -> Bus:
    bus: Bus = _build(BUSES, settings.bus.backend, "bus", settings)
    return bus


def open_batcher(settings: Settings) -> Batcher:
    batcher: Batcher = _build(BATCHERS, settings.batcher, "batcher", settings)
    return batcher


def open_backends(settings: Settings) -> Backends:
    """Open the bus, both stores and the batcher that `settings` names."""
    return Backends(bus=open_bus(settings), messages=open_message_store(settings),
                    events=open_event_store(settings), batcher=open_batcher(settings))


def make_extractor(settings: Settings, provider: str | None = None) -> Extractor:
    extractor: Extractor = _build(EXTRACTORS, provider or settings.llm.provider, "extractor",
                                  settings)
    return extractor


def make_composer(settings: Settings, name: str | None = None) -> Composer:
    composer: Composer = _build(COMPOSERS, name or settings.llm.email_composer, "composer",
                                settings)
    return composer


def make_client(settings: Settings, provider: str | None = None) -> ChatClient:
    """The chat client for ``provider`` (default: ``settings.llm.provider``), SDK imported now."""
    name = provider or settings.llm.provider
    if name not in CHAT_CLIENTS:
        raise ConfigError(f"llm.provider {name!r} has no LLM; choose one of "
                          f"{', '.join(CHAT_CLIENTS)}")
    client: ChatClient = _build(CHAT_CLIENTS, name, "chat client", settings)
    return client
