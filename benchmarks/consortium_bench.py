"""How long `aggregate` takes over many partners' saved assessments.

    .venv/bin/python benchmarks/consortium_bench.py [N]      (default N = 300)

Saves N assessments of N organisations, made with the built-in bank from the
worked examples in docs/examples/ with answers varied at random, as partners
would send them back, into a temporary folder. Then prints the time of the
whole `aggregate` command as a user runs it (process start to end, the three
reports written), its parts in one process (reading the files, working the
view out, laying out the reports), and `--version` as a reference for the
start-up of Python and the imports alone. The target in issue 11 is under 2 s
for 300 on this machine.
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

from consortium_ready.content.loader import load_bank
from consortium_ready.domain.aggregate import aggregate
from consortium_ready.domain.answerset import AnswerSet
from consortium_ready.domain.assessment import assess
from consortium_ready.domain.profile import Profile
from consortium_ready.reports.render import consortium_reports
from consortium_ready.store.gathered import gather
from consortium_ready.store.saved import write_assessment
from history_bench import command, random_answers  # beside this file

EXAMPLES = Path(__file__).resolve().parents[1] / "docs" / "examples"


def populate(folder: Path, count: int) -> None:
    bank = load_bank()
    rng = random.Random(11)
    bases = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLES.glob("*.yaml"))]
    start = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    for index in range(count):
        profile = Profile(
            organisation=f"Partner organisation {index:03d}",
            role="lead" if index == 0 else "partner",
            stage="bidding",
            kind="open-network",
            consortium="Benchmark Consortium",
        )
        base = rng.choice(bases).get("answers") or {}
        answers = random_answers(bank, profile, rng, preferred=base, keep=0.6)
        answer_set = AnswerSet(profile=profile, answers=answers)
        when = start + timedelta(minutes=index)
        write_assessment(assess(bank, answer_set, now=when), folder, {})  # the JSON alone


def timed(label: str, action) -> object:
    """Run `action`; print its wall time and the CPU time it (and any process it ran) used.

    On a machine shared with other work the wall time varies from run to run; the CPU
    time is what the work itself costs."""
    began, cpu = time.perf_counter(), _cpu()
    result = action()
    wall, used = time.perf_counter() - began, _cpu() - cpu
    print(f"  {label:<52} {wall:7.3f} s  (CPU {used:6.3f} s)")
    return result


def _cpu() -> float:
    mine, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as name:
        folder, out = Path(name) / "returned", Path(name) / "out"
        print(f"Saving {count} partners' assessments in {folder} ...")
        timed("saving them (not part of the target)", lambda: populate(folder, count))
        print("Timings: wall clock, and CPU time")
        timed(
            f"`aggregate` over {count} (process start to end)",
            lambda: command("aggregate", str(folder), "--out", str(out)),
        )
        timed("`--version` (Python and import start-up alone)", lambda: command("--version"))
        bank = load_bank()
        found = timed("in one process: reading the files", lambda: gather([folder]))
        view = timed(
            "in one process: working the view out",
            lambda: aggregate(found.returned, bank),  # type: ignore[attr-defined]
        )
        timed(
            "in one process: laying out the three reports", lambda: consortium_reports(view, bank)
        )  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
