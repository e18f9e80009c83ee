"""The start screen's first look at the reports folder: enough to offer its choices at once.

Nothing here loads the question bank or builds a model, so the choices appear with the
screen; the bank and the draft are read behind them (tui/startup.py), and the choices are
brought up to date when they have been.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from consortium_ready.store.files import draft_path
from consortium_ready.store.history import Scan, scan


@dataclass(frozen=True)
class Glance:
    """Whether an assessment is in progress, and the saved ones as the folder's index lists them."""

    draft: bool
    history: Scan


def glance(reports: Path) -> Glance:
    return Glance(draft=draft_path(reports).exists(), history=scan(reports))
