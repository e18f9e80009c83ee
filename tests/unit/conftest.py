"""Shared fixtures: the built-in bank, a small fixture bank, and editable copies of either."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from consortium_ready.content.bankfiles import default_dirs
from consortium_ready.content.loader import load_bank
from consortium_ready.domain.bank import Bank
from tests.unit.helpers import MINI


@pytest.fixture(scope="session")
def bank() -> Bank:
    """The built-in bank."""
    return load_bank()


@pytest.fixture(scope="session")
def mini_bank() -> Bank:
    return load_bank(MINI / "questions", MINI / "seeds")


@pytest.fixture
def bank_copy(tmp_path: Path) -> Callable[[str], tuple[Path, Path]]:
    """Copy a bank (`"mini"` or `"builtin"`) to tmp_path, to break on purpose."""

    def copy(which: str = "mini") -> tuple[Path, Path]:
        questions, seeds = (
            (MINI / "questions", MINI / "seeds") if which == "mini" else default_dirs()
        )
        shutil.copytree(questions, tmp_path / "questions")
        shutil.copytree(seeds, tmp_path / "seeds")
        return tmp_path / "questions", tmp_path / "seeds"

    return copy
