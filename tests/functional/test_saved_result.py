"""A saved assessment opens even when the bank has changed since it was made."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from consortium_ready.domain.answerset import AnswerSet
from consortium_ready.domain.assessment import assess
from consortium_ready.domain.profile import Profile
from consortium_ready.tui.screens.result import ResultReport


async def test_a_band_the_bank_no_longer_has_is_shown_by_its_id(tui_bank):
    made = assess(
        tui_bank,
        AnswerSet(profile=Profile(organisation="Harrow CVS", role="lead", stage="bidding")),
    )
    overall = made.result.overall.model_copy(
        update={"band": "not-ready", "uncapped_band": "retired-band"}
    )
    older = made.model_copy(update={"result": made.result.model_copy(update={"overall": overall})})

    class Shows(App[None]):
        def compose(self) -> ComposeResult:
            yield ResultReport(tui_bank, older)

    app = Shows()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        capped = app.screen.query_one(".capped", Static)
        assert "(retired-band)" in str(capped.render())
