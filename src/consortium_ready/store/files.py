"""Where assessments are kept, and writing files so that none is half written or overwritten."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from consortium_ready.domain.profile import organisation_key

REPORTS_ENV = "CONSORTIUM_READY_REPORTS"
DEFAULT_REPORTS = Path("reports")
TIMESTAMP = "%Y-%m-%d-%H%M%S"
SLUG_LENGTH = 60
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$"]
    + [f"{port}{n}" for port in ("com", "lpt") for n in range(10)]
)


def reports_dir(chosen: Path | None = None) -> Path:
    """The reports folder: as chosen, else from the environment, else ./reports."""
    if chosen is not None:
        return chosen
    from_env = os.environ.get(REPORTS_ENV)
    return Path(from_env) if from_env else DEFAULT_REPORTS


def slugify(name: str) -> str:
    """A folder name for an organisation: its letters, marks and digits in any script, hyphenated.

    Everything else (dots, slashes, NUL, direction controls, emoji) separates
    words, so the result can never leave the folder it is joined to. A name
    with nothing left gets a fingerprint of itself, and a name Windows reserves
    (CON, NUL, COM1, ...) a suffix.
    """
    key = organisation_key(name)
    slug = key[:SLUG_LENGTH].strip("-") if any(ch.isalnum() for ch in key) else ""
    if not slug:
        text = unicodedata.normalize("NFKC", name).casefold()
        return "organisation-" + hashlib.sha256(text.encode()).hexdigest()[:8]
    return f"{slug}-organisation" if slug in _WINDOWS_RESERVED else slug


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


FILE_MODE = 0o666 & ~_umask()
"""What an ordinary new file gets here (the user's umask applied), not mkstemp's private 0600."""


def _temporary_beside(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if hasattr(os, "fchmod"):  # POSIX only; Windows has no such file modes
            os.fchmod(handle, FILE_MODE)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def atomic_write(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step: readers see the old file or the new, never half."""
    temporary = _temporary_beside(path, text)
    try:
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def move_to_new(source: Path, target: Path) -> None:
    """Move `source` to `target`, which must not exist (else FileExistsError, and nothing moves)."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except (OSError, AttributeError):
        # No hard links here (FAT, some network shares, a platform without os.link): claim
        # the name, then fill it.
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        source.replace(target)
    else:
        source.unlink()


def create_new(path: Path, text: str) -> None:
    """Write `text` to `path`, which must not exist (else FileExistsError); all or nothing."""
    temporary = _temporary_beside(path, text)
    try:
        move_to_new(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def numbered(stem: str) -> Iterator[str]:
    """`stem`, then `stem-2`, `stem-3`, ...: names to try, in turn, until one is free."""
    yield stem
    yield from (f"{stem}-{n}" for n in range(2, 1000))


def move_new(
    source: Path, folder: Path, stem: str, suffix: str, siblings: Iterable[str] = ()
) -> Path:
    """Move `source` to a new file `stem.suffix` in `folder`, never overwriting one that exists.

    A name already taken, or whose `siblings` (the same stem with those
    suffixes) exist, gets `-2`, `-3`, ... Returns the name it now has.
    """
    others = tuple(siblings)
    for name in numbered(stem):
        if any((folder / f"{name}{other}").exists() for other in others):
            continue
        target = folder / f"{name}{suffix}"
        try:
            move_to_new(source, target)
        except FileExistsError:
            continue
        return target
    raise FileExistsError(f"no free name for {stem}{suffix} in {folder}")


def write_new(
    folder: Path, stem: str, suffix: str, text: str, siblings: Iterable[str] = ()
) -> Path:
    """Write `text` to a new file `stem.suffix` in `folder`, never overwriting one that exists.

    A name already taken, or whose `siblings` (the same stem with those
    suffixes) exist, gets `-2`, `-3`, ... The file appears complete or not at all.
    """
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "a file has the folder's name", str(folder))
    temporary = _temporary_beside(folder / f"{stem}{suffix}", text)
    try:
        return move_new(temporary, folder, stem, suffix, siblings)
    finally:
        temporary.unlink(missing_ok=True)


def create_all(texts: Mapping[Path, str]) -> list[Path]:
    """Write each of `texts` to a new file (FileExistsError if one exists); all or nothing:
    if one cannot be written, those written are removed again."""
    written: list[Path] = []
    try:
        for path, text in texts.items():
            create_new(path, text)
            written.append(path)
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return written


def write_together(folder: Path, stem: str, texts: Mapping[str, str]) -> list[Path]:
    """Write `stem` + each suffix (`.json`, `.html`) in `folder`, all new files with one free
    name (`stem-2`, ... when taken); all or nothing. Returns the paths, in `texts`'s order."""
    (first, text), *rest = texts.items()
    path = write_new(folder, stem, first, text, siblings=[suffix for suffix, _ in rest])
    try:
        return [path, *create_all({path.with_suffix(suffix): other for suffix, other in rest})]
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise
