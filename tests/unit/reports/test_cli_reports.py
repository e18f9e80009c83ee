"""The report, history and compare commands: output, files written, and exit 2 on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from consortium_ready.cli import main
from consortium_ready.domain.bank import Bank
from consortium_ready.reports.saving import save_assessment
from consortium_ready.store.savedindex import INDEX_NAME
from tests.unit.reports.reportkit import ANSWERS, BANK, Make

BANK_ARGS = ["--questions", str(BANK / "questions"), "--seeds", str(BANK / "seeds")]
ORG = "St Anne's & Friends | Leeds *North*"


@pytest.fixture
def saved(make: Make, bank: Bank, tmp_path: Path) -> list[Path]:
    """Two saved runs of the fixed organisation, the later one better."""
    reports = tmp_path / "reports"
    return [
        save_assessment(make(0), bank, reports).json,
        save_assessment(make(30, guarantor="agreed"), bank, reports).json,
    ]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_assess_saves_json_and_every_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = run(
        capsys, "assess", *BANK_ARGS, "--answers", str(ANSWERS), "--reports", str(tmp_path)
    )
    assert status == 0
    (folder,) = (p for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert sorted(p.suffix for p in folder.iterdir()) == [".csv", ".html", ".json", ".md"]
    assert (tmp_path / INDEX_NAME).is_file()
    assert out.count("Report ") == 3


@pytest.mark.parametrize(
    ("fmt", "start"),
    [("md", "# Consortium readiness"), ("html", "<!DOCTYPE html>"), ("csv", "\ufefforganisation,")],
)
def test_report_regenerates_each_format(
    capsys: pytest.CaptureFixture[str], saved: list[Path], fmt: str, start: str
) -> None:
    status, out, err = run(capsys, "report", str(saved[0]), "--format", fmt, *BANK_ARGS)
    assert status == 0 and out.startswith(start) and not err
    assert out == saved[0].with_suffix(f".{fmt}").read_bytes().decode("utf-8")


def test_report_takes_the_format_from_out(
    capsys: pytest.CaptureFixture[str], saved: list[Path], tmp_path: Path
) -> None:
    out_file = tmp_path / "board.HTML"
    status, out, err = run(capsys, "report", str(saved[0]), "--out", str(out_file), *BANK_ARGS)
    assert status == 0 and not out and f"Wrote {out_file}" in err
    assert out_file.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_with_another_bank_renders_and_says_so(
    capsys: pytest.CaptureFixture[str], saved: list[Path], editable_bank: Path
) -> None:
    flags = editable_bank / "questions" / "flags.yaml"
    flags.write_text(
        flags.read_text(encoding="utf-8").replace("Decide now", "Decide today"), encoding="utf-8"
    )
    status, out, err = run(
        capsys,
        "report",
        str(saved[0]),
        "--questions",
        str(editable_bank / "questions"),
        "--seeds",
        str(editable_bank / "seeds"),
    )
    assert status == 0
    assert "note: This assessment was made with" in err
    assert "> **Note:** This assessment was made with" in out
    assert "Decide now whether to bid" in out  # the saved result, not the new wording


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["report", "{missing}"], "missing.json: cannot be read"),
        (["report", "{bad}"], "bad.json:1: not a saved assessment (not valid JSON"),
        (["report", "{first}", "--out", "{tmp}/report.pdf"], "--out: cannot tell the format"),
        (
            ["compare", "{first}", "{first}", "--out", "{tmp}/c.csv"],
            "--out: cannot tell the format",
        ),
        (["compare", "{first}", "{bad}"], "bad.json:1: not a saved assessment"),
        (
            ["history", "--org", "Nobody Here", "--reports", "{tmp}"],
            "--org: no saved assessments for 'Nobody Here'",
        ),
        (
            ["compare", "--org", "Nobody Here", "--reports", "{tmp}"],
            "--org: no saved assessments for 'Nobody Here'",
        ),
        (
            ["actions", "--org", "Nobody Here", "--reports", "{tmp}"],
            "--org: no saved assessments for 'Nobody Here'",
        ),
        (["actions"], "give a saved assessment (.json), or --org NAME"),
        (["actions", "{bad}"], "bad.json:1: not a saved assessment"),
        (["compare"], "give two saved assessments"),
        (["compare", "{first}"], "give two saved assessments"),
        (["compare", "{first}", "{first}", "--org", "x"], "give two saved assessments"),
    ],
)
def test_bad_input_is_named_with_exit_2(
    capsys: pytest.CaptureFixture[str],
    saved: list[Path],
    tmp_path: Path,
    args: list[str],
    says: str,
) -> None:
    (tmp_path / "bad.json").write_text("{nope", encoding="utf-8")
    names = {
        "missing": str(tmp_path / "missing.json"),
        "bad": str(tmp_path / "bad.json"),
        "first": str(saved[0]),
        "tmp": str(tmp_path),
    }
    filled = [arg.format(**names) for arg in args]
    status, _, err = run(capsys, *filled, *BANK_ARGS)
    assert status == 2
    assert says in err
    assert "Traceback" not in err


def test_history_lists_runs_and_warns_of_strangers(
    capsys: pytest.CaptureFixture[str], saved: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    stranger = saved[0].parent / "other-tool.json"
    stranger.write_text('{"tool": "spreadsheet"}', encoding="utf-8")
    monkeypatch.setenv("CONSORTIUM_READY_REPORTS", str(saved[0].parents[1]))
    status, out, err = run(capsys, "history")
    assert status == 0
    assert out.startswith(ORG + "\n  Date")
    assert "Trend: 20 → 50: up 30 since the first, over 2 assessments" in out
    assert f"skipped {stranger}: not a consortium-ready assessment" in err
    status, out, _ = run(capsys, "history", "--org", "st anne's friends: leeds north")
    assert status == 0 and "over 2 assessments" in out


def test_a_file_nested_too_deeply_is_skipped_or_refused(
    capsys: pytest.CaptureFixture[str], saved: list[Path]
) -> None:
    deep = saved[0].parent / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    reports = str(saved[0].parents[1])
    skipped = f"skipped {deep}: nested too deeply to be a saved assessment"
    status, out, err = run(capsys, "history", "--reports", reports)
    assert status == 0 and "over 2 assessments" in out and skipped in err
    status, out, err = run(capsys, "compare", "--org", ORG, "--reports", reports, *BANK_ARGS)
    assert status == 0 and out.startswith(f"What changed: {ORG}") and skipped in err
    status, _, err = run(capsys, "report", str(deep), *BANK_ARGS)
    assert status == 2 and f"{deep}: nested too deeply to be a saved assessment" in err


def test_history_of_an_empty_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = run(capsys, "history", "--reports", str(tmp_path))
    assert status == 0 and out == f"No saved assessments in {tmp_path}.\n"


def test_compare_two_files_and_write_a_report(
    capsys: pytest.CaptureFixture[str], saved: list[Path], tmp_path: Path
) -> None:
    out_file = tmp_path / "changes.md"
    status, out, err = run(
        capsys, "compare", str(saved[0]), str(saved[1]), "--out", str(out_file), *BANK_ARGS
    )
    assert status == 0
    assert out.startswith(f"What changed: {ORG}\n")
    assert (
        "Cleared (1):\n    - You could not say whether a partner is ready to be lead body "
        "and guarantor" in out
    )
    assert out_file.read_text(encoding="utf-8").startswith("# What changed:")
    assert f"Wrote {out_file}" in err


def test_compare_an_organisations_latest_two(
    capsys: pytest.CaptureFixture[str], saved: list[Path], tmp_path: Path
) -> None:
    html = tmp_path / "changes.html"
    status, out, _ = run(
        capsys,
        "compare",
        "--org",
        ORG,
        "--reports",
        str(saved[0].parents[1]),
        "--out",
        str(html),
        *BANK_ARGS,
    )
    assert status == 0 and "Overall" in out
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_an_unwritable_out_file_fails_cleanly(
    capsys: pytest.CaptureFixture[str], saved: list[Path], tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    status, _, err = run(
        capsys, "report", str(saved[0]), "--out", str(blocker / "r.md"), *BANK_ARGS
    )
    assert status == 2 and "is not a folder; create it first" in err and "Traceback" not in err
    assert blocker.stat().st_size == 0
