"""Finishing the saves a kill interrupted, before a command or the app reads the reports folder.

Every command that lists saved assessments does this first, so it is kept apart from
saving itself: the assessment's models and the report templates are imported only when
a save is found unfinished.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from consortium_ready.reports.formats import REPORT_FORMATS
from consortium_ready.store.unfinished import Finished, finish_interrupted

if TYPE_CHECKING:
    from consortium_ready.domain.bank import Bank


def finish_saves(folder: Path, bank: Callable[[], Bank]) -> Finished:
    """Finish the saves in `folder` that a kill interrupted (store/unfinished.py): their
    missing reports are made with `bank()`, called only if one is missing."""

    def render(path: Path) -> Mapping[str, str]:
        from consortium_ready.reports.saving import rendered_reports
        from consortium_ready.store.saved import load_assessment

        return rendered_reports(load_assessment(path, follow_link=False), bank())

    return finish_interrupted(folder, [f".{fmt}" for fmt in REPORT_FORMATS], render)
