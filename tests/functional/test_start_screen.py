"""The start screen offers its choices before the question bank has loaded.

A first look at the reports folder is enough to list them; the bank and the draft are read
behind them. A choice made in between is carried out as soon as the bank is ready. The
collector, paused while the program starts, is on again once they have been read.
"""

from __future__ import annotations

import gc
import threading

import pytest

from consortium_ready.domain.profile import Profile
from consortium_ready.tui import startup
from consortium_ready.tui.screens.profile import ProfileScreen
from consortium_ready.tui.screens.start import StartScreen
from tests.functional.helpers import save_run, screen_text, settle

HARROW = Profile(organisation="Harrow CVS", role="partner", stage="bidding")


@pytest.fixture
def held_bank(monkeypatch) -> threading.Event:
    """Loading the bank waits until the returned event is set."""
    ready = threading.Event()
    load = startup.cached_bank

    def slow_load(*args, **kwargs):
        assert ready.wait(10), "the test never let the bank load"
        return load(*args, **kwargs)

    monkeypatch.setattr(startup, "cached_bank", slow_load)
    return ready


async def glanced(pilot) -> None:
    """Wait until the first look has listed the choices (the bank is still held)."""
    for _ in range(200):
        await pilot.pause(0.01)
        if "Start a new assessment" in screen_text(pilot):
            return
    raise AssertionError("no choices were offered before the bank loaded")


async def test_choices_are_offered_before_the_bank_is_loaded(
    make_app, reports, tui_bank, held_bank
):
    save_run(reports, tui_bank, HARROW, {"guarantor": "yes"})
    async with make_app().run_test(size=(100, 30)) as pilot:
        await glanced(pilot)
        text = screen_text(pilot)
        assert "Start a new assessment" in text
        assert "Start from your last saved assessment" in text and "Harrow CVS" in text
        assert "1 assessment saved in" in text
        assert "The real consortia the questions are built on" in text
        assert pilot.app.bank is None
        held_bank.set()
        await settle(pilot)
        assert pilot.app.bank is not None
        assert f"The {len(tui_bank.cases)} real consortia" in screen_text(pilot)


async def test_a_choice_made_before_the_bank_is_loaded_is_carried_out_once_it_is(
    make_app, held_bank
):
    async with make_app().run_test(size=(100, 30)) as pilot:
        await glanced(pilot)
        await pilot.press("enter")  # "Start a new assessment", the first choice
        await pilot.pause()
        assert isinstance(pilot.app.screen, StartScreen)
        assert "Getting the questions ready" in screen_text(pilot)
        held_bank.set()
        await settle(pilot)
        assert isinstance(pilot.app.screen, ProfileScreen)


async def test_a_choice_made_before_a_broken_bank_fails_is_dropped(make_app, here, held_bank):
    broken = here / "questions"
    broken.mkdir()
    async with make_app(questions=broken).run_test(size=(100, 30)) as pilot:
        await glanced(pilot)
        await pilot.press("enter")
        held_bank.set()
        await settle(pilot)
        assert isinstance(pilot.app.screen, StartScreen)
        assert "The questions could not be loaded" in screen_text(pilot)


async def test_the_bank_is_read_once_the_choices_are_laid_out(make_app, monkeypatch):
    """A thread reading the bank would take turns with the one laying out the choices."""
    choices_at_start = []
    look_around = StartScreen.look_around

    def noted(screen: StartScreen, *args):
        choices_at_start.append(screen.query_one("#choices").region)
        return look_around(screen, *args)

    monkeypatch.setattr(StartScreen, "look_around", noted)
    async with make_app().run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert pilot.app.bank is not None
    assert len(choices_at_start) == 1
    assert choices_at_start[0].area > 0, "the bank was read before the choices were laid out"


async def test_the_collector_paused_for_the_start_is_on_again_once_all_is_read(make_app, held_bank):
    gc.disable()  # as `cmd_tui` does
    try:
        async with make_app().run_test(size=(100, 30)) as pilot:
            await glanced(pilot)
            assert not gc.isenabled(), "still starting: the bank is being read"
            held_bank.set()
            await settle(pilot)
            assert pilot.app.bank is not None
            assert gc.isenabled()
    finally:
        gc.enable()
