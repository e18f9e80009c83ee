"""What the consortium view compares is data in the bank, and the loader checks it.

`fact: true` marks a question about the consortium itself, which every partner
should answer alike; `lead_check` holds partners' answers against the lead's own.
"""

from __future__ import annotations

import pytest

from consortium_ready.content.loader import load_bank
from consortium_ready.errors import InputError
from tests.unit.test_loader import edit

GUARANTOR = "    weight: 2\n    why: Someone has to sign."
SUPPORT = "    weight: 1\n    why: Support helps."


def problems(bank_copy, file: str, old: str, new: str) -> list[str]:
    questions, seeds = bank_copy("mini")
    edit(questions / "themes" / file, old, new)
    with pytest.raises(InputError) as caught:
        load_bank(questions, seeds)
    return [str(p).removeprefix(str(questions) + "/") for p in caught.value.problems]


def test_a_fact_and_a_lead_check_load(bank_copy):
    questions, seeds = bank_copy("mini")
    edit(
        questions / "themes" / "01-lead.yaml",
        GUARANTOR,
        GUARANTOR + "\n    fact: true\n    lead_check: {}",
    )
    bank = load_bank(questions, seeds)
    assert bank.question("guarantor").fact
    assert bank.question("guarantor").lead_check is not None
    assert not bank.question("guarantor-plan").fact


def test_only_questions_answered_one_for_one_can_be_facts(bank_copy):
    assert problems(bank_copy, "02-agreement.yaml", SUPPORT, SUPPORT + "\n    fact: true") == [
        "themes/02-agreement.yaml:54: questions[3].fact: only single-choice, yes_no and number "
        "questions can be facts: partners' answers are compared one for one"
    ]


@pytest.mark.parametrize(
    ("check", "expected"),
    [
        (
            "{question: nope, agrees: {yes: [yes]}}",
            "questions[0].lead_check.question: 'nope' is not known",
        ),
        (
            "{question: lead-capacity}",
            "questions[0].lead_check: the lead answers another question: list under `agrees` "
            "which of this question's answers agree with each of the lead's",
        ),
        (
            "{question: lead-capacity, agrees: {maybe: [yes]}}",
            "questions[0].lead_check.agrees.maybe: maybe: not a known answer to 'lead-capacity'",
        ),
        (
            "{question: lead-capacity, agrees: {yes: [yes, dont-know]}}",
            "questions[0].lead_check.agrees.yes: dont-know: not a known answer to 'guarantor'",
        ),
    ],
)
def test_a_lead_check_names_known_questions_and_answers(bank_copy, check, expected):
    found = problems(bank_copy, "01-lead.yaml", GUARANTOR, f"{GUARANTOR}\n    lead_check: {check}")
    assert [p.split(": ", 1)[1] for p in found] == [expected]


def test_a_lead_check_is_on_a_question_partners_are_asked(bank_copy):
    found = problems(
        bank_copy,
        "01-lead.yaml",
        "    weight: 2\n    why: Leads carry risk.",
        "    weight: 2\n    why: Leads carry risk.\n    lead_check: {}",
    )
    assert [p.split(": ", 1)[1] for p in found] == [
        "questions[2].lead_check: 'lead-capacity' is never asked of a partner"
    ]


def test_the_built_in_bank_marks_the_facts_the_case_studies_turn_on(bank):
    """Northumberland's verbal understandings, the specification, the guarantor, the bid window."""
    for question in ("agreement-status", "pre-bid-terms", "specification-access", "guarantor"):
        assert bank.question(question).fact, question
    for own in ("trustee-sign-off", "capacity-to-deliver", "cash-cover-months", "values-match"):
        assert not bank.question(own).fact, own
    check = bank.question("lead-standing-shared").lead_check
    assert check is not None and check.question == "lead-financial-tests"
    assert check.agrees == {"meets-all": ["shown"], "meets-with-support": ["shown"]}
