"""The cycle collector is paused while a bank or saved assessments are read, while
`aggregate`, `assess` and `compare` work, which then freeze what they leave, and while the
questionnaire starts; never left off."""

from __future__ import annotations

import gc

import pytest

from consortium_ready.cli import main
from consortium_ready.collector import (
    collector_paused,
    collector_paused_to_the_end,
    pause_while_starting,
    resume_once_started,
)
from consortium_ready.content import loader
from consortium_ready.domain import aggregate, compare
from consortium_ready.reports import render, saving
from consortium_ready.store import gathered
from consortium_ready.store.gathered import gather
from tests.unit.badinput import good_saved_text
from tests.unit.helpers import GOOD, MINI

MINI_BANK = ["--questions", str(MINI / "questions"), "--seeds", str(MINI / "seeds")]


def test_the_collector_is_on_again_after_a_pause_and_after_an_error():
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()


def test_a_collector_already_off_is_left_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_work_that_ends_the_run_freezes_what_it_leaves_and_turns_the_collector_on_again():
    gc.unfreeze()  # what an earlier test froze, so that only this freezing is counted
    with collector_paused_to_the_end():
        assert not gc.isenabled()
        made = [[index] for index in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)


def test_once_started_what_the_start_made_is_frozen_and_the_collector_on_again():
    gc.unfreeze()  # what an earlier test froze, so that only this freezing is counted
    pause_while_starting()
    assert not gc.isenabled()
    made = [[index] for index in range(1000)]
    resume_once_started()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)


def test_a_collector_not_paused_is_not_frozen_when_started():
    gc.unfreeze()
    resume_once_started()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_the_questionnaire_starts_with_the_collector_paused(monkeypatch, tmp_path):
    from consortium_ready.tui.app import ConsortiumReadyApp

    seen: list[bool] = []
    monkeypatch.setattr(ConsortiumReadyApp, "run", lambda app: seen.append(gc.isenabled()))
    try:
        assert main(["--reports", str(tmp_path)]) == 0
    finally:
        gc.enable()
    assert seen == [False]


def test_reading_the_bank_is_done_with_the_collector_paused(monkeypatch):
    seen: list[bool] = []
    parse_yaml = loader.parse_yaml
    monkeypatch.setattr(
        loader, "parse_yaml", lambda *args: (seen.append(gc.isenabled()), parse_yaml(*args))[1]
    )
    loader.load_bank(MINI / "questions", MINI / "seeds")
    assert seen and not any(seen)
    assert gc.isenabled()


def test_gathering_partners_is_done_with_the_collector_paused(monkeypatch, tmp_path):
    (tmp_path / "2026-01-15-120000.json").write_text(good_saved_text(), encoding="utf-8")
    seen: list[bool] = []
    read_saved = gathered.read_saved
    monkeypatch.setattr(
        gathered, "read_saved", lambda *args: (seen.append(gc.isenabled()), read_saved(*args))[1]
    )
    assert len(gather([tmp_path]).returned) == 1
    assert seen == [False]
    assert gc.isenabled()


def test_aggregate_works_with_the_collector_paused_then_freezes_what_is_left(monkeypatch, tmp_path):
    partners = tmp_path / "partners"
    partners.mkdir()
    (partners / "2026-01-15-120000.json").write_text(good_saved_text(), encoding="utf-8")
    seen: list[bool] = []
    for module, name in ((aggregate, "aggregate"), (render, "consortium_reports")):
        step = getattr(module, name)
        monkeypatch.setattr(
            module, name, lambda *a, step=step, **k: (seen.append(gc.isenabled()), step(*a, **k))[1]
        )
    out = tmp_path / "out"
    gc.unfreeze()
    assert main(["aggregate", str(partners), "--out", str(out), *MINI_BANK]) == 0
    assert seen == [False, False]
    assert gc.isenabled() and gc.get_freeze_count() > 0
    assert len(list(out.iterdir())) == 3


def test_assess_and_compare_work_with_the_collector_paused_then_freeze_what_is_left(
    monkeypatch, tmp_path
):
    answers, reports = tmp_path / "answers.yaml", str(tmp_path / "reports")
    answers.write_text(GOOD, encoding="utf-8")
    seen: list[bool] = []
    for module, name in ((saving, "assess_and_save"), (compare, "compare")):
        step = getattr(module, name)
        monkeypatch.setattr(
            module, name, lambda *a, step=step, **k: (seen.append(gc.isenabled()), step(*a, **k))[1]
        )
    for command in (
        ["assess", "--answers", str(answers)],
        ["assess", "--answers", str(answers)],
        ["compare", "--org", "Riverside Advice"],
    ):
        gc.unfreeze()
        assert main([*command, "--reports", reports, *MINI_BANK]) == 0
        assert gc.isenabled() and gc.get_freeze_count() > 0
    assert seen == [False, False, False]
