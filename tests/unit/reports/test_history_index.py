"""The index of saved assessments: rebuilt from the files whenever it cannot be trusted, and
never missing an entry when many saves happen at once."""

from __future__ import annotations

import gc
import multiprocessing
import sqlite3
from collections.abc import Callable
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from consortium_ready.domain.assessment import Assessment
from consortium_ready.domain.bank import Bank
from consortium_ready.domain.profilefields import organisation_key
from consortium_ready.store import history, saved, savedindex
from consortium_ready.store.history import Scan, scan
from consortium_ready.store.saved import write_assessment
from consortium_ready.store.savedindex import INDEX_NAME, read_index, read_index_of
from tests.unit.reports.historykit import OTHER, SAVED, STRANGERS, saved_with_strangers
from tests.unit.reports.reportkit import Make

FILES = SAVED + len(STRANGERS)
"""The files a scan of the folder indexes: the assessments, and the strangers beside them."""
SAVES = 40


@pytest.fixture
def folder(make: Make, bank: Bank, tmp_path: Path) -> Path:
    return saved_with_strangers(tmp_path, make, bank)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files a scan reads, as they are read."""
    read: list[str] = []
    original = saved.read_saved

    def counting(path: Path, model: type, **options: bool) -> object:
        read.append(path.name)
        return original(path, model, **options)

    monkeypatch.setattr(saved, "read_saved", counting)
    return read


def index_sql(folder: Path, *statements: str) -> None:
    """Change the index by hand, as another program or a damaged disk might."""
    with sqlite3.connect(folder / INDEX_NAME) as db:
        db.execute("PRAGMA ignore_check_constraints = ON")
        for statement in statements:
            db.execute(statement)
    db.close()


def same(found: Scan, expected: Scan) -> bool:
    return found.entries == expected.entries and found.warnings == expected.warnings


def test_a_second_scan_reads_the_index_not_the_files(folder: Path, reads: list[str]) -> None:
    first = scan(folder)
    assert sorted(reads) == sorted(STRANGERS)  # the assessments were indexed as they were saved
    assert len(read_index(folder)) == FILES
    assert same(scan(folder), first)
    assert len(reads) == len(STRANGERS)


def half_written(path: Path) -> bytes:
    data = path.read_bytes()
    return data[: len(data) // 2]


def another_programs(path: Path) -> bytes:
    path.unlink()
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE saved (name TEXT, anything TEXT)")
        db.execute("INSERT INTO saved VALUES ('a/b.json', 'x')")
    db.close()
    return path.read_bytes()


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: b"",
        lambda path: b"{",
        lambda path: b'{"program": "0.1.0", "files": {}}',
        lambda path: b"SQLite format 3\x00" + bytes(range(256)) * 8,
        half_written,
        another_programs,
    ],
    ids=["empty", "garbage", "the old JSON index", "a damaged header", "half written", "foreign"],
)
def test_a_damaged_index_is_rebuilt(
    folder: Path, reads: list[str], damage: Callable[[Path], bytes]
) -> None:
    expected = scan(folder)
    index = folder / INDEX_NAME
    index.write_bytes(damage(index))
    assert same(scan(folder), expected)
    assert len(read_index(folder)) == FILES
    reads.clear()
    assert same(scan(folder), expected) and reads == []


def test_an_index_from_another_version_is_rebuilt(folder: Path, reads: list[str]) -> None:
    expected = scan(folder)
    index_sql(folder, "UPDATE about SET program = '0.0.1'")
    reads.clear()
    assert same(scan(folder), expected)
    assert len(reads) == FILES
    assert len(read_index(folder)) == FILES


def test_a_damaged_record_is_read_again(folder: Path, reads: list[str]) -> None:
    expected = scan(folder)
    damaged = "st-anne-s-friends-leeds-north/empty.json"
    index_sql(folder, f"UPDATE saved SET skipped = '[[1, 2]' WHERE name = '{damaged}'")
    reads.clear()
    assert same(scan(folder), expected)
    assert reads == ["empty.json"]


def test_a_record_without_a_time_zone_is_read_again(folder: Path, reads: list[str]) -> None:
    expected = scan(folder)
    index_sql(folder, "UPDATE saved SET created = replace(created, '+00:00', '')")
    reads.clear()
    assert same(scan(folder), expected)
    assert len(reads) == SAVED


@pytest.mark.parametrize("with_index", [False, True], ids=["no index", "an index"])
def test_a_folder_where_the_index_cannot_be_written(
    folder: Path, monkeypatch: pytest.MonkeyPatch, reads: list[str], with_index: bool
) -> None:
    """As in a read-only folder (which root, running the tests, could write in regardless)."""
    expected = scan(folder)
    if not with_index:
        (folder / INDEX_NAME).unlink()
    connect = savedindex._connect

    def read_only(path: Path, mode: str) -> sqlite3.Connection:
        if mode != "ro":
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return connect(path, mode)

    monkeypatch.setattr(savedindex, "_connect", read_only)
    reads.clear()
    assert same(scan(folder), expected)
    assert len(reads) == (0 if with_index else FILES)
    assert (folder / INDEX_NAME).exists() == with_index


def test_a_link_in_place_of_the_index_is_not_followed(folder: Path, tmp_path: Path) -> None:
    expected = scan(folder)
    elsewhere = tmp_path / "elsewhere.sqlite"
    (folder / INDEX_NAME).rename(elsewhere)
    (folder / INDEX_NAME).symlink_to(elsewhere)
    assert same(scan(folder), expected)
    assert read_index(folder) == {}
    assert (folder / INDEX_NAME).is_symlink()


def _save_at_once(start: Barrier, saved: Assessment, folder: Path) -> None:
    """Save `saved` in `folder` as soon as every other process is ready to save too."""
    start.wait()
    write_assessment(saved, folder, {})


def test_saves_at_the_same_moment_are_all_indexed(
    make: Make, tmp_path: Path, reads: list[str]
) -> None:
    """Forty processes save at once, as forty runs of the program would; each organisation's
    own, so that nothing but the index is shared."""
    context = multiprocessing.get_context("fork")
    start = context.Barrier(SAVES)
    saves = [
        context.Process(
            target=_save_at_once,
            args=(start, make(profile={"organisation": f"Partner {n}"}), tmp_path),
        )
        for n in range(SAVES)
    ]
    for save in saves:
        save.start()
    for save in saves:
        save.join()
    assert [save.exitcode for save in saves] == [0] * SAVES
    assert len(read_index(tmp_path)) == SAVES
    assert len(scan(tmp_path).entries) == SAVES
    assert reads == []


@pytest.mark.parametrize("organisation", [OTHER, "hidden harm partnership", "nobody"])
def test_a_scan_for_one_organisation_finds_what_the_whole_scan_finds_for_it(
    folder: Path, reads: list[str], organisation: str
) -> None:
    whole = scan(folder)
    reads.clear()
    mine = scan(folder, organisation)
    assert mine.entries == whole.for_organisation(organisation)
    assert mine.warnings == whole.warnings  # every file skipped is still named
    assert reads == []


def test_read_for_one_organisation_the_index_gives_its_records_and_the_others_stamps(
    folder: Path,
) -> None:
    """The records of the files skipped come too: a scan for one organisation names them."""
    scan(folder)
    whole, key = read_index(folder), organisation_key(OTHER)
    mine, elsewhere = read_index_of(folder, key)
    assert mine == {name: r for name, r in whole.items() if r.key in (None, key)}
    assert elsewhere == {name: r.stamp for name, r in whole.items() if r.key not in (None, key)}
    assert len(mine) == 2 + len(STRANGERS) and elsewhere
    assert read_index_of(folder, None) == (whole, {})


def test_a_scan_for_one_organisation_forgets_the_files_of_others_that_have_gone(
    folder: Path,
) -> None:
    scan(folder)
    mine = organisation_key(OTHER)
    gone = {name for name, r in read_index(folder).items() if r.key not in (None, mine)}
    for name in gone:
        (folder / name).unlink()
    scan(folder, OTHER)
    assert gone and not gone & read_index(folder).keys()


def test_a_scan_for_one_organisation_reads_and_indexes_every_new_or_changed_file(
    folder: Path, make: Make, reads: list[str]
) -> None:
    """A file of another organisation's may have become one of this organisation's."""
    scan(folder)
    theirs = sorted((folder / "st-anne-s-friends-leeds-north").glob("*.json"))[0]
    theirs.write_text(make(30, profile={"organisation": OTHER}).model_dump_json(), "utf-8")
    (folder / "third").mkdir()
    third = folder / "third" / "new.json"
    third.write_text(make(profile={"organisation": "Third"}).model_dump_json(), "utf-8")
    reads.clear()
    mine = scan(folder, OTHER)
    assert sorted(reads) == sorted([theirs.name, third.name])
    assert theirs in [entry.path for entry in mine.entries]
    assert {entry.organisation for entry in mine.entries} == {OTHER}
    reads.clear()
    assert [e.path for e in scan(folder, "Third").entries] == [third] and reads == []


def test_scanning_is_done_with_the_collector_paused(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    read = history.read_index_of

    def reading(
        folder: Path, key: str | None
    ) -> tuple[dict[str, savedindex.Record], dict[str, tuple[int, int]]]:
        seen.append(gc.isenabled())
        return read(folder, key)

    monkeypatch.setattr(history, "read_index_of", reading)
    assert len(scan(folder).entries) == SAVED
    assert seen == [False] and gc.isenabled()
