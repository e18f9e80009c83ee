"""Which questions are asked, given the profile and the answers so far.

A question can depend on the role, the stage and earlier answers. When an
earlier answer hides a follow-up question, the follow-up still stands for
something in the score: a follow-up that opens on better answers (\"has your
agreement been checked by a solicitor?\" after \"we have an agreement\") counts
as 0 when hidden, and one that opens on weaker answers (\"do you have a plan
to find a guarantor?\" after \"no guarantor\") counts as full marks. That is what
makes a better answer unable to lower any score (see docs/scoring.md). A follow-up
hidden because the answer it depends on is "don't know" or not given is itself
unknown.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Literal

from consortium_ready.domain.bank import DONT_KNOW, AnswerValue, Bank, FlagCondition, Question
from consortium_ready.domain.profile import Profile
from consortium_ready.domain.profilefields import Stage

Visibility = Literal["asked", "not_applicable", "hidden_low", "hidden_high", "hidden_unknown"]
Direction = Literal["up", "down"]


def opens_on(question: Question, values: list[str], stage: Stage) -> Direction | None:
    """Whether `values` are the better answers to `question` ("up"), the weaker ("down"), or not.

    "Up" means every listed option scores at least as well as every other
    option at this stage; "down" the reverse.
    """
    inside = [o.score_at(stage) for o in question.options if o.value in values]
    outside = [o.score_at(stage) for o in question.options if o.value not in values]
    if not inside or not outside or min(inside) >= max(outside):
        return "up"
    if max(inside) <= min(outside):
        return "down"
    return None


def _profile_allows(question: Question, profile: Profile) -> bool:
    when = question.applies_when
    return (
        (when.role is None or profile.role in when.role)
        and (when.stage is None or not profile.stages.isdisjoint(when.stage))
        and (when.kind is None or profile.kind in when.kind)
    )


def visibility(
    bank: Bank, question: Question, profile: Profile, answers: Mapping[str, AnswerValue]
) -> Visibility:
    """Whether `question` is asked, does not apply, or is hidden by an earlier answer (or,
    where that answer is unknown, hidden with whether it applies unknown)."""
    if not _profile_allows(question, profile):
        return "not_applicable"
    conditions = question.applies_when.answers
    parents = {
        parent_id: parent
        for parent_id in conditions
        if (parent := bank.question(parent_id)) and _profile_allows(parent, profile)
    }
    if len(parents) < len(conditions):
        return "not_applicable"
    if all(answers.get(parent_id) in values for parent_id, values in conditions.items()):
        return "asked"
    if any(
        parent_id not in answers or is_dont_know(parent, answers[parent_id])
        for parent_id, parent in parents.items()
    ):
        return "hidden_unknown"
    directions = {
        opens_on(parents[parent_id], values, profile.stage)
        for parent_id, values in conditions.items()
    }
    return "hidden_high" if directions == {"down"} else "hidden_low"


def is_dont_know(question: Question, answer: AnswerValue) -> bool:
    """Whether an answer is, or includes, "don't know"."""
    values = answer if isinstance(answer, list) else [answer]
    return any(
        v == DONT_KNOW or getattr(question.option(v), "dont_know", False)
        for v in values
        if isinstance(v, str)
    )


def asked_questions(
    bank: Bank, profile: Profile, answers: Mapping[str, AnswerValue]
) -> list[Question]:
    """The questions this organisation is asked now, in questionnaire order."""
    return [q for q in bank.questions if visibility(bank, q, profile, answers) == "asked"]


Truth = bool | None
"""True, false, or None for "unknown": a condition met by a "don't know" answer."""


def condition_state(
    bank: Bank,
    condition: FlagCondition,
    profile: Profile,
    answers: Mapping[str, AnswerValue],
    today: date,
) -> Truth:
    """Whether one red-flag condition holds, does not, or cannot be told (None).

    A question answered "don't know" leaves its condition unknown, whatever the
    condition tests; an unanswered or unasked question, or a deadline not
    given, does not meet it. See docs/scoring.md.
    """
    if condition.profile == "weeks_left":
        weeks = profile.weeks_left(today)
        return weeks is not None and weeks < (condition.below or 0)
    if condition.profile == "stage":
        return not profile.stages.isdisjoint(condition.in_ or [])
    if condition.profile is not None:
        return getattr(profile, condition.profile) in (condition.in_ or [])
    question = bank.question(condition.question or "")
    if question is None or visibility(bank, question, profile, answers) != "asked":
        return False
    answer = answers.get(question.id)
    if answer is None:
        return False
    if is_dont_know(question, answer):
        return None
    if condition.below is not None:
        return isinstance(answer, (int, float)) and answer < condition.below
    chosen = answer if isinstance(answer, list) else [answer]
    return any(value in (condition.in_ or []) for value in chosen)


def all_of(states: list[Truth]) -> Truth:
    """Three-valued AND: false if any is false, else unknown if any is unknown, else true."""
    if False in states:
        return False
    return None if None in states else True
