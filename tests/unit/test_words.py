"""The shared pieces of wording: numbers, counts, dates and a bank's name."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consortium_ready.words import (
    bank_name,
    day_words,
    local_date,
    local_minute,
    local_when,
    plain_number,
    plural,
    score_number,
)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (7, "7"),
        (7.0, "7"),
        (1.5, "1.5"),
        (0, "0"),
        (-0.0, "0"),
        (1234567, "1234567"),
        (1234567.0, "1234567"),
        (1234567.25, "1234567.25"),
        (0.1, "0.1"),
        (1e-7, "0.0000001"),
        (1e22, "10000000000000000000000"),
        (-2.5, "-2.5"),
    ],
)
def test_plain_numbers_keep_every_digit_and_no_exponent(value: float, shown: str) -> None:
    assert plain_number(value) == shown


def test_scores_are_whole_and_signed_for_a_change() -> None:
    assert [score_number(v) for v in (None, 67.5, 0.4, -3.2)] == ["–", "68", "0", "−3"]
    assert [score_number(v, signed=True) for v in (12.4, -0.2, -7)] == ["+12", "0", "−7"]


def test_counts_and_names() -> None:
    assert [plural(n, "question") for n in (0, 1, 2)] == [
        "0 questions",
        "1 question",
        "2 questions",
    ]
    assert plural(2, "body", "bodies") == "2 bodies"
    assert bank_name("Consortium readiness", "1.0") == "Consortium readiness, version 1.0"


def test_dates_in_local_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    try:
        summer = datetime(2026, 7, 4, 11, 30, tzinfo=UTC)
        assert day_words(date(2026, 3, 14)) == "14 March 2026"
        assert local_date(summer) == "4 July 2026"
        assert local_date(summer, with_time=True) == "4 July 2026, 12:30"
        assert local_when(summer) == "4 July 2026 at 12:30"
        assert local_minute(summer) == "2026-07-04 12:30"
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize("zone", ["Europe/London", "America/St_Johns", "Australia/Lord_Howe"])
@settings(max_examples=300, deadline=None)
@given(
    moment=st.datetimes(
        min_value=datetime(1900, 1, 1),
        max_value=datetime(2200, 1, 1),
        timezones=st.builds(timezone, st.timedeltas(timedelta(hours=-23), timedelta(hours=23))),
    )
)
def test_a_time_to_the_minute_is_the_local_time_that_astimezone_gives(
    zone: str, moment: datetime
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", zone)
        time.tzset()
        try:
            assert local_minute(moment) == f"{moment.astimezone():%Y-%m-%d %H:%M}"
        finally:
            patch.undo()
            time.tzset()


def test_history_and_compare_do_without_the_report_templates() -> None:
    code = (
        "import sys\n"
        "import consortium_ready.store.history\n"
        "import consortium_ready.cli.text\n"
        "import consortium_ready.domain.compare\n"
        "loaded = ('jinja2', 'consortium_ready.reports.render')\n"
        "print(sorted(m for m in loaded if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
