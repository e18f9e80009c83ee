"""The quick paths import only what they use: `--help` and `--version` no models, YAML,
templates or Textual; the start screen's look around no rendering and no unused model built."""

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
print(*sorted(m for m in ("pydantic", "yaml", "jinja2", "textual") if m in sys.modules))
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


def _run(code: str, *args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()


def test_the_version_and_help_import_no_models_yaml_templates_or_textual():
    assert _run(COMMAND_LINE) == ["consortium-ready 0.1.0", ""]


def test_the_start_screen_renders_nothing_and_builds_no_unused_model(tmp_path: Path):
    assert _run(START_SCREEN, str(tmp_path / "reports")) == ["", "False"]
