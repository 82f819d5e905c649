"""Legal texts → structured acts → cross-reference graph.

The wing's public verbs: `load` (a corpus folder → `Corpus` of works and their expressions,
cached on disk) and `parse_act` (one text → `Act`, never raising on text).
"""

from corpus.library import Corpus, load
from corpus.parse import parse_act

__all__ = ["Corpus", "load", "parse_act"]
