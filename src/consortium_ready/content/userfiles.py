"""Reading a file a user gave or edited: every way it can fail becomes an InputError naming it.

A file that is missing, unreadable, too large, not UTF-8, or nested too
deeply for Python to parse is reported as a Problem, never as a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from consortium_ready.errors import InputError, Problem

MAX_BYTES = 10_000_000
"""Anything larger is not one of our files, and is not read into memory."""


def refused(path: Path, message: str, line: int | None = None, field: str = "") -> InputError:
    """An InputError with one problem in `path`."""
    return InputError([Problem(path, line, field, message)])


def read_text(path: Path, what: str, limit: int = MAX_BYTES) -> str:
    """The text of `path`, which should be `what` ("a saved assessment"); else InputError, why."""
    try:
        if path.stat().st_size > limit:
            raise refused(path, f"too large to be {what}")
        return path.read_bytes().decode("utf-8")  # as written: no newline translation
    except UnicodeDecodeError:
        raise refused(path, f"not {what} (not UTF-8 text)") from None
    except OSError as error:
        raise refused(path, f"cannot be read: {error.strerror or error}") from error


def read_text_if_any(path: Path, what: str, limit: int = MAX_BYTES) -> str | None:
    """As read_text, but None when there is no such file (or its folder is a file)."""
    try:
        return read_text(path, what, limit)
    except InputError as error:
        if isinstance(error.__cause__, (FileNotFoundError, NotADirectoryError)):
            return None
        raise


def too_deep(path: Path, what: str) -> InputError:
    """The error for a file nested more deeply than Python can parse."""
    return refused(path, f"nested too deeply to be {what}")


def parse_json(text: str, path: Path, what: str) -> Any:
    """`text` read as JSON; json.JSONDecodeError as it comes, for the caller to word.

    Nesting too deep to parse (`[[[[...]]]]`) is InputError rather than RecursionError.
    """
    try:
        return json.loads(text)
    except RecursionError:
        raise too_deep(path, what) from None
