"""Running a comparison on the Scenarios page and showing it: intervals, deltas, sensitivity.

The runs are `analysis.comparison.run` calls, one scenario at a time so the progress bar moves;
they share the seed and the draws, so the merged results are the common-random-number comparison
`run` would give in one call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

import analysis
from workbench.session import current, t

RESULTS = "scn_results"


@dataclass(frozen=True)
class Comparison:
    """What the last run compared and how, with its results."""

    results: Any
    chosen: dict[str, str]
    baseline: str
    draws: int
    seed: int


def run_with_progress(
    chosen: dict[str, str], baseline: str, draws: int, seed: int, years: int | None
) -> Comparison:
    """Run each chosen scenario against the baseline, moving a progress bar after each."""
    bar = st.progress(0.0, text=t("scenarios.running", done=0, total=len(chosen)))
    runs: dict[str, Any] = {}
    last: Any = None
    items = list(chosen.values()) or [baseline]
    for index, item in enumerate(items, start=1):
        last = analysis.run([item], baseline=baseline, draws=draws, seed=seed, years=years)
        runs.update(last.runs)
        bar.progress(index / len(items), text=t("scenarios.running", done=index, total=len(items)))
    assert last is not None
    merged = analysis.Results(last.seed, last.draws, last.years, last.baseline, runs, last.book)
    bar.empty()
    return Comparison(merged, chosen, baseline, draws, seed)


def output_labeller() -> Callable[[str], str]:
    """Outputs named in the language chosen now (see `workbench.session.labeller`)."""
    names = analysis.output_labels(current().lang)
    return lambda output: names.get(output, output)


def delta_table(results: Any, output: str) -> pd.DataFrame:
    """Last year's difference from the baseline per scenario: median and 5–95% interval."""
    rows = []
    for name in results.names:
        value = results.summary(name, output)
        delta = results.delta_summary(name, output)
        rows.append({
            t("scenarios.col_scenario"): name,
            t("scenarios.col_median"): round(value.median[-1], 1),
            t("scenarios.col_interval"): f"{value.p5[-1]:,.1f} – {value.p95[-1]:,.1f}",
            t("scenarios.col_delta"): round(delta.median[-1], 1),
            t("scenarios.col_delta_interval"): f"{delta.p5[-1]:,.1f} – {delta.p95[-1]:,.1f}",
        })
    return pd.DataFrame(rows)


def results_csv(results: Any) -> bytes:
    """Every output of every scenario and year, values and differences, one row each."""
    rows = []
    for name in results.names:
        for output in results.outputs:
            value, delta = results.summary(name, output), results.delta_summary(name, output)
            for i, year in enumerate(value.year):
                rows.append({
                    "scenario": name, "baseline": results.baseline, "output": output,
                    "year": year, "median": value.median[i], "p5": value.p5[i],
                    "p95": value.p95[i], "delta_median": delta.median[i],
                    "delta_p5": delta.p5[i], "delta_p95": delta.p95[i],
                    "seed": results.seed, "draws": results.draws,
                })
    return pd.DataFrame(rows).to_csv(index=False).encode("utf-8")
