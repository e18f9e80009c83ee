"""The assessment being worked on: the bank, the draft, and what the questionnaire asks now.

Every change goes through here, so that every change reaches the draft on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from consortium_ready.domain.questionnaire import Questionnaire, usable_answers
from consortium_ready.store.drafts import Draft, ProfileDraft

if TYPE_CHECKING:
    from consortium_ready.domain.answerset import AnswerSet
    from consortium_ready.domain.bank import AnswerValue, Bank
    from consortium_ready.domain.profile import Profile


class Session:
    """One assessment in progress; `changed` is told of every change, with a copy of the draft."""

    def __init__(
        self,
        bank: Bank,
        draft: Draft,
        changed: Callable[[Draft], None],
        clock: Callable[[], datetime],
    ) -> None:
        self.bank = bank
        self.draft = draft
        self._changed = changed
        self._clock = clock
        self._questionnaire: Questionnaire | None = None

    @property
    def profile(self) -> Profile | None:
        return self.draft.profile.profile()

    @property
    def questionnaire(self) -> Questionnaire | None:
        """What is asked now, or None while the organisation's details are incomplete."""
        if self._questionnaire is None and (profile := self.profile) is not None:
            self._questionnaire = Questionnaire(self.bank, profile, self.draft.answers)
        return self._questionnaire

    def answer_set(self) -> AnswerSet:
        questionnaire = self.questionnaire
        assert questionnaire is not None, "the profile is complete before anything is scored"
        return questionnaire.answer_set(self.draft.notes)

    def update_profile(self, **fields: Any) -> None:
        current = self.draft.profile.model_dump()
        if all(current[name] == value for name, value in fields.items()):
            return
        self.draft.profile = ProfileDraft(**{**current, **fields})
        self._save(asked_may_change=True)

    def answer(self, question_id: str, value: AnswerValue) -> None:
        if self.draft.answers.get(question_id) != value:
            self.draft.answers[question_id] = value
            self._save(asked_may_change=True)

    def clear(self, question_id: str) -> None:
        if self.draft.answers.pop(question_id, None) is not None:
            self._save(asked_may_change=True)

    def note(self, question_id: str, text: str) -> None:
        text = text.strip()
        if text == self.draft.notes.get(question_id, ""):
            return
        if text:
            self.draft.notes[question_id] = text
        else:
            self.draft.notes.pop(question_id, None)
        self._save()

    def visit(self, question_id: str) -> None:
        """Remember where the respondent is, so that resuming starts there."""
        if self.draft.current != question_id:
            self.draft.current = question_id
            self._save()

    def _save(self, asked_may_change: bool = False) -> None:
        """Pass a copy of the draft on to be written; after a change of profile or answers,
        work out afresh what is asked."""
        if asked_may_change:
            self._questionnaire = None
        self.draft.saved = self._clock()
        self._changed(self.draft.model_copy(deep=True))


def fit_to_bank(bank: Bank, draft: Draft) -> list[str]:
    """Keep the draft's answers and notes that still fit the bank, which may have been edited
    since; return the ids of the answers left out."""
    draft.answers, dropped = usable_answers(bank, draft.answers)
    draft.notes = {k: v for k, v in draft.notes.items() if bank.question(k)}
    return dropped


def draft_summary(bank: Bank | None, draft: Draft) -> str:
    """Whose the unfinished assessment is, when it was last saved, and how far it has got
    (without the bank, only whether the organisation's details are finished)."""
    from consortium_ready.words import local_when, plural

    whose = draft.profile.organisation.strip() or "An organisation not yet named"
    profile = draft.profile.profile()
    if profile is None or bank is None:
        return (
            f"{whose}, last saved {local_when(draft.saved)}: the organisation's "
            "details are not finished."
        )
    answers, _ = usable_answers(bank, draft.answers)
    progress = Questionnaire(bank, profile, answers)
    return (
        f"{whose}, last saved {local_when(draft.saved)}: {progress.given} of "
        f"{plural(len(progress.asked), 'question')} answered."
    )
