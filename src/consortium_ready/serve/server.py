"""Serving the questionnaire to browsers, each browser with a reports folder of its own.

textual-serve starts one app process per browser tab. Every process would share
one draft and one history if they shared a reports folder, so each browser gets
its own folder under `<reports>/browsers/`, named from a random key kept in a
cookie: a reload or a reopened tab finds its draft again, and nobody else's.
The folder's name is a hash of the key, so reading the server's folders does not
reveal a key that would open someone's answers.
"""

from __future__ import annotations

import hashlib
import secrets
import shlex
import subprocess
import sys
from collections.abc import Awaitable, Callable, Sequence
from contextvars import ContextVar
from pathlib import Path

from aiohttp import web
from textual_serve.server import Server

COOKIE = "consortium-ready-browser"
BROWSERS = "browsers"
KEY_BYTES = 32
COOKIE_DAYS = 400
"""As long as browsers keep a cookie; each visit with the questionnaire sets it anew."""

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_command: ContextVar[str] = ContextVar("command", default="")


def is_key(text: str | None) -> bool:
    """Whether a cookie's value is a key this server hands out (and so safe to use)."""
    if text is None or len(text) != 2 * KEY_BYTES:
        return False
    return all(ch in "0123456789abcdef" for ch in text)


def browser_folder(reports: Path, key: str) -> Path:
    """The reports folder of the browser holding `key`."""
    return reports / BROWSERS / hashlib.sha256(key.encode()).hexdigest()[:32]


def command_line(args: Sequence[str]) -> str:
    """`args` as one command for the platform's shell, which textual-serve starts it with."""
    return subprocess.list2cmdline(args) if sys.platform == "win32" else shlex.join(args)


class QuestionnaireServer(Server):
    """A textual-serve server that starts the questionnaire on each browser's own folder."""

    def __init__(
        self,
        *,
        reports: Path,
        app_args: Sequence[str],
        host: str,
        port: int,
        public_url: str | None,
    ) -> None:
        super().__init__("", host=host, port=port, title="Consortium ready", public_url=public_url)
        self.reports = reports.absolute()
        self.app_args = list(app_args)

    @property
    def command(self) -> str:
        """The command for the request being answered: the app on that browser's folder."""
        return _command.get()

    @command.setter
    def command(self, value: str) -> None:
        """textual-serve sets the command once; here it is made per browser instead."""

    async def on_startup(self, app: web.Application) -> None:
        """Say where to point a browser, once the server listens."""
        self.console.print(
            f"Serving the questionnaire at {self.public_url}/ . Open that address in a web "
            "browser; press ctrl+c here to stop.",
            markup=False,
            highlight=False,
        )

    def app_command(self, key: str) -> list[str]:
        folder = browser_folder(self.reports, key)
        return [sys.executable, "-m", "consortium_ready", *self.app_args, "--reports", str(folder)]

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self._per_browser)
        return app

    @web.middleware
    async def _per_browser(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Give a browser its key on its first visit; start its app on its own folder."""
        key = request.cookies.get(COOKIE)
        if key is None or not is_key(key):
            key = secrets.token_hex(KEY_BYTES)
        _command.set(command_line(self.app_command(key)))
        response = await handler(request)
        if request.path == "/" and not response.prepared:
            response.set_cookie(
                COOKIE,
                key,
                max_age=COOKIE_DAYS * 24 * 3600,
                httponly=True,
                samesite="Strict",
                secure=self.public_url.startswith("https:"),
            )
        return response
