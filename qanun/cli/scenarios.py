"""`qanun scenarios list|run|sensitivity|report`: the criminalisation scenarios from the shell.

`--json` outputs are stable interfaces; `run --json` is
`{"seed", "draws", "scenarios": {NAME: {"outputs": {OUTPUT: {"year", "median", "p5", "p95"}},
"delta": {OUTPUT: {...}}}}}`.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated

import typer

import analysis
from qanun.cli.output import emit_json, fail

scenarios_app = typer.Typer(no_args_is_help=True,
                            help="Criminalisation scenarios: a stochastic flow model.")

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON (a stable interface).")]
Lang = Annotated[str, typer.Option("--lang", help="az or en.")]
Baseline = Annotated[str, typer.Option("--baseline", help="Scenario name or file to compare with.")]
Draws = Annotated[int, typer.Option("--draws", min=1, help="Parameter draws.")]
Seed = Annotated[int, typer.Option("--seed", help="Seed of the random streams (recorded).")]
Years = Annotated[int | None, typer.Option("--years", min=1, help="Years (default 10).")]


def register(app: typer.Typer) -> None:
    """Add `qanun scenarios …` to the root app."""
    app.add_typer(scenarios_app, name="scenarios")


@scenarios_app.command("list")
def list_command(as_json: JsonFlag = False, lang: Lang = "az") -> None:
    """The shipped scenarios: S0 … S7, the S1–S4 package and the Twinning levers."""
    try:
        infos = analysis.list_scenarios()
    except (KeyError, ValueError) as error:  # ScenarioFileError is a ValueError
        raise fail(_message(error)) from None
    if as_json:
        emit_json({"scenarios": infos})
        return
    shown = [{**info, "title": info["title"][lang]} for info in infos]
    typer.echo(_render("list.txt.j2", _lang(lang), scenarios=shown), nl=False)


@scenarios_app.command("run")
def run_command(
    names: Annotated[list[str] | None, typer.Argument(help="Scenario names or YAML files.")] = None,
    baseline: Baseline = "S0",
    draws: Draws = analysis.DEFAULT_DRAWS,
    seed: Seed = analysis.DEFAULT_SEED,
    years: Years = None,
    as_json: JsonFlag = False,
    lang: Lang = "az",
) -> None:
    """Run scenarios against the baseline (all shipped scenarios when none is named)."""
    try:
        results = analysis.run(names or analysis.shipped_names(), baseline=baseline,
                               draws=draws, seed=seed, years=years)
    except (KeyError, ValueError) as error:  # ScenarioFileError is a ValueError
        raise fail(_message(error)) from None
    if as_json:
        emit_json(results.as_json())
        return
    typer.echo(_run_text(results, _lang(lang)), nl=False)


@scenarios_app.command("sensitivity")
def sensitivity_command(
    name: Annotated[str, typer.Argument(help="Scenario name or YAML file.")],
    output: Annotated[str, typer.Option("--output", help="Output whose difference to explain.")],
    baseline: Baseline = "S0",
    samples: Annotated[int, typer.Option("--samples", min=2, help="Sobol base sample N.")] = 1024,
    trajectories: Annotated[int, typer.Option("--trajectories", min=2,
                                              help="Morris trajectories.")] = 64,
    seed: Seed = analysis.DEFAULT_SEED,
    years: Years = None,
    as_json: JsonFlag = False,
    lang: Lang = "az",
) -> None:
    """Morris screening and Sobol indices of one output's difference from the baseline."""
    try:
        result = analysis.sensitivity(name, output, baseline=baseline, years=years, seed=seed,
                                      sobol_samples=samples, morris_trajectories=trajectories)
    except (KeyError, ValueError) as error:  # ScenarioFileError is a ValueError
        raise fail(_message(error)) from None
    if as_json:
        emit_json(result.as_dict())
        return
    rows = [{"name": factor,
             "s1": _fixed(result.sobol.get(factor, {}).get("S1")),
             "st": _fixed(result.sobol.get(factor, {}).get("ST")),
             "mu": _fixed(result.morris.get(factor, {}).get("mu_star"))}
            for factor in result.ranking()]
    label = analysis.output_labels(_lang(lang))[output]
    typer.echo(_render("sensitivity.txt.j2", lang, s=result, rows=rows, label=label), nl=False)


@scenarios_app.command("report")
def report_command(
    names: Annotated[list[str], typer.Argument(help="Scenario names or YAML files.")],
    out: Annotated[Path, typer.Option("--out", help="The Word file to write (.docx).")],
    baseline: Baseline = "S0",
    draws: Draws = analysis.DEFAULT_DRAWS,
    seed: Seed = analysis.DEFAULT_SEED,
    years: Years = None,
    lang: Lang = "az",
    sensitivity_output: Annotated[
        str | None,
        typer.Option("--sensitivity", help="Add Sobol and Morris of this output's difference "
                                           "for the first scenario."),
    ] = None,
) -> None:
    """Write a Word report comparing the scenarios with the baseline."""
    if not out.parent.is_dir():
        raise fail(f"{out.parent} is not a folder: create it first or choose another --out")
    try:
        results = analysis.run(names, baseline=baseline, draws=draws, seed=seed, years=years)
        sensitivity = None
        if sensitivity_output:
            sensitivity = analysis.sensitivity(names[0], sensitivity_output, baseline=baseline,
                                               years=years, seed=seed)
        path = analysis.write_report(results, out, lang=_lang(lang), sensitivity=sensitivity)
    except (KeyError, ValueError) as error:  # ScenarioFileError is a ValueError
        raise fail(_message(error)) from None
    typer.echo(str(path))


def _run_text(results: analysis.Results, lang: str) -> str:
    names = analysis.output_labels(lang)
    scenarios = []
    for name in results.names:
        rows = []
        for output in analysis.REPORT_OUTPUTS:
            value, delta = results.summary(name, output), results.delta_summary(name, output)
            rows.append({"label": names[output], "median": value.median[-1],
                         "p5": value.p5[-1], "p95": value.p95[-1], "delta": delta.median[-1],
                         "delta_p5": delta.p5[-1], "delta_p95": delta.p95[-1]})
        scenarios.append({"name": name, "title": results.runs[name].scenario.title[lang],
                          "rows": rows})
    return _render("run.txt.j2", lang, baseline=results.baseline, draws=results.draws,
                  seed=results.seed, year=results.years[-1], scenarios=scenarios)


def _render(template: str, lang: str, **context: object) -> str:
    from analysis.wording import render

    return render(template, lang, **context)


def _lang(lang: str) -> str:
    if lang not in ("az", "en"):
        raise fail(f"unknown language {lang!r}: use az or en")
    return lang


def _fixed(value: float | None) -> str:
    return "—" if value is None or math.isnan(value) else f"{value:.3f}"


def _message(error: Exception) -> str:
    return str(error.args[0]) if isinstance(error, KeyError) and error.args else str(error)
