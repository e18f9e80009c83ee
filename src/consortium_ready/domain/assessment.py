"""A saved assessment: who answered what, against which bank, and what it scored."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from consortium_ready import __version__
from consortium_ready.domain.answerset import AnswerSet
from consortium_ready.domain.bank import AnswerValue, Bank
from consortium_ready.domain.profile import Profile
from consortium_ready.domain.result import Result
from consortium_ready.domain.scoring import score
from consortium_ready.domain.tracking import Tracking, carried_forward, kept

SCHEMA_VERSION = 2
"""2 added `tracking`: the owners, dates and statuses of actions."""


class BankRef(BaseModel):
    """Which bank an assessment was made with."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str
    title: str
    version: str
    content_hash: str


class Assessment(BaseModel):
    """Everything needed to read, re-render and compare one completed assessment."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    schema_version: int = SCHEMA_VERSION
    tool_version: str = Field(default_factory=lambda: __version__)
    created: AwareDatetime
    bank: BankRef
    profile: Profile
    answers: dict[str, AnswerValue] = Field(default_factory=dict)
    notes: dict[str, str] = Field(default_factory=dict)
    result: Result
    tracking: dict[str, Tracking] = Field(default_factory=dict)
    """Each tracked action's owner, due date, status and note, by its key (see tracking.py)."""

    @property
    def answer_set(self) -> AnswerSet:
        return AnswerSet(profile=self.profile, answers=self.answers, notes=self.notes)

    def tracked(self, tracking: Mapping[str, Tracking]) -> Assessment:
        """This assessment with its actions' tracking replaced; untracked actions are left out."""
        return self.model_copy(update={"tracking": kept(tracking, self.result.actions)})


def assess(
    bank: Bank,
    answer_set: AnswerSet,
    now: datetime | None = None,
    previous: Assessment | None = None,
) -> Assessment:
    """Score an answer set and wrap it, with the bank's identity, as an assessment.

    The owners, dates and statuses of `previous`'s actions that are still open
    carry forward to the same actions in this plan.
    """
    created = (now or datetime.now(UTC)).replace(microsecond=0)
    result = score(bank, answer_set, created.astimezone().date())
    return Assessment(
        created=created,
        bank=BankRef(
            id=bank.info.id,
            title=bank.info.title,
            version=bank.info.version,
            content_hash=bank.content_hash,
        ),
        profile=answer_set.profile,
        answers=answer_set.answers,
        notes={k: v for k, v in answer_set.notes.items() if v.strip()},
        result=result,
        tracking=carried_forward(previous.tracking, result.actions) if previous else {},
    )
