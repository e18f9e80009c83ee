"""The domain core never imports textual: the TUI is one shell over it, the CLI, plain mode and
the web server others."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import consortium_ready

PACKAGE = Path(consortium_ready.__file__).parent
SHELLS = {"tui", "serve", "cli", "__main__.py"}


def core_modules() -> list[Path]:
    return [
        path for path in PACKAGE.rglob("*.py") if path.relative_to(PACKAGE).parts[0] not in SHELLS
    ]


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_no_core_module_imports_textual_or_rich():
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in core_modules()
        if imported_modules(p) & {"textual", "rich"}
    ]
    assert offenders == []


def test_the_whole_core_and_the_scriptable_cli_run_without_loading_textual(tmp_path):
    modules = sorted(
        "consortium_ready." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for p in core_modules()
        if p.name != "__init__.py"
    )
    code = (
        "import sys, importlib\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "from consortium_ready.cli import main\n"
        "main(['validate'])\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert len(modules) >= 10
