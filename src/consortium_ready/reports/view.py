"""What every report says, gathered once so that each format only lays it out.

A saved assessment is self-contained for its scores, flags and actions; the
bank supplies the wording of questions, answers and case-study lessons. When
the bank has changed since the assessment was made, whatever it no longer
holds is shown by its id, and the report says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from consortium_ready.domain.assessment import Assessment
from consortium_ready.domain.bank import Bank
from consortium_ready.domain.compare import Comparison, compare
from consortium_ready.domain.profile import ROLES, STAGES
from consortium_ready.domain.result import ActionKind, ActionPart
from consortium_ready.domain.tracking import (
    UNTRACKED,
    Tracking,
    action_key,
    tracking_of,
    tracking_words,
)
from consortium_ready.words import bank_name, day_words, local_date, score_number

METHOD_DOC = "docs/scoring.md"
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
    "Each answer scores from 0 to 100 according to what that answer level looks like in "
    "practice; some answers score differently at different stages of a consortium. A theme's "
    "score is the weighted average of the questions you could answer (an essential question "
    "counts three times as much as a useful one), with how much of the theme is unknown beside "
    "it. A theme more than half unknown is not scored: there is not enough known to say.",
    "The overall score counts “don't know” and unanswered questions as 0, because not knowing "
    "is itself a gap, and weighs the themes: the lead body, agreements and money count most. So "
    "a “don't know” can never make the verdict better than a weak answer, and Ready needs at "
    "least four fifths of what was asked to be known. Each “don't know” gets an action to find "
    "out.",
    "Red flags are critical gaps, reported apart from the average. Each holds the overall "
    "result at a stated band or below, however well the rest scores. A red flag that a "
    "“don't know” cannot rule out is raised too, and says that you could not say.",
)


@dataclass(frozen=True)
class Citation:
    """A case-study lesson or a point of guidance behind a question, flag or action."""

    ref: str
    case: str
    kind: str
    text: str


@dataclass(frozen=True)
class BandView:
    label: str
    min: int
    meaning: str
    tone: int


@dataclass(frozen=True)
class FlagView:
    title: str
    explain: str
    action: str
    caps: str
    citations: list[Citation]


@dataclass(frozen=True)
class ThemeView:
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


@dataclass(frozen=True)
class ActionView:
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

    @property
    def tracked_words(self) -> str:
        return tracking_words(self.tracking)


@dataclass(frozen=True)
class ActionGroup:
    """One theme's actions within a part of the plan."""

    theme: str
    actions: list[ActionView]


@dataclass(frozen=True)
class AnswerView:
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


@dataclass(frozen=True)
class ThemeAnswers:
    title: str
    answers: list[AnswerView]


@dataclass(frozen=True)
class ReportView:
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
    method_doc: str = METHOD_DOC

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
        actions=[
            ActionView(
                rank=a.rank,
                kind=ACTION_KINDS[a.kind],
                part=a.part,
                text=a.text,
                reason=a.reason,
                theme=theme_titles.get(a.theme or ""),
                evidence=a.evidence,
                citations=citations(bank, a.cites),
                key=action_key(a),
                tracking=tracking_of(assessment.tracking, a),
            )
            for a in result.actions
        ],
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
