"""Altair charts of a comparison: every median line sits on its 5–95% band, never alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt
import pandas as pd

from analysis.outputs import Results
from analysis.wording import labels

if TYPE_CHECKING:  # SALib is slow to import; the report only needs the type
    from analysis.sensitivity_analysis import Sensitivity


def interval_frame(results: Results, output: str, delta: bool = False,
                   scenarios: list[str] | None = None) -> pd.DataFrame:
    """One row per scenario and year: median, p5, p95 (of the values or of the differences)."""
    rows = []
    for name in scenarios or results.names:
        summary = (results.delta_summary if delta else results.summary)(name, output)
        for year, median, low, high in zip(summary.year, summary.median, summary.p5,
                                           summary.p95, strict=True):
            rows.append({"scenario": name, "year": year, "median": median, "p5": low,
                         "p95": high})
    return pd.DataFrame(rows)


def chart(results: Results, output: str, delta: bool = False, lang: str = "en",
          scenarios: list[str] | None = None) -> alt.LayerChart:
    """Yearly median lines over shaded 5–95% bands, one colour per scenario."""
    words = labels(lang)
    title = words["outputs"][output]
    frame = interval_frame(results, output, delta, scenarios)
    y_title = words["axes"]["delta"] if delta else words["axes"]["value"]
    base = alt.Chart(frame).encode(
        x=alt.X("year:O", title=words["axes"]["year"]),
        color=alt.Color("scenario:N", title=words["axes"]["scenario"]),
    )
    band = base.mark_area(opacity=0.2).encode(
        y=alt.Y("p5:Q", title=y_title), y2="p95:Q",
    )
    line = base.mark_line(point=True).encode(
        y="median:Q",
        tooltip=["scenario:N", "year:O", alt.Tooltip("median:Q", format=",.1f"),
                 alt.Tooltip("p5:Q", format=",.1f"), alt.Tooltip("p95:Q", format=",.1f")],
    )
    return alt.layer(band, line).properties(title=title)


def sensitivity_chart(result: Sensitivity, lang: str = "en", top: int = 12) -> alt.Chart:
    """Sobol first- and total-order indices with their confidence bars (Morris μ* if no Sobol)."""
    words = labels(lang)["columns"]
    rows = []
    for name in result.ranking()[:top]:
        if result.sobol:
            for key, conf, label in (("S1", "S1_conf", words["first_order"]),
                                     ("ST", "ST_conf", words["total_order"])):
                value = result.sobol[name][key] or 0.0
                spread = result.sobol[name][conf] or 0.0
                rows.append({"factor": name, "measure": label, "value": value,
                             "low": value - spread, "high": value + spread})
        else:
            value = result.morris[name]["mu_star"] or 0.0
            spread = result.morris[name]["mu_star_conf"] or 0.0
            rows.append({"factor": name, "measure": words["mu_star"], "value": value,
                         "low": value - spread, "high": value + spread})
    frame = pd.DataFrame(rows)
    order = result.ranking()[:top]
    base = alt.Chart(frame).encode(
        y=alt.Y("factor:N", sort=order, title=words["factor"]),
        yOffset="measure:N",
        color=alt.Color("measure:N", title=""),
    )
    bars = base.mark_bar().encode(x=alt.X("value:Q", title=""))
    errors = base.mark_rule().encode(x="low:Q", x2="high:Q")
    return alt.layer(bars, errors).properties(title=labels(lang)["outputs"][result.output])
