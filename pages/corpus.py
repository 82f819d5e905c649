"""Corpus: the acts, their sources and completeness, each parse's diagnostics; upload a text."""

from __future__ import annotations

import streamlit as st

from workbench.session import t
from workbench.state import load_corpus

st.header(t("nav.corpus"))
load_corpus()
