"""No command prints a raw control character, whatever the bank, the answers and the files hold;
and a fault in the program itself is one line, exit status 1, with the details in a log file."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest

from consortium_ready import cli
from consortium_ready.cli import main
from consortium_ready.words import printable
from tests.unit.helpers import GOOD, MINI

HOSTILE = "\x1b[2J\x1b]0;owned\x07\x9b31m\u202e\x00\r"
"""A screen clear, a title change with its bell, a C1 escape, a direction override, NUL, CR."""
RAW = {chr(code) for code in [*range(32), *range(0x7F, 0xA0)] if chr(code) not in "\n\t"}
RAW |= {"\u202e"}


def escaped(text: str) -> str:
    """`text` with HOSTILE in it, as a YAML double-quoted string."""
    return json.dumps(text + HOSTILE)


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[list[str], Path, Path]:
    """A bank whose titles and labels hold HOSTILE, answers whose name and notes do, and a
    reports folder with two saved assessments and a damaged file whose name does."""
    questions, seeds = tmp_path / "questions", tmp_path / "seeds"
    for source, target in ((MINI / "questions", questions), (MINI / "seeds", seeds)):
        for path in source.rglob("*"):
            copy = target / path.relative_to(source)
            if path.is_dir():
                copy.mkdir(parents=True, exist_ok=True)
                continue
            copy.parent.mkdir(parents=True, exist_ok=True)
            body = path.read_text(encoding="utf-8")
            for old in ("Lead body", "Is a partner ready to guarantee the others?", "A plan"):
                body = body.replace(f"title: {old}", f"title: {escaped(old)}")
                body = body.replace(f"text: {old}", f"text: {escaped(old)}")
                body = body.replace(f"label: {old}", f"label: {escaped(old)}")
            copy.write_text(body, encoding="utf-8")
    bank_args = ["--questions", str(questions), "--seeds", str(seeds)]
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        GOOD.replace("Riverside Advice", escaped("Riverside Advice")).replace(
            '"Signed at the March meeting [minutes]"', escaped("Signed")
        ),
        encoding="utf-8",
    )
    reports = tmp_path / "reports"
    for _ in range(2):
        assert (
            main([*bank_args, "assess", "--answers", str(answers), "--reports", str(reports)]) == 0
        )
    damaged = next(reports.iterdir()) / f"x{HOSTILE.replace(chr(0), '')}.json"
    damaged.write_text("{", encoding="utf-8")
    return bank_args, answers, reports


def commands(answers: Path, reports: Path, saved: list[Path], organisation: str) -> list[list[str]]:
    """Every command, run as the hostile files make it print their words."""
    return [
        ["validate"],
        ["questions", "--json"],
        ["template"],
        ["assess", "--answers", str(answers), "--reports", str(reports)],
        ["assess", "--json", "--answers", str(answers), "--reports", str(reports)],
        *(["report", str(saved[0]), "--format", fmt] for fmt in ("md", "csv", "html")),
        ["history", "--reports", str(reports)],
        ["history", "--reports", str(reports), "--org", organisation],
        ["compare", str(saved[0]), str(saved[1])],
        ["compare", "--org", organisation, "--reports", str(reports)],
        ["history", "--reports", str(reports), "--org", "nobody" + HOSTILE],
        ["report", str(answers)],
        ["assess", "--answers", str(answers) + HOSTILE, "--reports", str(reports)],
        ["validate", "--bogus" + HOSTILE],
        ["--help"],
        ["remove", str(saved[0]), "--reports", str(reports)],
    ]


COMMANDS = commands(Path(), Path(), [Path(), Path()], "")
"""How many commands are tried (for docs/reliability.md)."""


def test_no_command_prints_a_raw_control_character(
    hostile: tuple[list[str], Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    bank_args, answers, reports = hostile
    saved = sorted(p for p in reports.rglob("*.json") if not p.name.startswith((".", "x")))
    organisation = "Riverside Advice" + HOSTILE
    printed = []
    for command in commands(answers, reports, saved, organisation):
        with contextlib.suppress(SystemExit):  # --help, and argparse's own refusals
            main([*bank_args, *command])
        out, err = capsys.readouterr()
        printed.append((command[0], out + err))
        found = RAW & set((out + err).replace("\r\n", "\n"))
        assert not found, (command, sorted(found))
    shown = "\n".join(text for _, text in printed)
    assert "\u241b[2J" in shown and "\u241b]0;owned\u2407" in shown  # ESC and BEL, shown
    assert {name for name, text in printed if "\u241b" in text} == {
        "validate",
        "template",
        "assess",
        "report",
        "history",
        "compare",
    }


def test_markdown_and_csv_reports_on_disk_hold_no_raw_control_character(
    hostile: tuple[list[str], Path, Path],
) -> None:
    _, _, reports = hostile
    for suffix in (".md", ".csv"):
        for path in reports.rglob(f"*{suffix}"):
            body = path.read_text(encoding="utf-8")
            assert not RAW & (set(body) - {"\r"}), path
            assert "\r" not in body.replace("\r\n", "")


def test_printable_keeps_line_breaks_only_when_asked() -> None:
    assert printable("a\r\nb\rc\td\x1b") == "a b c d\u241b"
    assert printable("a\r\nb\rc\td\x1b", keep_lines=True) == "a\r\nb\u240dc\td\u241b"
    assert printable("  Date  Change\n\n  12  \u22123\n", keep_lines=True) == (
        "  Date  Change\n\n  12  \u22123\n"
    )
    welsh_flag = "\U0001f3f4\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    for kept in ("جمعية", "Llŷn", welsh_flag, family, "\ufeffcsv"):
        assert printable(kept) == kept


def test_a_fault_in_the_program_is_one_line_and_a_log_in_the_reports_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(args: object) -> int:
        raise ZeroDivisionError("a bug" + HOSTILE)

    monkeypatch.setattr(cli, "cmd_history", broken)
    reports = tmp_path / "reports"
    assert main(["history", "--reports", str(reports)]) == 1
    out, err = capsys.readouterr()
    [log] = reports.glob("consortium-ready-error-*.log")
    assert out == "" and err.count("\n") == 1 and "ZeroDivisionError" in err
    assert f"the details are in {log}" in err and "Traceback" not in err
    details = log.read_text(encoding="utf-8")
    assert "Traceback" in details and "a bug" in details and "broken" in details


def test_a_fault_where_the_reports_folder_cannot_be_written_logs_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(args: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli, "cmd_history", broken)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    a_file = tmp_path / "reports"
    a_file.write_text("not a folder", encoding="utf-8")
    assert main(["history", "--reports", str(a_file)]) == 1
    [log] = (tmp_path / "temp").glob("consortium-ready-error-*.log")
    assert str(log) in capsys.readouterr().err
