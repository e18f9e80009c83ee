"""The action tracker as a spreadsheet: reading back owners, dates and statuses edited in a CSV.

Two files are read: the tracker that `actions --export` writes, and a report's
CSV, whose `action` rows carry the same columns. Rows are matched to actions
by `key`. Any bad row is refused with its line number, and then nothing is
taken from the file at all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection
from datetime import date, datetime
from pathlib import Path
from typing import cast

from pydantic import ValidationError

from consortium_ready.content.userfiles import read_text, refused
from consortium_ready.domain.tracking import STATUSES, ActionStatus, Tracking
from consortium_ready.errors import InputError, Problem

TRACKER_COLUMNS = ("key", "rank", "action", "why", "theme", "owner", "due", "status", "note")
"""The tracker's columns; `key` says which action a row is, and the last four are edited."""
REPORT_STATUS_COLUMN = "progress"
"""In a report's CSV, `status` is how an answer counted, so an action's status is here."""
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y")
"""Dates as written by the export (2027-03-01) and as UK spreadsheets often rewrite them."""
_STATUS_BY_WORD: dict[str, ActionStatus] = {
    **{status: status for status in STATUSES},
    **{words.lower(): status for status, words in STATUSES.items()},
    "todo": "to-do",
    "": "to-do",
}


def _status(text: str) -> ActionStatus:
    found = _STATUS_BY_WORD.get(" ".join(text.lower().split()))
    if found is None:
        raise ValueError(f"{text!r} is not a status; write one of: {', '.join(STATUSES.values())}")
    return found


def parse_due(text: str) -> date | None:
    """A due date as people type it (2027-03-01, 01/03/2027, 1 March 2027); empty for none."""
    text = text.strip()
    if not text:
        return None
    for form in DATE_FORMATS:
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date; write it as 2027-03-01 (year, month, day)")


def read_tracking(path: Path, keys: Collection[str]) -> dict[str, Tracking]:
    """Each row's tracking by action key, for the actions `keys` names; else InputError."""
    text = read_text(path, "an action tracker (CSV)").removeprefix("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = reader.fieldnames or []
    except csv.Error as error:
        raise refused(path, f"not a CSV file: {error}", 1) from None
    if "key" not in header:
        raise refused(
            path,
            "no `key` column: export the actions with `consortium-ready actions --export` "
            "and edit that file, keeping its first row",
            1,
        )
    report = "record" in header
    status_column = REPORT_STATUS_COLUMN if report else "status"
    found: dict[str, Tracking] = {}
    problems: list[Problem] = []
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise refused(path, f"not a CSV file: {error}", reader.line_num) from None
        line = reader.line_num
        beyond = cast("list[str]", row.pop(None, []))  # cells past the last column
        if report and row.get("record") != "action":
            continue
        key = (row.get("key") or "").strip()
        if not key and not any((value or "").strip() for value in [*row.values(), *beyond]):
            continue  # an empty row, as spreadsheets leave at the end
        problem = _problem(key, keys, found) or _beyond(beyond, len(header))
        if problem is None:
            try:
                found[key] = Tracking(
                    owner=row.get("owner") or "",
                    due=parse_due(row.get("due") or ""),
                    status=_status(row.get(status_column) or ""),
                    note=row.get("note") or "",
                )
                continue
            except ValidationError as error:
                first = error.errors(include_url=False)[0]
                problem = (str(first["loc"][0]), first["msg"])
            except ValueError as error:
                field = "due" if "date" in str(error) else status_column
                problem = (field, str(error))
        problems.append(Problem(path, start, problem[0], problem[1]))
    if problems:
        raise InputError(problems)
    return found


def _beyond(cells: list[str], columns: int) -> tuple[str, str] | None:
    """A problem if a row has text in cells past the last column the first row names (empty
    ones, as spreadsheets sometimes leave, do no harm)."""
    if not any(cell.strip() for cell in cells):
        return None
    return ("", f"this row has text beyond the {columns} columns the first row names")


def _problem(key: str, keys: Collection[str], found: dict[str, Tracking]) -> tuple[str, str] | None:
    if not key:
        return ("key", "no key: this row cannot be matched to an action")
    if key in found:
        return ("key", f"{key!r} is given twice; keep one row for each action")
    if key not in keys:
        return ("key", f"{key!r} is not an action in this assessment's plan")
    return None
