"""The loaded, checked bank, kept between runs in the user's cache folder (store/usercache.py),
so that a command does not parse and check every file of an unchanged bank again.

There is one entry for each bank folder used, `banks/<folders' fingerprint>.pickle`, replaced
when the bank changes. An entry is used only when it was made from the same text of every file
(the bank's content hash, which needs the files read but nothing parsed), by the same version of
this program, the same source of the code that defines and checks a bank (`domain/` and
`content/`), and the same Python and pydantic: never a stale one. The bank is kept as a
pickle, and loading a pickle runs whatever it says, so only an entry that the user alone could
have written is loaded (usercache.read_private); where the platform cannot tell (Windows),
nothing is kept. An entry that cannot be read, written or trusted is passed over, and the bank
read and checked as it would be without it. Only a bank without problems is kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import sys
from pathlib import Path
from typing import NamedTuple

import pydantic
import pydantic_core

from consortium_ready import __version__
from consortium_ready.collector import collector_paused
from consortium_ready.content.bankfiles import BankFiles, read_bank_files
from consortium_ready.domain.bank import Bank
from consortium_ready.store.usercache import cache_folder, owners_known, read_private, write_private

BANKS_FOLDER = "banks"
_CODE = ("domain", "content")
"""The parts of the program that define what a bank holds and check it, by folder."""


def _code_fingerprint() -> bytes:
    """A fingerprint of the source of the code that defines and checks a bank."""
    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for part in _CODE:
        for source in sorted((package / part).glob("*.py")):
            digest.update(f"{part}/{source.name}\0".encode())
            digest.update(source.read_bytes())
    return digest.digest()


class _Entry(NamedTuple):
    """Where a bank's entry is kept, and the heading it must start with to be used. The heading
    is followed by a fingerprint of the pickle that comes after it, so that damage is seen."""

    path: Path
    heading: bytes

    def load(self) -> Bank | None:
        data = read_private(self.path)
        if data is None or not data.startswith(self.heading):
            return None
        fingerprint, _, kept = data[len(self.heading) :].partition(b"\n")
        if fingerprint != _fingerprint(kept):
            return None
        try:
            with collector_paused():
                bank = pickle.loads(kept)
        except Exception:  # unreadable, whatever the fault: read the bank instead
            return None
        return bank if isinstance(bank, Bank) else None

    def save(self, bank: Bank) -> None:
        kept = pickle.dumps(bank, pickle.HIGHEST_PROTOCOL)
        with contextlib.suppress(OSError):  # not kept, so read again next time
            write_private(self.path, self.heading + _fingerprint(kept) + b"\n" + kept)


def _fingerprint(data: bytes) -> bytes:
    return hashlib.sha256(data).hexdigest().encode()


def _entry(files: BankFiles) -> _Entry | None:
    """The entry for `files`, if they were all read and there is a cache folder to keep it in."""
    folder = cache_folder()
    if folder is None or not owners_known() or not files.all_read:
        return None
    try:
        code = _code_fingerprint()
    except OSError:  # the source cannot be read: nothing can be kept safely
        return None
    where = f"{files.questions_dir.resolve()}\0{files.seeds_dir.resolve()}"
    made_by = "\0".join(
        (files.content_hash, __version__, sys.version, pydantic.VERSION, pydantic_core.__version__)
    )
    key = hashlib.sha256(made_by.encode() + b"\0" + code).hexdigest()
    return _Entry(
        folder / BANKS_FOLDER / f"{hashlib.sha256(where.encode()).hexdigest()[:32]}.pickle",
        f"consortium-ready bank {key}\n".encode(),
    )


def cached_bank(questions_dir: Path | None = None, seeds_dir: Path | None = None) -> Bank:
    """The bank in these folders (default: the built-in one), as content.loader.load_bank
    reads and checks it, from the cache when it holds this very bank; InputError listing every
    problem."""
    files = read_bank_files(questions_dir, seeds_dir)
    entry = _entry(files)
    if entry is not None and (bank := entry.load()) is not None:
        return bank
    from consortium_ready.content.loader import checked_bank  # YAML and the checks: only here

    bank = checked_bank(files)
    if entry is not None:
        entry.save(bank)
    return bank
