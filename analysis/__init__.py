"""Criminalisation scenarios: a stochastic stock-and-flow model with honest uncertainty.

The public API (the workbench and the CLI use only this):

- `list_scenarios()` → the shipped scenarios as JSON-able dicts (name, title, summary in az and
  en, components, levers with value, year in force and legal reference); `shipped_names()`.
- `load_scenario(name_or_path)` → `Scenario` (YAML validated strictly; packages composed);
  `scenario_from_text(text, label)` validates a scenario being edited and
  `scenario_yaml(name, title, levers, priors, compose)` writes one from an editor. Errors are
  `ScenarioFileError`s naming the file, line and key.
- `run(scenarios, baseline="S0", draws=1000, seed=DEFAULT_SEED, years=None)` → `Results`:
  `.summary(name, output)` / `.delta_summary(name, output)` give `Interval`s (year, median,
  p5, p95), `.values` / `.delta` the raw years × draws arrays, `.trace(name, output, year)` the
  priors and levers behind a value, `.as_json()` the stable `qanun scenarios run --json` shape.
- `sensitivity(scenario, output, baseline="S0", ...)` → `Sensitivity` (Morris and Sobol).
- `chart(results, output, delta=False, lang="en")`, `sensitivity_chart(result)` → Altair charts
  with 5–95% bands; `write_report(results, path, lang, sensitivity=None)` → a Word file.
- `levers()` and `priors()` → every lever (bounds, default, legal reference) and prior
  (distribution, bounds, source) for validated editing; `OUTPUTS`, `output_labels(lang)`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from analysis.defaults import DEFAULT_DRAWS, DEFAULT_SEED

if TYPE_CHECKING:
    from analysis.parameters import Lever, Prior

# the model pulls numpy, scipy, SALib, Altair and python-docx: load each part when first used so
# that `qanun` commands of the other wings do not wait for it
_LAZY = {
    "chart": "analysis.charts", "sensitivity_chart": "analysis.charts",
    "run": "analysis.comparison", "OUTPUTS": "analysis.engine",
    "Interval": "analysis.outputs", "Results": "analysis.outputs", "Trace": "analysis.outputs",
    "Lever": "analysis.parameters", "Prior": "analysis.parameters",
    "REPORT_OUTPUTS": "analysis.report", "write_report": "analysis.report",
    "Scenario": "analysis.scenario_files", "load_scenario": "analysis.scenario_files",
    "scenario_from_text": "analysis.scenario_files", "shipped_names": "analysis.scenario_files",
    "scenario_yaml": "analysis.scenario_files",
    "Sensitivity": "analysis.sensitivity_analysis", "sensitivity": "analysis.sensitivity_analysis",
    "ScenarioFileError": "analysis.yaml_source",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = [
    "DEFAULT_DRAWS", "DEFAULT_SEED", "OUTPUTS", "REPORT_OUTPUTS", "Interval", "Lever", "Prior",
    "Results", "Scenario", "ScenarioFileError", "Sensitivity", "Trace", "chart", "levers",
    "list_scenarios", "load_scenario", "output_labels", "priors", "run", "scenario_from_text",
    "scenario_yaml", "sensitivity", "sensitivity_chart", "shipped_names", "write_report",
]


def list_scenarios() -> list[dict[str, object]]:
    """Every shipped scenario, e.g. `{"name": "S4", "title": {"az": …, "en": …}, …}`."""
    from analysis.scenario_files import load_scenario, shipped_names

    described = []
    for name in shipped_names():
        scenario = load_scenario(name)
        described.append({
            "name": scenario.name,
            "title": scenario.title,
            "summary": scenario.summary,
            "components": list(scenario.components),
            "levers": [{"path": s.path, "value": s.value, "in_force": s.in_force,
                        "reference": s.reference} for s in scenario.levers.values()],
            "path": str(scenario.path),
        })
    return described


def levers() -> dict[str, Lever]:
    """The lever tree by dotted path, e.g. `levers()["police.pro_arrest"].bounds == (0, 1)`."""
    from analysis.parameters import default_parameters

    return dict(default_parameters().levers)


def priors() -> dict[str, Prior]:
    """Every behavioural prior by name with its distribution, bounds (`.bounds()`) and source."""
    from analysis.parameters import default_parameters

    return dict(default_parameters().priors)


def output_labels(lang: str = "az") -> dict[str, str]:
    """Readable names of the outputs in `lang`, from the templates."""
    from analysis.wording import labels

    return dict(labels(lang)["outputs"])
