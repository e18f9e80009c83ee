"""Where the thumb of a scroll bar goes, for a page that draws its own bar beside its lines.

The page draws its bar in the lines it draws anyway, rather than beside a bar that is a
widget of its own: that widget is drawn again, line by line through Textual's styles, at
each step of the questionnaire, as each page's length changes the thumb.
"""

from __future__ import annotations


def thumb_rows(window: int, total: int, offset: int) -> range:
    """The rows of a bar `window` rows high that its thumb covers, for a page `total` lines
    long scrolled `offset` lines down; none when the page fits the window."""
    if total <= window or window <= 0:
        return range(0)
    size = min(window, max(1, round(window * window / total)))
    top = round(offset / (total - window) * (window - size))
    return range(top, top + size)


def offset_for(window: int, total: int, size: int, top: int) -> int:
    """How far down to scroll a page `total` lines long so that a thumb `size` rows long
    starts at row `top` of a bar `window` rows high."""
    room = window - size
    if room <= 0 or total <= window:
        return 0
    return round(min(max(top, 0), room) / room * (total - window))
