"""Saved assessments on disk: written all or nothing, and read back with a clear message."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel, ValidationError

from consortium_ready.content.jsonfile import located, parse_json
from consortium_ready.content.userfiles import read_text
from consortium_ready.domain.assessment import SCHEMA_VERSION, Assessment
from consortium_ready.domain.bank import Bank
from consortium_ready.errors import InputError, Problem
from consortium_ready.store.files import (
    TIMESTAMP,
    atomic_write,
    checked_size,
    folder_lock,
    refuse_links,
    slugify,
    write_together,
)
from consortium_ready.store.savedchecks import answers_off_the_bank, out_of_range
from consortium_ready.store.savedindex import add_to_index
from consortium_ready.store.unfinished import saving

Model = TypeVar("Model", bound=BaseModel)

OLDEST_SCHEMA_VERSION = 1
"""The oldest saved format this program reads; see docs/assessment-format.md."""


class Saved(NamedTuple):
    """The files one save wrote: the assessment's JSON and its readable reports."""

    json: Path
    reports: list[Path]


def write_assessment(assessment: Assessment, folder: Path, reports: Mapping[str, str]) -> Saved:
    """Write `folder/<organisation>/<date-time>.json` and its reports beside it; never overwrite.

    `reports` maps a suffix (`.html`) to the text to write. All or nothing:
    if one file cannot be written, the files this save wrote are removed again;
    one too large to read back (TooLarge), or a link where the organisation's
    folder should be (OSError), and nothing is written. A kill part way leaves
    the JSON and a mark that a save was under way, and the next run gives that
    JSON its reports (store/unfinished.py).
    """
    organisation = folder / slugify(assessment.profile.organisation)
    stem = assessment.created.strftime(TIMESTAMP)
    text = checked_size(organisation / f"{stem}.json", assessment.model_dump_json(indent=2) + "\n")
    refuse_links(folder, organisation)
    organisation.mkdir(parents=True, exist_ok=True)
    with folder_lock(organisation), saving(organisation):
        # The reports are not written again if the folder was removed meanwhile.
        json_path, *written = write_together(
            organisation, stem, {".json": text, **reports}, make_folder=False
        )
    add_to_index(folder, json_path, assessment)
    return Saved(json=json_path, reports=written)


def rewrite_assessment(path: Path, assessment: Assessment, reports: Mapping[str, str]) -> Saved:
    """Replace a saved assessment and its reports after its tracking changed.

    Each file is replaced in one step, the JSON (the record) first; a kill
    between them leaves reports one change behind, never a half-written file.
    """
    atomic_write(path, assessment.model_dump_json(indent=2) + "\n")
    written = []
    for suffix, text in reports.items():
        report = path.with_suffix(suffix)
        atomic_write(report, text)
        written.append(report)
    return Saved(json=path, reports=written)


def load_assessment(path: Path, bank: Bank | None = None, follow_link: bool = True) -> Assessment:
    """Read a saved assessment, with a clear message for a damaged, foreign, older or newer file.

    Given the bank it is to be shown with, and made with that very bank (the same content
    hash), its answers must also be answers that bank offers.
    """
    assessment = read_saved(path, Assessment, follow_link)
    if bank is not None and bank.content_hash == assessment.bank.content_hash:
        places = answers_off_the_bank(assessment, bank)
        if places:
            text = read_text(path, "a saved assessment", follow_link=follow_link)
            raise InputError(located(text, path, places))
    return assessment


def read_saved(path: Path, model: type[Model], follow_link: bool = True) -> Model:
    """Read a saved assessment as `model` (the whole Assessment, or a model of part of it).

    Raises InputError naming the file, the line where known and the field: for
    broken JSON, numbers that are not finite or out of range, keys given twice,
    and anything the model refuses. With `follow_link` false, a link is refused.
    """
    text = read_text(path, "a saved assessment", follow_link=follow_link)
    try:
        data = parse_json(text, path, "a saved assessment")
    except json.JSONDecodeError as error:
        raise InputError(
            [
                Problem(
                    path,
                    error.lineno,
                    "",
                    (
                        "empty file, not a saved assessment"
                        if not text.strip()
                        else f"not a saved assessment (not valid JSON: {error.msg})"
                    ),
                )
            ]
        ) from None
    if not isinstance(data, dict) or "schema_version" not in data:
        raise InputError(
            [
                Problem(
                    path,
                    None,
                    "",
                    "not a consortium-ready assessment "
                    "(no schema_version); perhaps another program's file",
                )
            ]
        )
    problem = _version_problem(data["schema_version"])
    if problem:
        raise InputError(located(text, path, [(("schema_version",), problem)]))
    places = out_of_range(data)
    if places:
        raise InputError(located(text, path, places))
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InputError(
            located(text, path, [(e["loc"], e["msg"]) for e in error.errors(include_url=False)])
        ) from None


def _version_problem(version: Any) -> str | None:
    if isinstance(version, bool) or not isinstance(version, int):
        shown = repr(version)
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        return f"{shown} is not a schema version (a whole number is expected)"
    if version > SCHEMA_VERSION:
        return (
            f"schema version {version} is newer than this program reads "
            f"({SCHEMA_VERSION}); upgrade consortium-ready to read it"
        )
    if version < OLDEST_SCHEMA_VERSION:
        return (
            f"schema version {version} is older than any this program reads "
            f"(from {OLDEST_SCHEMA_VERSION}); it cannot be read"
        )
    return None
