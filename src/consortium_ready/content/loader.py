"""Load a bank from `seeds/` and `questions/`, then have its rules checked (bankchecks).

Every problem found is collected and raised at once as an InputError, each
naming its file, line and field, so that a bank can be fixed in one pass.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from consortium_ready.collector import collector_paused
from consortium_ready.content.bankchecks import BANK_FILE, BankChecks
from consortium_ready.content.yamlfile import YamlDocument, read_yaml
from consortium_ready.domain.bank import Bank, BankInfo, FlagsFile, Theme, ThemeFile
from consortium_ready.domain.sources import CaseStudy, GuidanceSource, Source
from consortium_ready.errors import InputError, Problem

Model = TypeVar("Model", bound=BaseModel)

SOURCE_FILE = "source.yaml"
FLAGS_FILE = "flags.yaml"
THEMES_DIR = "themes"
GUIDANCE_DIR = "guidance"


def default_dirs() -> tuple[Path, Path]:
    """The built-in bank: shipped inside the package, or at the top of a source checkout."""
    package = Path(__file__).resolve().parents[1]
    shipped = package / "_bank"
    root = shipped if shipped.is_dir() else package.parents[1]
    return root / "questions", root / "seeds"


@dataclass
class _Collector:
    """Problems found so far, and the documents read (for the content hash)."""

    problems: list[Problem] = field(default_factory=list)
    documents: list[YamlDocument] = field(default_factory=list)

    def read(self, path: Path, model: type[Model]) -> tuple[Model, YamlDocument] | None:
        try:
            document = read_yaml(path)
        except InputError as error:
            self.problems.extend(error.problems)
            return None
        self.documents.append(document)
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


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))


def load_bank(questions_dir: Path | None = None, seeds_dir: Path | None = None) -> Bank:
    """Read, validate and cross-check a bank, raising InputError listing every problem."""
    with collector_paused():
        return _load_bank(questions_dir, seeds_dir)


def _load_bank(questions_dir: Path | None, seeds_dir: Path | None) -> Bank:
    default_questions, default_seeds = default_dirs()
    questions_dir = questions_dir or default_questions
    seeds_dir = seeds_dir or default_seeds
    found = _Collector()
    for folder in (questions_dir, seeds_dir, questions_dir / THEMES_DIR):
        if not folder.is_dir():
            raise InputError([Problem(folder, None, "", "folder not found")])

    source = found.read(seeds_dir / SOURCE_FILE, Source)
    cases = found.read_all([p for p in _yaml_files(seeds_dir) if p.name != SOURCE_FILE], CaseStudy)
    guidance_dir = seeds_dir / GUIDANCE_DIR
    guidance = found.read_all(
        _yaml_files(guidance_dir) if guidance_dir.is_dir() else [], GuidanceSource
    )
    info = found.read(questions_dir / BANK_FILE, BankInfo)
    flags = found.read(questions_dir / FLAGS_FILE, FlagsFile)
    theme_files = sorted(
        found.read_all(_yaml_files(questions_dir / THEMES_DIR), ThemeFile),
        key=lambda pair: pair[0].theme.order,
    )
    if not theme_files and not found.problems:
        found.problems.append(Problem(questions_dir / THEMES_DIR, None, "", "no theme files"))
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
        content_hash=_content_hash(found.documents, (questions_dir, seeds_dir)),
    )
    found.problems.extend(BankChecks(bank, cases, guidance, theme_files, info[1], flags[1]).run())
    if found.problems:
        raise InputError(found.problems)
    return bank


def _content_hash(documents: list[YamlDocument], roots: tuple[Path, Path]) -> str:
    """A fingerprint of every file read, as it was parsed, independent of where the folders are."""
    digest = hashlib.sha256()
    for document in documents:
        root = next(r for r in roots if document.path.is_relative_to(r))
        digest.update(
            f"{roots.index(root)}/{document.path.relative_to(root).as_posix()}\0".encode()
        )
        digest.update(document.text.encode("utf-8"))  # the bytes parsed, as read
        digest.update(b"\0")
    return "sha256:" + digest.hexdigest()
