"""A built wheel carries the bank and the report templates; an installed copy finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.unit.helpers import REPO as ROOT

CHECK = """
import consortium_ready, sys
from pathlib import Path
from datetime import UTC, datetime
from consortium_ready.content.bankfiles import default_dirs
from consortium_ready.content.loader import load_bank
from consortium_ready.domain.answerset import AnswerSet
from consortium_ready.domain.assessment import assess
from consortium_ready.domain.profile import Profile
from consortium_ready.reports.render import render_report
from consortium_ready.reports.view import report_view

unpacked = Path(sys.argv[1]).resolve()
assert Path(consortium_ready.__file__).resolve().is_relative_to(unpacked), consortium_ready.__file__
questions, seeds = default_dirs()
assert questions.resolve().is_relative_to(unpacked), questions
bank = load_bank()
answers = AnswerSet(profile=Profile(organisation="Wheel test", role="lead", stage="forming"))
view = report_view(assess(bank, answers, datetime(2026, 1, 1, tzinfo=UTC)), bank)
assert "Wheel test" in render_report(view, "html")
print(len(bank.questions), len(bank.guidance))
"""


def test_an_installed_wheel_finds_its_bank_and_templates(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmp_path, ROOT],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("consortium_ready-*.whl")
    unpacked = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(unpacked)
    assert "consortium_ready/_bank/questions/bank.yaml" in names
    assert any(n.startswith("consortium_ready/_bank/seeds/guidance/") for n in names)
    assert "consortium_ready/reports/templates/report.html.j2" in names
    run = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path.insert(0, {str(unpacked)!r})\n" + CHECK,
            unpacked,
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    questions, guidance = map(int, run.stdout.split())
    assert questions > 90 and guidance > 20
