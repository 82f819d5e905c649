"""In Chromium: create a package, add an amendment, see the redline, download the comparative
table and read it back with python-docx."""

from __future__ import annotations

import docx
import pytest
from app_harness import ARTIFACTS
from browser_harness import (
    app_page,
    app_url,
    browser,
    choose,
    screenshot,
    use_english,
    wait_for_app,
)

__all__ = ["app_page", "app_url", "browser"]

pytestmark = pytest.mark.browser


def _sign_in(page, name: str, role: str) -> None:
    user = page.get_by_label("Your name")
    user.fill(name)
    user.press("Enter")
    wait_for_app(page)
    choose(page, "Role", role)


def test_create_amend_preview_and_download_the_comparative_table(app_page, app_url: str) -> None:
    page = app_page
    page.goto(f"{app_url}/packages")
    wait_for_app(page)
    use_english(page)
    _sign_in(page, "Aysel", "Drafter")
    page.get_by_role("textbox", name="Identifier").fill("e2e-mq-status")
    page.get_by_label("Title (Azerbaijani)").fill("Monitorinq qruplarının statusu")
    page.get_by_label("Title (English)").fill("Status of Monitoring Groups")
    page.get_by_role("button", name="Create the package").click()
    page.get_by_text("Package e2e-mq-status created.").wait_for()
    wait_for_app(page)

    page.get_by_text("Add an amendment").click()
    choose(page, "Act", "dv-law")
    choose(page, "Article", "Article 1.")
    choose(page, "Provision", "1.0.1.")
    choose(page, "Change", "Replace words")
    page.get_by_label("Words to replace or delete").fill("yaxın qohumluq")
    page.get_by_label("New words", exact=True).fill("qohumluq")
    page.get_by_label("Justification (Azerbaijani)").fill("Tərif çox dardır.")
    page.get_by_role("button", name="Add the amendment").click()
    page.get_by_text("Amendment 1 added.").wait_for()
    wait_for_app(page)

    page.get_by_role("tab", name="Consolidation preview").click()
    deleted = page.locator(".qanun-redline del").first
    deleted.wait_for(timeout=300_000)
    assert deleted.inner_text() == "yaxın "
    screenshot(page, "packages-redline")

    page.get_by_role("tab", name="Word documents").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the comparative table (.docx)").click()
    saved = ARTIFACTS / "e2e-comparative-table-az.docx"
    download.value.save_as(saved)
    document = docx.Document(str(saved))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Qüvvədə olan redaksiya" in cells and "Təklif olunan redaksiya" in cells
    assert any(c.startswith("məişət zorakılığı - yaxın qohumluq") for c in cells)
    assert any(c.startswith("məişət zorakılığı - qohumluq münasibətlərindən") for c in cells)
    assert "Tərif çox dardır." in cells
