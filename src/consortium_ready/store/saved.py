"""Saved assessments on disk: written all or nothing, and read back with a clear message."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from consortium_ready.content.userfiles import parse_json, read_text
from consortium_ready.content.yamlfile import dotted, parse_yaml
from consortium_ready.domain.assessment import SCHEMA_VERSION, Assessment
from consortium_ready.errors import InputError, Problem
from consortium_ready.store.files import TIMESTAMP, atomic_write, slugify, write_together
from consortium_ready.store.savedindex import add_to_index

Model = TypeVar("Model", bound=BaseModel)

OLDEST_SCHEMA_VERSION = 1
"""The oldest saved format this program reads; see docs/assessment-format.md."""


@dataclass(frozen=True)
class Saved:
    """The files one save wrote: the assessment's JSON and its readable reports."""

    json: Path
    reports: list[Path]


def write_assessment(assessment: Assessment, folder: Path, reports: Mapping[str, str]) -> Saved:
    """Write `folder/<organisation>/<date-time>.json` and its reports beside it; never overwrite.

    `reports` maps a suffix (`.html`) to the text to write. All or nothing:
    if one file cannot be written, the files this save wrote are removed again.
    """
    json_path, *written = write_together(
        folder / slugify(assessment.profile.organisation),
        assessment.created.strftime(TIMESTAMP),
        {".json": assessment.model_dump_json(indent=2) + "\n", **reports},
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


def load_assessment(path: Path) -> Assessment:
    """Read a saved assessment, with a clear message for a damaged, foreign, older or newer file."""
    return read_saved(path, Assessment)


def read_saved(path: Path, model: type[Model]) -> Model:
    """Read a saved assessment as `model` (the whole Assessment, or a model of part of it).

    Raises InputError naming the file, the line where known and the field. A
    well-formed file is read in one strict pass that skips the fields `model`
    does not name; anything else is looked at closely, to say what is wrong.
    """
    text = read_text(path, "a saved assessment")
    try:
        quick = model.model_validate_json(text, strict=True)
        if _version_problem(getattr(quick, "schema_version", None)) is None:
            return quick
    except ValueError:
        pass
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
        raise InputError([_located(path, text, ("schema_version",), problem)])
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InputError(
            [_located(path, text, e["loc"], e["msg"]) for e in error.errors(include_url=False)]
        ) from None


def _version_problem(version: Any) -> str | None:
    if isinstance(version, bool) or not isinstance(version, int):
        return f"{version!r} is not a schema version (a whole number is expected)"
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


def _located(path: Path, text: str, loc: tuple[Any, ...], message: str) -> Problem:
    """A problem at `loc` in a JSON file, its line found by re-reading the text (JSON is YAML)."""
    try:
        return parse_yaml(text, path).problem(loc, message)
    except InputError:
        return Problem(path, None, dotted(loc), message)
