"""docs/reliability.md's table of what was tried is made from the tests that try it.

The counts come from the bad-input corpus (badinput.py), the fuzzed readers
(test_fuzz_readers.py), the fault tests (test_faults.py and the questionnaire's kill test)
and the terminal-output test, so the table cannot drift from the suite. After changing
any of them, rewrite the table with:

    UPDATE_RELIABILITY_DOC=1 pytest tests/unit/test_reliability_doc.py
"""

from __future__ import annotations

import os
import re
from collections import Counter

from tests.functional.test_killed_repeatedly import ROUNDS
from tests.unit.badinput import ANSWERS, BANK, DRAFT, GROUPS, KINDS, SAVED
from tests.unit.helpers import REPO
from tests.unit.test_faults import FAULTS
from tests.unit.test_fuzz_readers import EXAMPLES, READERS, STRATEGIES
from tests.unit.test_terminal_output import COMMANDS

DOC = REPO / "docs" / "reliability.md"
UPDATE = "UPDATE_RELIABILITY_DOC"
TABLE = re.compile(r"(<!-- reliability-table -->\n)(.*?)(<!-- end -->)", re.DOTALL)
REFUSED = "refused: exit 2, naming file, line and field"


def corpus_rows() -> list[tuple[str, int, str]]:
    """A row for each kind of file and group of bad input, with its count."""
    counts = Counter((case.kind, case.group) for case in [*ANSWERS, *BANK, *SAVED, *DRAFT])
    rows = []
    for kind, kind_words in KINDS.items():
        for group in GROUPS:
            if counts[kind, group]:
                outcome = REFUSED if kind != "draft" else "refused: InputError, naming file, field"
                rows.append((f"bad {kind_words}: {group}", counts[kind, group], outcome))
    return rows


def table() -> str:
    rows = corpus_rows()
    rows += [
        (f"fuzzed {reader.name} (Hypothesis)", EXAMPLES, "read, or InputError; nothing else")
        for reader in READERS
    ]
    rows += [(fault, count, outcome) for fault, (count, outcome) in FAULTS.items()]
    rows.append(
        (
            "kill -9 at random moments in the questionnaire",
            ROUNDS,
            "draft always reads; at most the answer being given lost; no debris after",
        )
    )
    rows.append(
        (
            "a command run on a bank, answers and files full of terminal escapes",
            len(COMMANDS),
            "no raw control character printed, nor in Markdown or CSV",
        )
    )
    lines = ["| what was tried | cases | what happened |", "|---|---:|---|"]
    lines += [f"| {what} | {count} | {outcome} |" for what, count, outcome in rows]
    total = sum(count for _, count, _ in rows)
    lines.append(f"| **all** | **{total}** | |")
    lines += ["", "The groups of bad input:", ""]
    lines += [f"- {group}: {examples}." for group, examples in GROUPS.items()]
    lines += ["", f"Fuzzing draws from: {', '.join(STRATEGIES)}."]
    return "\n".join(lines) + "\n"


def test_the_table_is_made_from_the_suite() -> None:
    old = DOC.read_text(encoding="utf-8")
    match = TABLE.search(old)
    assert match, "docs/reliability.md has lost its <!-- reliability-table --> block"
    new = old[: match.start(2)] + table() + old[match.end(2) :]
    if new != old and os.environ.get(UPDATE):
        DOC.write_text(new, encoding="utf-8")
        return
    assert new == old, (
        f"docs/reliability.md's table is not what the suite tries; rewrite it with\n"
        f"    {UPDATE}=1 pytest tests/unit/test_reliability_doc.py\n\nthe table now:\n{table()}"
    )


def test_the_corpus_is_at_least_sixty_cases_of_every_kind_asked_for() -> None:
    cases = [*ANSWERS, *BANK, *SAVED, *DRAFT]
    assert len(cases) >= 60
    assert {case.kind for case in cases} == set(KINDS)
    assert {case.group for case in cases} == set(GROUPS)
