"""`qanun refs` and `qanun graph impact|stats|export`: references and the law graph.

The `--json` shapes are stable interfaces:
`refs` -> [{"source": {"act", "eid", "num"}, "text", "span": [start, end],
            "targets": [{"act", "eid", "num"}], "status"}];
`graph impact` -> {"act", "eid", "num", "depth", "count",
                   "impact": [{"act", "eid", "num", "distance", "path": [{"act", "eid", "num"}]}]}
                   (a path step through a defined term also has "term", its words);
`graph stats` -> {"nodes", "edges": {kind: n}, "references": {act: {status: n}},
                  "most_depended_on": [{"act", "eid", "num", "in_degree", "score", "pagerank"}]}.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from corpus.graph import LawGraph
from corpus.graph_export import FORMATS
from corpus.graph_queries import describe, impact, stats
from corpus.references_extract import extract_references
from corpus.resolve import Resolver
from qanun.cli.corpus import CorpusOption, JsonOption, open_corpus
from qanun.cli.output import emit_json, fail
from qanun.cli.reports import ReportLangOption, echo_report, language_of

graph_app = typer.Typer(no_args_is_help=True, help="The cross-reference graph of the corpus.")
ActArgument = Annotated[str, typer.Argument(metavar="ACT", help="Manifest id, e.g. criminal-code")]


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("refs")(refs)
    app.add_typer(graph_app, name="graph")


def refs(act_id: ActArgument,
         from_num: Annotated[str | None, typer.Option("--from", metavar="NUM",
                                                      help="Only references in this provision "
                                                      "and the provisions inside it.")] = None,
         lang: Annotated[str, typer.Option("--lang", help="az or en")] = "az",
         corpus: CorpusOption = None, json: JsonOption = False) -> None:
    """List the references an act makes, resolved to eIds across the corpus."""
    loaded = open_corpus(corpus)
    try:
        act = loaded.act(act_id, lang)
    except KeyError as error:
        raise fail(str(error.args[0])) from error
    prefix = None
    if from_num is not None:
        provision = act.find(from_num)
        if provision is None:
            raise fail(f"{act_id} ({lang}) has no provision {from_num!r}")
        prefix = provision.eid
    found = extract_references(act, resolver=Resolver.of(loaded.acts()))
    if prefix is not None:
        found = [r for r in found
                 if r.source_eid == prefix or r.source_eid.startswith(prefix + "__")]
    if json:
        emit_json([r.to_dict() for r in found])
        return
    echo_report("refs", language_of(act.language), references=[
        {"source": r.source_num or r.source_eid, "status": r.status, "text": r.text,
         "targets": [f"{t.act}:{t.num or '*'}" for t in r.targets]} for r in found])


def _graph(corpus: Path | None) -> LawGraph:
    """The whole law graph: references and terms, plus the amending laws of the footnotes."""
    from amendments.law_graph import law_graph

    return law_graph(open_corpus(corpus))


@graph_app.command("impact")
def impact_command(act_id: ActArgument,
                   num: Annotated[str, typer.Argument(metavar="NUM", help="e.g. 128 or 56.1.3")],
                   depth: Annotated[int, typer.Option("--depth", min=1, max=10)] = 3,
                   corpus: CorpusOption = None, json: JsonOption = False,
                   lang: ReportLangOption = "en") -> None:
    """The provisions that depend on a provision (cite it or use its terms), with the path."""
    graph = _graph(corpus)
    try:
        node = graph.find(act_id, num)
    except KeyError as error:
        raise fail(str(error.args[0])) from error
    found = impact(graph, node, depth)
    data = {**describe(graph, node), "depth": depth, "count": len(found), "impact": [
        {**describe(graph, item.node), "distance": item.distance,
         "path": [describe(graph, step) for step in item.path]} for item in found]}
    if json:
        emit_json(data)
        return
    echo_report("graph_impact", lang, act=act_id, num=num, depth=depth, items=[
        {"distance": item.distance, "path": [_label(graph, n) for n in item.path]}
        for item in found])


def _label(graph: LawGraph, node: str) -> str:
    data = describe(graph, node)
    if "term" in data:
        return f"{data['act']}:«{data['term']}»"
    return f"{data['act']}:{data['num'] or data['eid'] or ''}"


@graph_app.command("stats")
def stats_command(corpus: CorpusOption = None, json: JsonOption = False,
                  lang: ReportLangOption = "en") -> None:
    """Nodes, edges by kind, references by status per act, the most depended-on provisions."""
    data = stats(_graph(corpus))
    if json:
        emit_json(data)
        return
    echo_report("graph_stats", lang, **data)


@graph_app.command("export")
def export_command(
    out: Annotated[Path, typer.Option("--out", help="File to write.")],
    format_: Annotated[str, typer.Option("--format", help="graphml or json")] = "graphml",
    corpus: CorpusOption = None,
    lang: ReportLangOption = "en",
) -> None:
    """Write the whole graph as GraphML or JSON."""
    writer = FORMATS.get(format_)
    if writer is None:
        raise fail(f"unknown format {format_!r}: use graphml or json")
    if not out.parent.is_dir():
        raise fail(f"no folder {out.parent} to write {out.name} into")
    graph = _graph(corpus)
    writer(graph, out)
    echo_report("wrote", lang, out=out, nodes=graph.graph.number_of_nodes(),
                edges=graph.graph.number_of_edges())
