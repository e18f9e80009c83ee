"""A full assessment's report laid out (`render_report`), in HTML and in Markdown.

A lead body's assessment with every question asked answered, and changes since its
previous one, is rendered in a fresh process each run (benchmarks.worker): the figure is
the first rendering in the process, as `assess` and `report` meet it (templates compiled);
the reference is the same rendering done again in that process.
"""

from __future__ import annotations

import json
import sys
import tempfile
from functools import partial
from pathlib import Path

from benchmarks.assessments import full_assessments
from benchmarks.measure import Finished, in_turn, run
from benchmarks.table import Row, Runs, compared
from consortium_ready.content.loader import load_bank

FORMATS = {"html": "HTML", "md": "Markdown"}


def _rendering(assessment: Path, previous: Path, fmt: str) -> Finished:
    done = run(
        [sys.executable, "-m", "benchmarks.worker", "render", str(assessment), str(previous), fmt]
    )
    figures = json.loads(done.output)
    return Finished(figures["seconds"], done.peak, str(figures["again"]))


def rows(runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory() as name:
        latest, previous = Path(name) / "assessment.json", Path(name) / "previous.json"
        for path, assessment in zip((latest, previous), full_assessments(load_bank()), strict=True):
            path.write_text(assessment.model_dump_json(), encoding="utf-8")
        done = in_turn({fmt: partial(_rendering, latest, previous, fmt) for fmt in FORMATS}, runs)
    return [
        compared(
            f"Report rendered, {label} (first in a process)",
            Runs([f.seconds for f in done[fmt]]),
            "again in that process",
            Runs([float(f.output) for f in done[fmt]]),
        )
        for fmt, label in FORMATS.items()
    ]
