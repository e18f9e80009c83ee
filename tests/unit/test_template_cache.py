"""Compiled report templates are kept between runs, and never used once out of date."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from consortium_ready.reports.templatecache import TemplateCache, compiled_settings

PLAIN = "\n  Hello Harrow CVS\n"
"""page.j2 rendered with Jinja2's default whitespace: the blocks leave their line breaks."""


class Counted:
    """An environment over `templates` keeping compiled templates in `cache`, counting the
    templates it compiles."""

    def __init__(self, templates: Path, cache: Path, **options: bool) -> None:
        self.env = Environment(loader=FileSystemLoader(templates), **options)
        self.env.bytecode_cache = TemplateCache(cache, compiled_settings(self.env, ()))
        self.compiled = 0
        compile_ = self.env.compile

        def counting(*args, **kwargs):
            self.compiled += 1
            return compile_(*args, **kwargs)

        self.env.compile = counting  # type: ignore[method-assign]

    def render(self, name: str = "page.j2") -> str:
        return self.env.get_template(name).render(who="Harrow CVS")


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.j2").write_text("{% if who %}\n  Hello {{ who }}\n{% endif %}\n")
    return folder


def test_a_template_compiled_once_is_not_compiled_again(templates: Path, tmp_path: Path):
    first, second = Counted(templates, tmp_path / "cache"), Counted(templates, tmp_path / "cache")
    assert first.render() == second.render() == PLAIN
    assert (first.compiled, second.compiled) == (1, 0)


def test_a_changed_template_is_compiled_again_never_served_stale(templates, tmp_path):
    assert Counted(templates, tmp_path / "cache").render() == PLAIN
    (templates / "page.j2").write_text("Goodbye {{ who }}\n")
    again = Counted(templates, tmp_path / "cache")
    assert again.render() == "Goodbye Harrow CVS" and again.compiled == 1


def test_other_settings_compile_their_own(templates: Path, tmp_path: Path):
    Counted(templates, tmp_path / "cache").render()
    trimmed = Counted(templates, tmp_path / "cache", trim_blocks=True, lstrip_blocks=True)
    assert trimmed.render() == "  Hello Harrow CVS\n" and trimmed.compiled == 1


def test_a_damaged_cache_file_is_passed_over(templates: Path, tmp_path: Path):
    Counted(templates, tmp_path / "cache").render()
    for kept in (tmp_path / "cache").iterdir():
        kept.write_bytes(kept.read_bytes()[:40] + b"\x00damaged")
    again = Counted(templates, tmp_path / "cache")
    assert again.render() == PLAIN and again.compiled == 1


def test_a_cache_folder_that_cannot_be_made_costs_only_the_saving(templates, tmp_path):
    (tmp_path / "cache").write_text("a file where the folder would be")
    runs = [Counted(templates, tmp_path / "cache") for _ in range(2)]
    assert [run.render() for run in runs] == [PLAIN] * 2
    assert [run.compiled for run in runs] == [1, 1]


@pytest.mark.parametrize("others_may_write", ["file", "folder"])
def test_compiled_code_others_could_have_written_is_never_loaded(
    templates, tmp_path, others_may_write
):
    """Loading a compiled template runs it: one that someone else could have written, in the
    file or in its folder, is compiled afresh instead."""
    cache = tmp_path / "cache"
    Counted(templates, cache).render()
    (kept,) = cache.iterdir()
    opened = kept if others_may_write == "file" else cache
    opened.chmod(opened.stat().st_mode | 0o022)
    again = Counted(templates, cache)
    assert again.render() == PLAIN and again.compiled == 1
