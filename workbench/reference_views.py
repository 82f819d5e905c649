"""What a provision cites, what cites it, what a change to it would touch, and its neighbourhood."""

from __future__ import annotations

from typing import Any

import streamlit as st

from corpus.model import Act, Provision
from workbench.session import t
from workbench.state import optional


def provision_references(corpus: Any, act: Act, provision: Provision) -> None:
    st.markdown(f"#### {t('law.references')}")
    optional("corpus", "build_graph")


def corpus_wide_panel(corpus: Any) -> None:
    optional("corpus", "build_graph")
