"""In Chromium: run two scenarios against the status quo and see the comparison chart."""

from __future__ import annotations

import pytest
from browser_harness import app_page, app_url, browser, screenshot, use_english, wait_for_app

__all__ = ["app_page", "app_url", "browser"]

pytestmark = pytest.mark.browser


def test_run_two_scenarios_and_see_the_comparison(app_page, app_url: str) -> None:
    app_page.goto(f"{app_url}/scenarios")
    wait_for_app(app_page)
    use_english(app_page)
    chosen = app_page.locator("[data-testid='stMultiSelect']").first.inner_text()
    assert "S1" in chosen and "S4" in chosen
    draws = app_page.get_by_label("Draws")
    draws.fill("200")
    draws.press("Enter")
    wait_for_app(app_page)
    app_page.get_by_role("button", name="Run the comparison").click()
    app_page.get_by_text("Compared S0, S1, S4 with baseline S0 on 200 draws").wait_for()
    wait_for_app(app_page)
    chart = app_page.locator("[data-testid='stVegaLiteChart']").first
    chart.wait_for()
    chart.locator("canvas, svg").first.wait_for()
    table = app_page.locator("[data-testid='stDataFrame']").first
    table.wait_for()
    screenshot(app_page, "scenarios-comparison")
