"""The first screen: start, carry on, start from the last saved answers, look back, or read.

It paints at once with a welcome, then reads the question bank and the
reports folder in a background thread and offers only the choices that make
sense.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from consortium_ready.tui import guides
from consortium_ready.tui.screens.base import AppScreen
from consortium_ready.tui.widgets.menu import Menu

if TYPE_CHECKING:
    from consortium_ready.store.drafts import Draft
    from consortium_ready.tui.startup import Surroundings

WELCOME = (
    "How ready is your organisation to bid for public-service contracts as part of a consortium?"
)
INTRO = (
    "Answer questions about your organisation and its consortium, one at a time. You get a "
    "score for each theme, any red flags, and a list of things to do, each drawn from what "
    "happened in real consortia. Every answer is saved as soon as you give it."
)


def choice(option_id: str, title: str, detail: str) -> Option:
    return Option(Content.assemble((title, "bold"), "\n", detail), id=option_id)


class StartScreen(AppScreen):
    """Welcome, and the choices that make sense given what is in the reports folder."""

    HELP = guides.START
    HELP_KEYS = guides.START_KEYS

    surroundings: Surroundings | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="start"):
            yield Static(WELCOME, id="welcome", markup=False)
            yield Static(INTRO, id="intro", markup=False)
            yield Static("Getting the questions ready…", id="status", markup=False)

    def on_mount(self) -> None:
        self.call_after_refresh(self.look_around)

    def on_screen_resume(self) -> None:
        if self.surroundings is not None:
            self.look_around()

    @work(thread=True, exclusive=True, group="survey")
    def look_around(self) -> Surroundings:
        """Load the bank (the first time), and read the draft and the saved assessments."""
        from consortium_ready.tui.startup import survey

        app = self.app
        return survey(app.questions, app.seeds, app.reports, app.bank)

    @on(Worker.StateChanged)
    def _looked_around(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "survey" and event.state == WorkerState.SUCCESS:
            self.surroundings = cast("Surroundings", event.worker.result)
            self._offer(self.surroundings)

    def _offer(self, found: Surroundings) -> None:
        from consortium_ready.store.drafts import draft_path
        from consortium_ready.tui.text import shown_path
        from consortium_ready.words import local_date, plural

        self.app.surveyed(found, draft_path(self.app.reports) if found.damaged_draft else None)
        status = self.query_one("#status", Static)
        choices = self._choices()
        highlighted = choices.highlighted_option.id if choices.highlighted_option else None
        choices.clear_options()
        if found.bank is None:
            status.update(
                Content(
                    "The questions could not be loaded, so the questionnaire cannot start. Ask "
                    "whoever looks after your question bank to run `consortium-ready validate` "
                    "and fix what it reports. The first problems were:\n"
                    + "\n".join(f"  {problem}" for problem in found.bank_problems[:5])
                )
            )
            status.add_class("-problem")
            choices.add_option(choice("quit", "Quit", "Close the program."))
            choices.highlighted = 0
            choices.focus()
            return
        status.remove_class("-problem")
        status.update(self._status(found))
        if (draft := self.app.unfinished_draft) is not None:
            choices.add_option(
                choice("resume", "Carry on where you left off", self._draft_summary(draft))
            )
        choices.add_option(
            choice(
                "new",
                "Start a new assessment",
                "Answer the questions about your organisation and its consortium.",
            )
        )
        if (last := found.last) is not None:
            choices.add_option(
                choice(
                    "previous",
                    "Start from your last saved assessment",
                    f"{last.profile.organisation}, {local_date(last.created)}: the answers are "
                    "filled in, so you change only what has changed.",
                )
            )
        if found.saved:
            choices.add_option(
                choice(
                    "history",
                    "Look at saved assessments",
                    f"{plural(found.saved, 'assessment')} saved in {shown_path(self.app.reports)}.",
                )
            )
        if found.saved > 1:
            choices.add_option(
                choice(
                    "consortium",
                    "See partners' assessments together",
                    "A consortium's partners: where they stand, and where they disagree.",
                )
            )
        choices.add_option(
            choice(
                "cases",
                "Read the case studies",
                f"The {len(found.bank.cases)} real consortia the questions are built on.",
            )
        )
        choices.add_option(
            choice("quit", "Quit", "Close the program. Your answers are saved as you go.")
        )
        offered = [option.id for option in choices.options]
        choices.highlighted = offered.index(highlighted) if highlighted in offered else 0
        choices.focus()

    def _choices(self) -> OptionList:
        """The list of choices, and the keys below, added once there is something to choose."""
        found = self.query("#choices")
        if found:
            return found.first(OptionList)
        choices = Menu(id="choices")
        self.query_one("#start").mount(choices)
        self.mount(Footer(show_command_palette=False))
        return choices

    def _status(self, found: Surroundings) -> Content:
        from consortium_ready.tui.text import shown_path

        lines = ["Choose what to do: use the arrow keys and press Enter, or click."]
        if found.damaged_draft is not None:
            lines.append(
                f"An unfinished assessment was found but cannot be read "
                f"({found.damaged_draft.message}). It stays in "
                f"{shown_path(found.damaged_draft.file)}; if you start a new assessment "
                "it is kept under another name, so someone can look at it."
            )
        if found.skipped:
            lines.append(
                f"{len(found.skipped)} files in the reports folder are not saved "
                "assessments that this version can read; they were left alone."
            )
        return Content("\n".join(lines))

    def _draft_summary(self, draft: Draft) -> str:
        from consortium_ready.session.session import draft_summary

        bank = self.surroundings.bank if self.surroundings else None
        return draft_summary(bank, draft)

    @on(OptionList.OptionSelected, "#choices")
    async def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == "quit":
            await self.app.action_quit()
            return
        actions = {
            "resume": self.resume,
            "new": self.start_new,
            "previous": self.start_from_previous,
            "history": self.app.open_history,
            "consortium": self.app.open_consortium,
            "cases": self.app.open_case,
        }
        actions[event.option.id or ""]()

    def resume(self) -> None:
        self.app.resume()

    def start_new(self) -> None:
        self.app.start_new()

    def start_from_previous(self) -> None:
        assert self.surroundings is not None and self.surroundings.last is not None
        self.app.start_from(self.surroundings.last)
