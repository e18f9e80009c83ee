"""Actions followed through: owners, dates and statuses, carried into a re-run and compared."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from consortium_ready.cli import main
from consortium_ready.content.actionscsv import read_tracking
from consortium_ready.domain.assessment import Assessment
from consortium_ready.domain.bank import Bank
from consortium_ready.domain.compare import Comparison, compare
from consortium_ready.domain.tracking import Tracking, action_key
from consortium_ready.errors import InputError
from consortium_ready.reports.saving import save_assessment
from consortium_ready.reports.tracker import tracker_csv
from consortium_ready.reports.view import report_view
from consortium_ready.store.saved import load_assessment
from tests.unit.reports.reportkit import BANK, Make

SAM = Tracking(owner="Sam Patel", due=date(2026, 4, 30), status="in-progress", note="Rang them")
AGREEMENT = "Draft a short agreement on who does what, who leads and how money flows."


def keys(assessment: Assessment) -> list[str]:
    return [action_key(action) for action in assessment.result.actions]


def group(c: Comparison, title: str) -> list[str]:
    return [a.text for t, items in c.actions.groups if t == title for a in items]


def test_actions_are_known_by_their_question_or_flag(assessment: Assessment) -> None:
    assert keys(assessment) == [
        "flag:weeks-to-deadline",
        "flag:guarantor",
        "lead-can-guarantee",
        "agreement-status",
    ]


def test_a_rerun_carries_forward_only_open_tracking_of_actions_still_in_its_plan(
    make: Make,
) -> None:
    old = make().tracked(
        {
            "flag:guarantor": SAM,
            "lead-can-guarantee": Tracking(owner="Board", status="done"),
            "agreement-status": Tracking(owner="Chair"),
            "flag:weeks-to-deadline": Tracking(owner="Jo", status="dropped"),
        }
    )
    new = make(days=90, agreement_status="signed", weeks_to_deadline="under-three", previous=old)
    # The agreement is signed now, so its action left the plan; done and dropped
    # actions start afresh if they are still in it.
    assert "agreement-status" not in keys(new) and "lead-can-guarantee" in keys(new)
    assert new.tracking == {"flag:guarantor": SAM}


def test_untracked_and_foreign_keys_are_not_kept(make: Make) -> None:
    tracked = make().tracked({"flag:guarantor": SAM, "agreement-status": Tracking(), "x": SAM})
    assert tracked.tracking == {"flag:guarantor": SAM}


def test_done_is_a_status_saying_so_or_an_answer_that_clears_the_action(
    make: Make, bank: Bank
) -> None:
    old = make().tracked({"lead-can-guarantee": Tracking(status="done")})
    new = make(days=90, agreement_status="signed", previous=old)
    c = compare(old, new, bank)
    assert group(c, "Done") == [
        "Decide now whether to bid at all.",  # its red flag is cleared
        "Take advice on the risk from your treasurer or a solicitor.",  # marked done
        AGREEMENT,  # signed
    ]
    assert AGREEMENT not in group(c, "Still open")


def test_a_changed_but_still_weak_answer_is_not_done(make: Make, bank: Bank) -> None:
    """The old compare called an action completed whenever the answer behind it changed."""
    old = make()
    c = compare(old, make(days=90, agreement_status="none", previous=old), bank)
    assert c.actions.done == [] and AGREEMENT in group(c, "Still open")


def test_an_unanswered_question_takes_its_action_out_of_the_plan_undone(
    make: Make, bank: Bank
) -> None:
    old = make()
    c = compare(old, make(days=90, agreement_status=None, previous=old), bank)
    assert AGREEMENT in group(c, "Out of the plan but not done")
    assert AGREEMENT not in group(c, "Done")


def test_overdue_and_new_actions_are_named(make: Make, bank: Bank) -> None:
    old = make().tracked(
        {"flag:guarantor": SAM, "agreement-status": Tracking(due=date(2026, 9, 1))}
    )
    new = make(days=90, agreement_status="draft", agreement_checked="no", previous=old)
    c = compare(old, new, bank)  # new is made on 12 June 2026, after SAM's date
    assert group(c, "Overdue") == [
        "Find out, then answer again: Has one partner agreed to hold the contract and act as "
        "guarantor for the others?"
    ]
    assert group(c, "New") == ["Ask the commissioner for more time, or decide not to bid."]
    still = c.actions.still_open
    assert [a.tracking for a in still if a.text == AGREEMENT] == [Tracking(due=date(2026, 9, 1))]
    assert "due 1 September 2026" in next(a.line for a in still if a.text == AGREEMENT)


def edited(text: str, changes: dict[str, dict[str, str]]) -> str:
    """A tracker CSV as a spreadsheet would save it after `changes` (key → column → value)."""
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, **changes.get(row["key"], {})})
    return out.getvalue()


def test_the_tracker_goes_out_to_a_spreadsheet_and_back(
    assessment: Assessment, bank: Bank, tmp_path: Path
) -> None:
    text = tracker_csv(report_view(assessment, bank))
    sheet = tmp_path / "actions.csv"
    sheet.write_text(
        edited(
            text,
            {
                "flag:guarantor": {"owner": "Sam", "due": "30/04/2026", "status": "in progress"},
                "flag:weeks-to-deadline": {"status": "Dropped", "note": "Not bidding this round"},
            },
        ),
        encoding="utf-8",
    )
    found = read_tracking(sheet, keys(assessment))
    assert found["flag:guarantor"] == Tracking(
        owner="Sam", due=date(2026, 4, 30), status="in-progress"
    )
    assert found["flag:weeks-to-deadline"] == Tracking(
        status="dropped", note="Not bidding this round"
    )
    assert found["agreement-status"] == Tracking()


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"status": "finished"}, "status: 'finished' is not a status"),
        ({"due": "31/02/2026"}, "due: '31/02/2026' is not a date"),
        ({"key": "nonsense"}, "key: 'nonsense' is not an action in this assessment's plan"),
        ({"key": "flag:guarantor"}, "key: 'flag:guarantor' is given twice"),
    ],
)
def test_a_bad_row_is_refused_with_its_line(
    assessment: Assessment, bank: Bank, tmp_path: Path, change: dict[str, str], says: str
) -> None:
    sheet = tmp_path / "actions.csv"
    sheet.write_text(
        edited(tracker_csv(report_view(assessment, bank)), {"lead-can-guarantee": change}),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        read_tracking(sheet, keys(assessment))
    (problem,) = caught.value.problems
    assert str(problem).startswith(f"{sheet}:4: {says}")


@pytest.mark.parametrize("content", ["key\n,", "key,owner\n,,\n"])
def test_empty_cells_beyond_the_last_column_make_an_empty_row(
    assessment: Assessment, tmp_path: Path, content: str
) -> None:
    sheet = tmp_path / "actions.csv"
    sheet.write_text(content, encoding="utf-8")
    assert read_tracking(sheet, keys(assessment)) == {}


def test_text_beyond_the_last_column_is_refused_with_its_line(
    assessment: Assessment, tmp_path: Path
) -> None:
    sheet = tmp_path / "actions.csv"
    sheet.write_text(f"key,owner\n{keys(assessment)[0]},Sam,Rang them\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_tracking(sheet, keys(assessment))
    (problem,) = caught.value.problems
    assert str(problem) == f"{sheet}:2: this row has text beyond the 2 columns the first row names"


def test_a_csv_without_a_key_column_is_refused(assessment: Assessment, tmp_path: Path) -> None:
    sheet = tmp_path / "other.csv"
    sheet.write_text("name,amount\nrent,100\n", encoding="utf-8")
    with pytest.raises(InputError, match="no `key` column"):
        read_tracking(sheet, keys(assessment))


def cli(*args: object) -> int:
    bank = ["--questions", str(BANK / "questions"), "--seeds", str(BANK / "seeds")]
    return main([*map(str, args), *bank])


def test_actions_command_exports_imports_and_lists(
    assessment: Assessment, bank: Bank, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = save_assessment(assessment, bank, tmp_path / "reports")
    sheet = tmp_path / "actions.csv"
    assert cli("actions", saved.json, "--export", sheet) == 0
    good = edited(sheet.read_text(encoding="utf-8-sig"), {"flag:guarantor": {"owner": "Sam Patel"}})
    bad = edited(good, {"agreement-status": {"due": "soon"}})

    sheet.write_text(bad, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in saved.json.parent.iterdir()}
    assert cli("actions", saved.json, "--import", sheet) == 2
    assert "is not a date" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in saved.json.parent.iterdir()} == before

    sheet.write_text(good, encoding="utf-8")
    assert cli("actions", saved.json, "--import", sheet) == 0
    assert "1 action changed" in capsys.readouterr().out
    reread = load_assessment(saved.json)
    assert reread.tracking == {"flag:guarantor": Tracking(owner="Sam Patel")}
    assert reread.result == assessment.result and reread.answers == assessment.answers

    assert cli("actions", saved.json) == 0
    out = capsys.readouterr().out
    assert "4 actions, 1 tracked, 0 overdue." in out and "To do; Sam Patel" in out
