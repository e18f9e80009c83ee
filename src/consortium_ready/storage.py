"""Where assessments are kept, and writing files so that none is ever half written."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

REPORTS_ENV = "CONSORTIUM_READY_REPORTS"
DEFAULT_REPORTS = Path("reports")
TIMESTAMP = "%Y-%m-%d-%H%M%S"


def reports_dir(chosen: Path | None = None) -> Path:
    """The reports folder: as chosen, else from the environment, else ./reports."""
    if chosen is not None:
        return chosen
    from_env = os.environ.get(REPORTS_ENV)
    return Path(from_env) if from_env else DEFAULT_REPORTS


def slugify(name: str) -> str:
    """A folder name for an organisation: letters and digits of any script, joined by hyphens.

    Dots, slashes and every other character become hyphens, so the result can
    never leave the folder it is joined to.
    """
    text = unicodedata.normalize("NFKC", name).casefold()
    slug = re.sub(r"[^\w]+|_+", "-", text).strip("-")[:60].strip("-")
    return slug or "organisation"


def _temporary_beside(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
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
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_new(folder: Path, stem: str, suffix: str, text: str) -> Path:
    """Write `text` to a new file `stem.suffix` in `folder`, never overwriting one that exists.

    A name already taken gets `-2`, `-3`, ... The file appears complete or not at all.
    """
    temporary = _temporary_beside(folder / f"{stem}{suffix}", text)
    try:
        for attempt in range(1, 1000):
            path = folder / (f"{stem}{suffix}" if attempt == 1 else f"{stem}-{attempt}{suffix}")
            try:
                os.link(temporary, path)
            except FileExistsError:
                continue
            return path
        raise FileExistsError(f"no free name for {stem}{suffix} in {folder}")
    finally:
        temporary.unlink(missing_ok=True)
