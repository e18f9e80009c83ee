"""kill -9 during a questionnaire, again and again: at most the answer being given is lost, the
draft is never damaged, and the next run of the command line leaves no debris.

Counted by docs/reliability.md (test_reliability_doc.py keeps the two in step).
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from consortium_ready.cli import main
from consortium_ready.store.drafts import load_draft
from consortium_ready.store.files import draft_path
from tests.functional.helpers import QUESTIONS, SEEDS
from tests.functional.test_killed import ENTER, RIGHT, TAB, Terminal, draft

ROUNDS = 3
ANSWERS = [
    ("2", "guarantor", "no"),
    ("1", "guarantor-plan", "plan"),
    ("2", "lead-can-guarantee", "partly"),
]


def organisation(reports: Path) -> str | None:
    return draft(reports).get("profile", {}).get("organisation")


def press(app: Terminal, *keys: str) -> None:
    """Type `keys` one at a time, a moment apart, as a person does: a loaded machine given
    them all at once can take an arrow key's ESC for Escape, or type ahead of the focus."""
    for key in keys:
        app.type(key)
        end = time.monotonic() + 0.3
        app.until(lambda end=end: time.monotonic() > end, "a moment")


@pytest.mark.serial  # three apps driven through a terminal: beside other tests, keys lag
def test_kill_9_at_random_moments_loses_at_most_the_answer_being_given(tmp_path: Path) -> None:
    rng = random.Random(7)
    lost_in_all = 0
    for round_ in range(ROUNDS):
        reports = tmp_path / f"round-{round_ + 1}" / "reports"  # a home of its own, too
        app = Terminal(reports)
        print(f"round {round_ + 1}")
        given: dict[str, str] = {}
        try:
            app.shows("Start a new assessment")
            app.type(ENTER)
            app.shows("About your organisation")
            app.type("Harrow CVS")
            app.until(lambda r=reports: organisation(r) == "Harrow CVS", "the name")
            press(app, TAB, ENTER)
            app.until(lambda r=reports: draft(r)["profile"].get("role") == "lead", "the role")
            press(app, TAB, RIGHT, RIGHT, ENTER)
            app.until(lambda r=reports: draft(r)["profile"].get("stage") == "bidding", "stage")
            press(app, TAB, TAB, TAB)
            # Typed, not pressed: the moment after a key is pressed reads the screen, and
            # may read the first question past before `shows` looks for it.
            app.type(ENTER)
            app.shows("Question 1 of 7")
            for key, question, value in ANSWERS[: rng.randint(1, len(ANSWERS))]:
                app.type(key)
                given[question] = value
                if question != ANSWERS[-1][1]:
                    app.until(
                        lambda q=question, r=reports: q in draft(r).get("answers", {}), question
                    )
                    app.type(ENTER)
                    app.until(lambda q=question, r=reports: draft(r).get("current") != q, "next")
            end = time.monotonic() + rng.uniform(0, 0.2)  # the kill: at once, or up to 0.2 s on
            app.until(lambda end=end: time.monotonic() > end, "the moment to kill")
        finally:
            app.kill()
        kept = load_draft(draft_path(reports))  # never damaged: it reads
        assert kept is not None
        lost = [q for q, value in given.items() if kept.answers.get(q) != value]
        assert lost in ([], [list(given)[-1]]), lost  # at most the one being given
        lost_in_all += len(lost)
        bank = ["--questions", str(QUESTIONS), "--seeds", str(SEEDS)]
        assert main([*bank, "history", "--reports", str(reports)]) == 0
        assert [p.name for p in reports.iterdir() if p.name.endswith(".tmp")] == []
    print(f"{ROUNDS} kills of the questionnaire: {lost_in_all} answers being given lost")
