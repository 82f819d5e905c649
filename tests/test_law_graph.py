"""The law graph with its `amends` edges: amending laws from the footnotes, and packages."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict

import pytest

from amendments.law_graph import law_graph
from amendments.shipped import load_all
from corpus.graph import AMENDS


@pytest.fixture(scope="module")
def graph(corpus):  # type: ignore[no-untyped-def]
    return law_graph(corpus, [shipped.package for shipped in load_all()])


def test_amending_laws_are_nodes_with_amends_edges(graph) -> None:  # type: ignore[no-untyped-def]
    edges = [(s, t) for s, t, k in graph.graph.edges(keys=True) if k == AMENDS]
    assert len(edges) > 5000
    # criminal-code.md footnote [8]: Law 360-IIQD of 2 July 2002 restated the heading of art. 13
    assert ("law:360-IIQD", "criminal-code#art_13") in edges
    assert graph.graph.nodes["law:360-IIQD"]["kind"] == "amending"
    codes_by_law: dict[str, set[str]] = defaultdict(set)
    for source, target in edges:
        if source.startswith("law:"):
            codes_by_law[source].add(target.split("#")[0])
    assert max(len(codes) for codes in codes_by_law.values()) >= 5, "one law changed many codes"


def test_packages_amend_the_provisions_they_target(graph) -> None:  # type: ignore[no-untyped-def]
    targets = {t for s, t, k in graph.graph.edges(keys=True)
               if k == AMENDS and s == "package:mq-legal-status"}
    assert "civil-procedure-code#art_355-1__para_1" in targets


def test_graph_stats_counts_amends_edges() -> None:
    result = subprocess.run([sys.executable, "-m", "qanun", "graph", "stats", "--json"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["edges"]["amends"] > 5000
