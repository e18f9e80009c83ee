"""From a keypress to the next question painted, over a whole questionnaire, against the bare app.

The questionnaire runs on the built-in bank as a lead body at the bidding stage, the
details filled in from the keyboard. Each question is answered with `1` (its first
option, the number 1 or the text "1"), and then Enter is timed: from the key sent to the
first frame that shows the next question's position, "Question N of M". The bare app is
driven the same way for as many steps; its Enter changes its one line of text to the next
"Question N of M".

- Under Pilot (100x30, headless), a frame is painted when Textual hands its screen update
  to the driver (the private `App._display`, which the headless driver then drops); the
  update is turned into terminal text there, as a real driver would, and timed after that.
- In a pseudo-terminal (100x30), the time runs from writing the key until the position's
  bytes arrive.

Between steps the app is left to catch up (saving in the background, any later frame),
as a person's pace would allow; that wait is not timed.
"""

from __future__ import annotations

import asyncio
import re
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from tests.functional.helpers import settle, start_new
from textual._compositor import CompositorUpdate
from textual.app import App
from textual.pilot import Pilot

from benchmarks.bare_app import FIRST_LINE, BareApp
from benchmarks.measure import APP, BARE, ENTER, PATIENCE, RIGHT, SIZE, TAB, Terminal, bare_app
from benchmarks.table import Row, Runs, compared, largest
from consortium_ready.tui.app import ConsortiumReadyApp

POSITION = re.compile(rb"Question (\d+) of (\d+)")
GOAL = "median ≤ 16 ms, p95 ≤ 33 ms"
ROLE, STAGE = "lead", "bidding"
DETAILS = ["Bench Trust", TAB + ENTER, TAB + RIGHT + RIGHT + ENTER, TAB + TAB + TAB + ENTER]
"""The details screen from the keyboard: the name, the role (lead, the first), the stage
(bidding, the third), then past the kind of consortium and its name, and on."""


def next_position(number: int) -> re.Pattern[bytes]:
    return re.compile(rb"Question %d of \d+" % number)


def questions_shown(output: bytes | bytearray) -> int:
    """The count of questions ("of M") last shown in `output`."""
    *_, last = POSITION.finditer(output)
    return int(last[2])


# Under Pilot ------------------------------------------------------------------------------


class PaintClock(App[Any]):
    """Mixed into an app under Pilot: when each frame was painted, and its terminal text."""

    def __init__(self, *args: Any, **options: Any) -> None:
        super().__init__(*args, **options)
        self.frames: list[tuple[float, bytes]] = []

    def _display(self, screen: Any, renderable: Any) -> None:
        super()._display(screen, renderable)
        if isinstance(renderable, CompositorUpdate) and not self._batch_count:
            text = renderable.render_segments(self.console).encode()
            self.frames.append((time.perf_counter(), text))

    def painted(self) -> bytes:
        return b"".join(text for _, text in self.frames)


class TimedQuestionnaire(PaintClock, ConsortiumReadyApp):
    pass


class TimedBare(PaintClock, BareApp):
    pass


async def timed_key(
    pilot: Pilot[Any], app: PaintClock, key: str, wanted: re.Pattern[bytes]
) -> float:
    """Press `key`; seconds until a frame shows what `wanted` finds."""
    seen = len(app.frames)
    pressed = time.perf_counter()
    await pilot.press(key)
    give_up = pressed + PATIENCE
    while True:
        painted = next((t for t, text in app.frames[seen:] if wanted.search(text)), None)
        if painted is not None:
            return painted - pressed
        if time.perf_counter() > give_up:
            raise TimeoutError(f"{wanted.pattern!r} was never painted after {key}")
        await asyncio.sleep(0.005)


async def _under_pilot(
    app: PaintClock, begin: Callable[[Pilot[Any]], Awaitable[None]], steps: int | None = None
) -> list[float]:
    """Run `app` under Pilot and, after `begin`, press `1` and a timed Enter until the last
    question (or for `steps` steps)."""
    waits: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await begin(pilot)
        number = 1
        while len(waits) != steps:
            await pilot.press("1")
            await settle(pilot)
            if steps is None and number == questions_shown(app.painted()):
                break
            number += 1
            waits.append(await timed_key(pilot, app, "enter", next_position(number)))
            await settle(pilot)
    return waits


def pilot_questionnaire(reports: Path) -> list[float]:
    async def begin(pilot: Pilot[Any]) -> None:
        await start_new(pilot, organisation=DETAILS[0], role=ROLE, stage=STAGE)

    return asyncio.run(_under_pilot(TimedQuestionnaire(reports=reports), begin))


def pilot_bare(steps: int) -> list[float]:
    return asyncio.run(_under_pilot(TimedBare(), settle, steps))


# In a pseudo-terminal ---------------------------------------------------------------------


def _in_terminal(terminal: Terminal, steps: int | None = None) -> list[float]:
    """Press `1` and a timed Enter until the last question (or for `steps` steps)."""
    waits: list[float] = []
    number = 1
    try:
        while len(waits) != steps:
            terminal.answered("1")
            if steps is None and number == questions_shown(terminal.seen):
                break
            number += 1
            mark, sent = terminal.type(ENTER)
            waits.append(terminal.until(next_position(number), since=mark) - sent)
            terminal.quiet()
    finally:
        terminal.close()
    return waits


def terminal_questionnaire(reports: Path) -> tuple[list[float], float | None]:
    terminal = Terminal([*APP, "--reports", str(reports)])
    terminal.until(b"Start a new assessment")
    terminal.type(ENTER)
    terminal.until(b"About your organisation")
    for keys in DETAILS:
        terminal.answered(keys, period=0.3)
    terminal.until(next_position(1))
    return _in_terminal(terminal), terminal.peak


def terminal_bare(steps: int) -> tuple[list[float], float | None]:
    terminal = Terminal(bare_app())
    terminal.until(FIRST_LINE.encode())
    return _in_terminal(terminal, steps), terminal.peak


# The rows ---------------------------------------------------------------------------------


def rows(questionnaires: int) -> list[Row]:
    """`questionnaires` whole questionnaires each way, each beside as many bare steps."""
    pilot: list[float] = []
    pilot_reference: list[float] = []
    pty: list[float] = []
    pty_reference: list[float] = []
    peaks: list[float | None] = []
    peaks_reference: list[float | None] = []
    for _ in range(questionnaires):
        with tempfile.TemporaryDirectory() as folder:
            waits = pilot_questionnaire(Path(folder) / "pilot")
            pilot += waits
            pilot_reference += pilot_bare(len(waits))
            waits, peak = terminal_questionnaire(Path(folder) / "pty")
            pty += waits
            peaks.append(peak)
            waits, peak = terminal_bare(len(waits))
            pty_reference += waits
            peaks_reference.append(peak)
    steps = f"{questionnaires} x {len(pilot) // questionnaires} steps"
    return [
        compared(
            f"Keypress to the next question painted: Pilot 100x30 ({steps})",
            Runs(pilot),
            BARE,
            Runs(pilot_reference),
            GOAL,
            p95_too=True,
        ),
        compared(
            f"Keypress to the next question painted: pty 100x30 ({steps})",
            Runs(pty, largest(peaks)),
            BARE,
            Runs(pty_reference, largest(peaks_reference)),
            GOAL,
            p95_too=True,
        ),
    ]
