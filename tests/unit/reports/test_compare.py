"""Comparing two runs: scores, red flags, answers and actions, and across a change of bank."""

from __future__ import annotations

from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from consortium_ready.cli.text import comparison_text
from consortium_ready.content.loader import load_bank
from consortium_ready.domain.bank import Bank
from consortium_ready.domain.compare import compare
from consortium_ready.reports.render import render_comparison
from consortium_ready.words import printable
from tests.unit.reports.reportkit import Make

NEW_QUESTION = """
  - id: bid-timetable
    kind: yes_no
    text: Have the partners agreed a timetable for writing the bid?
    weight: 2
    why: Leeds advises at least six weeks to build a partnership and a bid.
    cites: [leeds.six-weeks]
    action: Agree who writes which part of the bid, and by when.
    options:
      - value: yes
        label: "Yes"
        score: 100
        anchor: Everyone knows what they write and when.
      - value: no
        label: "No"
        score: 0
        anchor: Nobody has planned the writing.
"""


@pytest.fixture
def changed_bank(editable_bank: Path) -> Bank:
    """The fixed bank with `bid-skills` removed and `bid-timetable` added."""
    theme = editable_bank / "questions" / "themes" / "03-time.yaml"
    text = theme.read_text(encoding="utf-8")
    theme.write_text(
        text[: text.index("  - id: bid-skills")] + NEW_QUESTION.lstrip("\n"), encoding="utf-8"
    )
    return load_bank(editable_bank / "questions", editable_bank / "seeds")


def test_the_same_answers_change_nothing(make: Make, bank: Bank) -> None:
    c = compare(make(), make(days=30), bank)
    changes = {t.id: t.change for t in c.themes}
    assert c.overall.change == 0 and changes == {"agreements": 0, "lead": None, "time": 0}
    assert not (c.answers or c.flags_raised or c.flags_cleared or c.actions.done or c.actions.new)
    assert len(c.flags_open) == 2 and not c.bank_changed and not c.notes
    assert not c.added and not c.removed and c.common == 7


def test_progress_is_shown_per_theme_flag_answer_and_action(make: Make, bank: Bank) -> None:
    old = make()
    new = make(days=90, agreement_status="signed", agreement_checked="no", guarantor="likely")
    c = compare(old, new, bank)
    assert c.overall.before == old.result.overall.score
    assert c.overall.after == new.result.overall.score and c.overall.change > 0
    assert c.flags_cleared == [
        "The deadline is under six weeks away and nothing is in writing",
        "You could not say whether a partner is ready to be lead body and guarantor",
    ]
    assert c.flags_raised == [] and c.flags_open == []
    changes = {a.question_id: (a.before, a.after, a.score_before, a.score_after) for a in c.answers}
    assert changes == {
        "agreement-status": ("Agreed by word of mouth only", "Signed by every partner", 25, 100),
        "agreement-checked": ("not asked", "No", 0, 0),
        "guarantor": ("Don't know", "One partner is likely to, but has not agreed", 0, 50),
    }
    done = [a.text for a in c.actions.done]
    assert done == [
        "Decide now whether to bid at all.",
        "Find out, then answer again: Has one partner agreed to hold the contract and act as "
        "guarantor for the others?",
        "Draft a short agreement on who does what, who leads and how money flows.",
    ]
    new_actions = [a.text for a in c.actions.new]
    assert new_actions == [
        "Agree which partner will hold the contract and guarantee delivery.",
        "Ask the commissioner for more time, or decide not to bid.",
        "Ask a solicitor to read the agreement before partners sign.",
    ]
    written = next(t for t in c.themes if t.title == "Written agreements")
    assert (written.band_before, written.band_after) == ("Not ready", "Nearly ready")


def test_a_change_of_role_is_explained(make: Make, bank: Bank) -> None:
    c = compare(make(), make(days=1, profile={"role": "partner"}, lead_can_guarantee=None), bank)
    assert [q.id for q in c.removed] == ["lead-can-guarantee"] and not c.added
    assert c.question_groups == [("Asked only in the earlier run", c.removed)]
    assert any("expected role changed from Lead body to Partner" in n for n in c.notes)


def test_across_a_bank_change(
    make: Make, bank: Bank, changed_bank: Bank, golden_md: SnapshotAssertion
) -> None:
    old = make()
    new = make(
        days=60, using=changed_bank, bid_skills=None, bid_timetable="yes", agreement_status="draft"
    )
    c = compare(old, new, changed_bank)
    assert c.bank_changed
    assert [(q.id, q.text) for q in c.added] == [
        ("bid-timetable", "Have the partners agreed a timetable for writing the bid?")
    ]
    assert [(q.id, q.text) for q in c.removed] == [("bid-skills", None)]
    assert c.common == 6  # the five scored questions both hold, and the unscored note
    assert [a.question_id for a in c.answers] == ["agreement-status"]
    assert any("question bank changed between the runs" in n for n in c.notes)
    assert [title for title, _ in c.question_groups] == [
        "Added to the question bank",
        "Removed from the question bank",
    ]
    assert not [a for a in c.actions.done if "skills" in a.text]
    assert render_comparison(c, "md") == golden_md


def test_the_bank_used_for_wording_may_be_neither_run(
    make: Make, bank: Bank, changed_bank: Bank
) -> None:
    c = compare(make(), make(days=1), changed_bank)
    assert not c.bank_changed
    assert any("which neither run used" in note for note in c.notes)


def test_comparison_formats_escape_and_agree(make: Make, bank: Bank) -> None:
    payload = "<script>alert(1)</script>"
    old = make(profile={"organisation": payload})
    new = make(days=5, profile={"organisation": payload}, agreement_story=payload)
    c = compare(old, new, bank)
    html = render_comparison(c, "html")
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "\\<script\\>" in render_comparison(c, "md")
    text = comparison_text(c)
    assert "What changed: <script>alert(1)</script>" in text
    for title in ("Overall", "Written agreements", "Lead body and guarantor"):
        assert title in html and title in text


def test_terminal_text_disarms_escape_sequences(make: Make, bank: Bank) -> None:
    name = "Evil\x1b[2J\x1b]0;owned\x07 Org\u202e"
    c = compare(make(profile={"organisation": name}), make(days=1), bank)
    text = comparison_text(c)
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert any("two organisations" in note for note in c.notes)


def with_band(assessment, label: str):
    """`assessment` as if saved with the overall band labelled `label`."""
    overall = assessment.result.overall.model_copy(update={"band_label": label})
    return assessment.model_copy(
        update={"result": assessment.result.model_copy(update={"overall": overall})}
    )


def test_terminal_text_disarms_band_labels_from_saved_files(make: Make, bank: Bank) -> None:
    old = with_band(make(), "Early\x1b[2J\u202e")
    new = with_band(make(days=1), "Nearly\x1b]0;owned\x07")
    text = comparison_text(compare(old, new, bank))
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "Early\u241b[2J\ufffd" in text and "Nearly\u241b]0;owned\u2407" in text


def test_terminal_text_keeps_a_multi_line_answer_on_one_line(make: Make, bank: Bank) -> None:
    c = compare(make(), make(days=1, agreement_story="line one\nline two\r\n\tthree"), bank)
    text = comparison_text(c)
    assert "line one line two three" in " ".join(text.split()) and "\ufffd" not in text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain", "plain"),
        ("line one\nline two", "line one line two"),
        ("  tabs\tand\r\nbreaks  ", "tabs and breaks"),
        (
            "escape\x1b[2J bell\x07 rtl\u202e nul\0 csi\x9b",
            "escape\u241b[2J bell\u2407 rtl\ufffd nul\u2400 csi\ufffd",
        ),
    ],
)
def test_printable_puts_text_on_one_safe_line(text: str, shown: str) -> None:
    assert printable(text) == shown
