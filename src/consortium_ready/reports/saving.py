"""Saving an assessment with its readable reports: the one step that renders, then stores."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from consortium_ready.domain.assessment import SCHEMA_VERSION, Assessment
from consortium_ready.domain.bank import Bank
from consortium_ready.domain.tracking import Tracking
from consortium_ready.reports.formats import REPORT_FORMATS
from consortium_ready.reports.view import report_view
from consortium_ready.store.saved import Saved, rewrite_assessment, write_assessment


def _reports(assessment: Assessment, bank: Bank, previous: Assessment | None) -> dict[str, str]:
    """Every report format, laid out before anything is written: a template error writes nothing."""
    from consortium_ready.reports.render import render_report  # jinja2: only here

    view = report_view(assessment, bank, previous)
    return {f".{fmt}": render_report(view, fmt) for fmt in REPORT_FORMATS}


def save_assessment(
    assessment: Assessment, bank: Bank, folder: Path, previous: Assessment | None = None
) -> Saved:
    """Save as `folder/<organisation>/<date-time>.json` with every report format beside it;
    the reports say what changed since `previous`, the organisation's last assessment."""
    return write_assessment(assessment, folder, _reports(assessment, bank, previous))


def save_tracking(
    path: Path,
    assessment: Assessment,
    tracking: Mapping[str, Tracking],
    bank: Bank,
    previous: Assessment | None = None,
) -> Assessment:
    """Give the assessment saved at `path` this tracking of its actions, and remake its reports."""
    tracked = assessment.tracked(tracking).model_copy(update={"schema_version": SCHEMA_VERSION})
    rewrite_assessment(path, tracked, _reports(tracked, bank, previous))
    return tracked
