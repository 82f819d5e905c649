"""The results of a comparison: every output per scenario and year, as medians with 5–95%
intervals, as draw-by-draw differences from the baseline, and traced back to its parameters."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from analysis.engine import OUTPUT_STAGES, OUTPUTS, ScenarioRun
from analysis.engine_inputs import STAGES
from analysis.parameters import ParameterBook

QUANTILES = (0.05, 0.5, 0.95)


@dataclass(frozen=True)
class Interval:
    """An output's yearly median and 5–95% interval (of its values or of its differences)."""

    year: list[int]
    median: list[float]
    p5: list[float]
    p95: list[float]

    def as_dict(self) -> dict[str, list]:
        return {"year": self.year, "median": self.median, "p5": self.p5, "p95": self.p95}


@dataclass(frozen=True)
class Trace:
    """The parameter values behind one output of one scenario in one year and draw."""

    scenario: str
    output: str
    year: int
    draw: int
    value: float
    delta: float
    priors: dict[str, dict[str, object]]
    levers: dict[str, dict[str, object]]

    def as_dict(self) -> dict[str, object]:
        return {
            "scenario": self.scenario, "output": self.output, "year": self.year,
            "draw": self.draw, "value": self.value, "delta": self.delta,
            "priors": self.priors, "levers": self.levers,
        }


@dataclass
class Results:
    """Runs of several scenarios on the same draws (common random numbers) and one baseline."""

    seed: int
    draws: int
    years: list[int]
    baseline: str
    runs: dict[str, ScenarioRun]
    book: ParameterBook
    _cache: dict[tuple[str, str, bool], Interval] = field(default_factory=dict, repr=False)

    @property
    def names(self) -> list[str]:
        return list(self.runs)

    @property
    def outputs(self) -> tuple[str, ...]:
        return tuple(name for name in OUTPUTS if name in self.runs[self.baseline].outputs)

    def values(self, scenario: str, output: str) -> np.ndarray:
        """The output's values, years × draws."""
        return self._run(scenario).outputs[self._output(output)]

    def delta(self, scenario: str, output: str) -> np.ndarray:
        """Scenario minus baseline, draw by draw (exactly zero for a copy of the baseline)."""
        return self.values(scenario, output) - self.values(self.baseline, output)

    def summary(self, scenario: str, output: str) -> Interval:
        return self._interval(scenario, output, False)

    def delta_summary(self, scenario: str, output: str) -> Interval:
        return self._interval(scenario, output, True)

    def as_json(self, outputs: tuple[str, ...] | None = None) -> dict[str, object]:
        """The stable `qanun scenarios run --json` shape."""
        chosen = outputs or self.outputs
        for name in self.names:
            for delta in (False, True):
                self._summarise_together(name, chosen, delta)
        return {
            "seed": self.seed,
            "draws": self.draws,
            "scenarios": {
                name: {
                    "outputs": {o: self.summary(name, o).as_dict() for o in chosen},
                    "delta": {o: self.delta_summary(name, o).as_dict() for o in chosen},
                }
                for name in self.names
            },
        }

    def trace(self, scenario: str, output: str, year: int | None = None,
              draw: int | None = None) -> Trace:
        """Name the priors and levers behind `output`, with their values in `draw` (by default
        the draw whose value is the median of that year).

        The priors are those read by the output's stage and every stage upstream of it; from the
        second year on, last year's repeats feed this year, so the repeat stage counts too.
        """
        run = self._run(scenario)
        year = year or self.years[-1]
        row = self._year_index(year)
        values = self.values(scenario, output)[row]
        if draw is None:
            draw = int(np.argsort(values, kind="stable")[len(values) // 2])
        stage = OUTPUT_STAGES[output]
        upstream = set(STAGES[: STAGES.index(stage) + 1])
        if row > 0:
            upstream |= {"repeats"}
        names = sorted(set().union(*(run.reads[s] for s in upstream)))
        priors = {
            name: {
                "value": float(run.priors[name][draw]),
                "status": self.book.priors[name].status,
                "source": self.book.priors[name].source,
            }
            for name in names
        }
        lever_values = run.levers[row]
        levers = {
            path: {
                "value": value,
                "reference": run.scenario.levers[path].reference
                if path in run.scenario.levers else self.book.levers[path].reference,
            }
            for path, value in lever_values.items()
            if value != self.book.levers[path].default
        }
        return Trace(scenario, output, year, draw, float(values[draw]),
                     float(self.delta(scenario, output)[row, draw]), priors, levers)

    def _interval(self, scenario: str, output: str, delta: bool) -> Interval:
        key = (scenario, output, delta)
        if key not in self._cache:
            data = self.delta(scenario, output) if delta else self.values(scenario, output)
            low, middle, high = np.quantile(data, QUANTILES, axis=1)
            self._cache[key] = Interval(list(self.years), middle.tolist(), low.tolist(),
                                        high.tolist())
        return self._cache[key]

    def _summarise_together(self, scenario: str, outputs: tuple[str, ...], delta: bool) -> None:
        """Fill the cache for many outputs with one quantile call (far fewer passes)."""
        missing = [o for o in outputs if (scenario, o, delta) not in self._cache]
        if not missing:
            return
        read = self.delta if delta else self.values
        stacked = np.concatenate([read(scenario, output) for output in missing])
        low, middle, high = np.quantile(stacked, QUANTILES, axis=1)
        years = len(self.years)
        for index, output in enumerate(missing):
            rows = slice(index * years, (index + 1) * years)
            self._cache[(scenario, output, delta)] = Interval(
                list(self.years), middle[rows].tolist(), low[rows].tolist(),
                high[rows].tolist())

    def _run(self, scenario: str) -> ScenarioRun:
        if scenario not in self.runs:
            raise KeyError(f"no scenario {scenario!r} in these results (have {self.names})")
        return self.runs[scenario]

    def _output(self, output: str) -> str:
        if output not in OUTPUT_STAGES:
            raise KeyError(f"no output {output!r} (outputs: {', '.join(OUTPUTS)})")
        return output

    def _year_index(self, year: int) -> int:
        if year not in self.years:
            raise KeyError(f"no year {year} (years {self.years[0]}–{self.years[-1]})")
        return self.years.index(year)
