"""How a review state reads in a listing (`signalpipe events`, `signalpipe review list`)."""

from __future__ import annotations

from signalpipe.review import ReviewState, ReviewStatus


def review_label(state: ReviewState | None) -> str:
    """"pending", "approved, edited", "rejected: a forecast", "approved, confidential"."""
    if state is None:
        return "pending"
    words = [state.status.value]
    if state.status is ReviewStatus.REJECTED and state.reason:
        words = [f"rejected: {state.reason}"]
    if state.status is ReviewStatus.MERGED and state.merged_into:
        words = [f"merged into {state.merged_into[:12]}"]
    if state.edited_at is not None:
        words.append("edited")
    if state.confidential:
        words.append("CONFIDENTIAL")
    return ", ".join(words)


def review_record(state: ReviewState | None) -> dict[str, object]:
    """The review state as the JSON listings carry it, beside the event's own fields."""
    if state is None:
        return {"status": ReviewStatus.PENDING.value, "confidential": False, "edited": False}
    return {"status": state.status.value, "confidential": state.confidential,
            "edited": state.edited_at is not None, "reason": state.reason,
            "merged_into": state.merged_into, "decided_at": state.decided_at}
