"""A report as one CSV table for spreadsheets: the overall result, each theme, each answer,
each red flag and each action, so that the file can serve as the action tracker too.

Written as UTF-8 with a byte-order mark, so that Excel shows names in any
script correctly, and with RFC 4180 quoting and line ends. A cell that a
spreadsheet would take for a formula gets a leading apostrophe. See
docs/reports.md.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from consortium_ready.reports.view import ActionView, ReportView
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
    "key",
    "title",
    "owner",
    "due",
    "progress",
)
"""The last five are for red flags and actions; `key`, `owner`, `due`, `progress` and `note`
on an action row are what `consortium-ready actions --import` reads back (content/actionscsv.py)."""
RAISED = "raised"
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """A cell's text: numbers as they are, text safe from being read as a formula, and with
    no control characters but its line breaks (words.printable)."""
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return plain_number(value)
    text = printable(str(value), keep_lines=True)
    return "'" + text if text.startswith(_FORMULA_START) else text


def tracking_cells(action: ActionView) -> tuple[str, str, str, str]:
    """An action's owner, due date (2027-03-01), status in words and note, as a CSV holds them."""
    tracking = action.tracking
    due = tracking.due.isoformat() if tracking.due else ""
    return (tracking.owner, due, action.progress, tracking.note)


def _records(view: ReportView) -> Iterator[dict[str, object]]:
    """Each row's cells by column, leaving out the organisation, the date and empty cells."""
    yield {
        "record": "overall",
        "score": view.overall_score,
        "band": view.overall_band,
        "status": f"held at this band by red flags (scores alone: {view.capped_from})"
        if view.capped_from
        else "",
    }
    for t in view.themes:
        unknown = (
            f"{t.answered + t.dont_know} of {t.asked} answered, {plain_number(t.unknown)}% unknown"
        )
        yield {
            "record": "theme",
            "theme": t.title,
            "score": t.score,
            "band": t.band,
            "status": unknown + ("; not enough known to score" if t.score is None else ""),
        }
    for a in view.all_answers:
        yield {
            "record": "answer",
            "theme": a.theme,
            "question_id": a.question_id,
            "question": a.question,
            "answer": a.answer,
            "score": a.score,
            "status": a.status_words,
            "note": a.note,
        }
    for f in view.flags:
        yield {"record": "flag", "title": f.title, "band": f.caps, "status": RAISED}
    for action in view.actions:
        owner, due, progress, note = tracking_cells(action)
        yield {
            "record": "action",
            "theme": action.theme,
            "status": action.kind.lower(),
            "note": note,
            "key": action.key,
            "title": action.text,
            "owner": owner,
            "due": due,
            "progress": progress,
        }


def report_csv(view: ReportView) -> str:
    """The CSV text of a report, byte-order mark first."""
    stream = io.StringIO()
    writer = csv.DictWriter(stream, COLUMNS, restval="", dialect="excel")
    writer.writeheader()
    for record in _records(view):
        row = {"organisation": view.organisation, "date": view.created, **record}
        writer.writerow({column: cell(value) for column, value in row.items()})
    return BOM + stream.getvalue()
