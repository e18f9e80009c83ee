"""`make bench`: every figure of issue 13 beside its reference, as one table.

    python -m benchmarks [--runs N] [--quick] [--only GROUP,...]

Run from the top of the checkout. Progress goes to standard error; the table (Markdown,
lined up to read as plain text) and the machine it ran on go to standard output.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import textual

from benchmarks import (
    bank_bench,
    commands_bench,
    history_bench,
    keypress_bench,
    report_bench,
    startup_bench,
    windows_bench,
)
from benchmarks.table import Row, markdown_table
from consortium_ready.words import plural

RUNS, QUICK_RUNS = 10, 3
QUESTIONNAIRES, QUICK_QUESTIONNAIRES = 2, 1


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def machine() -> str:
    load = ", ".join(f"{figure:.1f}" for figure in os.getloadavg())
    return (
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} cores, {cpu_model()}; "
        f"Python {platform.python_version()}, Textual {textual.__version__}; "
        f"load average {load}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--runs", type=int, help=f"runs of each measure (default {RUNS})")
    parser.add_argument(
        "--questionnaires",
        type=int,
        help=f"whole questionnaires for the keypress rows (default {QUESTIONNAIRES})",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"{QUICK_RUNS} runs and {QUICK_QUESTIONNAIRES} questionnaire: rough figures, sooner",
    )
    groups: dict[str, Callable[[argparse.Namespace], list[Row]]] = {
        "keypress": lambda a: keypress_bench.rows(a.questionnaires),
        "windows": lambda a: windows_bench.rows(a.runs),
        "startup": lambda a: startup_bench.rows(a.runs),
        "bank": lambda a: bank_bench.rows(a.runs),
        "assess": lambda a: commands_bench.assess_rows(a.runs),
        "history": lambda a: history_bench.rows(a.runs),
        "aggregate": lambda a: commands_bench.aggregate_rows(a.runs),
        "report": lambda a: report_bench.rows(a.runs),
    }
    parser.add_argument(
        "--only",
        default=",".join(groups),
        help=f"the groups of rows to measure, comma-separated (default all: {','.join(groups)})",
    )
    args = parser.parse_args()
    args.runs = args.runs or (QUICK_RUNS if args.quick else RUNS)
    args.questionnaires = args.questionnaires or (
        QUICK_QUESTIONNAIRES if args.quick else QUESTIONNAIRES
    )
    chosen = args.only.split(",")
    if unknown := [name for name in chosen if name not in groups]:
        parser.error(f"no group {', '.join(unknown)}; the groups: {', '.join(groups)}")
    before = machine()
    rows: list[Row] = []
    for name in chosen:
        began = time.perf_counter()
        print(f"measuring {name} ...", end=" ", file=sys.stderr, flush=True)
        rows += groups[name](args)
        print(f"{time.perf_counter() - began:.0f} s", file=sys.stderr)
    print(
        f"Medians of {plural(args.runs, 'run')} each, alternated with their references "
        f"({plural(args.questionnaires, 'questionnaire')} each way for the keypress rows)."
    )
    print(f"Began {before}.")
    print(f"Ended {machine()}.\n")
    print(markdown_table(rows))


if __name__ == "__main__":
    main()
