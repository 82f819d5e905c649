"""The workbench's frame: top bar (language, name, role), navigation, labels in two languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from app_harness import PROJECT, app_test, page

from workbench.i18n import LANGUAGES, label, labels

LABEL_CALL = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+)["']""")
SOURCES = [PROJECT / "app.py", *sorted((PROJECT / "app_pages").glob("*.py")),
           *sorted((PROJECT / "workbench").glob("*.py"))]


def test_both_languages_have_the_same_labels() -> None:
    assert set(labels("az")) == set(labels("en"))


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_every_label_the_code_asks_for_exists(source: Path) -> None:
    used = set(LABEL_CALL.findall(source.read_text(encoding="utf-8")))
    for lang in LANGUAGES:
        missing = used - set(labels(lang))
        assert not missing, f"{source.name}: no {sorted(missing)} in templates/app/{lang}.yaml"


@pytest.mark.parametrize(
    ("lang", "key", "values", "expected"),
    [
        ("az", "law.results", {"count": 3}, "3 nəticə"),
        ("en", "law.results", {"count": 3}, "3 results"),
        ("az", "kinds.article", {"num": "10", "heading": ""}, "Maddə 10"),
        ("en", "kinds.article", {"num": "144-1", "heading": "Torture"}, "Article 144-1. Torture"),
    ],
)
def test_labels_render_their_values(lang: str, key: str, values: dict, expected: str) -> None:
    assert label(lang, key, **values) == expected


def test_top_bar_starts_in_azerbaijani_as_a_viewer() -> None:
    at = app_test().run()
    assert at.radio(key="lang").value == "az"
    assert at.text_input(key="user_name").label == "Adınız"
    assert at.selectbox(key="role_az").value == "viewer"
    assert at.selectbox(key="role_az").options == ["Baxan", "Layihəçi", "Təsdiqləyən"]


def test_language_switch_changes_the_labels_and_keeps_the_role() -> None:
    at = app_test().run()
    at.selectbox(key="role_az").set_value("approver").run()
    at.radio(key="lang").set_value("en").run()
    assert at.text_input(key="user_name").label == "Your name"
    assert at.selectbox(key="role_en").options == ["Viewer", "Drafter", "Approver"]
    assert at.selectbox(key="role_en").value == "approver"


@pytest.mark.parametrize("name", ["law", "packages", "scenarios", "corpus"])
def test_every_page_keeps_the_top_bar_and_the_chosen_role(name: str) -> None:
    at = app_test().run()
    at.text_input(key="user_name").set_value("Aysel").run()
    at.selectbox(key="role_az").set_value("drafter").run()
    at.switch_page(page(name)).run()
    assert not at.exception, at.exception
    assert at.text_input(key="user_name").value == "Aysel"
    assert at.selectbox(key="role_az").value == "drafter"
