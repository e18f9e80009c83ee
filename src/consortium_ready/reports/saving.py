"""Saving an assessment with its readable reports: the one step that renders, then stores."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from consortium_ready.domain.assessment import Assessment
from consortium_ready.domain.bank import Bank
from consortium_ready.reports.formats import REPORT_FORMATS
from consortium_ready.reports.view import report_view
from consortium_ready.store.saved import Saved, load_assessment, write_assessment
from consortium_ready.store.unfinished import Finished, finish_interrupted


def rendered_reports(assessment: Assessment, bank: Bank) -> dict[str, str]:
    """Every report on `assessment`, by suffix (`.html`)."""
    from consortium_ready.reports.render import render_report  # jinja2: only here

    view = report_view(assessment, bank)
    return {f".{fmt}": render_report(view, fmt) for fmt in REPORT_FORMATS}


def save_assessment(assessment: Assessment, bank: Bank, folder: Path) -> Saved:
    """Save as `folder/<organisation>/<date-time>.json` with every report format beside it.

    The reports are laid out before anything is written, so a template error
    writes nothing.
    """
    return write_assessment(assessment, folder, rendered_reports(assessment, bank))


def finish_saves(folder: Path, bank: Callable[[], Bank]) -> Finished:
    """Finish the saves in `folder` that a kill interrupted (store/unfinished.py): their
    missing reports are made with `bank()`, called only if one is missing."""
    return finish_interrupted(
        folder,
        [f".{fmt}" for fmt in REPORT_FORMATS],
        lambda path: rendered_reports(load_assessment(path, follow_link=False), bank()),
    )
