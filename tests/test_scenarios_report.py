"""Sensitivity (SALib), Altair charts with intervals, and the Word report read back with lxml."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

import analysis
from analysis.wording import number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def results() -> analysis.Results:
    return analysis.run(["S2", "S4"], draws=200, seed=3)


@pytest.fixture(scope="module")
def prison_sensitivity() -> analysis.Sensitivity:
    return analysis.sensitivity("S2", "prison_stock", sobol_samples=128, morris_trajectories=16,
                                seed=4)


def test_sobol_and_morris_find_what_drives_the_prison_stock(
    prison_sensitivity: analysis.Sensitivity,
) -> None:
    ranking = prison_sensitivity.ranking()
    drivers = {"years_served", "s2_length_mult", "p_custody", "s2_custody_add"}
    assert ranking[0] in drivers
    assert set(ranking[:3]) <= drivers | {"p_conviction", "p_crime_case"}
    # priors that S2 and S0 never read are not factors at all, fixed ones neither
    assert "s4_p_po" not in prison_sensitivity.factors
    assert "complaints_base" not in prison_sensitivity.factors
    # the femicide hazard does not touch the prison stock: Morris screens it out
    assert prison_sensitivity.morris["tier_femicide_high"]["mu_star"] == 0.0
    assert prison_sensitivity.evaluations == (128 * (len(prison_sensitivity.factors) + 2)
                                              + 16 * (len(prison_sensitivity.factors) + 1))


def test_sensitivity_of_a_zero_difference_is_zero() -> None:
    nothing = analysis.sensitivity("S0", "criminal_cases", sobol_samples=32,
                                   morris_trajectories=4)
    assert all(row["ST"] == 0.0 for row in nothing.sobol.values())
    assert all(row["mu_star"] == 0.0 for row in nothing.morris.values())


def test_chart_draws_bands_not_only_medians(results: analysis.Results) -> None:
    spec = analysis.chart(results, "protection_orders", delta=True, lang="en").to_dict()
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
             for layer in spec["layer"]]
    assert marks == ["area", "line"]
    band = spec["layer"][0]["encoding"]
    assert band["y"]["field"] == "p5" and band["y2"]["field"] == "p95"
    assert spec["title"] == "Protection orders"
    rows = next(iter(spec["datasets"].values()))
    s4_last = next(r for r in rows if r["scenario"] == "S4" and r["year"] == 2035)
    assert s4_last["median"] == results.delta_summary("S4", "protection_orders").median[-1]
    assert len(rows) == 3 * 10
    azerbaijani = analysis.chart(results, "femicides", lang="az").to_dict()
    assert azerbaijani["title"] == "Qadın qətlləri"


def test_sensitivity_chart_has_confidence_rules(
    prison_sensitivity: analysis.Sensitivity,
) -> None:
    spec = analysis.sensitivity_chart(prison_sensitivity, lang="en").to_dict()
    rows = next(iter(spec["datasets"].values()))
    assert {row["measure"] for row in rows} == {"Sobol S1", "Sobol ST"}
    assert all(row["low"] <= row["value"] <= row["high"] for row in rows)


def _read_docx(path: Path) -> tuple[list[tuple[str, str]], list[list[list[str]]]]:
    """(style, text) of every body paragraph, and every table as rows of cell texts."""
    root = _document_xml(path)
    body = root.find(f"{W}body")
    paragraphs = []
    for p in body.findall(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        paragraphs.append((style.get(f"{W}val") if style is not None else "",
                           "".join(p.itertext())))
    tables = [[["".join(cell.itertext()) for cell in row.findall(f"{W}tc")]
               for row in table.findall(f"{W}tr")] for table in body.findall(f"{W}tbl")]
    return paragraphs, tables


def _document_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


# (language, headings the template gives, a caveat's words, a table header cell)
REPORT_LANGUAGES = (
    ("en", ["Scenarios", "Results in 2035", "Assumptions and their sources", "Sensitivity",
            "Caveats"], "Incapacitation in prison is not modelled", "Legal reference"),
    ("az", ["Ssenarilər", "2035-ci ilin nəticələri", "Fərziyyələr və onların mənbələri",
            "Həssaslıq", "Məhdudiyyətlər"], "təcridedici təsiri modelləşdirilmir",
     "Hüquqi istinad"),
)


@pytest.mark.parametrize(("lang", "headings", "caveat", "header"), REPORT_LANGUAGES,
                         ids=[row[0] for row in REPORT_LANGUAGES])
def test_word_report_reads_back(
    tmp_path: Path, results: analysis.Results, prison_sensitivity: analysis.Sensitivity,
    lang: str, headings: list[str], caveat: str, header: str,
) -> None:
    path = analysis.write_report(results, tmp_path / f"report-{lang}.docx", lang=lang,
                                 sensitivity=prison_sensitivity)
    paragraphs, tables = _read_docx(path)
    assert [text for style, text in paragraphs if style == "Heading1"] == headings
    assert paragraphs[0][0] == "Title"
    assert any(caveat in text for _, text in paragraphs)
    levers, outcomes, assumptions, factors = tables
    assert levers[0][-1] == header
    assert ["S2", "criminal_law.aggravating_circumstance", "1", "2027",
            "criminal-code:art_61__para_1"] in levers
    label = analysis.output_labels(lang)["protection_orders"]
    row = next(r for r in outcomes if r[:2] == ["S4", label])
    assert row[4] == number(results.delta_summary("S4", "protection_orders").median[-1], lang)
    sources = {r[0]: r[3] for r in assumptions[1:]}
    assert sources["p_crime_case"] == "2023: 1,482 DV crimes / 9,389 complaints"
    assert sources["s4_p_po"].startswith("Georgia ROs 7,646 (2018)")
    assert factors[1][0] == prison_sensitivity.ranking()[0]
    # three interval figures (true repeats, femicides, cost) sit in the results section
    assert len(_document_xml(path).findall(f".//{W}drawing")) == 3


def test_report_without_sensitivity_says_so(tmp_path: Path, results: analysis.Results) -> None:
    paragraphs, tables = _read_docx(analysis.write_report(results, tmp_path / "r.docx",
                                                          lang="en"))
    assert any("No sensitivity analysis was requested" in text for _, text in paragraphs)
    assert len(tables) == 3


def test_report_command_writes_the_word_file(tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from qanun.cli import scenarios as scenarios_cli

    app = typer.Typer()
    scenarios_cli.register(app)

    @app.callback()
    def _root() -> None:
        """The root app."""

    out = tmp_path / "S1-S4.docx"
    result = CliRunner().invoke(app, ["scenarios", "report", "S1-S4", "S7", "--out", str(out),
                                      "--draws", "50", "--lang", "en"])
    assert result.exit_code == 0, result.output
    paragraphs, tables = _read_docx(out)
    assert paragraphs[0][1] == "Criminalisation scenarios: Package S1–S4, Service capacity"
    assert ["S1-S4", "protection.barring_orders", "1", "2027",
            "dv-law (police barring order; package s4-barring-orders); "
            "civil-procedure-code:chp_40-1"] in tables[0]


# (year, as Azerbaijani writes its ordinal: the suffix follows the last number word)
ORDINALS = ((2026, "2026-cı"), (2027, "2027-ci"), (2029, "2029-cu"), (2030, "2030-cu"),
            (2033, "2033-cü"), (2035, "2035-ci"), (2040, "2040-cı"), (2100, "2100-cü"),
            (2000, "2000-ci"), (2024, "2024-cü"))


@pytest.mark.parametrize(("year", "written"), ORDINALS)
def test_azerbaijani_ordinals_follow_vowel_harmony(year: int, written: str) -> None:
    from analysis.wording import ordinal_az

    assert ordinal_az(year) == written
