"""Terminal text laid out: columns line up whatever the characters, and long lines wrap."""

from __future__ import annotations

import gc
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consortium_ready.cli import text
from consortium_ready.cli.text import history_text, table
from consortium_ready.store.history import Entry, Scan
from consortium_ready.words import printable


def test_columns_line_up_in_display_width_and_repeated_cells_alike() -> None:
    rows = [
        ["東京", "7", "x"],
        ["e\u0301te", "10", "  indented"],
        ["東京", "7", "a\x1bb"],
        ["ab", "100", ""],
    ]
    assert table(["Name", "Score", "Note"], rows, right=[1]) == [
        "Name  Score  Note",
        "東京      7  x",
        "e\u0301te      10    indented",
        "東京      7  a\u241bb",
        "ab      100",
    ]


def test_a_row_of_another_length_is_refused() -> None:
    with pytest.raises(ValueError):
        table(["One", "Two"], [["a", "b"], ["c"]])


def entry(organisation: str) -> Entry:
    when = datetime(2026, 3, 14, 12, tzinfo=UTC)
    return Entry(Path(), "a/b.json", organisation, "a", when, 60.0, "Nearly", 0, 100.0, "Bank")


@pytest.mark.parametrize(("extra", "lines"), [(0, 1), (1, 2)])
def test_a_name_as_long_as_the_line_stays_on_it_and_one_longer_wraps(
    extra: int, lines: int
) -> None:
    name = "Partner " * 9 + "x" * (8 + extra)  # 80 characters, or 81
    text = history_text(Scan(Path(), [entry(name)], []), width=80)
    assert text.split("\n  Date")[0].count("\n") + 1 == lines


def test_the_history_table_is_laid_out_with_the_collector_paused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []
    lay_out = text.table

    def laying_out(*args: object, **options: object) -> list[str]:
        seen.append(gc.isenabled())
        return lay_out(*args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(text, "table", laying_out)
    assert history_text(Scan(Path(), [entry("Partner")], []))
    assert seen == [False] and gc.isenabled()


@settings(max_examples=500, deadline=None)
@given(
    words=st.lists(
        st.tuples(
            st.sampled_from(["a", "bb", "ccc", "dddd", "eeeee", "→", "東京", "f\x1bg", "x-y"]),
            st.sampled_from([" ", " ", " ", "  ", "\t", "\n"]),
        )
    ).map(lambda pairs: "".join(word + space for word, space in pairs)),
    width=st.integers(min_value=1, max_value=40),
    indent=st.sampled_from(["", "  ", "    "]),
    first=st.sampled_from(["", "  ", "  - ", "    - ", "Trend: "]),
)
def test_long_lines_wrap_as_textwrap_wraps_them(
    words: str, width: int, indent: str, first: str
) -> None:
    wrapped = textwrap.wrap(
        printable(words), width, initial_indent=first, subsequent_indent=indent + "  "
    )
    assert text._wrapped(words, width, indent=indent, first=first) == wrapped
