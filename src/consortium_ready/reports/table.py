"""A report as one CSV table for spreadsheets: the overall result, each theme, each answer.

Written as UTF-8 with a byte-order mark, so that Excel shows names in any
script correctly, and with RFC 4180 quoting and line ends. A cell that a
spreadsheet would take for a formula gets a leading apostrophe. See
docs/reports.md.
"""

from __future__ import annotations

import csv
import io

from consortium_ready.reports.view import ReportView
from consortium_ready.words import plain_number, printable

COLUMNS = (
    "organisation",
    "date",
    "record",
    "theme",
    "question_id",
    "question",
    "answer",
    "score",
    "band",
    "status",
    "note",
)
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """A cell's text: numbers as they are, text safe from being read as a formula, and with
    no control characters but its line breaks (words.printable)."""
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return plain_number(value)
    text = printable(str(value), keep_lines=True)
    return "'" + text if text.startswith(_FORMULA_START) else text


def report_csv(view: ReportView) -> str:
    """The CSV text of a report, byte-order mark first."""
    rows: list[tuple[object, ...]] = [
        (
            "overall",
            "",
            "",
            "",
            "",
            view.overall_score,
            view.overall_band,
            f"held at this band by red flags (scores alone: {view.capped_from})"
            if view.capped_from
            else "",
            "",
        )
    ]
    rows += [
        (
            "theme",
            t.title,
            "",
            "",
            "",
            t.score,
            t.band,
            f"{t.answered + t.dont_know} of {t.asked} answered, {plain_number(t.unknown)}% unknown"
            + ("; not enough known to score" if t.score is None else ""),
            "",
        )
        for t in view.themes
    ]
    rows += [
        (
            "answer",
            a.theme,
            a.question_id,
            a.question,
            a.answer,
            a.score,
            "",
            a.status_words,
            a.note,
        )
        for a in view.all_answers
    ]
    stream = io.StringIO()
    writer = csv.writer(stream, dialect="excel")
    writer.writerow(COLUMNS)
    writer.writerows(
        [_cell(value) for value in (view.organisation, view.created, *row)] for row in rows
    )
    return BOM + stream.getvalue()
