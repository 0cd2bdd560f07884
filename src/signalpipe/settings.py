"""The one typed settings object: defaults < signalpipe.yaml < .env < SIGNALPIPE_* environment.

This is the only module that reads environment variables (STYLE rule 4). Nested keys use a double
underscore in the environment: ``SIGNALPIPE_REDIS__URL``, ``SIGNALPIPE_LLM__PROVIDER``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from dotenv import dotenv_values
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    YamlConfigSettingsSource,
)
from pydantic_settings.exceptions import SettingsError

from signalpipe import config_checks
from signalpipe.errors import ConfigError

_STRICT = ConfigDict(extra="forbid")


class TopicSettings(BaseModel):
    model_config = _STRICT
    slack: str = "slack-messages"
    gmail: str = "gmail-messages"
    dead_letter: str = "signalpipe-dead-letters"


class BusSettings(BaseModel):
    """Which bus carries messages between stages, on which topics, read by which group."""

    model_config = _STRICT
    backend: Literal["memory", "kafka"] | None = None
    """None: kafka for the services stack, memory for the embedded one."""
    topics: TopicSettings = Field(default_factory=TopicSettings)
    group_id: str = "signalpipe-workers"
    """The consumer group every worker joins; the topics' partitions are shared among them."""


class BatchingSettings(BaseModel):
    """When buffered messages become batches, how big they are and how long they are held.

    Read by both batchers (in-memory and Redis).
    """

    model_config = _STRICT
    trigger_count: int = Field(default=200, ge=1)
    """Buffered messages of one company that make its buffer ready to batch."""
    batch_size: int = Field(default=100, ge=1)
    """The most messages one batch holds (a ready buffer is cut into batches this size)."""
    max_age_s: float = Field(default=30.0, gt=0)
    """A buffer this old is ready however few messages it holds: a quiet channel is processed."""
    lease_s: float = Field(default=300.0, gt=0)
    """How long a taken batch stays leased to its worker before another may take it (Redis)."""
    ttl_s: int = Field(default=86400, ge=1)
    """How long an untouched buffer lives in Redis."""


# The original system's setting names, kept as documented aliases of the new ones:
# (section, key) of the alias -> (section, key) it stands for; None is the top level.
ALIASES: dict[tuple[str | None, str], tuple[str, str]] = {
    (None, "cache_trigger_threshold"): ("batching", "trigger_count"),
    (None, "max_batch_age_s"): ("batching", "max_age_s"),
    ("redis", "message_limit"): ("batching", "batch_size"),
    ("redis", "ttl"): ("batching", "ttl_s"),
    ("redis", "lock_ttl_s"): ("batching", "lease_s"),
    (None, "topics"): ("bus", "topics"),
    ("kafka", "group_id"): ("bus", "group_id"),
}


class KafkaSettings(BaseModel):
    model_config = _STRICT
    bootstrap_servers: str = "127.0.0.1:9092"
    group_id: str | None = Field(default=None, description="alias of bus.group_id")
    partitions: int = Field(default=4, ge=1)
    max_message_bytes: int = Field(default=1_000_000, ge=1024)
    replication_factor: int = Field(default=1, ge=1, description=(
        "replicas of each topic signalpipe creates; 3 on a cluster"))
    min_insync_replicas: int = Field(default=1, ge=1, description=(
        "replicas that must have a record before acks=all succeeds; 2 with RF 3, so one "
        "broker may be down and no acknowledged record lives on one disk only"))
    acks: Literal["all", "1", "0"] = Field(default="all", description=(
        "producer acks; only 'all' makes min_insync_replicas mean anything"))
    enable_idempotence: bool = Field(default=True, description=(
        "the producer's retries add no duplicates; needs acks=all"))
    extra: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _replication_is_coherent(self) -> KafkaSettings:
        if self.min_insync_replicas > self.replication_factor:
            raise ValueError(f"min_insync_replicas ({self.min_insync_replicas}) is larger than "
                             f"replication_factor ({self.replication_factor}): no write could "
                             "ever succeed")
        if self.enable_idempotence and self.acks != "all":
            raise ValueError(f"enable_idempotence needs acks='all', not {self.acks!r}")
        return self


class RedisSettings(BaseModel):
    model_config = _STRICT
    url: SecretStr = SecretStr("redis://127.0.0.1:6379/0")
    message_limit: int | None = Field(default=None, ge=1,
                                      description="alias of batching.batch_size")
    ttl: int | None = Field(default=None, ge=1, description="alias of batching.ttl_s")
    lock_ttl_s: float | None = Field(default=None, gt=0, description="alias of batching.lease_s")
    key_prefix: str = Field(default="signalpipe", min_length=1)


Consistency = Literal["ONE", "LOCAL_ONE", "QUORUM", "LOCAL_QUORUM", "EACH_QUORUM", "ALL"]
_QUORUM_LEVELS = ("QUORUM", "LOCAL_QUORUM", "EACH_QUORUM", "ALL")


class CassandraSettings(BaseModel):
    model_config = _STRICT
    hosts: list[str] = Field(default_factory=lambda: ["127.0.0.1"])
    port: int = 9042
    keyspace: str = "signalpipe"
    replication_factor: int = Field(default=1, ge=1, description=(
        "replicas of every row (per datacenter with NetworkTopologyStrategy); 3 on a cluster"))
    replication_strategy: Literal["NetworkTopologyStrategy", "SimpleStrategy"] = Field(
        default="NetworkTopologyStrategy", description=(
            "NetworkTopologyStrategy places replicas per datacenter and rack; SimpleStrategy "
            "ignores topology and only suits one datacenter"))
    datacenter: str = Field(default="datacenter1", min_length=1, description=(
        "the local datacenter: the replicas' datacenter with NetworkTopologyStrategy and the "
        "one LOCAL_* consistency levels and the driver's load balancing prefer"))
    read_consistency: Consistency = "LOCAL_QUORUM"
    write_consistency: Consistency = "LOCAL_QUORUM"
    username: str | None = None
    password: SecretStr | None = None
    retry_for_s: float = Field(default=120.0, gt=0, description=(
        "how long a write is retried while Cassandra is unreachable before the worker gives "
        "up; nothing is committed to Kafka meanwhile, and it stays under Kafka's 300 s poll "
        "interval"))

    @model_validator(mode="after")
    def _consistency_is_coherent(self) -> CassandraSettings:
        # Reads see every acknowledged write only if read and write replica sets overlap.
        if self.replication_factor > 1 and not (
                self.read_consistency in _QUORUM_LEVELS and self.write_consistency in
                _QUORUM_LEVELS) and "ALL" not in (self.read_consistency, self.write_consistency):
            raise ValueError(
                f"read_consistency {self.read_consistency} with write_consistency "
                f"{self.write_consistency} at replication_factor {self.replication_factor} can "
                "miss acknowledged writes (dedup would store a message twice); use quorum "
                "levels (LOCAL_QUORUM) for both, or ALL on one side")
        return self


class PostgresSettings(BaseModel):
    model_config = _STRICT
    dsn: SecretStr = SecretStr("postgresql://signalpipe:signalpipe@127.0.0.1:5432/signalpipe")
    retry_for_s: float = Field(default=120.0, gt=0, description=(
        "how long a transaction is retried on new connections while PostgreSQL is "
        "unreachable (a restart) before the worker gives up"))


class LLMSettings(BaseModel):
    model_config = _STRICT
    provider: Literal["rules", "gemini", "openai"] = "rules"
    model: str | None = None
    temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    timeout_s: float = Field(default=60.0, gt=0)
    api_key: SecretStr | None = None
    base_url: str | None = None
    max_concurrency: int = Field(default=4, ge=1)
    max_retries: int = Field(default=3, ge=0)
    triage: bool = True
    triage_rules: bool = Field(default=False, description=(
        "also send messages where the offline rules extractor found an event (and a weak cue); "
        "off by default: on the real-text corpus it adds sends, not recall (bench/triage.py)"))
    triage_learned: bool = Field(default=True, description=(
        "score every message with the learned scorer (signalpipe.extract.learned) beside the "
        "lexicon; off: the lexicon alone (bench/triage.py compares both)"))
    keep_ungrounded: bool = False
    email_composer: Literal["template", "llm"] = "template"
    price_per_million_input: float = Field(default=0.30, ge=0)
    price_per_million_output: float = Field(default=2.50, ge=0)


class ReaderSettings(BaseModel):
    """The budget every input reader applies (see `signalpipe.sources.budget`): a piece of input
    over a limit is dead-lettered with a reason naming the limit, and the run goes on."""

    model_config = _STRICT
    max_json_depth: int = Field(default=64, ge=2, le=900, description=(
        "deepest JSON nesting accepted in a Slack day file or a Slack/Gmail JSON line"))
    max_message_bytes: int = Field(default=64 * 1024 * 1024, ge=1024, description=(
        "largest single email, JSON line or JSON array element"))
    max_member_bytes: int = Field(default=64 * 1024 * 1024, ge=1024, description=(
        "largest file inside a Slack export (zip member or file of an unpacked folder)"))
    max_zip_ratio: float = Field(default=100.0, ge=1.0, description=(
        "largest inflated/compressed size ratio of a zip member over 1 MiB"))
    max_zip_total_bytes: int = Field(default=1024 * 1024 * 1024, ge=1024, description=(
        "most bytes a whole zip may inflate to"))


class SlackSyncSettings(BaseModel):
    """`signalpipe sync slack`: which channels, how far back to look for edits and replies. The
    token is SLACK_BOT_TOKEN (environment or .env), never a settings file."""

    model_config = _STRICT
    include: list[str] = Field(default_factory=list, description=(
        "channel names or ids to sync; empty: every channel the token can read"))
    exclude: list[str] = Field(default_factory=list)
    page_size: int = Field(default=200, ge=1, le=1000)
    edit_lookback_s: float = Field(default=86400.0, ge=0, description=(
        "each pass re-reads this much before its cursor, so later edits become new versions"))
    thread_lookback_s: float = Field(default=7 * 86400.0, ge=0, description=(
        "threads with a reply this recent are asked for new replies on every pass"))
    max_retries: int = Field(default=10, ge=0, description="429 retries per call")
    respect_tiers: bool = Field(default=True, description=(
        "pace calls to each method's Slack rate tier (off only against a local fake)"))
    api_url: str | None = Field(default=None, description=(
        "the Web API base URL (a proxy, or a local fake in tests); default Slack's"))


class GmailSyncSettings(BaseModel):
    """`signalpipe sync gmail`: what to read and where the OAuth token is. The token is
    GMAIL_ACCESS_TOKEN (environment or .env) or an authorized-user token file (with a refresh
    token); there is no browser flow."""

    model_config = _STRICT
    query: str = Field(default="", description="users.messages.list `q` for the first sync")
    labels: list[str] = Field(default_factory=list, description=(
        "label ids for the list (all of them) and for history (the first one)"))
    page_size: int = Field(default=100, ge=1, le=500)
    max_relist: int = Field(default=2000, ge=1, description=(
        "most messages re-listed when the stored historyId has expired (a 404)"))
    fetch_concurrency: int = Field(default=8, ge=1, le=64, description=(
        "users.messages.get requests in flight (Gmail allows about 50 per user)"))
    token_file: Path | None = None
    token_uri: str | None = Field(default=None, description=(
        "where a token file's refresh token is exchanged (a local fake in tests); "
        "default Google's"))
    max_retries: int = Field(default=10, ge=0, description="429/5xx retries per request")
    api_url: str | None = Field(default=None, description=(
        "the Gmail REST base URL (a local fake in tests); default Google's"))


class AlertChannel(BaseModel):
    """Where alerts go: a webhook (JSON POST, signed with HMAC-SHA256 when `secret_env` names
    a variable holding the key), a Slack incoming webhook, or email over SMTP."""

    model_config = _STRICT
    kind: Literal["webhook", "slack", "smtp"]
    url: str | None = None
    secret_env: str | None = Field(default=None, description=(
        "environment variable holding the webhook's HMAC key (never the key itself)"))
    smtp_host: str = "127.0.0.1"
    smtp_port: int = Field(default=25, ge=1, le=65535)
    sender: str = "signalpipe@localhost"
    to: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _complete(self) -> AlertChannel:
        if self.kind in ("webhook", "slack") and not self.url:
            raise ValueError(f"a {self.kind} channel needs url")
        if self.kind == "smtp" and not self.to:
            raise ValueError("an smtp channel needs to: [addresses]")
        return self


class AlertRuleSettings(BaseModel):
    model_config = _STRICT
    when: str
    name: str | None = None
    to: list[str] = Field(default_factory=list, description="channel names; empty: every one")


class AlertSettings(BaseModel):
    """Investor alerts: each rule fires once per matching event or threshold crossing."""

    model_config = _STRICT
    rules: list[AlertRuleSettings] = Field(default_factory=list)
    channels: dict[str, AlertChannel] = Field(default_factory=dict)
    max_attempts: int = Field(default=6, ge=1, description=(
        "delivery attempts before a delivery is dead-lettered"))
    backoff_s: float = Field(default=1.0, ge=0, description=(
        "first retry delay; doubles per attempt"))
    timeout_s: float = Field(default=10.0, gt=0)


LiveSource = Literal["slack", "gmail"]


def _slack_only() -> list[LiveSource]:
    return ["slack"]


class WatchSettings(BaseModel):
    """`signalpipe watch`: which live sources to sync and how often."""

    model_config = _STRICT
    sources: list[LiveSource] = Field(default_factory=_slack_only)
    interval_s: float = Field(default=300.0, gt=0, description="seconds between sync passes")


class SmtpSettings(BaseModel):
    """Where `signalpipe email --send` delivers; the password comes only from the environment
    (SIGNALPIPE_UPDATE__SMTP__PASSWORD) or .env."""

    model_config = _STRICT
    host: str = "127.0.0.1"
    port: int = Field(default=587, ge=1, le=65535)
    starttls: bool = True
    username: str | None = None
    password: SecretStr | None = None
    timeout_s: float = Field(default=30.0, gt=0)


class UpdateSettings(BaseModel):
    """What only the founder knows, for the investor email: who signs it, what to ask for, cash
    and runway, the round, what must stay private. Nothing here is ever guessed from messages."""

    model_config = _STRICT
    company_name: str | None = None
    """The company as it writes its own name; default: company_id, title-cased."""
    sender_name: str | None = None
    sender_title: str | None = None
    sender_email: str | None = None
    to: list[str] = Field(default_factory=list)
    """Recipients, "Name <address>"."""
    asks: list[str] = Field(default_factory=list)
    cash: str | None = None
    """Cash in the bank as the founder states it ("$2.4M")."""
    runway: str | None = None
    """Runway as the founder states it ("18 months")."""
    round: str | None = None
    """The round being raised, for outreach ("a $6M Series A")."""
    call_times: list[str] = Field(default_factory=list)
    """Proposed times for the outreach call ("Tuesday 10:00 ET")."""
    disclose_investors: bool = False
    redact: list[str] = Field(default_factory=list)
    """Terms replaced in every output (customers under NDA, code names)."""
    require_review: bool = False
    """Write the update from approved events only (`signalpipe review approve`, or the review
    app); otherwise from every event not rejected."""
    slack_workspace_url: str | None = None
    """https://yourteam.slack.com: makes Slack permalinks for citations."""
    smtp: SmtpSettings = Field(default_factory=SmtpSettings)


class Settings(BaseSettings):
    """Everything signalpipe can be told. Unknown keys are errors, not silently ignored."""

    model_config = SettingsConfigDict(
        env_prefix="SIGNALPIPE_",
        env_nested_delimiter="__",
        env_file=".env",
        extra="forbid",
        yaml_file="signalpipe.yaml",
    )

    company_id: str = Field(default="scaleflow", min_length=1, max_length=200)
    company_aliases: list[str] = Field(default_factory=list, max_length=50)
    """Other names the company goes by ("ScaleFlow", "ScaleFlow Inc.", "sf.io"): text that
    names one of them speaks about us, not a third party."""
    data_file_path: Path = Path("data/full_data.csv")
    output_dir: Path = Path("output")
    serve_token: SecretStr | None = None
    """What `signalpipe serve` asks for (bearer token or login form); required off loopback
    (SIGNALPIPE_SERVE_TOKEN)."""
    stack: Literal["embedded", "services"] = "embedded"
    bus: Annotated[BusSettings, NoDecode] = Field(default_factory=BusSettings)
    """The bus section; a plain name (``bus: kafka``, ``SIGNALPIPE_BUS=kafka``) is its backend."""
    message_store: Literal["sqlite", "cassandra"] | None = None
    event_store: Literal["sqlite", "postgres"] | None = None
    batcher: Literal["memory", "redis"] | None = None
    batching: BatchingSettings = Field(default_factory=BatchingSettings)
    cache_trigger_threshold: int | None = Field(
        default=None, ge=1, description="alias of batching.trigger_count")
    max_batch_age_s: float | None = Field(default=None, gt=0,
                                          description="alias of batching.max_age_s")
    extract_overlap: bool | None = None
    """Extract ready batches on a second thread while the next poll is stored. It pays when the
    stores wait on a network; on the embedded stack both threads would only share one GIL.
    Default: on for the services stack, off for the embedded one."""
    max_cell_bytes: int = Field(default=1_000_000, ge=1024)
    topics: TopicSettings | None = Field(default=None, description="alias of bus.topics")
    kafka: KafkaSettings = Field(default_factory=KafkaSettings)
    redis: RedisSettings = Field(default_factory=RedisSettings)
    cassandra: CassandraSettings = Field(default_factory=CassandraSettings)
    postgres: PostgresSettings = Field(default_factory=PostgresSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    readers: ReaderSettings = Field(default_factory=ReaderSettings)
    slack: SlackSyncSettings = Field(default_factory=SlackSyncSettings)
    gmail: GmailSyncSettings = Field(default_factory=GmailSyncSettings)
    watch: WatchSettings = Field(default_factory=WatchSettings)
    alerts: AlertSettings = Field(default_factory=AlertSettings)
    update: UpdateSettings = Field(default_factory=UpdateSettings)

    @field_validator("company_id")
    @classmethod
    def _printable_company(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty or blank")
        if not value.isprintable():
            raise ValueError("must hold no control characters or line breaks")
        return value

    @field_validator("bus", mode="before")
    @classmethod
    def _bus_by_name(cls, value: Any) -> Any:
        """``bus: kafka`` (the original form) is ``bus: {backend: kafka}``."""
        if isinstance(value, str):
            return json.loads(value) if value.lstrip().startswith("{") else {"backend": value}
        return value

    @model_validator(mode="after")
    def _apply_aliases(self) -> Settings:
        """Copy each original name that was set onto the setting it stands for.

        Setting both an alias and its new name is an error that names both.
        """
        for (section, key), (new_section, new_key) in ALIASES.items():
            holder = self if section is None else getattr(self, section)
            value = getattr(holder, key)
            if value is None:
                continue
            target = getattr(self, new_section)
            alias = key if section is None else f"{section}.{key}"
            if new_key in target.model_fields_set:
                raise ValueError(f"{alias} is an alias of {new_section}.{new_key}; set only one")
            setattr(target, new_key, value)
        return self

    @model_validator(mode="after")
    def _stack_defaults(self) -> Settings:
        services = self.stack == "services"
        if self.bus.backend is None:
            self.bus.backend = "kafka" if services else "memory"
        defaults = {"message_store": ("cassandra", "sqlite"),
                    "event_store": ("postgres", "sqlite"), "batcher": ("redis", "memory")}
        for key, (svc, emb) in defaults.items():
            if getattr(self, key) is None:
                object.__setattr__(self, key, svc if services else emb)
        if self.extract_overlap is None:
            object.__setattr__(self, "extract_overlap", services)
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        yaml_path = os.environ.get("SIGNALPIPE_CONFIG", "signalpipe.yaml")
        yaml_source = YamlConfigSettingsSource(settings_cls, yaml_file=yaml_path)
        dotenv = _OwnKeysOnly(settings_cls, dotenv_settings)
        return (init_settings, env_settings, dotenv, yaml_source)

    @property
    def sqlite_path(self) -> Path:
        return self.output_dir / "signalpipe.sqlite3"

    @property
    def company_shown(self) -> str:
        """The company as headings name it: ``update.company_name`` when the founder set it
        ("TinyPilot"), else the id; the id is a store key, not a name ("results: tinypilot")."""
        return self.update.company_name or self.company_id

    def api_key(self) -> SecretStr | None:
        """The LLM key: llm.api_key, else the provider's conventional variable."""
        if self.llm.api_key is not None:
            return self.llm.api_key
        names = {"gemini": ("GOOGLE_API_KEY", "GEMINI_API_KEY"), "openai": ("OPENAI_API_KEY",)}
        for name in names.get(self.llm.provider, ()):
            value = os.environ.get(name) or dotenv_values(".env").get(name)
            if value:
                return SecretStr(value)
        return None


    def slack_token(self) -> SecretStr | None:
        """SLACK_BOT_TOKEN from the environment, else from .env."""
        value = os.environ.get("SLACK_BOT_TOKEN") or dotenv_values(".env").get("SLACK_BOT_TOKEN")
        return SecretStr(value) if value else None


    def gmail_token(self) -> SecretStr | None:
        """GMAIL_ACCESS_TOKEN from the environment, else from .env."""
        value = (os.environ.get("GMAIL_ACCESS_TOKEN")
                 or dotenv_values(".env").get("GMAIL_ACCESS_TOKEN"))
        return SecretStr(value) if value else None


    def alert_secret(self, channel: str) -> SecretStr | None:
        """The HMAC key of a webhook channel, from the variable its `secret_env` names."""
        found = self.alerts.channels.get(channel)
        if found is None or not found.secret_env:
            return None
        value = os.environ.get(found.secret_env) or dotenv_values(".env").get(found.secret_env)
        return SecretStr(value) if value else None


class _OwnKeysOnly(PydanticBaseSettingsSource):
    """A .env also holds other tools' keys (GEMINI_API_KEY...): pass on only SIGNALPIPE_* ones."""

    def __init__(self, settings_cls: type[BaseSettings], inner: PydanticBaseSettingsSource):
        super().__init__(settings_cls)
        self._inner = inner

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        fields = self.settings_cls.model_fields
        return {k: v for k, v in self._inner().items() if k in fields}


def load_settings(**overrides: Any) -> Settings:
    """Build settings, turning every failure into one readable ConfigError naming the key or file
    (see `config_checks`)."""
    config_checks.check_yaml(Path(os.environ.get("SIGNALPIPE_CONFIG", "signalpipe.yaml")))
    sources: dict[str, Mapping[str, Any]] = {"environment": dict(os.environ),
               ".env file": config_checks.read_dotenv(Path(".env"))}
    config_checks.check_variables(Settings.model_fields, sources)
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except SettingsError as exc:
        field = str(exc).split('"')[1] if str(exc).count('"') >= 2 else ""
        why = config_checks.bad_json_variable(field, sources) if field else None
        raise ConfigError(f"invalid settings: {why or exc}") from None
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or '<root>'}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigError(f"invalid settings: {problems}") from None
