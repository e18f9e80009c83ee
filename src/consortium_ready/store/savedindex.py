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
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, TypeAdapter

from consortium_ready import __version__
from consortium_ready.content.jsonfile import parse_json
from consortium_ready.content.userfiles import read_text
from consortium_ready.domain.assessment import Assessment
from consortium_ready.domain.profilefields import organisation_key
from consortium_ready.errors import InputError
from consortium_ready.store.files import atomic_write
from consortium_ready.words import bank_name

if TYPE_CHECKING:
    from consortium_ready.domain.consortium import Answered

INDEX_NAME = ".history-index.json"
INDEX_LIMIT = 100_000_000
"""The largest index read: some 250,000 saved assessments' worth."""


class _Part(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


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


SKIPPED = TypeAdapter(
    Annotated[list[tuple[int | None, str, str]], Field(min_length=1)],
    config=ConfigDict(defer_build=True),  # built when first used, as every model is
)
"""Why a file was skipped, as the index keeps it: (line, field, message) for each problem."""


_FIELDS = ("organisation", "key", "created", "score", "band", "flags", "coverage", "bank")


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


def _per_cent(value: Any) -> bool:
    return type(value) in (int, float) and 0 <= value <= 100


def indexed_fields(entry: Any) -> dict[str, Any]:
    """The history table's fields for one file, as the index keeps them, checked: the index is
    a file like any other and may have been damaged. ValueError (or KeyError, TypeError) if
    anything is amiss, so that the file is read again."""
    created = datetime.fromisoformat(entry["created"])
    sound = (
        set(entry) == set(_FIELDS)
        and created.tzinfo is not None
        and all(type(entry[name]) is str for name in ("organisation", "key", "bank"))
        and (entry["band"] is None or type(entry["band"]) is str)
        and type(entry["flags"]) is int
        and entry["flags"] >= 0
        and (entry["score"] is None or _per_cent(entry["score"]))
        and _per_cent(entry["coverage"])
    )
    if not sound:
        raise ValueError("a damaged record in the index")
    return {**entry, "created": created}


def stamp(stat: os.stat_result) -> list[int]:
    """What tells that a file has changed since it was indexed."""
    return [stat.st_size, stat.st_mtime_ns]


def read_index(folder: Path) -> dict[str, Any]:
    """The index's records by file name; none if it is missing, damaged or from another version."""
    path = folder / INDEX_NAME
    try:
        text = read_text(path, "the index", INDEX_LIMIT, follow_link=False)
        index = parse_json(text, path, "the index", most_values=None)  # 12 for each file
    except (InputError, ValueError):
        return {}
    if not isinstance(index, dict) or index.get("program") != __version__:
        return {}
    files = index.get("files")
    return files if isinstance(files, dict) else {}


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
