"""A Redis batcher: the count/age buffers of MemoryBatcher, shared by every worker.

Redis is a cache here, not a store of record: every buffered message is already in the message
store, unextracted, so a flushed or restarted Redis loses nothing (the worker's `recover` re-adds
`messages.pending()`). Each step that must not interleave between workers is one Lua script:

* ``add``   buffers messages whose ids are neither buffered nor leased (a replay is ignored);
* ``take``  puts back leases that expired, then moves every ready buffer into leases of at most
  ``batch_size`` messages, so two workers never process the same message at the same time;
* ``done``  (ack and release) forgets a lease and its messages, unless it already expired and
  was handed to someone else.

Keys, for a prefix ``p`` and company ``c`` (the braces are a hash tag: one company's keys share
a cluster slot; the registry of companies is the one cross-slot key, so this needs one primary):

* ``p:{c}:docs``            HASH  id -> message JSON, buffered or leased
* ``p:{c}:guard``           ZSET  id -> -1 while buffered, lease deadline (ms) while leased
* ``p:{c}:buf:<source>``    LIST  ids in arrival order
* ``p:{c}:first``           HASH  source -> ms when the buffer's first message arrived
* ``p:{c}:leases``          ZSET  lease -> deadline (ms)
* ``p:{c}:leaseinfo``       HASH  lease -> {"s": source, "ids": [...]}
* ``p:companies``           SET   companies that may have keys
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Iterable, Sequence
from typing import Any, Self

from pydantic import TypeAdapter

try:
    import redis
    from redis.backoff import ExponentialBackoff
    from redis.retry import Retry
except ImportError as e:  # pragma: no cover - depends on the installed extras
    raise ImportError('install "signalpipe[services]" to use RedisBatcher') from e

from signalpipe.batching.base import Batcher
from signalpipe.batching.keys import make_batch
from signalpipe.errors import BatchingError
from signalpipe.models import Batch, Message, Source
from signalpipe.settings import Settings

logger = logging.getLogger(__name__)

_SOURCES = tuple(s.value for s in Source)
_MESSAGES = TypeAdapter(list[Message])

# KEYS: docs guard first buf:<source> registry; ARGV: source now_ms ttl_s company (id doc)...
_ADD = """
local now, added = tonumber(ARGV[2]), 0
local was_empty = redis.call('LLEN', KEYS[4]) == 0
for i = 5, #ARGV, 2 do
  local score = redis.call('ZSCORE', KEYS[2], ARGV[i])
  local s = score and tonumber(score)
  -- absent, or leased under a lease that has expired: buffer it
  if not s or (s >= 0 and s <= now) then
    redis.call('ZADD', KEYS[2], -1, ARGV[i])
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
    redis.call('RPUSH', KEYS[4], ARGV[i])
    added = added + 1
  end
end
if added > 0 then
  if was_empty then redis.call('HSET', KEYS[3], ARGV[1], ARGV[2]) end
  for i = 1, 4 do redis.call('EXPIRE', KEYS[i], ARGV[3]) end
  redis.call('SADD', KEYS[5], ARGV[4])
end
return added
"""

# KEYS: docs guard first leases leaseinfo registry buf:<source>...
# ARGV: now_ms trigger_count batch_size max_age_ms lease_ms token force ttl_s company source...
# (in the script: now, trigger, limit ...; batching.trigger_count and batching.batch_size)
_TAKE = """
local now, trigger, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local max_age, deadline = tonumber(ARGV[4]), tonumber(ARGV[1]) + tonumber(ARGV[5])
local token, force, ttl, company = ARGV[6], ARGV[7] == '1', ARGV[8], ARGV[9]
local nsrc = #ARGV - 9
local bufkey = {}
for i = 1, nsrc do bufkey[ARGV[9 + i]] = KEYS[6 + i] end

-- an expired lease puts its messages back at the front of their buffer, ready at once
local expired = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', now, 'WITHSCORES')
for i = 1, #expired, 2 do
  local lease, due = expired[i], expired[i + 1]
  local info = redis.call('HGET', KEYS[5], lease)
  if info then
    local lease_info = cjson.decode(info)
    local buf = bufkey[lease_info.s]
    for j = #lease_info.ids, 1, -1 do
      local id = lease_info.ids[j]
      -- skip ids re-buffered since (replayed after the lease expired)
      if redis.call('ZSCORE', KEYS[2], id) == due then
        if buf and redis.call('HEXISTS', KEYS[1], id) == 1 then
          redis.call('ZADD', KEYS[2], -1, id)
          redis.call('LPUSH', buf, id)
        else
          redis.call('ZREM', KEYS[2], id)
        end
      end
    end
    if buf then redis.call('HSET', KEYS[3], lease_info.s, 0) end
    redis.call('HDEL', KEYS[5], lease)
  end
  redis.call('ZREM', KEYS[4], lease)
end

local out, n_lease, waiting = {}, 0, 0
for i = 1, nsrc do
  local source, buf = ARGV[9 + i], KEYS[6 + i]
  local size = redis.call('LLEN', buf)
  if size > 0 then
    local first = tonumber(redis.call('HGET', KEYS[3], source) or now)
    if force or size >= trigger or now - first >= max_age then
      local ids = redis.call('LRANGE', buf, 0, -1)
      redis.call('DEL', buf)
      redis.call('HDEL', KEYS[3], source)
      for k = 1, #ids, limit do
        n_lease = n_lease + 1
        local lease = token .. ':' .. n_lease
        local chunk, docs = {}, {}
        for j = k, math.min(k + limit - 1, #ids) do
          local doc = redis.call('HGET', KEYS[1], ids[j])
          if doc then
            chunk[#chunk + 1] = ids[j]
            docs[#docs + 1] = doc
            redis.call('ZADD', KEYS[2], deadline, ids[j])
          else  -- lost to the TTL: the message store still has it pending
            redis.call('ZREM', KEYS[2], ids[j])
          end
        end
        if #chunk > 0 then
          redis.call('HSET', KEYS[5], lease, cjson.encode({s = source, ids = chunk}))
          redis.call('ZADD', KEYS[4], deadline, lease)
          -- one JSON array per lease: one reply element to parse instead of one per message
          out[#out + 1] = {lease, source, '[' .. table.concat(docs, ',') .. ']'}
        end
      end
    else
      waiting = waiting + size
    end
  end
end
if n_lease > 0 then for i = 1, 5 do redis.call('EXPIRE', KEYS[i], ttl) end end
if waiting == 0 and redis.call('ZCARD', KEYS[4]) == 0 then
  redis.call('SREM', KEYS[6], company)
end
return out
"""

# KEYS: docs guard leases leaseinfo; ARGV: lease
_DONE = """
local info = redis.call('HGET', KEYS[4], ARGV[1])
if not info then return 0 end
local due = redis.call('ZSCORE', KEYS[3], ARGV[1])
for _, id in ipairs(cjson.decode(info).ids) do
  if redis.call('ZSCORE', KEYS[2], id) == due then
    redis.call('ZREM', KEYS[2], id)
    redis.call('HDEL', KEYS[1], id)
  end
end
redis.call('HDEL', KEYS[4], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
return 1
"""


class RedisBatcher(Batcher):
    """Per (company, source) buffers in Redis with the same triggers and batch ids as
    MemoryBatcher; a taken batch is leased for `lease_s` seconds."""

    def __init__(self, client: redis.Redis, *, prefix: str = "signalpipe", trigger_count: int = 200,
                 batch_size: int = 100, max_age_s: float = 30.0, ttl_s: int = 86400,
                 lease_s: float = 300.0, companies: frozenset[str] | None = None) -> None:
        self.client = client
        self.prefix = prefix
        # A deployment's workers serve their own company: the registry may list others (another
        # pipeline sharing this Redis), whose batches must never be taken here.
        self.companies = companies
        self.trigger_count = trigger_count
        self.batch_size = batch_size
        self.max_age_s = max_age_s
        self.ttl_s = ttl_s
        self.lease_s = lease_s
        self._add = client.register_script(_ADD)
        self._take = client.register_script(_TAKE)
        self._done = client.register_script(_DONE)

    @classmethod
    def from_url(cls, url: str, **options: Any) -> Self:
        """Connect to `url`; connection errors are retried with backoff for a few seconds."""
        client = redis.Redis.from_url(
            url, retry=Retry(ExponentialBackoff(cap=2.0, base=0.05), 6),
            retry_on_error=[redis.ConnectionError, redis.TimeoutError],
            socket_timeout=30, socket_connect_timeout=5, health_check_interval=30)
        return cls(client, **options)

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        b = settings.batching
        return cls.from_url(settings.redis.url.get_secret_value(), trigger_count=b.trigger_count,
                            batch_size=b.batch_size, max_age_s=b.max_age_s, ttl_s=b.ttl_s,
                            lease_s=b.lease_s, prefix=settings.redis.key_prefix,
                            companies=frozenset({settings.company_id}))

    # -- keys -------------------------------------------------------------------------------
    def _key(self, company: str, name: str) -> str:
        return f"{self.prefix}:{{{company}}}:{name}"

    def _company_keys(self, company: str) -> list[str]:
        return [self._key(company, n) for n in ("docs", "guard", "first", "leases", "leaseinfo")]

    def _own(self, companies: Iterable[str]) -> list[str]:
        return [c for c in companies if self.companies is None or c in self.companies]

    @property
    def _registry(self) -> str:
        return f"{self.prefix}:companies"

    # -- Batcher ----------------------------------------------------------------------------
    def add(self, messages: Sequence[Message], docs: Sequence[bytes] | None = None) -> int:
        """Buffer messages, ignoring ids already buffered or leased; return how many were new."""
        groups: dict[tuple[str, str], list[str | bytes]] = {}
        for i, m in enumerate(messages):
            groups.setdefault((m.company_id, m.source.value), []).extend(
                (m.id, docs[i] if docs else m.model_dump_json()))
        now_ms = str(int(time.time() * 1000))
        added = 0
        try:
            for (company, source), pairs in groups.items():
                k = self._company_keys(company)
                keys = [k[0], k[1], k[2], self._key(company, f"buf:{source}"), self._registry]
                args = [source, now_ms, str(self.ttl_s), company, *pairs]
                added += int(self._add(keys=keys, args=args))
        except redis.RedisError as exc:
            raise BatchingError(f"redis add failed: {exc}") from None
        return added

    def take_ready(self, *, now_s: float | None = None, force: bool = False) -> list[Batch]:
        """Atomically lease every buffer that reached the count threshold or max age.

        `now_s` is on the `time.monotonic()` clock, as for MemoryBatcher; Redis keeps wall-clock
        times so that workers on different hosts agree.
        """
        wall = time.time() if now_s is None else time.time() + (now_s - time.monotonic())
        token = uuid.uuid4().hex
        args = [str(int(wall * 1000)), str(self.trigger_count), str(self.batch_size),
                str(int(self.max_age_s * 1000)), str(int(self.lease_s * 1000)), token,
                "1" if force else "0", str(self.ttl_s)]
        batches: list[Batch] = []
        try:
            for company in sorted(self._own(self._companies())):
                keys = [*self._company_keys(company), self._registry,
                        *(self._key(company, f"buf:{s}") for s in _SOURCES)]
                for entry in self._take(keys=keys, args=[*args, company, *_SOURCES]):
                    lease = _text(entry[0])
                    messages = _MESSAGES.validate_json(entry[2])
                    batches.append(make_batch(messages, lease_token=lease))
        except redis.RedisError as exc:
            raise BatchingError(f"redis take failed: {exc}") from None
        return batches

    def ack(self, *batches: Batch) -> None:
        """The batches' events are stored: forget their leases and messages, in one pipeline
        (one round trip instead of one per batch; each script stays atomic on its own)."""
        if not batches:
            return
        try:
            with self.client.pipeline(transaction=False) as pipe:
                for batch in batches:
                    k = self._company_keys(batch.company_id)
                    self._done(keys=[k[0], k[1], k[3], k[4]], args=[batch.lease_token],
                               client=pipe)
                pipe.execute()
        except redis.RedisError as exc:
            raise BatchingError(f"redis ack failed: {exc}") from None

    def release(self, batch: Batch) -> None:
        """Drop the lease; the messages stay pending in the message store for the next run
        (exactly what MemoryBatcher does)."""
        self.ack(batch)

    def pending_count(self) -> int:
        """Messages buffered and not yet leased, over this batcher's companies."""
        companies = sorted(self._own(self._companies()))
        try:
            with self.client.pipeline(transaction=False) as pipe:
                for company in companies:
                    for s in _SOURCES:
                        pipe.llen(self._key(company, f"buf:{s}"))
                return sum(int(n) for n in pipe.execute())
        except redis.RedisError as exc:
            raise BatchingError(f"redis pending_count failed: {exc}") from None

    def clear(self) -> None:
        """Delete every key under this batcher's prefix (SCAN, never KEYS)."""
        pattern = _glob_escape(self.prefix) + ":*"
        try:
            batch: list[Any] = []
            for key in self.client.scan_iter(match=pattern, count=1000):
                batch.append(key)
                if len(batch) >= 500:
                    self.client.unlink(*batch)
                    batch = []
            if batch:
                self.client.unlink(*batch)
        except redis.RedisError as exc:
            raise BatchingError(f"redis clear failed: {exc}") from None

    def close(self) -> None:
        """Release the connection pool."""
        self.client.close()

    def _companies(self) -> set[str]:
        members: set[Any] = self.client.smembers(self._registry)
        return {_text(m) for m in members}


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _glob_escape(text: str) -> str:
    return "".join(f"\\{c}" if c in "*?[]\\" else c for c in text)
