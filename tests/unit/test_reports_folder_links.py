"""Nothing written, or read as a saved assessment, through a link inside the reports folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from consortium_ready.cli import main
from consortium_ready.errors import InputError
from consortium_ready.store.drafts import load_draft
from consortium_ready.store.files import LINK_REFUSED, draft_path
from consortium_ready.store.history import scan
from tests.unit.helpers import GOOD, MINI_ARGS


def assess(tmp_path: Path, reports: Path) -> int:
    answers = tmp_path / "answers.yaml"
    answers.write_text(GOOD, encoding="utf-8")
    return main([*MINI_ARGS, "assess", "--answers", str(answers), "--reports", str(reports)])


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder outside the reports folder, which links point to."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def test_a_linked_organisation_folder_is_not_written_through(
    tmp_path: Path, elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "riverside-advice").symlink_to(elsewhere)
    assert assess(tmp_path, reports) == 1
    err = capsys.readouterr().err
    assert f"{reports / 'riverside-advice'}: {LINK_REFUSED}" in err.replace(
        "could not save in ", ""
    )
    assert list(elsewhere.iterdir()) == []
    assert {p.name for p in reports.iterdir()} == {"riverside-advice"}


def test_history_does_not_read_through_links_and_names_them(
    tmp_path: Path, elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = tmp_path / "reports"
    assert assess(tmp_path, reports) == 0
    capsys.readouterr()
    saved = next((reports / "riverside-advice").glob("*.json"))
    shutil.copytree(reports / "riverside-advice", elsewhere / "copy")
    (reports / "linked-org").symlink_to(elsewhere / "copy")
    (reports / "riverside-advice" / "2020-01-01-000000.json").symlink_to(saved)
    found = scan(reports)
    assert [e.path for e in found.entries] == [saved]
    assert sorted((p.file.name, p.message) for p in found.warnings) == [
        ("2020-01-01-000000.json", LINK_REFUSED),
        ("linked-org", LINK_REFUSED),
    ]
    assert main(["history", "--reports", str(reports)]) == 0
    err = capsys.readouterr().err
    assert err.count(LINK_REFUSED) == 2


def test_a_draft_that_is_a_link_is_damaged_not_followed(tmp_path: Path, elsewhere: Path) -> None:
    (elsewhere / "draft.json").write_text('{"saved": "2027-03-12T14:05:00Z"}', encoding="utf-8")
    draft_path(tmp_path).symlink_to(elsewhere / "draft.json")
    with pytest.raises(InputError) as raised:
        load_draft(draft_path(tmp_path))
    assert "it is a symbolic link" in str(raised.value)


def test_the_bin_is_not_written_through_a_link(
    tmp_path: Path, elsewhere: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = tmp_path / "reports"
    assert assess(tmp_path, reports) == 0
    saved = next((reports / "riverside-advice").glob("*.json"))
    (reports / ".bin").symlink_to(elsewhere)
    assert main(["remove", str(saved), "--reports", str(reports)]) == 1
    assert LINK_REFUSED in capsys.readouterr().err
    assert list(elsewhere.iterdir()) == [] and saved.exists()
