"""The whole law graph: the corpus graph plus the `amends` edges the amendments wing knows of —
amending laws from the codes' footnotes (history) and, when given, the packages of the store.

The corpus wing cannot import this wing (data flows one way), so the edges are added here, at
the layer the CLI and the workbench call.
"""

from __future__ import annotations

from collections.abc import Iterable

from amendments.history_graph import amending_laws, amends_edges, corpus_history
from amendments.packages import Package
from amendments.packages_graph import amends_edges as package_edges
from corpus import Corpus, LawGraph, load_graph
from corpus.graph import Amendment


def law_graph(corpus: Corpus, packages: Iterable[Package] = ()) -> LawGraph:
    """The corpus graph with every amending law (`law:68-VIQD`) and package
    (`package:mq-legal-status`) as a node with `amends` edges to the provisions it changes."""
    graph = load_graph(corpus)
    histories = corpus_history(corpus)
    laws = amending_laws(corpus, histories)
    graph.add_amends(
        Amendment(source=law, act=act, eid=eid, label=_label(laws.get(law, {}), law),
                  date=str(attrs.get("date") or ""))
        for law, act, eid, attrs in amends_edges(corpus, histories)
    )
    for package in packages:
        graph.add_amends(package_edges(package))
    return graph


def _label(law: dict[str, object], node: str) -> str:
    number, date = law.get("number") or node.removeprefix("law:"), law.get("date") or ""
    return f"{number} ({date})" if date else str(number)
