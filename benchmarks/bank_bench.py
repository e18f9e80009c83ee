"""Loading the question bank at the size shipped, and at 1,000 and 10,000 questions.

The larger banks are the built-in one with every theme repeated (10 and 100 times), each
copy's theme and question ids given a suffix, and the answers that questions depend on
renamed to match; the case studies are the built-in ones. Each load is timed in a fresh
process (`benchmarks.worker`, modules imported first), the three sizes in turn, run after
run. The goal is a linear cost: per question, 10,000 within 1.1 times 1,000.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
from dataclasses import replace
from functools import partial
from pathlib import Path

from benchmarks.measure import Finished, in_turn, run, summary
from benchmarks.table import Row, duration, ratio
from consortium_ready.content.bankfiles import BANK_FILE, FLAGS_FILE, THEMES_DIR, default_dirs

SIZES = {"shipped": 0, "1,000": 10, "10,000": 100}
"""Each bank's name, and how many times its themes are repeated (0: the shipped files)."""

QUESTION_ID = re.compile(r"(?m)^(  - id: )([a-z0-9-]+)$")
THEME_ID = re.compile(r"(?m)^(  id: )([a-z0-9-]+)$")
ORDER = re.compile(r"(?m)^(  order: )(\d+)$")
DEPENDS_ON = re.compile(r"(?m)^(      answers:\n)((?:        [a-z0-9-]+: .*\n)+)")
ANSWER_OF = re.compile(r"(?m)^(        [a-z0-9-]+):")


def renamed(theme_file: str, copy: int) -> str:
    """A theme file's text as its `copy`th copy: the theme's id and order, its questions' ids
    and the questions their answers depend on made unique, all else as written."""
    suffix = rf"\g<1>\g<2>-{copy}"
    text = QUESTION_ID.sub(suffix, theme_file)
    text = THEME_ID.sub(suffix, text, count=1)
    text = ORDER.sub(lambda m: f"{m[1]}{int(m[2]) + 100 * copy}", text, count=1)
    return DEPENDS_ON.sub(lambda m: m[1] + ANSWER_OF.sub(rf"\g<1>-{copy}:", m[2]), text)


def grown_bank(folder: Path, copies: int) -> Path:
    """The built-in questions with every theme repeated `copies` times, written in `folder`."""
    shipped, _ = default_dirs()
    grown = folder / f"questions-{copies}"
    (grown / THEMES_DIR).mkdir(parents=True)
    for name in (BANK_FILE, FLAGS_FILE):
        shutil.copy(shipped / name, grown / name)
    for path in sorted((shipped / THEMES_DIR).glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        for copy in range(copies):
            themes = grown / THEMES_DIR / f"{copy:03d}-{path.name}"
            themes.write_text(renamed(text, copy) if copy else text, encoding="utf-8")
    return grown


def _loading(folder: Path) -> Finished:
    """Loading the bank in `folder` in a fresh process: the seconds the loading took (not
    the process), the process's peak memory, and how many questions the bank has."""
    done = run([sys.executable, "-m", "benchmarks.worker", "load-bank", str(folder)])
    figures = json.loads(done.output)
    return Finished(figures["seconds"], done.peak, str(figures["questions"]))


def rows(runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory() as name:
        folders = {
            size: grown_bank(Path(name), copies) if copies else default_dirs()[0]
            for size, copies in SIZES.items()
        }
        done = in_turn({size: partial(_loading, folder) for size, folder in folders.items()}, runs)
    found = []
    each: dict[str, float] = {}
    for size, loads in done.items():
        runs_of, questions = summary(loads), int(loads[0].output)
        each[size] = runs_of.median / questions
        found.append(
            Row(
                f"Bank loaded, {questions:,} questions"
                + (" (as shipped)" if size == "shipped" else ""),
                f"{runs_of.cell()}; {duration(each[size])} a question",
            )
        )
    found[-1] = replace(
        found[-1],
        reference=f"1,000: {duration(each['1,000'])} a question",
        ratio=ratio(each["10,000"], each["1,000"]),
        goal="per question ≤ 1.1x",
    )
    return found
