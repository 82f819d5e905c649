"""Scenarios: choose, edit within bounds, run with progress, compare with intervals, download."""

from __future__ import annotations

import streamlit as st

from workbench.session import t
from workbench.state import require

st.header(t("nav.scenarios"))
require("analysis", "run")
