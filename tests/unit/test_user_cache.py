"""The user's cache folder, where the compiled templates and the checked bank are kept."""

from __future__ import annotations

from consortium_ready.store import usercache


def test_the_cache_is_in_the_users_cache_folder(monkeypatch, tmp_path):
    monkeypatch.setattr(usercache.sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert usercache.cache_folder() == tmp_path / "consortium-ready"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert usercache.cache_folder() == tmp_path / ".cache" / "consortium-ready"
