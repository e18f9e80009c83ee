"""The assessment in progress: started, resumed or copied from a saved one, its draft kept on disk.

Every change to the draft is written in the background (`saving.DraftSaver`);
when writing fails, the app says so and offers another folder (ctrl+s).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from consortium_ready.tui.navigation import Navigation

if TYPE_CHECKING:
    from consortium_ready.domain.assessment import Assessment
    from consortium_ready.domain.bank import Bank
    from consortium_ready.errors import Problem
    from consortium_ready.session.session import Session
    from consortium_ready.store.drafts import Draft
    from consortium_ready.tui.saving import DraftSaver, DraftWritten
    from consortium_ready.tui.startup import Surroundings


class SessionLifecycle(Navigation):
    """Owns the question bank, the session being worked on, and the writer of its draft."""

    reports: Path
    clock: Callable[[], datetime]

    def __init__(self) -> None:
        super().__init__()
        self.bank: Bank | None = None
        self.bank_problems: list[Problem] = []
        self.session: Session | None = None
        self.saver: DraftSaver | None = None
        self._draft_on_disk: Draft | None = None
        self._saved_at: datetime | None = None
        """The `saved` time of the draft last saved as an assessment: that draft is finished."""

    # Starting -------------------------------------------------------------------------

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
        from consortium_ready.session.session import Session, fit_to_bank

        assert self.bank is not None
        dropped = fit_to_bank(self.bank, draft)
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

    # Saving the draft ------------------------------------------------------------------

    def _draft_changed(self, draft: Draft) -> None:
        from consortium_ready.store.files import draft_path

        if self.saver is not None:
            self.saver.save(draft_path(self.reports), draft)

    def draft_saved_as_assessment(self) -> None:
        """The answers are in a saved assessment now, so the draft is no longer needed."""
        from consortium_ready.store.files import draft_path

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
            failing = self.saver is not None and self.saver.failure is not None
            return failing and not self.is_web
        return True

    def action_save_elsewhere(self) -> None:
        self.choose_folder()

    def choose_folder(self, then: Callable[[], object] | None = None) -> None:
        """Ask for another folder; save the draft there, and use it for everything from now on."""
        from consortium_ready.tui.screens.dialogs import FolderDialog

        if self.is_web:  # the server's folders are not the browser user's to choose
            self.notify(
                "Saving is not working on the server. Your answers are kept while this page "
                "is open: tell whoever runs this questionnaire.",
                title="Not saved",
                severity="error",
                timeout=30,
            )
            return

        def chosen(folder: Path | None) -> None:
            if folder is None:
                return
            self.reports = folder
            if self.session is not None:
                self._draft_changed(self.session.draft.model_copy(deep=True))
            if then is not None:
                then()

        self.push_screen(FolderDialog(self.reports), chosen)
