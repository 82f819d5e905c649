"""Fixtures for the end-to-end tests: one workbench server per module and Debian's Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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


def wait_for_app(page, timeout: float = 300_000) -> None:
    """Until Streamlit has finished the run an interaction started: no element is still marked
    stale from the previous run and no spinner (corpus, graph) is turning. The short pause lets
    the rerun begin before the check."""
    page.wait_for_selector("[data-testid='stApp']")
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => !document.querySelector(\"[data-stale='true']\")"
        " && !document.querySelector(\"[data-testid='stSpinner']\")",
        timeout=timeout,
    )


def screenshot(page, name: str, folder: Path = ARTIFACTS) -> Path:
    """The whole page: the window is stretched to the height of Streamlit's scrolling main area."""
    folder.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate(
        "() => (document.querySelector(\"[data-testid='stMain']\") || document.body).scrollHeight"
    )
    page.set_viewport_size({"width": size["width"], "height": min(max(height + 80, 800), 6000)})
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path


def choose(page, label: str, option: str) -> None:
    """Pick `option` (the start of its label) in the Streamlit selectbox labelled `label`, then
    wait until the rerun it starts has redrawn that selectbox (once) with the choice."""
    box = page.get_by_label(label, exact=True).last
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option).first.click()
    page.wait_for_function(
        """([label, option]) => {
            const boxes = [...document.querySelectorAll(
                `input[role=combobox][aria-label="${label}"]`)];
            return boxes.length === 1 && boxes[0].value.startsWith(option);
        }""",
        arg=[label, option],
    )
    wait_for_app(page)


def use_english(page) -> None:
    """Switch the interface to English with the top bar's language choice."""
    page.get_by_text("EN", exact=True).click()
    page.get_by_text("Your name").wait_for()
    wait_for_app(page)


def wait_for_address(page, part: str) -> None:
    """Until the address holds `part`: page links change it without loading a new document."""
    page.wait_for_function(f"() => decodeURIComponent(location.search).includes({part!r})")
    wait_for_app(page)
