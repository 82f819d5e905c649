"""`qanun scenarios …`: the stable --json shapes, the text for people, and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import analysis
from qanun.cli import scenarios as scenarios_cli


@pytest.fixture(scope="module")
def invoke():
    app = typer.Typer()
    scenarios_cli.register(app)

    @app.callback()
    def _root() -> None:
        """The root app, as qanun.cli builds it."""

    runner = CliRunner()
    return lambda *args: runner.invoke(app, ["scenarios", *args])


def test_run_json_has_the_stable_shape(invoke) -> None:
    result = invoke("run", "S2", "S4", "--draws", "50", "--seed", "7", "--years", "4", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"seed", "draws", "scenarios"}
    assert (data["seed"], data["draws"]) == (7, 50)
    assert list(data["scenarios"]) == ["S0", "S2", "S4"]
    for scenario in data["scenarios"].values():
        assert set(scenario) == {"outputs", "delta"}
        assert set(scenario["outputs"]) == set(analysis.OUTPUTS)
        for block in (scenario["outputs"]["prison_stock"], scenario["delta"]["prison_stock"]):
            assert set(block) == {"year", "median", "p5", "p95"}
            assert block["year"] == [2026, 2027, 2028, 2029]
            assert len(block["median"]) == len(block["p5"]) == len(block["p95"]) == 4
    assert data["scenarios"]["S0"]["delta"]["complaints"]["median"] == [0.0] * 4
    assert data["scenarios"]["S2"]["delta"]["prison_stock"]["p5"][-1] > 0
    assert data["scenarios"]["S4"]["outputs"]["complaints"]["median"][0] == 9389.0


def test_run_with_another_baseline_and_a_file(invoke, tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("name: Mine\ntitle: {az: Mənim, en: Mine}\n"
                    "levers:\n  services.support_places: {value: 5000, in_force: 2026}\n",
                    encoding="utf-8")
    result = invoke("run", str(mine), "--baseline", "S7", "--draws", "30", "--years", "3",
                    "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data["scenarios"]) == ["S7", "Mine"]
    assert data["scenarios"]["Mine"]["delta"]["support_served"]["median"][0] > 0


def test_run_text_is_worded_from_the_templates(invoke) -> None:
    english = invoke("run", "S4", "--draws", "30", "--years", "2", "--lang", "en")
    assert english.exit_code == 0, english.output
    assert "Baseline S0; 30 draws" in english.stdout
    assert "Protection orders" in english.stdout
    azerbaijani = invoke("run", "S4", "--draws", "30", "--years", "2")
    assert "Bazis ssenari S0; 30 seçim" in azerbaijani.stdout
    assert "Mühafizə orderləri" in azerbaijani.stdout
    assert "9\u00a0389" in azerbaijani.stdout  # Azerbaijani groups digits with a space


def test_list_json_and_text(invoke) -> None:
    result = invoke("list", "--json")
    assert result.exit_code == 0, result.output
    listed = {row["name"]: row for row in json.loads(result.stdout)["scenarios"]}
    assert listed["S1-S4"]["components"] == ["S1", "S2", "S3", "S4"]
    assert listed["S2"]["levers"] == [{
        "path": "criminal_law.aggravating_circumstance", "value": 1.0, "in_force": 2027,
        "reference": "criminal-code:art_61__para_1"}]
    text = invoke("list", "--lang", "en").stdout
    assert "S6     Risk-led targeting" in text
    assert "Polisin uzaqlaşdırma orderi" in invoke("list").stdout


def test_sensitivity_json(invoke) -> None:
    result = invoke("sensitivity", "S2", "--output", "prison_stock", "--samples", "64",
                    "--trajectories", "8", "--years", "5", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["scenario"], data["baseline"], data["output"], data["year"]) == (
        "S2", "S0", "prison_stock", 2030)
    assert set(data["sobol"]["s2_length_mult"]) == {"S1", "S1_conf", "ST", "ST_conf"}
    assert set(data["morris"]["s2_length_mult"]) == {"mu_star", "mu_star_conf", "sigma"}
    assert "complaints_base" not in data["factors"]  # fixed: not a factor


@pytest.mark.parametrize(("args", "words"), (
    (("run", "S99"), "no such scenario file or name"),
    (("run", "S1", "--baseline", "nowhere.yaml"), "nowhere.yaml"),
    (("sensitivity", "S2", "--output", "prisoners"), "no output 'prisoners'"),
    (("report", "S1", "--out", "report.pdf", "--draws", "10"), "give a .docx path"),
    (("run", "S1", "--lang", "fr", "--draws", "10"), "unknown language 'fr'"),
))
def test_user_errors_are_clear_and_exit_nonzero(invoke, args: tuple[str, ...],
                                                words: str) -> None:
    result = invoke(*args)
    assert result.exit_code != 0
    assert words in result.output
    assert "Traceback" not in result.output


def test_bad_scenario_file_error_reaches_the_user(invoke, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: Bad\ntitle: {az: B, en: B}\npriors:\n"
                   "  p_custody: {distribution: triangular, low: 0.2, mode: 0.4, high: 1.3}\n",
                   encoding="utf-8")
    result = invoke("run", str(bad), "--draws", "10")
    assert result.exit_code == 2
    assert "bad.yaml:4: priors.p_custody: probability outside [0, 1]" in result.output
