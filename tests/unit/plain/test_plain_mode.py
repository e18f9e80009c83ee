"""Plain mode in-process: what it says, how it checks what is typed, and that nothing is lost."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path

from consortium_ready.cli import main
from consortium_ready.domain.bank import Bank
from consortium_ready.plain.console import Console
from consortium_ready.plain.run import PlainRun
from consortium_ready.store.drafts import Draft, ProfileDraft, load_draft, save_draft
from consortium_ready.store.files import draft_path
from tests.unit.helpers import MINI_ARGS

NOW = datetime(2027, 3, 12, 14, 5, tzinfo=UTC)
DETAILS = ["Riverside Advice", "1", "2", "", "", ""]


def run_plain(bank: Bank, reports: Path, lines: list[str]) -> tuple[int, str]:
    """Plain mode on `lines`; the exit status and the transcript, each run of spaces as one."""
    out = io.StringIO()
    console = Console(io.StringIO("".join(f"{line}\n" for line in lines)), out)
    status = PlainRun(bank, reports, console, lambda: NOW).run()
    return status, " ".join(out.getvalue().split())


def test_every_option_is_numbered_and_read_out_with_what_it_means_and_nothing_else(
    mini_bank, tmp_path
):
    out = io.StringIO()
    console = Console(io.StringIO("\n".join([*DETAILS, "1"]) + "\n"), out)
    PlainRun(mini_bank, tmp_path, console, lambda: NOW).run()
    text = out.getvalue()
    assert "1. Lead body" in text and "3. Undecided" in text
    assert "  1. Yes. A partner has agreed.\n  2. No. Nobody has agreed.\n" in text
    assert "  3. Don't know. Not sure.\n" in text
    assert "\x1b" not in text, "no colour or cursor movement"
    assert not re.search("[\u2500-\u259f]", text), "no box drawing"
    assert max(map(len, text.splitlines())) <= 100


def test_q_stops_at_once_with_the_answers_kept_and_says_where(mini_bank, tmp_path):
    status, out = run_plain(mini_bank, tmp_path, [*DETAILS, "2", "q", "never read"])
    assert status == 0
    assert f"Stopped. Your answers are kept in {draft_path(tmp_path)}" in out
    draft = load_draft(draft_path(tmp_path))
    assert draft is not None and draft.answers == {"guarantor": "no"}


def test_question_mark_tells_why_it_matters_and_what_the_sources_show(mini_bank, tmp_path):
    _, out = run_plain(mini_bank, tmp_path, [*DETAILS, "?"])
    assert "Why this matters: Someone has to sign." in out
    assert "Alpha Consortium (lesson): The lead should be ready to guarantee the partners." in out


def test_a_wrong_detail_is_named_with_what_would_do_and_asked_again(mini_bank, tmp_path):
    lines = ["", "Riverside Advice", "lead", "1", "2", "", "", "31/02/2027", "31/03/2027"]
    _, out = run_plain(mini_bank, tmp_path, lines)
    assert "Name: Type your organisation's name. Name: Riverside Advice" in out
    assert 'You typed "lead". That is not one of the choices. Type a number from 1 to 3.' in out
    assert "There is no such date as 31/02/2027: check the day and the month" in out
    draft = load_draft(draft_path(tmp_path))
    assert draft is not None and draft.profile.tender_deadline == "31/03/2027"
    assert out.count("Deadline:") == 2


def test_a_delivering_consortium_is_asked_whether_it_is_bidding_again(mini_bank, tmp_path):
    run_plain(mini_bank, tmp_path, ["Riverside Advice", "2", "4", "1", "", "", ""])
    draft = load_draft(draft_path(tmp_path))
    assert draft is not None and draft.profile.rebidding and draft.profile.stage == "delivering"


def test_back_from_the_first_question_returns_to_the_details(mini_bank, tmp_path):
    _, out = run_plain(mini_bank, tmp_path, [*DETAILS, "b", "-", "1"])
    assert out.count("Deadline:") == 2
    assert out.count("Is a partner ready to guarantee the others?") == 2


def test_a_draft_left_by_the_full_screen_questionnaire_is_carried_on(mini_bank, tmp_path):
    save_draft(
        draft_path(tmp_path),
        Draft(
            saved=NOW,
            profile=ProfileDraft(organisation="Harrow CVS", role="partner", stage="bidding"),
            answers={"guarantor": "yes", "agreement": "draft"},
            notes={"agreement": "Second draft with the solicitor"},
            current="agreement",
        ),
    )
    _, out = run_plain(mini_bank, tmp_path, ["1", "", "9"])
    assert "You have an unfinished assessment: Harrow CVS, last saved 12 March 2027" in out
    assert "2 of 5 questions answered" in out
    assert (
        "How far has your written agreement got? 1. Signed. All signed. 2. Draft. Being drafted."
        in out
    )
    assert "Your answer now: 2, Draft. Press Enter to keep it." in out
    assert "Your note: Second draft with the solicitor" in out
    assert "Number of weeks: 9" in out


def test_starting_again_replaces_the_unfinished_assessment_only_when_asked(mini_bank, tmp_path):
    save_draft(
        draft_path(tmp_path),
        Draft(saved=NOW, profile=ProfileDraft(organisation="Harrow CVS"), answers={}),
    )
    _, out = run_plain(mini_bank, tmp_path, ["3", "2", "Riverside Advice"])
    assert 'You typed "3". That is not one of the choices. Type 1 to carry on, or 2' in out
    draft = load_draft(draft_path(tmp_path))
    assert draft is not None and draft.profile.organisation == "Riverside Advice"


def test_a_damaged_draft_is_kept_under_another_name_before_a_new_one_is_written(
    mini_bank, tmp_path
):
    draft_path(tmp_path).write_text("{ cut short")
    _, out = run_plain(mini_bank, tmp_path, ["Riverside Advice"])
    assert "An unfinished assessment was found but cannot be read" in out
    (kept,) = tmp_path.glob(".draft-damaged-*.json")
    assert kept.read_text() == "{ cut short"
    assert f"The unreadable unfinished assessment was kept as {kept}" in out
    draft = load_draft(draft_path(tmp_path))
    assert draft is not None and draft.profile.organisation == "Riverside Advice"


def test_when_the_draft_cannot_be_written_stopping_asks_for_another_folder(mini_bank, tmp_path):
    blocked, elsewhere = tmp_path / "a-file", tmp_path / "elsewhere"
    blocked.write_text("not a folder")
    status, out = run_plain(mini_bank, blocked, [*DETAILS, "2", "q", str(elsewhere)])
    assert status == 0
    assert f"Warning: your answers could not be saved in {blocked}" in out
    assert f"Your answers could not be saved in {blocked}" in out
    draft = load_draft(draft_path(elsewhere))
    assert draft is not None and draft.answers == {"guarantor": "no"}


def test_plain_flag_and_command_both_start_plain_mode(tmp_path, monkeypatch, capsys):
    for args in (["--plain", *MINI_ARGS], ["plain", *MINI_ARGS]):
        monkeypatch.setattr("sys.stdin", io.StringIO("Riverside Advice\n"))
        assert main([*args, "--reports", str(tmp_path / args[0])]) == 0
        assert "Consortium ready, plain mode." in capsys.readouterr().out


def test_ctrl_c_stops_with_the_answers_kept(mini_bank, tmp_path):
    class Interrupted(io.StringIO):
        def readline(self, size: int | None = -1) -> str:
            line = super().readline()
            if not line:
                raise KeyboardInterrupt
            return line

    out = io.StringIO()
    console = Console(Interrupted("".join(f"{line}\n" for line in [*DETAILS, "2"])), out)
    assert PlainRun(mini_bank, tmp_path, console, lambda: NOW).run() == 130
    assert "Interrupted. Your answers are kept in" in " ".join(out.getvalue().split())
    draft = load_draft(draft_path(tmp_path))
    assert draft is not None and draft.answers == {"guarantor": "no"}
