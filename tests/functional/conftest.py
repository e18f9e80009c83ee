"""Fixtures for the questionnaire's tests: a small stable bank, a fixed clock, a tmp reports folder.

The app runs in a temporary working directory with `reports/` inside it, the
clock stopped at 12 March 2027 14:05 UTC and the local time zone UTC, so that
what is on screen (dates, paths) is the same on every run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from consortium_ready.content.loader import load_bank
from consortium_ready.domain.bank import Bank
from consortium_ready.tui.app import ConsortiumReadyApp
from tests.functional.helpers import QUESTIONS, SEEDS, fixed_clock


class RecordingApp(ConsortiumReadyApp):
    """The app, remembering every notification it shows (tests run with toasts hidden)."""

    def __init__(self, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.told: list[str] = []

    def notify(self, message: str, **options: object) -> None:  # type: ignore[override]
        self.told.append(message)
        super().notify(message, **options)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def tui_bank() -> Bank:
    return load_bank(QUESTIONS, SEEDS)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh working directory in UTC; `reports/` inside it is where the app saves."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.delenv("NO_COLOR", raising=False)
    time.tzset()
    yield tmp_path
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def reports(here: Path) -> Path:
    return Path("reports")


@pytest.fixture
def make_app(reports: Path) -> Callable[..., RecordingApp]:
    """A factory for the app on the test bank, the tmp reports folder and the fixed clock."""

    def make(folder: Path | None = None, questions: Path = QUESTIONS) -> RecordingApp:
        app = RecordingApp(
            questions=questions, seeds=SEEDS, reports=folder or reports, clock=fixed_clock
        )
        app.animation_level = "none"
        return app

    return make
