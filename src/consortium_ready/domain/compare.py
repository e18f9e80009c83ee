"""What moved between two assessments: scores, red flags, answers and actions.

An action counts as done only when its status says so, in either run, or when
the answer behind it has reached the level that takes it out of the plan.

When the question bank changed between the runs, the questions only one run
holds are listed apart and answers are compared on the questions both share.
The bank passed in words the questions and answers; the scores are those
saved with each assessment.
"""

from __future__ import annotations

from typing import NamedTuple

from consortium_ready.domain.assessment import Assessment
from consortium_ready.domain.bank import Bank
from consortium_ready.domain.profilefields import ROLES, STAGES, same_organisation
from consortium_ready.domain.tracking import (
    UNTRACKED,
    Tracking,
    action_key,
    tracking_of,
    tracking_words,
)
from consortium_ready.words import bank_name, local_date, plural, score_change


class ScoreChange(NamedTuple):
    """A score and band before and after; None where that run has no score.

    `id` is the theme's id, or "overall".
    """

    id: str
    title: str
    before: float | None
    after: float | None
    band_before: str | None
    band_after: str | None

    @property
    def change(self) -> int | None:
        return score_change(self.before, self.after)


class AnswerChange(NamedTuple):
    question_id: str
    question: str
    before: str
    after: str
    score_before: int | None
    score_after: int | None


class ActionItem(NamedTuple):
    """An action of either run, with its owner, due date and status as last tracked."""

    text: str
    reason: str
    tracking: Tracking = UNTRACKED

    @property
    def tracked_words(self) -> str:
        """Its status (if still open: a done or dropped one is listed as such), owner and date."""
        return tracking_words(self.tracking, status=self.tracking.open)

    @property
    def line(self) -> str:
        """The action and, where it is tracked, its status, owner and date."""
        return " — ".join(filter(None, [self.text, self.tracked_words]))


class ActionProgress(NamedTuple):
    """The actions of the earlier run followed into the later one."""

    done: list[ActionItem]
    overdue: list[ActionItem]
    new: list[ActionItem]
    still_open: list[ActionItem]
    dropped: list[ActionItem]
    left: list[ActionItem]
    """In the earlier plan, out of the later one undone: the question was not answered
    again, or is no longer asked."""

    @property
    def groups(self) -> list[tuple[str, list[ActionItem]]]:
        return [(title, getattr(self, field)) for field, title in ACTION_GROUPS.items()]


ACTION_GROUPS = {
    "done": "Done",
    "overdue": "Overdue",
    "new": "New",
    "still_open": "Still open",
    "dropped": "Dropped",
    "left": "Out of the plan but not done",
}
"""The title of each of ActionProgress's groups, by field, in the order they are shown."""


class QuestionRef(NamedTuple):
    """A question by id, with its wording when the bank still holds it."""

    id: str
    text: str | None


class Run(NamedTuple):
    """One of the two assessments, as the comparison describes it."""

    organisation: str
    date: str
    bank: str


class Comparison(NamedTuple):
    old: Run
    new: Run
    overall: ScoreChange
    themes: list[ScoreChange]
    flags_raised: list[str]
    flags_cleared: list[str]
    flags_open: list[str]
    answers: list[AnswerChange]
    actions: ActionProgress
    bank_changed: bool
    added: list[QuestionRef]
    removed: list[QuestionRef]
    common: int
    notes: list[str]

    @property
    def organisation(self) -> str:
        return self.new.organisation

    @property
    def scores(self) -> list[ScoreChange]:
        return [self.overall, *self.themes]

    @property
    def flag_groups(self) -> list[tuple[str, list[str]]]:
        return [
            ("Cleared", self.flags_cleared),
            ("Raised", self.flags_raised),
            ("Still raised", self.flags_open),
        ]

    @property
    def action_groups(self) -> list[tuple[str, list[ActionItem]]]:
        """The groups of actions with something in them; "Done" and "New" always."""
        return [
            (title, items)
            for title, items in self.actions.groups
            if items or title in ("Done", "New")
        ]

    @property
    def question_groups(self) -> list[tuple[str, list[QuestionRef]]]:
        """The questions only one run holds, under a heading saying why; empty groups left out."""
        if self.bank_changed:
            titles = ("Added to the question bank", "Removed from the question bank")
        else:
            titles = ("Asked only in the later run", "Asked only in the earlier run")
        return [
            (title, refs)
            for title, refs in zip(titles, (self.added, self.removed), strict=True)
            if refs
        ]


def _run(assessment: Assessment) -> Run:
    return Run(
        organisation=assessment.profile.organisation,
        date=local_date(assessment.created, with_time=True),
        bank=bank_name(assessment.bank.title, assessment.bank.version),
    )


def question_ids(assessment: Assessment) -> list[str]:
    """The questions a run holds: every question it counted or answered, in order."""
    counted = [s.question for s in assessment.result.questions]
    return list(dict.fromkeys([*counted, *assessment.answers]))


def _overall(old: Assessment, new: Assessment) -> ScoreChange:
    before, after = old.result.overall, new.result.overall
    return ScoreChange(
        "overall", "Overall", before.score, after.score, before.band_label, after.band_label
    )


def _themes(old: Assessment, new: Assessment) -> list[ScoreChange]:
    """Every theme either run counted; a score of None is a theme with not enough known."""
    before = {t.id: t for t in old.result.themes if t.counted}
    after = {t.id: t for t in new.result.themes if t.counted}
    changes = []
    for theme_id in dict.fromkeys([*after, *before]):
        b, a = before.get(theme_id), after.get(theme_id)
        title = a.title if a else b.title if b else theme_id
        changes.append(
            ScoreChange(
                id=theme_id,
                title=title,
                before=b.score if b else None,
                after=a.score if a else None,
                band_before=b.band_label if b else None,
                band_after=a.band_label if a else None,
            )
        )
    return changes


def _answer_text(assessment: Assessment, bank: Bank, question_id: str) -> str:
    value = assessment.answers.get(question_id)
    if value is not None:
        return bank.answer_words(question_id, value)
    counted = next((s for s in assessment.result.questions if s.question == question_id), None)
    return "not asked" if counted and counted.status.startswith("hidden") else "not answered"


def _answers(old: Assessment, new: Assessment, bank: Bank, common: list[str]) -> list[AnswerChange]:
    score_before = {s.question: s.score for s in old.result.questions}
    score_after = {s.question: s.score for s in new.result.questions}
    changes = []
    for question_id in common:
        if old.answers.get(question_id) == new.answers.get(question_id):
            continue
        question = bank.question(question_id)
        changes.append(
            AnswerChange(
                question_id=question_id,
                question=question.text if question else question_id,
                before=_answer_text(old, bank, question_id),
                after=_answer_text(new, bank, question_id),
                score_before=score_before.get(question_id),
                score_after=score_after.get(question_id),
            )
        )
    return changes


def _plan(assessment: Assessment, common: set[str]) -> dict[str, ActionItem]:
    """The run's actions on shared ground (red flags, and questions both runs hold), by key."""
    return {
        action_key(action): ActionItem(
            text=action.text,
            reason=action.reason,
            tracking=tracking_of(assessment.tracking, action),
        )
        for action in assessment.result.actions
        if action.question is None or action.question in common
    }


def _cleared(new: Assessment, key: str) -> bool:
    """Whether the answer behind an action that left `new`'s plan reached the level that
    clears it: its question answered (not skipped, unknown or no longer asked), or, for a
    red flag about no one question, the flag no longer raised."""
    subject = key.removeprefix("flag:")
    counted = next((s for s in new.result.questions if s.question == subject), None)
    if counted is not None:  # answered well, or no longer asked because the answer above is
        return counted.status in ("answered", "hidden_high")
    return key.startswith("flag:") and all(flag.id != subject for flag in new.result.flags)


def action_progress(old: Assessment, new: Assessment, common: set[str]) -> ActionProgress:
    """What became of `old`'s actions in `new`, and which of `new`'s are overdue or new.

    An action's status is the latest set: in `new` if it is tracked there, else in `old`.
    One whose answer cleared it is done, whatever its status said.
    """
    before, after = _plan(old, common), _plan(new, common)
    today = new.created.astimezone().date()

    def latest(key: str) -> ActionItem:
        later = after.get(key)
        item = later if later and not later.tracking.is_blank else before.get(key) or later
        assert item is not None
        if key not in after and item.tracking.open and _cleared(new, key):
            return item._replace(tracking=item.tracking.model_copy(update={"status": "done"}))
        return item._replace(text=(later or item).text, reason=(later or item).reason)

    def group(key: str, item: ActionItem) -> str:
        if item.tracking.status in ("done", "dropped"):
            return item.tracking.status
        if key not in after:
            return "left"
        if item.tracking.overdue(today):
            return "overdue"
        return "still_open" if key in before else "new"

    groups: dict[str, list[ActionItem]] = {field: [] for field in ACTION_GROUPS}
    for key in dict.fromkeys([*before, *after]):
        item = latest(key)
        groups[group(key, item)].append(item)
    return ActionProgress(**groups)


def _notes(
    old: Assessment, new: Assessment, bank: Bank, added: int, removed: int, common: int
) -> list[str]:
    notes = []
    if not same_organisation(old.profile.organisation, new.profile.organisation):
        notes.append(
            f"These are assessments of two organisations: “{old.profile.organisation}” "
            f"and “{new.profile.organisation}”."
        )
    if old.created > new.created:
        notes.append(
            "The first assessment given is the later one, so changes run backwards in time."
        )
    if old.bank.content_hash != new.bank.content_hash:
        versions = (
            f" (version {old.bank.version}, then {new.bank.version})"
            if old.bank.version != new.bank.version
            else ""
        )
        notes.append(
            f"The question bank changed between the runs{versions}: "
            f"{plural(added, 'question')} only in the later run, {removed} only in the "
            f"earlier; answers are compared on the {common} questions both hold."
        )
    if bank.content_hash not in (old.bank.content_hash, new.bank.content_hash):
        notes.append(
            f"Questions and answers are worded as in “{bank.info.title}”, version "
            f"{bank.info.version}, which neither run used; a question it does not "
            "hold is shown by its id."
        )
    for field, names in (("role", ROLES), ("stage", STAGES)):
        before, after = getattr(old.profile, field), getattr(new.profile, field)
        if before != after:
            notes.append(
                f"The {'expected role' if field == 'role' else 'stage'} changed from "
                f"{names[before]} to {names[after]}, which changes which questions "
                "apply and what counts as ready."
            )
    return notes


def compare(old: Assessment, new: Assessment, bank: Bank) -> Comparison:
    """What changed from `old` to `new`, worded with `bank`."""
    old_ids, new_ids = question_ids(old), question_ids(new)
    common = [qid for qid in new_ids if qid in set(old_ids)]

    def refs(ids: list[str], without: list[str]) -> list[QuestionRef]:
        return [
            QuestionRef(qid, q.text if (q := bank.question(qid)) else None)
            for qid in ids
            if qid not in set(without)
        ]

    added, removed = refs(new_ids, old_ids), refs(old_ids, new_ids)
    flags_before = {f.id: f.title for f in old.result.flags}
    flags_after = {f.id: f.title for f in new.result.flags}
    return Comparison(
        old=_run(old),
        new=_run(new),
        overall=_overall(old, new),
        themes=_themes(old, new),
        flags_raised=[t for i, t in flags_after.items() if i not in flags_before],
        flags_cleared=[t for i, t in flags_before.items() if i not in flags_after],
        flags_open=[t for i, t in flags_after.items() if i in flags_before],
        answers=_answers(old, new, bank, common),
        actions=action_progress(old, new, set(common)),
        bank_changed=old.bank.content_hash != new.bank.content_hash,
        added=added,
        removed=removed,
        common=len(common),
        notes=_notes(old, new, bank, len(added), len(removed), len(common)),
    )
