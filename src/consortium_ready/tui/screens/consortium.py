"""A consortium's partners together: the same picture as the consortium report, in tabs.

The grid puts partners against themes; Enter (or a click) on a partner's row
opens its own assessment. Then the themes' middle, lowest and highest, the
disagreements (contradictions first), the flags, and who answered.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerState

from consortium_ready.domain.profilefields import ROLES, STAGES
from consortium_ready.reports.consortium import (
    LESSONS_SHOWN,
    ConsortiumView,
    DisagreementView,
    FlagView,
    consortium_view,
)
from consortium_ready.tui import guides
from consortium_ready.tui.screens.base import Overlay
from consortium_ready.tui.text import literal
from consortium_ready.words import score_number

if TYPE_CHECKING:
    from consortium_ready.domain.assessment import Assessment
    from consortium_ready.domain.consortium import Cell, Consortium, ThemeSpread

NAME_WIDTH = 17
THEME_WIDTH = 34
TONE_STYLES = ("bold green", "bold cyan", "bold yellow", "bold red")
"""Each band's tone (see reports.view.band_tone) in the terminal's own colours."""


def _bullets(lines: Iterator[Content]) -> Content:
    return Content("\n").join(Content.assemble("• ", line) for line in lines)


def _lessons(view: DisagreementView | FlagView) -> Iterator[Content]:
    for citation in view.citations[:LESSONS_SHOWN]:
        yield literal(f"{citation.case}: {citation.text}", "dim")


def disagreement_text(number: int, d: DisagreementView) -> Content:
    """One disagreement: what kind, the question, each answer and who gave it, the lessons."""
    lines = [
        Content.assemble(
            (f"{number}. {d.heading}", "bold"), " · " if d.theme else "", literal(d.theme or "")
        ),
        literal(d.subject, "bold"),
        _bullets(
            Content.assemble(
                literal(f"“{p.answer}”", "bold"), f" ({len(p.names.all)}): ", literal(p.names.words)
            )
            for p in d.positions
        ),
    ]
    if d.dont_know_words:
        lines.append(literal(f"{d.dont_know_words}: {d.dont_know.words}", "italic"))
    lines += _lessons(d)
    return Content("\n").join(lines)


def flag_text(number: int, f: FlagView) -> Content:
    """One flag: what it is, why it matters (for the consortium's own), and who it concerns."""
    lines = [literal(f"{number}. {f.title}", "bold")]
    if f.explain:
        lines.append(literal(f.explain))
    lines += [literal(line) for line in f.details]
    if f.positions:
        lines.append(
            _bullets(
                Content.assemble(literal(f"“{p.answer}”", "bold"), ": ", literal(p.names.words))
                for p in f.positions
            )
        )
    if f.caps:
        if f.raised.all:
            lines.append(literal(f"Raised by {len(f.raised.all)}: {f.raised.words}"))
        if f.unknown.all:
            title = f.unknown_title or "Could not rule it out"
            lines.append(literal(f"{title}: {len(f.unknown.all)}: {f.unknown.words}"))
        lines.append(
            literal(f"Holds each of these partners' result at {f.caps} or below.", "italic")
        )
    elif f.raised.all:
        lines.append(literal(f"Expecting to lead: {f.raised.words}"))
    lines += _lessons(f)
    return Content("\n").join(lines)


def _cell(cell: Cell | None, tone: int | None) -> Text:
    if cell is None:
        return Text("  – ", style="dim")
    if cell.score is None:
        return Text("  ? ", style="dim")
    style = TONE_STYLES[tone] if tone is not None and tone < len(TONE_STYLES) else ""
    return Text(f"{score_number(cell.score):>3} ", style=style)


def _short(name: str, width: int = NAME_WIDTH) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


TABS = {
    "grid-tab": ("g", "Grid"),
    "themes-tab": ("t", "Themes"),
    "disagreements-tab": ("d", "Disagreements"),
    "flags-tab": ("f", "Flags"),
    "who-tab": ("w", "Who answered"),
}


class ConsortiumScreen(Overlay):
    """The partners together; Escape goes back to choosing them."""

    CSS_PATH = "consortium.tcss"
    HELP = guides.CONSORTIUM
    HELP_KEYS = guides.CONSORTIUM_KEYS
    BINDINGS: ClassVar[list[BindingType]] = [
        *Overlay.BINDINGS,
        *(Binding(key, f"tab('{tab}')", words, id=tab) for tab, (key, words) in TABS.items()),
    ]

    def __init__(self, consortium: Consortium, paths: list[Path]) -> None:
        super().__init__()
        self.consortium, self.paths = consortium, paths
        """`paths[member.index]` is where each member's assessment was read from."""

    def compose(self) -> ComposeResult:
        self.view = view = consortium_view(self.consortium, self.bank)
        disagreements, flags = view.disagreements.all, view.consortium_flags + view.flags.all
        yield Header()
        yield Static(literal(view.title), id="consortium-title", classes="title")
        with TabbedContent(id="consortium-tabs"):
            with TabPane("Grid", id="grid-tab"):
                yield DataTable(id="grid", cursor_type="cell", cell_padding=0, fixed_columns=1)
                yield Static("", id="cell-note", markup=False)
            with TabPane("Themes", id="themes-tab"):
                yield DataTable(id="themes", cursor_type="row", zebra_stripes=True)
            with TabPane(f"Disagreements {len(disagreements)}", id="disagreements-tab"):
                yield VerticalScroll(*self._disagreements(view), classes="items")
            with TabPane(f"Flags {len(flags)}", id="flags-tab"):
                yield VerticalScroll(*self._flags(view), classes="items")
            with TabPane("Who answered", id="who-tab"):
                yield VerticalScroll(*self._who(view), classes="items")
        yield Footer(show_command_palette=False)

    def action_tab(self, tab: str) -> None:
        """Show a tab, and put the keys in it."""
        self.query_one("#consortium-tabs", TabbedContent).active = tab
        pane = self.query_one(f"#{tab}", TabPane)
        pane.query("DataTable, VerticalScroll").first().focus()

    def on_mount(self) -> None:
        self._fill_grid()
        self._fill_themes()
        self.query_one("#grid", DataTable).focus()

    # The grid ----------------------------------------------------------------------

    def _fill_grid(self) -> None:
        c, bank = self.consortium, self.bank

        def tone(band: str | None) -> int | None:
            from consortium_ready.reports.view import band_tone

            return band_tone(bank, band)

        grid = self.query_one("#grid", DataTable)
        grid.add_column(Text("Partner".ljust(NAME_WIDTH + 2), style="bold"), key="partner")
        for number, theme in enumerate(c.themes, start=1):
            grid.add_column(Text(f"{number:>3} ", style="bold"), key=theme.id)

        def row_cells(index: int) -> list[Cell | None]:
            return [theme.cells[index] for theme in c.themes]

        for index, member in enumerate(c.members):
            star = "★" if member.role == "lead" else " "
            grid.add_row(
                Text(f"{_short(member.label):<{NAME_WIDTH}}{star} "),
                *(_cell(cell, tone(cell.band if cell else None)) for cell in row_cells(index)),
                key=str(index),
            )
        middles = [
            _cell(_middle(t), tone(bank.band(t.middle).id) if t.middle is not None else None)
            for t in c.themes
        ]
        grid.add_row(Text("Middle".ljust(NAME_WIDTH + 2), style="bold"), *middles, key="middle")

    @on(DataTable.CellHighlighted, "#grid")
    def _highlighted(self, event: DataTable.CellHighlighted) -> None:
        self.query_one("#cell-note", Static).update(
            self._cell_words(event.coordinate.row, event.coordinate.column)
        )

    def _cell_words(self, row: int, column: int) -> str:
        """What the highlighted cell means, in words, and what Enter does there."""
        c, bank = self.consortium, self.bank
        theme = c.themes[column - 1] if column > 0 else None
        if row >= len(c.members):
            if theme is None:
                return "The middle of the partners' scores for each theme."
            low = f"lowest {score_number(theme.lowest)} ({', '.join(theme.lowest_members[:3])})"
            return (
                f"{column}. {theme.title}: middle {score_number(theme.middle)}, {low}, "
                f"highest {score_number(theme.highest)}; {score_number(theme.unknown)}% unknown."
            )
        member = c.members[row]
        role, stage = ROLES[member.role], STAGES[member.stage].lower()
        opens = f" Enter opens {member.label}'s assessment."
        if theme is None:
            result = f"{bank.band_label(member.band)}, {score_number(member.overall)}"
            return f"{member.label}: {role}, {stage}; its own result {result}." + opens
        cell = theme.cells[row]
        if cell is None:
            words = "does not apply to it"
        elif cell.score is None:
            words = f"not enough known to score ({score_number(cell.unknown)}% unknown)"
        else:
            words = (
                f"{score_number(cell.score)}, {bank.band_label(cell.band)}"
                f" ({score_number(cell.unknown)}% unknown)"
            )
        return f"{member.label} · {column}. {theme.title}: {words}." + opens

    @on(DataTable.CellSelected, "#grid")
    def _chosen(self, event: DataTable.CellSelected) -> None:
        row = event.coordinate.row
        if row < len(self.consortium.members):
            self.open_partner(self.paths[self.consortium.members[row].index])

    @work(thread=True, exclusive=True, group="open")
    def open_partner(self, path: Path) -> tuple[Path, Assessment | None]:
        from consortium_ready.store.history import loaded
        from consortium_ready.store.saved import load_assessment

        return path, loaded(lambda: load_assessment(path))

    @on(Worker.StateChanged)
    def _opened(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "open" or event.state != WorkerState.SUCCESS:
            return
        from consortium_ready.tui.screens.result import SavedResultScreen

        path, assessment = cast("tuple[Path, Assessment | None]", event.worker.result)
        if assessment is None:
            self.notify(f"{path} can no longer be read.", severity="error", markup=False)
        else:
            self.app.push_screen(SavedResultScreen(path, assessment, None))

    # The other tabs ----------------------------------------------------------------

    def _fill_themes(self) -> None:
        table = self.query_one("#themes", DataTable)
        table.add_columns("Theme", "Middle", "Lowest", "Highest", "Unknown", "Lowest partner")
        for row in self.view.themes:
            table.add_row(
                Text(_short(f"{row.number}. {row.title}", THEME_WIDTH)),
                Text(f"{score_number(row.middle):>6}"),
                Text(f"{score_number(row.lowest):>6}"),
                Text(f"{score_number(row.highest):>7}"),
                Text(f"{score_number(row.unknown):>6}%"),
                Text(row.lowest_names.words),
            )

    def _disagreements(self, view: ConsortiumView) -> Iterator[Widget]:
        yield Static(
            "Contradictions on facts first, then answers and theme bands two or more levels "
            "apart; the most important first.",
            classes="hint",
        )
        for number, d in enumerate(view.disagreements.all, start=1):
            yield Static(disagreement_text(number, d), classes=f"item kind-{d.kind}")
        if not view.disagreements.all:
            yield Static(
                "The partners agree: no fact is contradicted and no answers are far apart."
            )

    def _flags(self, view: ConsortiumView) -> Iterator[Widget]:
        yield Static("On the consortium as a whole", classes="heading")
        for number, f in enumerate(view.consortium_flags, start=1):
            yield Static(flag_text(number, f), classes="item")
        if not view.consortium_flags:
            yield Static("None: one partner expects to lead, and the partners agree with it.")
        yield Static("Red flags raised by partners", classes="heading")
        for number, f in enumerate(view.flags.all, start=1):
            yield Static(flag_text(number, f), classes="item")
        if not view.flags.all:
            yield Static("No partner raised a red flag.")

    def _who(self, view: ConsortiumView) -> Iterator[Widget]:
        yield Static(_bullets(literal(line) for line in view.summary))
        for note in [*view.notes, *view.coverage]:
            yield Static(literal(note), classes="note")
        if view.not_answered.all:
            yield Static(literal(f"Not answered yet: {view.not_answered.words}"), classes="note")
        for line in view.skipped:
            yield Static(literal(f"Left out: {line}"), classes="note")
        yield Static("Each partner's assessment, as used here", classes="heading")
        yield Static(
            _bullets(
                Content.assemble(
                    literal(m.label + (" ★" if m.lead else ""), "bold"),
                    " — ",
                    literal(f"{m.role}, {m.stage}, {m.date}: {m.result}"),
                    " " if m.note else "",
                    literal(f"({m.note})" if m.note else "", "dim"),
                )
                for m in view.members.all
            )
        )


def _middle(theme: ThemeSpread) -> Cell | None:
    """The middle of the partners' scores as a cell of the grid."""
    from consortium_ready.domain.consortium import Cell

    if theme.middle is None:
        return None
    return Cell(score=theme.middle, band=None, unknown=theme.unknown)
