"""Fixtures for the end-to-end tests: one workbench server per module and Debian's Chromium."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from app_harness import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, running_app


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_app(tmp_path_factory.mktemp("qanun-data")) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (CI installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def app_page(browser, app_url: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def wait_for_app(page, timeout: float = 180_000) -> None:  # noqa: ANN001
    """Until Streamlit has drawn the page and no spinner (corpus, graph) is left turning."""
    page.wait_for_selector("[data-testid='stApp']")
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stSpinner']\")"
        " && !document.querySelector(\"[data-testid='stStatusWidget'] [data-testid='stStatusWidgetRunningIcon']\")",
        timeout=timeout,
    )


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def use_english(page) -> None:  # noqa: ANN001
    """Switch the interface to English with the top bar's language choice."""
    page.get_by_text("EN", exact=True).click()
    page.get_by_text("Your name").wait_for()
    wait_for_app(page)


def wait_for_address(page, part: str) -> None:  # noqa: ANN001
    """Until the address holds `part`: page links change it without loading a new document."""
    page.wait_for_function(f"() => decodeURIComponent(location.search).includes({part!r})")
    wait_for_app(page)
