"""The first screen: start, carry on, start from the last saved answers, look back, or read.

It paints at once with a welcome. A first look at the reports folder offers the choices
that make sense; the question bank and the draft are then read in a background thread,
and the choices brought up to date. A choice made before that has finished is carried
out as soon as it has.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from consortium_ready.collector import resume_once_started
from consortium_ready.tui import guides
from consortium_ready.tui.screens.base import AppScreen
from consortium_ready.tui.styles import read_ahead
from consortium_ready.tui.widgets.menu import Menu

if TYPE_CHECKING:
    from consortium_ready.store.drafts import Draft
    from consortium_ready.store.history import Scan
    from consortium_ready.tui.glance import Glance
    from consortium_ready.tui.startup import Surroundings

WELCOME = (
    "How ready is your organisation to bid for public-service contracts as part of a consortium?"
)
INTRO = (
    "Answer questions about your organisation and its consortium, one at a time. You get a "
    "score for each theme, any red flags, and a list of things to do, each drawn from what "
    "happened in real consortia. Every answer is saved as soon as you give it."
)


CHOOSE = "Choose what to do: use the arrow keys and press Enter, or click."


def choice(option_id: str, title: str, detail: str) -> Option:
    return Option(Content.assemble((title, "bold"), "\n", detail), id=option_id)


class StartScreen(AppScreen):
    """Welcome, and the choices that make sense given what is in the reports folder."""

    HELP = guides.START
    HELP_KEYS = guides.START_KEYS

    surroundings: Surroundings | None = None
    """What the background thread found; None until it has finished the first time."""
    chosen_early: str | None = None
    """A choice made before the bank was loaded, to be carried out once it is."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="start"):
            yield Static(WELCOME, id="welcome", markup=False)
            yield Static(INTRO, id="intro", markup=False)
            yield Static("Getting the questions ready…", id="status", markup=False)

    def on_mount(self) -> None:
        self.glance()  # beside the first paint, not after it: the choices come sooner

    def on_screen_resume(self) -> None:
        if self.surroundings is not None:
            self.look_around()

    @work(thread=True, exclusive=True, group="glance")
    def glance(self) -> Glance:
        """A first look at the reports folder, without the bank: enough to offer choices."""
        from consortium_ready.tui.glance import glance

        return glance(self.app.reports)

    @work(thread=True, exclusive=True, group="survey")
    def look_around(self, history: Scan | None = None) -> Surroundings:
        """Load the bank (the first time), and read the draft and the saved assessments
        (unless `history` has just listed them)."""
        from consortium_ready.tui.startup import survey

        app = self.app
        return survey(app.questions, app.seeds, app.reports, app.bank, history)

    @on(Worker.StateChanged)
    def _looked_around(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.SUCCESS:
            return
        if event.worker.group == "glance":
            glance = cast("Glance", event.worker.result)
            self._offer_at_a_glance(glance)
            # Read behind the choices once they are painted: a thread started now would
            # take turns with the main one while it lays them out.
            self.call_after_refresh(self.look_around, glance.history)
        elif event.worker.group == "survey":
            self.surroundings = cast("Surroundings", event.worker.result)
            self._offer(self.surroundings)

    def _offer_at_a_glance(self, glance: Glance) -> None:
        """The choices as far as the folder shows them, until the bank has been loaded."""
        from consortium_ready.tui.text import shown_path

        if self.surroundings is not None:
            return
        last = glance.history.last()
        self.query_one("#status", Static).update(CHOOSE)
        self._list(
            draft=(
                f"Your answers so far, kept in {shown_path(self.app.reports)}."
                if glance.draft
                else None
            ),
            last=(last.organisation, last.created) if last else None,
            saved=len(glance.history.entries),
        )

    def _offer(self, found: Surroundings) -> None:
        from consortium_ready.store.files import draft_path

        self.app.surveyed(found, draft_path(self.app.reports) if found.damaged_draft else None)
        self.call_after_refresh(read_ahead, self.app)  # while the choices are read
        self.call_after_refresh(resume_once_started)  # paused by `cmd_tui`
        status = self.query_one("#status", Static)
        if found.bank is None:
            self.chosen_early = None
            choices = self._choices()
            choices.clear_options()
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
        draft = self.app.unfinished_draft
        self._list(
            draft=self._draft_summary(draft) if draft is not None else None,
            last=(found.last.profile.organisation, found.last.created) if found.last else None,
            saved=found.saved,
            cases=len(found.bank.cases),
        )
        if (early := self.chosen_early) is not None:
            self.chosen_early = None
            if early in {option.id for option in self._choices().options}:
                self._carry_out(early)

    def _list(
        self,
        draft: str | None,
        last: tuple[str, datetime] | None,
        saved: int,
        cases: int | None = None,
    ) -> None:
        """List the choices: carry on with `draft` (its summary), start from the `last` saved
        assessment (its organisation and date), look at the `saved` ones, read the `cases`."""
        from consortium_ready.tui.text import shown_path
        from consortium_ready.words import local_date, plural

        choices = self._choices()
        highlighted = choices.highlighted_option.id if choices.highlighted_option else None
        choices.clear_options()
        if draft is not None:
            choices.add_option(choice("resume", "Carry on where you left off", draft))
        choices.add_option(
            choice(
                "new",
                "Start a new assessment",
                "Answer the questions about your organisation and its consortium.",
            )
        )
        if last is not None:
            organisation, created = last
            choices.add_option(
                choice(
                    "previous",
                    "Start from your last saved assessment",
                    f"{organisation}, {local_date(created)}: the answers are "
                    "filled in, so you change only what has changed.",
                )
            )
        if saved:
            choices.add_option(
                choice(
                    "history",
                    "Look at saved assessments",
                    f"{plural(saved, 'assessment')} saved in {shown_path(self.app.reports)}.",
                )
            )
        if saved > 1:
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
                f"The {cases} real consortia the questions are built on."
                if cases is not None
                else "The real consortia the questions are built on.",
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

        lines = [CHOOSE]
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
        chosen = event.option.id or ""
        if chosen == "quit":
            await self.app.action_quit()
        elif self.surroundings is None:
            self.chosen_early = chosen
            self.query_one("#status", Static).update("Getting the questions ready…")
        else:
            self._carry_out(chosen)

    def _carry_out(self, chosen: str) -> None:
        actions = {
            "resume": self.resume,
            "new": self.start_new,
            "previous": self.start_from_previous,
            "history": self.app.open_history,
            "consortium": self.app.open_consortium,
            "cases": self.app.open_case,
        }
        actions[chosen]()

    def resume(self) -> None:
        self.app.resume()

    def start_new(self) -> None:
        self.app.start_new()

    def start_from_previous(self) -> None:
        assert self.surroundings is not None and self.surroundings.last is not None
        self.app.start_from(self.surroundings.last)
