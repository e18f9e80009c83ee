"""Where assessments are saved: safe folder names, nothing overwritten, nothing half written."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consortium_ready.domain.assessment import SCHEMA_VERSION, Assessment
from consortium_ready.domain.bank import Bank
from consortium_ready.reports import render
from consortium_ready.reports.saving import save_assessment
from consortium_ready.store import files as archive
from consortium_ready.store.files import (
    REPORTS_ENV,
    SLUG_LENGTH,
    create_new,
    move_new,
    reports_dir,
    slugify,
    write_new,
)
from consortium_ready.store.history import scan
from consortium_ready.store.saved import load_assessment
from tests.unit.reports.reportkit import Make

WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{n}" for n in range(10)),
    *(f"lpt{n}" for n in range(10)),
}


def assert_safe(slug: str) -> None:
    assert slug and slug not in (".", "..")
    assert not set(slug) & set('/\\\0:*?"<>|.')
    assert len(slug) <= SLUG_LENGTH + len("-organisation")
    assert len(slug.encode("utf-8")) < 255
    assert slug.casefold() not in WINDOWS_RESERVED
    assert slug == slug.strip("- ")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("St Anne's Community Services", "st-anne-s-community-services"),
        ("../../etc/passwd", "etc-passwd"),
        ("/absolute/path", "absolute-path"),
        ("C:\\Windows\\System32", "c-windows-system32"),
        ("..", None),
        ("nul\0byte", "nul-byte"),
        ("\u202egnp.exe", "gnp-exe"),
        ("CON", "con-organisation"),
        ("Lpt1", "lpt1-organisation"),
        ("ＣＯＭ１", "com1-organisation"),
        ("Cymdeithas Gymunedol Ŵyn", "cymdeithas-gymunedol-ŵyn"),
        ("हिन्दी संस्था", "हिन्दी-संस्था"),
        ("東京コミュニティ協会", "東京コミュニティ協会"),
        ("جمعية الخير", "جمعية-الخير"),
    ],
)
def test_slugs_are_safe_and_keep_every_script(name: str, slug: str | None) -> None:
    made = slugify(name)
    assert_safe(made)
    if slug is not None:
        assert made == slug


def test_names_with_nothing_usable_get_distinct_fingerprints() -> None:
    rainbow, unicorn = slugify("🌈"), slugify("🦄")
    assert rainbow.startswith("organisation-") and rainbow != unicorn
    assert slugify("..") == slugify("..")


def test_very_long_names_are_cut() -> None:
    slug = slugify("a" * 59 + " " + "b" * 400)
    assert slug == "a" * 59  # cut at the limit, without a trailing hyphen
    assert len(slugify("ŵ" * 5000)) == SLUG_LENGTH


@given(st.text())
def test_any_name_makes_a_folder_inside_the_reports_folder(name: str) -> None:
    root = Path("/srv/reports")
    slug = slugify(name)
    assert_safe(slug)
    assert (root / slug).resolve().parent == root.resolve()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(min_size=1, max_size=200).filter(str.strip))
def test_any_organisation_is_saved_inside_the_folder_with_its_name_intact(
    make: Make, bank: Bank, name: str
) -> None:
    assessment = make(profile={"organisation": name.strip()})
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder).resolve()
        saved = save_assessment(assessment, bank, root)
        for path in [saved.json, *saved.reports]:
            assert path.resolve().parent.parent == root
            assert path.exists()
        assert load_assessment(saved.json).profile.organisation == name.strip()


def test_saves_in_the_same_second_get_distinct_names(
    assessment: Assessment, bank: Bank, tmp_path: Path
) -> None:
    saved = [save_assessment(assessment, bank, tmp_path) for _ in range(3)]
    names = [s.json.name for s in saved]
    assert names == [
        "2026-03-14-120000.json",
        "2026-03-14-120000-2.json",
        "2026-03-14-120000-3.json",
    ]
    for s in saved:
        assert [p.suffix for p in s.reports] == [".html", ".md", ".csv"]
        assert all(p.stem == s.json.stem for p in s.reports)
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_report_left_without_its_json_is_not_overwritten(
    assessment: Assessment, bank: Bank, tmp_path: Path
) -> None:
    folder = tmp_path / slugify(assessment.profile.organisation)
    folder.mkdir()
    orphan = folder / "2026-03-14-120000.html"
    orphan.write_text("keep me", encoding="utf-8")
    saved = save_assessment(assessment, bank, tmp_path)
    assert saved.json.name == "2026-03-14-120000-2.json"
    assert orphan.read_text(encoding="utf-8") == "keep me"


def test_saved_json_is_the_assessment(assessment: Assessment, bank: Bank, tmp_path: Path) -> None:
    saved = save_assessment(assessment, bank, tmp_path)
    data = json.loads(saved.json.read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["profile"]["organisation"] == "St Anne's & Friends | Leeds *North*"
    assert load_assessment(saved.json) == assessment


def test_create_new_never_replaces_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    create_new(path, "first")
    with pytest.raises(FileExistsError):
        create_new(path, "second")
    assert path.read_text(encoding="utf-8") == "first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_create_new_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(source: object, target: object, **_: object) -> None:
        raise PermissionError("hard links not supported")

    monkeypatch.setattr(os, "link", no_links)
    path = write_new(tmp_path, "stem", ".json", "one")
    again = write_new(tmp_path, "stem", ".json", "two")
    assert (path.name, again.name) == ("stem.json", "stem-2.json")
    assert path.read_text(encoding="utf-8") == "one" and again.read_text(encoding="utf-8") == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stem-2.json", "stem.json"]


def test_reports_folder_is_chosen_then_environment_then_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(REPORTS_ENV, raising=False)
    assert reports_dir() == Path("reports")
    monkeypatch.setenv(REPORTS_ENV, str(tmp_path))
    assert reports_dir() == tmp_path
    assert reports_dir(Path("elsewhere")) == Path("elsewhere")


def test_a_file_in_the_way_of_the_organisation_folder_is_named(tmp_path: Path) -> None:
    blocked = tmp_path / "riverside"
    blocked.write_text("not a folder", encoding="utf-8")
    with pytest.raises(NotADirectoryError) as caught:
        write_new(blocked, "2027-01-01-090000", ".json", "{}")
    assert caught.value.filename == str(blocked)
    assert blocked.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("links", [True, False])
def test_move_new_never_overwrites(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, links: bool
) -> None:
    def no_links(source: object, target: object, **_: object) -> None:
        raise PermissionError("hard links not supported")

    if not links:
        monkeypatch.setattr(os, "link", no_links)
    (tmp_path / "kept.txt").write_text("already here", encoding="utf-8")
    (tmp_path / "kept-2.md").write_text("a sibling", encoding="utf-8")
    moved = []
    for text in ("one", "two"):
        source = tmp_path / "source"
        source.write_text(text, encoding="utf-8")
        moved.append(move_new(source, tmp_path, "kept", ".txt", siblings=[".md"]))
        assert not source.exists()
    assert [p.name for p in moved] == ["kept-3.txt", "kept-4.txt"]
    assert [p.read_text(encoding="utf-8") for p in moved] == ["one", "two"]
    assert (tmp_path / "kept.txt").read_text(encoding="utf-8") == "already here"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "kept-2.md",
        "kept-3.txt",
        "kept-4.txt",
        "kept.txt",
    ]


def test_a_save_is_all_or_nothing(
    assessment: Assessment, bank: Bank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(path: Path, text: str, **options: bool) -> None:
        if path.suffix == ".md":
            raise OSError(28, "No space left on device", str(path))
        original(path, text, **options)

    original = archive.create_new
    monkeypatch.setattr(archive, "create_new", full_disk)
    with pytest.raises(OSError, match="No space left"):
        save_assessment(assessment, bank, tmp_path)
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
    monkeypatch.undo()
    saved = save_assessment(assessment, bank, tmp_path)
    assert saved.json.name == "2026-03-14-120000.json"
    assert len(scan(tmp_path).entries) == 1


def test_reports_are_laid_out_before_anything_is_written(
    assessment: Assessment, bank: Bank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(view: object, fmt: str) -> str:
        raise RuntimeError("a template is broken")

    monkeypatch.setattr(render, "render_report", broken)
    with pytest.raises(RuntimeError):
        save_assessment(assessment, bank, tmp_path)
    assert list(tmp_path.rglob("*")) == []


def test_files_get_the_permissions_of_any_new_file(tmp_path: Path) -> None:
    """Reports are shared with colleagues: the user's umask decides, not mkstemp's 0600."""
    mask = os.umask(0)
    os.umask(mask)
    path = write_new(tmp_path, "report", ".md", "# Report\n")
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
