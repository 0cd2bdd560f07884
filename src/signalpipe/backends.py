"""The one place that turns names into implementations (STYLE rules 1-3): the only registry.

Implementations are named by "module:attr" strings and imported only when chosen, so the embedded
stack never imports confluent-kafka, redis, cassandra or psycopg. Every implementation class
inherits its seam's Protocol, so mypy checks it against the seam where it is defined; `Registry`
checks at load time that the class it imported does, and hands it back typed as the seam.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, Self, TypeVar, cast

from signalpipe.batching.base import Batcher
from signalpipe.bus.base import Bus
from signalpipe.compose.base import Composer
from signalpipe.errors import ConfigError, SourceError
from signalpipe.extract.base import Extractor
from signalpipe.llm.base import ChatClient
from signalpipe.settings import Settings
from signalpipe.sources.base import Source
from signalpipe.sources.budget import DEFAULT_BUDGET, ReaderBudget, check_input
from signalpipe.sources.detect import FORMATS, detect_format
from signalpipe.stores.base import EventStore, MessageStore
from signalpipe.sync.base import Sync

if TYPE_CHECKING:
    from signalpipe.sample.truth import GeneratedRow

T = TypeVar("T")


class _FromSettings(Protocol):
    @classmethod
    def from_settings(cls, settings: Settings) -> Self: ...


B = TypeVar("B", bound=_FromSettings)


@dataclass(frozen=True)
class Registry(Generic[T]):
    """The implementations of one seam by name, each as "module:Class", imported when chosen.

    Attributes:
        role: what the seam is called in error messages ("bus", "event store"...).
        seam: the Protocol every registered class inherits.
        targets: name -> "module:Class".
    """

    role: str
    seam: type
    targets: Mapping[str, str]

    def load(self, name: str) -> type[T]:
        """Import the class registered under `name`; unknown names list the choices."""
        try:
            target = self.targets[name]
        except KeyError:
            raise ConfigError(f"unknown {self.role} {name!r}; choose one of "
                              f"{', '.join(self.targets)}") from None
        module_name, _, attr = target.partition(":")
        cls = getattr(importlib.import_module(module_name), attr)
        if self.seam not in getattr(cls, "__mro__", ()):
            raise TypeError(f"{target} does not inherit {self.seam.__name__}")
        return cast("type[T]", cls)


BUSES: Registry[Bus] = Registry("bus", Bus, {
    "memory": "signalpipe.bus.memory:MemoryBus",
    "kafka": "signalpipe.bus.kafka:KafkaBus",
})
MESSAGE_STORES: Registry[MessageStore] = Registry("message store", MessageStore, {
    "sqlite": "signalpipe.stores.sqlite:SQLiteMessageStore",
    "cassandra": "signalpipe.stores.cassandra:CassandraMessageStore",
})
EVENT_STORES: Registry[EventStore] = Registry("event store", EventStore, {
    "sqlite": "signalpipe.stores.sqlite:SQLiteEventStore",
    "postgres": "signalpipe.stores.postgres:PostgresEventStore",
})
BATCHERS: Registry[Batcher] = Registry("batcher", Batcher, {
    "memory": "signalpipe.batching.memory:MemoryBatcher",
    "redis": "signalpipe.batching.redis:RedisBatcher",
})
EXTRACTORS: Registry[Extractor] = Registry("extractor", Extractor, {
    "rules": "signalpipe.extract.rules:RulesExtractor",
    "gemini": "signalpipe.extract.llm:GeminiExtractor",
    "openai": "signalpipe.extract.llm:OpenAIExtractor",
})
CHAT_CLIENTS: Registry[ChatClient] = Registry("chat client", ChatClient, {
    "gemini": "signalpipe.llm.gemini:GeminiClient",
    "openai": "signalpipe.llm.openai_compat:OpenAIClient",
})
COMPOSERS: Registry[Composer] = Registry("composer", Composer, {
    "template": "signalpipe.compose.template:TemplateComposer",
    "llm": "signalpipe.compose.llm:LLMComposer",
})
SOURCES: Registry[Source] = Registry("input format", Source, {
    "csv": "signalpipe.sources.csv:CSVSource",
    "slack-export": "signalpipe.sources.slack_export:SlackExportSource",
    "slack-json": "signalpipe.sources.slack_json:SlackJSONSource",
    "mbox": "signalpipe.sources.mailbox:MboxSource",
    "eml": "signalpipe.sources.mailbox:EmlSource",
    "maildir": "signalpipe.sources.mailbox:MaildirSource",
    "gmail-json": "signalpipe.sources.gmail_json:GmailJSONSource",
})
SYNCS: Registry[Sync] = Registry("live source", Sync, {
    "slack": "signalpipe.sync.slack_api:SlackSync",
    "gmail": "signalpipe.sync.gmail_api:GmailSync",
})
WRITERS: Mapping[str, str] = {
    "slack-export": "signalpipe.sample.writers:write_generated_slack_export",
    "mbox": "signalpipe.sample.writers:write_generated_mbox",
}
"""The sample generator's output formats besides CSV: name -> "module:function"."""


def _build(registry: Registry[B], name: str | None, settings: Settings) -> B:
    assert name is not None, f"settings did not resolve {registry.role}"
    return registry.load(name).from_settings(settings)


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
    return _build(MESSAGE_STORES, settings.message_store, settings)


def open_event_store(settings: Settings) -> EventStore:
    return _build(EVENT_STORES, settings.event_store, settings)


def open_bus(settings: Settings) -> Bus:
    return _build(BUSES, settings.bus.backend, settings)


def open_batcher(settings: Settings) -> Batcher:
    return _build(BATCHERS, settings.batcher, settings)


def open_backends(settings: Settings) -> Backends:
    """Open the bus, both stores and the batcher that `settings` names."""
    return Backends(bus=open_bus(settings), messages=open_message_store(settings),
                    events=open_event_store(settings), batcher=open_batcher(settings))


def make_extractor(settings: Settings, provider: str | None = None) -> Extractor:
    return _build(EXTRACTORS, provider or settings.llm.provider, settings)


def make_sync(settings: Settings, name: str) -> Sync:
    """The live source `name` (its API client imported now)."""
    return _build(SYNCS, name, settings)


def make_composer(settings: Settings, name: str | None = None) -> Composer:
    return _build(COMPOSERS, name or settings.llm.email_composer, settings)


def make_client(settings: Settings, provider: str | None = None) -> ChatClient:
    """The chat client for ``provider`` (default: ``settings.llm.provider``), SDK imported now."""
    name = provider or settings.llm.provider
    if name not in CHAT_CLIENTS.targets:
        raise ConfigError(f"llm.provider {name!r} has no LLM; choose one of "
                          f"{', '.join(CHAT_CLIENTS.targets)}")
    return _build(CHAT_CLIENTS, name, settings)


def open_source(path: Path, *, fmt: str | None, company_id: str, max_cell_bytes: int,
                budget: ReaderBudget | None = None) -> Source:
    """Open `path` as the named format, or as the detected one when `fmt` is None.

    Args:
        path: an input file or folder.
        fmt: one of `sources.detect.FORMATS`, or None to detect.
        company_id: stamped on every message.
        max_cell_bytes: the largest CSV cell / message text accepted; larger is dead-lettered.
        budget: the other reader limits (depth, sizes, zip ratio); defaults when None.

    Raises:
        ConfigError: `fmt` is not one of the formats.
        SourceError: the path is missing, is not a regular file or folder (a FIFO, a device), or
            its format cannot be told.
    """
    if fmt is not None and fmt not in SOURCES.targets:
        raise ConfigError(f"unknown input format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not path.exists():
        raise SourceError(f"input not found: {path}")
    check_input(path)
    chosen = fmt or detect_format(path)
    if chosen == "maildir" and not path.is_dir():
        raise SourceError(f"{path}: a Maildir is a folder")
    if chosen not in ("slack-export", "maildir") and path.is_dir():
        raise SourceError(f"{path} is a folder; --format {chosen} reads a file")
    cls: Any = SOURCES.load(chosen)  # the readers' constructors differ in their size keyword
    limit = "max_cell_bytes" if chosen == "csv" else "max_text_bytes"
    chosen_budget = dataclasses.replace(budget or DEFAULT_BUDGET, max_cell_bytes=max_cell_bytes)
    # Origins (and so dead-letter keys) name the file by its absolute path: `export.csv:3` read
    # from jan/ and from feb/ are two lines, not one. absolute(), not resolve(): a symlink is
    # refused above, and the path the user gave stays recognisable.
    source: Source = cls(path.absolute(), company_id=company_id, budget=chosen_budget,
                         **{limit: max_cell_bytes})
    return source


def load_writer(fmt: str) -> Callable[[Iterable[GeneratedRow], Path], None]:
    """The sample generator's writer for `fmt` (one of `WRITERS`)."""
    target = WRITERS.get(fmt)
    if target is None:
        raise ConfigError(f"unknown format {fmt!r}; choose csv, {', '.join(WRITERS)}")
    module_name, _, attr = target.partition(":")
    try:
        writer: Callable[[Iterable[GeneratedRow], Path], None] = getattr(
            importlib.import_module(module_name), attr)
    except (ImportError, AttributeError):
        raise ConfigError(f"format {fmt!r} needs {target}, which is not available") from None
    return writer
