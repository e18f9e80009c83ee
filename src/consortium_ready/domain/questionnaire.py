"""Where an assessment in progress stands: what is asked, how far each theme has got, what is left.

Everything here is recomputed from the profile and the answers, so questions
appear and disappear, and the counts follow, as soon as either changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from consortium_ready.domain.answerset import AnswerSet, answer_problem, without_unasked
from consortium_ready.domain.bank import AnswerValue, Bank, Question
from consortium_ready.domain.conditions import asked_questions, is_dont_know
from consortium_ready.domain.profile import Profile


@dataclass(frozen=True)
class ThemeProgress:
    """How many of a theme's questions are asked now, and how many have an answer."""

    id: str
    title: str
    asked: int
    given: int

    @property
    def complete(self) -> bool:
        return self.given >= self.asked


class Questionnaire:
    """The questions one organisation is asked, given its profile and its answers so far."""

    def __init__(self, bank: Bank, profile: Profile, answers: Mapping[str, AnswerValue]) -> None:
        self.bank = bank
        self.profile = profile
        self.answers = answers
        self.asked = asked_questions(bank, profile, answers)
        self._position = {question.id: index for index, question in enumerate(self.asked)}
        self._order = bank.question_order

    def is_asked(self, question_id: str) -> bool:
        return question_id in self._position

    def position(self, question_id: str) -> int | None:
        """Where a question comes among those asked, counting from 1."""
        index = self._position.get(question_id)
        return None if index is None else index + 1

    @property
    def given(self) -> int:
        """How many asked questions have an answer ("don't know" included)."""
        return sum(question.id in self.answers for question in self.asked)

    def themes(self) -> list[ThemeProgress]:
        """Every theme in the bank's order, with its questions asked and answered."""
        asked = Counter(q.theme for q in self.asked)
        given = Counter(q.theme for q in self.asked if q.id in self.answers)
        return [
            ThemeProgress(theme.id, theme.title, asked[theme.id], given[theme.id])
            for theme in self.bank.themes
        ]

    def first_unanswered(self) -> Question | None:
        return next((q for q in self.asked if q.id not in self.answers), None)

    def after(self, question_id: str) -> Question | None:
        """The next question asked, later in the bank than `question_id` (asked or not)."""
        here = self._order[question_id]
        return next((q for q in self.asked if self._order[q.id] > here), None)

    def before(self, question_id: str) -> Question | None:
        """The question asked before `question_id`, if any."""
        here = self._order[question_id]
        return next((q for q in reversed(self.asked) if self._order[q.id] < here), None)

    def start_of(self, theme_id: str) -> Question | None:
        """The first question asked in a theme, if the theme has any."""
        return next((q for q in self.asked if q.theme == theme_id), None)

    def unanswered(self) -> list[Question]:
        return [q for q in self.asked if q.id not in self.answers]

    def dont_know(self) -> list[Question]:
        return [
            q
            for q in self.asked
            if q.id in self.answers and q.scored and is_dont_know(q, self.answers[q.id])
        ]

    def answer_set(self, notes: Mapping[str, str]) -> AnswerSet:
        """The answers and notes to score: only those to questions asked now."""
        whole = AnswerSet(profile=self.profile, answers=dict(self.answers), notes=dict(notes))
        return without_unasked(self.bank, whole)


def usable_answers(
    bank: Bank, answers: Mapping[str, AnswerValue]
) -> tuple[dict[str, AnswerValue], list[str]]:
    """The answers that still fit the bank, and the ids of those that do not (it was edited)."""
    kept: dict[str, AnswerValue] = {}
    dropped: list[str] = []
    for question_id, value in answers.items():
        question = bank.question(question_id)
        if question is not None and answer_problem(question, value) is None:
            kept[question_id] = value
        else:
            dropped.append(question_id)
    return kept, dropped
