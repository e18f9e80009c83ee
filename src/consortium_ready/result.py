"""What an assessment finds: scores and bands, red flags, actions and coverage."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from consortium_ready.bank import AnswerValue
from consortium_ready.casestudies import Strict

QuestionStatus = Literal["answered", "dont_know", "unanswered", "hidden_low", "hidden_high"]
ActionKind = Literal["flag", "find_out", "improve"]


class QuestionScore(Strict):
    """How one question counted: its status, score out of 100 and weight."""

    question: str
    theme: str
    status: QuestionStatus
    score: int = Field(ge=0, le=100)
    weight: int
    answer: AnswerValue | None = None


class ThemeScore(Strict):
    id: str
    title: str
    weight: float
    score: float | None
    band: str | None
    band_label: str | None
    asked: int
    answered: int
    dont_know: int
    unanswered: int


class Overall(Strict):
    score: float | None
    band: str | None
    band_label: str | None
    meaning: str | None
    uncapped_band: str | None
    capped_by: list[str] = Field(default_factory=list)


class FlagHit(Strict):
    """A red flag raised: as a fact, or (`unknown`) because a "don't know" cannot rule it out."""

    id: str
    title: str
    unknown: bool = False
    caps_band: str
    explain: str
    action: str
    cites: list[str]


class Action(Strict):
    """One step in the action plan, with the case-study lessons behind it."""

    rank: int
    kind: ActionKind
    text: str
    reason: str
    theme: str | None
    question: str | None = None
    flag: str | None = None
    evidence: str | None = None
    cites: list[str] = Field(default_factory=list)


class Coverage(Strict):
    asked: int
    answered: int
    dont_know: int
    unanswered: int
    percent: float


class Result(Strict):
    overall: Overall
    themes: list[ThemeScore]
    flags: list[FlagHit]
    actions: list[Action]
    coverage: Coverage
    questions: list[QuestionScore]
