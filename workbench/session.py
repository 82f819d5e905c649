"""Who is using the workbench and in which language, as chosen in the top bar of `app.py`.

The name and role go with every write to the package store, which records them in its audit
trail and enforces the role; the workbench only passes them on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from workbench.i18n import LANGUAGES, label

ROLES: tuple[str, ...] = ("viewer", "drafter", "approver")
DEFAULT_USER = "workbench"


@dataclass(frozen=True)
class Viewer:
    """Who is at the keyboard: `name` goes into the audit trail, the store checks `role`."""

    name: str
    role: str
    lang: str


def current() -> Viewer:
    state = st.session_state
    lang = state.get("lang", LANGUAGES[0])
    name = (state.get("user_name") or "").strip() or DEFAULT_USER
    return Viewer(name=name, role=state.get("role", ROLES[0]), lang=lang)


def t(key: str, /, **values: Any) -> str:
    """A label in the interface language the user chose."""
    return label(current().lang, key, **values)


def labeller(prefix: str) -> Callable[[str], str]:
    """A widget's `format_func` for `prefix.VALUE` labels, in the language chosen now.

    The language is fixed when the widget is drawn, because Streamlit may format options
    outside the script run, where the session's choice cannot be read.
    """
    lang = current().lang
    return lambda value: label(lang, f"{prefix}.{value}")
