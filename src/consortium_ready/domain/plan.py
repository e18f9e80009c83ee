"""The action plan: what to fix, then what to find out; one action per gap, most urgent first.

Red flags come first. Flags that turn on the same answers are one action, and
the answers behind a flag are not listed again on their own. Then the weakest
answers, heaviest first; then the "don't know"s, heaviest first. Within each
part, two gaps with the same advice are one action. See docs/scoring.md.
"""

from __future__ import annotations

from collections.abc import Iterable

from consortium_ready.domain.bank import Bank, Question
from consortium_ready.domain.result import Action, FlagHit, QuestionScore, ThemeScore


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _grouped(hits: list[FlagHit], triggers: dict[str, set[str]]) -> list[list[FlagHit]]:
    """Flags gathered so that any two sharing a trigger question are in one group, in order."""
    groups: list[tuple[list[FlagHit], set[str]]] = []
    for hit in hits:
        joined = [g for g in groups if g[1] & triggers[hit.id]]
        merged = (
            [h for g in joined for h in g[0]] + [hit],
            set(triggers[hit.id]).union(*(g[1] for g in joined)),
        )
        first = min((groups.index(g) for g in joined), default=len(groups))
        groups = [g for g in groups if g not in joined]
        groups.insert(first, merged)
    return [hits_ for hits_, _ in groups]


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
    conditions = {f.id: [c.question for c in f.when if c.question] for f in bank.flags}

    def triggers(hit: FlagHit) -> set[str]:
        """The questions behind a raised flag: for an unknown one, those answered "don't know"."""
        named = [q for q in conditions[hit.id] if q in status]
        return {q for q in named if not hit.unknown or status[q].status == "dont_know"}

    behind = {hit.id: triggers(hit) for hit in flags}
    covered: set[str] = set().union(*behind.values())
    fix = [
        _flag_action(bank, group, behind)
        for group in _grouped([h for h in flags if not h.unknown], behind)
    ]
    find = [
        _find_out_flag(bank, group, behind)
        for group in _grouped([h for h in flags if h.unknown], behind)
    ]

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
        *_merge_same_text(fix),
        *_merge_same_text(find),
        *_merge_same_text([_gap_action(bank, s) for s in weak]),
        *_merge_same_text([_gap_action(bank, s) for s in unknown]),
    ]
    return [action.model_copy(update={"rank": i}) for i, action in enumerate(ranked, start=1)]


def _lead_question(bank: Bank, questions: set[str]) -> Question | None:
    """Of a flag group's questions, the first in the questionnaire."""
    found = [q for q in (bank.question(qid) for qid in questions) if q is not None]
    return min(found, key=lambda q: bank.question_order[q.id], default=None)


def _flag_action(bank: Bank, group: list[FlagHit], behind: dict[str, set[str]]) -> Action:
    first = group[0]
    question = _lead_question(bank, set().union(*(behind[h.id] for h in group)))
    return Action(
        rank=0,
        kind="flag",
        part="fix",
        text=first.action,
        reason="; ".join(h.title for h in group) + ".",
        theme=question.theme if question else None,
        question=question.id if question else None,
        flag=first.id,
        flags=[h.id for h in group],
        evidence=question.evidence if question else None,
        cites=_unique(c for h in group for c in h.cites),
    )


def _find_out_flag(bank: Bank, group: list[FlagHit], behind: dict[str, set[str]]) -> Action:
    question = _lead_question(bank, set().union(*(behind[h.id] for h in group)))
    text = (
        question.find_out
        if question and question.find_out
        else f"Find out, then answer again: {question.text}"
        if question
        else group[0].action
    )
    return Action(
        rank=0,
        kind="find_out",
        part="find_out",
        text=text,
        reason="; ".join(h.title for h in group) + ".",
        theme=question.theme if question else None,
        question=question.id if question else None,
        flag=group[0].id,
        flags=[h.id for h in group],
        evidence=question.evidence if question else None,
        cites=_unique(c for h in group for c in h.cites),
    )


def _gap_action(bank: Bank, gap: QuestionScore) -> Action:
    question = bank.question(gap.question)
    assert question is not None and gap.answer is not None
    unknown = gap.status == "dont_know"
    text = (
        question.find_out or f"Find out, then answer again: {question.text}"
        if unknown
        else question.action or ""
    )
    return Action(
        rank=0,
        kind="find_out" if unknown else "improve",
        part="find_out" if unknown else "fix",
        text=text,
        reason=f"You answered: {question.answer_label(gap.answer)}.",
        theme=question.theme,
        question=question.id,
        evidence=question.evidence,
        cites=_unique(question.cites),
    )
