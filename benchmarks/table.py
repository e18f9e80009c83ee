"""The figures' arithmetic and the one table `make bench` prints.

Times are in seconds and memory in megabytes (10^6 bytes) until they are written out.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

COLUMNS = ("measure", "figure", "reference in the same run", "ratio", "goal")
NONE = "—"


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    """The 95th percentile by nearest rank: the smallest value at least 95% of them reach."""
    if not values:
        raise ValueError("p95 of no values")
    ordered = sorted(values)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def largest(peaks: Iterable[float | None]) -> float | None:
    """The largest of the peaks known, if any is."""
    return max((peak for peak in peaks if peak is not None), default=None)


def ratio(figure: float, reference: float) -> float:
    """How many times the reference the figure is."""
    return figure / reference


def duration(seconds: float) -> str:
    """`0.0032` as `3.2 ms`, `0.45` as `450 ms`, `1.234` as `1.23 s`."""
    if seconds >= 1:
        return f"{seconds:.2f} s"
    milliseconds = seconds * 1000
    if milliseconds >= 100:
        return f"{milliseconds:.0f} ms"
    if milliseconds >= 10:
        return f"{milliseconds:.1f} ms"
    return f"{milliseconds:.2f} ms"


def megabytes(value: float) -> str:
    return f"{value:.0f} MB"


@dataclass(frozen=True)
class Runs:
    """The times of one measure's runs, and the largest peak memory among its processes."""

    times: Sequence[float]
    peak: float | None = None

    @property
    def median(self) -> float:
        return median(self.times)

    @property
    def p95(self) -> float:
        return p95(self.times)

    def cell(self, p95_too: bool = False) -> str:
        """`45.0 ms`, with `p95 161 ms` and the peak memory where they are wanted and known."""
        parts = [duration(self.median)]
        if p95_too:
            parts.append(f"p95 {duration(self.p95)}")
        if self.peak is not None:
            parts.append(megabytes(self.peak))
        return ", ".join(parts)


@dataclass(frozen=True)
class Row:
    measure: str
    figure: str
    reference: str = NONE
    ratio: float | None = None
    goal: str = NONE

    def cells(self) -> tuple[str, ...]:
        shown = NONE if self.ratio is None else f"{self.ratio:.2f}x"
        return (self.measure, self.figure, self.reference, shown, self.goal)


def compared(
    measure: str,
    runs: Runs,
    against: str,
    reference: Runs,
    goal: str = NONE,
    p95_too: bool = False,
) -> Row:
    """A row for `runs` beside the `reference` run named `against`, and the ratio of their
    medians."""
    return Row(
        measure,
        runs.cell(p95_too),
        f"{against}: {reference.cell(p95_too)}",
        ratio(runs.median, reference.median),
        goal,
    )


def markdown_table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table, its columns lined up so that it reads as plain text too."""
    lines = [COLUMNS, *(row.cells() for row in rows)]
    widths = [max(len(line[column]) for line in lines) for column in range(len(COLUMNS))]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(COLUMNS), rule, *(line(cells) for cells in lines[1:])])
