"""What an assessment finds: scores and bands, red flags, actions and coverage."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from consortium_ready.domain.bank import AnswerValue
from consortium_ready.domain.base import Strict

QuestionStatus = Literal[
    "answered", "dont_know", "unanswered", "hidden_low", "hidden_high", "hidden_unknown"
]
"""How a question counted. `hidden_unknown`: a follow-up hidden because the answer it
depends on is "don't know" or not given, so that whether it applies is itself unknown."""
ActionKind = Literal["flag", "find_out", "improve"]
ActionPart = Literal["fix", "find_out"]


class QuestionScore(Strict):
    """How one question counted: its status, score out of 100 and weight."""

    question: str
    theme: str
    status: QuestionStatus
    score: int = Field(ge=0, le=100)
    weight: int
    answer: AnswerValue | None = None


class ThemeScore(Strict):
    """A theme's score from what is known, and how much of it is not known."""

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
    unknown: float = 0
    """The per cent of the theme's weight answered "don't know" or not yet answered."""
    with_gaps: float | None = None
    """The score counting what is unknown as gaps (0): what the overall verdict is made from."""

    @property
    def counted(self) -> bool:
        """Whether anything in the theme was asked: scored, or with not enough known to score."""
        return self.score is not None or self.with_gaps is not None


class Overall(Strict):
    """The verdict: a score counting unknowns as gaps, its band, and what capped it."""

    score: float | None
    band: str | None
    band_label: str | None
    meaning: str | None
    uncapped_band: str | None
    capped_by: list[str] = Field(default_factory=list)
    known_score: float | None = None
    """The score from what is known alone."""
    unknown: float = 0
    """The per cent of what was asked, by weight, that is unknown."""


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
    part: ActionPart = "fix"
    text: str
    reason: str
    theme: str | None
    question: str | None = None
    flag: str | None = None
    flags: list[str] = Field(default_factory=list)
    """Every red flag this action answers, the first being `flag`."""
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

    @property
    def theme_titles(self) -> dict[str, str]:
        """Each theme's title by id, as it was when the assessment was made."""
        return {theme.id: theme.title for theme in self.themes}
