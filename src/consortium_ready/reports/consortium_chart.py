"""The consortium report's two inline SVG charts, as geometry for the template.

The grid puts partners against themes: a row per partner, a column per theme,
each cell its score in its band's tone, and a last row with each theme's middle.
The ranges show, for each theme, every partner's score as a dot on one line
from 0 to 100, with the lowest to the highest joined and the middle marked:
where the partners stand together, and how far apart, at any number of partners.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from consortium_ready.domain.bank import Bank
from consortium_ready.domain.consortium import Cell, Consortium
from consortium_ready.reports.view import band_tone
from consortium_ready.words import score_number

LABEL = 250
"""The width of the partners' names in the grid."""
COLUMN = 34
ROW = 22
HEAD = 170
"""The height of the grid's theme titles, written at a slant."""
TITLE_CHARS = 34
NAME_CHARS = 30
RANGE_WIDTH = 640
TRACK = 560
RANGE_TOP = 28
RANGE_ROW = 40


def _short(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


@dataclass(frozen=True)
class GridCell:
    x: int
    tone: int | None
    text: str
    known: bool
    """False: more of the theme is unknown than allows a score."""


@dataclass(frozen=True)
class GridRow:
    label: str
    full: str
    y: int
    lead: bool
    cells: list[GridCell | None]
    middle: bool = False


@dataclass(frozen=True)
class GridColumn:
    x: int
    title: str
    full: str


@dataclass(frozen=True)
class Grid:
    width: int
    height: int
    label_width: int
    column_width: int
    row_height: int
    head: int
    columns: list[GridColumn]
    rows: list[GridRow]


def _grid_cell(bank: Bank, x: int, cell: Cell | None) -> GridCell | None:
    if cell is None:
        return None
    if cell.score is None:
        return GridCell(x, None, "?", known=False)
    return GridCell(x, band_tone(bank, cell.band), score_number(cell.score), known=True)


def partner_grid(c: Consortium, bank: Bank, most: int | None = None) -> Grid:
    """Partners (the first `most` of them) against themes, and each theme's middle last."""
    xs = [LABEL + index * COLUMN for index in range(len(c.themes))]
    columns = [
        GridColumn(x + COLUMN // 2, _short(t.title, TITLE_CHARS), t.title)
        for x, t in zip(xs, c.themes, strict=True)
    ]
    members = c.members[:most] if most is not None else c.members
    rows = [
        GridRow(
            label=_short(member.label, NAME_CHARS),
            full=member.label,
            y=HEAD + index * ROW,
            lead=member.role == "lead",
            cells=[_grid_cell(bank, x, t.cells[index]) for x, t in zip(xs, c.themes, strict=True)],
        )
        for index, member in enumerate(members)
    ]
    middles = [
        _grid_cell(
            bank,
            x,
            Cell(score=t.middle, band=bank.band(t.middle).id, unknown=t.unknown)
            if t.middle is not None
            else None,
        )
        for x, t in zip(xs, c.themes, strict=True)
    ]
    middle_y = HEAD + len(rows) * ROW + 8
    rows.append(GridRow("Middle", "Middle of the partners", middle_y, False, middles, middle=True))
    return Grid(
        width=LABEL + len(columns) * COLUMN + HEAD,
        height=middle_y + ROW + 4,
        label_width=LABEL,
        column_width=COLUMN,
        row_height=ROW,
        head=HEAD,
        columns=columns,
        rows=rows,
    )


@dataclass(frozen=True)
class Tick:
    """Where a band begins on the ranges' track, and its label."""

    x: float
    label: str


@dataclass(frozen=True)
class Dot:
    """The partners with one score for a theme: one dot, larger the more partners it stands for."""

    x: float
    tone: int | None
    count: int

    @property
    def radius(self) -> float:
        return round(min(4.0 + 1.2 * math.sqrt(self.count - 1), 8.0), 1)


@dataclass(frozen=True)
class RangeRow:
    title: str
    label_y: int
    track_y: int
    low_x: float
    high_x: float
    middle_x: float
    middle: str
    dots: list[Dot]


@dataclass(frozen=True)
class Ranges:
    width: int
    height: int
    track: int
    rows: list[RangeRow]
    ticks: list[Tick]


def _x(score: float) -> float:
    return round(TRACK * score / 100, 1)


def theme_ranges(c: Consortium, bank: Bank) -> Ranges:
    """For each theme with a score, each partner's score as a dot, lowest to highest joined."""
    scored = [t for t in c.themes if t.middle is not None]
    rows = []
    for index, theme in enumerate(scored):
        top = RANGE_TOP + index * RANGE_ROW
        cells = [cell for cell in theme.cells if cell is not None and cell.score is not None]
        rows.append(
            RangeRow(
                title=theme.title,
                label_y=top + 14,
                track_y=top + 26,
                low_x=_x(theme.lowest or 0),
                high_x=_x(theme.highest or 0),
                middle_x=_x(theme.middle or 0),
                middle=score_number(theme.middle),
                dots=[
                    Dot(x, tone, count)
                    for (x, tone), count in Counter(
                        (_x(cell.score or 0), band_tone(bank, cell.band)) for cell in cells
                    ).items()
                ],
            )
        )
    return Ranges(
        width=RANGE_WIDTH,
        height=RANGE_TOP + len(rows) * RANGE_ROW + 6,
        track=TRACK,
        rows=rows,
        ticks=[
            Tick(x=_x(band.min), label=f"{band.label} {band.min}+")
            for band in bank.info.bands
            if band.min > 0
        ],
    )
