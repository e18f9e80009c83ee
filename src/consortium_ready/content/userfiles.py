"""Reading a file a user gave or edited: every way it can fail becomes an InputError naming it.

A file that is missing, unreadable, too large, not UTF-8, or nested too
deeply for Python to parse is reported as a Problem, never as a traceback.
Only a regular file is read: a file is opened without waiting (a named pipe
with no writer cannot hang the program), looked at through what was opened,
and never read beyond the limit (a link to /dev/zero cannot fill the memory).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from consortium_ready.errors import InputError, Problem

MAX_BYTES = 10_000_000
"""Anything larger is not one of our files, and is not read into memory."""

_NO_WAIT = getattr(os, "O_NONBLOCK", 0)
_NO_LINK = getattr(os, "O_NOFOLLOW", 0)
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def refused(path: Path, message: str, line: int | None = None, field: str = "") -> InputError:
    """An InputError with one problem in `path`."""
    return InputError([Problem(path, line, field, message)])


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_bytes(path: Path, what: str, limit: int = MAX_BYTES, follow_link: bool = True) -> bytes:
    """The bytes of the regular file `path`, at most `limit`; else InputError saying why.

    With `follow_link` false, a symbolic link is refused rather than followed.
    """
    try:
        handle = os.open(path, os.O_RDONLY | _NO_WAIT | (0 if follow_link else _NO_LINK))
    except OSError as error:
        if error.errno == errno.ELOOP and not follow_link:
            raise refused(
                path, f"not read as {what}: it is a symbolic link, and links are not followed here"
            ) from error
        raise refused(path, f"cannot be read: {error.strerror or error}") from error
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise refused(path, f"not {what}: it is {_kind(info.st_mode)}, not a file")
        if info.st_size > limit:
            raise refused(path, f"too large to be {what}")
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(handle, min(1 << 20, limit + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise refused(path, f"cannot be read: {error.strerror or error}") from error
    finally:
        os.close(handle)
    if size > limit:  # it grew after it was looked at
        raise refused(path, f"too large to be {what}")
    return b"".join(chunks)


def read_text(path: Path, what: str, limit: int = MAX_BYTES, follow_link: bool = True) -> str:
    """The text of `path`, which should be `what` ("a saved assessment"); else InputError, why."""
    data = read_bytes(path, what, limit, follow_link)
    try:
        return data.decode("utf-8")  # as written: no newline translation
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise refused(path, f"not {what} (not UTF-8 text)", line) from None


def read_text_if_any(
    path: Path, what: str, limit: int = MAX_BYTES, follow_link: bool = True
) -> str | None:
    """As read_text, but None when there is no such file (or its folder is a file)."""
    try:
        return read_text(path, what, limit, follow_link)
    except InputError as error:
        if isinstance(error.__cause__, (FileNotFoundError, NotADirectoryError)):
            return None
        raise


def too_deep(path: Path, what: str) -> InputError:
    """The error for a file nested more deeply than Python can parse."""
    return refused(path, f"nested too deeply to be {what}")
