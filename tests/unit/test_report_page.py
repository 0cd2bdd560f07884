"""output/report.html and investor_update.html in headless Chromium (Debian's chromium and
chromium-driver, installed by `make browser`): the expected elements are there, message text
with markup renders as text, and the console stays clean."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.fakes.local import needs_browser

pytestmark = needs_browser

HOSTILE = ('Partnership with Initech announced today <script>document.title="owned"</script>'
           '<img src=x onerror="document.title=\'owned\'">')
ROWS = [
    ("a1", "true", "Grace Singh", "", "2026-01-05T10:00:00Z",
     "Big milestone: ARR reached $1.5M this week."),
    ("a2", "true", "Grace Singh", "", "2026-01-28T10:00:00Z",
     "Big milestone: ARR reached $3M this week."),
    ("f1", "false", "", "ceo@scaleflow.io", "2026-01-12T10:00:00Z",
     "We closed our $12M Series A led by Northwind Ventures."),
    ("x1", "true", "Lea Park", "", "2026-01-20T10:00:00Z",
     '"' + HOSTILE.replace('"', '""') + '"'),
]


@pytest.fixture
def out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from signalpipe.cli import _register, app

    monkeypatch.chdir(tmp_path)
    head = "id,is_chat,chat_sender,email_sender,timestamp,content\n"
    (tmp_path / "in.csv").write_text(head + "".join(",".join(r) + "\n" for r in ROWS))
    _register()
    result = CliRunner().invoke(app, ["run", "--input", "in.csv", "--output-dir", "out"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(app, ["email", "--output-dir", "out", "--preview"])
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def _errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_the_report_page_renders_with_its_parts_and_no_console_error(
        out: Path, browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    browser.get((out / "report.html").as_uri())
    assert browser.title == "signalpipe results: scaleflow"  # no script retitled it
    for selector in ("#funnel tr", "#kpis svg", "#timeline svg", "#events tbody tr"):
        assert browser.find_elements(By.CSS_SELECTOR, selector), selector
    assert browser.find_elements(By.TAG_NAME, "script") == []
    assert browser.find_elements(By.CSS_SELECTOR, "#events img") == []
    events_text = browser.find_element(By.ID, "events").text
    assert "<script>" in events_text or "<img" in events_text  # shown as text
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    assert _errors(browser) == []


def test_the_update_page_renders_with_charts_and_no_console_error(out: Path,
                                                                   browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get((out / "investor_update.html").as_uri())
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Scaleflow update")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.kpi-chart")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.timeline circle")
    assert browser.find_elements(By.CSS_SELECTOR, "ol.sources li")
    assert _errors(browser) == []
