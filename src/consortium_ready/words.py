"""Small pieces of wording shared by every front end: numbers, counts, dates, a bank's name,
and text made safe to print.

Only the standard library is imported here, so that any command may use it cheaply.
"""

from __future__ import annotations

import math
import time
import unicodedata
from datetime import date, datetime

_HARMLESS_FORMATS = frozenset("\u200c\u200d\ufeff") | frozenset(map(chr, range(0xE0020, 0xE0080)))
"""Invisible formatting characters that written words need, and no terminal acts on: the
zero-width joiner and non-joiner (emoji sequences, Persian and Indic scripts), the tags of
flags such as Wales's, and the byte-order mark that starts a CSV report."""


def _stand_in(ch: str) -> str:
    """What is shown for a character that would act on a terminal rather than be shown:
    ESC as ␛ and the other C0 controls as their symbols, anything else as �."""
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def _unsafe(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category in ("Cc", "Cs", "Zl", "Zp") or (
        category == "Cf" and ch not in _HARMLESS_FORMATS
    )


def printable(text: str, keep_lines: bool = False) -> str:
    """`text` safe to show in a terminal or write to a plain-text report: every control or
    formatting character that could move the cursor, retitle or clear the terminal, or turn
    the text around (ESC, BEL, the C1 controls, direction overrides) is replaced by a visible
    stand-in (ESC by ␛, others by �).

    On one line (runs of spaces, tabs and line breaks become one space) unless `keep_lines`,
    when spacing, tabs and line ends (\n, and \r\n) are kept as they are. Every word shown
    on the terminal, and every Markdown and CSV report, passes through here.
    """
    if not keep_lines:
        return _shown(" ".join(text.split()))
    if text.replace("\n", " ").isprintable():  # the usual case: nothing to replace, in one pass
        return text
    *lines, last = text.split("\n")
    ended = [_shown(line[:-1]) + "\r" if line.endswith("\r") else _shown(line) for line in lines]
    return "\n".join([*ended, _shown(last)])


def _shown(line: str) -> str:
    """One line (tabs kept) with its control characters replaced; quick when it has none."""
    if line.isprintable() or ("\t" in line and line.replace("\t", " ").isprintable()):
        return line
    return "".join(_stand_in(ch) if ch != "\t" and _unsafe(ch) else ch for ch in line)


def plain_number(value: float) -> str:
    """A number as typed, every digit kept: 7 → `7`, 1.5 → `1.5`, 1234567 → `1234567`.

    No exponent and no trailing `.0`, unlike `{value:g}`, which writes 1234567 as 1.23457e+06.
    """
    if isinstance(value, int) or value.is_integer():
        return str(int(value))
    from decimal import Decimal  # only here: the commands that write no fraction go without

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


def local_minute(moment: datetime) -> str:
    """A saved time to the minute in local time, as tables show it: `2026-03-14 12:00`.

    The same as formatting `moment.astimezone()`, in half the time: history shows one for
    every saved assessment.
    """
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(moment.timestamp()))


def local_when(moment: datetime) -> str:
    """A moment in local time, as people say it: `12 March 2027 at 14:05`."""
    local = moment.astimezone()
    return f"{day_words(local)} at {local:%H:%M}"
