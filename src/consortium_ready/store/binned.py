"""Taking a saved assessment out of history without destroying it: into the reports' bin."""

from __future__ import annotations

from pathlib import Path

from consortium_ready.errors import InputError, Problem
from consortium_ready.store.files import move_new, move_to_new, refuse_links
from consortium_ready.store.savedindex import update_index

BIN = ".bin"
"""The bin folder inside the reports folder; history never looks in hidden folders."""


def move_to_bin(saved: Path, folder: Path) -> list[Path]:
    """Move a saved assessment and its reports (the files beside it with its name) to
    `folder/.bin/<organisation>/`; nothing is deleted or overwritten, and history no longer
    lists it. Returns where each file went, the assessment first. OSError (ELOOP) if the
    bin, or the organisation's folder in it, is a link."""
    try:
        inside = saved.resolve().relative_to(folder.resolve())
    except ValueError:
        raise InputError(
            [Problem(saved, None, "", f"is not a saved assessment in {folder}")]
        ) from None
    if saved.suffix != ".json" or len(inside.parts) != 2 or not saved.is_file():
        raise InputError([Problem(saved, None, "", "is not a saved assessment (.json) here")])
    target = folder / BIN / inside.parts[0]
    refuse_links(folder, target)
    target.mkdir(parents=True, exist_ok=True)
    reports = [p for p in saved.parent.glob(f"{saved.stem}.*") if p != saved and p.is_file()]
    suffixes = [report.suffix for report in reports]
    moved = [move_new(saved, target, saved.stem, ".json", siblings=suffixes)]
    for report in reports:
        destination = moved[0].with_suffix(report.suffix)
        move_to_new(report, destination)
        moved.append(destination)
    update_index(folder, {}, gone=[inside.as_posix()])
    return moved
