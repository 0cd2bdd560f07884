"""PostgreSQL side of the live-source state (see `state.py`): retraction of edited or deleted
messages from the events they supported."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from signalpipe.models import SignificantEvent
from signalpipe.stores.state import EventRetraction, without_sources


class PostgresRetractionMixin(EventRetraction):
    """The host class owns `_transaction`, and the row helpers of `postgres.py`."""

    _transaction: Callable[..., Any]

    def retract_messages(self, message_ids: Sequence[str]) -> tuple[int, int]:
        ids = sorted(set(message_ids))
        if not ids:
            return 0, 0
        result: tuple[int, int] = self._transaction(lambda cur: _retract(cur, ids))
        return result


def _retract(cur: Any, ids: list[str]) -> tuple[int, int]:
    from signalpipe.stores.postgres import _EVENT_DOC, _UPDATE_EVENT, _update_row

    # `?|`: does the jsonb array hold any of these strings (served by a scan of the company's
    # events at this scale; a GIN index would serve it at a larger one).
    cur.execute(f"SELECT fingerprint, {_EVENT_DOC} FROM significant_events "
                "WHERE source_message_ids ?| %s FOR UPDATE", (ids,))
    gone = set(ids)
    revised = deleted = 0
    for fingerprint, doc in cur.fetchall():
        event = SignificantEvent.model_validate_json(doc)
        kept = without_sources(event, gone)
        if kept is None:
            deleted += 1
            cur.execute("DELETE FROM significant_events WHERE fingerprint = %s", (fingerprint,))
        elif kept != event:
            revised += 1
            cur.execute(_UPDATE_EVENT, _update_row(kept))
    return revised, deleted
