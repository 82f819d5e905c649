"""Legal texts → structured acts → cross-reference graph.

The wing's public verbs: `load` (a corpus folder → `Corpus` of works and their expressions,
cached on disk), `parse_act` (one text → `Act`, never raising on text), `extract_references`
(an act's citations, resolved to eIds), `build_graph` / `load_graph` (the law graph of a corpus,
the latter cached beside the corpus).
"""

from __future__ import annotations

from typing import Any

from corpus.library import Corpus, load
from corpus.parse import parse_act

# The reference and graph verbs import spaCy (about a second): loaded when first asked for, so
# that reading a provision does not pay for it.
_LAZY = {
    "LawGraph": "corpus.graph", "build_graph": "corpus.graph", "load_graph": "corpus.graph_cache",
    "extract_references": "corpus.references_extract",
}

__all__ = ["Corpus", "LawGraph", "build_graph", "extract_references", "load", "load_graph",
           "parse_act"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'corpus' has no attribute {name!r}")
