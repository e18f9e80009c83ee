"""Which screen opens for what: the steps of the assessment, and what is read on top of them.

The steps (details, questions, review, result) show one at a time over the
start screen; case studies and saved assessments open on top of whatever shows.
Screens other than the start screen are imported when first opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.screen import Screen

from consortium_ready.tui.screens.base import WorkScreen
from consortium_ready.tui.screens.start import StartScreen

if TYPE_CHECKING:
    from consortium_ready.domain.bank import Bank
    from consortium_ready.session.session import Session


class Navigation(App[None]):
    """Opens the screen asked for, given how far the assessment has got."""

    bank: Bank | None
    session: Session | None

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

    def open_consortium(self) -> None:
        """Several organisations' assessments together: choose them, then see the picture."""
        from consortium_ready.tui.screens.partners import PartnersScreen

        self.push_screen(PartnersScreen())

    def back_to_start(self) -> None:
        while not isinstance(self.screen, StartScreen):
            self.pop_screen()

    def _show(self, screen: Screen[None]) -> None:
        """Make `screen` the one being worked on, closing anything opened on top."""
        while not isinstance(self.screen, StartScreen | WorkScreen):
            self.pop_screen()
        if isinstance(self.screen, StartScreen):
            self.push_screen(screen)
        else:
            self.switch_screen(screen)
