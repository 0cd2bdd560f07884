"""Which of two messages under one id is the later version."""

from __future__ import annotations

from typing import Any

from signalpipe.revisions import sort_revisions


def test_an_edit_is_newer_a_replay_of_the_original_is_stale_else_a_conflict(
        make_message: Any) -> None:
    original = make_message(id="C1:1.0", text="v1", payload={"ts": "1.0"})
    edit = original.model_copy(update={"text": "v2", "payload": {"edited": {"ts": "9.0"}}})
    later = original.model_copy(update={"text": "v3", "payload": {"edited": {"ts": "12.0"}}})
    gone = original.model_copy(update={"text": "(deleted)",
                                       "payload": {"subtype": "message_deleted"}})
    other = original.model_copy(update={"text": "someone else"})
    found = sort_revisions([edit, later], [original])
    assert found.newer == [later] and found.stale == [edit]
    assert sort_revisions([original], [edit]).stale == [original]
    assert sort_revisions([gone], [later]).newer == [gone]
    assert sort_revisions([other], [original]).conflicts == [other]
