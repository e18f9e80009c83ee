"""What a saved assessment must also be, beyond its shape: scores in range, answers the bank offers.

A saved file may have been edited, or damaged, by hand. A score of 500 would
be shown as "500 out of 100", and an answer the bank does not offer as a
number with no meaning; both are refused, naming the field.
"""

from __future__ import annotations

from typing import Any

from consortium_ready.domain.answerset import answer_problem
from consortium_ready.domain.assessment import Assessment
from consortium_ready.domain.bank import Bank

Loc = tuple[str | int, ...]

PER_CENTS: tuple[Loc, ...] = (
    ("result", "overall", "score"),
    ("result", "overall", "known_score"),
    ("result", "overall", "unknown"),
    ("result", "themes", "*", "score"),
    ("result", "themes", "*", "unknown"),
    ("result", "themes", "*", "with_gaps"),
    ("result", "coverage", "percent"),
    ("result", "questions", "*", "score"),
)
"""Every figure in a result that is out of 100 (`*`: each item of a list)."""


def _at(data: Any, pattern: Loc) -> list[tuple[Loc, Any]]:
    """The values in `data` at `pattern`, with where each is: one step of the pattern at a time."""
    found: list[tuple[Loc, Any]] = [((), data)]
    for step in pattern:
        if step == "*":
            found = [
                ((*loc, index), item)
                for loc, value in found
                if isinstance(value, list)
                for index, item in enumerate(value)
            ]
        else:
            found = [
                ((*loc, step), value[step])
                for loc, value in found
                if isinstance(value, dict) and step in value
            ]
    return found


def out_of_range(data: Any) -> list[tuple[Loc, str]]:
    """Each figure out of 100 in parsed saved-assessment `data` that is not from 0 to 100."""
    return [
        (loc, f"{value} is not a score from 0 to 100")
        for pattern in PER_CENTS
        for loc, value in _at(data, pattern)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not 0 <= value <= 100
    ]


def answers_off_the_bank(assessment: Assessment, bank: Bank) -> list[tuple[Loc, str]]:
    """Answers and notes in `assessment` that the bank it was made with does not offer."""
    places: list[tuple[Loc, str]] = []
    for question_id, value in assessment.answers.items():
        question = bank.question(question_id)
        problem = answer_problem(question, value) if question else "no such question in the bank"
        if problem:
            places.append((("answers", question_id), problem))
    places += [
        (("notes", question_id), "no such question in the bank")
        for question_id in assessment.notes
        if bank.question(question_id) is None
    ]
    return places
