"""The workbench served by `streamlit run app.py` opens in Chromium and switches language."""

from __future__ import annotations

import pytest
from browser_harness import app_page, app_url, browser, screenshot, use_english, wait_for_app

__all__ = ["app_page", "app_url", "browser"]

pytestmark = pytest.mark.browser


def test_workbench_opens_with_its_top_bar_and_pages(app_page, app_url: str) -> None:
    app_page.goto(app_url)
    wait_for_app(app_page)
    app_page.get_by_text("Adınız").wait_for()
    app_page.get_by_text("EN", exact=True).click()
    app_page.get_by_text("Your name").wait_for()
    for title in ("Law", "Packages", "Scenarios", "Corpus"):
        assert app_page.get_by_role("link", name=title).count() >= 1, title
    screenshot(app_page, "smoke-top-bar")


def test_the_corpus_page_lists_the_acts_and_their_diagnostics(app_page, app_url: str) -> None:
    app_page.goto(f"{app_url}/corpus")
    wait_for_app(app_page)
    use_english(app_page)
    app_page.get_by_role("tab", name="Acts").wait_for()
    app_page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=120_000)
    screenshot(app_page, "corpus-acts")
    app_page.get_by_role("tab", name="Diagnostics of each parse").click()
    wait_for_app(app_page)
    screenshot(app_page, "corpus-diagnostics")
