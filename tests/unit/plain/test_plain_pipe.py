"""Plain mode driven as a script drives it: answers piped into the real command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from consortium_ready.store.drafts import load_draft
from consortium_ready.store.files import draft_path
from tests.unit.helpers import MINI_ARGS

# Riverside Advice, a lead body, forming; the mini bank's questions in order:
# guarantor (yes/no), [guarantor-plan if no], lead-capacity (lead only), lead-notes (text),
# agreement, [legal-check if signed], weeks (number), support (multi).
DETAILS = ["Riverside Advice", "9", "1", "2", "", "", ""]
"""The details, with a wrong role (9) first: it is named, and the role asked again."""


def plain(
    reports: Path, lines: list[str], encoding: str = "utf-8"
) -> subprocess.CompletedProcess[str]:
    """Run plain mode on `lines`; its output has each run of spaces and line breaks as one space,
    so that what is checked does not depend on where lines wrap."""
    run = subprocess.run(
        [sys.executable, "-m", "consortium_ready", "plain", *MINI_ARGS, "--reports", str(reports)],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        env={"PATH": "", "COLUMNS": "80", "NO_COLOR": "", "PYTHONIOENCODING": encoding},
    )
    run.stdout = " ".join(run.stdout.split())
    return run


def test_piped_answers_go_from_the_first_detail_to_a_saved_report(tmp_path):
    answers = [
        "2",  # guarantor: No, which opens the plan question
        "b",  # back to the guarantor question
        "n",  # a note on it ...
        "Asked the council twice",
        "2",  # ... and the same answer again
        "four",  # the plan question: a wrong entry, named and asked again
        "2",  # Talks
        "1",  # lead capacity: Yes
        "Our reserves are ring-fenced",  # the text question
        "1",  # agreement: Signed, which opens the solicitor question
        "2",  # legal check: No
        "7",  # weeks
        "1 2",  # support: Funding and Advice
        "s",  # save
    ]
    run = plain(tmp_path, DETAILS + answers)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert 'You typed "9". That is not one of the choices. Type a number from 1 to 3.' in out
    assert out.count("Role:") == 2
    assert 'You typed "four". That is not one of the choices.' in out
    assert out.count("Is there a plan to find one?") == 2  # shown, and asked again after back
    (saved,) = (tmp_path / "riverside-advice").glob("*.json")
    assessment = json.loads(saved.read_text())
    assert assessment["answers"] == {
        "guarantor": "no",
        "guarantor-plan": "talks",
        "lead-capacity": "yes",
        "lead-notes": "Our reserves are ring-fenced",
        "agreement": "signed",
        "legal-check": "no",
        "weeks": 7,
        "support": ["funding", "advice"],
    }
    assert assessment["notes"] == {"guarantor": "Asked the council twice"}
    assert sorted(p.suffix for p in saved.parent.iterdir()) == [".csv", ".html", ".json", ".md"]
    assert f"Saved in {saved.parent}" in out
    assert "Red flag 1: No guarantor." in out
    assert not draft_path(tmp_path).exists(), "the draft is removed once the assessment is saved"


def test_end_of_input_partway_stops_cleanly_and_the_next_run_carries_on(tmp_path):
    first = plain(tmp_path, [*DETAILS, "1", "2"])
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    assert "End of input: stopped." in first.stdout
    assert f"Your answers are kept in {draft_path(tmp_path)}" in first.stdout
    draft = load_draft(draft_path(tmp_path))
    assert draft is not None
    assert draft.answers == {"guarantor": "yes", "lead-capacity": "partly"}
    assert draft.current == "lead-notes"

    second = plain(tmp_path, ["1", "", "3", "7", "3", "s"])
    assert second.returncode == 0, second.stderr
    assert "Riverside Advice, last saved" in second.stdout
    assert "2 of 6 questions answered" in second.stdout
    assert "Anything else about the lead body?" in second.stdout.split("Choose 1 or 2:")[1]
    (saved,) = (tmp_path / "riverside-advice").glob("*.json")
    assert json.loads(saved.read_text())["answers"] == {
        "guarantor": "yes",
        "lead-capacity": "partly",
        "agreement": "none",
        "weeks": 7,
        "support": ["training"],
    }


def test_text_the_console_cannot_encode_is_replaced_not_a_traceback(tmp_path):
    run = plain(tmp_path, ["Café – Trust", "q"], encoding="ascii")
    assert run.returncode == 0, run.stderr
    assert "Name: Caf" in run.stdout and "Stopped." in run.stdout
