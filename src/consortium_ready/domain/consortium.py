"""What a consortium's partners' assessments show together: where they stand, where they differ.

These are the models of the consortium view (aggregate.py works it out). Every
partner is named by a label: its organisation's name, or "Partner A", "Partner B",
... when the view is anonymised, so that nothing here names an organisation then.
"""

from __future__ import annotations

from datetime import date
from typing import Final, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from consortium_ready.domain.assessment import Assessment, BankRef
from consortium_ready.domain.base import Strict
from consortium_ready.domain.profile import Profile
from consortium_ready.domain.profilefields import ConsortiumKind, Role, Stage
from consortium_ready.domain.result import (
    Coverage as CoverageCounts,
)
from consortium_ready.domain.result import (
    FlagHit,
    Overall,
    QuestionStatus,
    ThemeScore,
)

VIEW_KIND: Final = "consortium-ready consortium view"
WIDE_APART = 2
"""Answers, or theme bands, this many levels apart or more are a disagreement."""
VIEW_VERSION = 1


class _Part(BaseModel):
    """Part of a saved assessment: the fields it names are checked, the others not read."""

    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


class Counted(_Part):
    """How one question counted for a partner (its answer is in `Answered.answers`)."""

    question: str
    theme: str
    status: QuestionStatus
    score: int = Field(ge=0, le=100)
    weight: int


class AnsweredResult(_Part):
    overall: Overall
    themes: list[ThemeScore]
    flags: list[FlagHit]
    coverage: CoverageCounts
    questions: list[Counted]


class Answered(_Part):
    """What the consortium view reads of a partner's assessment: who, with which bank, its
    answers and what it scored; not its action plan, notes or tracking, which it does not use."""

    schema_version: int
    created: AwareDatetime
    bank: BankRef
    profile: Profile
    answers: dict[str, int | float | str | list[str]]
    result: AnsweredResult

    @classmethod
    def of(cls, assessment: Assessment) -> Answered:
        return cls.model_validate(assessment, from_attributes=True)

    @property
    def held(self) -> list[str]:
        """The questions it holds: every question it counted or answered."""
        return list(dict.fromkeys([*(s.question for s in self.result.questions), *self.answers]))


class Invitation(Strict):
    """Who the lead asked to answer, written by `invite` and read back by `aggregate`."""

    consortium: str = Field(min_length=1, max_length=200)
    kind: ConsortiumKind = "not-known"
    stage: Stage | None = None
    tender_deadline: date | None = None
    lead: str | None = Field(default=None, max_length=200)
    partners: list[str] = Field(default_factory=list)

    @property
    def invited(self) -> list[str]:
        """Every organisation asked to answer: the lead, then the partners."""
        return list(dict.fromkeys([*([self.lead] if self.lead else []), *self.partners]))


class Member(Strict):
    """One partner, as the view shows it: from its latest complete assessment."""

    label: str
    role: Role
    stage: Stage
    kind: ConsortiumKind
    created: AwareDatetime
    bank_version: str
    overall: float | None
    band: str | None
    coverage: float
    """The per cent of the questions asked of it that it answered."""
    found: int = 1
    """How many of its assessments were among those read; the latest complete one is used."""
    invited: bool | None = None
    """Whether it is on the invitation list; None when there is no list."""
    index: int = Field(default=0, exclude=True)
    """Its place among the assessments given to `aggregate`, to open the one behind it."""

    @property
    def partial(self) -> bool:
        return self.coverage < 100


class Cell(Strict):
    """One partner's score for one theme, from what it knows, and how much it does not."""

    score: float | None
    """None: more of the theme is unknown than the bank allows for a score."""
    band: str | None
    unknown: float


class ThemeSpread(Strict):
    """A theme across the partners: the middle, lowest and highest of their scores."""

    id: str
    title: str
    weight: float
    cells: list[Cell | None]
    """Each member's score, in the members' order; None where nothing in the theme applies."""
    middle: float | None
    lowest: float | None
    highest: float | None
    lowest_members: list[str]
    unknown: float
    """The average, over the partners the theme applies to, of the per cent of it unknown."""
    not_enough: int
    """How many partners know too little of the theme for a score."""
    levels_apart: int
    """How many bands lie between the highest partner's band and the lowest's."""

    @property
    def scored(self) -> int:
        return sum(cell is not None and cell.score is not None for cell in self.cells)


class Position(Strict):
    """One answer to a question, and the partners who gave it."""

    answer: str
    level: int | None
    """0 for the question's best answer, 1 for the next score down, and so on."""
    members: list[str]


class Disagreement(Strict):
    """A question the partners answer differently: a fact contradicted, or answers far apart."""

    question: str
    text: str
    theme: str
    fact: bool
    positions: list[Position]
    """Each different answer given, best first."""
    dont_know: list[str]
    levels_apart: int
    cites: list[str]


class RaisedFlag(Strict):
    """A red flag raised by one or more partners, and who raised it."""

    id: str
    title: str
    title_unknown: str
    caps_band: str
    raised_by: list[str]
    unknown_by: list[str]
    """The partners who could not rule it out (it was raised by a "don't know")."""
    cites: list[str]


ConsortiumFlagKind = Literal["no-lead", "several-leads", "lead-differs", "described-differently"]


class ConsortiumFlag(Strict):
    """A problem no single assessment shows: in who expects to lead, or between answers."""

    kind: ConsortiumFlagKind
    members: list[str]
    """The partners it is about (for `lead-differs`, the lead)."""
    details: list[str]
    positions: list[Position] = Field(default_factory=list)
    """For `lead-differs`: the partners' answers that differ from the lead's, and who gave them."""
    cites: list[str]


class BankUse(Strict):
    """A version of the question bank, and the partners whose assessments used it."""

    title: str
    version: str
    members: list[str]


class Coverage(Strict):
    """Who answered, who was asked and has not, and what could not be read."""

    answered: int
    invited: int | None
    not_answered: list[str]
    """The invited organisations with no assessment; empty when anonymised (see the count)."""
    not_answered_count: int
    not_invited: list[str]
    skipped: list[str]
    """The files that could not be read; empty when anonymised (see the count)."""
    skipped_count: int


class Consortium(Strict):
    """The whole consortium view: what the HTML, Markdown and JSON reports and the TUI show."""

    view: Literal["consortium-ready consortium view"] = VIEW_KIND
    view_version: int = VIEW_VERSION
    made: AwareDatetime
    anonymised: bool
    consortium: str | None
    bank: str
    """The question bank the questions and lessons are worded from."""
    banks: list[BankUse]
    common: int
    """How many questions every assessment's bank holds: those the partners are compared on."""
    members: list[Member]
    themes: list[ThemeSpread]
    contradictions: list[Disagreement]
    spreads: list[Disagreement]
    flags: list[RaisedFlag]
    consortium_flags: list[ConsortiumFlag]
    coverage: Coverage
    notes: list[str]

    @property
    def theme_gaps(self) -> list[ThemeSpread]:
        """The themes where partners' bands are two or more apart, widest first."""
        gaps = [theme for theme in self.themes if theme.levels_apart >= WIDE_APART]
        return sorted(gaps, key=lambda theme: (-theme.levels_apart, -theme.weight))

    @property
    def leads(self) -> list[Member]:
        return [member for member in self.members if member.role == "lead"]
