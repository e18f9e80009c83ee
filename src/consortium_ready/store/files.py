"""Where assessments are kept, and writing files so that none is half written or overwritten."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from consortium_ready.content.userfiles import MAX_BYTES
from consortium_ready.domain.profilefields import organisation_key

REPORTS_ENV = "CONSORTIUM_READY_REPORTS"
DEFAULT_REPORTS = Path("reports")
TIMESTAMP = "%Y-%m-%d-%H%M%S"
DRAFT_FILE = ".draft.json"
"""The assessment in progress, in the reports folder (store/drafts.py reads and writes it)."""
SLUG_LENGTH = 60
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", "conin$", "conout$"]
    + [f"{port}{n}" for port in ("com", "lpt") for n in range(10)]
)


def draft_path(folder: Path) -> Path:
    return folder / DRAFT_FILE


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
        import hashlib  # only here and in _host: it costs a start-up that needs neither

        text = unicodedata.normalize("NFKC", name).casefold()
        return "organisation-" + hashlib.sha256(text.encode()).hexdigest()[:8]
    return f"{slug}-organisation" if slug in _WINDOWS_RESERVED else slug


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


FILE_MODE = 0o666 & ~_umask()
"""What an ordinary new file gets here (the user's umask applied), not mkstemp's private 0600."""


LINK_REFUSED = "is a symbolic link, and links inside the reports folder are not followed"
TEMPORARY = ".tmp"


@functools.cache
def _host() -> str:
    """This machine, in the names of temporary files (without importing `socket`)."""
    import hashlib  # only once a file is written or a temporary one found: see slugify

    node = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    return hashlib.sha256(node.encode()).hexdigest()[:8]


class TooLarge(OSError):
    """A file not written because this program would refuse to read it back."""

    def __init__(self, path: Path, size: int, limit: int = MAX_BYTES) -> None:
        super().__init__(
            errno.EFBIG,
            f"too large to save ({size / 1e6:.1f} MB; the most this program reads back is "
            f"{limit / 1e6:g} MB): shorten the longest notes",
            str(path),
        )


def checked_size(path: Path, text: str, limit: int = MAX_BYTES) -> str:
    """`text`, which is to be saved at `path`; TooLarge if it would be too large to read back."""
    size = len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise TooLarge(path, size, limit)
    return text


def refuse_links(top: Path, path: Path) -> None:
    """OSError (ELOOP) if `path`, or any folder between `top` and it, is a symbolic link."""
    part = top
    for name in path.relative_to(top).parts:
        part = part / name
        if part.is_symlink():
            raise OSError(errno.ELOOP, LINK_REFUSED, str(part))


def temporary_prefix(name: str) -> str:
    """The start of the name of a temporary file that will become `name`: it says which
    machine and process is writing it, so that one left by a killed process can be told."""
    return f".{name}.{_host()}-{os.getpid()}-"


def abandoned(temporary: str) -> bool:
    """Whether the temporary file named `temporary` was left by a process of this machine
    that has gone (killed while writing): such a file will never be finished."""
    host, _, rest = temporary.removesuffix(TEMPORARY).rpartition(".")[2].partition("-")
    pid = rest.partition("-")[0]
    if host != _host() or not pid.isdigit() or os.name != "posix":
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:  # someone else's process: it is alive
        return False
    return False


@contextlib.contextmanager
def folder_lock(folder: Path, wait: bool = True) -> Iterator[bool]:
    """Hold `folder` for one writer while the block runs (on systems with `flock`); yields
    False when `wait` is false and someone else holds it. A killed holder lets go."""
    try:
        import fcntl
    except ImportError:  # Windows: no locks; saves there are not finished by the next run
        yield wait
        return
    handle = os.open(
        folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
    )
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(handle)


def _temporary_beside(
    path: Path, text: str, make_folder: bool = True, mode: int = FILE_MODE
) -> Path:
    if make_folder:
        path.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # only when a file is written: commands that only read go without

    handle, name = tempfile.mkstemp(
        dir=path.parent, prefix=temporary_prefix(path.name), suffix=TEMPORARY
    )
    try:
        if hasattr(os, "fchmod"):  # POSIX only; Windows has no such file modes
            os.fchmod(handle, mode)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def atomic_write(path: Path, text: str, mode: int = FILE_MODE) -> None:
    """Replace `path` with `text` in one step: readers see the old file or the new, never half.
    The new file has permissions `mode` (by default, those of any new file here)."""
    temporary = _temporary_beside(path, text, mode=mode)
    try:
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def move_to_new(source: Path, target: Path) -> None:
    """Move `source` to `target`, which must not exist (else FileExistsError, and nothing moves)."""
    try:
        os.link(source, target, follow_symlinks=False)
    except FileExistsError:
        raise
    except (OSError, AttributeError):
        # No hard links here (FAT, some network shares, a platform without os.link): claim
        # the name, then fill it.
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        source.replace(target)
    else:
        source.unlink()


def create_new(path: Path, text: str, make_folder: bool = True) -> None:
    """Write `text` to `path`, which must not exist (else FileExistsError); all or nothing.
    Its folder is made if it is missing, unless `make_folder` is false (FileNotFoundError)."""
    temporary = _temporary_beside(path, text, make_folder)
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


def create_all(texts: Mapping[Path, str], make_folder: bool = True) -> list[Path]:
    """Write each of `texts` to a new file (FileExistsError if one exists); all or nothing:
    if one cannot be written, those written are removed again. `make_folder` as create_new."""
    written: list[Path] = []
    try:
        for path, text in texts.items():
            create_new(path, text, make_folder=make_folder)
            written.append(path)
    except BaseException:
        for path in written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return written


def write_together(
    folder: Path, stem: str, texts: Mapping[str, str], make_folder: bool = True
) -> list[Path]:
    """Write `stem` + each suffix (`.json`, `.html`) in `folder`, all new files with one free
    name (`stem-2`, ... when taken); all or nothing. Returns the paths, in `texts`'s order.
    With `make_folder` false, the files after the first are not written if `folder` has gone
    meanwhile (FileNotFoundError)."""
    (first, text), *rest = texts.items()
    path = write_new(folder, stem, first, text, siblings=[suffix for suffix, _ in rest])
    try:
        others = {path.with_suffix(suffix): other for suffix, other in rest}
        return [path, *create_all(others, make_folder)]
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise
