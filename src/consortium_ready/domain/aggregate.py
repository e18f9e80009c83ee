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

from consortium_ready.domain.bank import Bank
from consortium_ready.domain.conditions import visibility
from consortium_ready.domain.consortium import (
    Answered,
    BankUse,
    Cell,
    Consortium,
    Coverage,
    Invitation,
    Member,
    RaisedFlag,
    ThemeSpread,
)
from consortium_ready.domain.disagreements import disagreements, importance
from consortium_ready.domain.leadflags import consortium_flags
from consortium_ready.domain.profilefields import organisation_key
from consortium_ready.domain.result import QuestionScore, ThemeScore
from consortium_ready.domain.scoring import theme_scores
from consortium_ready.words import bank_name, plural


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
    return Cell(score=theme.score, band=theme.band, unknown=theme.unknown)


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
    found = disagreements(bank, chosen, common)
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
            key=lambda d: (-importance(bank, d.question), -d.levels_apart, order_of[d.question]),
        ),
        spreads=sorted(
            (d for d in found if not d.fact),
            key=lambda d: (-d.levels_apart, -importance(bank, d.question), order_of[d.question]),
        ),
        flags=_flags(bank, chosen),
        consortium_flags=consortium_flags(bank, chosen, common, anonymise),
        coverage=_coverage(returned, members, invitation, skipped, anonymise),
        notes=_notes(banks, members, len(common)),
    )
