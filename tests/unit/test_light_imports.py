"""The quick paths import only what they use: `--help` and `--version` no models, YAML,
templates, Textual or `inspect` (which dataclasses bring); the start screen's look around
no rendering and no unused model built; a command whose bank is kept (store/bankcache.py)
no YAML."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

COMMAND_LINE = """
import sys
from consortium_ready.cli import main
try:
    main(["--version"])
except SystemExit:
    pass
print(*sorted(m for m in ("pydantic", "yaml", "jinja2", "textual", "inspect") if m in sys.modules))
"""

START_SCREEN = """
import sys
from pathlib import Path
from consortium_ready.tui.startup import survey
found = survey(None, None, Path(sys.argv[1]))
from consortium_ready.domain.assessment import Assessment
assert found.bank is not None and found.saved == 0
print(*sorted(m for m in ("jinja2", "consortium_ready.reports.saving") if m in sys.modules))
print(Assessment.__pydantic_complete__)
"""


KEPT_BANK = """
import sys
from consortium_ready.store.bankcache import cached_bank
from consortium_ready.store.saved import load_assessment
cached_bank()
checking = ("yaml", "jinja2", "consortium_ready.content.bankchecks")
print(*sorted(m for m in checking if m in sys.modules))
"""


def _run(code: str, *args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()


def test_the_version_and_help_import_no_models_yaml_templates_textual_or_inspect():
    assert _run(COMMAND_LINE) == ["consortium-ready 0.1.0", ""]


def test_the_start_screen_renders_nothing_and_builds_no_unused_model(tmp_path: Path):
    assert _run(START_SCREEN, str(tmp_path / "reports")) == ["", "False"]


def test_a_kept_bank_and_saved_assessments_are_read_without_yaml_or_the_bank_checks(
    monkeypatch, tmp_path: Path
):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert _run(KEPT_BANK) == ["consortium_ready.content.bankchecks yaml"]  # the bank is kept
    assert _run(KEPT_BANK) == [""]
