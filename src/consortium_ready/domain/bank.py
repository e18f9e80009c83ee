"""The question bank: themes, questions, options, bands and red flags."""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    Field,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from consortium_ready.domain.base import Id, Strict
from consortium_ready.domain.profilefields import ConsortiumKind, Role, Stage
from consortium_ready.domain.sources import (
    CaseItem,
    CaseStudy,
    GuidanceItem,
    GuidanceSource,
    Source,
)
from consortium_ready.words import plain_number

QuestionKind = Literal["single", "yes_no", "number", "multi", "text"]
DONT_KNOW = "dont-know"


def _one_answer_message(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    """One plain message for a value of the wrong shape, instead of one per union member."""
    if isinstance(value, bool):
        raise PydanticCustomError("answer", "true and false are not answers; write yes or no")
    try:
        return handler(value)
    except ValidationError:
        raise PydanticCustomError(
            "answer", "an answer is an option value, a number, or a list of option values"
        ) from None


Cited = tuple[CaseStudy, CaseItem] | tuple[GuidanceSource, GuidanceItem]
"""What a citation names: a case study or a guidance document, and one of its items."""

AnswerValue = Annotated[int | float | str | list[str], WrapValidator(_one_answer_message)]


class Option(Strict):
    """One answer level, with what it looks like in practice and what it scores."""

    value: str = Id
    label: str
    anchor: str
    score: int | None = Field(default=None, ge=0, le=100)
    stage_scores: dict[Stage, int] = Field(default_factory=dict)
    dont_know: bool = False
    exclusive: bool = False
    from_: float | None = Field(default=None, alias="from", ge=0)

    def score_at(self, stage: Stage) -> int:
        """The score at the consortium's stage; "don't know" is always 0."""
        if self.dont_know:
            return 0
        return self.stage_scores.get(stage, self.score or 0)


class AppliesWhen(Strict):
    """When a question is asked; every listed condition must hold."""

    role: list[Role] | None = None
    stage: list[Stage] | None = None
    kind: list[ConsortiumKind] | None = None
    answers: dict[str, list[str]] = Field(default_factory=dict)


class LeadCheck(Strict):
    """How partners' answers to a question are held against the lead's own (the consortium view).

    The lead answers `question` (this question when not given); a partner's answer
    agrees with the lead's when `agrees` lists it under the lead's answer, or, without
    `agrees`, when it is the same answer. Lead answers `agrees` leaves out are not checked.
    """

    question: str | None = None
    agrees: dict[str, list[str]] = Field(default_factory=dict)


class Question(Strict):
    """One question, worded to the respondent's organisation."""

    id: str = Id
    kind: QuestionKind
    text: str
    theme: str = ""
    weight: int | None = Field(default=None, ge=1, le=3)
    unit: str | None = None
    unit_one: str | None = None
    why: str | None = None
    cites: list[str] = Field(default_factory=list)
    action: str | None = None
    find_out: str | None = None
    evidence: str | None = None
    applies_when: AppliesWhen = Field(default_factory=AppliesWhen)
    fact: bool = False
    """A fact about the consortium, the same for every partner: partners who answer it
    differently contradict each other (the consortium view)."""
    lead_check: LeadCheck | None = None
    options: list[Option] = Field(default_factory=list)

    @property
    def scored(self) -> bool:
        return self.kind != "text"

    @cached_property
    def option_map(self) -> dict[str, Option]:
        return {option.value: option for option in self.options}

    def option(self, value: str) -> Option | None:
        return self.option_map.get(value)

    def unit_for(self, number: float) -> str:
        """The unit as it reads after `number`: `unit_one` after exactly 1, else `unit`."""
        if number == 1 and self.unit_one is not None:
            return self.unit_one
        return self.unit or ""

    def answer_label(self, value: AnswerValue) -> str:
        """An answer in words: the option labels, or the number with its unit."""
        if self.kind == "text":
            return str(value)
        if self.kind == "number" and isinstance(value, (int, float)):
            return f"{plain_number(value)} {self.unit_for(value)}".strip()
        values = value if isinstance(value, list) else [value]
        return "; ".join(self._label(v) for v in values)

    def _label(self, value: int | float | str) -> str:
        option = self.option(value) if isinstance(value, str) else None
        return option.label if option else str(value)

    @cached_property
    def number_bands(self) -> list[Option]:
        """A number question's bands, lowest `from` first."""
        return sorted((o for o in self.options if o.from_ is not None), key=lambda o: o.from_ or 0)

    def number_option(self, number: float) -> Option:
        """The band a number falls in: the highest `from` it reaches (else the lowest band)."""
        banded = self.number_bands
        reached = [option for option in banded if number >= (option.from_ or 0)]
        return reached[-1] if reached else banded[0]


class ThemeInfo(Strict):
    id: str = Id
    title: str
    order: int
    weight: float = Field(default=1, gt=0)
    summary: str


class ThemeFile(Strict):
    """The shape of one file in `questions/themes/`."""

    theme: ThemeInfo
    questions: list[Question] = Field(min_length=1)


class Theme(Strict):
    id: str
    title: str
    order: int
    weight: float
    summary: str
    questions: list[Question]


class Band(Strict):
    id: str = Id
    label: str
    min: int = Field(ge=0, le=100)
    meaning: str


ProfileField = Literal["role", "stage", "kind", "weeks_left"]


class FlagCondition(Strict):
    """One condition of a red flag: on an answer, or on the profile."""

    question: str | None = None
    profile: ProfileField | None = None
    in_: list[str] | None = Field(default=None, alias="in")
    below: float | None = None

    @model_validator(mode="after")
    def _one_subject_one_test(self) -> FlagCondition:
        if (self.question is None) == (self.profile is None):
            raise ValueError("give exactly one of `question` or `profile`")
        if (self.in_ is None) == (self.below is None):
            raise ValueError("give exactly one of `in` or `below`")
        numeric = self.question is not None or self.profile == "weeks_left"
        if self.below is not None and not numeric:
            raise ValueError("`below` tests a number answer or `weeks_left`, not the profile")
        if self.profile == "weeks_left" and self.in_ is not None:
            raise ValueError("`weeks_left` is a number: test it with `below`")
        return self


class Flag(Strict):
    """A critical gap, reported apart from the average, that caps the overall band."""

    id: str = Id
    title: str
    title_unknown: str
    caps_band: str
    explain: str
    action: str
    cites: list[str] = Field(min_length=1)
    when: list[FlagCondition] = Field(min_length=1)


class FlagsFile(Strict):
    flags: list[Flag]


class Uncited(Strict):
    item: str
    reason: str = Field(min_length=1)


class BankInfo(Strict):
    """The shape of `questions/bank.yaml`."""

    id: str = Id
    title: str
    version: str
    action_below: int = Field(default=75, ge=0, le=100)
    unknown_limit: int = Field(default=50, ge=0, le=100)
    """A theme with more than this per cent of its weight unknown is not scored."""
    bands: list[Band] = Field(min_length=1)
    uncited: list[Uncited] = Field(default_factory=list)


class Bank(Strict):
    """A whole, checked bank: case studies, themes, questions and flags."""

    info: BankInfo
    source: Source
    cases: list[CaseStudy]
    guidance: list[GuidanceSource] = Field(default_factory=list)
    themes: list[Theme]
    flags: list[Flag]
    content_hash: str

    @cached_property
    def questions(self) -> list[Question]:
        """Every question, in questionnaire order."""
        return [question for theme in self.themes for question in theme.questions]

    @cached_property
    def theme_titles(self) -> dict[str, str]:
        """Each theme's title by id."""
        return {theme.id: theme.title for theme in self.themes}

    @cached_property
    def _questions_by_id(self) -> dict[str, Question]:
        return {question.id: question for question in self.questions}

    @cached_property
    def question_order(self) -> dict[str, int]:
        """Each question's place in the questionnaire, from 0."""
        return {question.id: index for index, question in enumerate(self.questions)}

    @cached_property
    def band_rank(self) -> dict[str, int]:
        """Each band's place from the top, from 0: the higher the rank, the worse the band."""
        return {band.id: index for index, band in enumerate(self.info.bands)}

    @cached_property
    def _items_by_ref(self) -> dict[str, Cited]:
        found: dict[str, Cited] = {}
        for case in self.cases:
            found |= {case.item_ref(item): (case, item) for item in case.items}
        for source in self.guidance:
            found |= {source.item_ref(item): (source, item) for item in source.items}
        return found

    def question(self, question_id: str) -> Question | None:
        return self._questions_by_id.get(question_id)

    def theme(self, theme_id: str) -> Theme:
        return next(theme for theme in self.themes if theme.id == theme_id)

    def case(self, case_id: str) -> CaseStudy:
        return next(case for case in self.cases if case.id == case_id)

    def cases_cited(self, refs: list[str]) -> list[CaseStudy]:
        """The case studies `refs` cite, in the order first cited (guidance left out)."""
        cases: dict[str, CaseStudy] = {}
        for ref in refs:
            source = (self.cited(ref) or (None,))[0]
            if isinstance(source, CaseStudy):
                cases.setdefault(source.id, source)
        return list(cases.values())

    def cited(self, ref: str) -> Cited | None:
        """The case study or guidance, and its item, that a citation (`leeds.six-weeks`) names."""
        return self._items_by_ref.get(ref)

    def band(self, score: float) -> Band:
        """The band a score falls in: the first, from the top, whose minimum it reaches."""
        return next((b for b in self.info.bands if score >= b.min), self.info.bands[-1])

    @cached_property
    def _bands_by_id(self) -> dict[str, Band]:
        return {band.id: band for band in self.info.bands}

    def band_by_id(self, band_id: str) -> Band:
        return self._bands_by_id[band_id]

    def band_label(self, band_id: str | None) -> str:
        """A band's label, or its id when this bank no longer has it."""
        band = self._bands_by_id.get(band_id or "")
        return band.label if band else band_id or ""

    def answer_words(self, question_id: str, value: AnswerValue | None) -> str:
        """An answer in words, as this bank labels it; empty when not answered."""
        if value is None:
            return ""
        question = self.question(question_id)
        if question is not None:
            return question.answer_label(value)
        return "; ".join(map(str, value)) if isinstance(value, list) else str(value)

    def citing(self, source_id: str) -> list[Question]:
        """The questions that cite any item of a case study or guidance document."""
        prefix = f"{source_id}."
        return [q for q in self.questions if any(ref.startswith(prefix) for ref in q.cites)]
