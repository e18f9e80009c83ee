"""Where the question page's scroll-bar thumb goes, and how far dragging it scrolls."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from consortium_ready.tui.widgets.thumb import offset_for, thumb_rows


def test_no_thumb_when_the_page_fits() -> None:
    assert thumb_rows(20, 20, 0) == range(0)
    assert thumb_rows(20, 5, 0) == range(0)


def test_the_thumb_is_as_long_as_the_window_is_of_the_page() -> None:
    assert thumb_rows(20, 40, 0) == range(10)
    assert thumb_rows(20, 40, 20) == range(10, 20), "scrolled to the end"
    assert thumb_rows(20, 4000, 0) == range(1), "never less than a row"


@given(
    window=st.integers(1, 60),
    extra=st.integers(1, 500),
    data=st.data(),
)
def test_the_thumb_stays_in_the_bar_and_dragging_it_back_finds_the_same_place(
    window: int, extra: int, data: st.DataObject
) -> None:
    total = window + extra
    offset = data.draw(st.integers(0, extra))
    thumb = thumb_rows(window, total, offset)
    assert 0 <= thumb.start < thumb.stop <= window
    moved = offset_for(window, total, len(thumb), thumb.start)
    assert thumb_rows(window, total, moved) == thumb
