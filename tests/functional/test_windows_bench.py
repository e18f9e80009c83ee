"""The windows' benchmark finds each window it times, the first time and the second, and
the bare app's window: words reworded in a window would otherwise leave `make bench`
waiting for words that never come."""

from __future__ import annotations

from benchmarks.measure import BARE
from benchmarks.windows_bench import ON_A_QUESTION, OPENINGS, RESULT, one_run


def test_every_window_timed_is_found_twice() -> None:
    timed = {**one_run(bare=False), **one_run(bare=True)}
    assert set(timed) == {*ON_A_QUESTION, RESULT, BARE}
    for window, openings in timed.items():
        assert [len(openings[opening]) for opening in OPENINGS] == [1, 1], window
        assert all(0 < seconds < 5 for seconds in (*openings["first"], *openings["second"]))
