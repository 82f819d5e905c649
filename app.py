"""Qanun's workbench: the Law, Packages, Scenarios and Corpus pages behind one top bar.

The top bar chooses the interface language and who is working (name and role); pages read that
choice through `workbench.session` and pass it to the package store, which records and checks it.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from workbench.i18n import LANGUAGES
from workbench.session import ROLES, labeller, t
from workbench.state import prewarm

st.set_page_config(page_title="Qanun", layout="wide")


def _top_bar() -> None:
    language, user, role = st.columns([1, 2, 2], vertical_alignment="bottom")
    language.radio(
        t("top.language"), LANGUAGES, key="lang", horizontal=True,
        format_func=lambda code: code.upper(),
    )
    user.text_input(t("top.user"), key="user_name", placeholder=t("top.user_placeholder"))
    # One role widget per language: a selectbox keeps showing the label it was drawn with, so
    # switching the language draws a new one; the chosen role itself lives in `role`.
    widget = f"role_{st.session_state.get('lang', LANGUAGES[0])}"
    st.session_state[widget] = st.session_state.get("role", ROLES[0])
    role.selectbox(
        t("top.role"), ROLES, key=widget, format_func=labeller("roles"),
        help=t("top.role_help"), on_change=_keep_role, args=(widget,),
    )


def _keep_role(widget: str) -> None:
    st.session_state["role"] = st.session_state[widget]


# Not `pages/`: Streamlit would serve a folder of that name beside the entry point as old-style
# pages on a deep link (`/law?act=…`), skipping this top bar. Absolute paths, so the app runs the
# same from `streamlit run app.py` and from a test harness.
PAGES_DIR = Path(__file__).resolve().parent / "app_pages"
pages = [
    st.Page(PAGES_DIR / "law.py", title=t("nav.law"), url_path="law", default=True),
    st.Page(PAGES_DIR / "packages.py", title=t("nav.packages"), url_path="packages"),
    st.Page(PAGES_DIR / "scenarios.py", title=t("nav.scenarios"), url_path="scenarios"),
    st.Page(PAGES_DIR / "corpus.py", title=t("nav.corpus"), url_path="corpus"),
]
navigation = st.navigation(pages, position="top")
_top_bar()
st.divider()
navigation.run()
# After the first page is drawn, so the background build does not slow that page down.
prewarm()
