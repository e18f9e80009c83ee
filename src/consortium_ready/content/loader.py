"""Load a bank from `seeds/` and `questions/`, then have its rules checked (bankchecks).

Every problem found is collected and raised at once as an InputError, each
naming its file, line and field, so that a bank can be fixed in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from consortium_ready.collector import collector_paused
from consortium_ready.content.bankchecks import BankChecks
from consortium_ready.content.bankfiles import THEMES_DIR, BankFiles, read_bank_files
from consortium_ready.content.yamlfile import YamlDocument, parse_yaml
from consortium_ready.domain.bank import Bank, BankInfo, FlagsFile, Theme, ThemeFile
from consortium_ready.domain.sources import CaseStudy, GuidanceSource, Source
from consortium_ready.errors import InputError, Problem

Model = TypeVar("Model", bound=BaseModel)


@dataclass
class _Collector:
    """The bank's files as read, and the problems found in them so far."""

    files: BankFiles
    problems: list[Problem] = field(default_factory=list)

    def read(self, path: Path, model: type[Model]) -> tuple[Model, YamlDocument] | None:
        try:
            document = parse_yaml(self.files.text(path), path)
        except InputError as error:
            self.problems.extend(error.problems)
            return None
        try:
            return model.model_validate(document.data), document
        except ValidationError as error:
            for e in error.errors(include_url=False):
                self.problems.append(document.problem(e["loc"], _message(e)))
            return None

    def read_all(self, paths: list[Path], model: type[Model]) -> list[tuple[Model, YamlDocument]]:
        """Each file read as `model`; those with problems are left out (the problems kept)."""
        return [read for path in paths if (read := self.read(path, model)) is not None]


def _message(error: Any) -> str:
    if error["type"] == "extra_forbidden":
        return "unknown field (check the spelling against docs/bank-format.md)"
    if error["type"] == "missing":
        return "required field is missing"
    if error["type"] == "too_short":
        return "needs at least one entry"
    return str(error["msg"])


def load_bank(questions_dir: Path | None = None, seeds_dir: Path | None = None) -> Bank:
    """Read, validate and cross-check a bank (default: the built-in one), raising InputError
    listing every problem."""
    return checked_bank(read_bank_files(questions_dir, seeds_dir))


def checked_bank(files: BankFiles) -> Bank:
    """The bank these files make, validated and cross-checked; InputError listing every problem."""
    with collector_paused():
        return _checked_bank(files)


def _checked_bank(files: BankFiles) -> Bank:
    found = _Collector(files)
    source = found.read(files.source, Source)
    cases = found.read_all(files.cases, CaseStudy)
    guidance = found.read_all(files.guidance, GuidanceSource)
    info = found.read(files.info, BankInfo)
    flags = found.read(files.flags, FlagsFile)
    theme_files = sorted(
        found.read_all(files.themes, ThemeFile), key=lambda pair: pair[0].theme.order
    )
    if not theme_files and not found.problems:
        found.problems.append(Problem(files.questions_dir / THEMES_DIR, None, "", "no theme files"))
    if found.problems or source is None or info is None or flags is None:
        raise InputError(found.problems)

    themes = [
        Theme(
            **tf.theme.model_dump(),
            questions=[q.model_copy(update={"theme": tf.theme.id}) for q in tf.questions],
        )
        for tf, _ in theme_files
    ]
    bank = Bank(
        info=info[0],
        source=source[0],
        cases=[case for case, _ in cases],
        guidance=[document for document, _ in guidance],
        themes=themes,
        flags=flags[0].flags,
        content_hash=files.content_hash,
    )
    found.problems.extend(BankChecks(bank, cases, guidance, theme_files, info[1], flags[1]).run())
    if found.problems:
        raise InputError(found.problems)
    return bank
