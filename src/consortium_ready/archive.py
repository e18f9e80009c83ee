"""Saving assessments to the reports folder and reading them back."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from consortium_ready.assessment import SCHEMA_VERSION, Assessment
from consortium_ready.bank import Bank
from consortium_ready.errors import InputError, Problem
from consortium_ready.render import render_markdown
from consortium_ready.storage import TIMESTAMP, atomic_write, slugify, write_new
from consortium_ready.yamlfile import dotted


@dataclass(frozen=True)
class Saved:
    """The files one save wrote: the assessment's JSON and its readable reports."""

    json: Path
    reports: list[Path]


def save_assessment(assessment: Assessment, bank: Bank, folder: Path) -> Saved:
    """Save as `folder/<organisation>/<date-time>.json`, reports beside it; never overwrite."""
    where = folder / slugify(assessment.profile.organisation)
    stem = assessment.created.strftime(TIMESTAMP)
    json_path = write_new(where, stem, ".json", assessment.model_dump_json(indent=2) + "\n")
    markdown = json_path.with_suffix(".md")
    atomic_write(markdown, render_markdown(assessment, bank))
    return Saved(json=json_path, reports=[markdown])


def load_assessment(path: Path) -> Assessment:
    """Read a saved assessment, with a clear message for a damaged, foreign or newer file."""
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except OSError as error:
        raise InputError([Problem(path, None, "", f"cannot be read: {error.strerror}")]) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", None)
        raise InputError([Problem(path, line, "", "not a saved assessment (not valid JSON)")]) from None
    if not isinstance(data, dict) or "schema_version" not in data:
        raise InputError([Problem(path, 1, "schema_version", "not a consortium-ready assessment")])
    version = data["schema_version"]
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise InputError([Problem(path, None, "schema_version", (
            f"schema version {version!r} is newer than this program reads "
            f"({SCHEMA_VERSION}); upgrade consortium-ready to read it"))])
    try:
        return Assessment.model_validate(data)
    except ValidationError as error:
        raise InputError(
            [Problem(path, None, dotted(e["loc"]), e["msg"]) for e in error.errors(include_url=False)]
        ) from None
