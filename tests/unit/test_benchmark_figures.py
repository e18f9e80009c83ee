"""The benchmark's arithmetic and table, and the larger banks it loads (no timing is tested)."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.bank_bench import grown_bank, renamed
from benchmarks.table import (
    Row,
    Runs,
    compared,
    duration,
    largest,
    markdown_table,
    median,
    p95,
    ratio,
)

from consortium_ready.content.bankfiles import default_dirs
from consortium_ready.content.loader import load_bank


def test_p95_is_the_nearest_rank():
    assert p95(range(1, 101)) == 95, "95 of the 100 values are at or below 95"
    assert p95([3, 1, 2]) == 3, "with few values it is the largest"
    assert p95([5.0] * 19 + [100.0]) == 5.0, "one slow run in 20 is the 100th percentile"
    assert p95([5.0] * 18 + [100.0, 200.0]) == 100.0
    with pytest.raises(ValueError):
        p95([])


def test_median_ratio_and_largest_peak():
    assert median([0.04, 0.01, 0.03, 0.02]) == pytest.approx(0.025)
    assert ratio(0.045, 0.003) == pytest.approx(15)
    assert largest([None, 38.5, 41.0]) == 41.0
    assert largest([None, None]) is None


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0.0032, "3.20 ms"), (0.0451, "45.1 ms"), (0.4649, "465 ms"), (1.234, "1.23 s")],
)
def test_durations_are_written_to_three_figures(seconds, shown):
    assert duration(seconds) == shown


def test_a_compared_row_gives_both_figures_and_the_ratio_of_their_medians():
    questionnaire = Runs([0.040, 0.050, 0.045, 0.161], peak=61.2)
    bare = Runs([0.003, 0.004, 0.0032, 0.005], peak=38.0)
    row = compared("Keypress", questionnaire, "bare app", bare, "≤ 16 ms", p95_too=True)
    assert row.cells() == (
        "Keypress",
        "47.5 ms, p95 161 ms, 61 MB",
        "bare app: 3.60 ms, p95 5.00 ms, 38 MB",
        "13.19x",
        "≤ 16 ms",
    )


def test_the_table_lines_up_in_markdown():
    table = markdown_table(
        [Row("First screen", "1.02 s", "bare app: 1.00 s", 1.02, "≤ 1.3x"), Row("Bank", "5 ms")]
    ).splitlines()
    assert table[0].startswith("| measure ")
    assert set(table[1]) == {"|", "-"}
    assert len({len(line) for line in table}) == 1, "every line as wide"
    assert table[2].split("|")[4].strip() == "1.02x"
    assert [cell.strip() for cell in table[3].split("|")[3:6]] == ["—", "—", "—"]


THEME = """theme:
  id: agreements
  title: Written agreements
  order: 5

questions:
  - id: agreement-status
    kind: single
    text: How far has your consortium got?
  - id: solicitor-check
    kind: yes_no
    applies_when:
      stage: [bidding]
      answers:
        agreement-status: [signed, draft]
    options:
      - value: yes
"""


def test_a_theme_copied_has_new_ids_and_depends_on_its_own_copies():
    copy = renamed(THEME, 3)
    assert "  id: agreements-3\n" in copy
    assert "  order: 305\n" in copy
    assert "  - id: agreement-status-3\n" in copy
    assert "  - id: solicitor-check-3\n" in copy
    assert "        agreement-status-3: [signed, draft]\n" in copy
    assert "      stage: [bidding]\n" in copy and "      - value: yes\n" in copy
    assert copy.count("-3") == 4, "nothing else renamed"


def test_a_grown_bank_is_valid_and_holds_every_copy(tmp_path: Path):
    shipped = load_bank()
    grown = load_bank(grown_bank(tmp_path, 2), default_dirs()[1])
    assert len(grown.questions) == 2 * len(shipped.questions)
    assert len(grown.themes) == 2 * len(shipped.themes)
