"""Removing a saved assessment from history moves its files to the bin and destroys nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from consortium_ready.cli import main
from consortium_ready.domain.bank import Bank
from consortium_ready.errors import InputError
from consortium_ready.reports.saving import save_assessment
from consortium_ready.store.binned import BIN, move_to_bin
from consortium_ready.store.history import scan
from tests.unit.reports.reportkit import Make


def test_a_removed_assessment_leaves_history_and_keeps_every_file(
    make: Make, bank: Bank, tmp_path: Path
) -> None:
    kept = save_assessment(make(), bank, tmp_path)
    removed = save_assessment(make(days=30), bank, tmp_path)
    before = {p.name: p.read_bytes() for p in [removed.json, *removed.reports]}
    moved = move_to_bin(removed.json, tmp_path)
    assert {p.name: p.read_bytes() for p in moved} == before
    assert all(p.parent == tmp_path / BIN / removed.json.parent.name for p in moved)
    assert [e.path for e in scan(tmp_path).entries] == [kept.json]


def test_removing_twice_the_same_name_never_overwrites_the_bin(
    make: Make, bank: Bank, tmp_path: Path
) -> None:
    first = save_assessment(make(), bank, tmp_path)
    move_to_bin(first.json, tmp_path)
    again = save_assessment(make(), bank, tmp_path)  # the same date and time
    moved = move_to_bin(again.json, tmp_path)
    assert moved[0].name == f"{first.json.stem}-2.json"
    assert len(list((tmp_path / BIN).rglob("*.json"))) == 2


def test_only_a_saved_assessment_in_the_reports_folder_can_be_removed(
    make: Make, bank: Bank, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("{}")
    reports = tmp_path / "reports"
    with pytest.raises(InputError, match="is not a saved assessment in"):
        move_to_bin(elsewhere, reports)
    assert main(["remove", str(elsewhere), "--reports", str(reports)]) == 2
    assert elsewhere.exists()
    saved = save_assessment(make(), bank, reports)
    assert main(["remove", str(saved.json), "--reports", str(reports)]) == 0
    assert "Nothing was deleted" in capsys.readouterr().out
