"""Words shown on screen: text from the YAML shown literally, dates and paths in plain English."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.content import Content


def literal(text: str, style: str = "") -> Content:
    """Text from the bank or typed by a user, shown exactly: `[` is never markup."""
    content = Content(" ".join(text.split()))
    return content.stylize(style) if style else content


def when(moment: datetime) -> str:
    """A moment in local time, as people say it: 12 March 2027 at 14:05."""
    local = moment.astimezone()
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def day(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{local.day} {local:%B %Y}"


def shown_path(path: Path) -> str:
    """A path as short as it can be while still unambiguous: relative to here when inside."""
    absolute = path.absolute()
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


def plural(count: int, one: str, many: str | None = None) -> str:
    """`1 question`, `3 questions`."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def home_folder() -> Path:
    """A place most people can write to, offered when the reports folder cannot be written."""
    return Path.home() / "consortium-ready-reports"
