"""Saving an assessment with its readable reports: the one step that renders, then stores."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from consortium_ready.domain.answerset import AnswerSet
from consortium_ready.domain.assessment import SCHEMA_VERSION, Assessment, assess
from consortium_ready.domain.bank import Bank
from consortium_ready.domain.tracking import Tracking
from consortium_ready.reports.formats import REPORT_FORMATS
from consortium_ready.reports.view import report_view
from consortium_ready.store.history import last_saved
from consortium_ready.store.saved import (
    Saved,
    rewrite_assessment,
    write_assessment,
)


def rendered_reports(
    assessment: Assessment, bank: Bank, previous: Assessment | None = None
) -> dict[str, str]:
    """Every report on `assessment` by suffix (`.html`), saying what changed since `previous`;
    laid out before anything is written, so that a template error writes nothing."""
    from consortium_ready.reports.render import render_report  # jinja2: only here

    view = report_view(assessment, bank, previous)
    return {f".{fmt}": render_report(view, fmt) for fmt in REPORT_FORMATS}


def save_assessment(
    assessment: Assessment, bank: Bank, folder: Path, previous: Assessment | None = None
) -> Saved:
    """Save as `folder/<organisation>/<date-time>.json` with every report format beside it;
    the reports say what changed since `previous`, the organisation's last assessment."""
    return write_assessment(assessment, folder, rendered_reports(assessment, bank, previous))


class Made(NamedTuple):
    """A new assessment as saved, and the organisation's one before it, if there was one."""

    assessment: Assessment
    previous: Assessment | None
    saved: Saved


def assess_and_save(
    bank: Bank, answer_set: AnswerSet, folder: Path, now: datetime | None = None
) -> Made:
    """Score the answers and save them in `folder`, as every way in does: the open actions of
    the organisation's last assessment carry forward, and the reports say what changed."""
    previous = last_saved(folder, answer_set.profile.organisation)
    assessment = assess(bank, answer_set, now, previous)
    return Made(assessment, previous, save_assessment(assessment, bank, folder, previous))


def save_tracking(
    path: Path,
    assessment: Assessment,
    tracking: Mapping[str, Tracking],
    bank: Bank,
    previous: Assessment | None = None,
) -> Assessment:
    """Give the assessment saved at `path` this tracking of its actions, and remake its reports."""
    tracked = assessment.tracked(tracking).model_copy(update={"schema_version": SCHEMA_VERSION})
    rewrite_assessment(path, tracked, rendered_reports(tracked, bank, previous))
    return tracked
