"""Serving to browsers: each browser its own folder, known by a key only it holds."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from consortium_ready.cli import main
from consortium_ready.serve.server import (
    BROWSERS,
    COOKIE,
    QuestionnaireServer,
    browser_folder,
    command_line,
    is_key,
)
from tests.unit.helpers import MINI_ARGS

KEY = "0123456789abcdef" * 4


def server(reports: Path, public_url: str | None = None) -> QuestionnaireServer:
    return QuestionnaireServer(
        reports=reports, app_args=[], host="127.0.0.1", port=8000, public_url=public_url
    )


async def first_visit(client: TestClient, cookies: dict[str, str] | None = None) -> str:
    """The key the server hands a browser on a visit to the page ("" if it hands none)."""
    response = await client.get("/", cookies=cookies)
    assert response.status == 200
    cookie = response.cookies.get(COOKIE)
    return cookie.value if cookie else ""


async def test_two_browsers_get_two_keys_and_a_browser_keeps_its_own(tmp_path):
    async with TestClient(TestServer(await server(tmp_path)._make_app())) as first:
        mine = await first_visit(first)
    async with TestClient(TestServer(await server(tmp_path)._make_app())) as second:
        theirs = await first_visit(second)
        again = await first_visit(second, {COOKIE: theirs})
    assert is_key(mine) and is_key(theirs) and mine != theirs
    assert again == theirs, "a reload keeps the key, so the draft is found again"
    assert browser_folder(tmp_path, mine) != browser_folder(tmp_path, theirs)


async def test_a_made_up_key_is_replaced_never_used_as_a_path(tmp_path):
    async with TestClient(TestServer(await server(tmp_path)._make_app())) as client:
        for forged in ("../../etc", "x" * 64, KEY.upper(), KEY + "0"):
            handed = await first_visit(client, {COOKIE: forged})
            assert is_key(handed) and handed != forged


async def set_cookie(reports: Path, public_url: str | None) -> str:
    async with TestClient(TestServer(await server(reports, public_url)._make_app())) as client:
        response = await client.get("/")
        return response.headers["Set-Cookie"]


async def test_the_cookie_is_only_for_this_site_and_not_for_scripts(tmp_path):
    header = await set_cookie(tmp_path, None)
    assert "HttpOnly" in header and "SameSite=Strict" in header and "Secure" not in header


async def test_behind_https_the_cookie_is_sent_over_https_only(tmp_path):
    assert "Secure" in await set_cookie(tmp_path, "https://ready.example.org")


def test_each_browser_runs_the_questionnaire_on_a_folder_named_by_a_hash_of_its_key(tmp_path):
    folder = browser_folder(tmp_path, KEY)
    assert folder.parent == tmp_path / BROWSERS
    assert KEY not in str(folder), "the folder's name does not give the key away"
    command = server(tmp_path / "my reports").app_command(KEY)
    assert command[-2:] == ["--reports", str(browser_folder(tmp_path / "my reports", KEY))]
    assert shlex.split(command_line(command)) == command, "a space in a path stays quoted"


def test_normal_commands_never_load_the_web_server():
    code = (
        "import sys\n"
        "from consortium_ready.cli import main\n"
        "main(['validate'])\n"
        "loaded = {'textual_serve', 'aiohttp'} & set(sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_serving_beyond_this_computer_warns_that_there_is_no_log_in(tmp_path, monkeypatch, capsys):
    served: list[str] = []
    monkeypatch.setattr(QuestionnaireServer, "serve", lambda self: served.append(self.host))
    assert main(["serve", *MINI_ARGS, "--reports", str(tmp_path)]) == 0
    assert "warning" not in capsys.readouterr().err
    assert main(["serve", *MINI_ARGS, "--host", "0.0.0.0", "--port", "9000"]) == 0
    assert "it has no log-in of its own" in capsys.readouterr().err
    assert served == ["127.0.0.1", "0.0.0.0"]
