"""The history of saved assessments: found fast; foreign and damaged files skipped, left alone."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from consortium_ready.cli.text import history_text
from consortium_ready.domain.bank import Bank
from consortium_ready.errors import InputError
from consortium_ready.reports.saving import save_assessment
from consortium_ready.store import history
from consortium_ready.store.history import scan
from consortium_ready.store.saved import load_assessment
from consortium_ready.store.savedindex import INDEX_NAME
from tests.unit.reports.historykit import OTHER, STRANGERS, saved_with_strangers
from tests.unit.reports.reportkit import Make


@pytest.fixture
def folder(make: Make, bank: Bank, tmp_path: Path) -> Path:
    return saved_with_strangers(tmp_path, make, bank)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file() and p.name != INDEX_NAME
    }


def test_assessments_are_listed_and_strangers_skipped_by_name(folder: Path) -> None:
    before = snapshot(folder)
    found = scan(folder)
    assert len(found.entries) == 5
    assert {p.file.name for p in found.warnings} == set(STRANGERS)
    messages = {p.file.name: p.message for p in found.warnings}
    assert "not valid JSON" in messages["damaged.json"]
    assert "another program" in messages["package.json"]
    assert "empty file" in messages["empty.json"]
    assert "newer than this program reads" in messages["future.json"]
    assert snapshot(folder) == before  # nothing but the index is written


def test_entries_are_grouped_by_organisation_oldest_first(folder: Path) -> None:
    found = scan(folder)
    groups = found.organisations()
    assert list(groups) == ["hidden-harm-partnership", "st-anne-s-friends-leeds-north"]
    mine = found.for_organisation("ST ANNE'S & friends, Leeds (North)")
    assert [e.created.day for e in mine] == [14, 23, 2]
    assert [e.flags for e in mine] == [2, 1, 0]
    assert mine[0].score is not None and mine[-1].score is not None
    assert mine[0].score < mine[-1].score
    assert found.last(OTHER) == groups["hidden-harm-partnership"][-1]
    assert found.last("nobody") is None
    assert mine[-1].load().profile.organisation == "St Anne's & Friends | Leeds *North*"


def test_the_history_table_shows_each_trend(folder: Path) -> None:
    text = history_text(scan(folder), width=100)
    assert "Hidden Harm Partnership\n  Date" in text
    assert "Trend: 20 → 20: no change since the first, over 2 assessments" in text
    assert "over 3 assessments" in text and "up " in text
    assert "first" in text and "Red flags" in text and "100%" in text


def test_a_changed_file_is_read_again(folder: Path) -> None:
    scan(folder)
    empty = folder / "st-anne-s-friends-leeds-north" / "empty.json"
    empty.write_text('{"not": "ours"}', encoding="utf-8")
    messages = {p.file.name: p.message for p in scan(folder).warnings}
    assert "another program" in messages["empty.json"]
    removed = next((folder / "hidden-harm-partnership").glob("*.json"))
    removed.unlink()
    assert len(scan(folder).entries) == 4


def test_an_unreadable_folder_is_named_and_the_rest_listed(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked, scandir = folder / "hidden-harm-partnership", os.scandir

    def refuse(path: str | Path) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(locked))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    found = scan(folder)
    assert len(found.entries) == 3
    assert any(p.file == locked and "cannot be read" in p.message for p in found.warnings)


def test_a_missing_or_empty_folder(tmp_path: Path) -> None:
    assert scan(tmp_path / "nowhere").entries == []
    assert scan(tmp_path).entries == [] and scan(tmp_path).warnings == []


def test_an_entry_whose_file_went_bad_says_so_when_loaded(folder: Path) -> None:
    entry = scan(folder).entries[0]
    entry.path.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError):
        entry.load()


def without_time_zone(path: Path) -> int:
    """Take the time zone off a saved file's `created`; return its line."""
    text = path.read_text(encoding="utf-8")
    assert '"created": "2026-' in text and 'Z"' in text
    path.write_text(text.replace('Z"', '"', 1), encoding="utf-8")
    return next(i for i, line in enumerate(text.splitlines(), 1) if '"created"' in line)


def test_a_time_without_a_time_zone_is_skipped_naming_the_field(folder: Path) -> None:
    naive = next((folder / "hidden-harm-partnership").glob("*.json"))
    line = without_time_zone(naive)
    found = scan(folder)
    assert len(found.entries) == 4
    [problem] = [p for p in found.warnings if p.file == naive]
    assert (problem.line, problem.field) == (line, "created")
    assert "timezone" in problem.message
    assert history_text(found)
    with pytest.raises(InputError):
        load_assessment(naive)


def test_the_history_table_disarms_band_labels_from_saved_files(folder: Path) -> None:
    saved = next((folder / "hidden-harm-partnership").glob("*.json"))
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["result"]["overall"]["band_label"] = "Early\x1b[2J\nready"
    saved.write_text(json.dumps(data), encoding="utf-8")
    text = history_text(scan(folder), width=100)
    assert "\x1b" not in text and "Early\u241b[2J ready" in text


def test_the_last_assessment_is_the_last_complete_one(
    make: Make, bank: Bank, tmp_path: Path
) -> None:
    """A partial assessment is what the last one is only when no complete one came before."""
    first = save_assessment(make(0), bank, tmp_path).json
    partial = save_assessment(make(30, guarantor=None), bank, tmp_path).json
    found = scan(tmp_path)
    assert [e.partial for e in found.entries] == [False, True]
    last = found.last("ST ANNE'S & friends | Leeds North")
    assert last is not None and last.path == first
    before = found.last_before(partial, load_assessment(partial))
    assert before is not None and before.path == first
    assert found.last_before(first, load_assessment(first)) is None
    first.unlink()
    only = scan(tmp_path).last()
    assert only is not None and only.path == partial


def test_the_assessment_before_one_outside_the_reports_folder_is_not_looked_for(
    make: Make, bank: Bank, tmp_path: Path
) -> None:
    saved = save_assessment(make(0), bank, tmp_path / "reports").json
    later = save_assessment(make(9), bank, tmp_path / "reports").json
    assert history.previous_of(tmp_path / "reports", later, load_assessment(later)) == (
        load_assessment(saved)
    )
    assert history.previous_of(tmp_path / "elsewhere", later, load_assessment(later)) is None
