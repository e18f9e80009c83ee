"""The real consortia the questions are built on: who, how, what happened, what they learnt."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from consortium_ready.domain.bank import Bank
from consortium_ready.domain.sources import CaseStudy
from consortium_ready.tui import guides
from consortium_ready.tui.screens.base import Overlay
from consortium_ready.tui.text import literal

ITEM_GROUPS = {
    "lesson": "Lessons they learnt",
    "challenge": "Challenges they met",
    "benefit": "What it brought them",
    "support": "Help they had",
    "fact": "How it worked",
}


def _facts(case: CaseStudy) -> Content:
    rows = [
        ("Area", case.area),
        ("Model", case.model),
        ("Lead body", case.lead_body),
        ("Agreement", case.agreement.kind),
        ("Outcome", case.outcome.kind),
    ]
    return Content("\n").join(
        Content.assemble((f"{label}: ", "bold"), literal(value)) for label, value in rows
    )


def _items(items: Iterable[Content]) -> Static:
    """A list, one item a line behind a bullet, in one widget: a widget for each item made
    a consortium's story hundreds of widgets, and its screen slow to open."""
    lines = Content("\n").join(Content.assemble("• ", item) for item in items)
    return Static(lines, classes="item")


def case_widgets(case: CaseStudy, bank: Bank) -> Iterator[Widget]:
    """One consortium's story, in the order a reader wants it."""
    yield Static(literal(case.name), classes="title")
    yield Static(_facts(case), classes="facts")
    yield Static(literal(case.summary))
    yield Static("How it began", classes="heading")
    yield Static(literal(case.origin))
    yield Static("Partners", classes="heading")
    yield _items(
        Content.assemble(
            (partner.name, "bold"),
            literal(f" ({partner.sector})" + (f": {partner.role}" if partner.role else "")),
        )
        for partner in case.partners
    )
    yield Static(f"Agreement: {case.agreement.kind}", classes="heading", markup=False)
    yield Static(literal(case.agreement.summary))
    yield Static(f"Outcome: {case.outcome.kind}", classes="heading", markup=False)
    yield Static(literal(case.outcome.summary))
    for kind, heading in ITEM_GROUPS.items():
        items = [item for item in case.items if item.kind == kind]
        if items:
            yield Static(heading, classes="heading")
            yield _items(literal(item.text) for item in items)
    citing = bank.citing(case.id)
    titles = bank.theme_titles
    yield Static(f"Questions that draw on {case.name}", classes="heading", markup=False)
    if citing:
        yield _items(
            Content.assemble(literal(question.text), " ", (f"({titles[question.theme]})", "dim"))
            for question in citing
        )
    else:
        yield Static("None in this question bank.", classes="hint")


class CaseStudiesScreen(Overlay):
    """One tab per consortium."""

    CSS_PATH = "casestudies.tcss"
    HELP = guides.CASE_STUDIES
    HELP_KEYS = guides.CASE_STUDIES_KEYS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "previous_case", "Previous consortium", show=False, priority=True),
        Binding(
            "right",
            "next_case",
            "Next consortium",
            key_display="← →",
            priority=True,
            id="next-case",
        ),
    ]

    def __init__(self, case_id: str | None = None) -> None:
        super().__init__()
        self._initial = case_id

    def compose(self) -> ComposeResult:
        bank = self.bank
        yield Header()
        yield Static(
            "Read how real consortia worked. Left and right arrows (or a click) change "
            "consortium; Escape goes back.",
            id="cases-hint",
            classes="hint",
        )
        initial = self._initial or bank.cases[0].id
        with TabbedContent(initial=initial, id="cases"):
            for case in bank.cases:
                with TabPane(literal(case.area), id=case.id), VerticalScroll(classes="case"):
                    if case.id == initial:
                        yield from case_widgets(case, bank)
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(f"#{self.query_one(TabbedContent).active} .case").focus()

    @on(TabbedContent.TabActivated)
    def _tell(self, event: TabbedContent.TabActivated) -> None:
        """Tell a consortium's story the first time its tab is shown: the screen opens with
        only the one it opened at (each story is a few dozen widgets)."""
        story = event.pane.query_one(".case", VerticalScroll)
        if not story.children and event.pane.id is not None:
            story.mount_all(case_widgets(self.bank.case(event.pane.id), self.bank))

    def _step(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        ids = [case.id for case in self.bank.cases]
        tabs.active = ids[(ids.index(tabs.active) + step) % len(ids)]
        self.query_one(f"#{tabs.active} .case").focus()

    def action_previous_case(self) -> None:
        self._step(-1)

    def action_next_case(self) -> None:
        self._step(1)
