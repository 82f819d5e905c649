"""Run several scenarios against a baseline on the same draws (common random numbers)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from analysis.defaults import DEFAULT_DRAWS, DEFAULT_SEED
from analysis.engine import OUTPUTS, simulate
from analysis.engine_inputs import SeededUniforms
from analysis.outputs import Results
from analysis.parameters import ParameterBook, default_parameters
from analysis.scenario_files import Scenario, load_scenario

ScenarioLike = str | Path | Scenario


def resolve(item: ScenarioLike, book: ParameterBook) -> Scenario:
    return item if isinstance(item, Scenario) else load_scenario(item, book)


def run(scenarios: Iterable[ScenarioLike], baseline: ScenarioLike = "S0",
        draws: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED, years: int | None = None,
        outputs: tuple[str, ...] = OUTPUTS, book: ParameterBook | None = None) -> Results:
    """Compare `scenarios` with `baseline`, e.g. `run(["S1", "S4"], baseline="S0", draws=2000)`.

    The baseline is run first and included in the results; any scenario can be the baseline.
    """
    book = book or default_parameters()
    if draws < 1:
        raise ValueError(f"draws must be at least 1 (got {draws})")
    if years is not None and years < 1:
        raise ValueError(f"years must be at least 1 (got {years})")
    base = resolve(baseline, book)
    chosen = [base]
    for item in scenarios:
        scenario = resolve(item, book)
        same_name = next((s for s in chosen if s.name == scenario.name), None)
        if same_name is None:
            chosen.append(scenario)
        elif same_name.path != scenario.path:
            raise ValueError(f"two scenarios are named {scenario.name!r}: {same_name.path} and "
                             f"{scenario.path}")
    source = SeededUniforms(seed, draws)
    horizon = years or book.years
    runs = {s.name: simulate(s, book, source, horizon, outputs) for s in chosen}
    calendar = runs[base.name].years
    return Results(seed, draws, calendar, base.name, runs, book)
