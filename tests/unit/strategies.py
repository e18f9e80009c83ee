"""Hypothesis strategies for valid answer sets against any bank."""

from __future__ import annotations

from hypothesis import strategies as st

from consortium_ready.domain.answerset import AnswerSet
from consortium_ready.domain.bank import DONT_KNOW, AnswerValue, Bank, Question
from consortium_ready.domain.conditions import visibility
from consortium_ready.domain.profile import Profile
from consortium_ready.domain.profilefields import ROLES, STAGES


def answer_values(question: Question) -> st.SearchStrategy[AnswerValue]:
    """Any valid answer to one question."""
    if question.kind == "text":
        return st.text(min_size=1, max_size=20)
    if question.kind == "number":
        numbers = st.integers(min_value=0, max_value=60) | st.floats(0, 60, allow_nan=False)
        return numbers | st.just(DONT_KNOW) if question.option(DONT_KNOW) else numbers
    if question.kind == "multi":
        exclusive = [o.value for o in question.options if o.exclusive]
        combinable = [o.value for o in question.options if not o.exclusive]
        singles = st.sampled_from(exclusive).map(lambda v: [v]) if exclusive else st.nothing()
        return singles | st.lists(st.sampled_from(combinable), min_size=1, unique=True)
    return st.sampled_from([o.value for o in question.options])


profiles = st.builds(
    Profile,
    organisation=st.just("Test organisation"),
    role=st.sampled_from(list(ROLES)),
    stage=st.sampled_from(list(STAGES)),
)


@st.composite
def answer_sets(draw: st.DrawFn, bank: Bank) -> AnswerSet:
    """A profile and answers to some of the questions it is asked, in questionnaire order."""
    profile = draw(profiles)
    answers: dict[str, AnswerValue] = {}
    for question in bank.questions:
        if visibility(bank, question, profile, answers) == "asked" and draw(st.booleans()):
            answers[question.id] = draw(answer_values(question))
    return AnswerSet(profile=profile, answers=answers)
