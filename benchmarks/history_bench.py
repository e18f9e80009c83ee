"""`history` and `compare --org` over 100, 1,000 and 10,000 saved assessments.

The assessments (benchmarks.assessments.save_many) are spread over one organisation for
every 50, and arrive as files copied in from elsewhere would: a first, untimed `history`
indexes them. Each command is then timed as a whole process, beside `--help` (the start-up
of Python and the program alone), all in turn, run after run; last, `history` at 10,000
with its index deleted before each run.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.assessments import save_many
from benchmarks.measure import Finished, app, in_turn, run, summary
from benchmarks.table import NONE, Row, compared
from consortium_ready.store.savedindex import INDEX_NAME

SIZES = (100, 1_000, 10_000)
LARGEST = SIZES[-1]
ORGANISATION = "Community Organisation 001"
GOALS = {
    f"history {LARGEST}": "≤ 0.5 s",
    f"history with no index {LARGEST}": "≤ 1 s",
    f"compare {LARGEST}": "≤ 0.5 s",
}


def _command(*args: str) -> Callable[[], Finished]:
    return lambda: run(app(*args))


def _without_index(folder: Path) -> Callable[[], Finished]:
    def history() -> Finished:
        (folder / INDEX_NAME).unlink(missing_ok=True)
        return run(app("history", "--reports", str(folder)))

    return history


def rows(runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory() as name:
        folders = {count: Path(name) / f"saved-{count}" for count in SIZES}
        steps: dict[str, Callable[[], Finished]] = {"help": _command("--help")}
        for count, folder in folders.items():
            save_many(folder, count, organisations=max(2, count // 50))
            run(app("history", "--reports", str(folder)))  # indexes them
            steps[f"history {count}"] = _command("history", "--reports", str(folder))
            steps[f"compare {count}"] = _command(
                "compare", "--org", ORGANISATION, "--reports", str(folder)
            )
        steps[f"history with no index {LARGEST}"] = _without_index(folders[LARGEST])
        done = in_turn(steps, runs)
    reference = summary(done.pop("help"))
    named = {
        **{f"history {count}": f"`history` over {count:,} saved assessments" for count in SIZES},
        f"history with no index {LARGEST}": f"`history` over {LARGEST:,}, no index",
        **{f"compare {count}": f"`compare --org` over {count:,}" for count in SIZES},
    }
    return [
        compared(
            measure,
            summary(done[step]),
            "`--help`",
            reference,
            GOALS.get(step, NONE),
        )
        for step, measure in named.items()
    ]
