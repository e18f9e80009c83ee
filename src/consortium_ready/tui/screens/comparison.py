"""What changed between two saved assessments: scores, red flags, actions, answers, questions.

The history screen makes the comparison in a worker (compare.compare); this
screen lays it out. The earlier assessment is "before", the later "after".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Footer, Header, Static

from consortium_ready.domain.organisations import same_organisation
from consortium_ready.tui import guides
from consortium_ready.tui.screens.base import Overlay
from consortium_ready.tui.text import literal
from consortium_ready.tui.widgets.bars import Bar, ThemeBars, change_text
from consortium_ready.words import verdict

if TYPE_CHECKING:
    from consortium_ready.domain.compare import Comparison


def _runs(c: Comparison) -> Iterator[Widget]:
    """Whose assessments, when (and with which bank, if it changed), and compare's notes."""
    same = same_organisation(c.old.organisation, c.new.organisation)
    yield Static(
        Content.assemble("What changed: ", literal(c.organisation))
        if same
        else Content("What changed between two organisations"),
        classes="title",
    )
    yield Static(
        Content("\n").join(
            Content.assemble(
                (f"{label}:".ljust(8), "bold"),
                literal(
                    ("" if same else f"{run.organisation}, ")
                    + run.date
                    + ("" if c.old.bank == c.new.bank else f" ({run.bank})")
                ),
            )
            for label, run in (("Before", c.old), ("After", c.new))
        ),
        id="runs",
    )
    for note in c.notes:
        yield Static(Content.assemble(("Note: ", "bold"), literal(note)), classes="note")


def _scores(c: Comparison) -> Iterator[Widget]:
    overall = c.overall
    yield Static("Overall", classes="heading")
    yield Static(
        Content.assemble(
            literal(verdict(overall.band_before, overall.before)),
            " → ",
            literal(verdict(overall.band_after, overall.after)),
            "  ",
            (change_text(overall.change), "bold"),
        ),
        id="overall",
    )
    yield Static("Readiness by theme", classes="heading")
    yield Static(
        "Each theme's score before → after, its band now, and the change: ▲ up, "
        "▼ down, = the same.",
        classes="hint",
    )
    yield ThemeBars(
        [
            Bar(theme.title, theme.after, theme.band_after, theme.change, theme.before)
            for theme in c.themes
        ],
        id="bars",
    )


def _bullets(items: Iterable[Content]) -> Static:
    return Static(
        Content("\n").join(Content.assemble("• ", item) for item in items), classes="items"
    )


def _listed(title: str, items: list[str]) -> Iterator[Widget]:
    """`Cleared (2)` over a bullet each, or `Raised (0): none`."""
    yield Static(
        f"{title} ({len(items)})" + ("" if items else ": none"), classes="group", markup=False
    )
    if items:
        yield _bullets(literal(item) for item in items)


def _flags_and_actions(c: Comparison) -> Iterator[Widget]:
    yield Static("Red flags", classes="heading")
    for title, flags in c.flag_groups:
        yield from _listed(title, flags)
    yield Static("Actions", classes="heading")
    for title, actions in c.action_groups:
        yield from _listed(title, [action.line for action in actions])


def _answer(words: str, score: int | None) -> Content:
    """`Agreed verbally (25)`; a question that is not scored has no number."""
    return literal(words if score is None else f"{words} ({score})")


def _answers(c: Comparison) -> Iterator[Widget]:
    yield Static(
        f"Answers that changed ({len(c.answers)})" + ("" if c.answers else ": none"),
        classes="heading",
    )
    for answer in c.answers:
        before, after = answer.score_before, answer.score_after
        moved = change_text(after - before) if before is not None and after is not None else ""
        yield Static(literal(answer.question, "bold"), classes="question")
        yield Static(
            Content.assemble(
                _answer(answer.before, before),
                " → ",
                _answer(answer.after, after),
                f"  {moved}".rstrip(),
            ),
            classes="answer",
        )


def _questions(c: Comparison) -> Iterator[Widget]:
    """The questions only one run holds; compare's notes say when the bank changed."""
    for title, questions in c.question_groups:
        yield Static(f"{title} ({len(questions)})", classes="heading", markup=False)
        yield _bullets(
            Content.assemble(
                literal(question.text or question.id),
                (f" ({question.id})" if question.text else " (no longer in the bank)", "dim"),
            )
            for question in questions
        )


class ComparisonScreen(Overlay):
    """Two saved assessments compared; it scrolls, and Escape goes back to the list."""

    CSS_PATH = "comparison.tcss"
    HELP = guides.COMPARISON
    HELP_KEYS = guides.COMPARISON_KEYS

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="comparison"):
            for section in (_runs, _scores, _flags_and_actions, _answers, _questions):
                yield from section(self.comparison)
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#comparison").focus()
