"""Fixtures of the workbench's AppTests: a fresh data folder per test and a signed-in session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_harness import app_test, fresh_data_dir, page
from streamlit.testing.v1 import AppTest


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = fresh_data_dir(tmp_path / "data")
    monkeypatch.setenv("QANUN_DATA", str(folder))
    monkeypatch.delenv("QANUN_DB_URL", raising=False)
    return folder


@pytest.fixture
def open_page(data_folder: Path) -> Callable[..., AppTest]:
    """`open_page("packages", user="Aysel", role="drafter")` → an AppTest on that page."""

    def opener(name: str, user: str = "Aysel", role: str = "viewer", lang: str = "en",
               **query: str) -> AppTest:
        at = app_test(timeout=240)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        # The role's labels follow the language: switch the language first, then choose the role.
        at.radio(key="lang").set_value(lang).run()
        at.text_input(key="user_name").set_value(user)
        at.selectbox(key=f"role_{lang}").set_value(role)
        at.run()
        if name != "law":
            at.switch_page(page(name)).run()
        assert not at.exception, at.exception
        return at

    return opener
