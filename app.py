"""Qanun's workbench: the Law, Packages, Scenarios and Corpus pages behind one top bar.

The top bar chooses the interface language and who is working (name and role); pages read that
choice through `workbench.session` and pass it to the package store, which records and checks it.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from workbench.i18n import LANGUAGES
from workbench.session import ROLES, labeller, t

st.set_page_config(page_title="Qanun", layout="wide")


def _top_bar() -> None:
    language, user, role = st.columns([1, 2, 2], vertical_alignment="bottom")
    language.radio(
        t("top.language"), LANGUAGES, key="lang", horizontal=True,
        format_func=lambda code: code.upper(),
    )
    user.text_input(t("top.user"), key="user_name", placeholder=t("top.user_placeholder"))
    role.selectbox(
        t("top.role"), ROLES, key="role", format_func=labeller("roles"),
        help=t("top.role_help"),
    )


# Absolute paths, so the app runs the same from `streamlit run app.py` and from a test harness.
PAGES_DIR = Path(__file__).resolve().parent / "pages"
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
