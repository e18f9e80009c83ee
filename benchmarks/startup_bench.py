"""How long the questionnaire takes to appear, against a bare Textual app, in the same run.

    .venv/bin/python benchmarks/startup_bench.py [RUNS]      (default 15)

Starts each program in a pseudo-terminal of 100x30, alternately, and times
from launch to the first bytes of a given text on screen:

- a bare Textual app (a Header, a line of text and a Footer): its line of text;
- consortium-ready: the start screen's own text (the first screen);
- consortium-ready: its choices, which appear once the bank, the draft and the
  saved assessments have been read in the background.

PRODUCT.md's target is the first screen within 1.3 times the bare app.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static


class Bare(App):
    def compose(self):
        yield Header()
        yield Static("How ready is your organisation to bid?")
        yield Footer()


Bare().run()
"""


def first_sight(argv: list[str], text: bytes, env: dict[str, str]) -> float:
    """Seconds from starting `argv` in a pty until `text` has been written to it."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    began, seen = time.perf_counter(), b""
    try:
        while text not in seen:
            if not select.select([fd], [], [], 10)[0]:
                raise TimeoutError(f"{text!r} never appeared from {argv}")
            seen += os.read(fd, 65536)
        return time.perf_counter() - began
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder) / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        env = dict(
            os.environ,
            TERM="xterm-256color",
            CONSORTIUM_READY_REPORTS=str(Path(folder) / "reports"),
        )
        ours = [sys.executable, "-m", "consortium_ready"]
        times: dict[str, list[float]] = {"bare": [], "screen": [], "choices": []}
        for _ in range(runs):
            times["bare"].append(first_sight([sys.executable, str(bare)], b"How ready is", env))
            times["screen"].append(first_sight(ours, b"How ready is your", env))
            times["choices"].append(first_sight(ours, b"Start a new assessment", env))
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"{runs} alternating runs each, pty 100x30, medians:")
    print(f"  bare Textual app, first paint     {median['bare'] * 1000:6.0f} ms")
    for name, label in (
        ("screen", "consortium-ready, first screen"),
        ("choices", "consortium-ready, choices shown"),
    ):
        ratio = median[name] / median["bare"]
        print(f"  {label:<33} {median[name] * 1000:6.0f} ms  ({ratio:.2f}x)")


if __name__ == "__main__":
    main()
