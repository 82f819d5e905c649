"""Morris screening and Sobol indices (SALib) of one output's difference from the baseline, over
the random priors that the two runs actually read."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from SALib.analyze import morris as morris_analyze
from SALib.analyze import sobol as sobol_analyze
from SALib.sample import morris as morris_sample
from SALib.sample import sobol as sobol_sample

from analysis.comparison import ScenarioLike, resolve
from analysis.defaults import DEFAULT_SEED
from analysis.distributions import is_random
from analysis.engine import OUTPUT_STAGES, simulate
from analysis.engine_inputs import MatrixUniforms, SeededUniforms
from analysis.parameters import ParameterBook, default_parameters
from analysis.scenario_files import Scenario

_PILOT_DRAWS = 8
_EDGE = 1e-9  # keeps unbounded quantile functions finite at the ends of the unit interval


@dataclass(frozen=True)
class Sensitivity:
    """Morris and Sobol measures of each factor for one output difference."""

    scenario: str
    baseline: str
    output: str
    year: int
    seed: int
    factors: list[str]
    morris: dict[str, dict[str, float | None]]
    sobol: dict[str, dict[str, float | None]]
    evaluations: int

    def as_dict(self) -> dict[str, object]:
        return {
            "scenario": self.scenario, "baseline": self.baseline, "output": self.output,
            "year": self.year, "seed": self.seed, "factors": self.factors,
            "evaluations": self.evaluations, "morris": self.morris, "sobol": self.sobol,
        }

    def ranking(self) -> list[str]:
        """Factors by total Sobol index (Morris μ* where Sobol was not run), largest first."""
        def weight(name: str) -> float:
            measure = self.sobol.get(name, {}).get("ST") or self.morris.get(name, {}).get(
                "mu_star")
            return measure or 0.0
        return sorted(self.factors, key=weight, reverse=True)


def factors_of(scenario: Scenario, baseline: Scenario, book: ParameterBook,
               years: int) -> list[str]:
    """The random priors that either scenario reads over the horizon."""
    pilot = SeededUniforms(DEFAULT_SEED, _PILOT_DRAWS)
    read: set[str] = set()
    for one in (scenario, baseline):
        run = simulate(one, book, pilot, years, keep=())
        read |= set().union(*run.reads.values())
    return sorted(name for name in read
                  if is_random(scenario.prior(name, book)) or is_random(baseline.prior(name, book)))


def output_difference(scenario: Scenario, baseline: Scenario, book: ParameterBook,
                      factors: list[str], design: np.ndarray, output: str,
                      years: int) -> np.ndarray:
    """The output difference in the last year for each row of a unit-hypercube design."""
    columns = {name: np.clip(design[:, i], _EDGE, 1 - _EDGE) for i, name in enumerate(factors)}
    source = MatrixUniforms(columns, design.shape[0])
    runs = [simulate(one, book, source, years, keep=(output,)) for one in (scenario, baseline)]
    return runs[0].outputs[output][-1] - runs[1].outputs[output][-1]


def sensitivity(scenario: ScenarioLike, output: str, baseline: ScenarioLike = "S0",
                years: int | None = None, seed: int = DEFAULT_SEED, sobol_samples: int = 1024,
                morris_trajectories: int = 64, methods: tuple[str, ...] = ("morris", "sobol"),
                book: ParameterBook | None = None) -> Sensitivity:
    """Morris and Sobol measures of `output` (scenario − baseline, in the last of `years`).

    SALib samples the unit interval and each prior's quantile function maps it, exactly as the
    ordinary draws do, so every factor varies over its own distribution.
    """
    if output not in OUTPUT_STAGES:
        raise KeyError(f"no output {output!r} (outputs: {', '.join(OUTPUT_STAGES)})")
    unknown = set(methods) - {"morris", "sobol"}
    if unknown:
        raise ValueError(f"unknown method(s) {sorted(unknown)}: use morris and/or sobol")
    book = book or default_parameters()
    chosen, base = resolve(scenario, book), resolve(baseline, book)
    horizon = years or book.years
    factors = factors_of(chosen, base, book, horizon)
    problem = {"num_vars": len(factors), "names": factors, "bounds": [[0.0, 1.0]] * len(factors)}
    evaluations = 0
    morris: dict[str, dict[str, float | None]] = {}
    sobol: dict[str, dict[str, float | None]] = {}
    if "morris" in methods and factors:
        design = morris_sample.sample(problem, morris_trajectories, num_levels=4, seed=seed)
        response = output_difference(chosen, base, book, factors, design, output, horizon)
        evaluations += len(design)
        measures = morris_analyze.analyze(problem, design, response, num_levels=4, seed=seed)
        morris = {name: {"mu_star": _number(measures["mu_star"][i]),
                         "mu_star_conf": _number(measures["mu_star_conf"][i]),
                         "sigma": _number(measures["sigma"][i])}
                  for i, name in enumerate(factors)}
    if "sobol" in methods and factors:
        design = sobol_sample.sample(problem, sobol_samples, calc_second_order=False, seed=seed)
        response = output_difference(chosen, base, book, factors, design, output, horizon)
        evaluations += len(design)
        sobol = _sobol_indices(problem, response, seed)
    return Sensitivity(chosen.name, base.name, output, book.start_year + horizon - 1, seed,
                       factors, morris, sobol, evaluations)


def _sobol_indices(problem: dict, response: np.ndarray, seed: int) -> dict[str, dict]:
    names = problem["names"]
    if float(np.var(response)) == 0.0:
        # no factor moves a difference that is identically zero (a copy of the baseline)
        zero = {"S1": 0.0, "S1_conf": 0.0, "ST": 0.0, "ST_conf": 0.0}
        return {name: dict(zero) for name in names}
    indices = sobol_analyze.analyze(problem, response, calc_second_order=False, seed=seed)
    return {name: {"S1": _number(indices["S1"][i]), "S1_conf": _number(indices["S1_conf"][i]),
                   "ST": _number(indices["ST"][i]), "ST_conf": _number(indices["ST_conf"][i])}
            for i, name in enumerate(names)}


def _number(value: float) -> float | None:
    value = float(value)
    return None if math.isnan(value) else value
