"""`assess` and `aggregate` as whole processes, beside `--help` in the same run.

- `assess`: a lead body's answers to every question asked of it (benchmarks.assessments),
  scored and saved with every report, into an empty folder each run; peak memory too.
- `aggregate`: 30 and 300 partners' saved assessments, one each, combined into a
  consortium report. Its row says "not available" while `aggregate --help` fails (the
  command is being written on another branch).
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.assessments import lead_answers, save_many
from benchmarks.measure import Finished, app, in_turn, run, succeeds, summary
from benchmarks.table import Row, compared
from consortium_ready.content.loader import load_bank

PARTNERS = (30, 300)
HELP = "`--help`"


def _each_time_a_new(folder: Path, *command: str) -> Callable[[], Finished]:
    """A step running the program's `command`, followed by a new folder inside `folder`
    each time."""
    folder.mkdir(parents=True, exist_ok=True)
    numbers = itertools.count()
    return lambda: run(app(*command, str(folder / f"run-{next(numbers)}")))


def assess_rows(runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory() as name:
        answers = Path(name) / "answers.json"
        answers.write_text(lead_answers(load_bank()).model_dump_json(), encoding="utf-8")
        done = in_turn(
            {
                "assess": _each_time_a_new(
                    Path(name), "assess", "--answers", str(answers), "--reports"
                ),
                "help": lambda: run(app("--help")),
            },
            runs,
        )
    return [
        compared(
            "`assess`, whole process (scored, saved, every report)",
            summary(done["assess"]),
            HELP,
            summary(done["help"]),
            "≤ 2x",
        )
    ]


def aggregate_rows(runs: int) -> list[Row]:
    measures = [f"`aggregate` over {count} partners" for count in PARTNERS]
    goals = ["—", "< 2 s"]
    if not succeeds(app("aggregate", "--help")):
        why = "not available: `consortium-ready aggregate --help` fails"
        return [Row(measure, why, goal=goal) for measure, goal in zip(measures, goals, strict=True)]
    with tempfile.TemporaryDirectory() as name:
        steps: dict[str, Callable[[], Finished]] = {"help": lambda: run(app("--help"))}
        for count in PARTNERS:
            saved = Path(name) / f"partners-{count}"
            save_many(saved, count, organisations=count)
            steps[str(count)] = _each_time_a_new(
                Path(name) / f"out-{count}", "aggregate", str(saved), "--out"
            )
        done = in_turn(steps, runs)
    reference = summary(done["help"])
    return [
        compared(measure, summary(done[str(count)]), HELP, reference, goal)
        for measure, count, goal in zip(measures, PARTNERS, goals, strict=True)
    ]
