"""Finding saved assessments in the reports folder, quickly, skipping anything that is not one.

A scan reads only what the history table needs from each file, and keeps it
in an index (`.history-index.json` at the top of the folder) keyed on each
file's path, size and modification time, so that a file is read again only
when it is new or has changed. A damaged index is rebuilt; one that cannot
be written is done without. Nothing but the index is ever written, and a file
that is not a saved assessment is skipped with a warning naming it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from consortium_ready import __version__
from consortium_ready.archive import load_assessment, read_saved
from consortium_ready.assessment import Assessment
from consortium_ready.errors import InputError, Problem
from consortium_ready.storage import atomic_write, slugify

INDEX_NAME = ".history-index.json"


class _Part(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class _Profile(_Part):
    organisation: str


class _Bank(_Part):
    title: str
    version: str


class _Overall(_Part):
    score: float | None
    band_label: str | None


class _Coverage(_Part):
    percent: float


class _Result(_Part):
    overall: _Overall
    flags: list[dict[str, Any]]
    coverage: _Coverage


class _Summary(_Part):
    """The part of a saved assessment the history table needs."""

    schema_version: int
    created: datetime
    profile: _Profile
    bank: _Bank
    result: _Result


@dataclass(frozen=True)
class Entry:
    """One saved assessment, as the history table shows it.

    `key` says which organisation it is: names that make the same folder name
    (storage.slugify) are the same organisation.
    """

    path: Path
    organisation: str
    key: str
    created: datetime
    score: float | None
    band: str | None
    flags: int
    coverage: float
    bank: str

    def load(self) -> Assessment:
        """The whole assessment (InputError if the file has changed into something else)."""
        return load_assessment(self.path)


@dataclass(frozen=True)
class Scan:
    """The assessments found, by organisation and then oldest first, and a warning per file skipped."""

    folder: Path
    entries: list[Entry] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def organisations(self) -> dict[str, list[Entry]]:
        """Each organisation's assessments, oldest first, keyed as Entry.key."""
        grouped: dict[str, list[Entry]] = {}
        for entry in self.entries:
            grouped.setdefault(entry.key, []).append(entry)
        return grouped

    def for_organisation(self, name: str) -> list[Entry]:
        """This organisation's assessments, oldest first (matched as its folder name is)."""
        return self.organisations().get(slugify(name), [])

    def latest(self, name: str) -> Entry | None:
        mine = self.for_organisation(name)
        return mine[-1] if mine else None


def _saved_files(folder: Path) -> tuple[dict[str, os.stat_result], list[Problem]]:
    """`<organisation>/<name>.json` under `folder` with its stat, hidden names left out;
    and a problem for each organisation's folder or file that cannot be looked at."""
    found, problems = {}, []
    with os.scandir(folder) as organisations:
        subfolders = [o for o in organisations if not o.name.startswith(".") and o.is_dir()]
    for organisation in subfolders:
        try:
            with os.scandir(organisation.path) as files:
                for file in files:
                    wanted = file.name.endswith(".json") and not file.name.startswith(".")
                    if wanted and file.is_file():
                        found[f"{organisation.name}/{file.name}"] = file.stat()
        except OSError as error:
            problems.append(Problem(Path(error.filename or organisation.path), None, "",
                                    f"cannot be read: {error.strerror}"))
    return found, problems


def _stamp(stat: os.stat_result) -> list[int]:
    return [stat.st_size, stat.st_mtime_ns]


def _record(path: Path) -> dict[str, Any]:
    """What the index keeps for one file: the fields of its Entry, or why it was skipped."""
    try:
        summary = read_saved(path, _Summary)
    except InputError as error:
        return {"problems": [[p.line, p.field, p.message] for p in error.problems]}
    result, organisation = summary.result, summary.profile.organisation
    return {"entry": {
        "organisation": organisation,
        "key": slugify(organisation),
        "created": summary.created.isoformat(),
        "score": result.overall.score,
        "band": result.overall.band_label,
        "flags": len(result.flags),
        "coverage": result.coverage.percent,
        "bank": f"{summary.bank.title}, version {summary.bank.version}",
    }}


def _from_record(path: Path, record: dict[str, Any]) -> Entry | list[Problem]:
    if "problems" in record:
        return [Problem(path, line, field, message) for line, field, message in record["problems"]]
    fields = dict(record["entry"], created=datetime.fromisoformat(record["entry"]["created"]))
    return Entry(path=path, **fields)


def _read_index(path: Path) -> dict[str, Any]:
    """The index's records by file, or none if it is missing, damaged or from another version."""
    try:
        index = json.loads(path.read_text(encoding="utf-8"))
        if index.get("program") == __version__ and isinstance(index.get("files"), dict):
            return index["files"]
    except (OSError, ValueError, AttributeError):
        pass
    return {}


def scan(folder: Path) -> Scan:
    """Every saved assessment under `folder`; damaged or foreign files are skipped, never changed."""
    try:
        files, warnings = _saved_files(folder)
    except OSError:
        return Scan(folder)
    index_path = folder / INDEX_NAME
    cached = _read_index(index_path)
    records: dict[str, Any] = {}
    entries: list[Entry] = []
    for name, stat in sorted(files.items()):
        path, record = folder / name, cached.get(name)
        if not (isinstance(record, dict) and record.get("stamp") == _stamp(stat)):
            record = {"stamp": _stamp(stat), **_record(path)}
        try:
            found = _from_record(path, record)
        except (KeyError, TypeError, ValueError):  # a damaged record: read the file again
            record = {"stamp": _stamp(stat), **_record(path)}
            found = _from_record(path, record)
        records[name] = record
        if isinstance(found, Entry):
            entries.append(found)
        else:
            warnings.extend(found)
    if records != cached:
        try:
            atomic_write(index_path, json.dumps({"program": __version__, "files": records}))
        except OSError:
            pass  # a read-only folder: the next scan reads the files again
    entries.sort(key=lambda e: (e.key, e.created, len(e.path.name), e.path.name))
    return Scan(folder, entries, warnings)
