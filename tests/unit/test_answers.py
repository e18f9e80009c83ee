"""Answers files: every mistake named, exit 2, nothing saved."""

from __future__ import annotations

import pytest

from consortium_ready.cli import main
from consortium_ready.content.answersfile import read_answers
from consortium_ready.errors import InputError
from tests.unit.helpers import GOOD, MINI_ARGS


def problems(tmp_path, text: str, bank) -> list[str]:
    path = tmp_path / "answers.yaml"
    path.write_text(text)
    with pytest.raises(InputError) as caught:
        read_answers(path, bank)
    return [str(p).removeprefix(str(path)) for p in caught.value.problems]


def test_a_good_file_reads(tmp_path, mini_bank):
    path = tmp_path / "answers.yaml"
    path.write_text(GOOD)
    answer_set = read_answers(path, mini_bank)
    assert answer_set.answers == {
        "guarantor": "yes",
        "agreement": "signed",
        "legal-check": "no",
        "weeks": 7,
        "support": ["funding"],
    }
    assert answer_set.profile.tender_deadline.isoformat() == "2027-01-15"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  guarantor: yes",
            "  guarantr: yes",
            ":7: answers.guarantr: no such question in the bank",
        ),
        (
            "  guarantor: yes",
            "  guarantor: maybe",
            ":7: answers.guarantor: 'maybe' is not offered; choose one of: yes, no, dont-know",
        ),
        (
            "  weeks: 7",
            "  weeks: seven",
            ":10: answers.weeks: 'seven' is not a number; give a number of weeks or dont-know",
        ),
        ("  weeks: 7", "  weeks: -1", ":10: answers.weeks: the number cannot be negative"),
        (
            "  weeks: 7",
            "  weeks: .inf",
            ":10: answers.weeks: give a number of weeks from 0 to 1,000,000",
        ),
        (
            "  weeks: 7",
            "  weeks: .nan",
            ":10: answers.weeks: give a number of weeks from 0 to 1,000,000",
        ),
        (
            "  weeks: 7",
            "  weeks: " + "9" * 400,
            ":10: answers.weeks: give a number of weeks from 0 to 1,000,000",
        ),
        (
            "  support: [funding]",
            "  support: [funding, none]",
            ":11: answers.support: none cannot be combined with other answers",
        ),
        (
            "  agreement: signed",
            "  agreement: draft",
            ":9: answers.legal-check: this question does not apply, given the profile and the "
            "other answers; remove the answer",
        ),
        (
            "  role: lead",
            "  role: boss",
            ":3: profile.role: Input should be 'lead', 'partner' or 'undecided'",
        ),
        (
            "  organisation: Riverside Advice",
            "  organisation: ''",
            ":2: profile.organisation: String should have at least 1 character",
        ),
        (
            "  weeks: 7",
            "  weeks: 2027-01-01",
            ":10: answers.weeks: an answer is an option value, a number, "
            "or a list of option values",
        ),
        (
            "  guarantor: yes",
            "  guarantor: true",
            ":7: answers.guarantor: true and false are not answers; write yes or no",
        ),
        (
            '  agreement: "Signed',
            '  agremeent: "Signed',
            ":13: notes.agremeent: no such question in the bank",
        ),
    ],
)
def test_mistakes_are_named(tmp_path, mini_bank, old, new, expected):
    assert expected in problems(tmp_path, GOOD.replace(old, new), mini_bank)


def test_a_file_that_is_not_a_mapping_says_what_it_should_be(tmp_path, mini_bank):
    [message] = problems(tmp_path, "- a list\n", mini_bank)
    assert message.startswith(":1: an answers file is a mapping with `profile:`")


def test_assess_refuses_a_bad_file_with_exit_2_and_saves_nothing(tmp_path, capsys):
    path = tmp_path / "answers.yaml"
    path.write_text(GOOD.replace("guarantor: yes", "guarantor: perhaps"))
    reports = tmp_path / "reports"
    assert main([*MINI_ARGS, "--reports", str(reports), "assess", "--answers", str(path)]) == 2
    assert "answers.guarantor" in capsys.readouterr().err
    assert not reports.exists()


def test_a_missing_answers_file_is_named(tmp_path, capsys):
    missing = tmp_path / "nope.yaml"
    assert main([*MINI_ARGS, "assess", "--answers", str(missing)]) == 2
    assert f"{missing}: cannot be read" in capsys.readouterr().err


@pytest.mark.parametrize(
    "nested",
    [
        "answers: " + "[" * 100_000 + "]" * 100_000,
        "answers:\n" + "".join(" " * (n + 1) + "k:\n" for n in range(2_000)),
    ],
    ids=["flow", "block"],
)
def test_answers_nested_too_deeply_are_refused_with_exit_2(tmp_path, capsys, nested):
    path = tmp_path / "deep.yaml"
    path.write_text(nested)
    reports = tmp_path / "reports"
    assert main([*MINI_ARGS, "--reports", str(reports), "assess", "--answers", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: nested too deeply to be read as YAML" in err and "Traceback" not in err
    assert not reports.exists()
