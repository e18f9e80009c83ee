"""Saving an assessment with its readable reports: the one step that renders, then stores."""

from __future__ import annotations

from pathlib import Path

from consortium_ready.domain.assessment import Assessment
from consortium_ready.domain.bank import Bank
from consortium_ready.reports.formats import REPORT_FORMATS
from consortium_ready.reports.view import report_view
from consortium_ready.store.saved import Saved, write_assessment


def save_assessment(assessment: Assessment, bank: Bank, folder: Path) -> Saved:
    """Save as `folder/<organisation>/<date-time>.json` with every report format beside it.

    The reports are laid out before anything is written, so a template error
    writes nothing.
    """
    from consortium_ready.reports.render import render_report  # jinja2: only here

    view = report_view(assessment, bank)
    reports = {f".{fmt}": render_report(view, fmt) for fmt in REPORT_FORMATS}
    return write_assessment(assessment, folder, reports)
