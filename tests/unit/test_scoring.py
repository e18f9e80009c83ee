"""Scoring worked by hand on the test bank, as docs/scoring.md describes it."""

from __future__ import annotations

from datetime import date

import pytest

from consortium_ready.domain.answerset import AnswerSet
from consortium_ready.domain.profile import Profile
from consortium_ready.domain.scoring import score

TODAY = date(2026, 1, 15)  # the day deadlines are counted from
STRONG = {
    "guarantor": "yes",
    "lead_capacity": "yes",
    "agreement": "signed",
    "legal_check": "yes",
    "weeks": 8,
    "support": ["funding", "advice"],
}


def answers(role="lead", stage="bidding", **given) -> AnswerSet:
    return AnswerSet(
        profile=Profile(organisation="Org", role=role, stage=stage),
        answers={k.replace("_", "-"): v for k, v in given.items()},
    )


def by_question(result):
    return {q.question: (q.status, q.score) for q in result.questions}


def test_a_worked_example(mini_bank):
    result = score(
        mini_bank,
        answers(
            guarantor="no",
            guarantor_plan="talks",
            lead_capacity="partly",
            agreement="none",
            weeks=3,
            support=["funding", "training"],
        ),
        TODAY,
    )
    # Lead body: guarantor 0×2, plan 50×3, capacity 50×2 → 250 / 7 = 35.7
    # Agreeing: agreement 0×3, legal check hidden by a weaker answer 0×3,
    #           3 weeks → 50×2, support 50+25 → 75×1 → 175 / 9 = 19.4
    # Overall: (35.7×1 + 19.4×2) / 3 = 24.8
    assert [(t.id, t.score) for t in result.themes] == [("lead", 35.7), ("agreeing", 19.4)]
    assert result.overall.score == 24.8
    assert by_question(result)["legal-check"] == ("hidden_low", 0)


def test_a_follow_up_hidden_by_a_better_answer_counts_in_full(mini_bank):
    result = score(mini_bank, answers(guarantor="yes", lead_capacity="no"), TODAY)
    assert by_question(result)["guarantor-plan"] == ("hidden_high", 100)
    assert result.themes[0].score == round((100 * 2 + 100 * 3 + 0 * 2) / 7, 1)


def test_a_theme_is_scored_from_what_is_known_and_says_how_much_is_not(mini_bank):
    # Lead body: guarantor yes 100×2, plan hidden by it 100×3, capacity unknown ×2
    result = score(mini_bank, answers(guarantor="yes", lead_capacity="dont-know"), TODAY)
    lead = result.themes[0]
    assert lead.score == 100 and lead.unknown == round(100 * 2 / 7, 1)
    assert lead.with_gaps == round((100 * 2 + 100 * 3) / 7, 1)


def test_a_theme_mostly_unknown_is_not_scored(mini_bank):
    result = score(mini_bank, answers(guarantor="dont-know", guarantor_plan="plan"), TODAY)
    lead = result.themes[0]  # guarantor unknown ×2 and capacity unanswered ×2, of 7
    assert lead.unknown == round(100 * 4 / 7, 1) and lead.score is None


def test_the_verdict_counts_what_is_unknown_as_gaps(mini_bank):
    assert score(mini_bank, answers(**STRONG), TODAY).overall.band == "ready"
    result = score(mini_bank, answers(**{**STRONG, "legal_check": None}), TODAY)
    # Agreeing (weight 2): legal-check 3 of 9 unknown → 33.3; lead body (1): 0
    assert result.overall.unknown == round((33.3 * 2 + 0) / 3, 1)
    assert result.overall.known_score == 100
    assert result.overall.score == round((100 + 66.7 * 2) / 3, 1)
    assert result.overall.band == "nearly"


def test_dont_know_is_a_gap_with_a_find_out_action(mini_bank):
    result = score(mini_bank, answers(agreement="dont-know", support=["dont-know"]), TODAY)
    assert by_question(result)["agreement"] == ("dont_know", 0)
    assert by_question(result)["support"] == ("dont_know", 0)
    kinds = {a.question: a.kind for a in result.actions}
    assert kinds["agreement"] == "find_out"
    assert result.coverage.dont_know == 2


def test_unanswered_questions_count_as_zero_and_lower_coverage(mini_bank):
    result = score(mini_bank, answers(guarantor="yes"), TODAY)
    assert by_question(result)["agreement"] == ("unanswered", 0)
    # asked: guarantor, lead-capacity, agreement, weeks, support (both follow-ups hidden)
    assert result.coverage.asked == 5 and result.coverage.unanswered == 4
    assert result.coverage.percent == 20.0


def test_expectations_depend_on_the_stage(mini_bank):
    exploring = score(mini_bank, answers(stage="exploring", agreement="draft"), TODAY)
    bidding = score(mini_bank, answers(stage="bidding", agreement="draft"), TODAY)
    assert by_question(exploring)["agreement"] == ("answered", 80)
    assert by_question(bidding)["agreement"] == ("answered", 40)


def test_questions_for_another_role_or_stage_do_not_count(mini_bank):
    result = score(mini_bank, answers(role="partner", stage="exploring"), TODAY)
    assert {"lead-capacity", "weeks"}.isdisjoint(by_question(result))


def test_number_answers_fall_in_bands(mini_bank):
    for weeks, expected in [(0, 0), (1.9, 0), (2, 50), (5.5, 50), (6, 100), (52, 100)]:
        assert by_question(score(mini_bank, answers(weeks=weeks), TODAY))["weeks"][1] == expected


def test_multiple_choice_adds_up_to_at_most_100(mini_bank):
    result = score(mini_bank, answers(support=["funding", "advice", "training"]), TODAY)
    assert by_question(result)["support"] == ("answered", 100)


def test_red_flags_cap_the_overall_band_but_not_the_score(mini_bank):
    clean = score(mini_bank, answers(**STRONG), TODAY)
    assert clean.overall.band == "ready" and clean.flags == []
    flagged = score(
        mini_bank, answers(**{**STRONG, "guarantor": "no", "guarantor_plan": "plan"}), TODAY
    )
    assert [f.id for f in flagged.flags] == ["no-guarantor"]
    assert flagged.overall.uncapped_band == "ready"
    assert flagged.overall.band == "early" and flagged.overall.capped_by == ["no-guarantor"]


def test_the_worst_cap_wins_and_flags_are_listed_worst_first(mini_bank):
    result = score(mini_bank, answers(guarantor="no", agreement="none", weeks=3), TODAY)
    assert [f.id for f in result.flags] == ["rushed", "no-guarantor"]
    assert result.overall.band == "not-ready"


def test_a_flag_on_an_unasked_question_is_not_raised(mini_bank):
    result = score(mini_bank, answers(stage="exploring", agreement="none"), TODAY)
    assert result.flags == []


def test_the_action_plan_puts_flags_then_the_heaviest_weakest_gaps_first(mini_bank):
    result = score(
        mini_bank,
        answers(
            guarantor="no",
            guarantor_plan="talks",
            lead_capacity="partly",
            agreement="signed",
            legal_check="no",
            weeks=8,
            support=["training"],
        ),
        TODAY,
    )
    plan = [(a.rank, a.part, a.kind, a.flag or a.question) for a in result.actions]
    # The flag answers for the guarantor question, so it is not listed again. Then by
    # weight × theme weight × gap: legal-check 3×2×100; plan 3×1×50 and support 1×2×75
    # (the earlier question first); capacity 2×1×50.
    assert plan == [
        (1, "fix", "flag", "no-guarantor"),
        (2, "fix", "improve", "legal-check"),
        (3, "fix", "improve", "guarantor-plan"),
        (4, "fix", "improve", "support"),
        (5, "fix", "improve", "lead-capacity"),
    ]
    assert result.actions[0].question == "guarantor"
    assert result.actions[0].reason == "No guarantor."
    assert result.actions[1].reason == "You answered: No."


def test_a_flag_not_ruled_out_is_found_out_about_before_lesser_gaps(mini_bank):
    result = score(
        mini_bank,
        answers(
            guarantor="dont-know",
            guarantor_plan="nothing",
            agreement="signed",
            legal_check="yes",
            weeks=8,
            support=["dont-know"],
        ),
        TODAY,
    )
    plan = [(a.part, a.kind, a.flag or a.question) for a in result.actions]
    assert plan == [
        ("find_out", "find_out", "no-guarantor"),
        ("fix", "improve", "guarantor-plan"),
        ("find_out", "find_out", "support"),
    ]
    flag = result.actions[0]
    assert flag.question == "guarantor"
    assert flag.reason == "You could not say whether there is a guarantor."


def test_a_flag_is_about_the_first_question_it_names_and_that_is_not_listed_again(mini_bank):
    result = score(mini_bank, answers(agreement="none", weeks=3, guarantor="yes"), TODAY)
    assert [f.id for f in result.flags] == ["rushed"]
    plan = [(a.kind, a.question) for a in result.actions]
    # "rushed" names the weeks first, then the agreement, which keeps its own action
    assert plan[:2] == [("flag", "weeks"), ("improve", "agreement")]
    assert [a.text for a in result.actions].count("Ask for more time.") == 0
    assert len({a.text for a in result.actions}) == len(result.actions)


def test_flags_about_the_same_answer_are_one_action(bank):
    bidding = AnswerSet(
        profile=Profile(
            organisation="Org", role="lead", stage="bidding", tender_deadline=date(2026, 2, 5)
        ),
        answers={"pre-bid-terms": "verbal"},
    )
    result = score(bank, bidding, TODAY)
    raised = {f.id for f in result.flags}
    assert {"deadline-without-agreement", "bidding-without-terms"} <= raised
    (action,) = [a for a in result.actions if "bidding-without-terms" in a.flags]
    assert "deadline-without-agreement" in action.flags and action.question == "pre-bid-terms"
    assert "pre-bid-terms" not in {a.question for a in result.actions if a is not action}


def test_answers_at_or_above_the_threshold_need_no_action(mini_bank):
    result = score(mini_bank, answers(support=["funding", "training"]), TODAY)  # 75
    assert "support" not in {a.question for a in result.actions}


def test_numbers_are_put_in_words_with_their_unit(mini_bank):
    weeks = mini_bank.question("weeks")
    assert [weeks.answer_label(n) for n in (1, 2, 1.5, 0)] == [
        "1 week",
        "2 weeks",
        "1.5 weeks",
        "0 weeks",
    ]


def test_numbers_keep_every_digit(mini_bank):
    weeks = mini_bank.question("weeks")
    assert [weeks.answer_label(n) for n in (7, 7.0, 1.0, 1234567, 1234567.5, 0.25)] == [
        "7 weeks",
        "7 weeks",
        "1 week",
        "1234567 weeks",
        "1234567.5 weeks",
        "0.25 weeks",
    ]


def test_a_unit_reads_as_the_bank_says_after_1(mini_bank):
    weeks = mini_bank.question("weeks")
    accounts = weeks.model_copy(
        update={"unit": "years of accounts", "unit_one": "year of accounts"}
    )
    per_cent = weeks.model_copy(update={"unit": "per cent", "unit_one": None})
    assert [accounts.answer_label(n) for n in (1, 3)] == [
        "1 year of accounts",
        "3 years of accounts",
    ]
    assert [per_cent.answer_label(n) for n in (1, 3)] == ["1 per cent", "3 per cent"]
    assert (weeks.unit_for(1), weeks.unit_for(1.0), weeks.unit_for(2)) == ("week", "week", "weeks")


def test_a_dont_know_raises_a_flag_as_unknown_and_says_so(mini_bank):
    result = score(mini_bank, answers(guarantor="dont-know"), TODAY)
    (flag,) = result.flags
    assert flag.id == "no-guarantor" and flag.unknown
    assert flag.title == "You could not say whether there is a guarantor"
    assert result.overall.band in {"early", "not-ready"}


def test_a_known_good_answer_rules_a_flag_out_whatever_else_is_unknown(mini_bank):
    result = score(mini_bank, answers(agreement="signed", weeks="dont-know"), TODAY)
    assert "rushed" not in {f.id for f in result.flags}
    unknown = score(mini_bank, answers(agreement="none", weeks="dont-know"), TODAY)
    assert [(f.id, f.unknown) for f in unknown.flags] == [("rushed", True)]


def test_weeks_left_are_counted_from_the_tender_deadline():
    profile = Profile(
        organisation="Org", role="lead", stage="bidding", tender_deadline=date(2026, 2, 12)
    )
    assert profile.weeks_left(TODAY) == 4
    assert Profile(organisation="Org", role="lead", stage="bidding").weeks_left(TODAY) is None


def test_a_delivering_consortium_that_rebids_is_also_bidding():
    profile = Profile(organisation="Org", role="lead", stage="delivering", rebidding=True)
    assert profile.stages == {"delivering", "bidding"}
    assert Profile(organisation="Org", role="lead", stage="bidding", rebidding=True).stages == {
        "bidding"
    }


@pytest.mark.parametrize("follow_up", ["agreement-legal-check", "decision-fallback"])
def test_a_follow_up_not_expected_while_exploring_does_not_count_then(bank, follow_up):
    exploring = AnswerSet(
        profile=Profile(organisation="Org", role="partner", stage="exploring"),
        answers={"agreement-status": "none"},
    )
    counted = {s.question for s in score(bank, exploring, TODAY).questions}
    assert follow_up not in counted
    bidding = exploring.model_copy(
        update={"profile": exploring.profile.model_copy(update={"stage": "bidding"})}
    )
    assert follow_up in {s.question for s in score(bank, bidding, TODAY).questions}
