"""The law graph: one networkx MultiDiGraph over every act of the corpus.

Nodes are acts (`criminal-code`, and acts outside the corpus such as `constitution`),
provisions (`criminal-code#art_128`), provisions cited but missing (`dv-law#art_4`, kind
`missing`) and defined terms (`term:dv-law#məişət zorakılığı`). Edges carry their kind as key:
`contains` (act -> provision -> child, definition -> term), `cites` (with the reference),
`uses-term`, and `amends`, which the amendments wing adds through `LawGraph.add_amends` (the
corpus wing knows nothing of amendments).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from corpus.graph_findings import find_all
from corpus.model import Act, Provision, Reference
from corpus.processes import gc_paused
from corpus.resolve import Resolver
from corpus.terms import TermIndex

CONTAINS, CITES, USES_TERM, AMENDS = "contains", "cites", "uses-term", "amends"
EDGE_KINDS = (CONTAINS, CITES, USES_TERM, AMENDS)


def node_id(act: str, eid: str | None = None) -> str:
    """`criminal-code` for an act, `criminal-code#art_128` for one of its provisions."""
    return f"{act}#{eid}" if eid else act


@dataclass(frozen=True)
class Amendment:
    """An `amends` edge given from outside: what amends (a law or package id) and which
    provision it changes."""

    source: str
    act: str
    eid: str | None
    label: str = ""
    date: str = ""


class LawGraph:
    """The graph and the references it was built from; queries live in `corpus.graph_queries`."""

    def __init__(self) -> None:
        self.graph: nx.MultiDiGraph = nx.MultiDiGraph()
        self.references: list[Reference] = []
        self._reverse: dict[str, list[tuple[str, str]]] | None = None
        self._by_num: dict[tuple[str, str], str] = {}

    def add_act(self, act: Act) -> None:
        self.graph.add_node(act.work_id, kind="act", act=act.work_id, title=act.title,
                            in_corpus=True, complete=act.complete)
        nodes: list[tuple[str, dict]] = []
        edges: list[tuple[str, str, str, dict]] = []
        for provision in act.body:
            self._collect(act.work_id, act.work_id, provision, nodes, edges)
        # One bulk call each: adding 28,000 nodes one by one took most of the graph's build.
        self.graph.add_nodes_from(nodes)
        self.graph.add_edges_from(edges)

    def _collect(self, act_id: str, parent: str, provision: Provision,
                 nodes: list[tuple[str, dict]], edges: list[tuple[str, str, str, dict]]) -> None:
        node = node_id(act_id, provision.eid)
        nodes.append((node, {"kind": provision.kind, "act": act_id, "eid": provision.eid,
                             "num": provision.num, "heading": provision.heading,
                             "words": provision.text.count(" ") + bool(provision.text)}))
        edges.append((parent, node, CONTAINS, {"kind": CONTAINS}))
        if provision.is_numbered:
            self._by_num.setdefault((act_id, provision.num), node)
        for child in provision.children:
            self._collect(act_id, node, child, nodes, edges)

    def add_reference(self, reference: Reference) -> None:
        self.references.append(reference)
        source = node_id(reference.source_act, reference.source_eid)
        for target in reference.targets:
            node = self._target_node(target.act, target.eid, target.num)
            self.graph.add_edge(source, node, key=CITES, kind=CITES, text=reference.text,
                                span=f"{reference.span[0]}-{reference.span[1]}",
                                status=reference.status)
        self._reverse = None

    def _target_node(self, act: str, eid: str | None, num: str | None) -> str:
        if act not in self.graph:
            self.graph.add_node(act, kind="act", act=act, title=act, in_corpus=False,
                                complete=False)
        if eid is None:
            return act
        node = node_id(act, eid)
        if node not in self.graph:
            self.graph.add_node(node, kind="missing", act=act, eid=eid, num=num or "",
                                heading="", words=0)
            self.graph.add_edge(act, node, key=CONTAINS, kind=CONTAINS)
        return node

    def add_term(self, act: str, eid: str, term_node: str, text: str) -> None:
        self.graph.add_node(term_node, kind="term", act=act, text=text)
        self.graph.add_edge(node_id(act, eid), term_node, key=CONTAINS, kind=CONTAINS)

    def add_term_use(self, act: str, eid: str, term_node: str) -> None:
        self.graph.add_edge(node_id(act, eid), term_node, key=USES_TERM, kind=USES_TERM)
        self._reverse = None

    def add_amends(self, amendments: Iterable[Amendment]) -> int:
        """Add `amends` edges from amending laws or packages to the provisions they change
        (computed by the amendments wing). Returns how many edges were added."""
        added = 0
        for amendment in amendments:
            if amendment.source not in self.graph:
                self.graph.add_node(amendment.source, kind="amending", act=amendment.source,
                                    title=amendment.label or amendment.source, in_corpus=False,
                                    complete=False)
            target = self._target_node(amendment.act, amendment.eid, None)
            self.graph.add_edge(amendment.source, target, key=AMENDS, kind=AMENDS,
                                label=amendment.label, date=amendment.date)
            added += 1
        return added

    def find(self, act: str, num_or_eid: str) -> str:
        """The node of a provision given as cited (`128`, `56.1.3`) or by eId; KeyError names
        what is missing."""
        if act not in self.graph:
            raise KeyError(f"no act {act!r} in the graph")
        node = node_id(act, num_or_eid)
        if node in self.graph:
            return node
        found = self._by_num.get((act, num_or_eid.strip().rstrip(".")))
        if found is None:
            raise KeyError(f"no provision {num_or_eid!r} in {act!r}")
        return found

    def reverse_dependencies(self) -> dict[str, list[tuple[str, str]]]:
        """node -> [(dependent node, edge kind)] over `cites` and `uses-term`, built once."""
        if self._reverse is None:
            reverse: dict[str, list[tuple[str, str]]] = {}
            for source, target, kind in self.graph.edges(keys=True):
                if kind in (CITES, USES_TERM):
                    reverse.setdefault(target, []).append((source, kind))
            self._reverse = reverse
        return self._reverse


def build_graph(corpus: object) -> LawGraph:
    """The graph of a loaded corpus: the principal expression of every work (Azerbaijani where
    there is one), its references resolved across the corpus, and its defined terms."""
    acts = corpus.acts()  # type: ignore[attr-defined]
    return build_graph_of(acts)


def build_graph_of(acts: list[Act], *, workers: int | None = None) -> LawGraph:
    """The graph of some acts; `workers` 1 or 2 forces the references to be found in one
    process or two (see `corpus.graph_findings`), None lets the size of the corpus decide."""
    # the graph is built once and kept: what it made is frozen out of later collections
    with gc_paused(freeze=True):
        resolver = Resolver.of(acts)
        graph = LawGraph()
        principal = list(resolver.acts.values())
        terms = TermIndex.of(principal)

        def provisions() -> None:
            for act in principal:
                graph.add_act(act)

        found = find_all(principal, resolver, terms, meanwhile=provisions, workers=workers)
        for references, _ in found:
            for reference in references:
                graph.add_reference(reference)
        for term in [*terms.everywhere, *(t for ts in terms.within.values() for t in ts)]:
            graph.add_term(term.act, term.eid, term.node, term.text)
        for _, uses in found:
            for use in uses:
                graph.add_term_use(use.act, use.eid, use.term.node)
    return graph

