"""What is asked now and how far each theme has got, as role, stage and answers change."""

from __future__ import annotations

from consortium_ready.domain.profile import Profile
from consortium_ready.domain.questionnaire import Questionnaire, usable_answers

LEAD = Profile(organisation="Harrow CVS", role="lead", stage="bidding")
PARTNER = LEAD.model_copy(update={"role": "partner"})
EXPLORING = LEAD.model_copy(update={"stage": "exploring"})


def ids(questions) -> list[str]:
    return [question.id for question in questions]


def test_a_lead_is_asked_the_lead_only_question_and_a_partner_is_not(tui_bank):
    assert Questionnaire(tui_bank, LEAD, {}).is_asked("lead-can-guarantee")
    assert not Questionnaire(tui_bank, PARTNER, {}).is_asked("lead-can-guarantee")


def test_a_follow_up_appears_only_after_the_answer_that_opens_it(tui_bank):
    before = Questionnaire(tui_bank, LEAD, {})
    after = Questionnaire(tui_bank, LEAD, {"guarantor": "no"})
    assert not before.is_asked("guarantor-plan")
    assert ids(after.asked)[:3] == ["guarantor", "guarantor-plan", "lead-can-guarantee"]
    assert len(after.asked) == len(before.asked) + 1


def test_theme_progress_counts_follow_the_questions_asked(tui_bank):
    answers = {"guarantor": "no", "guarantor-plan": "plan"}
    themes = {t.id: t for t in Questionnaire(tui_bank, LEAD, answers).themes()}
    assert (themes["lead-body"].given, themes["lead-body"].asked) == (2, 3)
    assert not themes["lead-body"].complete
    partner = {t.id: t for t in Questionnaire(tui_bank, PARTNER, {"guarantor": "yes"}).themes()}
    assert (partner["lead-body"].given, partner["lead-body"].asked) == (1, 1)
    assert partner["lead-body"].complete


def test_a_stage_limited_question_is_not_asked_while_exploring(tui_bank):
    assert Questionnaire(tui_bank, LEAD, {}).is_asked("weeks-to-deadline")
    assert not Questionnaire(tui_bank, EXPLORING, {}).is_asked("weeks-to-deadline")


def test_moving_on_and_back_skips_what_is_not_asked(tui_bank):
    partner = Questionnaire(tui_bank, PARTNER, {"guarantor": "yes"})
    assert partner.after("guarantor").id == "agreement-status"
    assert partner.before("agreement-status").id == "guarantor"
    assert partner.before("guarantor") is None
    assert partner.after(partner.asked[-1].id) is None
    assert partner.after("lead-can-guarantee").id == "agreement-status"  # not asked, still placed


def test_positions_first_unanswered_and_theme_starts(tui_bank):
    questionnaire = Questionnaire(tui_bank, LEAD, {"guarantor": "yes"})
    assert questionnaire.position("guarantor") == 1
    assert questionnaire.position("guarantor-plan") is None
    assert questionnaire.first_unanswered().id == "lead-can-guarantee"
    assert questionnaire.start_of("agreements").id == "agreement-status"
    assert questionnaire.given == 1


def test_review_lists_unanswered_and_dont_know_separately(tui_bank):
    questionnaire = Questionnaire(
        tui_bank,
        LEAD,
        {
            "guarantor": "dont-know",
            "guarantor-plan": "plan",
            "weeks-to-deadline": "dont-know",
            "support-used": ["funding"],
        },
    )
    assert ids(questionnaire.dont_know()) == ["guarantor", "weeks-to-deadline"]
    assert "guarantor" not in ids(questionnaire.unanswered())
    assert ids(questionnaire.unanswered())[0] == "lead-can-guarantee"


def test_the_answer_set_to_score_leaves_out_answers_no_longer_asked_but_keeps_every_note(
    tui_bank,
):
    answers = {"guarantor": "yes", "lead-can-guarantee": "partly", "guarantor-plan": "plan"}
    notes = {"lead-can-guarantee": "Treasurer's note", "guarantor": "Letter, 1 March"}
    answer_set = Questionnaire(tui_bank, PARTNER, answers).answer_set(notes)
    assert answer_set.answers == {"guarantor": "yes"}
    assert answer_set.notes == notes
    assert answer_set.profile == PARTNER


def test_answers_that_no_longer_fit_an_edited_bank_are_set_apart(tui_bank):
    kept, dropped = usable_answers(
        tui_bank,
        {
            "guarantor": "yes",
            "gone": "yes",
            "agreement-status": "not-an-option",
            "weeks-to-deadline": -3,
            "support-used": ["funding", "advice"],
        },
    )
    assert kept == {"guarantor": "yes", "support-used": ["funding", "advice"]}
    assert sorted(dropped) == ["agreement-status", "gone", "weeks-to-deadline"]
