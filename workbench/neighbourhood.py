"""The neighbourhood of one provision as a small interactive plotly graph, laid out in Python.

Only the provision, what it cites and what cites it (and, for an article, its points' links)
are drawn, never the whole graph: citing provisions on the left, cited ones on the right, the
provision in the middle, so the picture reads like the lists beside it and never moves.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import plotly.graph_objects as go

MAX_SIDE = 18
_COLOURS = {"centre": "#1f4e79", "cites": "#2e7d32", "cited_by": "#b26a00", "missing": "#9e9e9e"}


def neighbours(graph: Any, node: str) -> tuple[list[str], list[str]]:
    """(citing provisions, cited provisions) of `node` and of the provisions inside it."""
    from corpus import graph_queries as queries
    from corpus.graph import CONTAINS

    inside = [node]
    stack = [node]
    while stack:
        for _, child, key in graph.graph.out_edges(stack.pop(), keys=True):
            if key == CONTAINS and graph.graph.nodes[child].get("kind") not in ("term",):
                inside.append(child)
                stack.append(child)
    citing = list(dict.fromkeys(s for n in inside for s, _ in queries.citers(graph, n)))
    cited = list(dict.fromkeys(c for n in inside for c, _ in queries.cited(graph, n)))
    return [n for n in citing if n not in inside], [n for n in cited if n not in inside]


def positions(citing: list[str], cited: list[str], centre: str) -> dict[str, tuple[float, float]]:
    """Fixed places: the centre at (0, 0), citing nodes on a left arc, cited on a right arc."""
    placed = {centre: (0.0, 0.0)}
    for side, nodes in ((-1.0, citing[:MAX_SIDE]), (1.0, cited[:MAX_SIDE])):
        count = len(nodes)
        for index, name in enumerate(nodes):
            if name in placed:
                continue
            angle = math.pi * ((index + 1) / (count + 1) - 0.5)
            placed[name] = (side * math.cos(angle), math.sin(angle))
    return placed


def neighbourhood_figure(graph: Any, node: str, label: Callable[[str], str]) -> go.Figure:
    citing, cited = neighbours(graph, node)
    placed = positions(citing, cited, node)
    figure = go.Figure()
    for group, nodes, towards in (("cited_by", citing, node), ("cites", cited, None)):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for name in nodes:
            if name not in placed:
                continue
            start, end = (placed[name], placed[node]) if towards else (placed[node], placed[name])
            xs += [start[0], end[0], None]
            ys += [start[1], end[1], None]
        figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip",
                                    line={"color": _COLOURS[group], "width": 1},
                                    showlegend=False))
    for group, nodes in (("cited_by", citing), ("cites", cited), ("centre", [node])):
        shown = [n for n in nodes if n in placed]
        data = [graph.graph.nodes[n] for n in shown]
        figure.add_trace(go.Scatter(
            x=[placed[n][0] for n in shown], y=[placed[n][1] for n in shown],
            mode="markers+text", text=[label(n) for n in shown], textposition="top center",
            hovertext=[d.get("heading") or label(n) for n, d in zip(shown, data, strict=True)],
            hoverinfo="text", name=group, showlegend=False,
            customdata=[[d.get("act", n), d.get("eid") if d.get("kind") != "missing" else None]
                        for n, d in zip(shown, data, strict=True)],
            marker={"size": 18 if group == "centre" else 12,
                    "color": [_COLOURS["missing"] if d.get("kind") == "missing"
                              else _COLOURS[group] for d in data]},
        ))
    figure.update_layout(height=420, margin={"l": 10, "r": 10, "t": 10, "b": 10},
                         xaxis={"visible": False, "range": [-1.5, 1.5]},
                         yaxis={"visible": False, "range": [-1.2, 1.2]}, dragmode=False)
    return figure
