"""Problems with user-supplied files, reported by file, line and field."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class Problem(NamedTuple):
    """One thing wrong with one place in one file."""

    file: Path
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


class InputError(Exception):
    """Raised with every problem found, so that all can be fixed in one go."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))
