"""Following actions through: who owns each, by when, how far it has got, and what carries on.

An action is known across runs by its key: `flag:` and the question it is about
(or the red flag, when it is about no one question) for an action answering a
red flag; the question alone for a weak or unknown answer. A re-run keeps the owner,
date and status of every action still open whose key is in its own plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Literal

from pydantic import Field, field_validator

from consortium_ready.domain.base import Strict
from consortium_ready.domain.result import Action
from consortium_ready.words import day_words

ActionStatus = Literal["to-do", "in-progress", "done", "dropped"]
STATUSES: dict[ActionStatus, str] = {
    "to-do": "To do",
    "in-progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
}
"""Each status, and how people read it."""
OPEN_STATUSES: tuple[ActionStatus, ...] = ("to-do", "in-progress")
LONGEST_TEXT = 2_000
"""The most characters an owner or a note may hold."""


class Tracking(Strict):
    """Who owns an action, by when it is due, how far it has got, and a note."""

    owner: str = Field(default="", max_length=LONGEST_TEXT)
    due: date | None = None
    status: ActionStatus = "to-do"
    note: str = Field(default="", max_length=LONGEST_TEXT)

    @field_validator("owner", "note")
    @classmethod
    def _trimmed(cls, value: str) -> str:
        return value.strip()

    @property
    def open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_blank(self) -> bool:
        """Nothing set: the same as an action no one has tracked yet."""
        return self == UNTRACKED

    def overdue(self, today: date) -> bool:
        """Still open after its due date."""
        return self.open and self.due is not None and self.due < today


UNTRACKED = Tracking.model_construct()
"""No owner, date, status or note: the defaults, which need no validating, so that importing
this builds no validator (models are built when first used: base.Strict)."""


def tracking_words(tracking: Tracking, status: bool = True) -> str:
    """`In progress; Sam Patel; due 1 March 2027`, or `` for an action no one has tracked;
    without the status where the reader already knows it."""
    if tracking.is_blank:
        return ""
    parts = [STATUSES[tracking.status] if status else "", tracking.owner]
    if tracking.due:
        parts.append(f"due {day_words(tracking.due)}")
    return "; ".join(part for part in parts if part)


def action_key(action: Action) -> str:
    """What an action is known by across runs (see above)."""
    if action.flag:
        return f"flag:{action.question or action.flag}"
    return action.question or f"text:{action.text}"


def tracking_of(tracking: Mapping[str, Tracking], action: Action) -> Tracking:
    return tracking.get(action_key(action), UNTRACKED)


def carried_forward(
    previous: Mapping[str, Tracking], actions: Iterable[Action]
) -> dict[str, Tracking]:
    """The tracking a re-run keeps: that of every action still open and still in the plan."""
    keys = {action_key(action) for action in actions}
    return {
        key: tracked
        for key, tracked in previous.items()
        if key in keys and tracked.open and not tracked.is_blank
    }


def kept(tracking: Mapping[str, Tracking], actions: Iterable[Action]) -> dict[str, Tracking]:
    """The tracking worth saving: set, and about an action in the plan, in the plan's order."""
    return {
        key: tracking[key]
        for key in dict.fromkeys(action_key(action) for action in actions)
        if key in tracking and not tracking[key].is_blank
    }
