"""Words shown on screen: text from the YAML shown literally, and paths in plain English."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content


def literal(text: str, style: str = "") -> Content:
    """Text from the bank or typed by a user, shown exactly: `[` is never markup."""
    content = Content(" ".join(text.split()))
    return content.stylize(style) if style else content


def shown_path(path: Path) -> str:
    """A path as short as it can be while still unambiguous: relative to here when inside."""
    absolute = path.absolute()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


def home_folder() -> Path:
    """A place most people can write to, offered when the reports folder cannot be written."""
    return Path.home() / "consortium-ready-reports"
