"""The law graph over the real corpus: its nodes and edges, and the questions asked of it."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from corpus.graph import (
    AMENDS,
    CITES,
    CONTAINS,
    USES_TERM,
    Amendment,
    build_graph,
    build_graph_of,
)
from corpus.graph_export import graph_to_json, write_graphml, write_json
from corpus.graph_queries import (
    cited,
    citers,
    components,
    gaps,
    impact,
    most_depended_on,
    stats,
)


@pytest.fixture(scope="module")
def graph(corpus):  # type: ignore[no-untyped-def]
    return build_graph(corpus)


def _kinds(graph, source, target):  # type: ignore[no-untyped-def]
    return set(graph.graph.get_edge_data(source, target, default={}))


def _contains(graph, outer, inner) -> bool:  # type: ignore[no-untyped-def]
    """`inner` lies inside `outer` (directly or deeper)."""
    view = nx.subgraph_view(graph.graph, filter_edge=lambda s, t, k: k == CONTAINS)
    return nx.has_path(view, outer, inner)


EDGES = [
    # (source node, target node, edge kind): real facts of the corpus
    ("administrative-offences-code#art_158", "administrative-offences-code#art_158__para_1",
     CONTAINS),
    ("administrative-offences-code#art_157__hcontainer_note1", "criminal-code", CITES),
    ("administrative-offences-code#art_158__hcontainer_note1", "dv-law#art_4", CITES),
    ("administrative-offences-code#art_158__hcontainer_note1",
     "administrative-offences-code#art_158__para_1", CITES),
    ("criminal-code#art_132", "criminal-code#art_128", CITES),
    ("criminal-procedure-code#art_40__para_5", "criminal-code#art_73-1", CITES),
    ("civil-code#art_7__para_1", "constitution", CITES),
    ("civil-procedure-code#art_355-1__para_1", "term:dv-law#məişət zorakılığı", USES_TERM),
    ("dv-law#art_1__para_0__point_1", "term:dv-law#məişət zorakılığı", CONTAINS),
]


@pytest.mark.parametrize(("source", "target", "kind"), EDGES)
def test_edges_of_the_real_corpus(graph, source, target, kind):  # type: ignore[no-untyped-def]
    assert kind in _kinds(graph, source, target)


def test_nodes_say_what_they_are(graph) -> None:  # type: ignore[no-untyped-def]
    nodes = graph.graph.nodes
    assert nodes["criminal-code"]["in_corpus"] is True
    assert nodes["constitution"]["in_corpus"] is False
    assert nodes["criminal-code#art_128"]["num"] == "128"
    assert nodes["dv-law#art_4"]["kind"] == "missing"  # cited, beyond the DV law's opening
    assert nodes["term:dv-law#məişət zorakılığı"]["kind"] == "term"


def test_citers_and_cited(graph) -> None:  # type: ignore[no-untyped-def]
    node = graph.find("criminal-code", "128")
    assert "criminal-code#art_132" in {source for source, _ in citers(graph, node)}
    targets = {target for target, _ in cited(graph, "criminal-code#art_132")}
    assert node in targets
    edge = next(data for source, data in citers(graph, node) if source == "criminal-code#art_132")
    assert "128-ci maddəsində" in edge["text"] and edge["status"] == "resolved"


def test_impact_follows_citations_backwards_with_paths(graph) -> None:  # type: ignore[no-untyped-def]
    node = graph.find("criminal-code", "128")
    near = impact(graph, node, depth=1)
    assert "criminal-code#art_132" in {i.node for i in near}
    assert all(i.distance == 1 for i in near)
    far = impact(graph, node, depth=3)
    assert {i.node for i in near} < {i.node for i in far}
    for item in far:
        assert item.path[0] == node and item.path[-1] == item.node
        for step, following in zip(item.path, item.path[1:], strict=False):
            assert _kinds(graph, following, step) & {CITES, USES_TERM} or \
                _contains(graph, step, following) or _contains(graph, following, step)


def test_impact_of_a_definition_reaches_the_codes_through_its_term(graph) -> None:  # type: ignore[no-untyped-def]
    found = impact(graph, graph.find("dv-law", "1.0.1"), depth=1)
    paths = {i.node: i.path for i in found}
    assert "administrative-offences-code#art_158__hcontainer_note1" in paths
    assert "term:dv-law#məişət zorakılığı" in paths["civil-procedure-code#art_355-1__para_1"]


def test_citing_an_article_depends_on_its_points(graph) -> None:  # type: ignore[no-untyped-def]
    """Article 73-1 of the Criminal Code is cited by a range (72 - 73-2) in the CPC; a change
    to one of its points touches that citation too."""
    point = next(n for n in graph.graph.successors("criminal-code#art_73-1")
                 if graph.graph.nodes[n].get("kind") in ("paragraph", "point"))
    assert "criminal-procedure-code#art_40__para_5" in {i.node for i in impact(graph, point, 1)}


def test_gaps_name_the_missing_acts(graph) -> None:  # type: ignore[no-untyped-def]
    unresolved = gaps(graph, "unresolved")
    acts = {t["act"] for r in unresolved for t in r["targets"]}
    assert {"constitution", "dv-law", "labour-code"} <= acts
    assert all(r["status"] == "unresolved" for r in unresolved)
    assert any(t["act"] == "administrative-offences-code" for r in gaps(graph, "dangling")
               for t in r["targets"])


def test_most_depended_on_is_ranked_by_normalised_in_degree(graph) -> None:  # type: ignore[no-untyped-def]
    rows = most_depended_on(graph, 20)
    assert len(rows) == 20
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    top = rows[0]
    node = f"{top['act']}#{top['eid']}"
    assert top["in_degree"] == sum(1 for s, _ in citers(graph, node) if s != node)
    assert 0 < top["pagerank"] < 1


def test_components_join_codes_that_cite_each_other(graph) -> None:  # type: ignore[no-untyped-def]
    largest = set(components(graph)[0])
    assert {"criminal-code#art_128", "criminal-code#art_132"} <= largest


def test_stats_counts_edges_and_references_by_status(graph) -> None:  # type: ignore[no-untyped-def]
    data = stats(graph)
    assert set(data) == {"nodes", "edges", "references", "most_depended_on"}
    assert data["edges"][CITES] == sum(
        1 for _, _, k in graph.graph.edges(keys=True) if k == CITES)
    counts = data["references"]["administrative-offences-code"]
    assert set(counts) == {"resolved", "unresolved", "ambiguous", "dangling"}
    assert counts["resolved"] > 400


def test_amends_edges_come_from_outside(corpus) -> None:  # type: ignore[no-untyped-def]
    graph = build_graph_of([corpus.act("dv-law"), corpus.act("dv-law-amendment-2024")])
    before = graph.graph.number_of_edges()
    added = graph.add_amends([Amendment("dv-law-amendment-2024", "dv-law",
                                        "art_1__para_0__point_1", "2.1", "2024")])
    assert added == 1 and graph.graph.number_of_edges() == before + 1
    assert AMENDS in _kinds(graph, "dv-law-amendment-2024", "dv-law#art_1__para_0__point_1")
    assert stats(graph)["edges"][AMENDS] == 1


def test_export_graphml_and_json_read_back(graph, tmp_path) -> None:  # type: ignore[no-untyped-def]
    graphml, as_json = tmp_path / "law.graphml", tmp_path / "law.json"
    write_graphml(graph, graphml)
    write_json(graph, as_json)
    back = nx.read_graphml(graphml)
    assert back.number_of_nodes() == graph.graph.number_of_nodes()
    assert back.number_of_edges() == graph.graph.number_of_edges()
    data = json.loads(as_json.read_text("utf-8"))
    assert len(data["edges"]) == graph.graph.number_of_edges()
    assert graph_to_json(graph)["nodes"][0]["id"] in back
