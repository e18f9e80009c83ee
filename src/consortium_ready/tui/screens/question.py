"""One question at a time: its answer levels, why it matters, and what real consortia learnt."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from typing import ClassVar, NamedTuple, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import Reactive, var
from textual.widget import Widget
from textual.widgets import Button, Header, Input, OptionList, Static

from consortium_ready.domain.bank import DONT_KNOW, AnswerValue, Question
from consortium_ready.domain.questionnaire import Questionnaire
from consortium_ready.reports.view import citations
from consortium_ready.tui import guides
from consortium_ready.tui.screens.base import WorkScreen, foot
from consortium_ready.tui.text import literal
from consortium_ready.tui.widgets.choices import NUMBER_KEYS, AnswerChoices
from consortium_ready.tui.widgets.line import TextLine
from consortium_ready.tui.widgets.page_words import Level, Link, Passage, Passages
from consortium_ready.tui.widgets.position import PositionLine
from consortium_ready.tui.widgets.themes import ThemeList, theme_progress
from consortium_ready.tui.widgets.typed import NUMBER_BOX, NumberAnswer, TextAnswer

CHOICE_KINDS = ("single", "yes_no", "multi")
PartType = TypeVar("PartType", bound=Widget)
CHOOSE_ONE = "Press a number or click an answer; Enter goes to the next question."
HOW_TO_ANSWER = {
    "single": CHOOSE_ONE,
    "yes_no": CHOOSE_ONE,
    "multi": "Tick each answer that applies (number, Space or click); Enter goes on.",
    "number": "Type a number; Enter goes to the next question.",
    "text": "Type your answer, or leave it empty; Enter goes to the next question.",
}


def _asked(question: Question) -> Content:
    """The question, and how to answer it."""
    return Content.assemble(
        literal(question.text, "bold"), "\n", (HOW_TO_ANSWER[question.kind], "$text-muted")
    )


class KeysThatApply(NamedTuple):
    """Which of the question screen's keys work on the question showing."""

    options: bool
    cases: bool
    notes: bool
    dont_know: bool

    @property
    def shown(self) -> tuple[bool, bool]:
        """Those the footer shows (not `c` or `d`), dimmed where they do not apply: only a
        change in these need be shown there. Pressed, every key is checked as it is."""
        return self.options, self.notes


def _pick_bindings() -> list[BindingType]:
    return [
        Binding(str(n), f"pick({n})", "Choose", key_display="1-9", show=n == 1, id=f"pick-{n}")
        for n in range(1, NUMBER_KEYS + 1)
    ]


class QuestionScreen(WorkScreen):
    """Asks the current question; moving on records the answer and shows the next one."""

    CSS_PATH = "question.tcss"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]  # type: ignore[misc]  # Screen declares it `ClassVar[...] | None`, which mypy reads as an instance variable
    HELP = guides.QUESTION
    HELP_KEYS = guides.QUESTION_KEYS
    BINDINGS: ClassVar[list[BindingType]] = [
        *_pick_bindings(),
        Binding("enter", "next", "Next", id="next"),
        Binding("escape", "back", "Back", id="back"),
        Binding("n", "note", "Note", id="note"),
        Binding("t", "themes", "Themes", id="themes"),
        Binding("c", "case", "Case study", id="case", show=False),
        Binding("f", "finish", "Finish", id="finish"),
        Binding("d", "dont_know", "Don't know", id="dont-know", show=False),
        Binding("up", "scroll_page(-1)", show=False),
        Binding("down", "scroll_page(1)", show=False),
        Binding("pageup", "turn_page(-1)", show=False),
        Binding("pagedown", "turn_page(1)", show=False),
    ]

    current: var[str] = var("", init=False)
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """Textual's, but moving the focus does not paint the whole screen again: the widgets
    whose look follows the focus draw themselves again. The focus moves between the page
    and a box at each step between kinds of question, and the whole frame cost 8 to 12 ms."""

    def __init__(self, question_id: str) -> None:
        super().__init__()
        self.set_reactive(QuestionScreen.current, question_id)
        self._keys_for: KeysThatApply | None = None
        self._found: dict[str, Widget] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield PositionLine(id="position")
        with Horizontal(id="main"):
            yield ThemeList(id="theme-list")
            with Vertical(id="question"):
                yield TextLine(id="theme-line")
                yield Static(id="question-text")
                yield NumberAnswer(id="number-answer")
                yield TextAnswer(id="text-answer")
                yield AnswerChoices(id="page")
        yield from foot(
            [
                Button("Back", id="back-button"),
                Button("Add a note", id="note-button"),
                Button("Themes", id="themes-button"),
            ],
            [
                Button("Review and finish", id="finish-button"),
                Button("Next", id="next-button", variant="primary"),
            ],
        )

    def on_mount(self) -> None:
        self._show_question()
        # The bank, the modules, and this screen's widgets and styles, built once, last as
        # long as the questionnaire: out of the collector's sight, they no longer lengthen
        # each full collection. One freeze here covers them all.
        gc.freeze()

    def watch_current(self) -> None:
        self._show_question()

    @property
    def question(self) -> Question:
        question = self.session.bank.question(self.current)
        assert question is not None
        return question

    @property
    def questionnaire(self) -> Questionnaire:
        """What is asked: questions show only once the organisation's details are complete."""
        questionnaire = self.session.questionnaire
        assert questionnaire is not None
        return questionnaire

    # Showing the question ---------------------------------------------------------

    def _show_question(self) -> None:
        """Fill the screen with the current question, updating its widgets in place: nothing
        is mounted, so that it all changes together and is painted in one frame."""
        question = self.question
        with self.app.batch_update():
            answer = self._show_answer(question, self.session.draft.answers.get(question.id))
            self._show_progress()
            answer.focus(scroll_visible=False)
        self._part("#page", AnswerChoices).call_after_drawing(self._once_painted)
        shown_before = self._keys_for and self._keys_for.shown
        self._keys_for = self._keys_that_apply(question)
        if self._keys_for.shown != shown_before:
            self.refresh_bindings()

    def _show_answer(self, question: Question, answer: AnswerValue | None) -> Widget:
        """Show the question, the page under it, and the box for a typed answer, with the
        answer given so far; return what takes the keys: the page of options, or the box.

        A question with options is drawn at the top of its page, and scrolls with it. One
        answered by typing stands above its box, which stands above the page.
        """
        page = self._part("#page", AnswerChoices)
        number = self._part("#number-answer", NumberAnswer)
        text = self._part("#text-answer", TextAnswer)
        typed = self._typed()
        for box in (number, text):
            box.display = box is typed
        above = self._part("#question-text", Static)
        above.display = typed is not None
        if typed is not None:
            above.update(_asked(question))
        levels, passages = self._page_of(question)
        if typed is number:
            number.show(question, answer)
            page.show_page(levels, number.band_marks(), number.band_of(number.box.value), passages)
            return number.box
        if typed is text:
            text.show(answer)
            page.show_page(levels, [], frozenset(), passages)
            return text.box
        if isinstance(answer, list):
            chosen = answer
        else:
            chosen = [answer] if isinstance(answer, str) and answer else []
        page.show_options(question.id, question.options, chosen, question.kind == "multi", passages)
        return page

    def _page_of(self, question: Question) -> tuple[Sequence[Level], Passages]:
        """The levels on `question`'s page, and the passages above, below and aside them:
        the question itself heads a page of options; a number's page heads its bands."""
        below, aside = self._note(question.id), self._why_and_lessons(question)
        if question.kind == "number":
            bands = [Passage(Content(), "What each number means")]
            return question.number_bands, Passages(bands, below, aside)
        if question.kind == "text":
            return [], Passages((), below, aside)
        return question.options, Passages([Passage(_asked(question))], below, aside)

    def _once_painted(self) -> None:
        """Once the question is painted, while it is read: remember it as the place to resume
        (a save to disk, which cost the step 2 to 3 ms), and wrap the page of the question
        likely to follow, so that moving on to it only draws it."""
        self.session.visit(self.current)
        following = self.questionnaire.after(self.current)
        if following is not None:
            self._part("#page", AnswerChoices).get_ready(*self._page_of(following))

    def _note(self, question_id: str) -> list[Passage]:
        """The note on question `question_id`, if there is one, to show on its page."""
        note = self.session.draft.notes.get(question_id)
        if not note:
            return []
        return [Passage(Content.assemble(("Your note: ", "bold"), literal(note)), note=True)]

    @on(Input.Changed, f"#{NUMBER_BOX}")
    def _number_typed(self, event: Input.Changed) -> None:
        """Mark the band the number typed falls in."""
        number = self._part("#number-answer", NumberAnswer)
        self._part("#page", AnswerChoices).show_chosen(number.band_of(event.value))

    def _keys_that_apply(self, question: Question) -> KeysThatApply:
        """Which keys work here: number keys pick options; `c` opens a case study it cites;
        `n` adds a note and `d` answers "don't know" (not while typing free text, where they
        are letters; `d` only where "don't know" is offered)."""
        cases = self.session.bank.cases_cited(question.cites)
        typed = question.kind == "text"
        dont_know = not typed and question.option(DONT_KNOW) is not None
        return KeysThatApply(question.kind in CHOICE_KINDS, bool(cases), not typed, dont_know)

    def _why_and_lessons(self, question: Question) -> list[Passage]:
        """Why the question matters, and the lessons of the sources it cites, with a link to
        each case study cited (the first also opens with `c`)."""
        passages = []
        if question.why:
            passages.append(Passage(literal(question.why), "Why this matters"))
        cited = citations(self.session.bank, question.cites)
        if cited:
            lessons = Content("\n\n").join(
                Content.assemble(
                    (citation.case, "bold"), f" ({citation.kind}): ", literal(citation.text)
                )
                for citation in cited
            )
            passages.append(Passage(lessons, "What the sources show"))
        cases = self.session.bank.cases_cited(question.cites)
        if cases:
            links = [
                Link(
                    f"Read about {case.name}" + (" (c)" if place == 0 else ""),
                    f"screen.case({case.id!r})",
                )
                for place, case in enumerate(cases)
            ]
            passages.append(Passage(Content(), "The case studies cited", links=tuple(links)))
        return passages

    def _part(self, selector: str, kind: type[PartType]) -> PartType:
        """The one widget `selector` finds, found once: the screen's parts last as long as it."""
        if selector not in self._found:
            self._found[selector] = self.query_one(selector, kind)
        part = self._found[selector]
        assert isinstance(part, kind)
        return part

    def _typed(self) -> NumberAnswer | TextAnswer | None:
        """The typed answer showing, if the question showing is answered by typing."""
        if self.question.kind == "number":
            return self._part("#number-answer", NumberAnswer)
        if self.question.kind == "text":
            return self._part("#text-answer", TextAnswer)
        return None

    def _choices(self) -> AnswerChoices | None:
        """The options showing, if the question showing has options."""
        if self.question.kind not in CHOICE_KINDS:
            return None
        return self._part("#page", AnswerChoices)

    def _show_progress(self) -> None:
        questionnaire = self.questionnaire
        question = self.question
        themes = questionnaire.themes()
        theme = next(t for t in themes if t.id == question.theme)
        position = questionnaire.position(question.id) or 0
        self._part("#position", PositionLine).show_position(
            position, len(questionnaire.asked), questionnaire.given
        )
        self._part("#theme-line", TextLine).show(
            f"{theme.title} · {theme_progress(theme, answered=True)}"
        )
        self._part("#theme-list", ThemeList).show(themes, question.theme)

    # Recording answers ------------------------------------------------------------------

    @on(AnswerChoices.Changed, "#page")
    def _chosen(self, event: AnswerChoices.Changed) -> None:
        """Record the choice, if it was made among the current question's options: a key
        pressed as the screen moved on may reach the options of the question before."""
        question = self.question
        if event.subject != question.id:
            return
        if not event.values:
            self.session.clear(question.id)
        elif question.kind == "multi":
            self.session.answer(question.id, event.values)
        else:
            self.session.answer(question.id, event.values[0])
        self._show_progress()

    def _record_typed(self) -> bool:
        """Record a typed answer; False (with a message shown) if it is not a valid one."""
        typed = self._typed()
        if typed is None:
            return True
        question = self.question
        try:
            value = typed.answer()
        except ValueError:
            typed.box.focus()
            return False
        if value is not None:
            self.session.answer(question.id, value)
        elif self.session.draft.answers.get(question.id) != DONT_KNOW:
            self.session.clear(question.id)
        return True

    def keep_typed(self) -> None:
        """A number or text typed in the box, and not yet entered, is the answer kept; a
        number that is not a valid answer is not, and the answer before it stays. A note
        being written is kept too, as if Enter had been pressed in its window."""
        from consortium_ready.tui.screens.dialogs import NoteDialog

        self._record_typed()
        for dialog in self.app.screen_stack:  # over this screen: its question is still shown
            if isinstance(dialog, NoteDialog):
                self.session.note(self.current, dialog.typed)

    @on(Button.Pressed, "#dont-know")
    def _dont_know(self) -> None:
        self.session.answer(self.current, DONT_KNOW)
        self._move_on()

    def action_dont_know(self) -> None:
        """d: choose "Don't know" among the options, or answer it for a number and move on."""
        choices = self._choices()
        if choices is not None:
            choices.pick([option.value for option in choices.options].index(DONT_KNOW))
        else:
            self._dont_know()

    # Moving about -----------------------------------------------------------------------

    def _move_on(self) -> None:
        """To the next question asked, or to the review after the last."""
        following = self.questionnaire.after(self.current)
        if following is not None:
            self.current = following.id
        else:
            self.app.open_review()

    @on(AnswerChoices.Confirmed, "#page")
    @on(Button.Pressed, "#next-button")
    def action_next(self) -> None:
        if self._record_typed():
            self._move_on()

    @on(Button.Pressed, "#back-button")
    def action_back(self) -> None:
        if self._record_typed():
            earlier = self.questionnaire.before(self.current)
            if earlier is None:
                self.app.open_profile()
            else:
                self.current = earlier.id

    @on(Button.Pressed, "#finish-button")
    def action_finish(self) -> None:
        if self._record_typed():
            self.app.open_review()

    def action_scroll_page(self, lines: int) -> None:
        """↑ ↓ in a box for a typed answer: scroll the page under it by a line."""
        self._part("#page", AnswerChoices).scroll_relative(y=lines, animate=False)

    def action_turn_page(self, pages: int) -> None:
        """Page Up and Page Down in a box for a typed answer: scroll the page under it by
        as much as it shows."""
        page = self._part("#page", AnswerChoices)
        page.scroll_relative(y=pages * page.scrollable_content_region.height, animate=False)

    def action_pick(self, number: int) -> None:
        choices = self._choices()
        if choices is not None:
            choices.pick(number - 1)

    @on(Button.Pressed, "#note-button")
    def action_note(self) -> None:
        from consortium_ready.tui.screens.dialogs import NoteDialog

        question = self.question

        def noted(text: str | None) -> None:
            if text is not None:
                self.session.note(question.id, text)
                self._part("#page", AnswerChoices).show_below(self._note(question.id))

        self.app.push_screen(
            NoteDialog(
                question.text, self.session.draft.notes.get(question.id, ""), question.evidence
            ),
            noted,
        )

    @on(Button.Pressed, "#themes-button")
    def action_themes(self) -> None:
        from consortium_ready.tui.screens.dialogs import ThemeDialog

        self.app.push_screen(
            ThemeDialog(self.questionnaire.themes(), self.question.theme), self._jump_to_theme
        )

    @on(OptionList.OptionSelected, "#theme-list")
    def _theme_clicked(self, event: OptionList.OptionSelected) -> None:
        self._jump_to_theme(event.option.id)

    def _jump_to_theme(self, theme_id: str | None) -> None:
        if theme_id is not None and self._record_typed():
            self.app.open_theme(theme_id)

    def action_case(self, case_id: str | None = None) -> None:
        """Open case study `case_id` (a link was clicked), or the first the question cites."""
        if case_id is None:
            cases = self.session.bank.cases_cited(self.question.cites)
            case_id = cases[0].id if cases else None
        if case_id is not None:
            self.app.open_case(case_id)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self._keys_for is None:
            return True
        options, cases, notes, dont_know = self._keys_for
        applies = {"pick": options, "case": cases, "note": notes, "dont_know": dont_know}
        # A key that does not apply here is shown dimmed rather than dropped, so that the
        # footer keeps the same keys in the same places from one question to the next.
        return True if applies.get(action, True) else None
