"""Faults while saving: a kill at any moment, a full disk, a read-only folder, a folder removed
part way, two saves in the same second. Nothing saved is damaged, nothing is half saved once
the next run has finished what a kill interrupted, and each failure is told in one line.

docs/reliability.md quotes FAULTS, and test_reliability_doc.py keeps the two in step.
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from consortium_ready.cli import main
from consortium_ready.domain import assessment
from consortium_ready.errors import InputError
from consortium_ready.store import files as files_module
from consortium_ready.store.drafts import Draft, load_draft, save_draft
from consortium_ready.store.files import TEMPORARY, draft_path
from consortium_ready.store.history import scan
from consortium_ready.store.saved import load_assessment
from consortium_ready.store.unfinished import SAVING
from tests.unit.helpers import GOOD, MINI_ARGS

KILLS = 40
CLEAN = "exit 1, one line; earlier saves whole; nothing half saved, no debris"
FAULTS = {
    "kill -9 during `assess`, at random moments through the save": (
        KILLS,
        "no JSON damaged; once the next run has finished the saves, no debris",
    ),
    "a full disk (a 256 KB tmpfs), saving until it is full": (1, CLEAN),
    "a read-only reports folder (a tmpfs remounted read-only)": (1, CLEAN),
    "an organisation's folder removed part way through a save": (1, CLEAN),
    "the reports folder removed between two writes of the draft": (1, "made again; draft kept"),
    "two saves of one organisation in the same second, in turn and at once": (
        2,
        "four whole saves, `-2`, `-3`, `-4`, all in history",
    ),
    "the disk refusing data as it is made durable (fsync, ENOSPC)": (1, CLEAN),
}
"""Each fault tried here: how many times, and what happened. The two on a tmpfs are skipped,
with the reason, where this machine cannot mount one."""
SUFFIXES = (".html", ".md", ".csv")


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(GOOD, encoding="utf-8")
    return path


def assess(answers: Path, reports: Path) -> int:
    return main([*MINI_ARGS, "assess", "--answers", str(answers), "--reports", str(reports)])


def state(reports: Path) -> tuple[int, int, int]:
    """(complete saves, damaged JSON files, debris): debris is a temporary file, the mark of a
    save under way, or a JSON without all its reports."""
    complete = damaged = debris = 0
    for path in reports.rglob("*"):
        if path.name.endswith(TEMPORARY) or path.name == SAVING:
            debris += 1
        elif path.suffix == ".json" and not path.name.startswith("."):
            try:
                load_assessment(path)
            except InputError:
                damaged += 1
                continue
            whole = all(path.with_suffix(suffix).exists() for suffix in SUFFIXES)
            complete, debris = complete + whole, debris + (not whole)
    return complete, damaged, debris


def test_kill_9_during_assess_damages_nothing_and_the_next_run_leaves_no_debris(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = tmp_path / "reports"
    assert assess(answers, reports) == 0  # every module loaded before forking
    started = time.perf_counter()
    assert assess(answers, reports) == 0
    one_save = time.perf_counter() - started
    capsys.readouterr()
    rng = random.Random(10)
    left_behind = 0
    for _ in range(KILLS):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child saves, and is killed part way
            with contextlib.suppress(BaseException):
                quiet = os.open(os.devnull, os.O_WRONLY)
                os.dup2(quiet, 1)
                os.dup2(quiet, 2)
                assess(answers, reports)
            os._exit(0)
        time.sleep(rng.uniform(0, one_save * 1.2))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        complete, damaged, debris = state(reports)
        assert damaged == 0
        left_behind += debris
    assert main([*MINI_ARGS, "history", "--reports", str(reports)]) == 0
    complete, damaged, debris = state(reports)
    print(f"{KILLS} kills: debris seen {left_behind} times, {complete} complete saves after")
    assert (damaged, debris) == (0, 0)
    assert len(scan(reports).entries) == complete


@contextlib.contextmanager
def tmpfs(folder: Path, *options: str) -> Iterator[Path]:
    """A small in-memory file system at `folder`, or a skip where this machine cannot mount."""
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", ",".join(("size=256k", *options)), "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.decode().strip()})")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_full_disk_fails_a_save_cleanly_and_keeps_every_earlier_save(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(tmp_path / "disk") as disk:
        reports = disk / "reports"
        status = 0
        saves = 0
        while status == 0 and saves < 200:
            status = assess(answers, reports)
            saves += status == 0
        err = capsys.readouterr().err
        assert status == 1 and saves > 0
        assert "could not save" in err and "No space left on device" in err
        assert err.count("\n") == 1
        assert state(reports) == (saves, 0, 0)


def test_a_read_only_folder_fails_a_save_cleanly(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with tmpfs(tmp_path / "disk") as disk:
        reports = disk / "reports"
        assert assess(answers, reports) == 0
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        capsys.readouterr()
        assert assess(answers, reports) == 1
        err = capsys.readouterr().err
        assert "could not save" in err and "Read-only file system" in err
        assert state(reports) == (1, 0, 0)
        assert main([*MINI_ARGS, "history", "--reports", str(reports)]) == 0


def test_a_folder_removed_part_way_through_a_save_leaves_nothing_half_saved(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    reports = tmp_path / "reports"
    real_create_new = files_module.create_new

    def folder_removed(path: Path, text: str, **options: bool) -> None:
        shutil.rmtree(path.parent)
        real_create_new(path, text, **options)

    monkeypatch.setattr(files_module, "create_new", folder_removed)
    assert assess(answers, reports) == 1
    assert "could not save" in capsys.readouterr().err
    assert state(reports) == (0, 0, 0)
    assert not (reports / "riverside-advice").exists()


def test_a_reports_folder_removed_while_a_draft_is_kept_is_made_again(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    first = Draft(saved=datetime(2027, 3, 12, tzinfo=UTC), answers={"weeks": 1})
    save_draft(draft_path(reports), first)
    shutil.rmtree(reports)
    second = first.model_copy(update={"answers": {"weeks": 2}})
    save_draft(draft_path(reports), second)
    assert load_draft(draft_path(reports)) == second


def test_two_saves_in_the_same_second_both_stand_whole(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    class Clock:
        """Always half past nine on 1 May 2026."""

        @staticmethod
        def now(zone: object) -> datetime:
            return datetime(2026, 5, 1, 9, 30, tzinfo=UTC)

    monkeypatch.setattr(assessment, "datetime", Clock)
    reports = tmp_path / "reports"
    assert assess(answers, reports) == 0 and assess(answers, reports) == 0
    children = []
    for _ in range(2):  # and two at once, in two processes
        pid = os.fork()
        if pid == 0:  # pragma: no cover
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
            os._exit(assess(answers, reports))
        children.append(pid)
    statuses = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in children]
    assert statuses == [0, 0]
    names = sorted(p.name for p in (reports / "riverside-advice").glob("*.json"))
    assert names == sorted(f"2026-05-01-093000{n}.json" for n in ("", "-2", "-3", "-4"))
    assert state(reports) == (4, 0, 0)
    assert len(scan(reports).entries) == 4


def test_a_disk_that_fails_as_data_is_made_durable_leaves_nothing_behind(
    answers: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    reports = tmp_path / "reports"
    calls = []

    def failing_fsync(handle: int) -> None:
        calls.append(handle)
        if len(calls) == 3:  # the second report
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    assert assess(answers, reports) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert state(reports) == (0, 0, 0)
    assert [p for p in reports.rglob("*") if p.is_file()] == []
