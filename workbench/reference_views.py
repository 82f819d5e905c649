"""What a provision cites, what cites it, what a change to it would touch, and its neighbourhood;
and the corpus-wide views of the graph (gaps, most depended-on provisions)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from corpus.model import Act, Provision
from workbench.links import provision_link
from workbench.session import labeller, t
from workbench.state import load_graph

IMPACT_DEPTH = 2
_SHOWN = 40


def provision_references(corpus: Any, act: Act, provision: Provision) -> None:
    from corpus import graph_queries as queries
    from corpus.graph import node_id

    graph = load_graph()
    node = node_id(act.work_id, provision.eid)
    if node not in graph.graph:
        st.caption(t("law.not_in_graph"))
        return
    inside = [node_id(act.work_id, p.eid) for p in provision.walk()]
    cites_col, cited_col = st.columns(2)
    with cites_col:
        st.markdown(f"#### {t('law.cites')}")
        _edges(graph, [(target, data) for n in inside for target, data in queries.cited(graph, n)],
               corpus)
    with cited_col:
        st.markdown(f"#### {t('law.cited_by')}")
        _edges(graph, [(source, data) for n in inside for source, data in queries.citers(graph, n)],
               corpus)
    with st.expander(t("law.impact", depth=IMPACT_DEPTH)):
        _impact(graph, node, corpus)
    with st.expander(t("law.neighbourhood"), expanded=True):
        # plotly takes half a second to import: only the provision view needs it.
        from workbench.neighbourhood import neighbourhood_figure

        figure = neighbourhood_figure(graph, node, _describe(graph))
        event = st.plotly_chart(figure, key=f"hood_{node}", on_select="rerun",
                                selection_mode="points")
        _follow_click(event)


def _describe(graph: Any) -> Any:
    def label(node: str) -> str:
        data = graph.graph.nodes[node]
        return f"{data.get('act', node)} {data.get('num') or data.get('eid') or ''}".strip()
    return label


def _edges(graph: Any, pairs: list[tuple[str, dict]], corpus: Any) -> None:
    seen: set[str] = set()
    unique = [(n, d) for n, d in pairs if not (n in seen or seen.add(n))]
    if not unique:
        st.caption(t("law.none"))
        return
    for other, data in unique[:_SHOWN]:
        _node_link(graph, other, corpus, data.get("text", ""), data.get("status", ""))
    if len(unique) > _SHOWN:
        st.caption(t("law.more", count=len(unique) - _SHOWN))


def _node_link(graph: Any, node: str, corpus: Any, text: str = "", status: str = "") -> None:
    data = graph.graph.nodes[node]
    act, eid, num = data.get("act", node), data.get("eid"), data.get("num") or ""
    label = t("law.ref", act=act, num=num or eid or "", text=text,
              status=t(f"ref_status.{status}") if status else "")
    if eid and act in corpus.works and data.get("kind") != "missing":
        provision_link(act, eid, label)
    else:
        st.markdown(f"{label} · _{t('law.not_in_corpus')}_")


def _impact(graph: Any, node: str, corpus: Any) -> None:
    from corpus import graph_queries as queries

    found = queries.impact(graph, node, depth=IMPACT_DEPTH)
    if not found:
        st.caption(t("law.no_impact"))
        return
    st.caption(t("law.impact_count", count=len(found)))
    for item in found[:_SHOWN]:
        _node_link(graph, item.node, corpus, t("law.distance", distance=item.distance))


def _follow_click(event: Any) -> None:
    points = (event or {}).get("selection", {}).get("points", []) if event else []
    for point in points:
        target = point.get("customdata")
        if target and len(target) == 2 and target[1]:
            st.query_params["act"], st.query_params["eid"] = target[0], target[1]
            st.rerun()


def corpus_wide_panel(corpus: Any) -> None:
    from corpus import graph_queries as queries

    graph = load_graph()
    statuses = ("unresolved", "dangling", "ambiguous")
    counts = {s: sum(1 for r in graph.references if r.status == s) for s in statuses}
    columns = st.columns(len(statuses) + 1)
    columns[0].metric(t("law.references_total"), len(graph.references))
    for column, status in zip(columns[1:], statuses, strict=True):
        column.metric(t(f"ref_status.{status}"), counts[status])
    st.markdown(f"#### {t('law.most_depended')}")
    for row in queries.most_depended_on(graph, 20):
        provision_link(row["act"], row["eid"], t("law.depended_row", act=row["act"],
                       num=row["num"] or row["eid"], count=row["in_degree"],
                       score=row["score"]))
    status = st.radio(t("law.gaps"), statuses, horizontal=True, key="law_gap_status",
                      format_func=labeller("ref_status"))
    rows = queries.gaps(graph, status)
    st.dataframe(
        [{t("law.col_source"): f"{r['source']['act']} {r['source']['num']}",
          t("law.col_text"): r["text"],
          t("law.col_targets"): ", ".join(f"{x['act']} {x['num'] or ''}".strip()
                                          for x in r["targets"])}
         for r in rows],
        hide_index=True, width="stretch",
    )
