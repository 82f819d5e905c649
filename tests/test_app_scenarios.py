"""The Scenarios page in AppTest: a comparison on few draws, edits validated, sensitivity."""

from __future__ import annotations

from pathlib import Path

from app_fixtures import data_folder, open_page

from analysis.scenario_files import load_scenario

__all__ = ["data_folder", "open_page"]


def test_two_scenarios_run_against_the_baseline(open_page) -> None:
    at = open_page("scenarios")
    at.multiselect(key="scn_chosen").set_value(["S1", "S4"])
    at.number_input(key="scn_draws").set_value(50)
    at.button(key="scn_run").click().run()
    assert not at.exception and not at.error
    assert at.caption[0].value == (
        "Compared S0, S1, S4 with baseline S0 on 50 draws (seed 20260101)."
    )
    table = at.dataframe[0].value
    assert list(table["Scenario"]) == ["S0", "S1", "S4"]
    # The baseline differs from itself by exactly zero, draw by draw.
    assert table["Difference from baseline (median)"].iloc[0] == 0.0
    assert table["Difference from baseline (median)"].iloc[1] > 0
    assert len(at.get("vega_lite_chart")) == 1
    assert {b.proto.label for b in at.get("download_button")} >= {
        "Download the results (CSV)", "Download the report (Word, AZ)",
        "Download the report (Word, EN)",
    }


def test_protection_orders_rise_under_barring_orders(open_page) -> None:
    at = open_page("scenarios")
    at.multiselect(key="scn_chosen").set_value(["S4"])
    at.number_input(key="scn_draws").set_value(50)
    at.button(key="scn_run").click().run()
    at.selectbox(key="scn_output").set_value("protection_orders").run()
    table = at.dataframe[0].value
    assert table["Difference from baseline (median)"].iloc[1] > 0


def test_sensitivity_draws_a_tornado_of_sobol_indices(open_page) -> None:
    at = open_page("scenarios")
    at.multiselect(key="scn_chosen").set_value(["S4"])
    at.number_input(key="scn_draws").set_value(50)
    at.button(key="scn_run").click().run()
    at.select_slider(key="scn_samples").set_value(64)
    at.button(key="scn_sens_run").click().run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 2
    note = next(c.value for c in at.caption if "model evaluations" in c.value)
    assert note.startswith("2240 model evaluations") or "model evaluations" in note


def test_a_lever_value_outside_its_bounds_is_refused(open_page, data_folder: Path) -> None:
    at = open_page("scenarios")
    at.number_input(key="scn_edit_S0_police.pro_arrest").set_value(3)
    next(b for b in at.button if b.label == "Validate and save the scenario").click().run()
    assert [e.value for e in at.error] == [
        "Not saved: levers.police.pro_arrest.value (line 11): value 3 outside the lever's "
        "bounds [0, 1]"
    ]
    assert list((data_folder / "scenarios").glob("*.yaml")) == []


def test_a_valid_edit_is_saved_and_offered_for_comparison(open_page, data_folder: Path) -> None:
    at = open_page("scenarios")
    at.selectbox(key="scn_edit_base").set_value("S4").run()
    at.number_input(key="scn_edit_S4_twinning.police_training").set_value(1)
    next(b for b in at.button if b.label == "Validate and save the scenario").click().run()
    assert [s.value for s in at.success] == [
        "Scenario S4-edit saved; it is now in the list of scenarios to compare."
    ]
    saved = load_scenario(data_folder / "scenarios" / "S4-edit.yaml")
    assert saved.levers["protection.barring_orders"].value == 1.0
    assert saved.levers["protection.barring_orders"].in_force == 2027
    assert saved.levers["twinning.police_training"].value == 1.0
    assert "S4-edit (edited)" in at.multiselect(key="scn_chosen").options


def test_a_probability_prior_beyond_one_is_refused(open_page, data_folder: Path) -> None:
    at = open_page("scenarios")
    at.selectbox(key="scn_edit_S0_prior").set_value("p_report_base").run()
    at.number_input(key="scn_edit_S0_p_report_base_high").set_value(1.5)
    next(b for b in at.button if b.label == "Validate and save the scenario").click().run()
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and errors[0].startswith("Not saved: priors.p_report_base")
    assert "1.5" in errors[0]
    assert list((data_folder / "scenarios").glob("*.yaml")) == []
