"""Small pieces of wording shared by every front end: numbers, counts, dates, a bank's name,
and text made safe to print.

Only the standard library is imported here, so that any command may use it cheaply.
"""

from __future__ import annotations

import math
import unicodedata
from datetime import date, datetime
from decimal import Decimal


def plain_number(value: float) -> str:
    """A number as typed, every digit kept: 7 → `7`, 1.5 → `1.5`, 1234567 → `1234567`.

    No exponent and no trailing `.0`, unlike `{value:g}`, which writes 1234567 as 1.23457e+06.
    """
    if isinstance(value, int) or value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f")


def shown_score(value: float) -> int:
    """A score as a whole number, halves rounded up as people expect: 62.5 → 63."""
    return math.floor(value + 0.5)


def score_change(before: float | None, after: float | None) -> int | None:
    """The change between two scores as shown, so that 62 → 67 reads +5 and adds up."""
    if before is None or after is None:
        return None
    return shown_score(after) - shown_score(before)


def score_number(value: float | None, signed: bool = False) -> str:
    """A score as reports show it: a whole number, signed for a change, a dash for none."""
    if value is None:
        return "–"
    whole = shown_score(value)
    return (f"{whole:+d}" if signed and whole else f"{whole:d}").replace("-", "−")


def verdict(band: str | None, score: float | None) -> str:
    """An overall result in words: `Nearly ready, 67 out of 100`, or `not scored`."""
    return f"{band}, {score_number(score)} out of 100" if score is not None else "not scored"


def plural(count: int, one: str, many: str | None = None) -> str:
    """`1 question`, `3 questions`; `many` where adding an s is wrong."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def bank_name(title: str, version: str) -> str:
    """A question bank as reports and lists name it: `Consortium readiness, version 1.0`."""
    return f"{title}, version {version}"


def day_words(day: date) -> str:
    """`14 March 2026`."""
    return f"{day.day} {day:%B %Y}"


def local_date(moment: datetime, with_time: bool = False) -> str:
    """A saved time as people read it, in local time: `14 March 2026` (`, 12:00`)."""
    local = moment.astimezone()
    return day_words(local) + (f", {local:%H:%M}" if with_time else "")


def local_when(moment: datetime) -> str:
    """A moment in local time, as people say it: `12 March 2027 at 14:05`."""
    local = moment.astimezone()
    return f"{day_words(local)} at {local:%H:%M}"


def printable(text: str) -> str:
    """`text` on one line, safe to print: line breaks and tabs become spaces, and other
    control and formatting characters (escapes, direction overrides) are replaced."""
    one_line = " ".join(text.split())
    return "".join("\ufffd" if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in one_line)
