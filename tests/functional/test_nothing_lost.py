"""Nothing typed is lost: resuming, starting from the last saved answers, damaged drafts,
folders that cannot be written, and quitting."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input, OptionList

from consortium_ready.domain.answerset import AnswerSet
from consortium_ready.domain.assessment import assess
from consortium_ready.domain.profile import Profile
from consortium_ready.reports.saving import save_assessment
from consortium_ready.store.drafts import Draft, ProfileDraft, load_draft, save_draft
from consortium_ready.store.files import draft_path
from consortium_ready.tui.screens.dialogs import ConfirmDialog, FolderDialog, UnsavedDialog
from consortium_ready.tui.screens.profile import ProfileScreen
from consortium_ready.tui.screens.question import QuestionScreen
from consortium_ready.tui.screens.result import ResultScreen
from tests.functional.helpers import (
    NOW,
    SMALL,
    click,
    note_shown,
    press,
    settle,
    shown,
    start_new,
    under_way,
)

HARROW = Profile(organisation="Harrow CVS", role="lead", stage="bidding")


def choices(app) -> list[str]:
    return [option.id for option in app.screen.query_one("#choices", OptionList).options]


def choice_text(app, option_id: str) -> str:
    return app.screen.query_one("#choices", OptionList).get_option(option_id).prompt.plain


async def test_resuming_carries_on_at_the_question_left_with_every_answer(make_app, reports):
    save_draft(
        draft_path(reports),
        Draft(
            saved=NOW,
            profile=ProfileDraft.of(HARROW),
            current="lead-can-guarantee",
            answers={"guarantor": "no", "guarantor-plan": "talks"},
            notes={"guarantor": "Asked"},
        ),
    )
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert choices(app)[0] == "resume"
        assert "Harrow CVS, last saved 12 March 2027 at 14:05: 2 of 8 questions answered" in (
            choice_text(app, "resume")
        )
        await press(pilot, "enter")
        assert isinstance(app.screen, QuestionScreen)
        assert app.screen.current == "lead-can-guarantee"
        await press(pilot, "escape")
        assert app.screen.current == "guarantor-plan"
        assert app.screen.query_one("#page").chosen == {"talks"}
        await press(pilot, "escape")
        assert "Asked" in note_shown(pilot)


async def test_starting_from_the_last_saved_assessment_fills_in_details_and_answers(
    make_app, reports, tui_bank
):
    answers = AnswerSet(profile=HARROW, answers={"guarantor": "yes", "weeks-to-deadline": 8})
    save_assessment(assess(tui_bank, answers, now=NOW), tui_bank, reports)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert choices(app) == ["new", "previous", "history", "cases", "quit"]
        await press(pilot, "down", "enter")
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.query_one("#organisation", Input).value == "Harrow CVS"
        assert "filled in from your assessment of 12 March 2027" in shown(
            app.screen.query_one(".hint")
        )
        await press(pilot, "ctrl+q")
    assert load_draft(draft_path(reports)).answers == {"guarantor": "yes", "weeks-to-deadline": 8}


async def test_a_damaged_draft_is_reported_and_kept_when_a_new_one_starts(make_app, reports):
    reports.mkdir()
    draft_path(reports).write_text('{"schema_version": 1, "saved": "2027-03-1')
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert "cannot be read (not a draft (not valid JSON" in shown(
            app.screen.query_one("#status")
        )
        assert "resume" not in choices(app)
        await start_new(pilot)
        assert any("unreadable draft was kept as" in told for told in app.told)
    kept = list(reports.glob(".draft-damaged-*.json"))
    assert [p.read_text() for p in kept] == ['{"schema_version": 1, "saved": "2027-03-1']
    assert load_draft(draft_path(reports)).profile.organisation == "Harrow CVS"


async def test_when_the_folder_cannot_be_written_answers_stay_and_go_elsewhere(make_app, here):
    blocked = Path("reports")
    blocked.write_text("a file where the folder should be")
    async with under_way(make_app(blocked), role="partner") as pilot:
        app = pilot.app
        await press(pilot, "1")
        assert app.saver.failure is not None
        [told] = [told for told in app.told if "could not be saved" in told]
        assert told.startswith("Your answers could not be saved in reports: ")
        assert told.endswith(
            "They are kept while this window is open. Press ctrl+s to save them in another folder."
        )
        assert app.session.draft.answers == {"guarantor": "yes"}
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, FolderDialog)
        app.screen.query_one("#typed-in", Input).value = "elsewhere"
        await press(pilot, "enter")
        assert "Your answers are being saved again." in app.told
    saved = json.loads(Path("elsewhere/.draft.json").read_text())
    assert saved["answers"] == {"guarantor": "yes"}
    assert blocked.read_text() == "a file where the folder should be"


async def test_quitting_while_saves_fail_asks_first(make_app, here):
    Path("reports").write_text("not a folder")
    app = make_app(Path("reports"))
    async with app.run_test(size=SMALL) as pilot:
        await start_new(pilot, role="partner")
        await press(pilot, "ctrl+q")
        assert isinstance(app.screen, UnsavedDialog)
        await press(pilot, "escape")
        assert isinstance(app.screen, QuestionScreen), "staying is the safe way out"
        await press(pilot, "ctrl+q")
        await click(pilot, "#quit")
    assert app.return_code == 0
    assert not Path("elsewhere").exists()


async def test_quitting_while_saves_fail_can_save_elsewhere_first(make_app, here):
    Path("reports").write_text("not a folder")
    app = make_app(Path("reports"))
    async with app.run_test(size=SMALL) as pilot:
        await start_new(pilot, role="partner")
        await press(pilot, "2", "ctrl+q")
        await click(pilot, "#elsewhere")
        assert isinstance(app.screen, FolderDialog)
        app.screen.query_one("#typed-in", Input).value = "elsewhere"
        await press(pilot, "enter")
    assert app.return_code == 0, "it quits once the answers are safe"
    assert load_draft(draft_path(Path("elsewhere"))).answers == {"guarantor": "no"}


async def test_saving_the_assessment_where_it_cannot_be_written_offers_another_folder(
    make_app, here
):
    async with under_way(make_app(), role="partner") as pilot:
        app = pilot.app
        await press(pilot, "1", "f", "r")
        assert isinstance(app.screen, ResultScreen)
        Path("reports/harrow-cvs").write_text("in the way")
        await press(pilot, "s")
        assert isinstance(app.screen, ConfirmDialog), "a partial assessment is saved on purpose"
        await click(pilot, "#yes")
        assert any("The assessment could not be saved in reports" in t for t in app.told)
        assert isinstance(app.screen, FolderDialog)
        app.screen.query_one("#typed-in", Input).value = "elsewhere"
        await press(pilot, "enter")
        assert isinstance(app.screen, ResultScreen)
        saved_in = here / "elsewhere" / "harrow-cvs"
        assert f"Saved in {saved_in}\n" in shown(app.screen.query_one("#saved-line"))
    assert len(list(Path("elsewhere/harrow-cvs").glob("*.json"))) == 1


async def test_quitting_writes_the_last_answer_before_the_program_ends(make_app, reports):
    async with under_way(make_app(), role="partner") as pilot:
        app = pilot.app
        await pilot.press("2", "ctrl+q")
        await settle(pilot)
    assert app.return_code == 0
    assert load_draft(draft_path(reports)).answers == {"guarantor": "no"}
