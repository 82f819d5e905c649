"""Write the law graph as GraphML (for Gephi, yEd, networkx) or as JSON (node-link form).

GraphML holds only scalar attributes, so missing values are written as empty strings; the JSON
keeps them as null. Both keep each edge's kind as its key, so a reader can tell `contains`
from `cites` without guessing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from corpus.graph import LawGraph


def graph_to_json(graph: LawGraph) -> dict[str, Any]:
    """`{"nodes": [{"id", "kind", ...}], "edges": [{"source", "target", "kind", ...}]}`."""
    nodes = [{"id": node, **data} for node, data in graph.graph.nodes(data=True)]
    edges = [{"source": source, "target": target, **data}
             for source, target, data in graph.graph.edges(data=True)]
    return {"nodes": nodes, "edges": edges}


def write_json(graph: LawGraph, path: Path) -> None:
    path.write_text(json.dumps(graph_to_json(graph), ensure_ascii=False), encoding="utf-8")


def write_graphml(graph: LawGraph, path: Path) -> None:
    clean = nx.MultiDiGraph()
    for node, data in graph.graph.nodes(data=True):
        clean.add_node(node, **_scalars(data))
    for source, target, key, data in graph.graph.edges(keys=True, data=True):
        clean.add_edge(source, target, key=key, **_scalars(data))
    nx.write_graphml(clean, path, encoding="utf-8")


def _scalars(data: dict[str, Any]) -> dict[str, Any]:
    return {k: ("" if v is None else v) for k, v in data.items()}


FORMATS = {"graphml": write_graphml, "json": write_json}
