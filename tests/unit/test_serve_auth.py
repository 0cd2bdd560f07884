"""Who may use the review app: the token (bearer or login form, constant-time compare), the
loopback-only default, the Host check, and sending the update only after a confirmation."""

from __future__ import annotations

import email
from collections.abc import Iterator
from email import policy
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from signalpipe.commands.serve_cmd import check_exposure
from signalpipe.errors import ConfigError
from signalpipe.serve.security import session_value
from tests.fakes.local import free_port
from tests.unit.serve_seed import COMPANY, csrf, open_client

TOKEN = "correct horse battery staple"


@pytest.fixture
def guarded(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    client, desk, fps = open_client(tmp_path / "out", token=TOKEN)
    yield client, fps
    desk.close()


@pytest.mark.parametrize("path", ["/events", "/kpis", "/update", "/update/preview.html",
                                  "/update/download/eml", "/run", "/update/send"])
def test_without_the_token_every_page_sends_to_the_login_form(
        guarded: tuple[TestClient, dict[str, str]], path: str) -> None:
    client, _ = guarded
    r = client.get(path, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert client.get("/static/style.css").status_code == 200  # the login page's style


def test_a_post_without_the_token_is_refused_and_records_nothing(
        guarded: tuple[TestClient, dict[str, str]]) -> None:
    client, fps = guarded
    r = client.post(f"/events/{fps['arr1']}/approve", data={"csrf": csrf(client)})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    r = client.post(f"/events/{fps['arr1']}/approve", data={"csrf": csrf(client)},
                    headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401


def test_the_bearer_token_opens_every_page_and_action(
        guarded: tuple[TestClient, dict[str, str]]) -> None:
    client, fps = guarded
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert client.get("/events", headers=auth).status_code == 200
    assert client.get("/events", headers={"Authorization": f"Bearer {TOKEN}x"},
                      follow_redirects=False).status_code == 303
    assert client.get("/events", headers={"Authorization": f"Basic {TOKEN}"},
                      follow_redirects=False).status_code == 303
    r = client.post(f"/events/{fps['arr1']}/approve", data={"csrf": csrf(client)},
                    headers=auth, follow_redirects=False)
    assert r.status_code == 303
    # the token is no substitute for the CSRF token
    assert client.post(f"/events/{fps['arr1']}/approve", headers=auth).status_code == 403


def test_the_login_form_sets_a_session_that_is_not_the_token(
        guarded: tuple[TestClient, dict[str, str]]) -> None:
    client, _ = guarded
    bad = client.post("/login", data={"csrf": csrf(client), "token": "guess"})
    assert bad.status_code == 401 and "That token is not the right one." in bad.text
    assert client.post("/login", data={"token": TOKEN}).status_code == 403  # CSRF here too
    r = client.post("/login", data={"csrf": csrf(client), "token": TOKEN},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/events"
    session = client.cookies.get("sp_session")
    assert session == session_value(TOKEN) and TOKEN not in str(session)
    assert "httponly" in r.headers["set-cookie"].lower()
    assert "samesite=strict" in r.headers["set-cookie"].lower()
    assert client.get("/events").status_code == 200
    client.cookies.clear()
    client.cookies.set("sp_session", "0" * 64)
    assert client.get("/events", follow_redirects=False).status_code == 303


def test_without_a_token_the_login_page_says_none_is_needed(tmp_path: Path) -> None:
    client, desk, _ = open_client(tmp_path / "out")
    try:
        assert "needs no token" in client.get("/login").text
        assert client.get("/events").status_code == 200
    finally:
        desk.close()


def test_a_foreign_host_header_gets_nothing(tmp_path: Path) -> None:
    from signalpipe.serve.app import create_app

    _, desk, _ = open_client(tmp_path / "out")
    try:
        loopback = TestClient(create_app(desk), base_url="http://evil.example")
        assert loopback.get("/events").status_code == 400  # DNS rebinding gets nothing
        local = TestClient(create_app(desk), base_url="http://127.0.0.1:8765")
        assert local.get("/events").status_code == 200
    finally:
        desk.close()


@pytest.mark.parametrize(("host", "token", "ok"), [
    ("127.0.0.1", None, True), ("localhost", None, True), ("::1", None, True),
    ("0.0.0.0", None, False), ("192.168.1.20", None, False), ("0.0.0.0", "t", True)])
def test_off_loopback_the_command_requires_a_token(host: str, token: str | None,
                                                   ok: bool) -> None:
    if ok:
        check_exposure(host, token)
    else:
        with pytest.raises(ConfigError, match="SIGNALPIPE_SERVE_TOKEN"):
            check_exposure(host, token)


def test_serve_refuses_to_listen_on_all_interfaces_without_a_token(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from signalpipe.cli import _register, app

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SIGNALPIPE_SERVE_TOKEN", raising=False)
    _register()
    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--output-dir", "out"])
    assert result.exit_code == 1
    assert "set SIGNALPIPE_SERVE_TOKEN" in result.output
    result = CliRunner().invoke(app, ["serve", "--output-dir", "missing"])
    assert result.exit_code == 1 and "does not exist" in result.output


def test_send_asks_for_confirmation_then_delivers_over_smtp(
        tmp_path: Path, smtp_server: tuple[int, list[Any]]) -> None:
    port, received = smtp_server
    client, desk, _ = open_client(tmp_path / "out", to=["Ada Park <ada@northfield.vc>"],
                                  smtp={"host": "127.0.0.1", "port": port, "starttls": False})
    try:
        page = client.get("/update/send?period=2026-01")
        assert "To: Ada Park &lt;ada@northfield.vc&gt;" in page.text
        assert 'action="/update/send?period=2026-01"' in page.text
        assert client.post("/update/send?period=2026-01",
                           data={"csrf": csrf(client)}).status_code == 400
        assert client.post("/update/send?period=2026-01",
                           data={"confirm": "yes"}).status_code == 403
        assert received == []
        done = client.post("/update/send?period=2026-01",
                           data={"csrf": csrf(client), "confirm": "yes"})
        assert done.status_code == 200 and "Sent to Ada Park" in done.text
        (envelope,) = received
        assert envelope.rcpt_tos == ["ada@northfield.vc"]
        msg = email.message_from_bytes(envelope.content, policy=policy.default)
        assert msg["Subject"].startswith("Scaleflow update, January 2026")
        assert desk.events.updates(COMPANY)[-1].recipients == ["ada@northfield.vc"]
    finally:
        desk.close()


def test_a_refused_send_says_why_and_sends_nothing(tmp_path: Path) -> None:
    client, desk, _ = open_client(tmp_path / "out", to=["ada@northfield.vc"],
                                  smtp={"host": "127.0.0.1", "port": free_port(),
                                        "starttls": False, "timeout_s": 2})
    try:
        r = client.post("/update/send", data={"csrf": csrf(client), "confirm": "yes"})
        assert r.status_code == 502 and "Not sent: SMTP 127.0.0.1" in r.text
        assert desk.events.updates(COMPANY) == []
    finally:
        desk.close()
