"""The questionnaire in a real browser: `serve` on a free loopback port, headless Chromium.

Debian's chromium is driven by playwright's Python client (no browser of its own
is downloaded). The canvas the terminal is drawn on cannot be read, so each step
waits for what it does on disk: the draft of this browser's own folder, then the
saved assessment and the download.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from consortium_ready.serve.server import COOKIE, browser_folder
from consortium_ready.store.files import draft_path
from tests.unit.helpers import MINI_ARGS

CHROMIUM = Path("/usr/bin/chromium")
KEY = "0123456789abcdef" * 4

pytestmark = [
    pytest.mark.serial,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"no Chromium at {CHROMIUM}: `apt-get install chromium` to run the browser test "
        "(.ci/run installs it)",
    ),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(
    what: str, found: Callable[[], Any], page: Any, again: Callable[[], object] | None = None
) -> Any:
    """Wait until `found()` is truthy (letting the browser's events in), and return it.

    With `again`, do it first, and again each time two seconds pass with nothing found:
    for keys that do nothing until a screen has finished opening.
    """
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if again is not None:
            again()
        retry = time.monotonic() + 2
        while time.monotonic() < min(retry if again else deadline, deadline):
            if result := found():
                return result
            page.wait_for_timeout(100)
    raise AssertionError(f"gave up waiting for {what}")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`consortium-ready serve` on a free port, and its reports folder; stopped afterwards
    with every app process it started."""
    port, reports = free_port(), tmp_path / "reports"
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "consortium_ready", *MINI_ARGS, "serve"),
            *("--port", str(port), "--reports", str(reports)),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert f"Serving the questionnaire at http://127.0.0.1:{port}/" in line, line
        yield f"http://127.0.0.1:{port}/", reports
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


@pytest.fixture
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield chromium
        chromium.close()


def test_an_assessment_in_the_browser_survives_a_reload_and_is_saved_and_downloaded(
    server, browser, tmp_path
):
    url, reports = server
    context = browser.new_context(viewport={"width": 1000, "height": 700}, accept_downloads=True)
    context.add_cookies([{"name": COOKIE, "value": KEY, "url": url}])
    page = context.new_page()
    downloads: list[Any] = []
    page.on("download", lambda download: downloads.append(download))
    folder = browser_folder(reports, KEY)

    def draft() -> dict[str, Any]:
        try:
            return json.loads(draft_path(folder).read_text())
        except (OSError, ValueError):
            return {}

    def press(*keys: str) -> None:
        """Press keys one at a time: pressed in a row, they can reach the app out of order
        (xterm.js sends some as they are pressed and some as text typed)."""
        for key in keys:
            page.keyboard.press(key)
            page.wait_for_timeout(300)

    def step(keys: list[str], what: str, done: Callable[[dict[str, Any]], bool]) -> None:
        press(*keys)
        wait_for(what, lambda: done(draft()), page)

    def open_page() -> None:
        page.goto(url)
        page.wait_for_selector("body.-first-byte")
        page.focus(".xterm-helper-textarea")  # where xterm.js takes the keys

    open_page()
    # The start screen offers its choices once it has read the folder: give it time, then press
    # Enter until the details screen is open, which shows as a draft once a letter is typed
    # there (or, when the letter came too early, once a second Enter has chosen a role).
    page.wait_for_timeout(3000)
    wait_for("the details screen", draft, page, again=lambda: press("Enter", "R"))
    page.wait_for_timeout(2000)  # for any keys still on their way
    # Into the name box, then the name a letter at a time, each waited for.
    page.mouse.click(700, 152)
    page.wait_for_timeout(500)
    organisation = lambda: draft()["profile"]["organisation"]  # noqa: E731
    wait_for("an empty name", lambda: organisation() == "", page, again=lambda: press("Backspace"))
    name = "Oak Trust"
    for typed in range(1, len(name) + 1):
        key = "Space" if name[typed - 1] == " " else name[typed - 1]
        step([key], "a letter of the name", lambda d, typed=typed: organisation() == name[:typed])
    step(["Enter", "Space"], "the role", lambda d: d["profile"]["role"] == "lead")
    step(["Tab", "Space"], "the stage", lambda d: d["profile"]["stage"] == "exploring")
    step(["Tab", "Tab", "Tab", "Enter"], "the first question", lambda d: d["current"])
    assert draft()["current"] == "guarantor"
    step(["1"], "an answer", lambda d: d["answers"] == {"guarantor": "yes"})
    step(["Enter"], "the next question", lambda d: d["current"] == "lead-capacity")

    open_page()  # a reload: a new app process, on the same draft
    wait_for(
        "the question left, carried on",
        lambda: draft()["current"] == "lead-notes",
        page,
        again=lambda: press("Enter"),
    )
    step(["Escape"], "back a question", lambda d: d["current"] == "lead-capacity")
    assert draft()["answers"] == {"guarantor": "yes"}
    step(["2", "Enter"], "the text question", lambda d: d["current"] == "lead-notes")
    step(["Enter"], "the agreement", lambda d: d["current"] == "agreement")
    step(["1", "Enter"], "the solicitor's check", lambda d: d["current"] == "legal-check")
    step(["2", "Enter"], "the support", lambda d: d["current"] == "support")
    step(["1"], "the last answer", lambda d: d["answers"].get("support") == ["funding"])
    press("Enter")  # to the review

    saved = folder / "oak-trust"

    def written() -> list[Path]:
        files = sorted(saved.glob("*")) if saved.is_dir() else []
        return files if sorted(p.suffix for p in files) == [".csv", ".html", ".json", ".md"] else []

    (_, html, json_file, _) = wait_for(
        "the saved assessment and its reports", written, page, again=lambda: press("r", "s")
    )
    assessment = json.loads(json_file.read_text())
    assert assessment["answers"] == {
        "guarantor": "yes",
        "lead-capacity": "partly",
        "agreement": "signed",
        "legal-check": "no",
        "support": ["funding"],
    }
    wait_for("the draft to go, once saved", lambda: not draft_path(folder).exists(), page)
    (download,) = wait_for("the download", lambda: downloads, page)
    assert download.suggested_filename == f"oak-trust-{html.name}"
    download.save_as(tmp_path / "downloaded.html")
    assert (tmp_path / "downloaded.html").read_text() == html.read_text()
    assert [p.name for p in (reports / "browsers").iterdir()] == [folder.name]
