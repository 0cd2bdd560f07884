"""Local stand-ins shared by test folders: a free loopback port, a real SMTP server
(aiosmtpd) that keeps what it receives, and Debian's headless Chromium driven by Selenium."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
# Skipped on a developer's machine without a browser; under CI (`make test` installs one with
# `make browser`) a missing browser fails instead of hiding the gap.
needs_browser = pytest.mark.skipif(not (CHROMIUM and DRIVER) and not os.environ.get("CI"),
                                   reason="needs Debian chromium and chromium-driver: "
                                          "make browser")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def smtp_server() -> Iterator[tuple[int, list[Any]]]:
    """(port, envelopes received) of an SMTP server on loopback."""
    from aiosmtpd.controller import Controller

    received: list[Any] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            received.append(envelope)
            return "250 OK"

    port = free_port()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, received
    finally:
        controller.stop()


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium WebDriver that records the browser console."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1200,1600"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
