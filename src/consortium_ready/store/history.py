"""Finding saved assessments in the reports folder, quickly, skipping anything that is not one.

A scan reads only what the history table needs from each file, and only for
files the index (savedindex.py) does not already describe: saving adds each
new assessment to it. With the index whole, no model of an assessment is
built: only the index and the folder's listing are read. Nothing but the index
is ever written, and a file that is not a saved assessment is skipped with a
warning naming it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from consortium_ready.collector import collector_paused
from consortium_ready.domain.profilefields import organisation_key
from consortium_ready.errors import InputError, Problem
from consortium_ready.store.files import LINK_REFUSED
from consortium_ready.store.savedindex import (
    Fields,
    Record,
    read_index_of,
    stamp,
    summary_fields,
    update_index,
)
from consortium_ready.store.unfinished import left_by_a_save

if TYPE_CHECKING:
    from consortium_ready.domain.assessment import Assessment
    from consortium_ready.domain.bank import Bank


class Entry(NamedTuple):
    """One saved assessment, as the history table shows it: the file `name` in `folder`.

    `key` says which organisation it is: names that make the same folder name
    (profilefields.organisation_key) are the same organisation.
    """

    folder: Path
    name: str
    organisation: str
    key: str
    created: datetime
    score: float | None
    band: str | None
    flags: int
    coverage: float
    bank: str

    @property
    def path(self) -> Path:
        """The saved file (made when asked for: a scan lists thousands, and shows few)."""
        return self.folder / self.name

    @property
    def partial(self) -> bool:
        """Whether some questions asked were left unanswered when it was saved."""
        return self.coverage < 100

    def load(self, bank: Bank | None = None) -> Assessment:
        """The whole assessment (InputError if the file has changed into something else),
        checked against `bank` if given (see load_assessment); never read through a link."""
        from consortium_ready.store.saved import load_assessment

        return load_assessment(self.path, bank, follow_link=False)


class Scan(NamedTuple):
    """The assessments found, by organisation then oldest first, and a warning per file skipped."""

    folder: Path
    entries: list[Entry]
    warnings: list[Problem]
    unfinished: bool = False
    """Whether the folder held, when listed, the mark of a save under way or a temporary file
    (store/unfinished.left_by_a_save): only then may a save a kill interrupted be finished."""

    def organisations(self) -> dict[str, list[Entry]]:
        """Each organisation's assessments, oldest first, keyed as Entry.key."""
        grouped: dict[str, list[Entry]] = {}
        for entry in self.entries:
            grouped.setdefault(entry.key, []).append(entry)
        return grouped

    def for_organisation(self, name: str) -> list[Entry]:
        """This organisation's assessments, oldest first (matched as its folder name is)."""
        return self.organisations().get(organisation_key(name), [])

    def last(self, name: str | None = None, before: datetime | None = None) -> Entry | None:
        """The most recent complete assessment (of organisation `name`, made before `before`),
        or the most recent partial one when none is complete."""
        entries = self.for_organisation(name) if name is not None else self.entries
        earlier = [e for e in entries if before is None or e.created < before]
        complete = [e for e in earlier if not e.partial]
        return max(complete or earlier, key=lambda e: e.created, default=None)

    def last_before(self, path: Path, assessment: Assessment) -> Entry | None:
        """The assessment before the one saved at `path`: what its report compares with."""
        entries = self.for_organisation(assessment.profile.organisation)
        return Scan(self.folder, [e for e in entries if e.path != path], []).last(
            assessment.profile.organisation, before=assessment.created
        )


def _saved_files(folder: Path) -> tuple[dict[str, tuple[int, int]], list[Problem], bool]:
    """`<organisation>/<name>.json` under `folder` with its stamp, hidden names left out;
    a problem for each organisation's folder or file that cannot be looked at, or is a
    symbolic link (never followed: what is listed is inside the reports folder); and whether
    a save left anything to finish there (see Scan.unfinished)."""
    found, problems = {}, []
    with os.scandir(folder) as top:
        listed = list(top)
    unfinished = any(left_by_a_save(entry.name) for entry in listed)
    for organisation in listed:
        if organisation.name.startswith("."):
            continue
        if organisation.is_symlink():
            problems.append(Problem(Path(organisation.path), None, "", LINK_REFUSED))
        if not organisation.is_dir(follow_symlinks=False):
            continue
        try:
            with os.scandir(organisation.path) as files:
                for file in files:
                    if file.name.startswith("."):
                        unfinished = unfinished or left_by_a_save(file.name)
                        continue
                    if not file.name.endswith(".json"):
                        continue
                    if file.is_symlink():
                        problems.append(Problem(Path(file.path), None, "", LINK_REFUSED))
                    elif file.is_file(follow_symlinks=False):
                        found[f"{organisation.name}/{file.name}"] = stamp(file.stat())
        except OSError as error:
            problems.append(
                Problem(
                    Path(error.filename or organisation.path),
                    None,
                    "",
                    f"cannot be read: {error.strerror}",
                )
            )
    return found, problems, unfinished


def entry_of(path: Path, fields: Fields) -> Entry:
    """The Entry for the file at `path` with the history table's `fields` (summary_fields);
    ValueError if their time has no time zone."""
    return _entry(path.parent, path.name, fields)


def _entry(folder: Path, name: str, fields: Fields) -> Entry:
    organisation, key, created, score, band, flags, coverage, bank = fields
    when = datetime.fromisoformat(created)
    if when.tzinfo is None:
        raise ValueError("a time without a time zone")
    return Entry(folder, name, organisation, key, when, score, band, flags, coverage, bank)


def _order(entry: Entry) -> tuple[str, datetime, int, str]:
    """By organisation, then oldest first; saved at the same moment, `x.json` before `x-2.json`."""
    file = entry.name.rpartition("/")[2]
    return entry.key, entry.created, len(file), file


def _record(path: Path, stamp: tuple[int, int]) -> Record:
    """What the index keeps for one file, read from it: the fields of its Entry, or why it was
    skipped. The models that read it are imported only when a file is to be read."""
    from consortium_ready.store.saved import read_saved
    from consortium_ready.store.savedsummary import Summary

    try:
        return Record(stamp, fields=summary_fields(read_saved(path, Summary, follow_link=False)))
    except InputError as error:
        return Record(stamp, skipped=tuple((p.line, p.field, p.message) for p in error.problems))


def _from_record(folder: Path, name: str, record: Record) -> Entry | list[Problem]:
    """The Entry of the file `name` in `folder`, or its problems; ValueError if the record's
    time has no time zone."""
    if record.fields is None:
        return [Problem(folder / name, *problem) for problem in record.skipped or ()]
    return _entry(folder, name, record.fields)


def _indexed(
    folder: Path, name: str, record: Record | None, now: tuple[int, int]
) -> Entry | list[Problem] | None:
    """What the index says of the file, or None if it is new or has changed since it was
    indexed, or its record is damaged: then it is read again."""
    if record is None or record.stamp != now:
        return None
    try:
        return _from_record(folder, name, record)
    except ValueError:
        return None


def loaded(load: Callable[[], Assessment]) -> Assessment | None:
    """A saved assessment, or None if it has become unreadable since the folder was scanned."""
    try:
        return load()
    except InputError:
        return None


def last_saved(folder: Path, organisation: str | None = None) -> Assessment | None:
    """The last complete assessment in `folder` (of `organisation`), as Scan.last, if readable."""
    entry = scan(folder).last(organisation)
    return loaded(entry.load) if entry else None


def previous_of(folder: Path, path: Path, assessment: Assessment) -> Assessment | None:
    """The organisation's assessment before the one saved at `path`, when `path` is in `folder`."""
    if not path.resolve().is_relative_to(folder.resolve()):
        return None
    entry = scan(folder).last_before(path, assessment)
    return loaded(entry.load) if entry else None


def scan(folder: Path, organisation: str | None = None) -> Scan:
    """Every saved assessment under `folder`, or only `organisation`'s (matched as its folder
    name is); damaged or foreign files skipped, never changed. Either way, every file new or
    changed since it was indexed is read, and a warning given for each file skipped."""
    with collector_paused():  # thousands of records and entries, none of them garbage
        return _scan(folder, organisation)


def _scan(folder: Path, organisation: str | None) -> Scan:
    # The index is read before the files are listed: whatever it holds for a file not
    # listed is for a file that has gone, not one saved a moment ago.
    wanted = None if organisation is None else organisation_key(organisation)
    cached, elsewhere = read_index_of(folder, wanted)
    try:
        files, warnings, unfinished = _saved_files(folder)
    except OSError:
        return Scan(folder, [], [])
    changed: dict[str, Record] = {}
    entries: list[Entry] = []
    for name, now in sorted(files.items()):
        if elsewhere.get(name) == now:
            continue  # another organisation's, the index says, and unchanged since
        record = cached.get(name)
        found = _indexed(folder, name, record, now)
        if found is None:
            changed[name] = _record(folder / name, now)
            found = _from_record(folder, name, changed[name])
        if isinstance(found, list):
            warnings.extend(found)
        elif wanted in (None, found.key):
            entries.append(found)
    gone = (cached.keys() | elsewhere.keys()) - files.keys()
    if changed or gone:
        update_index(folder, changed, gone)
    entries.sort(key=_order)
    return Scan(folder, entries, warnings, unfinished)
