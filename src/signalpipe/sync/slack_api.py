"""Slack Web API -> Message, incrementally (`signalpipe sync slack`).

Per channel the cursor (a small JSON document, stored in the message store) holds:

* ``oldest``: the newest top-level ``ts`` fully synced; the next pass asks
  ``conversations.history`` for what is newer, minus ``edit_lookback_s`` so that messages edited
  since they were read come back (an unchanged one is a replay the store absorbs; a changed one
  is a new version of the message).
* ``pass``: the pass in progress (its ``oldest``, the page ``next`` cursor, the ``top`` ts seen),
  so a sync killed mid-channel resumes at the page it had not acknowledged instead of
  re-reading the whole channel.
* ``threads``: parent ts -> newest reply ts, for threads active within ``thread_lookback_s``.
  Thread replies are not in ``conversations.history``, and a reply to an old thread does not
  bring its parent back into a newer history window, so each pass also asks
  ``conversations.replies`` for every tracked thread.

Rate limits: slack_sdk's `RateLimitErrorRetryHandler` sleeps for ``Retry-After`` on a 429 and
retries (up to ``max_retries``); connection errors are retried by its default handler.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Self

from signalpipe.errors import ConfigError, SourceError
from signalpipe.models import DeadLetter, Message, message_key
from signalpipe.models import Source as Channel
from signalpipe.revisions import DELETED
from signalpipe.settings import Settings
from signalpipe.sources.base import Item
from signalpipe.sources.slack_export import SlackContext, convert_message, slack_ts_to_datetime
from signalpipe.stores.state import Cursor
from signalpipe.sync.base import CursorLookup, Page, Sync
from signalpipe.sync.ratelimit import TierLimiter

try:
    from slack_sdk import WebClient
    from slack_sdk.errors import SlackApiError
    from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
except ImportError as e:  # pragma: no cover - depends on the installed extras
    raise ImportError('install "signalpipe[live]" to use SlackSync') from e

logger = logging.getLogger(__name__)

_MENTION = re.compile(r"<@([UW][A-Z0-9]+)")


@dataclass
class _State:
    oldest: str = "0"
    threads: dict[str, str] = field(default_factory=dict)
    pass_: dict[str, str] | None = None
    recent: dict[str, str] = field(default_factory=dict)
    """ts -> message id of the top-level messages the last whole pass listed: one the next
    whole pass no longer lists inside its window was deleted."""

    @classmethod
    def load(cls, value: str | None) -> _State:
        if not value:
            return cls()
        doc = json.loads(value)
        return cls(doc["oldest"], dict(doc.get("threads", {})), doc.get("pass"),
                   dict(doc.get("recent", {})))

    def dump(self) -> str:
        return json.dumps({"oldest": self.oldest, "threads": self.threads, "pass": self.pass_,
                           "recent": self.recent}, sort_keys=True)


def _later(a: str, b: str) -> str:
    return a if float(a) >= float(b) else b


def _minus(ts: str, seconds: float) -> str:
    return "0" if float(ts) <= seconds else f"{float(ts) - seconds:.6f}"


class SlackSync(Sync):
    """Reads the workspace's channels (include/exclude by name or id) since the cursors."""

    source = "slack"

    def __init__(self, client: WebClient, *, company_id: str, include: list[str] | None = None,
                 exclude: list[str] | None = None, page_size: int = 200,
                 edit_lookback_s: float = 86400.0, thread_lookback_s: float = 7 * 86400.0,
                 max_retries: int = 10, respect_tiers: bool = True) -> None:
        self.client = client
        client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=max_retries))
        self.company_id = company_id
        self.include = set(include or [])
        self.exclude = set(exclude or [])
        self.page_size = page_size
        self.edit_lookback_s = edit_lookback_s
        self.thread_lookback_s = thread_lookback_s
        self.ctx = SlackContext(company_id)
        self._missing_users: set[str] = set()
        self.limiter = TierLimiter() if respect_tiers else None

    @classmethod
    def from_settings(cls, settings: Settings) -> Self:
        token = settings.slack_token()
        if token is None:
            raise ConfigError("SLACK_BOT_TOKEN is not set (environment or .env): the bot or "
                              "user token `signalpipe sync slack` reads the workspace with")
        s = settings.slack
        return cls(make_client(token.get_secret_value(), base_url=s.api_url),
                   company_id=settings.company_id, include=s.include, exclude=s.exclude,
                   page_size=s.page_size, edit_lookback_s=s.edit_lookback_s,
                   thread_lookback_s=s.thread_lookback_s, max_retries=s.max_retries,
                   respect_tiers=s.respect_tiers)

    # -- Slack calls ---------------------------------------------------------------------------
    def _call(self, method: str, **args: Any) -> dict[str, Any]:
        if self.limiter is not None:
            self.limiter.wait(method)
        try:
            response = getattr(self.client, method)(**args)
        except SlackApiError as exc:
            error = exc.response.get("error") if exc.response is not None else None
            raise SourceError(f"slack {method.replace('_', '.', 1)} failed: "
                              f"{error or exc}") from None
        data: dict[str, Any] = response.data if isinstance(response.data, dict) else {}
        return data

    def _paged(self, method: str, key: str, **args: Any) -> Iterator[list[Any]]:
        cursor = None
        while True:
            data = self._call(method, limit=self.page_size, cursor=cursor, **args)
            yield list(data.get(key) or [])
            cursor = (data.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return

    def channels(self) -> list[dict[str, Any]]:
        """The channels to sync: every one the token sees, filtered by include/exclude."""
        found = [c for page in self._paged("conversations_list", "channels",
                                           types="public_channel,private_channel",
                                           exclude_archived=True) for c in page]
        picked = [c for c in found
                  if (not self.include or {c.get("id"), c.get("name")} & self.include)
                  and not {c.get("id"), c.get("name")} & self.exclude]
        for c in picked:
            self.ctx.channels[c["id"]] = str(c.get("name") or c["id"])
        return picked

    def _learn_users(self, objs: list[Any]) -> None:
        """users.info for every author or mention not named yet (cached for the sync)."""
        wanted: set[str] = set()
        for obj in objs:
            if isinstance(obj, dict):
                if isinstance(obj.get("user"), str):
                    wanted.add(obj["user"])
                wanted.update(_MENTION.findall(str(obj.get("text") or "")))
        for uid in sorted(wanted - set(self.ctx.users) - self._missing_users):
            try:
                user = self._call("users_info", user=uid).get("user") or {}
            except SourceError as exc:
                logger.warning("%s; %s stays an id", exc, uid)
                self._missing_users.add(uid)
                continue
            profile = user.get("profile") or {}
            self.ctx.users[uid] = str(user.get("real_name") or profile.get("real_name")
                                      or user.get("name") or uid)

    def _convert(self, channel: dict[str, Any], objs: list[Any]) -> list[Item]:
        self._learn_users(objs)
        out: list[Item] = []
        for obj in objs:
            item = convert_message(self.ctx, obj, channel_id=channel["id"],
                                   channel_name=self.ctx.channels.get(channel["id"]),
                                   origin=f"slack:{channel['id']}:{obj.get('ts')}")
            if isinstance(item, Message | DeadLetter):
                out.append(item)
        return out

    # -- the pass over one channel ------------------------------------------------------------
    def pages(self, cursor: CursorLookup) -> Iterator[Page]:
        for channel in self.channels():
            yield from self._channel_pages(channel, _State.load(cursor(channel["id"])))

    def _cursor(self, channel: dict[str, Any], state: _State) -> list[Cursor]:
        return [Cursor(self.company_id, self.source, channel["id"], state.dump())]

    def _channel_pages(self, channel: dict[str, Any], state: _State) -> Iterator[Page]:
        seen: set[str] = set()
        # A pass resumed after a crash covers what was there when it began; one more pass
        # reads what came since (its window starts where the resumed pass's first page did).
        for _ in range(2 if state.pass_ is not None else 1):
            yield from self._pass(channel, state, seen)
        yield self._tracked_threads(channel, state, seen)

    def _pass(self, channel: dict[str, Any], state: _State, seen: set[str]) -> Iterator[Page]:
        # Deletions show only as absences, so only a pass this process saw whole can tell.
        whole = state.pass_ is None
        listed: dict[str, str] = {}
        if state.pass_ is None:
            state.pass_ = {"oldest": _minus(state.oldest, self.edit_lookback_s)
                           if state.oldest != "0" else "0", "next": "", "top": state.oldest}
        while True:
            run = state.pass_
            data = self._call("conversations_history", channel=channel["id"],
                              oldest=run["oldest"], cursor=run["next"] or None,
                              limit=self.page_size)
            objs = [o for o in data.get("messages") or [] if isinstance(o, dict)]
            page = Page(calls=1)
            page.items = self._convert(channel, objs)
            listed.update((m.payload["ts"], m.id) for m in page.items
                          if isinstance(m, Message) and isinstance(m.payload.get("ts"), str))
            for obj in objs:
                run["top"] = _later(run["top"], str(obj.get("ts") or "0"))
                if obj.get("reply_count") or obj.get("thread_ts") == obj.get("ts"):
                    seen.add(str(obj["ts"]))
                    page.calls += self._thread(channel, str(obj["ts"]), state, page)
            following = (data.get("response_metadata") or {}).get("next_cursor") or ""
            if data.get("has_more") and following:
                run["next"] = following
            else:
                if whole:
                    page.items.extend(self._deleted(channel, state, run["oldest"], listed))
                state.oldest, state.pass_ = run["top"], None
            page.cursors = self._cursor(channel, state)
            yield page
            if state.pass_ is None:
                return

    def _deleted(self, channel: dict[str, Any], state: _State, oldest: str,
                 listed: dict[str, str]) -> list[Item]:
        """Tombstones for messages the last pass listed inside this window and this one did
        not; `recent` becomes this pass's list."""
        gone = [(ts, mid) for ts, mid in state.recent.items()
                if float(ts) > float(oldest) and ts not in listed]
        state.recent = listed
        return [tombstone(self.company_id, channel["id"], self.ctx.channels.get(channel["id"]),
                          ts, mid) for ts, mid in gone]

    def _tracked_threads(self, channel: dict[str, Any], state: _State,
                         seen: set[str]) -> Page:
        """New replies to threads whose parent is older than this pass's window."""
        page = Page()
        horizon = time.time() - self.thread_lookback_s
        for parent, latest in sorted(state.threads.items()):
            if float(latest) < horizon:
                del state.threads[parent]
            elif parent not in seen:
                page.calls += self._thread(channel, parent, state, page)
        page.cursors = self._cursor(channel, state)
        return page

    def _thread(self, channel: dict[str, Any], parent: str, state: _State, page: Page) -> int:
        """Add the thread's replies since the last look (minus the edit lookback) to `page`."""
        known = state.threads.get(parent)
        oldest = _minus(known, self.edit_lookback_s) if known else "0"
        calls, latest = 0, known or parent
        for objs in self._paged("conversations_replies", "messages", channel=channel["id"],
                                ts=parent, oldest=oldest):
            calls += 1
            replies = [o for o in objs if isinstance(o, dict) and o.get("ts") != parent]
            page.items.extend(self._convert(channel, replies))
            for obj in replies:
                latest = _later(latest, str(obj.get("ts") or "0"))
        state.threads[parent] = latest
        return calls


def tombstone(company_id: str, channel_id: str, channel_name: str | None, ts: str,
              message_id: str) -> Message:
    """What a deleted message becomes: a later version of it that says so (see revisions)."""
    # message_key is idempotent: a cursor saved before namespaces holds bare ids
    return Message(id=message_key(company_id, "slack", message_id), company_id=company_id,
                   source=Channel.SLACK, sender="unknown",
                   channel=channel_name or channel_id, timestamp=slack_ts_to_datetime(ts),
                   text="(message deleted)", payload={"subtype": DELETED, "ts": ts,
                                                      "channel": channel_id},
                   origin=f"slack:{channel_id}:{ts}")


def make_client(token: str, *, base_url: str | None = None, timeout_s: float = 30.0) -> WebClient:
    """A WebClient for the token (``base_url`` points it at a proxy or a local fake)."""
    if base_url:
        return WebClient(token=token, base_url=base_url, timeout=int(timeout_s))
    return WebClient(token=token, timeout=int(timeout_s))
