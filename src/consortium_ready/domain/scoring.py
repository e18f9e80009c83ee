"""Readiness scores, bands and red flags, and the result they make: pure functions, no I/O.

The method is written out for trustees in docs/scoring.md; keep the two in step.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from consortium_ready.domain.answerset import AnswerSet
from consortium_ready.domain.bank import AnswerValue, Bank, Question
from consortium_ready.domain.conditions import all_of, condition_state, is_dont_know, visibility
from consortium_ready.domain.plan import action_plan
from consortium_ready.domain.profilefields import Stage
from consortium_ready.domain.result import (
    Coverage,
    FlagHit,
    Overall,
    QuestionScore,
    QuestionStatus,
    Result,
    ThemeScore,
)


def answer_score(question: Question, answer: AnswerValue, stage: Stage) -> int:
    """The score out of 100 that one valid answer earns at this stage."""
    if is_dont_know(question, answer):
        return 0
    if isinstance(answer, (int, float)):
        return question.number_option(float(answer)).score_at(stage)
    values = answer if isinstance(answer, list) else [answer]
    return min(100, sum(question.option_map[value].score_at(stage) for value in values))


def question_scores(bank: Bank, answer_set: AnswerSet) -> list[QuestionScore]:
    """How every scored question that applies counts, in questionnaire order."""
    profile, answers = answer_set.profile, answer_set.answers
    scores = []
    for question in bank.questions:
        if not question.scored:
            continue
        status: QuestionStatus
        seen = visibility(bank, question, profile, answers)
        if seen == "not_applicable":
            continue
        answer = answers.get(question.id) if seen == "asked" else None
        if seen != "asked":
            status, points = seen, (100 if seen == "hidden_high" else 0)
        elif answer is None:
            status, points = "unanswered", 0
        elif is_dont_know(question, answer):
            status, points = "dont_know", 0
        else:
            status, points = "answered", answer_score(question, answer, profile.stage)
        scores.append(
            QuestionScore(
                question=question.id,
                theme=question.theme,
                status=status,
                score=points,
                weight=question.weight or 1,
                answer=answer,
            )
        )
    return scores


def weighted_mean(pairs: Sequence[tuple[float, float]]) -> float | None:
    """Σ weight × score / Σ weight, to one decimal place; None when there is nothing to average."""
    total = sum(weight for weight, _ in pairs)
    if not total:
        return None
    return round(sum(weight * score for weight, score in pairs) / total, 1)


_ASKED_STATUSES = ("answered", "dont_know", "unanswered")
"""How a question that was put to the respondent counts (the others were hidden by an answer)."""

_UNKNOWN_STATUSES = ("dont_know", "unanswered", "hidden_unknown")


def _status_counts(scores: list[QuestionScore]) -> dict[str, int]:
    """How many of `scores` were asked, and how many of those are each of _ASKED_STATUSES."""
    counts = {status: sum(s.status == status for s in scores) for status in _ASKED_STATUSES}
    return {"asked": sum(counts.values()), **counts}


def theme_scores(bank: Bank, scores: list[QuestionScore]) -> list[ThemeScore]:
    """Each theme scored from what is known, unless too much of it is unknown to say."""
    results = []
    for theme in bank.themes:
        mine = [s for s in scores if s.theme == theme.id]
        known = [(s.weight, float(s.score)) for s in mine if s.status not in _UNKNOWN_STATUSES]
        is_unknown = [(s.weight, 100.0 * (s.status in _UNKNOWN_STATUSES)) for s in mine]
        unknown = weighted_mean(is_unknown) or 0.0  # the per cent of its weight unknown
        value = weighted_mean(known) if unknown <= bank.info.unknown_limit else None
        band = bank.band(value) if value is not None else None
        results.append(
            ThemeScore(
                id=theme.id,
                title=theme.title,
                weight=theme.weight,
                score=value,
                band=band.id if band else None,
                band_label=band.label if band else None,
                unknown=unknown,
                with_gaps=weighted_mean([(s.weight, s.score) for s in mine]),
                **_status_counts(mine),
            )
        )
    return results


def raised_flags(bank: Bank, answer_set: AnswerSet, today: date) -> list[FlagHit]:
    """The red flags no condition rules out, worst cap first.

    A flag whose conditions all hold is raised as a fact; one that only a
    "don't know" keeps from being ruled out is raised as unknown, and says so.
    """
    profile, answers = answer_set.profile, answer_set.answers
    hits = []
    for flag in bank.flags:
        state = all_of([condition_state(bank, c, profile, answers, today) for c in flag.when])
        if state is False:
            continue
        hits.append(
            FlagHit(
                id=flag.id,
                title=flag.title if state else flag.title_unknown,
                unknown=state is None,
                caps_band=flag.caps_band,
                explain=flag.explain,
                action=flag.action,
                cites=flag.cites,
            )
        )
    return sorted(hits, key=lambda hit: -bank.band_rank[hit.caps_band])


def overall_score(bank: Bank, themes: list[ThemeScore], flags: list[FlagHit]) -> Overall:
    """The verdict, counting what is unknown as gaps: its score, its band, and what capped it.

    Counting unknowns as 0 means "don't know" can never make the verdict better
    than a weak answer would, and that a verdict of Ready (80) needs at least
    four fifths of what was asked to be known. Every red flag caps the band.
    """
    counted = [t for t in themes if t.with_gaps is not None]
    value = weighted_mean([(t.weight, t.with_gaps or 0.0) for t in counted])
    if value is None:
        return Overall(score=None, band=None, band_label=None, meaning=None, uncapped_band=None)
    rank = bank.band_rank
    uncapped = band = bank.band(value)
    capped_by = [flag.id for flag in flags if rank[flag.caps_band] > rank[uncapped.id]]
    for flag in flags:
        if rank[flag.caps_band] > rank[band.id]:
            band = bank.band_by_id(flag.caps_band)
    return Overall(
        score=value,
        band=band.id,
        band_label=band.label,
        meaning=band.meaning,
        uncapped_band=uncapped.id,
        capped_by=capped_by,
        known_score=weighted_mean([(t.weight, t.score) for t in counted if t.score is not None]),
        unknown=weighted_mean([(t.weight, t.unknown) for t in counted]) or 0.0,
    )


def coverage(scores: list[QuestionScore]) -> Coverage:
    counts = _status_counts(scores)
    asked, given = counts["asked"], counts["asked"] - counts["unanswered"]
    return Coverage(**counts, percent=round(100 * given / asked, 1) if asked else 100.0)


def score(bank: Bank, answer_set: AnswerSet, today: date) -> Result:
    """Score a (valid) answer set against the bank, on the day the deadline is counted from."""
    scores = question_scores(bank, answer_set)
    themes = theme_scores(bank, scores)
    flags = raised_flags(bank, answer_set, today)
    return Result(
        overall=overall_score(bank, themes, flags),
        themes=themes,
        flags=flags,
        actions=action_plan(bank, scores, themes, flags),
        coverage=coverage(scores),
        questions=scores,
    )
