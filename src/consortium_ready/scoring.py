"""Readiness scores, bands, red flags and the action plan: pure functions, no I/O.

The method is written out for trustees in docs/scoring.md; keep the two in step.
"""

from __future__ import annotations

from consortium_ready.answers import AnswerSet
from datetime import date

from consortium_ready.bank import AnswerValue, Bank, Question
from consortium_ready.conditions import all_of, condition_state, is_dont_know, visibility
from consortium_ready.profile import Stage
from consortium_ready.result import (
    Action,
    Coverage,
    FlagHit,
    Overall,
    QuestionScore,
    Result,
    ThemeScore,
)


def answer_score(question: Question, answer: AnswerValue, stage: Stage) -> int:
    """The score out of 100 that one valid answer earns at this stage."""
    if is_dont_know(question, answer):
        return 0
    if question.kind == "number":
        return question.number_option(float(answer)).score_at(stage)  # type: ignore[arg-type]
    if isinstance(answer, list):
        return min(100, sum(question.option(v).score_at(stage) for v in answer))  # type: ignore[union-attr]
    return question.option(answer).score_at(stage)  # type: ignore[arg-type,union-attr]


def question_scores(bank: Bank, answer_set: AnswerSet) -> list[QuestionScore]:
    """How every scored question that applies counts, in questionnaire order."""
    profile, answers = answer_set.profile, answer_set.answers
    scores = []
    for question in bank.questions:
        if not question.scored:
            continue
        seen = visibility(bank, question, profile, answers)
        if seen == "not_applicable":
            continue
        answer = answers.get(question.id) if seen == "asked" else None
        if seen != "asked":
            status, points = seen, 100 if seen == "hidden_high" else 0
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


def weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    """Σ weight × score / Σ weight, to one decimal place; None when there is nothing to average."""
    total = sum(weight for weight, _ in pairs)
    if not total:
        return None
    return round(sum(weight * score for weight, score in pairs) / total, 1)


_ASKED_STATUSES = ("answered", "dont_know", "unanswered")
"""How a question that was put to the respondent counts (the others were hidden by an answer)."""


def _status_counts(scores: list[QuestionScore]) -> dict[str, int]:
    """How many of `scores` were asked, and how many of those are each of _ASKED_STATUSES."""
    counts = {status: sum(s.status == status for s in scores) for status in _ASKED_STATUSES}
    return {"asked": sum(counts.values()), **counts}


def theme_scores(bank: Bank, scores: list[QuestionScore]) -> list[ThemeScore]:
    results = []
    for theme in bank.themes:
        mine = [s for s in scores if s.theme == theme.id]
        value = weighted_mean([(s.weight, s.score) for s in mine])
        band = bank.band(value) if value is not None else None
        results.append(
            ThemeScore(
                id=theme.id,
                title=theme.title,
                weight=theme.weight,
                score=value,
                band=band.id if band else None,
                band_label=band.label if band else None,
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
        hits.append(FlagHit(
            id=flag.id,
            title=flag.title if state else flag.title_unknown,
            unknown=state is None,
            caps_band=flag.caps_band,
            explain=flag.explain,
            action=flag.action,
            cites=flag.cites,
        ))
    return sorted(hits, key=lambda hit: -bank.band_rank[hit.caps_band])


def overall_score(bank: Bank, themes: list[ThemeScore], flags: list[FlagHit]) -> Overall:
    """The weighted mean of theme scores, its band, and that band capped by any red flag."""
    value = weighted_mean([(t.weight, t.score) for t in themes if t.score is not None])
    if value is None:
        return Overall(score=None, band=None, band_label=None, meaning=None, uncapped_band=None)
    rank = bank.band_rank
    uncapped = bank.band(value)
    band, capped_by = uncapped, []
    for flag in flags:
        if rank[flag.caps_band] > rank[uncapped.id]:
            capped_by.append(flag.id)
            if rank[flag.caps_band] > rank[band.id]:
                band = bank.band_by_id(flag.caps_band)
    return Overall(
        score=value,
        band=band.id,
        band_label=band.label,
        meaning=band.meaning,
        uncapped_band=uncapped.id,
        capped_by=capped_by,
    )


def action_plan(
    bank: Bank,
    answer_set: AnswerSet,
    scores: list[QuestionScore],
    themes: list[ThemeScore],
    flags: list[FlagHit],
) -> list[Action]:
    """Red flags first; then the answers behind a red flag; then the heaviest, weakest gaps."""
    actions = [
        Action(rank=0, kind="flag", text=hit.action, reason=hit.title, theme=None,
               flag=hit.id, cites=hit.cites)
        for hit in flags
    ]
    flagged = {
        condition.question
        for flag in bank.flags
        if flag.id in {hit.id for hit in flags}
        for condition in flag.when
    }
    theme_score = {t.id: t.score if t.score is not None else 100.0 for t in themes}
    order = bank.question_order
    gaps = [
        s for s in scores
        if s.status == "dont_know" or (s.status == "answered" and s.score < bank.info.action_below)
    ]
    gaps.sort(key=lambda s: (s.question not in flagged, -s.weight * (100 - s.score),
                             theme_score[s.theme], order[s.question]))
    for gap in gaps:
        question = bank.question(gap.question)
        assert question is not None and gap.answer is not None
        answered = question.answer_label(gap.answer)
        if gap.status == "dont_know":
            text = question.find_out or f"Find out, then answer again: {question.text}"
            kind = "find_out"
        else:
            text, kind = question.action or "", "improve"
        actions.append(
            Action(rank=0, kind=kind, text=text, reason=f"You answered: {answered}.",
                   theme=question.theme, question=question.id, evidence=question.evidence,
                   cites=question.cites)
        )
    return [action.model_copy(update={"rank": i}) for i, action in enumerate(actions, start=1)]


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
        actions=action_plan(bank, answer_set, scores, themes, flags),
        coverage=coverage(scores),
        questions=scores,
    )
