"""Reading an entry at a prompt: the one-letter commands, and numbered choices."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from consortium_ready.plain.console import Stop

Command = Literal["help", "back", "note", "skip"]
COMMANDS: dict[str, Command] = {"?": "help", "b": "back", "n": "note", "s": "skip"}
KEYS = (
    "At any question: type ? for why it matters and the lessons behind it, b to go back, "
    "n to add a note, s to skip, and q to stop (your answers are kept)."
)
CLEAR = "-"
"""Typed alone, clears a typed answer or an optional detail."""


def command(entry: str, offered: Sequence[Command]) -> Command | None:
    """The command `entry` is, if it is one offered here; q stops wherever it is typed."""
    if entry.lower() == "q":
        raise Stop
    found = COMMANDS.get(entry.lower())
    return found if found in offered else None


def number_range(count: int) -> str:
    return "1" if count == 1 else f"a number from 1 to {count}"


def pick_one(entry: str, count: int) -> int | None:
    """The 0-based index of the numbered choice typed, or None if `entry` is not one."""
    return int(entry) - 1 if entry.isdigit() and 1 <= int(entry) <= count else None


def pick_many(entry: str, count: int) -> list[int] | None:
    """The 0-based indexes of the numbers typed (spaces or commas between), in the order
    listed, or None if any is not a choice."""
    parts = entry.replace(",", " ").split()
    picked = [pick_one(part, count) for part in parts]
    if not parts or any(index is None for index in picked):
        return None
    return sorted({index for index in picked if index is not None})


def not_accepted(entry: str, how: str, what: str = "one of the choices") -> str:
    """Why an entry was not taken, naming it, and what to type instead."""
    typed = f'You typed "{entry}". That is not {what}.' if entry else "Nothing was typed."
    return f"{typed} {how}"
