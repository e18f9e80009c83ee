"""The command line, run as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest

from consortium_ready.cli import PLUGINS_SETTING, main
from consortium_ready.content.yamlfile import parse_yaml
from tests.unit.helpers import GOOD, MINI, MINI_ARGS

TODAY = date(2026, 1, 15)  # the day deadlines are counted from

COMMANDS = ["validate", "questions", "template", "assess"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "consortium_ready", *args], capture_output=True, text=True
    )


def test_help_lists_every_command():
    result = run("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.returncode == 0 and "usage: consortium-ready " + command in result.stdout


def test_validate_summarises_the_bank(capsys):
    assert main(["validate", *MINI_ARGS]) == 0
    out = capsys.readouterr().out
    assert "1 case studies with 4 items" in out
    assert "1 guidance document with 1 items" in out
    assert (
        "A guide to bidding together (Beta Council, 2020)  cited by  1 questions; "
        "1 of 1 items cited" in out
    )
    assert "2 themes, 8 questions (7 scored, 1 unscored notes), 2 red flags" in out
    assert "Challenges and lessons cited: 2 of 3" in out
    assert "alpha.unused: Kept to test the uncited list." in out


def test_questions_json_has_what_integrators_need(capsys):
    assert main(["questions", "--json", *MINI_ARGS]) == 0
    questions = json.loads(capsys.readouterr().out)
    weeks = next(q for q in questions if q["id"] == "weeks")
    assert {"id", "theme", "kind", "text", "options", "applies_when", "cites"} <= set(weeks)
    assert weeks["theme"] == "agreeing" and weeks["applies_when"]["stage"] == ["forming", "bidding"]
    assert weeks["options"][1] == {
        "value": "two-to-six",
        "label": "Two to six weeks",
        "anchor": "Tight.",
        "score": 50,
        "stage_scores": {},
        "dont_know": False,
        "exclusive": False,
        "from": 2.0,
    }


def test_the_template_parses_and_answers_nothing(tmp_path, capsys, mini_bank):
    assert main(["template", *MINI_ARGS]) == 0
    text = capsys.readouterr().out
    document = parse_yaml(text, tmp_path / "t.yaml")
    assert set(document.data["answers"]) == {q.id for q in mini_bank.questions}
    assert all(value is None for value in document.data["answers"].values())
    assert "#     2 weeks or more (50): Two to six weeks" in text
    assert "#   or dont-know (0): Don't know" in text
    assert "(asked only when guarantor is no or dont-know)" in text


def test_the_template_shows_what_every_answer_scores(capsys, bank_copy):
    questions, seeds = bank_copy("mini")
    themes = questions / "themes" / "02-agreement.yaml"
    themes.write_text(themes.read_text().replace("from: 2, score: 50", "from: 1, score: 50"))
    assert main(["template", "--questions", str(questions), "--seeds", str(seeds)]) == 0
    text = capsys.readouterr().out
    assert "#   signed (100): Signed\n" in text
    assert "#   draft (40, or 80 when exploring): Draft\n" in text
    assert "#   dont-know (0): Don't know\n" in text
    assert "#     0 weeks or more (0): Under two weeks\n" in text
    assert "#     1 week or more (50): Two to six weeks\n" in text
    assert "#   training (25): Training\n" in text


def test_a_filled_in_template_can_be_assessed(tmp_path, capsys):
    main(["template", *MINI_ARGS])
    text = capsys.readouterr().out
    text = text.replace('organisation: ""', "organisation: Filled In")
    text = text.replace("  role:   ", "  role: partner  ").replace(
        "  stage:  ", "  stage: forming "
    )
    text = text.replace("  guarantor:\n", "  guarantor: dont-know\n")
    path = tmp_path / "answers.yaml"
    path.write_text(text)
    assert (
        main([*MINI_ARGS, "--reports", str(tmp_path / "r"), "assess", "--answers", str(path)]) == 0
    )
    assert "Filled In: Not ready" in capsys.readouterr().out


def test_assess_json_prints_the_result_and_saves(tmp_path, capsys):
    path = tmp_path / "answers.yaml"
    path.write_text(GOOD)
    reports = tmp_path / "reports"
    assert (
        main([*MINI_ARGS, "assess", "--answers", str(path), "--json", "--reports", str(reports)])
        == 0
    )
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert {"overall", "themes", "flags", "actions", "coverage"} <= set(result)
    assert result["overall"]["band"] in {"ready", "nearly", "early", "not-ready"}
    [saved] = reports.glob("riverside-advice/*.json")
    assert f"Saved {saved}" in captured.err
    assert json.loads(saved.read_text())["result"] == result


def test_assess_into_an_unwritable_folder_says_so(tmp_path, capsys):
    path = tmp_path / "answers.yaml"
    path.write_text(GOOD)
    blocker = tmp_path / "reports"
    blocker.write_text("a file where the folder should be")
    assert main([*MINI_ARGS, "assess", "--answers", str(path), "--reports", str(blocker)]) == 1
    assert f"could not save in {blocker}" in capsys.readouterr().err


def test_options_can_come_before_or_after_the_command(tmp_path, capsys):
    path = tmp_path / "answers.yaml"
    path.write_text(GOOD)
    before, after = tmp_path / "before", tmp_path / "after"
    main(
        [
            "--reports",
            str(before),
            "--questions",
            str(MINI / "questions"),
            "--seeds",
            str(MINI / "seeds"),
            "assess",
            "--answers",
            str(path),
        ]
    )
    main(["assess", "--answers", str(path), *MINI_ARGS, "--reports", str(after)])
    assert list(before.glob("*/*.json")) and list(after.glob("*/*.json"))


def test_an_unscored_assessment_still_names_the_organisation(tmp_path, capsys, monkeypatch):
    from consortium_ready.domain import assessment
    from consortium_ready.domain.result import Overall

    def unscored(bank, answer_set, today):
        nothing = Overall(score=None, band=None, band_label=None, meaning=None, uncapped_band=None)
        return score(bank, answer_set, today).model_copy(update={"overall": nothing})

    score = assessment.score
    monkeypatch.setattr(assessment, "score", unscored)
    path = tmp_path / "answers.yaml"
    path.write_text(GOOD)
    assert main([*MINI_ARGS, "assess", "--answers", str(path), "--reports", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("Riverside Advice: not scored\n")


def test_the_assess_summary_disarms_text_from_files(tmp_path, capsys):
    path = tmp_path / "answers.yaml"
    path.write_text(
        GOOD.replace("organisation: Riverside Advice", 'organisation: "Riverside\\e[2J Advice"')
    )
    assert main([*MINI_ARGS, "assess", "--answers", str(path), "--reports", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Riverside\u241b[2J Advice: ") and "\x1b" not in out


def test_pydantic_is_told_to_load_no_plug_ins_unless_the_user_chose(monkeypatch):
    """Looking for plug-ins reads every installed package's metadata; a user's setting stands."""
    monkeypatch.delenv(PLUGINS_SETTING, raising=False)
    with pytest.raises(SystemExit):
        main(["--version"])
    assert os.environ[PLUGINS_SETTING] == "__all__"
    monkeypatch.setenv(PLUGINS_SETTING, "their-plugin")
    with pytest.raises(SystemExit):
        main(["--version"])
    assert os.environ[PLUGINS_SETTING] == "their-plugin"
