"""The theme chart's geometry: a bar per scored theme and a dashed line where each band begins,
as percentages of the track, for the HTML report's table of themes."""

from __future__ import annotations

from typing import NamedTuple

from consortium_ready.reports.view import ReportView, ThemeView
from consortium_ready.words import plain_number


class Row(NamedTuple):
    """A theme, and its bar's width in per cent of the track; None: not enough known to score."""

    theme: ThemeView
    width: str | None


class Tick(NamedTuple):
    """Where a band begins, in per cent of the track, and the band's label."""

    at: int
    label: str


class Chart(NamedTuple):
    rows: list[Row]
    ticks: list[Tick]


def theme_chart(view: ReportView) -> Chart:
    """One row per theme, in the bank's order; a theme with not enough known has no bar."""
    rows = [
        Row(theme, None if theme.score is None else plain_number(round(theme.score, 1)))
        for theme in view.themes
    ]
    ticks = [Tick(at=band.min, label=f"{band.label} {band.min}") for band in view.band_starts]
    return Chart(rows=rows, ticks=ticks)
