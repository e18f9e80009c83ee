"""The questionnaire as served to a browser: downloads, and no folder chooser on the server."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from consortium_ready.tui.screens.dialogs import ConfirmDialog, FolderDialog
from consortium_ready.tui.screens.result import ResultScreen
from tests.functional.conftest import RecordingApp
from tests.functional.helpers import click, press, settle, under_way


@pytest.fixture
def delivered(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, str]]:
    """The app as if in a browser; what it offers as downloads."""
    offered: list[tuple[Path, str]] = []

    def deliver_text(app: Any, path: Path, *, save_filename: str, **options: Any) -> str:
        offered.append((path, save_filename))
        return "key"

    monkeypatch.setattr(RecordingApp, "is_web", property(lambda app: True))
    monkeypatch.setattr(RecordingApp, "deliver_text", deliver_text)
    return offered


async def test_saving_in_a_browser_offers_the_report_as_a_download(make_app, here, delivered):
    async with under_way(make_app(), role="partner") as pilot:
        await press(pilot, "1", "f", "r", "s")
        await click(pilot, "#yes")
        assert isinstance(pilot.app.screen, ResultScreen)
    (report,) = Path("reports/harrow-cvs").glob("*.html")
    assert delivered == [(report, f"harrow-cvs-{report.name}")]


async def test_when_saving_fails_in_a_browser_no_folder_on_the_server_is_offered(
    make_app, here, delivered
):
    async with under_way(make_app(), role="partner") as pilot:
        app = pilot.app
        await press(pilot, "1", "f", "r")
        Path("reports/harrow-cvs").write_text("in the way")
        await press(pilot, "s")
        await click(pilot, "#yes")
        assert not isinstance(app.screen, FolderDialog)
        assert any("tell whoever runs this questionnaire" in told for told in app.told)
        await press(pilot, "ctrl+s")
        assert not isinstance(app.screen, FolderDialog)
    assert delivered == []


async def test_pressing_save_again_while_saving_saves_one_assessment(make_app, here, monkeypatch):
    from consortium_ready.reports import saving

    unblocked, save = threading.Event(), saving.save_assessment

    def slow_save(*args: Any) -> Any:
        unblocked.wait(timeout=10)
        return save(*args)

    monkeypatch.setattr(saving, "save_assessment", slow_save)
    async with under_way(make_app(), role="partner") as pilot:
        await press(pilot, "1", "f", "r", "s")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await pilot.press("s")  # while the first save is still writing
        if isinstance(pilot.app.screen, ConfirmDialog):
            await pilot.click("#yes")
        unblocked.set()
        await settle(pilot)
    assert len(list(Path("reports/harrow-cvs").glob("*.json"))) == 1
