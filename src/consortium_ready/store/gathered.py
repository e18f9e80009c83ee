"""Partners' saved assessments gathered for the consortium view, from files and folders.

A folder is searched through for `.json` files (hidden files and folders, such
as the reports folder's bin, and the consortium view's own files are passed
over); a file named on its own is read whatever it is called. A file that is
not a saved assessment is skipped with a warning naming it. Where one
organisation has several assessments, the latest complete one is used, by the
same rule as everywhere else (history.Scan.last). An invitation list
(`invitation.yaml`) at the top of a folder given is read too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from consortium_ready.collector import collector_paused
from consortium_ready.content.invitation import INVITATION_FILE, read_invitation
from consortium_ready.domain.aggregate import Returned
from consortium_ready.domain.consortium import Answered, Invitation
from consortium_ready.errors import InputError, Problem
from consortium_ready.store.history import Scan, entry_of
from consortium_ready.store.saved import read_saved
from consortium_ready.store.savedindex import summary_fields

VIEW_PREFIX = "consortium-view"
"""The consortium view's own files begin so; they are not assessments."""


@dataclass(frozen=True)
class Gathered:
    """One assessment per organisation, where each came from, and what was skipped."""

    returned: list[Returned] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    """Where each of `returned` was read from, in the same order."""
    warnings: list[Problem] = field(default_factory=list)
    invitation: Invitation | None = None


def _in_folder(folder: Path, warnings: list[Problem]) -> list[Path]:
    """The `.json` files under `folder`, hidden ones and the consortium view's own left out."""

    def unreadable(error: OSError) -> None:
        where = Path(error.filename or folder)
        warnings.append(Problem(where, None, "", f"cannot be read: {error.strerror}"))

    found = []
    for root, folders, files in os.walk(folder, onerror=unreadable):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found += [
            Path(root, name)
            for name in sorted(files)
            if name.endswith(".json") and not name.startswith((".", VIEW_PREFIX))
        ]
    return found


def _files(paths: Sequence[Path], warnings: list[Problem]) -> Iterator[Path]:
    """Each file named, and each assessment-like file in the folders named; once each."""
    seen: set[Path] = set()
    for given in paths:
        for path in _in_folder(given, warnings) if given.is_dir() else [given]:
            if (resolved := path.resolve()) not in seen:
                seen.add(resolved)
                yield path


def _invitation(paths: Sequence[Path], chosen: Path | None) -> Invitation | None:
    """The invitation list given, else the first found at the top of a folder given."""
    candidates = [chosen] if chosen else [p / INVITATION_FILE for p in paths if p.is_dir()]
    for candidate in candidates:
        if candidate is not None and (chosen or candidate.is_file()):
            return read_invitation(candidate)
    return None


def gather(paths: Sequence[Path], invitation: Path | None = None) -> Gathered:
    """The latest complete assessment of each organisation found in `paths`.

    Raises InputError only for a bad invitation list; every file that is not a
    saved assessment is a warning instead.
    """
    warnings: list[Problem] = []
    loaded: dict[Path, Answered] = {}
    entries = []
    with collector_paused():
        for path in _files(paths, warnings):
            try:
                assessment = read_saved(path, Answered)
            except InputError as error:
                warnings += error.problems
                continue
            loaded[path] = assessment
            entries.append(entry_of(path, summary_fields(assessment)))
    returned, chosen = [], []
    for group in Scan(Path(), entries, []).organisations().values():
        latest = Scan(Path(), group, []).last()
        assert latest is not None  # a group is never empty
        returned.append(Returned(loaded[latest.path], found=len(group)))
        chosen.append(latest.path)
    return Gathered(returned, chosen, warnings, _invitation(paths, invitation))
