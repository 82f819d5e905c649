"""The heavy objects every page reads (corpus, graph, search index, store), built once per server.

`st.cache_resource` shares them across browser sessions, so a second user or a page change costs
nothing; the corpus itself is also cached on disk by `corpus.load`, which keeps a restart warm.
A page that needs a part of Qanun that is not there says so and stops instead of failing.
"""

from __future__ import annotations

import importlib
from typing import Any

import streamlit as st

from qanun.settings import SettingsError
from workbench.search import SearchIndex
from workbench.session import t


def optional(module: str, name: str) -> Any | None:
    """`module.name`, or None with a note in the current container when that part is not built."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        st.info(t("common.unavailable", what=f"{module}.{name}"))
        return None


def require(module: str, name: str) -> Any:
    """`module.name`, or a clear note on the page and a stop when that part is not built."""
    found = optional(module, name)
    if found is None:
        st.stop()
    return found


@st.cache_resource(show_spinner=False)
def _corpus() -> Any:
    import corpus

    return corpus.load()


def load_corpus() -> Any:
    """The parsed corpus; a missing or broken corpus folder is shown, not raised."""
    require("corpus", "load")
    try:
        with st.spinner(t("common.loading_corpus")):
            return _corpus()
    except SettingsError as error:
        st.error(str(error))
        st.stop()


@st.cache_resource(show_spinner=False)
def _search_index(_corpus: Any) -> SearchIndex:
    acts = []
    for work in _corpus.works.values():
        for lang in work.languages:
            act = work.expression(lang)
            if act is not None:
                acts.append(act)
    return SearchIndex.build(acts)


def search_index() -> SearchIndex:
    return _search_index(load_corpus())


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Any:
    from amendments.store import open_store

    return open_store(url)


def package_store() -> Any:
    """The package store named by the settings (one per database URL, shared by all sessions)."""
    require("amendments.store", "open_store")
    from qanun.settings import database_url

    return _store(database_url())


@st.cache_resource(show_spinner=False)
def _respacer() -> Any:
    from corpus.respace import Respacer

    return Respacer.default(load_corpus().folder)


def parse_upload(text: str, entry: Any) -> Any:
    """An uploaded text parsed with the repair layer learnt from the loaded corpus."""
    from corpus import parse_act

    with st.spinner(t("common.parsing")):
        return parse_act(text, entry, _respacer())


@st.cache_resource(show_spinner=False)
def uploaded_corpus(folder: str) -> Any:
    """The uploads folder read as a corpus; cleared after each upload."""
    import corpus

    return corpus.load(folder)


def citers() -> Any | None:
    """Who cites a provision, from the corpus graph; None while the graph is not built."""
    return None
