"""From a key to the window or screen it opens painted, against the bare app's window.

Under Pilot (100x30), one questionnaire a run, each in a fresh process
(`python -m benchmarks.windows_bench`), on the built-in bank as a lead body at the
bidding stage. On the first question: the themes (`t`), a note (`n`), the help (F1) and
a case study (`c`), each closed with Escape. Then, every question answered, the result
from the review (`r`), and back to the review (Escape). Each is opened twice a run: the
first opening pays for what is built once in a process (the window's styles, the modules
and models behind it), as a person meets it; the second is what each opening after it
costs.

The bare app's `w` opens a window with a title, a list of twelve lines and its keys
(benchmarks.bare_app.Window), twice a run, in turn with the questionnaire. A window is
painted at the first frame that shows words only it shows.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from tests.functional.helpers import press, send_at_once, settle, start_new
from textual.pilot import Pilot

from benchmarks.bare_app import WINDOW_TITLE
from benchmarks.keypress_bench import (
    DETAILS,
    ROLE,
    STAGE,
    PaintClock,
    TimedBare,
    TimedQuestionnaire,
    timed_key,
)
from benchmarks.measure import BARE, SIZE, in_turn, run
from benchmarks.table import Row, Runs, compared
from consortium_ready.tui.screens.question import QuestionScreen

ON_A_QUESTION = {
    "themes (t)": ("t", "Go to a theme"),
    "a note (n)": ("n", "Add a note to this answer"),
    "the help (F1)": ("f1", "Keys you can use here"),
    "a case study (c)": ("c", "Read how real consortia worked"),
}
"""Each window opened on a question: the key that opens it, and words only it shows."""
RESULT = "the result (r, from the review)"
RESULT_KEY, RESULT_SHOWS = "r", "Readiness by theme"
OPENINGS = ("first", "second")

Times = dict[str, dict[str, list[float]]]
"""Seconds to paint, by window, then by opening (first, second)."""


def _empty(windows: list[str]) -> Times:
    return {window: {opening: [] for opening in OPENINGS} for window in windows}


async def _opened(
    pilot: Pilot[Any], app: PaintClock, key: str, shows: str, times: dict[str, list[float]]
) -> None:
    """Open a window with `key` twice, closing it with Escape each time."""
    for opening in OPENINGS:
        times[opening].append(
            await timed_key(pilot, app, key, re.compile(re.escape(shows.encode())))
        )
        await settle(pilot)
        await press(pilot, "escape")


async def _answer_the_rest(pilot: Pilot[Any], app: TimedQuestionnaire) -> None:
    """Answer `1` to every question from the one shown to the last, the keys sent together
    (they are taken in turn), until the review shows."""
    while isinstance(screen := app.screen, QuestionScreen):
        questionnaire = screen.questionnaire
        left = len(questionnaire.asked) - (questionnaire.position(screen.current) or 1) + 1
        send_at_once(app, *["1", "enter"] * left)
        await settle(pilot)


async def _questionnaire(times: Times, reports: Path) -> None:
    app = TimedQuestionnaire(reports=reports)
    async with app.run_test(size=SIZE) as pilot:
        await start_new(pilot, organisation=DETAILS[0], role=ROLE, stage=STAGE)
        for window, (key, shows) in ON_A_QUESTION.items():
            await _opened(pilot, app, key, shows, times[window])
        await _answer_the_rest(pilot, app)
        await _opened(pilot, app, RESULT_KEY, RESULT_SHOWS, times[RESULT])


async def _bare(times: Times) -> None:
    app = TimedBare()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _opened(pilot, app, "w", WINDOW_TITLE, times[BARE])


def one_run(bare: bool) -> Times:
    """The openings of one run, in this process."""
    if bare:
        times = _empty([BARE])
        asyncio.run(_bare(times))
        return times
    times = _empty([*ON_A_QUESTION, RESULT])
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(_questionnaire(times, Path(folder)))
    return times


def _in_a_fresh_process(bare: bool) -> Times:
    argv = [sys.executable, "-m", "benchmarks.windows_bench", *(["--bare"] if bare else [])]
    times: Times = json.loads(run(argv).output)
    return times


def rows(runs: int) -> list[Row]:
    windows = [*ON_A_QUESTION, RESULT]
    times = _empty([*windows, BARE])
    done = in_turn(
        {
            "questionnaire": lambda: _in_a_fresh_process(bare=False),
            "bare": lambda: _in_a_fresh_process(bare=True),
        },
        runs,
    )
    for run_times in [*done["questionnaire"], *done["bare"]]:
        for window, openings in run_times.items():
            for opening, seconds in openings.items():
                times[window][opening] += seconds
    return [
        compared(
            f"Key to the window painted: {window}, the {opening} time",
            Runs(times[window][opening]),
            f"{BARE}'s window, the {opening} time",
            Runs(times[BARE][opening]),
        )
        for window in windows
        for opening in OPENINGS
    ]


if __name__ == "__main__":
    print(json.dumps(one_run(bare="--bare" in sys.argv[1:])))
