"""Legal texts → structured acts → cross-reference graph.

The wing's public verbs: `load` (a corpus folder → `Corpus` of works and their expressions,
cached on disk), `parse_act` (one text → `Act`, never raising on text), `extract_references`
(an act's citations, resolved to eIds), `build_graph` / `load_graph` (the law graph of a corpus,
the latter cached beside the corpus).
"""

from corpus.graph import LawGraph, build_graph
from corpus.graph_cache import load_graph
from corpus.library import Corpus, load
from corpus.parse import parse_act
from corpus.references_extract import extract_references

__all__ = ["Corpus", "LawGraph", "build_graph", "extract_references", "load", "load_graph",
           "parse_act"]
