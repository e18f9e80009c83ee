"""Properties the scoring promises for any answers, on the test bank and the built-in one."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from consortium_ready.domain.scoring import answer_score, score
from tests.unit.strategies import answer_sets, answer_values

TODAY = date(2026, 1, 15)  # the day deadlines are counted from


@pytest.fixture(scope="module", params=["mini", "builtin"])
def any_bank(request, mini_bank):
    return mini_bank if request.param == "mini" else request.getfixturevalue("bank")


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(data=st.data())
def test_scores_stay_between_0_and_100(any_bank, data):
    bank = any_bank
    result = score(bank, data.draw(answer_sets(bank)), TODAY)
    assert all(0 <= s <= 100 for s in all_scores_of(result))
    assert all(0 <= q.score <= 100 for q in result.questions)
    assert 0 <= result.coverage.percent <= 100


def all_scores_of(result) -> list[float]:
    return [t.score for t in result.themes if t.score is not None] + (
        [result.overall.score] if result.overall.score is not None else []
    )


@SETTINGS
@given(data=st.data())
def test_a_better_answer_never_lowers_any_score(any_bank, data):
    bank = any_bank
    before = data.draw(answer_sets(bank))
    answered = [bank.question(q) for q in before.answers if bank.question(q).scored]
    assume(answered)
    question = data.draw(st.sampled_from(answered))
    stage = before.profile.stage
    current = answer_score(question, before.answers[question.id], stage)
    assume(current < 100)
    better = data.draw(
        answer_values(question).filter(lambda v: answer_score(question, v, stage) > current)
    )
    after = before.model_copy(update={"answers": {**before.answers, question.id: better}})
    old, new = score(bank, before, TODAY), score(bank, after, TODAY)
    for old_theme, new_theme in zip(old.themes, new.themes, strict=True):
        if old_theme.score is not None:
            assert new_theme.score >= old_theme.score, (question.id, old_theme.id)
    assert new.overall.score >= old.overall.score


@SETTINGS
@given(data=st.data())
def test_the_order_answers_were_given_in_does_not_matter(any_bank, data):
    bank = any_bank
    answer_set = data.draw(answer_sets(bank))
    shuffled = data.draw(st.permutations(list(answer_set.answers.items())))
    reordered = answer_set.model_copy(update={"answers": dict(shuffled)})
    assert score(bank, reordered, TODAY) == score(bank, answer_set, TODAY)
