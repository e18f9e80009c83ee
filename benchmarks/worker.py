"""Work timed inside a fresh process, as a user's run of the program would meet it.

    python -m benchmarks.worker load-bank QUESTIONS_DIR
    python -m benchmarks.worker render ASSESSMENT.json PREVIOUS.json FORMAT

Modules are imported before the clock starts. Each prints one line of JSON: the
seconds taken, and what else its caller needs.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from consortium_ready.content.loader import load_bank
from consortium_ready.reports.render import render_report
from consortium_ready.reports.view import report_view
from consortium_ready.store.saved import load_assessment


def load(questions: Path) -> dict[str, float]:
    began = time.perf_counter()
    bank = load_bank(questions)
    return {"seconds": time.perf_counter() - began, "questions": len(bank.questions)}


def render(assessment: Path, previous: Path, fmt: str) -> dict[str, float]:
    """The report laid out twice: the first time in the process (templates compiled, as
    `assess` and `report` meet it), then again."""
    view = report_view(load_assessment(assessment), load_bank(), load_assessment(previous))
    began = time.perf_counter()
    render_report(view, fmt)  # type: ignore[arg-type]
    first = time.perf_counter()
    render_report(view, fmt)  # type: ignore[arg-type]
    return {"seconds": first - began, "again": time.perf_counter() - first}


if __name__ == "__main__":
    task, *args = sys.argv[1:]
    if task == "load-bank":
        print(json.dumps(load(Path(args[0]))))
    else:
        print(json.dumps(render(Path(args[0]), Path(args[1]), args[2])))
