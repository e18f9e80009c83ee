"""Timing whole processes from outside: run to the end, or in a pseudo-terminal until text shows.

Peak memory is the largest resident set of the program itself: GNU time's figure for a
program run to its end, /proc's VmHWM for one in a pseudo-terminal (read just before it is
killed).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from benchmarks.table import Runs, largest

ENTER, TAB, RIGHT = "\r", "\t", "\x1b[C"
SIZE = (100, 30)
PATIENCE = 30.0
"""Seconds to wait for anything before giving up: far beyond any figure measured."""

APP = (sys.executable, "-m", "consortium_ready")
ROOT = Path(__file__).resolve().parents[1]
GNU_TIME = "/usr/bin/time"


def environment(**extra: str) -> dict[str, str]:
    """This environment for a child, with the terminal the benchmark gives it said outright
    (COLUMNS and LINES left over from a caller's shell would override the pty's size), and
    the benchmarks importable (`python -m benchmarks.worker`).

    The child may write its compiled modules, as a user's Python does on a program's first
    run: where the caller's environment forbids that (PYTHONDONTWRITEBYTECODE), every run
    compiled each module changed since its last compiled copy again, and the commands that
    import most were slowed the most."""
    columns, rows = SIZE
    inherited = {
        name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"
    }
    return {
        **inherited,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "COLUMNS": str(columns),
        "LINES": str(rows),
        **extra,
    }


def _megabytes(kilobytes: str) -> float:
    return int(kilobytes) * 1024 / 1e6


def peak_of(pid: int) -> float | None:
    """The largest resident set of a running process since its program began (VmHWM)."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return _megabytes(line.split()[1])
    return None


@dataclass(frozen=True)
class Finished:
    seconds: float
    peak: float | None
    output: str


def run(argv: list[str]) -> Finished:
    """Run `argv` to its end: its wall time, peak memory and standard output.

    The peak is GNU time's (`%M`) where it is installed, else not known: the figure
    the kernel gives a child of this process never reads below this process's own size.
    Raises RuntimeError, with what it wrote to standard error, if it fails."""
    with tempfile.NamedTemporaryFile(mode="r") as peak:
        timed = (
            [GNU_TIME, "--format=%M", f"--output={peak.name}"] if Path(GNU_TIME).exists() else []
        )
        began = time.perf_counter()
        done = subprocess.run(
            [*timed, *argv],
            env=environment(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            check=False,
        )
        seconds = time.perf_counter() - began
        if done.returncode != 0:
            why = done.stderr.decode(errors="replace")
            raise RuntimeError(f"{' '.join(argv)} failed:\n{why}")
        return Finished(seconds, _megabytes(peak.read()) if timed else None, done.stdout.decode())


def app(*args: str) -> list[str]:
    return [*APP, *args]


Done = TypeVar("Done")


def in_turn(steps: Mapping[str, Callable[[], Done]], runs: int) -> dict[str, list[Done]]:
    """Each step `runs` times, the steps in turn run after run, so that a change in the
    machine's speed falls on all of them alike."""
    done: dict[str, list[Done]] = {name: [] for name in steps}
    for _ in range(runs):
        for name, step in steps.items():
            done[name].append(step())
    return done


def summary(finished: Sequence[Finished]) -> Runs:
    """The times of `finished`, and the largest peak memory among them where it is known."""
    return Runs([f.seconds for f in finished], largest(f.peak for f in finished))


def succeeds(argv: list[str]) -> bool:
    try:
        run(argv)
    except RuntimeError:
        return False
    return True


class Terminal:
    """A program in a pseudo-terminal of SIZE: typed at, and read as its output arrives."""

    def __init__(self, argv: list[str], env: dict[str, str] | None = None) -> None:
        self.began = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child becomes the program
            os.execve(argv[0], argv, env or environment())
        columns, rows = SIZE
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.seen = bytearray()
        self.peak: float | None = None

    def _read(self, wait: float) -> bool:
        """Read what has arrived within `wait` seconds; False if nothing did."""
        if not select.select([self.fd], [], [], wait)[0]:
            return False
        self.seen += os.read(self.fd, 1 << 16)
        return True

    def until(self, pattern: bytes | re.Pattern[bytes], since: int = 0) -> float:
        """Read until `pattern` (text, or a regular expression) shows in the output from byte
        `since` on; the moment it arrived (perf_counter)."""
        found = pattern if isinstance(pattern, re.Pattern) else re.compile(re.escape(pattern))
        give_up = time.perf_counter() + PATIENCE
        while not found.search(self.seen, since):
            if not self._read(give_up - time.perf_counter()):
                tail = bytes(self.seen[-300:])
                raise TimeoutError(f"{pattern!r} never appeared; the last output: {tail!r}")
        return time.perf_counter()

    def answered(self, keys: str, period: float = 0.1) -> None:
        """Type `keys`, then read until the program has answered and gone quiet."""
        mark, _ = self.type(keys)
        self.until(re.compile(rb"."), since=mark)
        self.quiet(period)

    def quiet(self, period: float = 0.1) -> None:
        """Read until nothing more arrives for `period` seconds: the program has caught up."""
        give_up = time.perf_counter() + PATIENCE
        while self._read(period):
            if time.perf_counter() > give_up:
                raise TimeoutError("the program never stopped writing")

    def type(self, keys: str) -> tuple[int, float]:
        """Type `keys`: how much output there was before them, and when they were sent."""
        mark = len(self.seen)
        os.write(self.fd, keys.encode())
        return mark, time.perf_counter()

    def close(self) -> None:
        """Kill the program, and keep its peak memory."""
        self.peak = peak_of(self.pid)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def first_sight(argv: list[str], text: bytes, env: dict[str, str] | None = None) -> Finished:
    """Seconds from starting `argv` in a pseudo-terminal until `text` shows, and its peak
    memory by then."""
    terminal = Terminal(argv, env)
    try:
        seconds = terminal.until(text) - terminal.began
    finally:
        terminal.close()
    return Finished(seconds, terminal.peak, "")


BARE = "bare app"


def bare_app() -> list[str]:
    """The bare Textual app that the questionnaire is measured against."""
    return [sys.executable, str(Path(__file__).with_name("bare_app.py"))]
