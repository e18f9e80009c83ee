"""Saves that a kill interrupted, finished by the next run: no debris, no half a save.

A save marks the organisation's folder as being saved in (`.saving`), writes the
assessment's JSON, then each of its reports beside it, each through a temporary
file renamed into place, and takes the mark away (store/saved.py). A kill part
way can leave a temporary file that will never be finished, and a JSON without
some of its reports. The next run rolls forward, never back: it removes the
temporary files whose writer has gone, and, where the mark was left, writes the
missing reports of the JSON files written since it was made, from the JSON, which
holds everything they are made from. Nothing typed is thrown away, and a JSON put
there by someone else without its reports is left as it is.

An organisation's folder is locked while it is being saved in (folder_lock), so
a save still in progress is never taken for an interrupted one.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

from consortium_ready.errors import InputError
from consortium_ready.store.files import TEMPORARY, abandoned, create_new, folder_lock

SAVING = ".saving"
"""The mark of a save under way in an organisation's folder."""
STALE_AFTER = 24 * 3600
"""Seconds after which a temporary file is abandoned, whoever wrote it (a save takes less
than one); until then, only one whose writer on this machine has gone is."""


class Finished(NamedTuple):
    """What finishing interrupted saves did."""

    removed: list[Path]
    """Temporary files removed."""
    written: list[Path]
    """Reports written for a JSON saved without them."""


@contextlib.contextmanager
def saving(folder: Path) -> Iterator[None]:
    """Mark `folder`, which the caller holds (folder_lock), as being saved in while the block
    runs. A kill leaves the mark for the next run; so does a save begun while an earlier
    mark was still there, since that earlier save is still to be finished."""
    marker = folder / SAVING
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        yield
        return
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            marker.unlink()


def _temporary(name: str) -> bool:
    return name.startswith(".") and name.endswith(TEMPORARY)


def left_by_a_save(name: str) -> bool:
    """Whether a file named `name` is what finish_interrupted looks for: the mark of a save
    under way, or a temporary file. Where a listing finds none, there is nothing to finish."""
    return name == SAVING or _temporary(name)


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as entries:
        return list(entries)


def _remove_abandoned(entries: Iterable[os.DirEntry[str]], now: float, done: Finished) -> None:
    for entry in entries:
        if not _temporary(entry.name):
            continue
        with contextlib.suppress(OSError):
            stale = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER
            if stale or abandoned(entry.name):
                Path(entry.path).unlink()
                done.removed.append(Path(entry.path))


def finish_interrupted(
    folder: Path, suffixes: Iterable[str], render: Callable[[Path], Mapping[str, str]]
) -> Finished:
    """Finish the saves in the reports folder `folder` that a kill interrupted.

    `suffixes` are the reports every saved JSON has beside it (`.html`, ...) and
    `render(json)` makes them, by suffix; a JSON that cannot be read (InputError) is
    left as it is, for history to warn about, and its folder's mark with it. Folders
    being saved in, links, and folders that cannot be read or written are passed over.
    """
    done, now, wanted = Finished([], []), time.time(), tuple(suffixes)
    try:
        top = _entries(folder)
    except OSError:
        return done
    _remove_abandoned(top, now, done)
    for organisation in top:
        if organisation.name.startswith(".") or not organisation.is_dir(follow_symlinks=False):
            continue
        with contextlib.suppress(OSError), folder_lock(Path(organisation.path), wait=False) as mine:
            if mine:
                _finish_folder(Path(organisation.path), wanted, render, now, done)
    return done


def _finish_folder(
    folder: Path,
    suffixes: tuple[str, ...],
    render: Callable[[Path], Mapping[str, str]],
    now: float,
    done: Finished,
) -> None:
    entries = _entries(folder)
    _remove_abandoned(entries, now, done)
    marker = folder / SAVING
    try:
        since = marker.stat().st_mtime_ns
    except FileNotFoundError:
        return
    names, finished = {entry.name for entry in entries}, True
    for entry in entries:
        stem, dot, _ = entry.name.rpartition(".")
        if entry.name.startswith(".") or not dot or not entry.name.endswith(".json"):
            continue
        missing = [suffix for suffix in suffixes if stem + suffix not in names]
        if not missing or not entry.is_file(follow_symlinks=False):
            continue
        if entry.stat(follow_symlinks=False).st_mtime_ns < since:  # not this save's
            continue
        try:
            reports = render(Path(entry.path))
        except InputError:  # left, with the mark, for history to name and a later run to try
            finished = False
            continue
        for suffix in missing:
            path = folder / (stem + suffix)
            with contextlib.suppress(FileExistsError):
                create_new(path, reports[suffix])
                done.written.append(path)
    if finished:
        marker.unlink()
