"""Where partners' answers differ: facts contradicted, and answers far apart. No I/O.

A question the bank marks `fact: true` describes the consortium, so any two
different known answers contradict each other. On other questions, answers two
or more levels apart (a level for each score an answer can earn, best first)
are a disagreement. See docs/scoring.md, section 11.
"""

from __future__ import annotations

from consortium_ready.domain.bank import AnswerValue, Bank, Option, Question
from consortium_ready.domain.consortium import (
    WIDE_APART,
    Answered,
    Disagreement,
    Position,
)
from consortium_ready.domain.result import QuestionStatus

COMPARED = ("single", "yes_no", "number")
"""The kinds of question compared answer for answer (the answers to others are sets or text)."""


def _levels(question: Question) -> dict[int, int]:
    """Each score an answer can earn, to its level: 0 for the best, 1 for the next, ..."""
    scores = sorted({o.score or 0 for o in question.options if not o.dont_know}, reverse=True)
    return {score: level for level, score in enumerate(scores)}


def _chosen(question: Question, value: AnswerValue) -> Option | None:
    """The option an answer takes (a number's band), or None for one this bank does not offer."""
    if question.kind == "number" and isinstance(value, (int, float)):
        return question.number_option(float(value)) if question.number_bands else None
    return question.option(value) if isinstance(value, str) else None


Given = list[tuple[str, QuestionStatus, AnswerValue | None]]
"""Each partner's label, how a question counted for it, and its answer."""


def _disagreement(bank: Bank, question: Question, given: Given) -> Disagreement | None:
    """How the partners' answers to `question` differ, if they do: None when they agree."""
    levels = _levels(question)
    positions: dict[str, tuple[str, int | None, list[str]]] = {}
    dont_know: list[str] = []
    for label, status, value in given:
        if status == "dont_know":
            dont_know.append(label)
            continue
        option = _chosen(question, value) if value is not None else None
        if status != "answered" or option is None or value is None:
            continue
        exact = question.fact and question.kind == "number"
        key, words = (
            (str(value), bank.answer_words(question.id, value))
            if exact
            else (
                option.value,
                option.label,
            )
        )
        level = levels.get(option.score or 0)
        positions.setdefault(key, (words, level, []))[2].append(label)
    found = [level for _, level, _ in positions.values() if level is not None]
    apart = max(found) - min(found) if found else 0
    if len(positions) < 2 or (not question.fact and apart < WIDE_APART):
        return None
    ordered = sorted(
        positions.values(), key=lambda p: (p[1] if p[1] is not None else len(levels), -len(p[2]))
    )
    return Disagreement(
        question=question.id,
        text=question.text,
        theme=bank.theme_titles.get(question.theme, question.theme),
        fact=question.fact,
        positions=[Position(answer=w, level=lv, members=m) for w, lv, m in ordered],
        dont_know=dont_know,
        levels_apart=apart,
        cites=question.cites,
    )


def disagreements(
    bank: Bank, members: list[tuple[str, Answered]], common: set[str]
) -> list[Disagreement]:
    """Every question compared whose answers differ: facts, and answers two levels apart."""
    compared = [q for q in bank.questions if q.kind in COMPARED and q.id in common]
    given: dict[str, Given] = {q.id: [] for q in compared}
    for label, a in members:  # each partner's answers read once, into every question's list
        counted = {s.question: s.status for s in a.result.questions}
        for question_id, status in counted.items():
            if question_id in given:
                given[question_id].append((label, status, a.answers.get(question_id)))
    found = (_disagreement(bank, q, given[q.id]) for q in compared)
    return [disagreement for disagreement in found if disagreement is not None]


def importance(bank: Bank, question_id: str) -> float:
    """A question's weight times its theme's: how much it counts in the overall score."""
    question = bank.question(question_id)
    if question is None:
        return 0.0
    return (question.weight or 1) * bank.theme(question.theme).weight
