"""Plain mode from start to finish: carry on or start, the details, the questions, the result."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from consortium_ready.domain.answerset import AnswerSet
from consortium_ready.domain.assessment import assess
from consortium_ready.domain.bank import Bank
from consortium_ready.errors import InputError
from consortium_ready.plain.choosing import KEYS, command, not_accepted, pick_one
from consortium_ready.plain.console import Console, EndOfInput, Stop
from consortium_ready.plain.keeping import DraftKeeper
from consortium_ready.plain.profile import ask_profile
from consortium_ready.plain.question import ask_question
from consortium_ready.plain.result import say_result
from consortium_ready.reports.saving import assess_and_save
from consortium_ready.reports.view import report_view
from consortium_ready.session.session import Session, draft_summary, fit_to_bank
from consortium_ready.store.drafts import Draft, load_draft
from consortium_ready.store.files import draft_path
from consortium_ready.words import plural

WELCOME = (
    "Consortium ready, plain mode. How ready is your organisation to bid for public-service "
    "contracts as part of a consortium? You answer questions about your organisation and its "
    "consortium, one at a time, and get a score for each theme, any red flags, and a list of "
    "things to do. Every answer is saved as soon as you give it."
)


class PlainRun:
    """One run of plain mode over a reports folder; `run` returns the exit status."""

    def __init__(
        self, bank: Bank, reports: Path, console: Console, clock: Callable[[], datetime]
    ) -> None:
        self.bank = bank
        self.reports = reports
        self.console = console
        self.clock = clock

    def run(self) -> int:
        console = self.console
        console.say(WELCOME)
        console.say(KEYS)
        draft, damaged = self._read_draft()
        keeper = DraftKeeper(self.reports, damaged, console, self.clock)
        try:
            session = self._open(self._choose(draft), keeper)
            if self._walk(session):
                keeper.keep(None)
                return 0
            console.say()
            console.say("Stopped.")
        except Stop:
            console.say()
            console.say("Stopped.")
        except EndOfInput:
            console.say("End of input: stopped.")
        except KeyboardInterrupt:
            console.say()
            console.say("Interrupted.")
            self._leave(keeper)
            return 130
        return self._leave(keeper)

    # Starting -----------------------------------------------------------------------------

    def _read_draft(self) -> tuple[Draft | None, bool]:
        try:
            return load_draft(draft_path(self.reports)), False
        except InputError as error:
            self.console.say(
                f"An unfinished assessment was found but cannot be read "
                f"({error.problems[0].message}). If you start a new assessment it is kept "
                "under another name, so someone can look at it."
            )
            return None, True

    def _choose(self, draft: Draft | None) -> Draft:
        """The unfinished draft to carry on with, or a new one (after asking, if both are there)."""
        if draft is None or not (draft.answers or draft.profile.organisation.strip()):
            return Draft(saved=self.clock())
        console = self.console
        console.say()
        console.say(f"You have an unfinished assessment: {draft_summary(self.bank, draft)}")
        console.say("1. Carry on where you left off.", "  ")
        console.say("2. Start a new assessment. This replaces the unfinished one.", "  ")
        while True:
            entry = console.ask("Choose 1 or 2:")
            command(entry, ())
            index = pick_one(entry, 2)
            if index == 0:
                return draft
            if index == 1:
                return Draft(saved=self.clock())
            console.say(not_accepted(entry, "Type 1 to carry on, or 2 to start again."))

    def _open(self, draft: Draft, keeper: DraftKeeper) -> Session:
        dropped = fit_to_bank(self.bank, draft)
        if dropped:
            self.console.say(
                f"{plural(len(dropped), 'earlier answer')} no longer match the questions, "
                "which have been changed since, so they were left out."
            )
        return Session(self.bank, draft, keeper.keep, self.clock)

    # Going through ------------------------------------------------------------------------

    def _walk(self, session: Session) -> bool:
        """The details, the questions, the check and the result; True once saved."""
        from_the_end = False
        while True:
            if session.questionnaire is None or from_the_end:
                ask_profile(self.console, session, start_at_end=from_the_end)
            from_the_end = False
            questionnaire = session.questionnaire
            assert questionnaire is not None
            question = next(
                (q for q in questionnaire.asked if q.id == session.draft.current),
                questionnaire.first_unanswered() or next(iter(questionnaire.asked), None),
            )
            while question is not None:
                move = ask_question(self.console, session, question)
                questionnaire = session.questionnaire
                assert questionnaire is not None
                if move == "back":
                    earlier = questionnaire.before(question.id)
                    if earlier is None:
                        from_the_end = True
                        break
                    question = earlier
                else:
                    question = questionnaire.after(question.id)
            if from_the_end:
                continue
            outcome = self._check(session)
            if outcome == "saved":
                return True
            session.draft.current = outcome

    def _check(self, session: Session) -> str:
        """What is left to answer, then the result; "saved", or the id of a question to go to."""
        console = self.console
        questionnaire = session.questionnaire
        assert questionnaire is not None
        unanswered = [q for q in questionnaire.unanswered() if q.scored]
        groups = (
            ("Not answered yet, each counted as unknown", unanswered),
            (
                'Answered "Don\'t know", each counted as a gap with an action to find out',
                questionnaire.dont_know(),
            ),
        )
        listed = [question for _, questions in groups for question in questions]
        if listed:
            console.say()
            console.say("Check your answers.")
            titles = self.bank.theme_titles
            number = 0
            for heading, questions in groups:
                if questions:
                    console.say(f"{heading}: {len(questions)}.")
                for question in questions:
                    number += 1
                    console.say(
                        f"{number}. {question.text} ({titles[question.theme]})", "  ", "    "
                    )
            how = (
                "Type the number of a question to answer it now, r to see the result as it "
                "stands, or b to go back to the questions."
            )
            console.say(how)
            while True:
                entry = console.ask("Choice:")
                if command(entry, ("back",)) == "back":
                    return questionnaire.asked[-1].id
                if entry.lower() == "r":
                    break
                index = pick_one(entry, len(listed))
                if index is not None:
                    return listed[index].id
                console.say(not_accepted(entry, how))
        return self._result(session)

    def _result(self, session: Session) -> str:
        """Show the result and save it when asked; "saved", or the id of a question to go to."""
        console = self.console
        assessment = assess(self.bank, session.answer_set(), now=self.clock())
        say_result(console, report_view(assessment, self.bank))
        unanswered = assessment.result.coverage.unanswered
        how = (
            "Type s to save the assessment and its reports, or b to go back to the questions. "
            "Type q to stop without saving; your answers are kept."
        )
        console.say()
        console.say(how)
        while True:
            entry = console.ask("Choice:")
            questionnaire = session.questionnaire
            assert questionnaire is not None
            if command(entry, ("back",)) == "back":
                return questionnaire.asked[-1].id if questionnaire.asked else ""
            if entry.lower() != "s":
                console.say(not_accepted(entry, how))
                continue
            if unanswered and not self._partial_wanted(
                unanswered, assessment.result.coverage.asked
            ):
                first = questionnaire.first_unanswered()
                return first.id if first else ""
            if self._save(session.answer_set()):
                return "saved"
            console.say(how)

    def _partial_wanted(self, unanswered: int, asked: int) -> bool:
        console = self.console
        console.say(
            f"{unanswered} of {plural(asked, 'question')} are not answered yet. It will be marked "
            "partial in history and in its report. Type y to save it as a partial assessment, "
            "or n to keep answering."
        )
        while True:
            entry = console.ask("Save as partial, y or n:")
            command(entry, ())
            if entry.lower() in ("y", "yes", "n", "no"):
                return entry.lower().startswith("y")
            console.say(not_accepted(entry, "Type y or n."))

    def _save(self, answer_set: AnswerSet) -> bool:
        """Save, dated now, with every report; on failure, offer another folder. True once
        saved."""
        console = self.console
        while True:
            try:
                saved = assess_and_save(self.bank, answer_set, self.reports, self.clock()).saved
            except OSError as error:
                console.say(
                    f"The assessment could not be saved in {self.reports}: "
                    f"{error.strerror or error}. Your answers are still here."
                )
                entry = console.ask("Type another folder to save in, or press Enter to go back:")
                if not entry:
                    return False
                self.reports = Path(entry).expanduser()
                continue
            files = ", ".join(path.name for path in [saved.json, *saved.reports])
            console.say()
            console.say(
                f"Saved in {saved.json.parent}: {files}. The .md and .html files are reports to "
                "read, print or email."
            )
            return True

    # Stopping -----------------------------------------------------------------------------

    def _leave(self, keeper: DraftKeeper) -> int:
        """Say where the answers are kept; if they could not be written, ask for a folder."""
        console = self.console
        while keeper.failure is not None:
            console.say(
                f"Your answers could not be saved in {keeper.folder}: "
                f"{keeper.failure.strerror or keeper.failure}."
            )
            try:
                entry = console.ask("Type a folder to save them in, or press Enter to lose them:")
            except EndOfInput:
                entry = ""
            if not entry:
                console.say("Your answers since the last save are lost.")
                return 1
            keeper.move_to(Path(entry).expanduser())
        if not keeper.path.exists():
            console.say("Nothing was typed, so there is nothing to keep.")
            return 0
        console.say(
            f"Your answers are kept in {keeper.path}. Run consortium-ready plain to carry on, "
            "here or in the full-screen questionnaire."
        )
        return 0
