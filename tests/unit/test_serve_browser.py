"""The review app in real headless Chromium (Debian's chromium and chromium-driver, installed by
`make browser`), served by uvicorn on loopback: approve one event, reject another, edit a
metric, and the draft update follows; no console error; screenshots in the test's folder."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from signalpipe.serve.desk import Desk
from tests.fakes.local import free_port, needs_browser
from tests.unit.serve_seed import open_client

pytestmark = needs_browser


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Desk, dict[str, str]]]:
    import uvicorn

    from signalpipe.serve.app import create_app

    _, desk, fps = open_client(tmp_path / "out", sender_name="Grace Singh")
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(desk), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", desk, fps
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        desk.close()


def _submit(driver: Any, button: Any) -> None:
    """Click a form's button and wait for the page it leads to.

    The old page is marked and the wait is for a complete document without the mark. Waiting for
    the button to go stale raced the navigation: chromedriver sometimes answers a lookup made
    mid-navigation with a generic inspector error ("Node with given id does not belong to the
    document") rather than a stale-element one, so the wait ignores driver errors while the new
    page loads."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.wait import WebDriverWait

    driver.execute_script("window.__signalpipeOldPage = true;")
    button.click()
    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script(
            "return !window.__signalpipeOldPage && document.readyState === 'complete';"))


def _errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_review_in_the_browser_changes_the_draft_update(
        served: tuple[str, Desk, dict[str, str]], browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    base, desk, fps = served
    shots = tmp_path / "screenshots"
    shots.mkdir()
    browser.get(f"{base}/update?period=2026-01")
    before = browser.find_element(By.ID, "plain").text
    assert "Dana Wu joined as VP Sales" in before and "ARR: $3M" in before

    browser.get(f"{base}/events")
    assert browser.title == "Events · scaleflow · signalpipe"  # no message text retitled it
    assert len(browser.find_elements(By.CSS_SELECTOR, "section.event")) == 6
    browser.save_screenshot(str(shots / "inbox.png"))
    funding = browser.find_element(By.ID, f"ev-{fps['funding']}")
    _submit(browser, funding.find_element(By.CSS_SELECTOR, "button.approve"))
    hire = browser.find_element(By.ID, f"ev-{fps['hire']}")
    hire.find_element(By.NAME, "reason").send_keys("She declined the offer")
    _submit(browser, hire.find_element(By.CSS_SELECTOR, "button.reject"))
    statuses = {fp: browser.find_element(By.CSS_SELECTOR, f"#ev-{fp} .status").text
                for fp in (fps["funding"], fps["hire"])}
    assert statuses == {fps["funding"]: "approved", fps["hire"]: "rejected"}
    browser.save_screenshot(str(shots / "inbox-reviewed.png"))

    browser.get(f"{base}/events/{fps['arr2']}")
    assert browser.find_element(By.CSS_SELECTOR, ".evidence mark").text == "ARR reached $3M"
    metric = browser.find_element(By.NAME, "metric.arr_usd")
    metric.clear()
    metric.send_keys("3200000")
    _submit(browser, browser.find_element(By.CSS_SELECTOR, "button.save-edit"))
    assert browser.find_element(By.CSS_SELECTOR, ".metrics").text == "ARR: $3.2M"
    assert "as extracted: ARR: $3M" in browser.page_source
    browser.save_screenshot(str(shots / "event-edited.png"))

    browser.get(f"{base}/update?period=2026-01")
    after = browser.find_element(By.ID, "plain").text
    assert "Dana Wu" not in after and "ARR: $3.2M" in after and "Series A" in after
    frame = browser.find_element(By.ID, "preview")
    assert frame.size["height"] > 500
    browser.save_screenshot(str(shots / "update.png"))
    browser.get(f"{base}/kpis")
    assert browser.find_elements(By.CSS_SELECTOR, "#kpi-arr svg")
    browser.save_screenshot(str(shots / "kpis.png"))
    browser.get(f"{base}/run")
    assert browser.find_element(By.ID, "funnel").text
    assert _errors(browser) == []
    assert [d.action.value for d in desk.reviews.review_log("scaleflow")] == [
        "approve", "reject", "edit"]
    for name in ("inbox.png", "inbox-reviewed.png", "event-edited.png", "update.png",
                 "kpis.png"):
        assert (shots / name).stat().st_size > 10_000
