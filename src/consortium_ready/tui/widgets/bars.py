"""A bar chart of the theme scores drawn in the terminal, with the change since the last time.

Given the scores before, each line also shows before → after.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.content import Content
from textual.geometry import Size
from textual.style import Style
from textual.widget import Widget

from consortium_ready.words import score_number

SCORE_WIDTH = 4
MIN_BAR = 10
MIN_ONE_LINE_BAR = 20


@dataclass(frozen=True)
class Bar:
    """One theme's score, band and change, and in a comparison its score before.

    A score of None is a theme with not enough known to score (`unknown` says how
    much is), or, with `unknown` None, one none of whose questions was asked.
    """

    title: str
    score: float | None
    band: str | None
    change: int | None = None
    before: float | None = None
    unknown: float | None = None


def change_text(whole: int | None) -> str:
    """`▲ +12`, `▼ -5`, `= 0`: the direction in a symbol as well as a number (for NO_COLOR)."""
    if whole is None:
        return ""
    if whole > 0:
        return f"▲ +{whole}"
    if whole < 0:
        return f"▼ {whole}"
    return "= 0"


class ThemeBars(Widget):
    """Each theme on one line when there is room (title, bar, score, band, change), else on two."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "theme-bars--title",
        "theme-bars--filled",
        "theme-bars--empty",
        "theme-bars--up",
        "theme-bars--down",
        "theme-bars--same",
    }

    def __init__(self, bars: list[Bar], id: str | None = None) -> None:
        super().__init__(id=id)
        self.bars = bars
        self._title_width = max((len(bar.title) for bar in bars), default=0)
        self._band_width = max((len(bar.band or "") for bar in bars), default=0)
        self._change_width = max((len(change_text(bar.change)) for bar in bars), default=0)
        self._compared = any(bar.before is not None for bar in bars)

    def _tail_width(self) -> int:
        """After the bar: ` 100  Nearly ready  ▲ +12`, or `  58 →  100  Ready  ▲ +42`."""
        change = 2 + self._change_width if self._change_width else 0
        before = 1 + SCORE_WIDTH + 2 if self._compared else 0
        return before + 1 + SCORE_WIDTH + 2 + self._band_width + change

    def _one_line(self, width: int) -> bool:
        return width - self._title_width - 2 - self._tail_width() >= MIN_ONE_LINE_BAR

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.bars) * (1 if self._one_line(width) else 2)

    def render(self) -> Content:
        width = self.content_region.width
        one_line = self._one_line(width)
        bar_width = max(
            MIN_BAR, width - self._tail_width() - (self._title_width + 2 if one_line else 0)
        )
        lines = []
        for bar in self.bars:
            title = Content.styled(bar.title, self.get_visual_style("theme-bars--title"))
            chart = self._chart(bar, bar_width)
            if one_line:
                lines.append(
                    Content.assemble(
                        title.pad_right(self._title_width - len(bar.title)), "  ", chart
                    )
                )
            else:
                lines.extend([title, chart])
        return Content("\n").join(lines)

    def _chart(self, bar: Bar, width: int) -> Content:
        if bar.score is None and bar.unknown is not None:
            return Content.styled(
                f"not enough known to score: {score_number(bar.unknown)}% unknown", "dim"
            )
        if bar.score is None:
            return Content.styled("not asked: none of its questions applies", "dim")
        filled = round(width * bar.score / 100)
        change = change_text(bar.change)
        direction = (
            "theme-bars--up"
            if change.startswith("▲")
            else "theme-bars--down"
            if change.startswith("▼")
            else "theme-bars--same"
        )
        parts: list[str | tuple[str, Style]] = [
            ("█" * filled, self.get_visual_style("theme-bars--filled")),
            ("░" * (width - filled), self.get_visual_style("theme-bars--empty")),
            f" {score_number(bar.before):>{SCORE_WIDTH}} →" if self._compared else "",
            f" {score_number(bar.score):>{SCORE_WIDTH}}  ",
            (bar.band or "").ljust(self._band_width),
        ]
        if self._change_width:
            parts += ["  ", (change.ljust(self._change_width), self.get_visual_style(direction))]
        return Content.assemble(*parts)
