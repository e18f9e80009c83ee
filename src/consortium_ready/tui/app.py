"""The questionnaire app: which screen shows, the keys that work everywhere, and saving as you go.

Only what the start screen needs is imported here; the bank, the core and the
other screens are loaded after the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from consortium_ready.tui.screens.start import StartScreen

if TYPE_CHECKING:
    from textual.command import Provider

    from consortium_ready.domain.assessment import Assessment
    from consortium_ready.domain.bank import Bank
    from consortium_ready.errors import Problem
    from consortium_ready.store.drafts import Draft
    from consortium_ready.tui.saving import DraftSaver, DraftWritten
    from consortium_ready.tui.session import Session
    from consortium_ready.tui.startup import Surroundings


def utc_now() -> datetime:
    return datetime.now(UTC)


def _assessment_commands() -> type[Provider]:
    from consortium_ready.tui.commands import AssessmentCommands

    return AssessmentCommands


class ConsortiumReadyApp(App[None]):
    """Walks an organisation through its assessment, saving every answer as it is given."""

    TITLE = "Consortium ready"
    SUB_TITLE = "ready to bid together?"
    CSS_PATH = Path(__file__).with_name("app.tcss")
    COMMANDS = App.COMMANDS | {_assessment_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            id="quit",
            priority=True,
            tooltip="Save your answers and close the program.",
        ),
        Binding(
            "f1,question_mark",
            "help",
            "Help",
            id="help",
            tooltip="What this screen is for, and the keys you can use.",
        ),
        Binding("ctrl+s", "save_elsewhere", "Save elsewhere", id="save-elsewhere"),
    ]

    def __init__(
        self,
        *,
        reports: Path,
        questions: Path | None = None,
        seeds: Path | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__()
        self.reports = reports
        self.questions = questions
        self.seeds = seeds
        self.clock = clock
        self.bank: Bank | None = None
        self.bank_problems: list[Problem] = []
        self.session: Session | None = None
        self.saver: DraftSaver | None = None
        self._draft_on_disk: Draft | None = None
        self._saved_at: datetime | None = None

    # Starting, resuming and showing screens ------------------------------------------

    def get_default_screen(self) -> Screen:
        """The start screen (its styles are in app.tcss, read before the first paint)."""
        return StartScreen()

    def surveyed(self, found: Surroundings, damaged: Path | None) -> None:
        """Called by the start screen once the bank and the reports folder have been read."""
        from consortium_ready.tui.saving import DraftSaver

        self.bank, self.bank_problems = found.bank, found.bank_problems
        self._draft_on_disk = found.draft
        if self.saver is None:
            self.saver = DraftSaver(self, damaged, self.clock)

    @property
    def unfinished_draft(self) -> Draft | None:
        """The assessment in progress: the one open in this window, else the one on disk."""
        if self.session is None:
            return self._draft_on_disk
        return None if self.session.draft.saved == self._saved_at else self.session.draft

    def resume(self) -> None:
        draft = self.unfinished_draft
        assert draft is not None
        self.begin(draft.model_copy(deep=True))

    def start_new(self) -> None:
        from consortium_ready.store.drafts import Draft

        self._start_afresh(lambda: self.begin(Draft(saved=self.clock())))

    def start_from(self, saved: Assessment) -> None:
        """A new assessment with the profile and answers of a saved one filled in."""
        from consortium_ready.store.drafts import Draft, ProfileDraft
        from consortium_ready.words import local_date

        def begin() -> None:
            draft = Draft(
                saved=self.clock(),
                profile=ProfileDraft.of(saved.profile),
                answers=dict(saved.answers),
                notes=dict(saved.notes),
            )
            self.begin(
                draft,
                intro=(
                    "These details and every answer are filled in from your assessment of "
                    f"{local_date(saved.created)}. Check them, change what has changed, "
                    "then continue."
                ),
            )

        self._start_afresh(begin)

    def _start_afresh(self, begin: Callable[[], None]) -> None:
        """Begin, after asking first if that replaces an unfinished assessment."""
        from consortium_ready.tui.screens.dialogs import ConfirmDialog

        draft = self.unfinished_draft
        if draft is None or not (draft.answers or draft.profile.organisation.strip()):
            begin()
            return
        whose = draft.profile.organisation.strip() or "an organisation not yet named"
        self.push_screen(
            ConfirmDialog(
                f"You have an unfinished assessment for {whose}. Starting again "
                "replaces it. Do you want to start again?",
                yes="Start again",
                no="Keep it",
            ),
            lambda yes: begin() if yes else None,
        )

    def begin(self, draft: Draft, intro: str | None = None) -> None:
        """Work on `draft` (new, resumed or copied from a saved assessment) from the right screen.

        With an `intro`, the details screen shows it first and the draft is saved at once.
        """
        from consortium_ready.domain.questionnaire import usable_answers
        from consortium_ready.tui.session import Session

        assert self.bank is not None
        draft.answers, dropped = usable_answers(self.bank, draft.answers)
        draft.notes = {k: v for k, v in draft.notes.items() if self.bank.question(k)}
        self.session = Session(self.bank, draft, self._draft_changed, self.clock)
        if dropped:
            self.notify(
                f"{len(dropped)} earlier answers no longer match the questions, which "
                "have been changed since, so they were left out.",
                severity="warning",
            )
        if intro is not None:
            self._draft_changed(draft.model_copy(deep=True))
        if intro is not None or self.session.questionnaire is None:
            self.open_profile(intro)
        else:
            self.open_question(draft.current)

    def open_profile(self, intro: str | None = None) -> None:
        from consortium_ready.tui.screens.profile import ProfileScreen

        self._show(ProfileScreen(intro))

    def open_question(self, question_id: str | None = None) -> None:
        """Show a question: the one given, else the first unanswered, else the first."""
        from consortium_ready.tui.screens.question import QuestionScreen

        questionnaire = self.session.questionnaire if self.session else None
        if questionnaire is None:
            self.open_profile()
            return
        if not questionnaire.asked:
            self.open_review()
            return
        if question_id is None or not questionnaire.is_asked(question_id):
            question_id = (questionnaire.first_unanswered() or questionnaire.asked[0]).id
        if isinstance(self.screen, QuestionScreen):
            self.screen.current = question_id
        else:
            self._show(QuestionScreen(question_id))

    def open_theme(self, theme_id: str) -> None:
        questionnaire = self.session.questionnaire if self.session else None
        first = questionnaire.start_of(theme_id) if questionnaire else None
        if first is None:
            self.notify("None of that theme's questions applies to your organisation.")
        else:
            self.open_question(first.id)

    def open_review(self) -> None:
        from consortium_ready.tui.screens.review import ReviewScreen

        self._show(ReviewScreen())

    def open_result(self, save: bool = False) -> None:
        from consortium_ready.tui.screens.result import ResultScreen

        if self.session is None or self.session.questionnaire is None:
            self.notify("Fill in your organisation's details first.")
            return
        self._show(ResultScreen(save_now=save))

    def open_case(self, case_id: str | None = None) -> None:
        from consortium_ready.tui.screens.casestudies import CaseStudiesScreen

        if self.bank is not None:
            self.push_screen(CaseStudiesScreen(case_id))

    def open_history(self, compare_latest: str | None = None) -> None:
        """The saved assessments; given an organisation, its latest two compared at once."""
        from consortium_ready.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen(compare_latest))

    def back_to_start(self) -> None:
        while not isinstance(self.screen, StartScreen):
            self.pop_screen()

    def _show(self, screen: Screen) -> None:
        """Make `screen` the one being worked on, closing anything opened on top."""
        from consortium_ready.tui.screens.base import WorkScreen

        while not isinstance(self.screen, StartScreen | WorkScreen):
            self.pop_screen()
        if isinstance(self.screen, StartScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    # Saving ------------------------------------------------------------------------

    def _draft_changed(self, draft: Draft) -> None:
        from consortium_ready.store.drafts import draft_path

        if self.saver is not None:
            self.saver.save(draft_path(self.reports), draft)

    def draft_saved_as_assessment(self) -> None:
        """The answers are in a saved assessment now, so the draft is no longer needed."""
        from consortium_ready.store.drafts import draft_path

        if self.saver is not None and self.session is not None:
            self._saved_at = self.session.draft.saved
            self.saver.save(draft_path(self.reports), None)

    def on_draft_written(self, event: DraftWritten) -> None:
        """Say when saving the draft starts failing, and when it works again."""
        from consortium_ready.tui.text import shown_path

        if event.kept is not None:
            self.notify(
                f"The unreadable draft was kept as {shown_path(event.kept)}.",
                title="Damaged draft kept",
                timeout=10,
                markup=False,
            )
        if (event.error is not None) == event.was_failing:
            return
        if event.error is not None:
            self.notify(
                f"Your answers could not be saved in {shown_path(event.write.path.parent)}: "
                f"{event.error.strerror or event.error}. They are kept while this window is "
                "open. Press ctrl+s to save them in another folder.",
                title="Not saved",
                severity="error",
                timeout=30,
                markup=False,
            )
        else:
            self.notify("Your answers are being saved again.", title="Saved")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save_elsewhere":
            return self.saver is not None and self.saver.failure is not None
        return True

    def action_save_elsewhere(self) -> None:
        self.choose_folder()

    def choose_folder(self, then: Callable[[], None] | None = None) -> None:
        """Ask for another folder; save the draft there, and use it for everything from now on."""
        from consortium_ready.tui.screens.dialogs import FolderDialog

        def chosen(folder: Path | None) -> None:
            if folder is None:
                return
            self.reports = folder
            if self.session is not None:
                self._draft_changed(self.session.draft.model_copy(deep=True))
            if then is not None:
                then()

        self.push_screen(FolderDialog(self.reports), chosen)

    # Keys that work everywhere ---------------------------------------------------------

    def action_help(self) -> None:
        from consortium_ready.tui.screens.dialogs import HelpDialog

        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog(self.screen))

    async def action_quit(self) -> None:
        """Quit once every answer is on disk; if saving is failing, ask first."""
        from consortium_ready.tui.screens.dialogs import UnsavedDialog

        if self.saver is not None:
            await self.saver.finished()
            if self.saver.failure is not None and self.session is not None:
                if not isinstance(self.screen, UnsavedDialog):
                    self.push_screen(UnsavedDialog(), self._unsaved_choice)
                return
        self.leave()

    def _unsaved_choice(self, choice: str | None) -> None:
        if choice == "elsewhere":
            self.choose_folder(then=lambda: self.call_later(self.action_quit))
        elif choice == "quit":
            self.leave()

    def leave(self) -> None:
        """Exit: status 2, with the problems listed, if the question bank could not be used."""
        if self.bank_problems:
            from rich.text import Text

            listing = "".join(f"\n  {problem}" for problem in self.bank_problems)
            count = len(self.bank_problems)
            self.exit(
                return_code=2,
                message=Text(
                    f"consortium-ready: the question bank has {count} "
                    f"problem{'s' if count != 1 else ''}:{listing}"
                ),
            )
        else:
            self.exit()
