"""Questions asked of the law graph: who cites a provision, what it cites, what a change would
touch (reverse reachability), the gaps, the most depended-on provisions and the components.

A provision is affected by a change to X when it cites X, a provision inside X, or a provision
that contains X (citing Article 158 covers 158.1), or uses a term that X defines; the impact
set repeats this from each affected provision up to a depth.
"""

from __future__ import annotations

import math
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from corpus.graph import CITES, CONTAINS, EDGE_KINDS, LawGraph

_PROVISION_KINDS = ("article", "paragraph", "point", "note")


@dataclass
class Impact:
    """A provision that depends on the changed one, how far away and through which nodes."""

    node: str
    distance: int
    path: list[str] = field(default_factory=list)


def describe(graph: LawGraph, node: str) -> dict[str, Any]:
    """`{"act", "eid", "num"}` of a node, as the CLI's JSON writes it; a defined term (a step
    of an impact path) also carries `"term"`, its words."""
    data = graph.graph.nodes[node]
    described = {"act": data.get("act", node), "eid": data.get("eid"),
                 "num": data.get("num") or None}
    if data.get("kind") == "term":
        described["term"] = data.get("text")
    return described


def citers(graph: LawGraph, node: str) -> list[tuple[str, dict[str, Any]]]:
    """The provisions that cite `node`, with the data of each citing edge."""
    return [(source, data) for source, _, key, data in
            graph.graph.in_edges(node, keys=True, data=True) if key == CITES]


def cited(graph: LawGraph, node: str) -> list[tuple[str, dict[str, Any]]]:
    """What `node` cites, with the data of each citing edge."""
    return [(target, data) for _, target, key, data in
            graph.graph.out_edges(node, keys=True, data=True) if key == CITES]


def _covering(graph: LawGraph, node: str) -> list[str]:
    """The node, the provisions inside it and the provisions that contain it (not chapters)."""
    g = graph.graph
    covering = [node]
    stack = [node]
    while stack:
        for _, child, key in g.out_edges(stack.pop(), keys=True):
            if key == CONTAINS:
                covering.append(child)
                stack.append(child)
    parent = node
    while True:
        parents = [p for p, _, key in g.in_edges(parent, keys=True) if key == CONTAINS]
        if not parents or g.nodes[parents[0]].get("kind") not in _PROVISION_KINDS:
            break
        parent = parents[0]
        covering.append(parent)
    return covering


def impact(graph: LawGraph, node: str, depth: int = 3) -> list[Impact]:
    """Provisions that depend on `node`, nearest first, each with the path from `node` to it.

    >>> [i.node for i in impact(g, g.find("criminal-code", "128"), 1)][:1]  # doctest: +SKIP
    ['criminal-code#art_132']
    """
    reverse = graph.reverse_dependencies()
    paths: dict[str, list[str]] = {node: [node]}
    found: list[Impact] = []
    queue: deque[tuple[str, int]] = deque([(node, 0)])
    while queue:
        current, distance = queue.popleft()
        if distance >= depth:
            continue
        for covered in _covering(graph, current):
            for dependent, _ in reverse.get(covered, ()):
                if dependent in paths:
                    continue
                path = [*paths[current], *([covered] if covered != current else []), dependent]
                paths[dependent] = path
                found.append(Impact(dependent, distance + 1, path))
                queue.append((dependent, distance + 1))
    return found


def gaps(graph: LawGraph, status: str) -> list[dict[str, Any]]:
    """References with a status (`unresolved`, `dangling`, `ambiguous`), as `qanun refs` writes
    them."""
    return [r.to_dict() for r in graph.references if r.status == status]


def most_depended_on(graph: LawGraph, limit: int = 20) -> list[dict[str, Any]]:
    """Provisions by how many citations point at them, normalised by length:
    `score = citations / log10(10 + words of the provision with its points)`, so a short
    point that ten provisions cite ranks above a long article with the same count. PageRank
    over the citation edges is given beside it. Missing (cited but absent) nodes are gaps, not
    provisions, and are left out."""
    g = graph.graph
    incoming = Counter(target for source, target, key in g.edges(keys=True)
                       if key == CITES and source != target
                       and g.nodes[target].get("kind") not in ("missing", "act"))
    citations = nx.DiGraph()
    citations.add_edges_from((s, t) for s, t, key in g.edges(keys=True) if key == CITES)
    rank = nx.pagerank(citations) if citations.number_of_edges() else {}
    words = _subtree_words(graph)
    rows = []
    for node, count in incoming.items():
        rows.append({**describe(graph, node), "in_degree": count,
                     "score": round(count / math.log10(10 + words.get(node, 0)), 4),
                     "pagerank": round(rank.get(node, 0.0), 6)})
    rows.sort(key=lambda row: (-row["score"], -row["in_degree"], row["act"], row["eid"] or ""))
    return rows[:limit]


def _subtree_words(graph: LawGraph) -> dict[str, int]:
    """Words of each node with everything it contains, in one pass from the leaves up."""
    g = graph.graph
    contains = nx.DiGraph((s, t) for s, t, k in g.edges(keys=True) if k == CONTAINS)
    totals: dict[str, int] = {}
    for node in reversed(list(nx.topological_sort(contains))):
        totals[node] = g.nodes[node].get("words", 0) + sum(
            totals[child] for child in contains.successors(node))
    return totals


def components(graph: LawGraph) -> list[list[str]]:
    """Groups of provisions linked by citations or terms (either direction), largest first;
    provisions that cite nothing and are cited by nothing are left out."""
    linked = nx.Graph()
    linked.add_edges_from((s, t) for s, t, k in graph.graph.edges(keys=True) if k != CONTAINS)
    return sorted((sorted(c) for c in nx.connected_components(linked)), key=len, reverse=True)


def stats(graph: LawGraph, top: int = 20) -> dict[str, Any]:
    """Nodes, edges by kind, references by status per act, the most depended-on provisions."""
    g = graph.graph
    edges = Counter(key for _, _, key in g.edges(keys=True))
    by_act: dict[str, Counter[str]] = {}
    for reference in graph.references:
        by_act.setdefault(reference.source_act, Counter())[reference.status] += 1
    statuses = ("resolved", "unresolved", "ambiguous", "dangling")
    return {
        "nodes": g.number_of_nodes(),
        "edges": {kind: edges.get(kind, 0) for kind in EDGE_KINDS},
        "references": {act: {s: counts.get(s, 0) for s in statuses}
                       for act, counts in sorted(by_act.items())},
        "most_depended_on": most_depended_on(graph, top),
    }
