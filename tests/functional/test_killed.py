"""Killed mid-way, nothing given is lost: the app in a pseudo-terminal, SIGKILLed, restarted."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

from tests.functional.helpers import QUESTIONS, SEEDS

ENTER, TAB, RIGHT, CTRL_Q = "\r", "\t", "\x1b[C", "\x11"
PATIENCE = 30.0


def child_environment(size: tuple[int, int], home: Path) -> dict[str, str]:
    """A clean environment for the app: only what it needs, and the terminal size said outright.

    Nothing else is inherited: pytest-xdist workers carry COLUMNS=80 and LINES=24, which
    Textual prefers to the pseudo-terminal's own size, and NO_COLOR or TEXTUAL_* settings in
    the developer's shell would change what the app shows.
    """
    columns, rows = size
    env = {name: os.environ[name] for name in ("PATH", "PYTHONPATH") if name in os.environ}
    return env | {
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "TERM": "xterm-256color",
        "COLUMNS": str(columns),
        "LINES": str(rows),
    }


class Terminal:
    """The app running in a pseudo-terminal, read and typed at as a person's terminal would."""

    def __init__(self, reports: Path, size: tuple[int, int] = (120, 40)) -> None:
        argv = [
            sys.executable,
            "-m",
            "consortium_ready",
            "--questions",
            str(QUESTIONS),
            "--seeds",
            str(SEEDS),
            "--reports",
            str(reports),
        ]
        env = child_environment(size, home=reports.parent)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # pragma: no cover - the child becomes the app
            os.execve(argv[0], argv, env)
        columns, rows = size
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.seen = b""
        self.status: int | None = None

    def _read(self, wait: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], wait)
        if ready:
            with contextlib.suppress(OSError):  # the app has gone
                self.seen += os.read(self.fd, 1 << 16)

    def until(self, done: Callable[[], bool], what: str) -> None:
        """Keep reading the screen until `done()`; fail after PATIENCE seconds."""
        give_up = time.monotonic() + PATIENCE
        while not done():
            assert time.monotonic() < give_up, f"gave up waiting for {what}"
            self._read(0.05)

    def shows(self, text: str) -> None:
        """Wait until `text` appears on the screen (after whatever was shown before)."""
        start = len(self.seen)
        self.until(lambda: text.encode() in self.seen[max(0, start - len(text)) :], repr(text))

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        self.status = os.waitpid(self.pid, 0)[1]
        os.close(self.fd)

    def exit_code(self) -> int:
        def ended() -> bool:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
            return self.status is not None

        self.until(ended, "the app to end")
        os.close(self.fd)
        return os.waitstatus_to_exitcode(self.status)  # type: ignore[arg-type]


def draft(reports: Path) -> dict:
    try:
        return json.loads((reports / ".draft.json").read_text())
    except (OSError, ValueError):
        return {}


def test_killed_mid_assessment_every_answer_given_is_there_after_a_restart(tmp_path):
    reports = tmp_path / "reports"
    app = Terminal(reports)
    try:
        app.shows("Start a new assessment")
        app.type(ENTER)
        app.shows("About your organisation")
        app.type("Harrow CVS")
        app.until(
            lambda: draft(reports).get("profile", {}).get("organisation") == "Harrow CVS",
            "the name in the draft",
        )
        app.type(TAB + ENTER)
        app.until(lambda: draft(reports)["profile"]["role"] == "lead", "the role in the draft")
        app.type(TAB + RIGHT + RIGHT + ENTER)
        app.until(lambda: draft(reports)["profile"]["stage"] == "bidding", "the stage")
        app.type(TAB + TAB + TAB + ENTER)  # past the kind of consortium and its name
        app.shows("Question 1 of 7")
        given = {}
        for key, question, value in [
            ("2", "guarantor", "no"),
            ("1", "guarantor-plan", "plan"),
            ("2", "lead-can-guarantee", "partly"),
        ]:
            app.type(key)
            given[question] = value
            app.until(lambda: draft(reports).get("answers") == given, f"{question} saved")
            if question != "lead-can-guarantee":
                app.type(ENTER)
                app.until(
                    lambda q=question: draft(reports).get("current") != q, "the next question"
                )
    finally:
        app.kill()
    assert app.status is not None and os.WIFSIGNALED(app.status)
    assert draft(reports)["answers"] == given

    again = Terminal(reports)
    try:
        again.shows("Carry on where you left off")
        again.shows("3 of 8 questions answered")
        again.type(ENTER)
        again.shows("Question 3 of 8")
        again.shows("2 (•)")
        assert draft(reports)["answers"] == given
        again.type(CTRL_Q)
        assert again.exit_code() == 0
    finally:
        if again.status is None:
            again.kill()
    assert draft(reports)["answers"] == given
