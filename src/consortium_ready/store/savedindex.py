"""The index of saved assessments: what the history table shows of each file, kept beside them.

`.history-index.json` at the top of the reports folder holds, for each saved
file, its size and modification time and the summary the history table needs.
Saving an assessment adds it; a scan reads a file again only when it is new
or has changed. It is a cache: damaged, from another version or unwritable,
it is simply rebuilt or done without.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict

from consortium_ready import __version__
from consortium_ready.domain.assessment import Assessment
from consortium_ready.domain.profile import organisation_key
from consortium_ready.store.files import atomic_write
from consortium_ready.words import bank_name

if TYPE_CHECKING:
    from consortium_ready.domain.consortium import Answered

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


class Summary(_Part):
    """The part of a saved assessment the history table needs."""

    schema_version: int
    created: AwareDatetime
    profile: _Profile
    bank: _Bank
    result: _Result


def summary_fields(saved: Summary | Assessment | Answered) -> dict[str, Any]:
    """The history table's fields for one assessment, whole or summarised."""
    result, organisation = saved.result, saved.profile.organisation
    return {
        "organisation": organisation,
        "key": organisation_key(organisation),
        "created": saved.created.isoformat(),
        "score": result.overall.score,
        "band": result.overall.band_label,
        "flags": len(result.flags),
        "coverage": result.coverage.percent,
        "bank": bank_name(saved.bank.title, saved.bank.version),
    }


def stamp(stat: os.stat_result) -> list[int]:
    """What tells that a file has changed since it was indexed."""
    return [stat.st_size, stat.st_mtime_ns]


def read_index(folder: Path) -> dict[str, Any]:
    """The index's records by file name; none if it is missing, damaged or from another version."""
    try:
        index = json.loads((folder / INDEX_NAME).read_text(encoding="utf-8"))
        files = index.get("files")
        if index.get("program") == __version__ and isinstance(files, dict):
            return files
    except (OSError, ValueError, AttributeError, RecursionError):
        pass
    return {}


def write_index(folder: Path, records: dict[str, Any]) -> None:
    """Replace the index in one step; a folder that cannot be written goes without."""
    with contextlib.suppress(OSError):
        atomic_write(folder / INDEX_NAME, json.dumps({"program": __version__, "files": records}))


def add_to_index(folder: Path, path: Path, assessment: Assessment) -> None:
    """Record a file just saved, so that the next scan need not read it."""
    try:
        record = {"stamp": stamp(path.stat()), "entry": summary_fields(assessment)}
    except OSError:
        return
    records = read_index(folder)
    records[path.relative_to(folder).as_posix()] = record
    write_index(folder, records)
