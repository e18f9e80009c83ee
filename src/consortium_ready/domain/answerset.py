"""An organisation's answers, and the checks that keep them consistent with the bank."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from consortium_ready.domain.bank import DONT_KNOW, AnswerValue, Bank, Question
from consortium_ready.domain.conditions import asked_questions, visibility
from consortium_ready.domain.profile import Profile

LARGEST_NUMBER = 1_000_000
"""The largest number answer taken: far beyond any count of weeks, partners or months."""


class AnswerSet(BaseModel):
    """A profile, the answers given (question id to value) and evidence notes."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    profile: Profile
    answers: dict[str, AnswerValue] = Field(default_factory=dict)
    notes: dict[str, str] = Field(default_factory=dict)

    @field_validator("answers", "notes", mode="before")
    @classmethod
    def _blank_is_unanswered(cls, value: Any) -> Any:
        """A key left empty (as in a fresh template) is simply not answered yet."""
        if value is None:
            return {}
        if isinstance(value, dict):
            return {k: v for k, v in value.items() if v is not None and v != ""}
        return value


def answer_problem(question: Question, value: Any) -> str | None:
    """Why `value` is not a valid answer to `question`, or None if it is."""
    offered = ", ".join(option.value for option in question.options)
    if question.kind == "text":
        return None if isinstance(value, str) else "a text answer is expected"
    if question.kind == "number":
        if value == DONT_KNOW and question.option(DONT_KNOW):
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            extra = f" or {DONT_KNOW}" if question.option(DONT_KNOW) else ""
            return f"{value!r} is not a number; give a number of {question.unit or 'units'}{extra}"
        if value < 0:
            return "the number cannot be negative"
        if not value <= LARGEST_NUMBER:  # also NaN, infinity and a 400-digit number
            return f"give a number of {question.unit or 'units'} from 0 to {LARGEST_NUMBER:,}"
        return None
    if question.kind == "multi":
        if not isinstance(value, list) or not value:
            return f"a list of one or more of: {offered}"
        unknown = [v for v in value if not isinstance(v, str) or question.option(v) is None]
        if unknown:
            return f"{', '.join(map(str, unknown))} not offered; choose from: {offered}"
        exclusive = [v for v in value if question.option_map[v].exclusive]
        if exclusive and len(value) > 1:
            return f"{exclusive[0]} cannot be combined with other answers"
        if len(set(value)) != len(value):
            return "an answer is listed twice"
        return None
    if isinstance(value, str) and question.option(value):
        return None
    return f"{value!r} is not offered; choose one of: {offered}"


def answers_problems(bank: Bank, answer_set: AnswerSet) -> list[tuple[tuple[Any, ...], str]]:
    """Unknown ids, invalid values and answers to questions that do not apply."""
    problems: list[tuple[tuple[Any, ...], str]] = []
    answers = answer_set.answers
    for question_id, value in answers.items():
        question = bank.question(question_id)
        if question is None:
            problems.append((("answers", question_id), "no such question in the bank"))
            continue
        problem = answer_problem(question, value)
        if problem:
            problems.append((("answers", question_id), problem))
        elif visibility(bank, question, answer_set.profile, answers) != "asked":
            problems.append(
                (
                    ("answers", question_id),
                    "this question does not apply, given the profile "
                    "and the other answers; remove the answer",
                )
            )
    for question_id in answer_set.notes:
        if bank.question(question_id) is None:
            problems.append((("notes", question_id), "no such question in the bank"))
    return problems


def without_unasked(bank: Bank, answer_set: AnswerSet) -> AnswerSet:
    """The answer set less answers to questions not asked now (after a change of role, say).

    Every note on a question in the bank is kept, asked now or not: nothing typed is
    lost because a changed answer stopped a question applying.
    """
    asked = {q.id for q in asked_questions(bank, answer_set.profile, answer_set.answers)}
    return answer_set.model_copy(
        update={
            "answers": {k: v for k, v in answer_set.answers.items() if k in asked},
            "notes": {k: v for k, v in answer_set.notes.items() if bank.question(k)},
        }
    )
