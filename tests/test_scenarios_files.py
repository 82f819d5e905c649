"""Scenario files: strict validation with file, line and key in every error; composition."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import analysis
from analysis.parameters import load_parameters
from analysis.scenario_files import load_scenario, scenario_from_text
from qanun.settings import shared_data_dir

HEAD = """\
name: X
title:
  az: Sınaq
  en: Trial
"""

# (what is wrong, the file's body after HEAD, expected line, expected key, words of the message)
BAD_FILES = (
    ("unknown top-level key", "levrs:\n  police.pro_arrest:\n    value: 1\n",
     5, "levrs", "unknown key 'levrs'"),
    ("unknown key inside a lever", "levers:\n  police.pro_arrest:\n    value: 1\n    from: 2027\n",
     8, "levers.police.pro_arrest.from", "unknown key 'from'"),
    ("unknown lever", "levers:\n  police.pro_arest:\n    value: 1\n",
     6, "levers.police.pro_arest", "unknown lever"),
    ("bad distribution", "priors:\n  rr_po:\n    distribution: normal\n    mean: 0.7\n",
     6, "priors.rr_po", "bad distribution 'normal'"),
    ("distribution missing", "priors:\n  rr_po:\n    low: 0.5\n",
     6, "priors.rr_po", "no 'distribution' given"),
    ("probability above 1",
     "priors:\n  p_custody:\n    distribution: triangular\n    low: 0.2\n    mode: 0.4\n"
     "    high: 1.3\n",
     6, "priors.p_custody", "probability outside [0, 1]"),
    ("probability below 0",
     "priors:\n  p_report_base:\n    distribution: beta\n    alpha: 2\n    beta: 5\n"
     "    low: -0.1\n    high: 0.5\n",
     6, "priors.p_report_base", "probability outside [0, 1]"),
    ("lognormal for a probability",
     "priors:\n  repeat_rate:\n    distribution: lognormal\n    median: 0.2\n    sigma: 0.3\n",
     6, "priors.repeat_rate", "probability outside [0, 1]"),
    ("triangular out of order",
     "priors:\n  rr_po:\n    distribution: triangular\n    low: 0.9\n    mode: 0.7\n"
     "    high: 0.95\n",
     6, "priors.rr_po", "triangular needs low <= mode <= high"),
    ("unknown prior", "priors:\n  rr_pox:\n    distribution: fixed\n    value: 1\n",
     6, "priors.rr_pox", "unknown prior"),
    ("lever share above its bounds", "levers:\n  police.pro_arrest:\n    value: 1.5\n",
     7, "levers.police.pro_arrest.value", "outside the lever's bounds [0, 1]"),
    ("switch neither on nor off", "levers:\n  criminal_law.dv_offence:\n    value: 0.5\n",
     7, "levers.criminal_law.dv_offence.value", "a switch is 0 (off) or 1 (on)"),
    ("a string where a number goes", "levers:\n  police.pro_arrest:\n    value: lots\n",
     7, "levers.police.pro_arrest.value", "valid number"),
    ("duplicate key", "levers:\n  police.pro_arrest:\n    value: 1\n    value: 0\n",
     8, "levers.police.pro_arrest.value", "duplicate key"),
)


@pytest.mark.parametrize(("case", "body", "line", "key", "words"), BAD_FILES,
                         ids=[row[0] for row in BAD_FILES])
def test_scenario_file_errors_name_file_line_and_key(
    tmp_path: Path, case: str, body: str, line: int, key: str, words: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    with pytest.raises(analysis.ScenarioFileError) as caught:
        load_scenario(path)
    message = str(caught.value)
    assert message.startswith(f"{path.resolve()}:{line}: {key}: "), message
    assert words in message
    assert (caught.value.line, caught.value.key) == (line, key)


def test_missing_title_is_named(tmp_path: Path) -> None:
    path = tmp_path / "untitled.yaml"
    path.write_text("name: X\n", encoding="utf-8")
    with pytest.raises(analysis.ScenarioFileError, match=r"untitled.yaml:1: title: missing key"):
        load_scenario(path)


def test_yaml_syntax_error_gives_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(HEAD + "levers: [unclosed\n", encoding="utf-8")
    with pytest.raises(analysis.ScenarioFileError, match=r"broken.yaml:\d+: not valid YAML"):
        load_scenario(path)


def test_unknown_scenario_name_lists_the_shipped_ones() -> None:
    with pytest.raises(analysis.ScenarioFileError, match=r"no such scenario.*S0, S1"):
        load_scenario("S99")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_composition_conflict_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path, "A", """\
        name: A
        title: {az: A, en: A}
        levers:
          police.pro_arrest: {value: 1, in_force: 2027}
        """)
    _write(tmp_path, "B", """\
        name: B
        title: {az: B, en: B}
        levers:
          police.pro_arrest: {value: 0.5, in_force: 2027}
        """)
    package = _write(tmp_path, "AB", """\
        name: AB
        title: {az: AB, en: AB}
        compose: [A.yaml, B.yaml]
        """)
    with pytest.raises(analysis.ScenarioFileError) as caught:
        load_scenario(package)
    message = str(caught.value)
    assert "AB.yaml:3: compose.1: conflict: A and B both set police.pro_arrest" in message
    assert "(1 from 2027 vs 0.5 from 2027)" in message


def test_composition_conflict_on_a_prior(tmp_path: Path) -> None:
    _write(tmp_path, "A", """\
        name: A
        title: {az: A, en: A}
        priors:
          rr_po: {distribution: fixed, value: 0.6}
        """)
    package = _write(tmp_path, "P", """\
        name: P
        title: {az: P, en: P}
        compose: [A.yaml, S4]
        priors:
          rr_po: {distribution: fixed, value: 0.9}
        """)
    with pytest.raises(analysis.ScenarioFileError, match=r"P.yaml:4: priors: conflict: A and P"):
        load_scenario(package)


def test_missing_component_is_named_where_it_is_composed(tmp_path: Path) -> None:
    package = _write(tmp_path, "P", """\
        name: P
        title: {az: P, en: P}
        compose:
          - S1
          - S9
        """)
    with pytest.raises(analysis.ScenarioFileError,
                       match=r"P.yaml:5: compose.1: 'S9': no such scenario file or name"):
        load_scenario(package)


def test_composition_cycle_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path, "A", "name: A\ntitle: {az: A, en: A}\ncompose: [B.yaml]\n")
    _write(tmp_path, "B", "name: B\ntitle: {az: B, en: B}\ncompose: [A.yaml]\n")
    with pytest.raises(analysis.ScenarioFileError, match=r"composition cycle A -> B -> A"):
        load_scenario(tmp_path / "A.yaml")


def test_identical_settings_in_two_components_do_not_conflict(tmp_path: Path) -> None:
    package = _write(tmp_path, "P", """\
        name: P
        title: {az: P, en: P}
        compose: [S4, S4.yaml]
        """)
    (tmp_path / "S4.yaml").write_text(
        (Path(analysis.load_scenario("S4").path)).read_text(encoding="utf-8").replace(
            "name: S4", "name: S4copy"), encoding="utf-8")
    scenario = load_scenario(package)
    assert scenario.levers["protection.barring_orders"].value == 1


def test_shipped_package_composes_s1_to_s4() -> None:
    package = load_scenario("S1-S4")
    assert package.components == ("S1", "S2", "S3", "S4")
    assert {path: setting.set_by for path, setting in package.levers.items()} == {
        "criminal_law.dv_offence": "S1",
        "criminal_law.aggravating_circumstance": "S2",
        "procedure.ex_officio_minor_harm": "S3",
        "protection.barring_orders": "S4",
        "protection.criminal_breach": "S4",
    }
    assert package.levers["criminal_law.aggravating_circumstance"].reference == (
        "criminal-code:art_61__para_1")
    assert package.levers["protection.barring_orders"].in_force == 2027


def test_every_shipped_scenario_loads_with_both_languages() -> None:
    listed = {info["name"]: info for info in analysis.list_scenarios()}
    assert {"S0", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S1-S4", "TW"} <= set(listed)
    assert listed["S0"]["levers"] == []
    assert listed["S7"]["levers"][0]["value"] == 3000
    twinning = {lever["path"] for lever in listed["TW"]["levers"]}
    assert twinning == {"twinning.police_training", "twinning.perpetrator_programme",
                        "twinning.awareness_campaign", "twinning.referral_mechanism"}
    for info in listed.values():
        assert info["title"]["az"] and info["title"]["en"]


def test_scenario_being_edited_is_validated_from_text() -> None:
    edited = HEAD + "levers:\n  police.pro_arrest:\n    value: 0.5\n    in_force: 2028-07-01\n"
    scenario = scenario_from_text(edited, label="workbench.yaml")
    assert scenario.levers["police.pro_arrest"].in_force == 2028
    with pytest.raises(analysis.ScenarioFileError, match=r"workbench.yaml:7: levers"):
        scenario_from_text(edited.replace("0.5", "2"), label="workbench.yaml")


def test_editor_settings_become_a_valid_scenario_file(tmp_path: Path) -> None:
    text = analysis.scenario_yaml(
        "Mine", {"az": "Mənim ssenarim", "en": "My scenario"},
        levers={"police.pro_arrest": {"value": 0.5, "in_force": 2028}},
        priors={"rr_po": {"distribution": "triangular", "low": 0.5, "mode": 0.6, "high": 0.8}},
        compose=["S7"])
    path = tmp_path / "Mine.yaml"
    path.write_text(text, encoding="utf-8")
    scenario = load_scenario(path)
    assert scenario.title["az"] == "Mənim ssenarim"
    assert scenario.levers["police.pro_arrest"].in_force == 2028
    assert scenario.levers["services.support_places"].set_by == "S7"
    assert scenario.priors["rr_po"].mode == 0.6
    with pytest.raises(analysis.ScenarioFileError,
                       match=r"Mine.yaml:\d+: priors.rr_po: ratio outside \[0, inf\]"):
        analysis.scenario_yaml("Mine", {"az": "M", "en": "M"},
                               priors={"rr_po": {"distribution": "fixed", "value": -1}})


def test_default_parameters_keep_every_csv_row_with_its_source() -> None:
    csv_rows = (shared_data_dir() / "scenario-parameters.csv").read_text(
        encoding="utf-8").splitlines()[1:]
    book = analysis.priors()
    for row in csv_rows:
        assert row.split(",")[0] in book
    assert book["p_crime_case"].source == "2023: 1,482 DV crimes / 9,389 complaints"
    assert book["p_crime_case"].distribution.mode == 0.158
    assert book["complaints_base"].distribution.value == 9389
    assert analysis.levers()["police.pro_arrest"].bounds == (0, 1)


def test_parameter_file_errors_are_named_too(tmp_path: Path) -> None:
    source = Path(analysis.parameters.PARAMETERS_FILE).read_text(encoding="utf-8")
    broken = source.replace("    high: 0.045\n", "    high: 1.045\n", 1)
    path = tmp_path / "parameters.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(analysis.ScenarioFileError, match=r"parameters.yaml:\d+: priors.p_po_base:"
                                                         r" probability outside \[0, 1\]"):
        load_parameters(path)
