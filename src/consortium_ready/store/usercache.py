"""The user's cache folder, and files kept there that only the user could have written.

The folder is `$XDG_CACHE_HOME/consortium-ready`, else `~/.cache/consortium-ready`
(`%LOCALAPPDATA%` on Windows). Whatever is kept there is only a saving: a file that cannot be
read, written or trusted is passed over, and the work done again.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from pathlib import Path

APP_FOLDER = "consortium-ready"
_NOT_FOLLOWED = getattr(os, "O_NOFOLLOW", 0)


def cache_folder() -> Path | None:
    """This program's folder in the user's cache folder; None when there is no home to find."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / APP_FOLDER if base else None
    if base := os.environ.get("XDG_CACHE_HOME"):
        return Path(base) / APP_FOLDER
    try:
        return Path.home() / ".cache" / APP_FOLDER
    except RuntimeError:  # no home folder known
        return None


def owners_known() -> bool:
    """Whether this platform says who owns a file (os.getuid: not on Windows)."""
    return hasattr(os, "getuid") and bool(_NOT_FOLLOWED)


def _private(info: os.stat_result, kind: int) -> bool:
    """Whether what `info` describes is of `kind` (stat.S_IFREG, S_IFDIR), is the user's own,
    and no one else may write to it."""
    return (
        stat.S_IFMT(info.st_mode) == kind
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def read_private(path: Path) -> bytes | None:
    """The bytes of `path` if only the user could have written them: a file, not a link, that
    is theirs and writable by no one else, in a folder that is likewise. Else None: it is
    missing, unreadable, someone else's, or this platform cannot tell (owners_known)."""
    if not owners_known():
        return None
    try:
        if not _private(os.lstat(path.parent), stat.S_IFDIR):
            return None
        handle = os.open(path, os.O_RDONLY | _NOT_FOLLOWED)
    except OSError:
        return None
    with os.fdopen(handle, "rb") as file:
        try:
            return file.read() if _private(os.fstat(handle), stat.S_IFREG) else None
        except OSError:
            return None


def write_private(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step, as a file only the user may write, in a folder
    made for it only the user may write to; OSError when it cannot be."""
    if not owners_known():
        raise OSError(f"{path} not kept: this platform does not say who owns a file")
    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _private(os.lstat(folder), stat.S_IFDIR):
        raise PermissionError(f"{folder} is not the user's own")
    handle, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.")  # mode 0o600
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        temporary.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
