"""Properties the scoring promises for any answers, on the test bank and the built-in one."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from consortium_ready.domain.bank import DONT_KNOW, AnswerValue
from consortium_ready.domain.conditions import is_dont_know
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
def test_a_better_known_answer_never_lowers_any_score(any_bank, data):
    bank = any_bank
    before = data.draw(answer_sets(bank))
    answered = [
        bank.question(q)
        for q, value in before.answers.items()
        if bank.question(q).scored and not is_dont_know(bank.question(q), value)
    ]
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
        if new_theme.score is None:  # a better answer opened questions not yet answered
            assert old_theme.score is None or new_theme.unknown > old_theme.unknown
        elif old_theme.score is not None:
            assert new_theme.score >= old_theme.score, (question.id, old_theme.id)
        assert (new_theme.with_gaps or 0) >= (old_theme.with_gaps or 0), (question.id, old_theme.id)
    assert new.overall.score >= old.overall.score


@SETTINGS
@given(data=st.data())
def test_the_order_answers_were_given_in_does_not_matter(any_bank, data):
    bank = any_bank
    answer_set = data.draw(answer_sets(bank))
    shuffled = data.draw(st.permutations(list(answer_set.answers.items())))
    reordered = answer_set.model_copy(update={"answers": dict(shuffled)})
    assert score(bank, reordered, TODAY) == score(bank, answer_set, TODAY)


@SETTINGS
@given(data=st.data())
def test_dont_know_in_place_of_a_weak_answer_never_raises_the_verdict(any_bank, data):
    bank = any_bank
    before = data.draw(answer_sets(bank))
    stage = before.profile.stage
    weak = [
        q
        for q in (bank.question(qid) for qid in before.answers)
        if q is not None
        and q.option(DONT_KNOW) is not None
        and answer_score(q, before.answers[q.id], stage) < 100
    ]
    assume(weak)
    question = data.draw(st.sampled_from(weak))
    value: AnswerValue = [DONT_KNOW] if question.kind == "multi" else DONT_KNOW
    after = before.model_copy(update={"answers": {**before.answers, question.id: value}})
    old, new = score(bank, before, TODAY), score(bank, after, TODAY)
    rank = bank.band_rank
    assert rank[new.overall.band] >= rank[old.overall.band], question.id
    assert new.overall.score <= old.overall.score
    assert {f.id for f in old.flags} <= {f.id for f in new.flags}
