"""The loader finds every kind of mistake and names its file, line and field."""

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from consortium_ready.content import userfiles
from consortium_ready.content.loader import load_bank
from consortium_ready.errors import InputError
from tests.unit.helpers import MINI


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


def problems_after(bank_copy, file: str, old: str, new: str) -> list[str]:
    questions, seeds = bank_copy("mini")
    edit(questions.parent / file, old, new)
    with pytest.raises(InputError) as caught:
        load_bank(questions, seeds)
    return [str(p).removeprefix(str(questions.parent) + "/") for p in caught.value.problems]


def test_the_mini_bank_loads_in_order(mini_bank):
    assert [t.id for t in mini_bank.themes] == ["lead", "agreeing"]
    assert mini_bank.question("weeks").theme == "agreeing"
    assert mini_bank.content_hash.startswith("sha256:")


def test_the_content_hash_follows_the_content_not_the_folder(bank_copy, mini_bank):
    questions, seeds = bank_copy("mini")
    assert load_bank(questions, seeds).content_hash == mini_bank.content_hash
    edit(questions / "bank.yaml", "Mini bank", "Mini bank, edited")
    assert load_bank(questions, seeds).content_hash != mini_bank.content_hash


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (
            "questions/themes/01-lead.yaml",
            "cites: [alpha.guarantor]\n    action: Agree",
            "cites: [alpha.nonsense]\n    action: Agree",
            "questions/themes/01-lead.yaml:12: questions[0].cites[0]: cites 'alpha.nonsense', "
            "which is not an item in the case studies or the guidance",
        ),
        (
            "questions/themes/01-lead.yaml",
            "id: guarantor-plan",
            "id: guarantor",
            "questions/themes/01-lead.yaml:18: questions[1].id: question id 'guarantor' is "
            "already used by a question (01-lead.yaml, line 7)",
        ),
        (
            "questions/themes/02-agreement.yaml",
            "agreement: [signed]",
            "agreemnt: [signed]",
            "questions/themes/02-agreement.yaml:30: questions[1].applies_when.answers.agreemnt: "
            "depends on 'agreemnt', which is not a question",
        ),
        (
            "questions/themes/02-agreement.yaml",
            "agreement: [signed]",
            "agreement: [sgned]",
            "questions/themes/02-agreement.yaml:30: questions[1].applies_when.answers.agreement: "
            "sgned not offered by 'agreement'",
        ),
        (
            "questions/themes/02-agreement.yaml",
            "agreement: [signed]",
            "agreement: [signed, none]",
            "questions/themes/02-agreement.yaml:30: questions[1].applies_when.answers.agreement: "
            "at the exploring stage these values are neither all the better answers to "
            "'agreement' nor all the weaker ones",
        ),
        (
            "questions/themes/01-lead.yaml",
            "anchor: Talking., score: 50}",
            "anchor: Talking.}",
            "questions/themes/01-lead.yaml:30: questions[1].options[1].score: every option "
            "needs a score from 0 to 100",
        ),
        (
            "questions/themes/01-lead.yaml",
            "    why: Someone has to sign.\n",
            "",
            "questions/themes/01-lead.yaml:7: questions[0].why: a scored question needs `why`",
        ),
        (
            "questions/themes/01-lead.yaml",
            "    weight: 2\n",
            "    wieght: 2\n",
            "questions/themes/01-lead.yaml:10: questions[0].wieght: unknown field (check the "
            "spelling against docs/bank-format.md)",
        ),
        (
            "questions/flags.yaml",
            "caps_band: early",
            "caps_band: awful",
            "questions/flags.yaml:5: flags[0].caps_band: 'awful' is not a band",
        ),
        (
            "questions/flags.yaml",
            "question: weeks\n",
            "question: agreement\n",
            "questions/flags.yaml:20: flags[1].when[0]: `below` tests number questions only",
        ),
        (
            "questions/bank.yaml",
            "  - item: alpha.unused\n    reason: Kept to test the uncited list.\n",
            "  []\n",
            "seeds/alpha.yaml:30: items[3].id: challenge 'alpha.unused' is cited by no question "
            "or flag; cite it, or list it under `uncited` in bank.yaml with the reason",
        ),
        (
            "seeds/alpha.yaml",
            "kind: lesson",
            "kind: moral",
            "seeds/alpha.yaml:19: items[0].kind: Input should be 'fact', 'support', 'benefit', "
            "'challenge' or 'lesson'",
        ),
        (
            "questions/themes/02-agreement.yaml",
            "    weight: 1\n",
            "    weight: 1\n    weight: 2\n",
            "questions/themes/02-agreement.yaml:53: questions[3].weight: key given twice "
            "(first on line 52)",
        ),
        (
            "questions/themes/01-lead.yaml",
            "  - id: lead-notes\n    kind: text",
            "  - id: lead-notes\n    kind: text\n    weight: 2",
            "questions/themes/01-lead.yaml:47: questions[3].weight: a text question is not "
            "scored, so it has no weight",
        ),
    ],
    ids=[
        "unknown-citation",
        "duplicate-id",
        "unknown-parent",
        "unknown-parent-value",
        "mixed-direction-follow-up",
        "option-without-score",
        "missing-why",
        "misspelt-field",
        "unknown-band",
        "below-on-choice",
        "uncited-challenge",
        "bad-item-kind",
        "duplicate-key",
        "weighted-text-question",
    ],
)
def test_mistakes_are_named_by_file_line_and_field(bank_copy, file, old, new, expected):
    assert expected in problems_after(bank_copy, file, old, new)


def test_a_theme_with_no_questions_is_an_error(bank_copy):
    questions, seeds = bank_copy("mini")
    (questions / "themes" / "03-empty.yaml").write_text(
        "theme: {id: empty, title: Empty, order: 3, summary: Nothing.}\nquestions: []\n"
    )
    with pytest.raises(InputError) as caught:
        load_bank(questions, seeds)
    assert [str(p).split("/")[-1] for p in caught.value.problems] == [
        "03-empty.yaml:2: questions: needs at least one entry"
    ]


def test_a_follow_up_must_come_after_its_parent(bank_copy):
    questions, seeds = bank_copy("mini")
    edit(questions / "themes" / "01-lead.yaml", 'guarantor: ["no", dont-know]', "weeks: [six-plus]")
    with pytest.raises(InputError) as caught:
        load_bank(questions, seeds)
    messages = " ".join(p.message for p in caught.value.problems)
    assert "'weeks', which must be asked earlier" in messages
    assert "may depend only on single-choice or yes_no questions" in messages


def test_every_problem_is_reported_at_once(bank_copy):
    questions, seeds = bank_copy("mini")
    edit(
        questions / "themes" / "01-lead.yaml",
        "alpha.guarantor]\n    action: Agree",
        "alpha.x]\n    action: Agree",
    )
    edit(questions / "flags.yaml", "caps_band: early", "caps_band: awful")
    with pytest.raises(InputError) as caught:
        load_bank(questions, seeds)
    assert len(caught.value.problems) == 2


def test_validate_exits_2_without_a_traceback(bank_copy):
    questions, seeds = bank_copy("mini")
    (questions / "themes" / "01-lead.yaml").write_text("theme: [unclosed\n")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "consortium_ready",
            "validate",
            "--questions",
            str(questions),
            "--seeds",
            str(seeds),
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert "01-lead.yaml:2:" in run.stderr and "not valid YAML" in run.stderr


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(InputError) as caught:
        load_bank(tmp_path / "nowhere", tmp_path)
    assert "nowhere: folder not found" in str(caught.value)


def test_each_file_is_read_once_and_hashed_as_parsed(monkeypatch, mini_bank):
    reads: Counter[Path] = Counter()

    original = userfiles.read_bytes

    def spy(path, *args, **kwargs):
        reads[path] += 1
        return original(path, *args, **kwargs)

    monkeypatch.setattr(userfiles, "read_bytes", spy)
    bank = load_bank(MINI / "questions", MINI / "seeds")
    assert len(reads) == 7 and set(reads.values()) == {1}
    assert bank.content_hash == mini_bank.content_hash


def test_the_bank_keeps_question_order_and_band_rank(mini_bank):
    assert list(mini_bank.question_order) == [q.id for q in mini_bank.questions]
    assert list(mini_bank.question_order.values()) == list(range(len(mini_bank.questions)))
    assert mini_bank.band_rank == {
        band.id: index for index, band in enumerate(mini_bank.info.bands)
    }
    assert mini_bank.question_order is mini_bank.question_order  # built once


def test_guidance_items_are_cited_like_lessons(mini_bank):
    source, item = mini_bank.cited("beta-guide.lead-standing")
    assert source.name == "A guide to bidding together (Beta Council, 2020)"
    assert item.section == "Financial standing"


def test_an_uncited_guidance_item_is_named(bank_copy):
    problems = problems_after(
        bank_copy,
        "questions/themes/01-lead.yaml",
        "cites: [alpha.guarantor, beta-guide.lead-standing]",
        "cites: [alpha.guarantor]",
    )
    assert problems == [
        "seeds/guidance/beta-guide.yaml:7: items[0].id: guidance item "
        "'beta-guide.lead-standing' is cited by no question or flag; cite it, "
        "remove it, or list it under `uncited` in bank.yaml with the reason"
    ]


def test_a_flag_lists_only_known_answers(bank_copy):
    problems = problems_after(bank_copy, "questions/flags.yaml", "in: [no]", "in: [no, dont-know]")
    assert problems == [
        "questions/flags.yaml:10: flags[0].when[0]: list only known answers: "
        "'dont-know' raises every flag as unknown by itself (see docs/scoring.md)"
    ]
