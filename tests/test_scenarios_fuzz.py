"""Any valid lever setting keeps every flow finite, non-negative and conserved (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis.risk import targeted_shares

LEVERS = analysis.levers()


@st.composite
def lever_settings(draw: st.DrawFn) -> dict[str, tuple[float, int]]:
    chosen = draw(st.lists(st.sampled_from(sorted(LEVERS)), unique=True, max_size=len(LEVERS)))
    settings_: dict[str, tuple[float, int]] = {}
    for path in chosen:
        lever = LEVERS[path]
        low, high = lever.bounds
        if lever.kind == "switch":
            value = float(draw(st.sampled_from([0, 1])))
        elif lever.kind == "count":
            value = float(draw(st.integers(int(low), int(high))))
        else:
            value = draw(st.floats(low, high, allow_nan=False))
        settings_[path] = (value, draw(st.integers(2026, 2029)))
    return settings_


def _scenario_text(chosen: dict[str, tuple[float, int]]) -> str:
    lines = ["name: Fuzz", "title: {az: Fuzz, en: Fuzz}", "levers: {}" if not chosen else
             "levers:"]
    for path, (value, year) in chosen.items():
        lines.append(f"  {path}: {{value: {value!r}, in_force: {year}}}")
    return "\n".join(lines) + "\n"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lever_settings(), st.integers(0, 2**32 - 1))
def test_any_lever_setting_keeps_flows_conserved(chosen: dict[str, tuple[float, int]],
                                                 seed: int) -> None:
    scenario = analysis.scenario_from_text(_scenario_text(chosen), label="fuzz.yaml")
    results = analysis.run([scenario], draws=16, seed=seed, years=4)
    values = {output: results.values("Fuzz", output) for output in results.outputs}
    for output, value in values.items():
        assert np.all(np.isfinite(value)), output
        assert np.all(value >= -1e-9 * max(1.0, float(np.abs(value).max()))), output
    assert np.allclose(values["complaints"], values["criminal_cases"]
                       + values["protection_orders"] + values["support_referrals"]
                       + values["administrative"], rtol=1e-9)
    assert np.allclose(values["convictions"], values["custodial_sentences"]
                       + values["probation_orders"] + values["other_sentences"], rtol=1e-9)
    assert np.allclose(values["victims"][:-1], values["true_repeats"][1:]
                       + values["femicides"][:-1] + values["desisted"][:-1], rtol=1e-9)
    assert np.all(values["support_served"] <= max(
        [LEVERS["services.support_places"].default]
        + [v for p, (v, _) in chosen.items() if p == "services.support_places"]) * (1 + 1e-12))


@settings(max_examples=200, deadline=None)
@given(st.floats(0.5, 0.999), st.floats(0.001, 0.9), st.floats(0.0001, 0.999))
def test_risk_tool_always_hands_out_exactly_the_orders_there_are(
    auc: float, prevalence: float, coverage: float
) -> None:
    chosen = targeted_shares(np.array([auc]), np.array([prevalence]), np.array([coverage]))
    overall = prevalence * chosen.high + (1 - prevalence) * chosen.other
    assert abs(float(overall[0]) - coverage) < 1e-12
    assert 0.0 <= float(chosen.other[0]) <= float(chosen.high[0]) <= 1.0


_KEYS = st.sampled_from(["name", "title", "az", "en", "levers", "priors", "compose", "value",
                         "in_force", "distribution", "low", "mode", "high", "police.pro_arrest",
                         "rr_po", "p_custody", "triangular", "summary", "reference", "x"])
_SCALARS = st.none() | st.booleans() | st.integers(-5, 5000) | st.floats(-2, 2) | st.text(
    max_size=8) | st.sampled_from(["S1", "S4", "triangular", "fixed", "beta", "2027-01-01"])
_DOCUMENTS = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(_KEYS, inner, max_size=4), max_leaves=12)


@settings(max_examples=150, deadline=None)
@given(_DOCUMENTS)
def test_any_yaml_document_loads_or_fails_with_a_named_error(document: object) -> None:
    import yaml

    text = yaml.safe_dump(document, allow_unicode=True)
    try:
        analysis.scenario_from_text(text, label="fuzzed.yaml")
    except analysis.ScenarioFileError as error:
        assert str(error).startswith(str(error.path))
        assert error.path.name == "fuzzed.yaml"
