"""Getting around: the command palette, case studies, saved assessments, a broken bank, colour."""

from __future__ import annotations

import shutil

from textual.widgets import TabbedContent, TabPane

from consortium_ready.domain.profile import Profile
from consortium_ready.tui.screens.casestudies import CaseStudiesScreen
from consortium_ready.tui.screens.dialogs import ConfirmDialog
from consortium_ready.tui.screens.history import HistoryScreen
from consortium_ready.tui.screens.question import QuestionScreen
from consortium_ready.tui.screens.result import ResultScreen, SavedResultScreen
from consortium_ready.tui.widgets.page import QuestionPage
from tests.functional.helpers import (
    NOW,
    QUESTIONS,
    SMALL,
    WIDE,
    click,
    press,
    save_run,
    screen_lines,
    screen_text,
    settle,
    shown,
    under_way,
    use_the_palette,
)

HARROW = Profile(organisation="Harrow CVS", role="partner", stage="bidding")


async def test_the_command_palette_jumps_to_a_theme_opens_a_case_and_saves(make_app, here):
    async with under_way(make_app(), role="partner") as pilot:
        app = pilot.app
        for search, expected in [
            ("theme time", QuestionScreen),
            ("case study leeds", CaseStudiesScreen),
            ("save the assessment", ConfirmDialog),  # nothing answered: saved only on purpose
        ]:
            await use_the_palette(pilot, search)
            assert isinstance(app.screen, expected), search
        await click(pilot, "#yes")
        assert isinstance(app.screen, ResultScreen)
        saved_in = here / "reports" / "harrow-cvs"
        assert f"Saved in {saved_in}\n" in shown(app.screen.query_one("#saved-line"))
        assert len(list((here / "reports" / "harrow-cvs").glob("*.json"))) == 1


async def test_a_case_study_opens_from_a_question_at_that_consortium(make_app):
    async with under_way(make_app(), size=WIDE, role="partner") as pilot:
        app = pilot.app
        app.open_question("specification-access")
        await settle(pilot)
        page = app.screen.query_one(QuestionPage)
        line = next(y for y, words in enumerate(page.lines) if "Read about Northumberland" in words)
        page.scroll_to(y=line, animate=False, immediate=True)
        column = page.lines[line].index("Read about")
        await click(pilot, page, offset=(column + 2, line - page.scroll_offset.y))
        assert isinstance(app.screen, CaseStudiesScreen)
        assert app.screen.query_one(TabbedContent).active == "northumberland"
        assert any(
            "Questions that draw on Northumberland" in shown(widget)
            for widget in app.screen.query(".heading")
        )
        await press(pilot, "left")
        assert app.screen.query_one(TabbedContent).active == "norfolk"
        await press(pilot, "escape")
        assert app.screen.current == "specification-access"


async def test_the_case_studies_open_with_one_story_told_and_tell_each_other_when_shown(make_app):
    async with under_way(make_app(), role="partner") as pilot:
        app = pilot.app
        app.open_case("leeds")
        await settle(pilot)

        def told() -> list[str]:
            return [
                pane.id or ""
                for pane in app.screen.query(TabPane)
                if pane.query_one(".case").children
            ]

        assert told() == ["leeds"]
        await press(pilot, "right", "right")
        assert len(told()) == 3
        active = app.screen.query_one(TabbedContent).active
        case = app.bank.case(active)
        assert "Questions that draw on " + case.name in "".join(
            shown(widget) for widget in app.screen.query(f"#{active} .heading")
        )
        await press(pilot, "left")
        assert len(told()) == 3  # a story told stays told


async def test_saved_assessments_open_with_the_change_since_the_one_before(
    make_app, reports, tui_bank
):
    save_run(reports, tui_bank, HARROW, {"guarantor": "no"}, NOW.replace(month=1))
    save_run(reports, tui_bank, HARROW, {"guarantor": "yes"})
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        app.open_history()
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert "2 assessments saved in reports" in shown(app.screen.query_one("#history-note"))
        await press(pilot, "enter")
        assert isinstance(app.screen, SavedResultScreen)
        text = screen_text(pilot)
        assert "Change since your assessment of 12 January 2027" in text
        assert "▲ +100" in text
        await press(pilot, "n")
        assert app.session.draft.answers == {"guarantor": "yes"}


async def test_a_broken_question_bank_is_explained_and_the_exit_status_is_2(make_app, here):
    broken = shutil.copytree(QUESTIONS, here / "questions")
    (broken / "flags.yaml").write_text("flags:\n  - id: [not, an, id]\n")
    app = make_app(questions=broken)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert "The questions could not be loaded" in shown(app.screen.query_one("#status"))
        assert "flags.yaml" in shown(app.screen.query_one("#status"))
        await press(pilot, "enter")
    assert app.return_code == 2


async def test_no_color_is_respected(make_app, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    async with under_way(make_app(), role="partner") as pilot:
        app = pilot.app
        await press(pilot, "2")
        assert app.no_color
        assert "2 (•)" in screen_text(pilot), "the choice shows without colour"


async def test_without_colour_the_details_chosen_differ_in_shape(make_app, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press(pilot, "enter", "tab", "right", "enter", "tab", "right", "right", "right")
        await press(pilot, "enter")
        lines = screen_lines(pilot)
        assert any("▐ ▌ Lead body" in line and "▐●▌ Partner" in line for line in lines)
        assert any("▐●▌ Delivering" in line and "▐ ▌ Bidding" in line for line in lines)
        assert any("▐ ▌ We are delivering and also bidding again" in line for line in lines)
        await press(pilot, "tab", "enter")
        ticked = "▐X▌ We are delivering and also bidding again"
        assert any(ticked in line for line in screen_lines(pilot))


async def test_text_from_the_bank_is_shown_literally(make_app):
    async with under_way(make_app(), size=WIDE, role="partner") as pilot:
        app = pilot.app
        app.open_question("agreement-status")
        await settle(pilot)
        text = screen_text(pilot)
        assert "agreement [between all partners]?" in text
        assert "[version 2 or later]" in text
