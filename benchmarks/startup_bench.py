"""How long the questionnaire takes to appear, against the bare Textual app, in the same run.

Each program starts in a pseudo-terminal of 100x30, the three in turn, run after run, and is
timed from launch to the first bytes of a given text on screen:

- the bare app (a Header, a line of text and a Footer): its line of text;
- consortium-ready: the start screen's own text (the first screen);
- consortium-ready: its choices, which appear once the bank, the draft and the saved
  assessments have been read in the background (the start screen usable).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.bare_app import FIRST_LINE
from benchmarks.measure import BARE, app, bare_app, environment, first_sight, in_turn, summary
from benchmarks.table import Row, compared

GOAL = "≤ 1.3x"


def rows(runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory() as folder:
        env = environment(CONSORTIUM_READY_REPORTS=str(Path(folder) / "reports"))
        done = in_turn(
            {
                "bare": lambda: first_sight(bare_app(), FIRST_LINE.encode(), env),
                "screen": lambda: first_sight(app(), b"How ready is your", env),
                "choices": lambda: first_sight(app(), b"Start a new assessment", env),
            },
            runs,
        )
    bare = summary(done["bare"])
    return [
        compared("First screen painted (pty 100x30)", summary(done["screen"]), BARE, bare, GOAL),
        compared(
            "Start screen usable: its choices shown (pty 100x30)",
            summary(done["choices"]),
            BARE,
            bare,
            GOAL,
        ),
    ]
