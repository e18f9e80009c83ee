"""Several partners' assessments taken together: the consortium view, worked out. No I/O.

Each partner counts once, from the assessment it is given by (store/gathered.py
picks an organisation's latest complete one). Partners are compared on the
questions every assessment's bank holds. The method is written out for trustees
in docs/scoring.md, section 11; keep the two in step.
"""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from consortium_ready.domain.bank import DONT_KNOW, AnswerValue, Bank, Option, Question
from consortium_ready.domain.conditions import visibility
from consortium_ready.domain.consortium import (
    Answered,
    BankUse,
    Cell,
    Consortium,
    ConsortiumFlag,
    Counted,
    Coverage,
    Disagreement,
    Invitation,
    Member,
    Position,
    RaisedFlag,
    ThemeSpread,
)
from consortium_ready.domain.profile import KINDS, STAGES, organisation_key
from consortium_ready.domain.result import QuestionScore, ThemeScore
from consortium_ready.domain.scoring import theme_scores
from consortium_ready.words import bank_name, plural

COMPARED = ("single", "yes_no", "number")
"""The kinds of question compared answer for answer (the answers to others are sets or text)."""
WIDE_APART = 2
"""Answers, or theme bands, this many levels apart or more are a disagreement."""


@dataclass(frozen=True)
class Returned:
    """One organisation's assessment, and how many of its assessments were found."""

    assessment: Answered
    found: int = 1


def letters(index: int) -> str:
    """A, B, ..., Z, AA, AB, ...: the letter an anonymised partner goes by."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _order(returned: Sequence[Returned], anonymise: bool) -> list[int]:
    """The members' order: by name; anonymised, by a fingerprint of the name, which says
    nothing of it."""

    def key(index: int) -> str:
        name = returned[index].assessment.profile.organisation
        if anonymise:
            return hashlib.sha256(organisation_key(name).encode()).hexdigest()
        return name.casefold()

    return sorted(range(len(returned)), key=key)


def common_questions(assessments: Iterable[Answered], bank: Bank) -> set[str]:
    """The questions of `bank` that every bank used holds.

    Another version of the bank is not at hand, so it is judged by its assessments: a
    scored question that one of them would have counted (given its role, stage and
    answers) but does not hold is taken to be missing from that version.
    """
    missing: set[str] = set()
    for assessment in assessments:
        if assessment.bank.content_hash == bank.content_hash:
            continue
        held = set(assessment.held)
        missing |= {
            q.id
            for q in bank.questions
            if q.scored
            and q.id not in held
            and visibility(bank, q, assessment.profile, assessment.answers) != "not_applicable"
        }
    return set(bank.question_order) - missing


def _theme_scores(bank: Bank, assessment: Answered, common: set[str]) -> dict[str, ThemeScore]:
    """A partner's theme scores by id: as saved, or, when some question it counted is not
    common to every bank used, worked out again from the common questions alone."""
    counted = assessment.result.questions
    if all(s.question in common for s in counted):
        return {theme.id: theme for theme in assessment.result.themes}
    kept = [QuestionScore(**s.model_dump()) for s in counted if s.question in common]
    return {theme.id: theme for theme in theme_scores(bank, kept)}


def _cell(theme: ThemeScore | None) -> Cell | None:
    if theme is None or not theme.counted:
        return None
    return Cell.model_construct(score=theme.score, band=theme.band, unknown=theme.unknown)


def _spread(bank: Bank, index: int, cells: list[Cell | None], labels: list[str]) -> ThemeSpread:
    theme = bank.themes[index]
    counted = [(label, c) for label, c in zip(labels, cells, strict=True) if c is not None]
    scored = [(label, c.score) for label, c in counted if c.score is not None]
    scores = [score for _, score in scored]
    lowest = min(scores, default=None)
    ranks = [bank.band_rank[c.band] for _, c in counted if c.band in bank.band_rank]
    return ThemeSpread(
        id=theme.id,
        title=theme.title,
        weight=theme.weight,
        cells=cells,
        middle=round(statistics.median(scores), 1) if scores else None,
        lowest=lowest,
        highest=max(scores, default=None),
        lowest_members=[label for label, score in scored if score == lowest],
        unknown=round(statistics.fmean(c.unknown for _, c in counted), 1) if counted else 0.0,
        not_enough=sum(c.score is None for _, c in counted),
        levels_apart=max(ranks) - min(ranks) if ranks else 0,
    )


def _levels(question: Question) -> dict[int, int]:
    """Each score an answer can earn, to its level: 0 for the best, 1 for the next, ..."""
    scores = sorted({o.score or 0 for o in question.options if not o.dont_know}, reverse=True)
    return {score: level for level, score in enumerate(scores)}


def _chosen(question: Question, value: AnswerValue) -> Option | None:
    """The option an answer takes (a number's band), or None for one this bank does not offer."""
    if question.kind == "number" and isinstance(value, (int, float)):
        return question.number_option(float(value)) if question.number_bands else None
    return question.option(value) if isinstance(value, str) else None


def _disagreement(
    bank: Bank,
    question: Question,
    given: list[tuple[str, Counted, AnswerValue | None]],
) -> Disagreement | None:
    """How the partners' answers to `question` differ, if they do: None when they agree."""
    levels = _levels(question)
    positions: dict[str, tuple[str, int | None, list[str]]] = {}
    dont_know: list[str] = []
    for label, counted, value in given:
        if counted.status == "dont_know":
            dont_know.append(label)
            continue
        option = _chosen(question, value) if value is not None else None
        if counted.status != "answered" or option is None or value is None:
            continue
        exact = question.fact and question.kind == "number"
        key, words = (
            (str(value), bank.answer_words(question.id, value))
            if exact
            else (
                option.value,
                option.label,
            )
        )
        level = levels.get(option.score or 0)
        positions.setdefault(key, (words, level, []))[2].append(label)
    found = [level for _, level, _ in positions.values() if level is not None]
    apart = max(found) - min(found) if found else 0
    if len(positions) < 2 or (not question.fact and apart < WIDE_APART):
        return None
    ordered = sorted(
        positions.values(), key=lambda p: (p[1] if p[1] is not None else len(levels), -len(p[2]))
    )
    return Disagreement(
        question=question.id,
        text=question.text,
        theme=bank.theme_titles.get(question.theme, question.theme),
        fact=question.fact,
        positions=[Position(answer=w, level=lv, members=m) for w, lv, m in ordered],
        dont_know=dont_know,
        levels_apart=apart,
        cites=question.cites,
    )


def _disagreements(
    bank: Bank, members: list[tuple[str, Answered]], common: set[str]
) -> list[Disagreement]:
    """Every question compared whose answers differ: facts, and answers two levels apart."""
    counted = [(label, {s.question: s for s in a.result.questions}, a) for label, a in members]
    found = []
    for question in bank.questions:
        if question.kind not in COMPARED or question.id not in common:
            continue
        given = [
            (label, scores[question.id], a.answers.get(question.id))
            for label, scores, a in counted
            if question.id in scores
        ]
        if (disagreement := _disagreement(bank, question, given)) is not None:
            found.append(disagreement)
    return found


def _importance(bank: Bank, question_id: str) -> float:
    """A question's weight times its theme's: how much it counts in the overall score."""
    question = bank.question(question_id)
    if question is None:
        return 0.0
    return (question.weight or 1) * bank.theme(question.theme).weight


def _flags(bank: Bank, members: list[tuple[str, Answered]]) -> list[RaisedFlag]:
    """Every red flag any partner raised: the worst cap first, then the most partners."""
    raised: dict[str, RaisedFlag] = {}
    for label, assessment in members:
        for hit in assessment.result.flags:
            flag = next((f for f in bank.flags if f.id == hit.id), None)
            group = raised.get(hit.id) or RaisedFlag(
                id=hit.id,
                title=flag.title if flag else hit.title,
                title_unknown=flag.title_unknown if flag else hit.title,
                caps_band=hit.caps_band,
                raised_by=[],
                unknown_by=[],
                cites=hit.cites,
            )
            (group.unknown_by if hit.unknown else group.raised_by).append(label)
            raised[hit.id] = group
    order = {flag.id: index for index, flag in enumerate(bank.flags)}
    return sorted(
        raised.values(),
        key=lambda f: (
            -bank.band_rank.get(f.caps_band, -1),
            -len(f.raised_by) - len(f.unknown_by),
            order.get(f.id, len(order)),
        ),
    )


def _lead_differs(
    bank: Bank, members: list[tuple[str, Answered]], common: set[str]
) -> list[ConsortiumFlag]:
    """For each question with a `lead_check`: the partners whose answers differ from what the
    lead says of itself."""
    leads = [(label, a) for label, a in members if a.profile.role == "lead"]
    others = [(label, a) for label, a in members if a.profile.role != "lead"]
    flags = []
    for question in bank.questions:
        check = question.lead_check
        asked = bank.question(check.question) if check and check.question else question
        if check is None or asked is None or not {question.id, asked.id} <= common:
            continue
        for lead_label, lead in leads:
            claim = lead.answers.get(asked.id)
            if not isinstance(claim, str) or asked.option(claim) is None or claim == DONT_KNOW:
                continue
            if check.agrees and claim not in check.agrees:
                continue
            agreeing = check.agrees.get(claim, [claim])
            differing: dict[str, list[str]] = {}
            for label, other in others:
                answer = other.answers.get(question.id)
                if answer is not None and answer not in agreeing:
                    differing.setdefault(bank.answer_words(question.id, answer), []).append(label)
            if not differing:
                continue
            said = (
                f"{lead_label}, expecting to lead, answers “{bank.answer_words(asked.id, claim)}”"
            )
            details = (
                [f"Asked “{asked.text}”, {said}; partners answer otherwise."]
                if asked is question
                else [
                    f"Asked “{asked.text}”, {said}.",
                    f"Partners asked “{question.text}” answer otherwise.",
                ]
            )
            flags.append(
                ConsortiumFlag(
                    kind="lead-differs",
                    members=[lead_label],
                    details=details,
                    positions=[
                        Position(answer=words, level=None, members=who)
                        for words, who in differing.items()
                    ],
                    cites=question.cites,
                )
            )
    return flags


def _lead_cites(bank: Bank) -> list[str]:
    """The lessons behind the questions that check the lead's word: why a lead matters."""
    refs = [ref for q in bank.questions if q.lead_check for ref in q.cites]
    return list(dict.fromkeys(refs))


def _described(members: list[tuple[str, Answered]], anonymise: bool) -> list[str]:
    """Sentences for each part of the profile the partners give differently."""
    details = []
    for field, words in (("stage", STAGES), ("kind", KINDS)):
        given: dict[str, int] = {}
        for _, a in members:
            value = getattr(a.profile, field)
            given[words[value]] = given.get(words[value], 0) + 1
        if len(given) > 1:
            counts = ", ".join(
                f"{plural(n, 'partner')} {'says' if n == 1 else 'say'} {w}"
                for w, n in given.items()
            )
            details.append(f"The consortium's {field}: {counts}.")
    names: dict[str, list[str]] = {}
    for _, a in members:
        if a.profile.consortium:
            names.setdefault(organisation_key(a.profile.consortium), []).append(
                a.profile.consortium
            )
    if len(names) > 1:
        shown = "" if anonymise else ": " + "; ".join(f"“{n[0]}”" for n in names.values())
        details.append(f"The consortium's name is given {len(names)} different ways{shown}.")
    return details


def _consortium_flags(
    bank: Bank, members: list[tuple[str, Answered]], common: set[str], anonymise: bool
) -> list[ConsortiumFlag]:
    leads = [label for label, a in members if a.profile.role == "lead"]
    cites = _lead_cites(bank)
    flags = []
    if not leads:
        undecided = sum(a.profile.role == "undecided" for _, a in members)
        flags.append(
            ConsortiumFlag(
                kind="no-lead",
                members=[],
                details=[
                    f"Of {plural(len(members), 'partner')}, none expects to lead"
                    + (f"; {undecided} undecided." if undecided else ".")
                ],
                cites=cites,
            )
        )
    elif len(leads) > 1:
        flags.append(
            ConsortiumFlag(
                kind="several-leads",
                members=leads,
                details=[f"{len(leads)} partners expect to lead."],
                cites=cites,
            )
        )
    flags += _lead_differs(bank, members, common)
    if described := _described(members, anonymise):
        flags.append(
            ConsortiumFlag(kind="described-differently", members=[], details=described, cites=[])
        )
    return flags


def _banks(members: list[tuple[str, Answered]]) -> list[BankUse]:
    """Each version of the bank the assessments were made with, and by whom."""
    uses: dict[str, BankUse] = {}
    for label, a in members:
        use = uses.setdefault(
            a.bank.content_hash, BankUse(title=a.bank.title, version=a.bank.version, members=[])
        )
        use.members.append(label)
    return list(uses.values())


def _notes(banks: list[BankUse], members: list[Member], common: int) -> list[str]:
    notes = []
    if len(banks) > 1:
        used = "; ".join(
            f"version {use.version} by {plural(len(use.members), 'partner')}" for use in banks
        )
        notes.append(
            f"The assessments were made with {len(banks)} versions of the question bank "
            f"({used}). They are compared on the {plural(common, 'question')} every version "
            "holds, and each partner's theme scores are worked out again from those alone."
        )
    several = [m for m in members if m.found > 1]
    if several:
        notes.append(
            f"{plural(len(several), 'partner')} had more than one assessment among those read; "
            "for each, the latest complete one is used (the latest of any kind when none "
            "is complete)."
        )
    partial = sum(m.partial for m in members)
    if partial:
        notes.append(
            f"{plural(partial, 'partner')}' assessments left questions unanswered; each counts "
            "as unknown, as in the partner's own report."
        )
    return notes


def _coverage(
    returned: Sequence[Returned],
    members: list[Member],
    invitation: Invitation | None,
    skipped: Sequence[str],
    anonymise: bool,
) -> Coverage:
    answered = {organisation_key(r.assessment.profile.organisation) for r in returned}
    missing = []
    if invitation is not None:
        missing = [n for n in invitation.invited if organisation_key(n) not in answered]
    return Coverage(
        answered=len(members),
        invited=len(invitation.invited) if invitation else None,
        not_answered=[] if anonymise else missing,
        not_answered_count=len(missing),
        not_invited=[m.label for m in members if m.invited is False],
        skipped=[] if anonymise else list(skipped),
        skipped_count=len(skipped),
    )


def aggregate(
    returned: Sequence[Returned],
    bank: Bank,
    *,
    invitation: Invitation | None = None,
    anonymise: bool = False,
    skipped: Sequence[str] = (),
    now: datetime | None = None,
) -> Consortium:
    """The consortium view of one assessment per organisation, worded with `bank`.

    `skipped` names the files that could not be read; `invitation`, who was asked.
    Anonymised, partners are "Partner A", "Partner B", ... and no organisation's
    name, the consortium's name or a file name appears anywhere in the view.
    """
    order = _order(returned, anonymise)
    invited = {organisation_key(n) for n in invitation.invited} if invitation else None
    labels: list[str] = []
    chosen: list[tuple[str, Answered]] = []
    members: list[Member] = []
    for place, index in enumerate(order):
        item = returned[index]
        a, profile = item.assessment, item.assessment.profile
        label = f"Partner {letters(place)}" if anonymise else profile.organisation
        labels.append(label)
        chosen.append((label, a))
        members.append(
            Member(
                label=label,
                role=profile.role,
                stage=profile.stage,
                kind=profile.kind,
                created=a.created,
                bank_version=a.bank.version,
                overall=a.result.overall.score,
                band=a.result.overall.band,
                coverage=a.result.coverage.percent,
                found=item.found,
                invited=None
                if invited is None
                else organisation_key(profile.organisation) in invited,
                index=index,
            )
        )
    common = common_questions((a for _, a in chosen), bank)
    by_member = [_theme_scores(bank, a, common) for _, a in chosen]
    themes = [
        _spread(bank, index, [_cell(scores.get(theme.id)) for scores in by_member], labels)
        for index, theme in enumerate(bank.themes)
    ]
    found = _disagreements(bank, chosen, common)
    order_of = bank.question_order
    banks = _banks(chosen)
    names = [a.profile.consortium for _, a in chosen if a.profile.consortium]
    consortium = (
        invitation.consortium if invitation else (statistics.mode(names) if names else None)
    )
    return Consortium(
        made=(now or datetime.now(UTC)).replace(microsecond=0),
        anonymised=anonymise,
        consortium=None if anonymise else consortium,
        bank=bank_name(bank.info.title, bank.info.version),
        banks=banks,
        common=len(common),
        members=members,
        themes=[theme for theme in themes if any(theme.cells)],
        contradictions=sorted(
            (d for d in found if d.fact),
            key=lambda d: (-_importance(bank, d.question), -d.levels_apart, order_of[d.question]),
        ),
        spreads=sorted(
            (d for d in found if not d.fact),
            key=lambda d: (-d.levels_apart, -_importance(bank, d.question), order_of[d.question]),
        ),
        flags=_flags(bank, chosen),
        consortium_flags=_consortium_flags(bank, chosen, common, anonymise),
        coverage=_coverage(returned, members, invitation, skipped, anonymise),
        notes=_notes(banks, members, len(common)),
    )
