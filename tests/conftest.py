"""What every test shares: a cache folder of the session's own, so that the report templates
compiled by the tests are kept there and not in the user's (reports/templatecache.py)."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _session_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = str(tmp_path_factory.mktemp("cache"))
    os.environ["XDG_CACHE_HOME"] = os.environ["LOCALAPPDATA"] = folder
