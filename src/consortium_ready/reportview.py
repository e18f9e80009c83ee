"""What every report says, gathered once so that each format only lays it out."""

from __future__ import annotations

from dataclasses import dataclass

from consortium_ready.assessment import Assessment
from consortium_ready.bank import Bank
from consortium_ready.profile import ROLES, STAGES

METHOD_DOC = "docs/scoring.md"


@dataclass(frozen=True)
class Citation:
    ref: str
    case: str
    kind: str
    text: str


@dataclass(frozen=True)
class FlagView:
    title: str
    explain: str
    action: str
    caps: str
    citations: list[Citation]


@dataclass(frozen=True)
class ThemeView:
    title: str
    score: float | None
    band: str | None
    asked: int
    answered: int
    dont_know: int


@dataclass(frozen=True)
class ActionView:
    rank: int
    kind: str
    text: str
    reason: str
    theme: str | None
    evidence: str | None
    citations: list[Citation]


@dataclass(frozen=True)
class AnswerView:
    question: str
    answer: str
    score: int | None
    status: str
    note: str | None


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
    bank: str
    overall_score: float | None
    overall_band: str | None
    overall_meaning: str | None
    capped_from: str | None
    flags: list[FlagView]
    themes: list[ThemeView]
    actions: list[ActionView]
    answers: list[ThemeAnswers]
    asked: int
    answered: int
    dont_know: int
    unanswered: int
    coverage: float
    method: str = METHOD_DOC


STATUS_WORDS = {
    "answered": "",
    "dont_know": "don't know: counted as a gap",
    "unanswered": "not answered",
}


def citations(bank: Bank, refs: list[str]) -> list[Citation]:
    """Citation ids resolved to the consortium and the paraphrased lesson."""
    found = []
    for ref in refs:
        cited = bank.cited(ref)
        if cited:
            case, item = cited
            found.append(Citation(ref=ref, case=case.name, kind=item.kind, text=item.text))
    return found


def report_view(assessment: Assessment, bank: Bank) -> ReportView:
    """The content of a report on `assessment`, with every id resolved against `bank`."""
    result, profile = assessment.result, assessment.profile
    theme_titles = {theme.id: theme.title for theme in result.themes}
    by_theme: dict[str, list[AnswerView]] = {theme.id: [] for theme in result.themes}
    scored = {s.question: s for s in result.questions}
    for question in bank.questions:
        counted = scored.get(question.id)
        value = assessment.answers.get(question.id)
        if question.theme not in by_theme or (counted is None and value is None):
            continue
        if counted is not None and counted.status.startswith("hidden"):
            continue
        by_theme[question.theme].append(
            AnswerView(
                question=question.text,
                answer=question.answer_label(value) if value is not None else "",
                score=counted.score if counted and counted.status == "answered" else None,
                status=STATUS_WORDS.get(counted.status if counted else "answered", ""),
                note=assessment.notes.get(question.id),
            )
        )
    overall = result.overall
    capped = overall.band != overall.uncapped_band and overall.uncapped_band
    return ReportView(
        organisation=profile.organisation,
        role=ROLES[profile.role],
        stage=STAGES[profile.stage],
        consortium=profile.consortium,
        tender_deadline=profile.tender_deadline.isoformat() if profile.tender_deadline else None,
        date=assessment.created.strftime("%-d %B %Y"),
        bank=f"{assessment.bank.title}, version {assessment.bank.version}",
        overall_score=overall.score,
        overall_band=overall.band_label,
        overall_meaning=overall.meaning,
        capped_from=bank.band_by_id(overall.uncapped_band).label if capped else None,
        flags=[
            FlagView(title=f.title, explain=f.explain, action=f.action,
                     caps=bank.band_by_id(f.caps_band).label, citations=citations(bank, f.cites))
            for f in result.flags
        ],
        themes=[
            ThemeView(title=t.title, score=t.score, band=t.band_label, asked=t.asked,
                      answered=t.answered, dont_know=t.dont_know)
            for t in result.themes if t.score is not None
        ],
        actions=[
            ActionView(rank=a.rank, kind=a.kind, text=a.text, reason=a.reason,
                       theme=theme_titles.get(a.theme or ""), evidence=a.evidence,
                       citations=citations(bank, a.cites))
            for a in result.actions
        ],
        answers=[ThemeAnswers(theme_titles[k], v) for k, v in by_theme.items() if v],
        asked=result.coverage.asked,
        answered=result.coverage.answered,
        dont_know=result.coverage.dont_know,
        unanswered=result.coverage.unanswered,
        coverage=result.coverage.percent,
    )
