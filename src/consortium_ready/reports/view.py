"""What every report says, gathered once so that each format only lays it out.

A saved assessment is self-contained for its scores, flags and actions; the
bank supplies the wording of questions, answers and case-study lessons. When
the bank has changed since the assessment was made, whatever it no longer
holds is shown by its id, and the report says so.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from consortium_ready.domain.assessment import Assessment
from consortium_ready.domain.bank import Bank
from consortium_ready.domain.compare import (
    ACTION_GROUPS,
    ActionItem,
    Comparison,
    ScoreChange,
    compare,
)
from consortium_ready.domain.profilefields import ROLES, STAGES
from consortium_ready.domain.result import Action, ActionKind, ActionPart
from consortium_ready.domain.tracking import (
    STATUSES,
    UNTRACKED,
    Tracking,
    action_key,
    tracking_of,
    tracking_words,
)
from consortium_ready.words import bank_name, day_words, local_date, plural, score_number

TONES = 4
"""Bands are shown in this many tones, 0 the best; a bank with more bands shares them."""

STATUS_WORDS = {
    "answered": "answered",
    "dont_know": "don't know",
    "unanswered": "not answered",
    "unscored": "not scored",
    "not_asked": "no longer asked",
}
ACTION_KINDS: dict[ActionKind, str] = {
    "flag": "Red flag",
    "find_out": "Find out",
    "improve": "Improve",
}
ACTION_PARTS: dict[ActionPart, str] = {
    "fix": "What to fix",
    "find_out": "What to find out",
}
TOP_ACTIONS = 5
NO_OWNER = "No owner yet"
NO_DATE = "no date"
IN_THE_PLAN = ACTION_GROUPS["still_open"]
"""The group of actions the report counts, not lists: they are the rest of its plan."""
FOLLOW_UP = (ACTION_GROUPS["done"], ACTION_GROUPS["overdue"])
"""The groups of actions the board summary names one by one; the rest it counts."""
FOLLOW_UP_MOST = 5
"""How many actions of each such group the summary names before saying how many more."""
NO_THEME = "Across the consortium"
NOT_IN_BANK = "Not in the question bank used for this report"
NOT_ASKED = "Notes on questions no longer asked"

ACTION_PLAN_INTRO = (
    "The five most urgent first: red flags, then what you could not say about a red flag, "
    "then the biggest gaps in the most important questions. The rest follow in two parts, "
    "what to fix and what to find out, theme by theme. Each action names the case-study "
    "lessons and guidance behind it."
)
METHOD = (
    "Each answer scores from 0 to 100 by how close it comes to what a consortium ready to bid "
    "has in place; a few are judged by the consortium's stage. A theme's score is the average "
    "of the questions you could answer, an essential question counting three times as much as "
    "a useful one. A theme more than half unknown is not scored.",
    "The overall score weighs the themes (the lead body, agreements and money count most) and "
    "counts “don't know” and unanswered questions as 0, because not knowing is itself a gap. "
    "So “don't know” never scores better than a weak answer, and Ready needs at least four "
    "fifths of what was asked to be known.",
    "Red flags are critical gaps, reported apart from the scores. Each holds the overall result "
    "at a stated band or below, however well the rest scores. A red flag that a “don't know” "
    "cannot rule out is raised too.",
)
"""How the scores are made, in words for a trustee; the report carries it whole."""


class Citation(NamedTuple):
    """A case-study lesson or a point of guidance behind a question, flag or action."""

    ref: str
    case: str
    kind: str
    text: str


class BandView(NamedTuple):
    label: str
    min: int
    meaning: str
    tone: int


class FlagView(NamedTuple):
    title: str
    explain: str
    action: str
    caps: str
    citations: list[Citation]


class ThemeView(NamedTuple):
    """A theme's score from what is known (None: not enough known), and how much is unknown."""

    id: str
    title: str
    score: float | None
    band: str | None
    tone: int | None
    asked: int
    answered: int
    dont_know: int
    unknown: float

    @property
    def score_words(self) -> str:
        return "not enough known" if self.score is None else score_number(self.score)


class ActionView(NamedTuple):
    rank: int
    kind: str
    part: ActionPart
    text: str
    reason: str
    theme: str | None
    evidence: str | None
    citations: list[Citation]
    key: str = ""
    tracking: Tracking = UNTRACKED
    overdue: bool = False
    """Still open after its due date, on the day the assessment was made."""

    @property
    def tracked_words(self) -> str:
        return tracking_words(self.tracking)

    @property
    def owner_words(self) -> str:
        return self.tracking.owner or NO_OWNER

    @property
    def due_words(self) -> str:
        """`1 March 2027`, `1 March 2027 (overdue)`, or NO_DATE."""
        if self.tracking.due is None:
            return NO_DATE
        return day_words(self.tracking.due) + (" (overdue)" if self.overdue else "")

    @property
    def progress(self) -> str:
        """The action's status as people read it: `To do` until someone says otherwise."""
        return STATUSES[self.tracking.status]


class ActionGroup(NamedTuple):
    """One theme's actions within a part of the plan."""

    theme: str
    actions: list[ActionView]


class AnswerView(NamedTuple):
    question_id: str
    question: str
    theme: str
    answer: str
    score: int | None
    status: str
    note: str | None

    @property
    def status_words(self) -> str:
        return STATUS_WORDS[self.status]

    @property
    def verdict(self) -> str:
        """How the answer counted, in words; empty for an unscored question."""
        return {
            "answered": f"scores {self.score} out of 100",
            "dont_know": "not known: a gap in the overall score",
            "unanswered": "not known: a gap in the overall score",
        }.get(self.status, "")


class ThemeAnswers(NamedTuple):
    title: str
    answers: list[AnswerView]


class ReportView(NamedTuple):
    organisation: str
    role: str
    stage: str
    consortium: str | None
    tender_deadline: str | None
    date: str
    created: str
    bank: str
    bank_note: str | None
    source: str
    source_by: str
    overall_score: float | None
    overall_known_score: float | None
    overall_unknown: float
    overall_band: str | None
    overall_tone: int | None
    overall_meaning: str | None
    capped_from: str | None
    flags: list[FlagView]
    themes: list[ThemeView]
    actions: list[ActionView]
    answers: list[ThemeAnswers]
    bands: list[BandView]
    asked: int
    answered: int
    dont_know: int
    unanswered: int
    coverage: float
    since: Comparison | None = None
    """What changed since the organisation's assessment before this one, if there was one."""
    action_plan_intro: str = ACTION_PLAN_INTRO
    method: tuple[str, ...] = METHOD

    @property
    def flags_by_band(self) -> list[tuple[str, int, list[FlagView]]]:
        """The red flags grouped by the band each holds the result at, worst first: each
        group's band, the number of its first flag, and its flags."""
        groups: dict[str, list[FlagView]] = {}
        for flag in self.flags:
            groups.setdefault(flag.caps, []).append(flag)
        numbered, first = [], 1
        for caps, flags in groups.items():
            numbered.append((caps, first, flags))
            first += len(flags)
        return numbered

    @property
    def band_starts(self) -> list[BandView]:
        """The bands above the lowest, lowest first: where each begins is marked on a chart."""
        return sorted((b for b in self.bands if b.min > 0), key=lambda b: b.min)

    @property
    def partial(self) -> bool:
        """Some questions asked were left unanswered when it was saved."""
        return self.unanswered > 0

    @property
    def moved(self) -> list[ScoreChange]:
        """Since the last assessment: the overall score, then each theme whose score as shown
        changed, or that was scored in only one of the two runs."""
        if self.since is None:
            return []
        return [self.since.overall] + [
            s for s in self.since.themes if s.change or (s.before is None) != (s.after is None)
        ]

    @property
    def follow_up(self) -> list[tuple[str, list[ActionItem], int]]:
        """The actions done and overdue since the last assessment, each group cut to the
        first FOLLOW_UP_MOST, with how many more there are."""
        if self.since is None:
            return []
        return [
            (title, items[:FOLLOW_UP_MOST], max(0, len(items) - FOLLOW_UP_MOST))
            for title, items in self.since.actions.groups
            if title in FOLLOW_UP and items
        ]

    @property
    def changed_actions(self) -> list[tuple[str, list[ActionItem]]]:
        """What became of the actions since the last assessment, group by group, as the
        detail lists them: all but those still open, which the action plan holds."""
        if self.since is None:
            return []
        return [(t, items) for t, items in self.since.action_groups if t != IN_THE_PLAN]

    @property
    def still_open(self) -> int:
        """How many actions of the last assessment are still open in this one."""
        return len(self.since.actions.still_open) if self.since else 0

    @property
    def all_answers(self) -> list[AnswerView]:
        return [answer for group in self.answers for answer in group.answers]

    @property
    def unknown_words(self) -> str:
        """How much is unknown and the score from what is known, as a sentence; empty if none."""
        if not self.overall_unknown:
            return ""
        known = (
            f"; from what you know alone, the score is {score_number(self.overall_known_score)}"
            if self.overall_known_score is not None
            else ""
        )
        return (
            f"{score_number(self.overall_unknown)}% of what was asked is unknown, and counts "
            f"as a gap in the overall score{known}."
        )

    @property
    def top_actions(self) -> list[ActionView]:
        return self.actions[:TOP_ACTIONS]

    @property
    def top_actions_words(self) -> str:
        """What the summary's most urgent actions are of the whole plan, as a sentence."""
        count = len(self.actions)
        if count > TOP_ACTIONS:
            return f"The first {TOP_ACTIONS} of {count}; the whole plan follows the summary."
        return f"The whole plan, {plural(count, 'action')}, each set out in full after the summary."

    @property
    def plan_parts(self) -> list[tuple[str, list[ActionGroup]]]:
        """The actions after the top five: what to fix, then what to find out, theme by theme."""
        parts = []
        for part, heading in ACTION_PARTS.items():
            groups: dict[str, list[ActionView]] = {}
            for action in self.actions[TOP_ACTIONS:]:
                if action.part == part:
                    groups.setdefault(action.theme or NO_THEME, []).append(action)
            if groups:
                parts.append((heading, [ActionGroup(t, a) for t, a in groups.items()]))
        return parts


def _month(published: str) -> str:
    """`2009-04` as `April 2009`; anything else as written."""
    try:
        return f"{datetime.strptime(published, '%Y-%m'):%B %Y}"
    except ValueError:
        return published


def citations(bank: Bank, refs: list[str]) -> list[Citation]:
    """Citation ids resolved to the consortium and the paraphrased lesson (else shown by id)."""
    found = []
    for ref in refs:
        cited = bank.cited(ref)
        if cited:
            case, item = cited
            found.append(Citation(ref=ref, case=case.name, kind=item.kind, text=item.text))
        else:
            found.append(Citation(ref=ref, case=ref, kind="", text="not in this question bank"))
    return found


def _tone(index: int, count: int) -> int:
    return round(index * (TONES - 1) / (count - 1)) if count > 1 else 0


def band_tone(bank: Bank, band_id: str | None) -> int | None:
    """The tone a band is shown in: 0 for the best band up to TONES - 1 for the worst."""
    rank = bank.band_rank
    return _tone(rank[band_id], len(rank)) if band_id in rank else None


def _answers(assessment: Assessment, bank: Bank) -> list[ThemeAnswers]:
    """Every answer and every question counted, grouped by theme in questionnaire order; then
    the notes on questions no longer asked, so that no note is lost from the report."""
    result = assessment.result
    scored = {s.question: s for s in result.questions if not s.status.startswith("hidden")}
    hidden = {s.question for s in result.questions} - set(scored)
    shown = (set(scored) | set(assessment.answers)) - hidden
    known = [q.id for q in bank.questions if q.id in shown]
    unknown = [
        qid for qid in [*scored, *assessment.answers] if qid in shown and bank.question(qid) is None
    ]
    titles = result.theme_titles
    groups: dict[str, list[AnswerView]] = {}
    for question_id in [*known, *dict.fromkeys(unknown)]:
        question, counted = bank.question(question_id), scored.get(question_id)
        if question is None:
            theme = NOT_IN_BANK
        else:
            saved_theme = titles.get(counted.theme if counted else question.theme)
            theme = saved_theme or bank.theme(question.theme).title
        status = counted.status if counted else "unscored"
        groups.setdefault(theme, []).append(
            AnswerView(
                question_id=question_id,
                question=question.text if question else question_id,
                theme=theme,
                answer=bank.answer_words(question_id, assessment.answers.get(question_id)),
                score=counted.score if counted else None,
                status=status,
                note=assessment.notes.get(question_id),
            )
        )
    order = bank.question_order
    for question_id in sorted(
        (qid for qid in assessment.notes if qid not in shown), key=lambda q: order.get(q, -1)
    ):
        question = bank.question(question_id)
        groups.setdefault(NOT_ASKED, []).append(
            AnswerView(
                question_id=question_id,
                question=question.text if question else question_id,
                theme=NOT_ASKED,
                answer="",
                score=None,
                status="not_asked",
                note=assessment.notes[question_id],
            )
        )
    return [ThemeAnswers(title, answers) for title, answers in groups.items()]


def _bank_note(assessment: Assessment, bank: Bank) -> str | None:
    saved = assessment.bank
    if saved.content_hash == bank.content_hash:
        return None
    return (
        f"This assessment was made with “{saved.title}”, version {saved.version}. "
        f"The questions and lessons quoted here come from “{bank.info.title}”, version "
        f"{bank.info.version}, which differs from it; anything that bank does not hold "
        "is shown by its id. The scores are those saved with the assessment."
    )


def _action(
    action: Action, assessment: Assessment, bank: Bank, theme_titles: dict[str, str]
) -> ActionView:
    """An action of the plan with its tracking, overdue as of the day the assessment was made."""
    tracking = tracking_of(assessment.tracking, action)
    return ActionView(
        rank=action.rank,
        kind=ACTION_KINDS[action.kind],
        part=action.part,
        text=action.text,
        reason=action.reason,
        theme=theme_titles.get(action.theme or ""),
        evidence=action.evidence,
        citations=citations(bank, action.cites),
        key=action_key(action),
        tracking=tracking,
        overdue=tracking.overdue(assessment.created.astimezone().date()),
    )


def report_view(
    assessment: Assessment, bank: Bank, previous: Assessment | None = None
) -> ReportView:
    """The content of a report on `assessment`, with every id resolved against `bank`, and
    what changed since `previous` (the organisation's assessment before it) where given."""
    result, profile, overall = assessment.result, assessment.profile, assessment.result.overall
    theme_titles = result.theme_titles
    source, bands = bank.source, bank.info.bands
    return ReportView(
        organisation=profile.organisation,
        role=ROLES[profile.role],
        stage=STAGES[profile.stage],
        consortium=profile.consortium,
        tender_deadline=day_words(profile.tender_deadline) if profile.tender_deadline else None,
        date=local_date(assessment.created),
        created=assessment.created.isoformat(),
        bank=bank_name(assessment.bank.title, assessment.bank.version),
        bank_note=_bank_note(assessment, bank),
        source=source.title,
        source_by=f"{source.publisher}, {_month(source.published)}",
        overall_score=overall.score,
        overall_known_score=overall.known_score,
        overall_unknown=overall.unknown,
        overall_band=overall.band_label,
        overall_tone=band_tone(bank, overall.band),
        overall_meaning=overall.meaning,
        capped_from=(
            bank.band_label(overall.uncapped_band)
            if overall.band != overall.uncapped_band
            else None
        ),
        flags=[
            FlagView(
                title=f.title,
                explain=f.explain,
                action=f.action,
                caps=bank.band_label(f.caps_band),
                citations=citations(bank, f.cites),
            )
            for f in result.flags
        ],
        themes=[
            ThemeView(
                id=t.id,
                title=t.title,
                score=t.score,
                band=t.band_label,
                tone=band_tone(bank, t.band),
                asked=t.asked,
                answered=t.answered,
                dont_know=t.dont_know,
                unknown=t.unknown,
            )
            for t in result.themes
            if t.counted
        ],
        actions=[_action(a, assessment, bank, theme_titles) for a in result.actions],
        answers=_answers(assessment, bank),
        bands=[
            BandView(label=b.label, min=b.min, meaning=b.meaning, tone=_tone(i, len(bands)))
            for i, b in enumerate(bands)
        ],
        asked=result.coverage.asked,
        answered=result.coverage.answered,
        dont_know=result.coverage.dont_know,
        unanswered=result.coverage.unanswered,
        coverage=result.coverage.percent,
        since=compare(previous, assessment, bank) if previous else None,
    )
