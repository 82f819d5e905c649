"""The heavy objects every page reads (corpus, graph, search index, store), built once per server.

`st.cache_resource` shares them across browser sessions, so a second user or a page change costs
nothing; the corpus itself is also cached on disk by `corpus.load`, which keeps a restart warm.
A page that needs a part of Qanun that is not there says so and stops instead of failing.
"""

from __future__ import annotations

import importlib
import os
import threading
import time
from pathlib import Path
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


@st.cache_resource(show_spinner=False, max_entries=4)
def _with_uploads(_corpus: Any, manifest_text: str) -> Any:
    # keyed by the uploads' manifest: a new upload is a new key
    from corpus.library import with_acts
    from workbench.uploads import uploads_dir

    return with_acts(_corpus, uploaded_acts(uploads_dir()))


def law_corpus() -> Any:
    """The corpus with the texts users uploaded, for reading and search (the law graph is of the
    shared corpus only: an uploaded provision says it is not in the graph)."""
    from workbench.uploads import has_uploads, uploads_dir

    loaded = load_corpus()
    if not has_uploads():
        return loaded
    manifest = (uploads_dir() / "manifest.toml").read_text(encoding="utf-8")
    return _with_uploads(loaded, manifest)


@st.cache_resource(show_spinner=False, max_entries=4)
def _search_index(_corpus: Any) -> SearchIndex:
    acts = []
    for work in _corpus.works.values():
        for lang in work.languages:
            act = work.expression(lang)
            if act is not None:
                acts.append(act)
    return SearchIndex.build(acts)


def search_index() -> SearchIndex:
    return _search_index(law_corpus())


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


def uploaded_acts(folder: Path) -> list[Any]:
    """Every text uploaded so far, parsed with the loaded corpus's repair layer."""
    manifest = folder / "manifest.toml"
    return _uploaded_acts(str(folder), manifest.read_text(encoding="utf-8"))


@st.cache_resource(show_spinner=False, max_entries=4)
def _uploaded_acts(folder: str, manifest_text: str) -> list[Any]:
    # Keyed by the manifest's text: an upload appends to it, so a new upload is a new key.
    from corpus import parse_act
    from corpus.manifest import read_manifest
    from corpus.readers import read_text

    root = Path(folder)
    return [parse_act(read_text(root / e.path), e, _respacer()) for e in read_manifest(root)]


@st.cache_resource(show_spinner=False)
def _graph(_corpus: Any) -> Any:
    # the whole law graph: references and terms (cached on disk) and the amending laws
    from amendments.law_graph import law_graph

    return law_graph(_corpus)


def load_graph() -> Any:
    """The law graph of the loaded corpus (references, terms), built once per server."""
    require("amendments.law_graph", "law_graph")
    loaded = load_corpus()
    with st.spinner(t("common.loading_graph")):
        return _graph(loaded)


@st.cache_resource(show_spinner=False)
def _citers(_graph: Any) -> Any:
    from amendments.consolidate import citers_from

    return citers_from(_graph.references)


def citers() -> Any:
    """Who cites a provision (for the dangling references of a consolidation)."""
    return _citers(load_graph())


_prewarm_started = threading.Event()
PREWARM_DELAY_SECONDS = 4.0


def prewarm() -> None:
    """Build the corpus, its search index and the law graph in the background, once per server,
    so the first reader does not wait for them. `QANUN_PREWARM=0` turns it off (tests)."""
    if os.environ.get("QANUN_PREWARM", "1") == "0" or _prewarm_started.is_set():
        return
    _prewarm_started.set()

    def build() -> None:
        try:
            loaded = _corpus()
            # The search index and the graph are seconds of pure-Python work: begun at once
            # they would hold the interpreter while the first page draws, so they wait for it.
            time.sleep(PREWARM_DELAY_SECONDS)
            _search_index(loaded)
            _graph(loaded)
        except Exception:
            return

    threading.Thread(target=build, name="qanun-prewarm", daemon=True).start()
