"""The action plan: what to fix, then what to find out; one action per gap, most urgent first.

Red flags come first. A flag is about the first question it names; flags about
the same answer are one action, and that answer is not listed again on its own.
Then the weakest answers, heaviest first; then the "don't know"s, heaviest
first. Within each part, two gaps with the same advice are one action. See
docs/scoring.md.
"""

from __future__ import annotations

from collections.abc import Iterable

from consortium_ready.domain.bank import Bank, Question
from consortium_ready.domain.result import Action, FlagHit, QuestionScore, ThemeScore


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _merge_same_text(actions: list[Action]) -> list[Action]:
    """One action for each piece of advice: reasons and citations of repeats join the first."""
    merged: dict[str, Action] = {}
    for action in actions:
        first = merged.get(action.text)
        if first is None:
            merged[action.text] = action
        else:
            merged[action.text] = first.model_copy(
                update={
                    "reason": f"{first.reason} {action.reason}",
                    "cites": _unique([*first.cites, *action.cites]),
                    "flags": _unique([*first.flags, *action.flags]),
                }
            )
    return list(merged.values())


def action_plan(
    bank: Bank, scores: list[QuestionScore], themes: list[ThemeScore], flags: list[FlagHit]
) -> list[Action]:
    """Every action, ranked: flags to fix, flags to find out about, weak answers, unknowns."""
    status = {s.question: s for s in scores}
    theme_weight = {t.id: t.weight for t in themes}
    names = {f.id: [c.question for c in f.when if c.question in status] for f in bank.flags}

    def subject(hit: FlagHit) -> str | None:
        """The answer a raised flag is about: the first question it names (for a flag raised
        by "don't know", the first it names that was answered "don't know")."""
        return next(
            (q for q in names[hit.id] if not hit.unknown or status[q].status == "dont_know"),
            None,
        )

    about = {hit.id: subject(hit) for hit in flags}
    covered = {question for question in about.values() if question}

    def grouped(unknown: bool) -> list[Action]:
        groups: dict[str, list[FlagHit]] = {}
        for hit in flags:
            if hit.unknown == unknown:
                groups.setdefault(about[hit.id] or hit.id, []).append(hit)
        return [_flag_action(bank, group, about[group[0].id]) for group in groups.values()]

    def weight(s: QuestionScore) -> float:
        return s.weight * theme_weight.get(s.theme, 1)

    order = bank.question_order
    weak = sorted(
        (
            s
            for s in scores
            if s.status == "answered"
            and s.score < bank.info.action_below
            and s.question not in covered
        ),
        key=lambda s: (-weight(s) * (100 - s.score), order[s.question]),
    )
    unknown = sorted(
        (s for s in scores if s.status == "dont_know" and s.question not in covered),
        key=lambda s: (-weight(s), order[s.question]),
    )
    ranked = [
        *_merge_same_text(grouped(unknown=False)),
        *_merge_same_text(grouped(unknown=True)),
        *_merge_same_text([_gap_action(bank, s) for s in weak]),
        *_merge_same_text([_gap_action(bank, s) for s in unknown]),
    ]
    return [action.model_copy(update={"rank": i}) for i, action in enumerate(ranked, start=1)]


def _find_out(question: Question) -> str:
    return question.find_out or f"Find out, then answer again: {question.text}"


def _flag_action(bank: Bank, group: list[FlagHit], about: str | None) -> Action:
    """One action for flags about the same answer: fix it, or find out (raised as unknown)."""
    first, question = group[0], bank.question(about or "")
    unknown = first.unknown
    return Action(
        rank=0,
        kind="find_out" if unknown else "flag",
        part="find_out" if unknown else "fix",
        text=_find_out(question) if unknown and question else first.action,
        reason="; ".join(h.title for h in group) + ".",
        theme=question.theme if question else None,
        question=question.id if question else None,
        flag=first.id,
        flags=[h.id for h in group],
        evidence=question.evidence if question else None,
        cites=_unique(c for h in group for c in h.cites),
    )


def _gap_action(bank: Bank, gap: QuestionScore) -> Action:
    question = bank.question(gap.question)
    assert question is not None and gap.answer is not None
    unknown = gap.status == "dont_know"
    return Action(
        rank=0,
        kind="find_out" if unknown else "improve",
        part="find_out" if unknown else "fix",
        text=_find_out(question) if unknown else question.action or "",
        reason=f"You answered: {question.answer_label(gap.answer)}.",
        theme=question.theme,
        question=question.id,
        evidence=question.evidence,
        cites=_unique(question.cites),
    )
