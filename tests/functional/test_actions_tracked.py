"""Giving a saved assessment's actions owners, dates and statuses in the questionnaire."""

from __future__ import annotations

from datetime import date

from consortium_ready.domain.tracking import Tracking, action_key
from consortium_ready.store.history import scan
from consortium_ready.tui.screens.actions import ActionsScreen, TrackingDialog
from consortium_ready.tui.screens.history import HistoryScreen
from consortium_ready.tui.screens.result import SavedResultScreen
from tests.functional.helpers import SMALL, press, save_run, screen_text, settle
from tests.functional.test_comparing import EARLIER, HARROW


def saved_tracking(reports):
    (entry,) = scan(reports).entries
    assessment = entry.load()
    return assessment, assessment.tracking


async def test_an_action_is_given_an_owner_a_date_and_a_status(make_app, reports, tui_bank):
    save_run(reports, tui_bank, HARROW, EARLIER)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        app.open_history()
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        await press(pilot, "enter")
        assert isinstance(app.screen, SavedResultScreen)
        await press(pilot, "a")
        assert isinstance(app.screen, ActionsScreen)
        assert "no owner yet · no date" in screen_text(pilot)
        await press(pilot, "down", "enter")
        assert isinstance(app.screen, TrackingDialog)
        await press(pilot, *"Priya", "tab", *"31/03/2027", "tab", "enter", "down", "enter")
        await press(pilot, "tab", *"Asked the council", "enter")
        assert isinstance(app.screen, ActionsScreen)
        assert "In progress · Priya · due 31 March 2027" in screen_text(pilot)
        assessment, tracking = saved_tracking(reports)
        second = action_key(assessment.result.actions[1])
        assert tracking == {
            second: Tracking(
                owner="Priya", due=date(2027, 3, 31), status="in-progress", note="Asked the council"
            )
        }
        report = next(reports.glob("*/*.md")).read_text(encoding="utf-8")
        assert "Priya" in report


async def test_a_date_that_does_not_exist_is_refused_and_nothing_is_saved(
    make_app, reports, tui_bank
):
    save_run(reports, tui_bank, HARROW, EARLIER)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        app.open_history()
        await settle(pilot)
        await press(pilot, "enter", "a", "enter", *"Sam", "tab", *"30/02/2027", "enter")
        assert isinstance(app.screen, TrackingDialog)
        assert "is not a date" in screen_text(pilot)
        await press(pilot, "escape")
        assert isinstance(app.screen, ActionsScreen)
    assert saved_tracking(reports)[1] == {}
