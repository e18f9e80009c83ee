"""Partners' assessments together in the questionnaire: choose them, see them, open one.

Four partners answer alike except on written agreements (docs/scoring.md,
section 11): Ashby Carers expects to lead and says the agreement is signed,
Brook Advice that it is agreed by word of mouth, Castle Youth that it is a
draft, and Dale Foodbank does not know what the bid's terms are.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, SelectionList

from consortium_ready.content.loader import load_bank
from consortium_ready.domain.bank import Bank
from consortium_ready.tui.app import ConsortiumReadyApp
from consortium_ready.tui.screens.consortium import ConsortiumScreen
from consortium_ready.tui.screens.partners import PartnersScreen
from consortium_ready.tui.screens.result import SavedResultScreen
from tests.consortium_kit import partner, save
from tests.functional.helpers import SMALL, fixed_clock, press, screen_text, settle, shown, still


@pytest.fixture(scope="module")
def builtin() -> Bank:
    return load_bank()


@pytest.fixture
def four(reports: Path, builtin: Bank) -> Path:
    """The four partners' assessments, saved in the reports folder."""
    for assessment in (
        partner(builtin, "Ashby Carers", "lead"),
        partner(builtin, "Brook Advice", agreement_status="verbal", pre_bid_terms="verbal"),
        partner(builtin, "Castle Youth", agreement_status="draft"),
        partner(builtin, "Dale Foodbank", roles_written="dont-know", pre_bid_terms="dont-know"),
    ):
        save(reports, assessment)
    return reports


def app_on(reports: Path) -> ConsortiumReadyApp:
    """The app with the built-in bank, whose facts and lead checks the view compares."""
    app = ConsortiumReadyApp(reports=reports, clock=fixed_clock)
    app.animation_level = "none"
    return app


async def choosing(pilot: Pilot) -> None:
    """Open the list of organisations to see together, as the command palette does."""
    await settle(pilot)
    pilot.app.open_consortium()  # type: ignore[attr-defined]
    await settle(pilot)
    assert isinstance(pilot.app.screen, PartnersScreen)


@asynccontextmanager
async def together(app: ConsortiumReadyApp) -> AsyncIterator[Pilot]:
    """The app at 80x24, the four partners chosen from the start screen and shown together."""
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert "See partners' assessments together" in screen_text(pilot)
        await press(pilot, "down", "down", "down", "enter")  # past new, previous, history
        assert isinstance(app.screen, PartnersScreen)
        await press(pilot, "s")
        assert isinstance(app.screen, ConsortiumScreen)
        yield pilot


async def test_the_grid_says_what_each_cell_is_and_opens_the_partner_behind_it(four):
    app = app_on(four)
    async with together(app) as pilot:
        grid = app.screen.query_one("#grid", DataTable)
        assert grid.row_count == 5  # four partners and the middle
        await press(pilot, "down", *["right"] * 5)
        note = shown(app.screen.query_one("#cell-note"))
        assert note.startswith("Brook Advice · 5. Written agreements: 22, Not ready")
        assert "Enter opens Brook Advice's assessment" in note
        await press(pilot, "enter")
        assert isinstance(app.screen, SavedResultScreen)
        assert app.screen.assessment.profile.organisation == "Brook Advice"
        await press(pilot, "escape")
        assert isinstance(app.screen, ConsortiumScreen)
        await press(pilot, "down", "down", "down")  # the middle row opens nothing
        assert "middle 84" in shown(app.screen.query_one("#cell-note"))
        await press(pilot, "enter")
        assert isinstance(app.screen, ConsortiumScreen)


async def test_the_contradiction_comes_first_then_the_flags(four):
    app = app_on(four)
    async with together(app) as pilot:
        await press(pilot, "d")
        text = " ".join(screen_text(pilot).split())
        assert "1. Partners contradict each other on a fact · Written agreements" in text
        assert "How far has your consortium got with a written agreement" in text
        assert "“Agreed by word of mouth only” (1): Brook Advice" in text
        await press(pilot, "f")
        text = " ".join(screen_text(pilot).split())
        assert "On the consortium as a whole" in text
        assert "None: one partner expects to lead" in text


async def test_choosing_who_to_include(four):
    app = app_on(four)
    async with app.run_test(size=SMALL) as pilot:
        await choosing(pilot)
        chosen = app.screen.query_one("#chosen", SelectionList)
        assert len(chosen.selected) == 4
        await press(pilot, "n")
        await press(pilot, "s")
        assert isinstance(app.screen, PartnersScreen)  # nothing ticked: nothing to show
        await press(pilot, "space", "down", "space", "s")
        assert isinstance(app.screen, ConsortiumScreen)
        assert [m.label for m in app.screen.consortium.members] == ["Ashby Carers", "Brook Advice"]


async def test_another_folder_with_a_damaged_file(four, tmp_path):
    returned = tmp_path / "returned"
    returned.mkdir()
    for path in sorted(four.glob("*/*.json"))[:2]:
        (returned / path.name.replace(".json", f"-{path.parent.name}.json")).write_bytes(
            path.read_bytes()
        )
    (returned / "damaged.json").write_text("{")
    app = app_on(four)
    async with app.run_test(size=SMALL) as pilot:
        await choosing(pilot)
        folder = app.screen.query_one("#folder", Input)
        folder.value = str(returned)
        folder.focus()
        await press(pilot, "enter")
        note = shown(app.screen.query_one("#found-note"))
        assert note.startswith("2 organisations found") and "1 file could not be read" in note
        assert len(app.screen.query_one("#chosen", SelectionList).options) == 2


@pytest.mark.parametrize("tab", ["g", "d"], ids=["grid", "disagreements"])
def test_screen(snap_compare, four, tab):
    async def run_before(pilot: Pilot) -> None:
        await choosing(pilot)
        await press(pilot, "s", tab)
        await still(pilot)

    assert snap_compare(app_on(four), terminal_size=SMALL, run_before=run_before)
