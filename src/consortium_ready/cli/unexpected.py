"""The command line's one catch-all: a fault in the program itself (not in what it was given)
is told in one line, with the details in a log file in the reports folder."""

from __future__ import annotations

import platform
import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

from consortium_ready import __version__
from consortium_ready.cli.text import say
from consortium_ready.store.files import TIMESTAMP, reports_dir, write_new

LOG_STEM = "consortium-ready-error"


def log_text(error: BaseException) -> str:
    """What the log holds: the program and the system, the command run, and the traceback."""
    return (
        f"consortium-ready {__version__}, Python {platform.python_version()}, "
        f"{platform.platform()}\n"
        f"command: {sys.argv}\n\n" + "".join(traceback.format_exception(error))
    )


def log_unexpected(error: BaseException, reports: Path | None) -> None:
    """Write the details of `error` to a new log file in the reports folder (else in the
    system's temporary folder), and say in one line where."""
    stem = f"{LOG_STEM}-{datetime.now():{TIMESTAMP}}"
    log: Path | None = None
    for folder in (reports_dir(reports), Path(tempfile.gettempdir())):
        try:
            log = write_new(folder, stem, ".log", log_text(error))
            break
        except OSError:
            continue
    where = f"the details are in {log}" if log else "the details could not be written down"
    say(
        f"consortium-ready: stopped by a fault in the program ({type(error).__name__}), "
        f"not by anything you gave it; {where}. Please send that file to whoever looks "
        "after consortium-ready for you.",
        error=True,
    )
