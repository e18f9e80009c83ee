"""Every case of the bad-input corpus (badinput.py) is refused as a user would want.

Through the command a user would run: exit status 2, the message expected naming the file,
the line and the field where there are any, no traceback, nothing written, and within a
budget of 2 s of processor time and 100 MB of memory allocated. Processor time, not time
on the clock: it does not depend on what else the machine is doing.
"""

from __future__ import annotations

import shutil
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from consortium_ready.cli import main
from consortium_ready.errors import InputError
from consortium_ready.store.drafts import load_draft
from tests.unit.badinput import ANSWERS, BANK, DRAFT, SAVED, Case, good_saved_text
from tests.unit.helpers import MINI, MINI_ARGS

SECONDS = 2.0
BYTES = 100_000_000
CONTROLS = {chr(c) for c in range(32) if chr(c) not in "\n\t"} | {"\x7f", "\x9b", "\u202e"}

CASES = ANSWERS + BANK + SAVED + DRAFT


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every name under `folder`, with its size and time of change (links not followed)."""
    return {
        str(path.relative_to(folder)): (path.lstat().st_size, path.lstat().st_mtime_ns)
        for path in folder.rglob("*")
    }


def expected_start(path: Path, case: Case) -> str:
    where = f"{path}:{case.line}" if case.line else f"{path}"
    return where + (f": {case.field}:" if case.field else ":")


def within_budget(run: Callable[[], object]) -> object:
    """`run()`'s result, after checking it kept to the processor-time and memory budget."""
    tracemalloc.start()
    started = time.process_time()
    try:
        result = run()
    finally:
        spent = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert spent < SECONDS, f"{spent:.1f} s of processor time"
    assert peak < BYTES, f"{peak / 1e6:.0f} MB allocated"
    return result


def check(case: Case, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Run `case` as a user would, and check every promise about it."""
    if case.kind == "bank":
        shutil.copytree(MINI / "questions", folder / "questions")
        shutil.copytree(MINI / "seeds", folder / "seeds")
    path = case.make(folder)
    before = snapshot(folder)
    reports = folder / "reports"
    if case.kind == "draft":
        with pytest.raises(InputError) as raised:
            within_budget(lambda: load_draft(path))
        shown = [str(problem) for problem in raised.value.problems]
    else:
        args = {
            "answers": [*MINI_ARGS, "assess", "--answers", str(path), "--reports", str(reports)],
            "bank": [
                "validate",
                *("--questions", str(folder / "questions"), "--seeds", str(folder / "seeds")),
            ],
            "saved": [*MINI_ARGS, "report", str(path)],
        }[case.kind]
        status = within_budget(lambda: main(args))
        out, err = capsys.readouterr()
        assert status == 2, err
        assert out == "" and "Traceback" not in err
        assert not CONTROLS & set(err), "a raw control character reached the terminal"
        shown = [line.strip() for line in err.splitlines()[1:]]
    start = expected_start(path, case)
    assert any(s.startswith(start) and case.says in s for s in shown), (start, case.says, shown)
    assert snapshot(folder) == before, "something was written"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.kind}: {c.id}" for c in CASES])
def test_a_bad_file_is_refused_by_file_line_and_field(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check(case, tmp_path, capsys)


def test_the_good_saved_assessment_the_corpus_damages_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "saved.json"
    path.write_text(good_saved_text(), encoding="utf-8")
    assert main([*MINI_ARGS, "report", str(path)]) == 0
    assert "Riverside Advice" in capsys.readouterr().out
