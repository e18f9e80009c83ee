"""Saves a kill interrupted, finished with the reports they lack (store/unfinished.py).

Looking for them needs only the store. The reports are laid out (reports/saving.py, with
the models and templates it brings) only when one is missing, which is rare: the start
screen and the commands that look first pay nothing for it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from consortium_ready.reports.formats import REPORT_FORMATS
from consortium_ready.store.unfinished import Finished, finish_interrupted

if TYPE_CHECKING:
    from consortium_ready.domain.bank import Bank


def finish_saves(folder: Path, bank: Callable[[], Bank]) -> Finished:
    """Finish the saves in `folder` that a kill interrupted: their missing reports are made
    with `bank()`, called only if one is missing."""

    def reports_of(path: Path) -> dict[str, str]:
        from consortium_ready.reports.saving import rendered_reports  # only now: see above
        from consortium_ready.store.saved import load_assessment

        return rendered_reports(load_assessment(path, follow_link=False), bank())

    return finish_interrupted(folder, [f".{fmt}" for fmt in REPORT_FORMATS], reports_of)
