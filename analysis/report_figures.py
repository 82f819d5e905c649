"""Figures for the Word report: each scenario's difference from the baseline as a median line on
its shaded 5–95% band (matplotlib renders them, since Altair needs a browser engine for images)."""

from __future__ import annotations

import io

from matplotlib.figure import Figure

from analysis.outputs import Results
from analysis.wording import labels


def difference_figure(results: Results, output: str, lang: str) -> bytes:
    """A PNG of `output` minus the baseline, per year, for every scenario but the baseline."""
    words = labels(lang)
    # a bare Figure renders with Agg and keeps no global pyplot state between reports
    figure = Figure(figsize=(6.4, 3.2), dpi=150)
    axes = figure.add_subplot()
    for name in results.names:
        if name == results.baseline:
            continue
        delta = results.delta_summary(name, output)
        line = axes.plot(delta.year, delta.median, marker="o", markersize=3, label=name)[0]
        axes.fill_between(delta.year, delta.p5, delta.p95, alpha=0.2,
                          color=line.get_color())
    axes.axhline(0.0, color="grey", linewidth=0.8)
    axes.set_title(words["outputs"][output], fontsize=10)
    axes.set_xlabel(words["axes"]["year"])
    axes.set_ylabel(words["axes"]["delta"], fontsize=8)
    axes.legend(fontsize=7, title=f"{words['axes']['median']}, {words['axes']['interval']}",
                title_fontsize=7)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
