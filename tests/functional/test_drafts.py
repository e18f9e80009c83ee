"""The draft: what is typed so far, kept safe, and reported (never lost) when damaged."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from consortium_ready.domain.profile import Profile
from consortium_ready.errors import InputError
from consortium_ready.store.drafts import (
    Draft,
    ProfileDraft,
    load_draft,
    parse_deadline,
    remove_draft,
    save_draft,
    set_aside,
)
from consortium_ready.store.files import draft_path
from consortium_ready.tui.startup import survey
from tests.functional.helpers import NOW, save_run
from tests.functional.test_whole_assessment import EXPECTED_ANSWERS


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("31/03/2027", date(2027, 3, 31)),
        ("1/4/2027", date(2027, 4, 1)),
        (" 31.03.2027 ", date(2027, 3, 31)),
        ("31-03-2027", date(2027, 3, 31)),
        ("31 March 2027", date(2027, 3, 31)),
        ("31 Mar 2027", date(2027, 3, 31)),
        ("2027-03-31", date(2027, 3, 31)),
        ("", None),
        ("   ", None),
    ],
)
def test_deadlines_are_read_as_people_in_the_uk_write_them(typed, expected):
    assert parse_deadline(typed) == expected


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("31/13/2027", "There is no such date as 31/13/2027"),
        ("30/02/2027", "There is no such date as 30/02/2027"),
        ("03/31/2027", "day first, then month"),
        ("next week", "Type the date as day/month/year, for example 31/03/2027"),
        ("2027", "Type the date as day/month/year"),
    ],
)
def test_a_deadline_that_is_not_a_real_date_is_refused_saying_why(typed, says):
    with pytest.raises(ValueError, match=re.escape(says)):
        parse_deadline(typed)


def test_an_empty_profile_says_what_each_field_needs_in_plain_english():
    problems = ProfileDraft().problems()
    assert set(problems) == {"organisation", "role", "stage"}
    assert problems["organisation"] == "Type your organisation's name."


def test_a_bad_deadline_is_the_only_problem_with_otherwise_good_details():
    typed = ProfileDraft(
        organisation="Harrow CVS", role="lead", stage="bidding", tender_deadline="the end of March"
    )
    assert list(typed.problems()) == ["tender_deadline"]
    assert "31/03/2027" in typed.problems()["tender_deadline"]
    assert typed.profile() is None


def test_complete_details_make_a_profile_and_back_again():
    typed = ProfileDraft(
        organisation="  Harrow CVS ",
        role="partner",
        stage="forming",
        consortium="",
        tender_deadline="1/4/2027",
    )
    profile = typed.profile()
    assert profile == Profile(
        organisation="Harrow CVS", role="partner", stage="forming", tender_deadline=date(2027, 4, 1)
    )
    assert ProfileDraft.of(profile).profile() == profile
    assert ProfileDraft.of(profile).tender_deadline == "01/04/2027"


def test_a_draft_survives_a_round_trip_with_every_kind_of_answer(tmp_path):
    draft = Draft(
        saved=NOW,
        profile=ProfileDraft(organisation="Half typ"),
        answers={"a": "yes", "b": 4, "c": 2.5, "d": ["x", "y"], "e": "free text"},
        notes={"a": "Minutes, 3 March"},
        current="c",
    )
    path = draft_path(tmp_path)
    save_draft(path, draft)
    assert load_draft(path) == draft
    assert path.name == ".draft.json"


def test_no_draft_is_none_even_when_the_reports_folder_is_a_file(tmp_path):
    assert load_draft(draft_path(tmp_path)) is None
    a_file = tmp_path / "reports"
    a_file.write_text("not a folder")
    assert load_draft(draft_path(a_file)) is None


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"schema_version": 1, "saved": "2027-03-12T14:05:00Z", "answ', "not valid JSON"),
        ("", "not valid JSON"),
        ("[1, 2]", "not a draft"),
        ('{"schema_version": 9, "saved": "2027-03-12T14:05:00Z", "later": 1}', "newer version"),
        ('{"schema_version": 1, "saved": "yesterday"}', "datetime"),
        (b"\xff\xfe\x00", "UTF-8"),
    ],
)
def test_a_damaged_draft_is_reported_by_file_and_reason_and_left_in_place(
    tmp_path, content, message
):
    path = draft_path(tmp_path)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    before = path.read_bytes()
    with pytest.raises(InputError) as raised:
        load_draft(path)
    problem = raised.value.problems[0]
    assert problem.file == path
    assert message in str(problem)
    assert path.read_bytes() == before


def test_a_damaged_draft_set_aside_is_kept_under_a_new_name_never_overwriting(tmp_path):
    path = draft_path(tmp_path)
    path.write_text("damaged once")
    first = set_aside(path, NOW)
    path.write_text("damaged twice")
    second = set_aside(path, NOW)
    assert not path.exists()
    assert first.name == ".draft-damaged-2027-03-12-140500.json"
    assert second.name == ".draft-damaged-2027-03-12-140500-2.json"
    assert (first.read_text(), second.read_text()) == ("damaged once", "damaged twice")


def test_removing_the_draft_after_saving_an_assessment_is_quiet_when_it_is_gone(tmp_path):
    path = draft_path(tmp_path)
    save_draft(path, Draft(saved=NOW))
    remove_draft(path)
    remove_draft(path)
    assert not path.exists()


def test_saving_a_draft_leaves_no_temporary_files(tmp_path):
    for count in range(5):
        save_draft(draft_path(tmp_path), Draft(saved=NOW, answers={"a": count}))
    assert [p.name for p in tmp_path.iterdir()] == [".draft.json"]
    assert json.loads(draft_path(tmp_path).read_text())["answers"] == {"a": 4}


def test_starting_again_uses_the_last_complete_assessment_not_a_later_partial(tui_bank, reports):
    harrow = Profile(organisation="Harrow CVS", role="lead", stage="bidding")
    save_run(reports, tui_bank, harrow, EXPECTED_ANSWERS, NOW.replace(month=1))
    save_run(reports, tui_bank, harrow, {"guarantor": "yes"}, NOW)  # later, but partial
    found = survey(None, None, reports, bank=tui_bank)
    assert found.saved == 2
    assert found.last is not None and found.last.result.coverage.unanswered == 0
    assert found.last.created == NOW.replace(month=1)
