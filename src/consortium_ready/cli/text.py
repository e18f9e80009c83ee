"""Text for the terminal: every line written, and history and comparisons as aligned tables.

Everything the command line writes goes through `say`, which makes control
characters visible (words.printable), so that a name, a note or a file name
holding terminal escape sequences cannot disturb the terminal.
"""

from __future__ import annotations

import functools
import sys
import textwrap
import unicodedata
from collections.abc import Sequence
from itertools import islice
from typing import TYPE_CHECKING

from consortium_ready.collector import collector_paused
from consortium_ready.words import local_minute, plural, printable, score_change, score_number

if TYPE_CHECKING:
    from datetime import date

    from consortium_ready.domain.compare import Comparison
    from consortium_ready.reports.view import ReportView
    from consortium_ready.store.history import Entry, Scan

GAP = "  "
ARROW = "→"


def say(text: str = "", error: bool = False, end: str = "\n") -> None:
    """Write `text` to standard output (standard error for an `error`), with every control
    character made visible and line breaks kept: the one way the command line writes."""
    stream = sys.stderr if error else sys.stdout
    shown = printable(text, keep_lines=True) + end
    try:
        stream.write(shown)
    except UnicodeEncodeError:  # a terminal that cannot show every character: ? in their place
        encoding = stream.encoding or "ascii"
        stream.write(shown.encode(encoding, "replace").decode(encoding))


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: wide East Asian characters two, combining marks none."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _cell(text: str) -> str:
    """A table cell made printable, keeping the spaces that indent it."""
    body = text.lstrip(" ")
    return text[: len(text) - len(body)] + printable(body)


def _padded(cells: Sequence[str], right: bool) -> list[str]:
    """One column's cells made printable and padded to the widest of them. Each distinct
    cell is made and measured once: in long tables most cells repeat."""
    shown = {cell: _cell(cell) for cell in set(cells)}
    widths = {cell: display_width(text) for cell, text in shown.items()}
    width = max(widths.values())
    padded = {}
    for cell, text in shown.items():
        pad = " " * (width - widths[cell])
        padded[cell] = pad + text if right else text + pad
    return [padded[cell] for cell in cells]


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()
) -> list[str]:
    """Rows under headers, each column as wide as its widest cell; `right` columns right-aligned.

    Every cell is made printable (see `printable`); leading spaces, which indent it, are kept.
    """
    columns = zip(headers, *rows, strict=True)
    padded = [_padded(column, index in right) for index, column in enumerate(columns)]
    return [GAP.join(line).rstrip() for line in zip(*padded, strict=True)]


def _wrapped(text: str, width: int, indent: str = "  ", first: str = "  - ") -> list[str]:
    """`text` made printable and wrapped to `width` as textwrap.wrap does, its first line
    after `first` and the others after `indent` and two spaces."""
    shown, rest = printable(text), indent + "  "
    if shown and len(first) + len(shown) <= width:  # one line, as textwrap would make it
        return [first + shown]
    longest = max(map(len, shown.split(" ")))
    if not shown or "-" in shown or longest > width - max(len(first), len(rest)):
        return textwrap.wrap(shown, width, initial_indent=first, subsequent_indent=rest)
    return _filled(shown, width, first, rest)


def _filled(text: str, width: int, first: str, indent: str) -> list[str]:
    """`text`, its words one space apart, on lines of `width`, as many words on each as fit,
    the first line after `first` and the others after `indent`. That is what textwrap.wrap
    makes of it, in a fraction of the time, when no word has a hyphen (where textwrap may
    break it) or is too long for a line."""
    lines, lead = [], first
    while len(lead) + len(text) > width:
        cut = text.rfind(" ", 0, width - len(lead) + 1)  # after the last word that fits
        lines.append(lead + text[:cut])
        lead, text = indent, text[cut + 1 :]
    return [*lines, lead + text]


_score = functools.lru_cache(maxsize=1024)(score_number)
"""score_number, remembered: history writes out a few dozen scores thousands of times."""


def _change(before: float | None, after: float | None) -> str:
    change = score_change(before, after)
    return "" if change is None else _score(change, signed=True)


def _trend(entries: list[Entry]) -> str:
    scores = [e.score for e in entries if e.score is not None]
    path = f" {ARROW} ".join(map(_score, scores))
    if len(scores) < 2:
        return path
    moved = score_change(scores[0], scores[-1]) or 0
    direction = "up" if moved > 0 else "down" if moved < 0 else "no change"
    amount = f" {abs(moved)}" if moved else ""
    return f"{path}: {direction}{amount} since the first, over {len(entries)} assessments"


def _history_rows(groups: list[list[Entry]]) -> list[list[str]]:
    """A row of the history table for each assessment, each compared with the one before."""
    rows = []
    for entries in groups:
        for previous, entry in zip([None, *entries], entries, strict=False):
            rows.append(
                [
                    local_minute(entry.created),
                    _score(entry.score),
                    entry.band or "not scored",
                    str(entry.flags),
                    f"{_score(entry.coverage)}%",
                    _change(previous.score, entry.score) if previous else "first",
                ]
            )
    return rows


def history_text(scan: Scan, width: int = 80) -> str:
    """Each organisation's assessments, oldest first, in columns aligned across all; its trend."""
    groups = list(scan.organisations().values())
    with collector_paused():  # a row for each assessment, none of them garbage
        header, *lines = table(
            ["Date", "Score", "Band", "Red flags", "Answered", "Change"],
            _history_rows(groups),
            right=(1, 3, 4, 5),
        )
    rest = iter(lines)
    out: list[str] = []
    for entries in groups:
        if out:
            out.append("")
        out += _wrapped(entries[-1].organisation, width, indent="", first="")
        out += [f"  {header}", *(f"  {line}" for line in islice(rest, len(entries)))]
        if len(entries) > 1:
            out += _wrapped(f"Trend: {_trend(entries)}", width, indent="  ", first="  ")
    return "\n".join(out)


def comparison_text(c: Comparison, width: int = 80) -> str:
    """A comparison as terminal text: the runs, notes, a score table, then what moved."""
    lines = [
        f"What changed: {printable(c.organisation)}",
        *(
            f"  {label:<7} {run.date} ({printable(run.bank)})"
            for label, run in (("Before:", c.old), ("After:", c.new))
        ),
    ]
    for note in c.notes:
        lines += _wrapped(f"Note: {note}", width, indent="", first="")
    rows = [
        [
            s.title if i == 0 else "  " + s.title,
            f"{score_number(s.before)} {s.band_before or ''}".rstrip(),
            f"{score_number(s.after)} {s.band_after or ''}".rstrip(),
            score_number(s.change, signed=True),
        ]
        for i, s in enumerate(c.scores)
    ]
    lines += ["", *table(["", "Before", "After", "Change"], rows, right=(3,))]
    for heading, groups in (("Red flags", c.flag_groups), ("Actions", c.action_groups)):
        lines += ["", heading]
        for title, items in groups:
            lines.append(f"  {title} ({len(items)})" + (":" if items else ": none"))
            texts = [item if isinstance(item, str) else item.line for item in items]
            lines += [line for text in texts for line in _wrapped(text, width, "    ", "    - ")]
    lines += ["", f"Answers that changed ({len(c.answers)})" + ("" if c.answers else ": none")]
    for a in c.answers:
        lines += _wrapped(a.question, width)
        lines += _wrapped(
            f"{a.before} ({score_number(a.score_before)}) {ARROW} "
            f"{a.after} ({score_number(a.score_after)})",
            width,
            indent="  ",
            first="    ",
        )
    for title, questions in c.question_groups:
        lines += ["", f"{title} ({len(questions)})"]
        lines += [
            line
            for q in questions
            for line in _wrapped(
                f"{q.text} ({q.id})" if q.text else f"{q.id} (no longer in the bank)", width
            )
        ]
    return "\n".join(lines)


def actions_text(view: ReportView, today: date, width: int = 80) -> str:
    """The action plan as a tracker: each action with its status, owner and due date."""
    tracked = [a for a in view.actions if not a.tracking.is_blank]
    overdue = [a for a in view.actions if a.tracking.overdue(today)]
    lines = [
        printable(f"{view.organisation}: the action plan of {view.date}"),
        f"{plural(len(view.actions), 'action')}, {len(tracked)} tracked, {len(overdue)} overdue.",
    ]
    for action in view.actions:
        lines += ["", *_wrapped(action.text, width, indent="   ", first=f"{action.rank:>3}. ")]
        progress = action.tracked_words or "Not tracked yet"
        if action.tracking.overdue(today):
            progress += ": OVERDUE"
        lines += _wrapped(progress, width, indent="   ", first="     ")
        if action.tracking.note:
            lines += _wrapped(f"Note: {action.tracking.note}", width, indent="   ", first="     ")
        lines += _wrapped(f"key: {action.key}", width, indent="   ", first="     ")
    return "\n".join(lines)
