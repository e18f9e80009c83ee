"""Before the result: the questions still unanswered and those answered "don't know"."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, OptionList, Static
from textual.widgets.option_list import Option

from consortium_ready.domain.bank import Question
from consortium_ready.tui import guides
from consortium_ready.tui.screens.base import WorkScreen, foot
from consortium_ready.tui.text import literal
from consortium_ready.tui.widgets.menu import Menu
from consortium_ready.words import plural


def question_option(question: Question, theme: str) -> Option:
    return Option(Content.assemble(literal(question.text), "\n", (theme, "dim")), id=question.id)


class ReviewScreen(WorkScreen):
    """What is left to answer, each a key or a click away; then the result."""

    CSS_PATH = "review.tcss"
    HELP = guides.REVIEW
    HELP_KEYS = guides.REVIEW_KEYS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "result", "See the result", id="result"),
        Binding("escape", "back", "Back", id="back"),
    ]

    def compose(self) -> ComposeResult:
        questionnaire = self.session.questionnaire
        assert questionnaire is not None
        titles = self.session.bank.theme_titles
        unanswered = questionnaire.unanswered()
        dont_know = questionnaire.dont_know()
        yield Header()
        with VerticalScroll(id="review"):
            yield Static("Check your answers", classes="title")
            yield Static(
                self._summary(len(questionnaire.asked), unanswered, dont_know), classes="hint"
            )
            if unanswered:
                yield Static(f"Not answered yet ({len(unanswered)})", classes="heading")
                yield Menu(
                    *(question_option(q, titles[q.theme]) for q in unanswered),
                    id="unanswered",
                    classes="questions",
                )
            if dont_know:
                yield Static(f'Answered "Don\'t know" ({len(dont_know)})', classes="heading")
                yield Menu(
                    *(question_option(q, titles[q.theme]) for q in dont_know),
                    id="dont-know",
                    classes="questions",
                )
            kept = self._notes_not_asked()
            if kept:
                yield Static(
                    f"Notes on questions no longer asked ({len(kept)}): kept, and back in "
                    "place if the question applies again",
                    classes="heading",
                )
                for question, note in kept:
                    yield Static(
                        Content.assemble((question, "bold"), "\n", literal(note)),
                        classes="kept-note",
                    )
        yield from foot(
            [Button("Back to the questions", id="back-button")],
            [Button("See the result", id="result-button", variant="primary")],
        )

    def _notes_not_asked(self) -> list[tuple[str, str]]:
        """(question, note) for each note whose question a changed answer stopped applying."""
        questionnaire = self.session.questionnaire
        bank = self.session.bank
        return [
            (question.text, note)
            for question_id, note in self.session.draft.notes.items()
            if (question := bank.question(question_id))
            and questionnaire is not None
            and not questionnaire.is_asked(question_id)
        ]

    @staticmethod
    def _summary(asked: int, unanswered: list[Question], dont_know: list[Question]) -> str:
        if not unanswered and not dont_know:
            return (
                f"All {plural(asked, 'question')} have an answer. Press r or the button "
                "below to see your result."
            )
        parts = []
        if unanswered:
            parts.append(
                f"{plural(len(unanswered), 'question')} not answered yet: each counts "
                "as unknown until you answer it"
            )
        if dont_know:
            parts.append(
                f'{len(dont_know)} answered "Don\'t know": each counts as a gap, '
                "with an action to find out"
            )
        return (
            "; ".join(parts) + ". Pick a question and press Enter (or click it) to answer "
            "it now, or press r to see your result as it stands."
        )

    def on_mount(self) -> None:
        """Focus the first list (or the result button), with the heading still in view."""
        lists = self.query(".questions")
        (lists.first() if lists else self.query_one("#result-button")).focus(scroll_visible=False)

    @on(OptionList.OptionSelected, ".questions")
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.app.open_question(event.option.id)

    @on(Button.Pressed, "#result-button")
    def action_result(self) -> None:
        self.app.open_result()

    @on(Button.Pressed, "#back-button")
    def action_back(self) -> None:
        self.app.open_question(self.session.draft.current)
