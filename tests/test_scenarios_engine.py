"""The flow model: common random numbers, calibration, directions, conservation, stocks."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import analysis
from analysis.distributions import uniforms
from analysis.parameters import default_parameters
from analysis.risk import targeted_shares
from qanun.settings import shared_data_dir

DRAWS = 300


@pytest.fixture(scope="module")
def shipped() -> analysis.Results:
    return analysis.run(analysis.shipped_names(), baseline="S0", draws=DRAWS, seed=11)


def _copy_of(name: str, folder: Path, new_name: str) -> Path:
    text = Path(analysis.load_scenario(name).path).read_text(encoding="utf-8")
    path = folder / f"{new_name}.yaml"
    path.write_text(text.replace(f"name: {name}", f"name: {new_name}"), encoding="utf-8")
    return path


@pytest.mark.parametrize("baseline", ["S0", "S3", "S1-S4"])
def test_copy_of_the_baseline_differs_by_exactly_zero(tmp_path: Path, baseline: str) -> None:
    copy = _copy_of(baseline, tmp_path, "Copy")
    results = analysis.run([copy, "S4"], baseline=baseline, draws=DRAWS, seed=5)
    for output in results.outputs:
        assert np.array_equal(results.delta("Copy", output), np.zeros((10, DRAWS))), output
    # the other scenario does move against this baseline, so zero is not vacuous
    assert np.any(results.delta("S4", "protection_orders") != 0)


def test_same_seed_reproduces_bit_for_bit_and_another_seed_does_not() -> None:
    first = analysis.run(["S1", "S6"], draws=200, seed=42)
    again = analysis.run(["S1", "S6"], draws=200, seed=42)
    other = analysis.run(["S1", "S6"], draws=200, seed=43)
    for name in ("S0", "S1", "S6"):
        for output in first.outputs:
            assert np.array_equal(first.values(name, output), again.values(name, output))
    assert not np.array_equal(first.values("S1", "criminal_cases"),
                              other.values("S1", "criminal_cases"))
    assert first.as_json() == again.as_json()


def test_each_parameter_has_its_own_stream() -> None:
    # the stream of a name depends only on the seed and the name: more draws extend it, and
    # another parameter (or a new one) never shifts it
    short, longer = uniforms(7, "rr_po", 50), uniforms(7, "rr_po", 500)
    assert np.array_equal(short, longer[:50])
    assert not np.array_equal(short, uniforms(7, "rr_sanction", 50))
    assert not np.array_equal(short, uniforms(8, "rr_po", 50))
    small = analysis.run(["S4"], draws=40, seed=3)
    large = analysis.run(["S4"], draws=400, seed=3)
    assert np.array_equal(small.values("S4", "femicides"), large.values("S4", "femicides")[:, :40])


def test_a_changed_prior_leaves_every_other_draw_alone() -> None:
    changed = analysis.scenario_from_text(
        "name: Sure\ntitle: {az: S, en: S}\n"
        "priors:\n  rr_po: {distribution: triangular, low: 0.4, mode: 0.5, high: 0.6}\n")
    results = analysis.run([changed, "S4"], draws=100, seed=8)
    base, sure = results.runs["S0"].priors, results.runs["Sure"].priors
    assert not np.array_equal(base["rr_po"], sure["rr_po"])
    # the same uniforms feed the new distribution: the draws keep their rank
    assert np.array_equal(np.argsort(base["rr_po"]), np.argsort(sure["rr_po"]))
    for name in base:
        if name != "rr_po":
            assert np.array_equal(base[name], sure[name]), name


# (figure in az-dv-statistics.md, output that reproduces it)
CALIBRATION = (
    ("9,389 DV complaints registered by the MIA in 2023 (9,864 in 2022)", "complaints"),
    ("1,482 DV crimes in 2023 (1,396 in 2025)", "criminal_cases"),
    ("1,386 persons held liable in 2023", "persons_charged"),
    ("359 protection orders in enforcement in 2024 (196 in 2023)", "protection_orders"),
)


@pytest.mark.parametrize(("figure", "output"), CALIBRATION, ids=[row[1] for row in CALIBRATION])
def test_status_quo_reproduces_the_azerbaijani_figures(
    shipped: analysis.Results, figure: str, output: str
) -> None:
    target = default_parameters().calibration[output]
    assert f"{target.figure:,.0f}" in figure
    statistics = (shared_data_dir() / "az-dv-statistics.md").read_text(encoding="utf-8")
    assert f"{target.figure:,.0f}" in statistics  # the figure is the source's, not ours
    low, high = target.range
    summary = shipped.summary("S0", output)
    for median in summary.median:  # the status quo is in steady state: every year
        assert low <= median <= high, (figure, median, target.range)
    assert summary.p5[0] <= target.figure <= summary.p95[0]


def test_status_quo_reproduces_femicides_exactly(shipped: analysis.Results) -> None:
    # 47 premeditated murders of women in family conflict (SCFWCA 2023)
    assert np.allclose(shipped.values("S0", "femicides"), 47.0, rtol=1e-12)
    assert np.allclose(shipped.values("S0", "complaints"), 9389.0, rtol=1e-12)


def test_barring_orders_raise_protection_orders(shipped: analysis.Results) -> None:
    delta = shipped.delta("S4", "protection_orders")
    assert np.all(delta[0] == 0)  # 2026: not yet in force
    assert np.all(delta[1:] > 0)
    assert shipped.delta_summary("S4", "protection_orders").median[-1] > 1000


def test_aggravating_circumstance_raises_prison_stock_not_case_volume(
    shipped: analysis.Results,
) -> None:
    assert np.all(shipped.delta("S2", "prison_stock")[1:] > 0)
    for output in ("complaints", "criminal_cases", "persons_charged", "convictions"):
        assert np.array_equal(shipped.delta("S2", output), np.zeros((10, DRAWS))), output


def test_more_reporting_raises_recorded_repeats_while_true_repeats_fall(tmp_path: Path) -> None:
    campaign = tmp_path / "campaign.yaml"
    campaign.write_text(
        "name: Campaign\ntitle: {az: Kampaniya, en: Campaign}\n"
        "levers:\n  twinning.awareness_campaign: {value: 1, in_force: 2026}\n",
        encoding="utf-8")
    results = analysis.run([campaign], draws=DRAWS, seed=9)
    assert np.all(results.delta("Campaign", "complaints") > 0)
    recorded = results.delta_summary("Campaign", "recorded_repeats")
    true = results.delta_summary("Campaign", "true_repeats")
    assert recorded.median[-1] > 0 and recorded.p5[-1] > 0
    assert true.median[-1] < 0
    # the gap is the point: counting recorded repeats would misread the campaign as harm
    assert np.mean(results.delta("Campaign", "recorded_repeats")[-1] > 0) > 0.95


def test_risk_led_targeting_lowers_femicides_with_the_same_orders(
    shipped: analysis.Results,
) -> None:
    assert shipped.delta_summary("S6", "femicides").median[-1] < 0
    first_year = 1  # 2027: same complaints, so the same number of orders, better aimed
    assert np.allclose(shipped.values("S6", "protection_orders")[first_year],
                       shipped.values("S0", "protection_orders")[first_year], rtol=1e-9)


def test_service_capacity_serves_more_victims(shipped: analysis.Results) -> None:
    assert np.all(shipped.values("S0", "support_served") <= 600 + 1e-9)
    assert shipped.delta_summary("S7", "support_served").median[-1] > 0


# (stage, the volume that enters it, the routes that leave it)
CONSERVATION = (
    ("reporting", "victims", ("complaints", "unreported")),
    ("police", "complaints", ("criminal_cases", "protection_orders", "support_referrals",
                              "administrative")),
    ("support", "support_referrals", ("support_served", "support_unserved")),
    ("charge", "criminal_cases", ("persons_charged", "uncharged")),
    ("withdrawal", "persons_charged", ("withdrawn", "prosecuted")),
    ("court", "prosecuted", ("convictions", "acquittals")),
    ("sentence", "convictions", ("custodial_sentences", "probation_orders", "other_sentences")),
)


@pytest.mark.parametrize(("stage", "entering", "routes"), CONSERVATION,
                         ids=[row[0] for row in CONSERVATION])
def test_every_case_leaves_each_stage_by_exactly_one_route(
    shipped: analysis.Results, stage: str, entering: str, routes: tuple[str, ...]
) -> None:
    for name in shipped.names:
        total = shipped.values(name, entering)
        parts = [shipped.values(name, route) for route in routes]
        assert all(np.all(part >= 0) for part in parts), (stage, name)
        assert np.allclose(sum(parts), total, rtol=1e-9, atol=1e-9), (stage, name)


def test_every_victim_leaves_the_year_by_one_route(shipped: analysis.Results) -> None:
    for name in shipped.names:
        victims = shipped.values(name, "victims")[:-1]
        leaving = (shipped.values(name, "true_repeats")[1:]
                   + shipped.values(name, "femicides")[:-1]
                   + shipped.values(name, "desisted")[:-1])
        assert np.all(shipped.values(name, "desisted") >= 0)
        assert np.allclose(leaving, victims, rtol=1e-9), name


def test_stocks_balance_admissions_and_releases(shipped: analysis.Results) -> None:
    for name in shipped.names:
        for stock, admissions, releases in (
            ("prison_stock", "custodial_sentences", "prison_releases"),
            ("probation_stock", "probation_orders", "probation_releases"),
        ):
            held = shipped.values(name, stock)
            balance = held[:-1] + shipped.values(name, admissions)[1:] - shipped.values(
                name, releases)[1:]
            assert np.allclose(balance, held[1:], rtol=1e-9), (name, stock)


def test_prison_stock_is_admissions_times_time_served_in_steady_state() -> None:
    results = analysis.run(["S2"], draws=100, seed=2, years=60)
    status_quo = results.runs["S0"].priors["years_served"]
    admissions = results.values("S0", "custodial_sentences")
    assert np.allclose(results.values("S0", "prison_stock"), admissions * status_quo, rtol=1e-9)
    aggravated = status_quo * results.runs["S2"].priors["s2_length_mult"]
    # after the reform the stock climbs to its new steady state: admissions × longer terms
    assert np.allclose(results.values("S2", "prison_stock")[-1],
                       results.values("S2", "custodial_sentences")[-1] * aggravated, rtol=1e-6)
    assert np.all(results.values("S2", "prison_stock")[1]
                  < results.values("S2", "prison_stock")[-1])


# (AUC, share of high-risk cases, share of cases that get an order)
TARGETING = ((0.5, 0.15, 0.03), (0.66, 0.15, 0.03), (0.72, 0.3, 0.25), (0.9, 0.05, 0.5))


@pytest.mark.parametrize(("auc", "prevalence", "coverage"), TARGETING)
def test_risk_tool_keeps_the_number_of_orders_and_aims_them(
    auc: float, prevalence: float, coverage: float
) -> None:
    chosen = targeted_shares(np.array([auc]), np.array([prevalence]), np.array([coverage]))
    overall = prevalence * chosen.high + (1 - prevalence) * chosen.other
    assert np.allclose(overall, coverage, atol=1e-12)
    if auc == 0.5:
        assert np.allclose(chosen.high, chosen.other)
    else:
        assert np.all(chosen.high > chosen.other)


def test_trace_names_the_priors_behind_an_output(shipped: analysis.Results) -> None:
    trace = shipped.trace("S4", "protection_orders", year=2030)
    assert trace.levers["protection.barring_orders"]["value"] == 1
    assert "s4_p_po" in trace.priors and "p_report_base" in trace.priors
    assert "c_po" not in trace.priors  # costs are downstream of the orders
    assert "s1_p_crime_case" not in trace.priors  # S1's lever is not in force in S4
    draw = trace.draw
    assert trace.value == shipped.values("S4", "protection_orders")[4, draw]
    assert trace.priors["s4_p_po"]["value"] == shipped.runs["S4"].priors["s4_p_po"][draw]
    assert trace.priors["s4_p_po"]["status"] == "analogy"
    assert shipped.trace("S0", "complaints", year=2026).levers == {}
