"""The theme-score bar chart's geometry, for the HTML report's inline SVG."""

from __future__ import annotations

from dataclasses import dataclass

from consortium_ready.reports.view import ReportView

WIDTH = 640
TRACK = 560
"""Bars run from 0 to TRACK for scores 0 to 100, leaving room for the score after them."""
TOP = 28
ROW = 38
BAR = 14


@dataclass(frozen=True)
class Bar:
    title: str
    score: float
    band: str | None
    tone: int | None
    label_y: int
    bar_y: int
    width: float


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    track: int
    bar_height: int
    bars: list[Bar]
    ticks: list[Tick]


def theme_chart(view: ReportView) -> Chart:
    """One labelled bar per scored theme, with a dashed line where each band begins.

    A theme with not enough known to score has no bar; the table beside says so.
    """
    scored = [(theme, theme.score) for theme in view.themes if theme.score is not None]
    bars = [
        Bar(
            title=theme.title,
            score=score,
            band=theme.band,
            tone=theme.tone,
            label_y=TOP + index * ROW + 14,
            bar_y=TOP + index * ROW + 20,
            width=round(TRACK * score / 100, 1),
        )
        for index, (theme, score) in enumerate(scored)
    ]
    ticks = [
        Tick(x=TRACK * band.min / 100, label=f"{band.label} {band.min}+")
        for band in view.bands
        if band.min > 0
    ]
    return Chart(
        width=WIDTH,
        height=TOP + len(bars) * ROW + 6,
        track=TRACK,
        bar_height=BAR,
        bars=bars,
        ticks=ticks,
    )
