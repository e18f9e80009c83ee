"""The action tracker as a CSV: every action with its owner, due date, status and note.

Open it in a spreadsheet, edit the last four columns, and read it back with
`consortium-ready actions --import` (content/actionscsv.py).
"""

from __future__ import annotations

import csv
import io

from consortium_ready.content.actionscsv import TRACKER_COLUMNS
from consortium_ready.reports.table import BOM, cell, tracking_cells
from consortium_ready.reports.view import ReportView


def tracker_csv(view: ReportView) -> str:
    """The tracker's CSV text, byte-order mark first, one row per action in the plan's order."""
    stream = io.StringIO()
    writer = csv.writer(stream, dialect="excel")
    writer.writerow(TRACKER_COLUMNS)
    for action in view.actions:
        writer.writerow(
            cell(value)
            for value in (
                action.key,
                action.rank,
                action.text,
                action.reason,
                action.theme,
                *tracking_cells(action),
            )
        )
    return BOM + stream.getvalue()
