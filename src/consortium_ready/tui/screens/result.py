"""The result: overall band, red flags apart, theme bars with the change since last time, actions.

`ResultScreen` shows the assessment being worked on and saves it; `SavedResultScreen`
shows one saved earlier, opened from the list of saved assessments.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Button, Header, Static
from textual.worker import Worker, WorkerState

from consortium_ready.reports.view import report_view
from consortium_ready.tui import guides
from consortium_ready.tui.screens.actions import ActionsScreen
from consortium_ready.tui.screens.base import Overlay, WorkScreen, foot
from consortium_ready.tui.screens.dialogs import ConfirmDialog
from consortium_ready.tui.text import literal, shown_path
from consortium_ready.tui.widgets.bars import Bar, ThemeBars
from consortium_ready.words import local_date, plural, verdict

if TYPE_CHECKING:
    from consortium_ready.domain.assessment import Assessment
    from consortium_ready.domain.bank import Bank
    from consortium_ready.reports.saving import Made
    from consortium_ready.store.saved import Saved

TOP_ACTIONS = 5
DOWNLOADS = (".html",)
"""The reports a browser user is offered as downloads: the full report, to print or send."""


class ResultReport(VerticalScroll):
    """Everything the result says, laid out to scroll: the same content as the saved reports."""

    def __init__(self, bank: Bank, assessment: Assessment) -> None:
        super().__init__(id="report")
        self.bank, self.assessment = bank, assessment
        self.result = assessment.result
        self.view = report_view(assessment, bank)

    def compose(self) -> ComposeResult:
        view = self.view
        headline = verdict(view.overall_band, view.overall_score)
        if view.overall_score is None:
            headline += ": no question was answered"
        yield Static(Content.assemble(literal(view.organisation), " — ", headline), classes="title")
        if view.overall_meaning:
            yield Static(literal(view.overall_meaning))
        if view.capped_from:
            yield Static(
                f"Your answers average {view.overall_score:.0f} ({view.capped_from}), "
                f"but the red flags below hold the overall band at "
                f"{view.overall_band}.",
                classes="capped",
                markup=False,
            )
        yield Static(self._coverage(), classes="hint", markup=False)
        yield from self._flags()
        yield Static("Readiness by theme", classes="heading")
        yield Static("", id="change-note", classes="hint", markup=False)
        yield ThemeBars(self._bars({}), id="bars")
        yield from self._actions()

    def _coverage(self) -> str:
        view = self.view
        gaps = [
            f'{view.dont_know} answered "don\'t know"' if view.dont_know else "",
            f"{view.unanswered} not answered" if view.unanswered else "",
        ]
        gaps = [gap for gap in gaps if gap]
        counted = f"; {' and '.join(gaps)}, counted as gaps" if gaps else ""
        return (
            f"Based on {plural(view.asked, 'scored question')}: {view.answered} answered"
            f"{counted}. {view.unknown_words}".rstrip()
        )

    def _flags(self) -> Iterator[Widget]:
        flags = self.view.flags
        yield Static(f"Red flags ({len(flags)})" if flags else "No red flags", classes="heading")
        for flag in flags:
            yield Static(
                Content.assemble(("! RED FLAG  ", "bold"), (flag.title, "bold")),
                classes="flag-title",
            )
            yield Static(literal(flag.explain))
            yield Static(
                Content.assemble(("What to do: ", "bold"), literal(flag.action)),
                classes="flag-action",
            )

    def _actions(self) -> Iterator[Widget]:
        actions = self.view.actions
        if not actions:
            return
        yield Static("What to do first", classes="heading")
        for action in actions[:TOP_ACTIONS]:
            yield Static(
                Content.assemble((f"{action.rank}. ", "bold"), literal(action.text)),
                classes="action",
            )
            yield Static(literal(action.reason), classes="hint reason")
            tracked = Static(
                action.tracked_words, id=f"tracked-{action.rank}", classes="tracked", markup=False
            )
            tracked.display = bool(action.tracked_words)
            yield tracked
            for citation in action.citations:
                yield Static(
                    Content.assemble(
                        "From ",
                        (citation.case, "italic"),
                        f" ({citation.kind}): ",
                        literal(citation.text),
                    ),
                    classes="lesson",
                )
            if action.evidence:
                yield Static(
                    Content.assemble("A commissioner may ask to see: ", literal(action.evidence)),
                    classes="lesson",
                )
        if len(actions) > TOP_ACTIONS:
            yield Static(f"The saved report lists all {len(actions)} actions.", classes="hint")

    def retrack(self, assessment: Assessment) -> None:
        """Show the owners, dates and statuses set since the report was laid out."""
        self.view = report_view(assessment, self.bank)
        for action in self.view.top_actions:
            tracked = self.query_one(f"#tracked-{action.rank}", Static)
            tracked.update(action.tracked_words)
            tracked.display = bool(action.tracked_words)

    def _bars(self, changes: dict[str, int | None]) -> list[Bar]:
        return [
            Bar(
                theme.title,
                theme.score,
                theme.band_label,
                changes.get(theme.id),
                unknown=theme.unknown if theme.counted else None,
            )
            for theme in self.result.themes
        ]

    async def show_previous(self, previous: Assessment | None) -> None:
        """Redraw the bars with the change since `previous` (same organisation, saved earlier)."""
        from consortium_ready.domain.compare import compare

        if previous is None:
            return
        changes = {
            theme.id: theme.change for theme in compare(previous, self.assessment, self.bank).themes
        }
        note = self.query_one("#change-note", Static)
        note.update(
            f"Change since your assessment of {local_date(previous.created)}: ▲ up, ▼ down."
        )
        note.display = True
        await self.query_one("#bars", ThemeBars).remove()
        await self.mount(ThemeBars(self._bars(changes), id="bars"), after="#change-note")


def result_page(report: ResultReport, line: str, buttons: list[Button]) -> ComposeResult:
    """The report, and below it a line about saving and the buttons (the last on the right)."""
    yield Header()
    yield report
    yield from foot(buttons[:-1], buttons[-1:], Static(line, id="saved-line", markup=False))


class ResultScreen(WorkScreen):
    """The result of the assessment being worked on; saving writes the same files as `assess`."""

    CSS_PATH = "result.tcss"
    HELP = guides.RESULT + guides.SAVE
    HELP_KEYS = guides.RESULT_KEYS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "save", "Save", id="save"),
        Binding("a", "actions", "Owners and dates", id="actions"),
        Binding("c", "cases", "Case studies", id="cases"),
        Binding("escape", "back", "Back", id="back"),
    ]

    saved: var[Saved | None] = var(None, init=False)

    def __init__(self, save_now: bool = False) -> None:
        super().__init__()
        from consortium_ready.domain.assessment import assess

        self._save_now = save_now
        self._answer_set = self.session.answer_set()
        self._assessment = assess(self.session.bank, self._answer_set, now=self.app.clock())
        self._saved_as = self._assessment
        self._previous: Assessment | None = None

    def compose(self) -> ComposeResult:
        yield from result_page(
            ResultReport(self.session.bank, self._assessment),
            "Press s to save the assessment and its reports.",
            [
                Button("Back", id="back-button"),
                Button("Case studies", id="cases-button"),
                Button("Save the assessment", id="save-button", variant="primary"),
            ],
        )

    def on_mount(self) -> None:
        self.query_one(ResultReport).focus()
        self.find_previous()
        if self._save_now:
            self.action_save()

    @work(thread=True, group="previous")
    def find_previous(self) -> Assessment | None:
        from consortium_ready.store.history import last_saved

        return last_saved(self.app.reports, self._answer_set.profile.organisation)

    @on(Button.Pressed, "#save-button")
    def action_save(self) -> None:
        coverage = self._assessment.result.coverage
        if self.saved is not None:
            self.notify(f"Already saved as {shown_path(self.saved.json)}.", markup=False)
        elif any(w.node is self and w.group == "save" and not w.is_finished for w in self.workers):
            return  # s pressed again while saving: one assessment is saved, not two
        elif coverage.unanswered:
            question = (
                f"{coverage.unanswered} of {plural(coverage.asked, 'question')} "
                "are not answered yet. Save this as a partial assessment? It will be marked "
                "partial in history and in its report, and starting again from your last "
                "assessment will use your last complete one."
            )
            self.app.push_screen(
                ConfirmDialog(question, yes="Save as partial", no="Keep answering"),
                callback=self._save_if,
            )
        else:
            self.save()

    def _save_if(self, confirmed: bool | None) -> None:
        if confirmed:
            self.save()

    @work(thread=True, exclusive=True, group="save", exit_on_error=False)
    def save(self) -> Made:
        """Save the assessment shown, dated now, exactly as the `assess` command does."""
        from consortium_ready.reports.saving import assess_and_save

        return assess_and_save(
            self.session.bank, self._answer_set, self.app.reports, self.app.clock()
        )

    @on(Worker.StateChanged)
    async def _worked(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == "previous" and event.state == WorkerState.SUCCESS:
            await self.query_one(ResultReport).show_previous(worker.result)
        elif worker.group == "save" and event.state == WorkerState.SUCCESS:
            made = cast("Made", worker.result)
            self._saved_as, self._previous = made.assessment, made.previous
            self.saved = made.saved
        elif worker.group == "save" and event.state == WorkerState.ERROR:
            self._save_failed(worker.error)

    def watch_saved(self, saved: Saved | None) -> None:
        if saved is None:
            return
        self.app.draft_saved_as_assessment()
        stem = saved.json.stem
        names = [saved.json.name]
        names += [path.suffix if path.stem == stem else path.name for path in saved.reports]
        line = self.query_one("#saved-line", Static)
        line.add_class("-saved")
        line.update(
            f"Saved in {saved.json.parent.absolute()}\n"
            f"as {', '.join(names[:-1])} and {names[-1]}.\n"
            "The .html and .md files are the report, to read, print or email."
        )
        button = self.query_one("#save-button", Button)
        button.label, button.disabled = "Saved", True
        self.refresh_bindings()
        if self.app.is_web:  # in a browser, offer the reports as downloads too
            for path in saved.reports:
                if path.suffix in DOWNLOADS:
                    name = f"{saved.json.parent.name}-{path.name}"
                    self.app.deliver_text(path, save_filename=name)

    def _save_failed(self, error: BaseException | None) -> None:
        if not isinstance(error, OSError):
            raise error or RuntimeError("saving failed")
        self.notify(
            f"The assessment could not be saved in {shown_path(self.app.reports)}: "
            f"{error.strerror or error}. Your answers are still here; choose another "
            "folder to save in.",
            title="Not saved",
            severity="error",
            timeout=20,
            markup=False,
        )
        self.app.choose_folder(then=self.save)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Owners and dates are set on a saved assessment: that key shows, and Save goes, once
        it is saved."""
        if action in ("actions", "save"):
            return (self.saved is not None) == (action == "actions")
        return True

    def action_actions(self) -> None:
        if self.saved is not None:
            self.app.push_screen(
                ActionsScreen(self.saved.json, self._saved_as, self._previous, self._retracked)
            )

    def _retracked(self, assessment: Assessment) -> None:
        self._saved_as = assessment
        self.query_one(ResultReport).retrack(assessment)

    @on(Button.Pressed, "#cases-button")
    def action_cases(self) -> None:
        self.app.open_case()

    @on(Button.Pressed, "#back-button")
    def action_back(self) -> None:
        self.app.open_review()


class SavedResultScreen(Overlay):
    """A saved assessment, as it was scored then, with the change since the one before it."""

    CSS_PATH = "result.tcss"
    HELP = guides.RESULT + guides.START_FROM
    HELP_KEYS = guides.SAVED_RESULT_KEYS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "start_from", "Start from these answers", id="start-from"),
        Binding("a", "actions", "Owners and dates", id="actions"),
    ]

    def __init__(self, path: Path, assessment: Assessment, previous: Assessment | None) -> None:
        super().__init__()
        self.path, self.assessment, self.previous = path, assessment, previous

    def compose(self) -> ComposeResult:
        yield from result_page(
            ResultReport(self.bank, self.assessment),
            f"Saved on {local_date(self.assessment.created)} as {shown_path(self.path)}.",
            [
                Button("Back", id="back-button"),
                Button("Start from these answers", id="start-from-button", variant="primary"),
            ],
        )

    async def on_mount(self) -> None:
        report = self.query_one(ResultReport)
        report.focus()
        await report.show_previous(self.previous)

    @on(Button.Pressed, "#back-button")
    def _back(self) -> None:
        self.dismiss()

    def action_actions(self) -> None:
        self.app.push_screen(
            ActionsScreen(self.path, self.assessment, self.previous, self._retracked)
        )

    def _retracked(self, assessment: Assessment) -> None:
        self.assessment = assessment
        self.query_one(ResultReport).retrack(assessment)

    @on(Button.Pressed, "#start-from-button")
    def action_start_from(self) -> None:
        self.app.start_from(self.assessment)
