"""Client-side pacing per Slack Web API method tier, so a sync stays under Slack's limits
instead of leaning on 429s (which still work: slack_sdk waits out Retry-After).

Slack's published tiers: Tier 2 about 20 requests a minute, Tier 3 about 50, Tier 4 about
100, each per method per workspace, with short bursts allowed (the `burst` here).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

TIER_PER_MINUTE = {2: 20, 3: 50, 4: 100}
METHOD_TIER = {"conversations_list": 2, "conversations_history": 3,
               "conversations_replies": 3, "users_info": 4}


class TierLimiter:
    """A token bucket per method: `burst` calls at once, then the tier's rate."""

    def __init__(self, *, burst: int = 5, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.burst = burst
        self._clock = clock
        self._sleep = sleep
        self._buckets: dict[str, tuple[float, float]] = {}  # method -> (tokens, stamp)
        self._lock = threading.Lock()

    def wait(self, method: str) -> float:
        """Block until `method` may be called; returns the seconds waited."""
        rate_s = TIER_PER_MINUTE[METHOD_TIER.get(method, 3)] / 60.0
        with self._lock:
            now = self._clock()
            tokens, stamp = self._buckets.get(method, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - stamp) * rate_s)
            waited = 0.0 if tokens >= 1 else (1 - tokens) / rate_s
            self._buckets[method] = (tokens - 1 + waited * rate_s, now + waited)
        if waited:
            self._sleep(waited)
        return waited
