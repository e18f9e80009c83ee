"""The index of saved assessments: what the history table shows of each file, in SQLite beside them.

`.history-index.sqlite` at the top of the reports folder holds, for each saved
file, its size and modification time, and the summary the history table needs
or why the file was skipped. Saving an assessment adds it in a transaction of
its own, so that saves at the same moment never lose one another's entries; a
scan reads a file again only when it is new or has changed.

The files are the record and the index a cache: missing, damaged, half
written, from another version or unwritable, it is rebuilt from them or done
without. Its tables are checked before a row is trusted, and their constraints
(SQLite's STRICT types and CHECKs) keep every row in the shape written.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat as file_kind
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from consortium_ready import __version__
from consortium_ready.domain.profilefields import organisation_key
from consortium_ready.words import bank_name

if TYPE_CHECKING:
    from consortium_ready.domain.assessment import Assessment
    from consortium_ready.domain.consortium import Answered
    from consortium_ready.store.savedsummary import Summary

INDEX_NAME = ".history-index.sqlite"
BUSY_SECONDS = 30.0
"""How long a save or scan waits for another to finish writing the index before going without."""


FIELDS = ("organisation", "key", "created", "score", "band", "flags", "coverage", "bank")
"""The history table's fields, in the order summary_fields gives them and the index keeps them."""
Fields = tuple[str, str, str, float | None, str | None, int, float, str]
"""The values of FIELDS for one assessment, `created` as ISO text."""

Skipped = tuple[tuple[int | None, str, str], ...]
"""Why a file was skipped: (line, field, message) for each problem."""


class Record(NamedTuple):
    """What the index keeps for one file: its stamp, and either the history table's fields
    (`created` as ISO text) or why it was skipped."""

    stamp: tuple[int, int]
    fields: Fields | None = None
    skipped: Skipped | None = None

    @property
    def key(self) -> str | None:
        """Which organisation the assessment is (FIELDS's `key`); None for a file skipped."""
        return None if self.fields is None else self.fields[1]


_TABLES = {
    "about": "CREATE TABLE about (program TEXT NOT NULL) STRICT",
    "saved": (
        "CREATE TABLE saved ("
        "name TEXT PRIMARY KEY, size INTEGER NOT NULL, modified INTEGER NOT NULL, "
        "organisation TEXT, key TEXT, created TEXT, score REAL, band TEXT, flags INTEGER, "
        "coverage REAL, bank TEXT, skipped TEXT, "
        "CHECK (score BETWEEN 0 AND 100 AND coverage BETWEEN 0 AND 100 AND flags >= 0), "
        "CHECK ((skipped IS NULL) = (organisation IS NOT NULL AND key IS NOT NULL "
        "AND created IS NOT NULL AND flags IS NOT NULL AND coverage IS NOT NULL "
        "AND bank IS NOT NULL))"
        ") STRICT, WITHOUT ROWID"
    ),
}
_COLUMNS = ("name", "size", "modified", *FIELDS, "skipped")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM saved"
_SELECT_OURS = f"{_SELECT} WHERE key = ? OR key IS NULL"
"""An organisation's records, and those of the files skipped (which belong to none)."""
_SELECT_OTHERS = "SELECT name, size, modified FROM saved WHERE key != ?"
_PUT = f"INSERT OR REPLACE INTO saved VALUES ({', '.join('?' * len(_COLUMNS))})"
_DAMAGED = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


class _NotOurs(Exception):
    """The index file holds tables this program did not make."""


def summary_fields(saved: Summary | Assessment | Answered) -> Fields:
    """The history table's fields for one assessment, whole or summarised (see FIELDS)."""
    result, organisation = saved.result, saved.profile.organisation
    return (
        organisation,
        organisation_key(organisation),
        saved.created.isoformat(),
        result.overall.score,
        result.overall.band_label,
        len(result.flags),
        result.coverage.percent,
        bank_name(saved.bank.title, saved.bank.version),
    )


def stamp(stat: os.stat_result) -> tuple[int, int]:
    """What tells that a file has changed since it was indexed."""
    return stat.st_size, stat.st_mtime_ns


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    """The index at `path`, opened `ro` or `rwc`; never through a link, nor anything but a
    file (a named pipe would hang the open). sqlite3.Error or OSError if it cannot be."""
    with contextlib.suppress(FileNotFoundError):
        if not file_kind.S_ISREG(path.lstat().st_mode):
            raise sqlite3.OperationalError(f"{path} is not a file")
    uri = f"{path.absolute().as_uri()}?mode={mode}&nofollow=1"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS, isolation_level=None)


def _tables(db: sqlite3.Connection) -> dict[str, str]:
    return dict(db.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'table'"))


def _skipped(text: str) -> Skipped:
    """Why a file was skipped, from the index's JSON; ValueError if it is not as written."""
    problems = json.loads(text)
    if not (isinstance(problems, list) and problems):
        raise ValueError("no problems given for a skipped file")
    shaped = [
        (line, field, message)
        for line, field, message in problems
        if (line is None or type(line) is int) and type(field) is str and type(message) is str
    ]
    if len(shaped) != len(problems):
        raise ValueError("a damaged problem in the index")
    return tuple(shaped)


def _from_row(row: tuple[Any, ...]) -> Record:
    skipped = row[-1]
    if skipped is not None:
        return Record(row[1:3], skipped=_skipped(skipped))
    return Record(row[1:3], row[3:-1])


def read_index(folder: Path) -> dict[str, Record]:
    """The index's records by file name (`<organisation>/<name>.json`); none if it is
    missing, damaged or from another version. A record that is not as written (ValueError
    from json or _skipped) is left out, for its file to be read again."""
    return read_index_of(folder, None)[0]


def read_index_of(
    folder: Path, key: str | None
) -> tuple[dict[str, Record], dict[str, tuple[int, int]]]:
    """As read_index, with `key`: the records of that organisation's assessments (FIELDS's
    `key`) and of the files skipped; and, by file name, the stamps of the files the index
    holds as other organisations' assessments, whose records are not read. Without `key`,
    every record, and no stamps beside them."""
    others: list[tuple[str, int, int]] = []
    try:
        with contextlib.closing(_connect(folder / INDEX_NAME, "ro")) as db:
            db.execute("BEGIN")  # both reads of one state of the index
            if _tables(db) != _TABLES or db.execute("SELECT program FROM about").fetchall() != [
                (__version__,)
            ]:
                return {}, {}
            if key is None:
                rows = db.execute(_SELECT).fetchall()
            else:
                rows = db.execute(_SELECT_OURS, (key,)).fetchall()
                others = db.execute(_SELECT_OTHERS, (key,)).fetchall()
    except (sqlite3.Error, OSError):
        return {}, {}
    records = {}
    for row in rows:
        try:
            records[row[0]] = _from_row(row)
        except (ValueError, RecursionError):
            continue
    return records, {name: (size, modified) for name, size, modified in others}


def _prepare(db: sqlite3.Connection) -> None:
    """Make the index's tables if the file is new; empty them if another version wrote them."""
    tables = _tables(db)
    if not tables:
        for table in _TABLES.values():
            db.execute(table)
    elif tables != _TABLES:
        raise _NotOurs
    if db.execute("SELECT program FROM about").fetchall() != [(__version__,)]:
        db.execute("DELETE FROM saved")
        db.execute("DELETE FROM about")
        db.execute("INSERT INTO about VALUES (?)", (__version__,))


def _change(folder: Path, change: Callable[[sqlite3.Connection], None]) -> None:
    """Make `change` to the index in one transaction, waiting for any other writer; an index
    that is damaged or not ours is replaced, and a folder that cannot be written goes without."""
    path = folder / INDEX_NAME
    for last_try in (False, True):
        try:
            with contextlib.closing(_connect(path, "rwc")) as db:
                db.execute("BEGIN IMMEDIATE")
                try:
                    _prepare(db)
                    change(db)
                except BaseException:
                    db.rollback()
                    raise
                db.execute("COMMIT")
            return
        except (_NotOurs, sqlite3.DatabaseError) as error:
            damaged = getattr(error, "sqlite_errorcode", None) in _DAMAGED
            if last_try or not (damaged or isinstance(error, _NotOurs)):
                return
            for leftover in ("", "-journal", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    path.with_name(path.name + leftover).unlink(missing_ok=True)
        except OSError:
            return


def _row(name: str, record: Record) -> tuple[Any, ...]:
    fields = record.fields or (None,) * len(FIELDS)
    skipped = json.dumps(record.skipped) if record.skipped else None
    return (name, *record.stamp, *fields, skipped)


def update_index(folder: Path, records: Mapping[str, Record], gone: Iterable[str] = ()) -> None:
    """Put `records` in the index by file name, and take out the files `gone`."""
    rows, names = [_row(name, r) for name, r in records.items()], [(name,) for name in gone]

    def change(db: sqlite3.Connection) -> None:
        db.executemany(_PUT, rows)
        db.executemany("DELETE FROM saved WHERE name = ?", names)

    _change(folder, change)


def add_to_index(folder: Path, path: Path, assessment: Assessment) -> None:
    """Record a file just saved, so that the next scan need not read it."""
    try:
        record = Record(stamp(path.stat()), fields=summary_fields(assessment))
    except OSError:
        return
    update_index(folder, {path.relative_to(folder).as_posix(): record})
