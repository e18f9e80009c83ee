"""The draft file as the core reads and sets it aside (the TUI's tests are in tests/functional/)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from consortium_ready.errors import InputError
from consortium_ready.store.drafts import Draft, load_draft, save_draft, set_aside
from consortium_ready.store.files import draft_path

NOW = datetime(2027, 3, 12, 14, 5, tzinfo=UTC)


def no_hard_links(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(source: object, target: object, **_: object) -> None:
        raise PermissionError("hard links not supported")

    monkeypatch.setattr(os, "link", refuse)


def test_a_damaged_draft_is_set_aside_where_hard_links_are_not_supported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_hard_links(monkeypatch)
    path = draft_path(tmp_path)
    path.write_text("damaged once")
    first = set_aside(path, NOW)
    path.write_text("damaged twice")
    second = set_aside(path, NOW)
    assert (first.name, second.name) == (
        ".draft-damaged-2027-03-12-140500.json",
        ".draft-damaged-2027-03-12-140500-2.json",
    )
    assert (first.read_text(), second.read_text()) == ("damaged once", "damaged twice")
    assert {p.name for p in tmp_path.iterdir()} == {first.name, second.name}


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000 + "]" * 100_000, '{"answers": ' + "[" * 100_000 + "]" * 100_000 + "}"],
    ids=["a-list", "in-answers"],
)
def test_a_draft_nested_too_deeply_is_damaged_not_a_crash(tmp_path: Path, text: str) -> None:
    path = draft_path(tmp_path)
    path.write_text(text)
    with pytest.raises(InputError) as raised:
        load_draft(path)
    assert str(raised.value) == f"{path}: nested too deeply to be a draft"


def test_a_draft_too_large_is_damaged_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = draft_path(tmp_path)
    with path.open("wb") as stream:
        stream.truncate(20_000_000)

    def must_not_read(handle: int, size: int) -> bytes:
        raise AssertionError("read a file too large to be a draft")

    monkeypatch.setattr(os, "read", must_not_read)
    with pytest.raises(InputError) as raised:
        load_draft(path)
    assert str(raised.value) == f"{path}: too large to be a draft"


def test_a_draft_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    path = draft_path(tmp_path)
    path.mkdir()
    with pytest.raises(InputError) as raised:
        load_draft(path)
    assert str(raised.value) == f"{path}: not a draft: it is a folder, not a file"


def test_a_draft_is_readable_by_its_owner_alone(tmp_path: Path) -> None:
    """The reports folder may be shared; a draft holds every note typed so far."""
    save_draft(draft_path(tmp_path), Draft(saved=NOW, notes={"guarantor": "private"}))
    assert draft_path(tmp_path).stat().st_mode & 0o777 == 0o600
