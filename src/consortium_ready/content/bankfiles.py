"""Which files make a bank, and their text as read: each read once, before any is parsed.

Their content hash fingerprints them all (the bank records it, and saved assessments name
their bank by it), so it is known before anything is parsed, and the same for a copy of the
bank anywhere.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from consortium_ready.content.userfiles import read_text
from consortium_ready.errors import InputError, Problem

BANK_FILE = "bank.yaml"
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


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))


@dataclass(frozen=True)
class BankFiles:
    """A bank's files, by what each holds, and the text of each (or why it could not be read),
    in the order they are read."""

    questions_dir: Path
    seeds_dir: Path
    source: Path
    cases: list[Path]
    guidance: list[Path]
    info: Path
    flags: Path
    themes: list[Path]
    texts: dict[Path, str | InputError]

    @property
    def all_read(self) -> bool:
        return not any(isinstance(text, InputError) for text in self.texts.values())

    def text(self, path: Path) -> str:
        """The text of `path`, one of these files; the InputError saying why it was not read."""
        text = self.texts[path]
        if isinstance(text, InputError):
            raise text
        return text

    @cached_property
    def content_hash(self) -> str:
        """A fingerprint of every file's text and its place in its folder, not where the folders
        are; the InputError of a file not read."""
        roots = (self.questions_dir, self.seeds_dir)
        digest = hashlib.sha256()
        for path in self.texts:
            root = next(r for r in roots if path.is_relative_to(r))
            digest.update(f"{roots.index(root)}/{path.relative_to(root).as_posix()}\0".encode())
            digest.update(self.text(path).encode("utf-8"))  # the text parsed, exactly as read
            digest.update(b"\0")
        return "sha256:" + digest.hexdigest()


def _text(path: Path) -> str | InputError:
    try:
        return read_text(path, "a YAML file")
    except InputError as error:
        return error


def read_bank_files(questions_dir: Path | None = None, seeds_dir: Path | None = None) -> BankFiles:
    """The files of the bank in these folders (default: the built-in one), each read; InputError
    when a folder is missing."""
    default_questions, default_seeds = default_dirs()
    questions_dir = questions_dir or default_questions
    seeds_dir = seeds_dir or default_seeds
    for folder in (questions_dir, seeds_dir, questions_dir / THEMES_DIR):
        if not folder.is_dir():
            raise InputError([Problem(folder, None, "", "folder not found")])
    source, info, flags = (
        seeds_dir / SOURCE_FILE,
        questions_dir / BANK_FILE,
        questions_dir / FLAGS_FILE,
    )
    cases = [p for p in _yaml_files(seeds_dir) if p.name != SOURCE_FILE]
    guidance_dir = seeds_dir / GUIDANCE_DIR
    guidance = _yaml_files(guidance_dir) if guidance_dir.is_dir() else []
    themes = _yaml_files(questions_dir / THEMES_DIR)
    order = [source, *cases, *guidance, info, flags, *themes]
    return BankFiles(
        questions_dir,
        seeds_dir,
        source,
        cases,
        guidance,
        info,
        flags,
        themes,
        texts={path: _text(path) for path in order},
    )
