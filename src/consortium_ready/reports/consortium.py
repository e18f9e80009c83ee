"""What the consortium report says, gathered once for the HTML, the Markdown and the TUI.

The consortium view (domain/aggregate.py) holds the figures; this adds the
words: headings, what each consortium-level flag means, the lessons behind each
disagreement, and which items come first. At scale the first items are shown
in full and the rest folded away; a long list of partners is cut short.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from consortium_ready.domain.bank import Bank
from consortium_ready.domain.consortium import (
    Consortium,
    ConsortiumFlag,
    ConsortiumFlagKind,
    Disagreement,
    Member,
    RaisedFlag,
    ThemeSpread,
)
from consortium_ready.domain.profilefields import ROLES, STAGES
from consortium_ready.reports.view import BandView, Citation, band_tone, citations
from consortium_ready.words import local_date, plural, score_number, verdict

T = TypeVar("T")

TOP_ITEMS = 8
"""Disagreements and flags shown in full; the rest are folded away."""
NAMES_SHOWN = 20
"""Partners named in one list before the rest are folded away..."""
NAMES_SHOWN_AT_SCALE = 6
"""... and when there are more than MEMBERS_SHOWN partners."""
LESSONS_SHOWN = 3
"""Lessons shown under one item before the rest are folded away."""
MEMBERS_SHOWN = 40
"""Partners listed, and drawn in the grid, before the rest are folded away."""
METHOD_SECTION = "docs/scoring.md, section 11"

FLAG_WORDS: dict[ConsortiumFlagKind, tuple[str, str]] = {
    "no-lead": (
        "No partner expects to lead",
        "A commissioner contracts with one organisation, which answers for every partner's "
        "delivery. Until one partner expects to lead and to stand behind the others, there is "
        "nobody to sign the contract.",
    ),
    "several-leads": (
        "More than one partner expects to lead",
        "Only one organisation can hold the contract. Partners who each expect to lead need to "
        "settle which will, before more work goes into the bid.",
    ),
    "lead-differs": (
        "What the lead says of itself differs from what partners say they have seen",
        "Every partner relies on the lead's guarantee and standing. Where partners have not "
        "seen what the lead says is in place, ask the lead to show them, in writing.",
    ),
    "described-differently": (
        "Partners describe the consortium differently",
        "Partners who give the consortium a different stage, kind or name may be answering about "
        "different things. Agree what the consortium is before reading too much into the rest.",
    ),
}
METHOD = (
    "Each partner answered on its own. Each counts once, from its latest complete "
    "assessment. For each theme the report gives the middle of the partners' scores (half "
    "score higher, half lower), the lowest and the highest, and how much of the theme the "
    "partners could not answer on average.",
    "A question marked in the question bank as a fact about the consortium, such as whether "
    "the agreement is signed, should get the same answer from every partner: different answers "
    "contradict each other. On other questions, answers two or more levels apart (levels "
    "counted by score, best first) are a disagreement, and so are theme bands two or more apart.",
)


@dataclass(frozen=True)
class Folded(Generic[T]):
    """A list shown in part: the first items, and the rest to fold away."""

    shown: list[T]
    hidden: list[T] = field(default_factory=list)

    @property
    def all(self) -> list[T]:
        return [*self.shown, *self.hidden]

    @property
    def words(self) -> str:
        """`A, B and 140 more`."""
        more = f" and {len(self.hidden)} more" if self.hidden else ""
        return ", ".join(map(str, self.shown)) + more


def folded(items: list[T], limit: int) -> Folded[T]:
    return Folded(items[:limit], items[limit:])


def names(labels: list[str], limit: int = NAMES_SHOWN) -> Folded[str]:
    """Partners named in a list, the first NAMES_SHOWN of them shown."""
    return folded(labels, limit)


@dataclass(frozen=True)
class PositionView:
    answer: str
    names: Folded[str]


@dataclass(frozen=True)
class DisagreementView:
    """A contradiction, a question answered far apart, or a theme whose bands are far apart."""

    kind: str
    """`fact`, `question` or `theme`."""
    heading: str
    subject: str
    theme: str | None
    positions: list[PositionView]
    dont_know: Folded[str]
    dont_know_words: str
    citations: list[Citation]


@dataclass(frozen=True)
class FlagView:
    """A consortium-level flag or a partner's red flag, and who it concerns."""

    title: str
    explain: str | None
    caps: str | None
    details: list[str]
    positions: list[PositionView]
    raised: Folded[str]
    unknown: Folded[str]
    unknown_title: str | None
    citations: list[Citation]


@dataclass(frozen=True)
class ThemeRow:
    number: int
    title: str
    middle: float | None
    lowest: float | None
    highest: float | None
    middle_band: str | None
    middle_tone: int | None
    lowest_names: Folded[str]
    unknown: float
    scored: int
    applies: int
    not_enough: int


@dataclass(frozen=True)
class MemberRow:
    label: str
    role: str
    stage: str
    date: str
    bank: str
    result: str
    coverage: float
    note: str
    lead: bool


@dataclass(frozen=True)
class ConsortiumView:
    title: str
    consortium: str | None
    anonymised: bool
    date: str
    bank: str
    summary: list[str]
    notes: list[str]
    disagreements: Folded[DisagreementView]
    flags: Folded[FlagView]
    consortium_flags: list[FlagView]
    themes: list[ThemeRow]
    members: Folded[MemberRow]
    coverage: list[str]
    not_answered: Folded[str]
    skipped: list[str]
    bands: list[BandView]
    method: tuple[str, ...] = METHOD
    method_doc: str = METHOD_SECTION


def _dont_know(labels: list[str], what: str) -> str:
    return f"{plural(len(labels), 'partner')} {what}" if labels else ""


def _question(bank: Bank, d: Disagreement, limit: int) -> DisagreementView:
    heading = (
        "Partners contradict each other on a fact"
        if d.fact
        else f"Answers {d.levels_apart} levels apart"
    )
    return DisagreementView(
        kind="fact" if d.fact else "question",
        heading=heading,
        subject=d.text,
        theme=d.theme,
        positions=[PositionView(p.answer, names(p.members, limit)) for p in d.positions],
        dont_know=names(d.dont_know, limit),
        dont_know_words=_dont_know(d.dont_know, "answered “don't know”"),
        citations=citations(bank, d.cites),
    )


def _theme(bank: Bank, theme: ThemeSpread, labels: list[str], limit: int) -> DisagreementView:
    """A theme whose bands are far apart, as partners grouped by band, best first."""
    by_band: dict[str, list[str]] = {}
    unknown = []
    for label, cell in zip(labels, theme.cells, strict=True):
        if cell is None:
            continue
        if cell.band is None:
            unknown.append(label)
        else:
            by_band.setdefault(cell.band, []).append(label)
    bands = sorted(by_band, key=lambda band: bank.band_rank.get(band, len(bank.band_rank)))
    return DisagreementView(
        kind="theme",
        heading=f"Theme bands {theme.levels_apart} apart",
        subject=theme.title,
        theme=None,
        positions=[PositionView(bank.band_label(b), names(by_band[b], limit)) for b in bands],
        dont_know=names(unknown, limit),
        dont_know_words=_dont_know(unknown, "know too little of it for a score"),
        citations=[],
    )


def _raised(bank: Bank, flag: RaisedFlag, limit: int) -> FlagView:
    return FlagView(
        title=flag.title if flag.raised_by else flag.title_unknown,
        explain=None,
        caps=bank.band_label(flag.caps_band),
        details=[],
        positions=[],
        raised=names(flag.raised_by, limit),
        unknown=names(flag.unknown_by, limit),
        unknown_title=flag.title_unknown if flag.raised_by and flag.unknown_by else None,
        citations=citations(bank, flag.cites),
    )


def _consortium_flag(bank: Bank, flag: ConsortiumFlag, limit: int) -> FlagView:
    title, explain = FLAG_WORDS[flag.kind]
    return FlagView(
        title=title,
        explain=explain,
        caps=None,
        details=flag.details,
        positions=[PositionView(p.answer, names(p.members, limit)) for p in flag.positions],
        raised=names(flag.members if flag.kind == "several-leads" else [], limit),
        unknown=names([]),
        unknown_title=None,
        citations=citations(bank, flag.cites),
    )


def _themes(bank: Bank, c: Consortium) -> list[ThemeRow]:
    rows = []
    for number, theme in enumerate(c.themes, start=1):
        band = bank.band(theme.middle) if theme.middle is not None else None
        rows.append(
            ThemeRow(
                number=number,
                title=theme.title,
                middle=theme.middle,
                lowest=theme.lowest,
                highest=theme.highest,
                middle_band=band.label if band else None,
                middle_tone=band_tone(bank, band.id) if band else None,
                lowest_names=names(theme.lowest_members, 3),
                unknown=theme.unknown,
                scored=theme.scored,
                applies=sum(cell is not None for cell in theme.cells),
                not_enough=theme.not_enough,
            )
        )
    return rows


def _member(bank: Bank, m: Member) -> MemberRow:
    notes = []
    if m.found > 1:
        notes.append(f"the latest complete of {m.found} assessments")
    if m.partial:
        notes.append(f"partial: {score_number(m.coverage)}% answered")
    if m.invited is False:
        notes.append("not on the invitation list")
    return MemberRow(
        label=m.label,
        role=ROLES[m.role],
        stage=STAGES[m.stage],
        date=local_date(m.created),
        bank=m.bank_version,
        result=verdict(bank.band_label(m.band) if m.band else None, m.overall),
        coverage=m.coverage,
        note="; ".join(notes),
        lead=m.role == "lead",
    )


def summary(c: Consortium) -> list[str]:
    """The report's opening lines: who answered, how many disagreements and flags."""
    disagreements = len(c.contradictions) + len(c.spreads) + len(c.theme_gaps)
    cover, leads = c.coverage, [m.label for m in c.leads]
    invited = f" of the {cover.invited} invited" if cover.invited is not None else ""
    if not leads:
        lead = "none expects to lead"
    elif len(leads) == 1:
        lead = f"{leads[0]} expects to lead"
    else:
        lead = f"{len(leads)} expect to lead: {names(leads, 3).words}"
    return [
        f"{plural(cover.answered, 'partner')}{invited} answered; {lead}.",
        f"{plural(len(c.contradictions), 'contradiction')} on questions of fact, "
        f"{plural(len(c.spreads), 'question')} answered two or more levels apart, and "
        f"{plural(len(c.theme_gaps), 'theme')} whose bands are two or more apart "
        f"({disagreements} in all, the most important first).",
        f"{plural(len(c.flags), 'red flag')} raised by at least one partner, and "
        f"{plural(len(c.consortium_flags), 'flag')} on the consortium as a whole.",
    ]


def _coverage(c: Consortium) -> list[str]:
    cover = c.coverage
    lines = []
    if cover.invited is not None:
        waiting = cover.not_answered_count
        lines.append(
            f"{cover.invited - waiting} of the {cover.invited} organisations invited have "
            f"answered; {waiting} {'has' if waiting == 1 else 'have'} not yet."
        )
        if cover.not_invited:
            lines.append(
                f"{plural(len(cover.not_invited), 'partner')} answered without being on the "
                "invitation list."
            )
    if cover.skipped_count:
        lines.append(
            f"{plural(cover.skipped_count, 'file')} could not be read as saved assessments and "
            "were left out."
        )
    return lines


def consortium_view(c: Consortium, bank: Bank) -> ConsortiumView:
    """The content of a consortium report, with every id resolved against `bank`."""
    labels = [m.label for m in c.members]
    limit = NAMES_SHOWN if len(labels) <= MEMBERS_SHOWN else NAMES_SHOWN_AT_SCALE
    disagreements = [
        *(_question(bank, d, limit) for d in c.contradictions),
        *(_question(bank, d, limit) for d in c.spreads),
        *(_theme(bank, t, labels, limit) for t in c.theme_gaps),
    ]
    name = c.consortium
    return ConsortiumView(
        title=f"Consortium readiness: {name}" if name else "Consortium readiness",
        consortium=name,
        anonymised=c.anonymised,
        date=local_date(c.made),
        bank=c.bank,
        summary=summary(c),
        notes=c.notes,
        disagreements=folded(disagreements, TOP_ITEMS),
        flags=folded([_raised(bank, f, limit) for f in c.flags], TOP_ITEMS),
        consortium_flags=[_consortium_flag(bank, f, limit) for f in c.consortium_flags],
        themes=_themes(bank, c),
        members=folded([_member(bank, m) for m in c.members], MEMBERS_SHOWN),
        coverage=_coverage(c),
        not_answered=names(c.coverage.not_answered, MEMBERS_SHOWN),
        skipped=c.coverage.skipped,
        bands=[
            BandView(b.label, b.min, b.meaning, band_tone(bank, b.id) or 0) for b in bank.info.bands
        ],
    )
