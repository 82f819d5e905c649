"""The Word report of a comparison: scenarios, assumptions with sources, results, sensitivity,
caveats. The wording comes from `templates/analysis/{az,en}/report.md.j2`; this module only lays
it out and fills the tables with numbers."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.document import Document
from docx.shared import Cm, Pt

from analysis.outputs import Results
from analysis.report_figures import difference_figure
from analysis.wording import labels, number, render

if TYPE_CHECKING:  # SALib is slow to import; the report only needs the type
    from analysis.sensitivity_analysis import Sensitivity

REPORT_OUTPUTS = ("complaints", "criminal_cases", "protection_orders", "persons_charged",
                  "convictions", "prison_stock", "support_served", "true_repeats",
                  "recorded_repeats", "femicides", "cost_total")
HEADLINE_OUTPUTS = ("true_repeats", "femicides", "criminal_cases", "cost_total")
# column widths of each table (cm), within the 16.5 cm between the default margins
_WIDTHS_CM = {
    "levers": (1.6, 4.4, 1.3, 1.7, 7.5),
    "results": (1.5, 4.4, 1.9, 3.3, 2.2, 3.2),
    "assumptions": (3.6, 3.8, 1.9, 7.2),
    "sensitivity": (6.0, 3.0, 3.0, 3.0),
}


def write_report(results: Results, path: str | Path, lang: str = "az",
                 sensitivity: Sensitivity | None = None) -> Path:
    """Write the comparison to `path` (.docx) in `lang` ("az" or "en") and return the path."""
    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise ValueError(f"the report is a Word file: give a .docx path (got {path.name})")
    words = labels(lang)
    text = render("report.md.j2", lang, **_context(results, lang, sensitivity))
    document = docx.Document()
    document.core_properties.title = text.splitlines()[0].removeprefix("# ")
    document.core_properties.language = lang
    tables = {
        "levers": lambda: _levers_table(results, words),
        "results": lambda: _results_table(results, words, lang),
        "assumptions": lambda: _assumptions_table(results, words),
        "sensitivity": lambda: _sensitivity_table(sensitivity, words),
        "@chart": lambda output: difference_figure(results, output, lang),
    }
    for line in text.splitlines():
        _lay_out(document, line, tables)
    document.save(str(path))
    return path


def _lay_out(document: Document, line: str, tables: dict) -> None:
    if not line.strip():
        return
    if line.startswith("## "):
        document.add_heading(line[3:], level=1)
    elif line.startswith("# "):
        document.add_heading(line[2:], level=0)
    elif line.startswith("- "):
        document.add_paragraph(line[2:], style="List Bullet")
    elif line.startswith("@table "):
        name = line.split()[1]
        header, rows = tables[name]()
        _add_table(document, header, rows, _WIDTHS_CM[name])
    elif line.startswith("@chart "):
        figure = tables["@chart"](line.split()[1])
        document.add_picture(io.BytesIO(figure), width=Cm(16))
    else:
        document.add_paragraph(line)


def _add_table(document: Document, header: list[str], rows: list[list[str]],
               widths: tuple[float, ...]) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # LibreOffice lays out by the grid, Word by the cells
    for index, row in enumerate([header, *rows]):
        cells = table.rows[0].cells if index == 0 else table.add_row().cells
        for cell, text, width in zip(cells, row, widths, strict=True):
            cell.width = Cm(width)
            run = cell.paragraphs[0].add_run(text)
            run.font.size = Pt(8)
            run.bold = index == 0


def _context(results: Results, lang: str, sensitivity: Sensitivity | None) -> dict:
    names = labels(lang)["outputs"]
    runs = results.runs
    base = runs[results.baseline].scenario
    others = [name for name in results.names if name != results.baseline]
    headlines = []
    for name in others:
        for output in HEADLINE_OUTPUTS:
            delta = results.delta_summary(name, output)
            headlines.append({"scenario": name, "label": names[output], "median": delta.median[-1],
                              "p5": delta.p5[-1], "p95": delta.p95[-1]})
    context = {
        "titles": [runs[name].scenario.title[lang] for name in others] or [base.title[lang]],
        "baseline": {"name": base.name, "title": base.title[lang]},
        "scenarios": [{"name": run.scenario.name, "title": run.scenario.title[lang],
                       "summary": run.scenario.summary[lang], "levers": run.scenario.levers}
                      for run in runs.values()],
        "years": results.years, "draws": results.draws, "seed": results.seed,
        "headlines": headlines, "sensitivity": None,
    }
    if sensitivity is not None:
        context["sensitivity"] = {
            "scenario": sensitivity.scenario, "baseline": sensitivity.baseline,
            "label": names[sensitivity.output], "year": sensitivity.year,
            "top": sensitivity.ranking()[:3],
            "samples": sensitivity.evaluations,
        }
    return context


def _levers_table(results: Results, words: dict) -> tuple[list[str], list[list[str]]]:
    columns = words["columns"]
    header = [columns["scenario"], columns["lever"], columns["value"], columns["in_force"],
              columns["reference"]]
    rows = [[name, setting.path, f"{setting.value:g}", str(setting.in_force), setting.reference]
            for name, run in results.runs.items()
            for setting in run.scenario.levers.values()]
    return header, rows


def _results_table(results: Results, words: dict, lang: str) -> tuple[list[str], list[list[str]]]:
    columns = words["columns"]
    header = [columns["scenario"], columns["output"], columns["median"], columns["interval"],
              columns["delta"], columns["delta_interval"]]
    rows = []
    for name in results.names:
        for output in REPORT_OUTPUTS:
            value, delta = results.summary(name, output), results.delta_summary(name, output)
            rows.append([
                name, words["outputs"][output], number(value.median[-1], lang),
                f"{number(value.p5[-1], lang)} – {number(value.p95[-1], lang)}",
                number(delta.median[-1], lang),
                f"{number(delta.p5[-1], lang)} – {number(delta.p95[-1], lang)}",
            ])
    return header, rows


def _assumptions_table(results: Results, words: dict) -> tuple[list[str], list[list[str]]]:
    columns = words["columns"]
    header = [columns["parameter"], columns["distribution"], columns["status"], columns["source"]]
    used = sorted(set().union(*(set().union(*run.reads.values()) for run in results.runs.values())))
    rows = []
    for name in used:
        prior = results.book.priors[name]
        rows.append([name, _shape(prior.distribution), prior.status, prior.source])
        for run in results.runs.values():
            if name in run.scenario.priors:  # a scenario's own assumption, shown beside
                rows.append([f"{name} ({run.scenario.name})",
                             _shape(run.scenario.priors[name]), prior.status,
                             str(run.scenario.path)])
    return header, rows


def _shape(distribution: object) -> str:
    spec = distribution.model_dump()
    kind = spec.pop("distribution")
    return f"{kind} ({', '.join(f'{key} {value:g}' for key, value in spec.items())})"


def _sensitivity_table(result: Sensitivity | None,
                       words: dict) -> tuple[list[str], list[list[str]]]:
    columns = words["columns"]
    header = [columns["factor"], columns["first_order"], columns["total_order"],
              columns["mu_star"]]
    if result is None:
        return header, []
    rows = []
    for name in result.ranking():
        sobol, morris = result.sobol.get(name, {}), result.morris.get(name, {})
        rows.append([name, _fixed(sobol.get("S1")), _fixed(sobol.get("ST")),
                     _fixed(morris.get("mu_star"))])
    return header, rows


def _fixed(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"
