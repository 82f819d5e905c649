"""Scenarios: choose and edit scenarios, run them against a baseline, compare, explain, download.

Edited scenarios are saved as scenario files under the data folder and validated by the scenario
loader; results live in the browser session and are recomputed from seed and draws on demand.
"""

from __future__ import annotations

import streamlit as st

import analysis
from workbench import scenario_edit, scenario_report, scenario_views
from workbench.session import current, t

st.header(t("nav.scenarios"))
compare_tab, edit_tab = st.tabs([t("scenarios.tab_compare"), t("scenarios.tab_edit")])
options = scenario_edit.available()
names = list(options)


def _compare() -> None:
    default = [n for n in ("S1", "S4") if n in names]
    chosen = st.multiselect(t("scenarios.choose"), names, default=default, key="scn_chosen")
    baseline = st.selectbox(t("scenarios.baseline"), names, key="scn_baseline",
                            index=names.index("S0") if "S0" in names else 0)
    draws_col, seed_col, years_col = st.columns(3)
    draws = draws_col.number_input(t("scenarios.draws"), 10, 20_000, 500, step=100,
                                   key="scn_draws")
    seed = seed_col.number_input(t("scenarios.seed"), 0, 2**31 - 1, 20260101, key="scn_seed")
    years = years_col.number_input(t("scenarios.years"), 1, 30, 10, key="scn_years")
    if st.button(t("scenarios.run"), key="scn_run", type="primary"):
        if not chosen:
            st.error(t("scenarios.none_chosen"))
        else:
            try:
                st.session_state[scenario_views.RESULTS] = scenario_views.run_with_progress(
                    {n: options[n] for n in chosen}, options[baseline], int(draws), int(seed),
                    int(years),
                )
            except (analysis.ScenarioFileError, ValueError, KeyError) as error:
                st.error(t("scenarios.run_failed", reason=str(error)))
    comparison = st.session_state.get(scenario_views.RESULTS)
    if comparison is not None:
        _show(comparison)


def _show(comparison: scenario_views.Comparison) -> None:
    results = comparison.results
    st.caption(t("scenarios.ran", names=", ".join(results.names), baseline=results.baseline,
                 draws=results.draws, seed=results.seed))
    outputs = list(results.outputs)
    output = st.selectbox(t("scenarios.output"), outputs, key="scn_output",
                          index=outputs.index("criminal_cases") if "criminal_cases" in outputs
                          else 0,
                          format_func=scenario_views.output_labeller())
    as_delta = st.toggle(t("scenarios.as_delta"), key="scn_delta")
    lang = current().lang
    st.altair_chart(analysis.chart(results, output, delta=as_delta, lang=lang), width="stretch")
    st.dataframe(scenario_views.delta_table(results, output), hide_index=True, width="stretch")
    csv_col, report_col = st.columns(2)
    csv_col.download_button(t("scenarios.download_csv"), scenario_views.results_csv(results),
                            file_name="qanun-scenarios.csv", mime="text/csv", key="scn_csv")
    scenario_report.report_button(report_col, comparison)
    _sensitivity(comparison, output)


def _sensitivity(comparison: scenario_views.Comparison, output: str) -> None:
    st.markdown(f"#### {t('scenarios.sensitivity')}")
    others = [n for n in comparison.results.names if n != comparison.results.baseline]
    if not others:
        return
    scenario_col, samples_col = st.columns(2)
    name = scenario_col.selectbox(t("scenarios.sensitivity_of"), others, key="scn_sens_name")
    samples = samples_col.select_slider(t("scenarios.samples"), [64, 128, 256, 512, 1024],
                                        value=128, key="scn_samples")
    if st.button(t("scenarios.run_sensitivity"), key="scn_sens_run"):
        item = comparison.chosen.get(name, name)
        with st.spinner(t("scenarios.sensitivity_running")):
            st.session_state["scn_sensitivity"] = analysis.sensitivity(
                item, output, baseline=comparison.baseline, seed=comparison.seed,
                sobol_samples=int(samples), methods=("sobol",),
            )
    found = st.session_state.get("scn_sensitivity")
    if found is not None and found.output == output and found.scenario == name:
        st.altair_chart(analysis.sensitivity_chart(found, lang=current().lang), width="stretch")
        st.caption(t("scenarios.sensitivity_note", evaluations=found.evaluations,
                     year=found.year, top=", ".join(found.ranking()[:3])))


def _edit() -> None:
    if saved := st.session_state.pop("scn_saved", None):
        st.success(t("scenarios.saved", name=saved))
    base_name = st.selectbox(t("scenarios.edit_base"), names, key="scn_edit_base")
    try:
        base = analysis.load_scenario(options[base_name])
    except analysis.ScenarioFileError as error:
        st.error(str(error))
        return
    st.caption(base.summary[current().lang])
    new_name = st.text_input(t("scenarios.edit_name"), scenario_edit.default_name(base),
                             key=f"scn_edit_name_{base.name}")
    priors = scenario_edit.prior_inputs(base, f"scn_edit_{base.name}")
    with st.form(f"scn_edit_form_{base.name}"):
        st.markdown(f"**{t('scenarios.levers')}**")
        levers = scenario_edit.lever_inputs(base, f"scn_edit_{base.name}")
        save = st.form_submit_button(t("scenarios.save_edit"))
    if save:
        try:
            saved = scenario_edit.save_edit(new_name, base, levers, priors)
        except scenario_edit.EditRefused as error:
            st.error(str(error))
        else:
            # Rerun so the comparison's list offers the new scenario; the note survives it.
            st.session_state["scn_saved"] = saved.name
            st.rerun()


with compare_tab:
    _compare()
with edit_tab:
    _edit()
