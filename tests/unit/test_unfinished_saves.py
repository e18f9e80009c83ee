"""A save a kill interrupted is finished by the next run: debris gone, missing reports written."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from consortium_ready.cli import main
from consortium_ready.content.loader import load_bank
from consortium_ready.domain.bank import Bank
from consortium_ready.reports import unfinished
from consortium_ready.reports.unfinished import finish_saves
from consortium_ready.store import files
from consortium_ready.store.files import folder_lock, temporary_prefix
from consortium_ready.store.history import scan
from consortium_ready.store.unfinished import SAVING, STALE_AFTER, Finished, finish_interrupted
from tests.unit.helpers import GOOD, MINI, MINI_ARGS

SUFFIXES = (".html", ".md", ".csv")


def a_dead_pid() -> int:
    """The process id of a process that has ended."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def temporary(folder: Path, name: str, pid: int) -> Path:
    """A temporary file as the writer with process id `pid` would leave it."""
    prefix = temporary_prefix(name).replace(f"-{os.getpid()}-", f"-{pid}-")
    path = folder / f"{prefix}abcd1234.tmp"
    path.write_text("half", encoding="utf-8")
    return path


@pytest.fixture
def reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A reports folder with one complete save of the good answers."""
    answers = tmp_path / "answers.yaml"
    answers.write_text(GOOD, encoding="utf-8")
    folder = tmp_path / "reports"
    assert main([*MINI_ARGS, "assess", "--answers", str(answers), "--reports", str(folder)]) == 0
    capsys.readouterr()
    return folder


def saved_json(reports: Path) -> Path:
    return next((reports / "riverside-advice").glob("*.json"))


def interrupted(json_path: Path, *suffixes: str) -> None:
    """Make the save of `json_path` look killed before it wrote its `suffixes` reports: they
    are gone, and the folder keeps the mark of a save under way, made just before it."""
    for suffix in suffixes:
        json_path.with_suffix(suffix).unlink()
    marker = json_path.parent / SAVING
    marker.touch()
    before = json_path.stat().st_mtime - 1
    os.utime(marker, (before, before))


def render(path: Path) -> dict[str, str]:
    return {suffix: f"{suffix} of {path.name}" for suffix in SUFFIXES}


def test_the_temporary_files_of_a_writer_that_has_gone_are_removed_and_no_others(
    reports: Path,
) -> None:
    organisation = reports / "riverside-advice"
    dead, alive = a_dead_pid(), os.getpid()
    gone = [temporary(reports, ".draft.json", dead), temporary(organisation, "x.json", dead)]
    kept = temporary(organisation, "y.json", alive)
    old = temporary(organisation, "z.json", alive)
    os.utime(old, (time.time() - STALE_AFTER - 60,) * 2)
    done = finish_interrupted(reports, SUFFIXES, render)
    assert sorted(done.removed) == sorted([*gone, old])
    assert kept.exists() and not any(path.exists() for path in [*gone, old])


def test_a_json_saved_without_its_reports_gets_them_and_history_shows_it_whole(
    reports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    json_path = saved_json(reports)
    complete = {suffix: json_path.with_suffix(suffix).read_text() for suffix in SUFFIXES}
    interrupted(json_path, ".md", ".csv")
    assert main([*MINI_ARGS, "history", "--reports", str(reports)]) == 0
    err = capsys.readouterr().err
    assert f"finished a save that was interrupted: wrote {json_path.with_suffix('.md')}" in err
    assert {s: json_path.with_suffix(s).read_text() for s in SUFFIXES} == complete
    assert not (json_path.parent / SAVING).exists()


def test_the_commands_look_for_saves_to_finish_only_where_the_scan_saw_what_one_leaves(
    reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saves leave a mark or temporary files while under way: with none listed, the commands
    need not look through every folder again."""
    looked: list[Path] = []
    finish = unfinished.finish_saves

    def looking(folder: Path, bank: Callable[[], Bank]) -> Finished:
        looked.append(folder)
        return finish(folder, bank)

    monkeypatch.setattr(unfinished, "finish_saves", looking)
    assert main([*MINI_ARGS, "history", "--reports", str(reports)]) == 0
    assert looked == [] and not scan(reports).unfinished
    json_path = saved_json(reports)
    for leftover in (
        temporary(reports, ".draft.json", os.getpid()),
        temporary(json_path.parent, "x.json", os.getpid()),
        json_path.parent / SAVING,
    ):
        leftover.touch()
        assert scan(reports).unfinished
        assert main([*MINI_ARGS, "history", "--reports", str(reports)]) == 0
        assert looked.pop() == reports
        leftover.unlink(missing_ok=True)  # finishing takes the mark away


def test_a_json_put_there_without_reports_is_left_as_it_is(reports: Path) -> None:
    """Only a save that was under way is finished: a JSON copied in on its own is not one."""
    json_path = saved_json(reports)
    copied = json_path.with_name("2020-01-01-000000.json")
    copied.write_text(json_path.read_text(), encoding="utf-8")
    assert finish_interrupted(reports, SUFFIXES, render).written == []
    interrupted(json_path, ".md")
    os.utime(copied, (0, 0))  # from long before the save that was under way
    assert finish_interrupted(reports, SUFFIXES, render).written == [json_path.with_suffix(".md")]
    assert sorted(p.name for p in copied.parent.glob("2020-*")) == [copied.name]


def test_a_folder_being_saved_in_is_left_alone(reports: Path) -> None:
    json_path = saved_json(reports)
    interrupted(json_path, ".md")
    with folder_lock(json_path.parent):
        done = finish_interrupted(reports, SUFFIXES, render)
    assert done.written == [] and not json_path.with_suffix(".md").exists()
    assert finish_interrupted(reports, SUFFIXES, render).written == [json_path.with_suffix(".md")]


def test_a_damaged_json_is_left_for_history_to_name(reports: Path) -> None:
    damaged = reports / "riverside-advice" / "2020-01-01-000000.json"
    damaged.write_text("{", encoding="utf-8")

    done = finish_saves(reports, lambda: load_bank(MINI / "questions", MINI / "seeds"))
    assert (
        done.written == []
        and [p.name for p in damaged.parent.iterdir()].count("2020-01-01-000000.md") == 0
    )


def test_a_temporary_file_says_which_process_wrote_it(monkeypatch: pytest.MonkeyPatch) -> None:
    assert files.abandoned(temporary_prefix("a.json") + "xyz.tmp") is False
    monkeypatch.setattr(files.os, "getpid", a_dead_pid)
    assert files.abandoned(temporary_prefix("a.json") + "xyz.tmp") is True
    assert files.abandoned(".a.json.somebody-else.tmp") is False


def test_the_questionnaire_finishes_an_interrupted_save_as_it_starts(reports: Path) -> None:
    from consortium_ready.tui.startup import survey

    json_path = saved_json(reports)
    interrupted(json_path, ".html", ".md")
    found = survey(MINI / "questions", MINI / "seeds", reports)
    assert found.saved == 1
    assert all(json_path.with_suffix(suffix).is_file() for suffix in SUFFIXES)


def test_the_questionnaire_looks_for_saves_to_finish_only_where_a_save_left_its_signs(
    reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no save's mark nor temporary file in the folder, no second look at every folder."""
    from consortium_ready.tui import startup

    saved_json(reports)

    def not_wanted(*args: object) -> None:
        raise AssertionError("finish_saves was called with nothing to finish")

    monkeypatch.setattr(startup, "finish_saves", not_wanted)
    assert startup.survey(MINI / "questions", MINI / "seeds", reports).saved == 1
