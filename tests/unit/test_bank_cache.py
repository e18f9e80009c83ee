"""The checked bank is kept between runs, used only for the very bank it was made from, and only
from a file the user alone could have written; anything else is passed over."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from consortium_ready.cli import main
from consortium_ready.content import loader
from consortium_ready.content.bankfiles import read_bank_files
from consortium_ready.domain.bank import Bank
from consortium_ready.errors import InputError
from consortium_ready.store import bankcache
from consortium_ready.store.bankcache import cached_bank
from tests.unit.helpers import MINI, MINI_ARGS
from tests.unit.test_loader import edit

Checked = Callable[[], int]


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Checked:
    """A cache folder of this test's own; how many times a bank has been read and checked."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    calls: list[None] = []
    check = loader.checked_bank

    def counting(*args: object) -> Bank:
        calls.append(None)
        return check(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "checked_bank", counting)
    return lambda: len(calls)


def entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "consortium-ready" / "banks").glob("*.pickle"))


def test_a_bank_read_once_is_read_from_the_cache_after(checked, mini_bank, tmp_path):
    first = cached_bank(MINI / "questions", MINI / "seeds")
    again = cached_bank(MINI / "questions", MINI / "seeds")
    assert checked() == 1
    assert first == again == mini_bank
    assert again.content_hash == mini_bank.content_hash
    assert [q.id for q in again.questions] == [q.id for q in mini_bank.questions]
    [entry] = entries(tmp_path)
    assert entry.stat().st_mode & 0o777 == 0o600
    assert entry.parent.stat().st_mode & 0o777 == 0o700


def test_a_changed_file_is_read_again_and_replaces_the_entry(checked, bank_copy, tmp_path):
    questions, seeds = bank_copy("mini")
    cached_bank(questions, seeds)
    edit(questions / "bank.yaml", "Mini bank", "Mini bank, edited")
    changed = cached_bank(questions, seeds)
    assert changed.info.title.endswith("edited") and checked() == 2
    assert cached_bank(questions, seeds) == changed and checked() == 2
    assert len(entries(tmp_path)) == 1


def test_a_bank_with_problems_is_not_kept_and_says_so_each_time(checked, bank_copy, tmp_path):
    questions, seeds = bank_copy("mini")
    edit(questions / "bank.yaml", "Mini bank", "[unclosed")
    for _ in range(2):
        with pytest.raises(InputError, match="not valid YAML"):
            cached_bank(questions, seeds)
    assert checked() == 2 and entries(tmp_path) == []


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda entry: entry.write_bytes(entry.read_bytes()[:-40]), id="cut short"),
        pytest.param(
            lambda entry: entry.write_bytes(entry.read_bytes().replace(b"Mini", b"Mxni")),
            id="bytes changed",
        ),
        pytest.param(lambda entry: entry.write_bytes(b""), id="empty"),
        pytest.param(lambda entry: entry.write_bytes(b"\0" * 100), id="not ours"),
    ],
)
def test_a_damaged_entry_is_passed_over_and_made_again(checked, tmp_path, spoil):
    cached_bank(MINI / "questions", MINI / "seeds")
    [entry] = entries(tmp_path)
    spoil(entry)
    assert cached_bank(MINI / "questions", MINI / "seeds").info.title == "Mini bank"
    assert checked() == 2
    assert cached_bank(MINI / "questions", MINI / "seeds").info.title == "Mini bank"
    assert checked() == 2


@pytest.mark.parametrize(
    "open_to_others",
    [
        pytest.param(lambda entry: entry.chmod(0o620), id="file writable by its group"),
        pytest.param(lambda entry: entry.chmod(0o602), id="file writable by anyone"),
        pytest.param(lambda entry: entry.parent.chmod(0o777), id="folder writable by anyone"),
        pytest.param(
            lambda entry: (
                entry.rename(entry.with_name("elsewhere")),
                entry.symlink_to(entry.with_name("elsewhere")),
            ),
            id="a link",
        ),
    ],
)
@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
def test_an_entry_others_could_have_written_is_never_loaded(checked, tmp_path, open_to_others):
    cached_bank(MINI / "questions", MINI / "seeds")
    [entry] = entries(tmp_path)
    open_to_others(entry)
    cached_bank(MINI / "questions", MINI / "seeds")
    assert checked() == 2


@pytest.mark.parametrize(
    "made_by",
    [
        pytest.param(("__version__", "9.9.9"), id="another version of the program"),
        pytest.param(("_code_fingerprint", lambda: b"other code"), id="other code"),
    ],
)
def test_an_entry_made_by_other_code_is_not_used(checked, monkeypatch, made_by):
    cached_bank(MINI / "questions", MINI / "seeds")
    monkeypatch.setattr(bankcache, *made_by)
    cached_bank(MINI / "questions", MINI / "seeds")
    assert checked() == 2


def test_without_a_cache_folder_the_bank_is_read_each_time(checked, monkeypatch, tmp_path):
    (tmp_path / "cache").write_text("a file where the folder would be")
    for _ in range(2):
        assert cached_bank(MINI / "questions", MINI / "seeds").info.title == "Mini bank"
    monkeypatch.setattr(bankcache, "cache_folder", lambda: None)
    cached_bank(MINI / "questions", MINI / "seeds")
    assert checked() == 3


def test_where_owners_are_not_known_nothing_is_kept(checked, monkeypatch, tmp_path):
    monkeypatch.delattr(os, "getuid", raising=False)
    for _ in range(2):
        assert cached_bank(MINI / "questions", MINI / "seeds").info.title == "Mini bank"
    assert checked() == 2 and entries(tmp_path) == []


def test_commands_use_the_cache_but_validate_checks_every_file(checked, capsys):
    for command in (["template"], ["template"], ["validate"], ["validate"]):
        assert main([*command, *MINI_ARGS]) == 0
    capsys.readouterr()
    assert checked() == 3


def test_the_content_hash_is_known_before_anything_is_parsed_and_is_as_it_was():
    """Saved assessments name their bank by it: reading the files apart from parsing them
    must not change it (the mini bank's, as the loader made it before)."""
    assert read_bank_files(MINI / "questions", MINI / "seeds").content_hash == (
        "sha256:44088baafb9bf12bcfcab05df0dc47680de3cbc37e437a88f4a4091fba462adc"
    )
