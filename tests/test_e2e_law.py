"""In Chromium: open a provision of the Criminal Code and follow a provision that cites it."""

from __future__ import annotations

import pytest
from browser_harness import (
    app_page,
    app_url,
    browser,
    screenshot,
    use_english,
    wait_for_address,
    wait_for_app,
)

__all__ = ["app_page", "app_url", "browser"]

pytestmark = pytest.mark.browser


def test_open_a_provision_and_follow_a_citing_provision(app_page, app_url: str) -> None:
    app_page.goto(f"{app_url}/?act=criminal-code&eid=art_128")
    wait_for_app(app_page)
    use_english(app_page)
    # A fresh server builds the law graph once (in the background from its start).
    app_page.get_by_role("heading", name="Cited by").wait_for(timeout=300_000)
    citing = app_page.get_by_role("link", name="criminal-code 132 — “Bu Məcəllənin 128-ci")
    screenshot(app_page, "law-article-128")
    citing.first.click()
    wait_for_address(app_page, "eid=art_132")
    wait_for_app(app_page)
    app_page.get_by_role("heading", name="Article 132").first.wait_for()
    assert "act=criminal-code" in app_page.url
    app_page.get_by_text("It cites").first.wait_for()
    screenshot(app_page, "law-article-132")


def test_search_without_diacritics_opens_the_dv_law(app_page, app_url: str) -> None:
    app_page.goto(app_url)
    wait_for_app(app_page)
    use_english(app_page)
    box = app_page.get_by_label("Search all acts")
    box.fill("meiset zorakiligi")
    box.press("Enter")
    hit = app_page.get_by_role("link", name="dv-law (AZ) · 1.0.1")
    hit.first.click()
    wait_for_address(app_page, "eid=art_1__para_0__point_1")
    wait_for_app(app_page)
    app_page.get_by_text("“Domestic violence” - means").first.wait_for()
    screenshot(app_page, "law-dv-law-az-en")
