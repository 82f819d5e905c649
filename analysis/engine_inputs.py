"""The draws of every prior, recording which stage read which (the trace), and the yearly rates
each stage of the model uses."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.distributions import uniforms
from analysis.parameters import AnyDistribution, ParameterBook
from analysis.scenario_files import Scenario

GROUPS = ("unknown", "known", "protected")  # not reported last year / reported / under an order
TIERS = ("low", "medium", "high")
STAGES = ("victims", "reports", "police", "justice", "corrections", "repeats", "costs")


class SeededUniforms:
    """Uniform draws per parameter from one recorded seed, shared by every scenario of a run."""

    def __init__(self, seed: int, draws: int) -> None:
        self.seed, self.draws = seed, draws
        self._uniforms: dict[str, np.ndarray] = {}
        self._values: dict[tuple[str, AnyDistribution], np.ndarray] = {}
        # results that depend only on the draws and a scenario's own priors (the status quo's
        # steady state), shared by the scenarios of one run
        self.shared: dict[object, object] = {}

    def uniform(self, name: str) -> np.ndarray:
        if name not in self._uniforms:
            self._uniforms[name] = uniforms(self.seed, name, self.draws)
        return self._uniforms[name]

    def value(self, name: str, distribution: AnyDistribution) -> np.ndarray:
        key = (name, distribution)
        if key not in self._values:
            self._values[key] = distribution.ppf(self.uniform(name))
        return self._values[key]


class MatrixUniforms(SeededUniforms):
    """Uniforms given column by column (a SALib design); priors outside it sit at their median."""

    def __init__(self, columns: dict[str, np.ndarray], draws: int) -> None:
        super().__init__(seed=0, draws=draws)
        self._columns = columns

    def uniform(self, name: str) -> np.ndarray:
        column = self._columns.get(name)
        return column if column is not None else np.full(self.draws, 0.5)


class PriorReader:
    """The draws of one scenario's priors, recording the stage that reads each one."""

    def __init__(self, scenario: Scenario, book: ParameterBook, source: SeededUniforms) -> None:
        self.scenario, self.book, self.source = scenario, book, source
        self.stage = STAGES[0]
        self.reads: dict[str, set[str]] = {stage: set() for stage in STAGES}

    def __getitem__(self, name: str) -> np.ndarray:
        self.reads[self.stage].add(name)
        return self.source.value(name, self.scenario.prior(name, self.book))

    def at(self, stage: str) -> PriorReader:
        self.stage = stage
        return self

    def record(self, reads: dict[str, set[str]]) -> None:
        """Count reads made once for several scenarios as this scenario's own."""
        for stage, names in reads.items():
            self.reads[stage] |= names

    def values(self) -> dict[str, np.ndarray]:
        """Every prior read so far, by name."""
        names = set().union(*self.reads.values())
        return {name: self.source.value(name, self.scenario.prior(name, self.book))
                for name in sorted(names)}


@dataclass(frozen=True)
class VictimGroups:
    """This year's victims (…, K, D) by what the police knew of them last year."""

    unknown: np.ndarray  # new victims and those who did not report last year
    known: np.ndarray  # reported last year, without a protection order
    protected: np.ndarray  # under a protection order last year

    def total(self) -> np.ndarray:
        return self.unknown + self.known + self.protected

    def scaled(self, factor: np.ndarray) -> VictimGroups:
        return VictimGroups(self.unknown * factor, self.known * factor, self.protected * factor)


@dataclass(frozen=True)
class PopulationRates:
    tier_shares: np.ndarray  # (K, D) shares of new victims by tier
    complaints_base: np.ndarray
    homicides_base: np.ndarray


@dataclass(frozen=True)
class RouteRates:
    report_first: np.ndarray  # chance that a victim unknown to the police reports this year
    report_again: np.ndarray  # … that a victim the police know reports again
    case: np.ndarray  # share of complaints that become a criminal case
    case_breach: np.ndarray  # … among complaints of victims under an order
    order: np.ndarray  # (D,)
    referral: np.ndarray  # (D,)
    new_offence: np.ndarray  # (D,) share of cases that exist only through the new offence
    auc: np.ndarray | None  # the risk tool's AUC when one targets orders and referrals
    places: float


@dataclass(frozen=True)
class JusticeRates:
    charge: np.ndarray
    minor: np.ndarray
    withdraw: np.ndarray
    withdraw_status_quo: np.ndarray
    conviction: np.ndarray
    conviction_unsupported: np.ndarray
    custody: np.ndarray  # share of convictions in custody, existing offences
    custody_new: np.ndarray  # the same for convictions under the new offence
    years: np.ndarray
    years_new: np.ndarray
    probation: np.ndarray
    years_probation: np.ndarray
    programme: float


@dataclass(frozen=True)
class RepeatRates:
    repeat: np.ndarray  # (K, D) yearly chance of repeat victimisation with no response
    rr_order: np.ndarray
    rr_sanction: np.ndarray
    rr_support: np.ndarray
    training: np.ndarray  # factor on repeats of every reported victim
    programme: np.ndarray  # factor on repeats where the perpetrator was referred
    femicide_weight: np.ndarray  # (K, D) relative femicide hazard by tier
    femicide_policy: np.ndarray


def population_rates(p: PriorReader) -> PopulationRates:
    p.at("victims")
    high, medium = p["tier_share_high"], p["tier_share_medium"]
    shares = np.stack([np.clip(1.0 - high - medium, 0.0, 1.0), medium, high])
    return PopulationRates(shares, p["complaints_base"], p["homicides_base"])


def route_rates(p: PriorReader, lever: dict[str, float]) -> RouteRates:
    p.at("reports")
    change = np.zeros_like(p["p_report_base"])
    for path, prior in (("twinning.awareness_campaign", "campaign_report_change"),
                        ("criminal_law.dv_offence", "s1_report_change"),
                        ("procedure.ex_officio_minor_harm", "s3_report_change"),
                        ("protection.barring_orders", "s4_report_change"),
                        ("police.pro_arrest", "s5_report_change")):
        if lever[path]:
            change = change + p[prior] * lever[path]
    first = np.clip(p["p_report_base"] * (1.0 + change), 0.0, 1.0)
    again = np.clip(p["p_rerecord"] * (1.0 + change), 0.0, 1.0)

    p.at("police")
    case = p["p_crime_case"]
    new_offence = np.zeros_like(case)
    if lever["criminal_law.dv_offence"]:
        widened = np.maximum(case, p["s1_p_crime_case"])
        new_offence = 1.0 - case / widened
        case = widened
    if lever["police.pro_arrest"]:
        case = case * (1.0 + lever["police.pro_arrest"] * (p["s5_case_mult"] - 1.0))
    case = np.clip(case, 0.0, 1.0)
    breach = case
    if lever["protection.criminal_breach"]:
        breach = np.maximum(case, p["breach_case_share"])
    order = p["s4_p_po"] if lever["protection.barring_orders"] else p["p_po_base"]
    referral = p["p_support"]
    if lever["twinning.referral_mechanism"]:
        referral = referral * (1.0 + lever["twinning.referral_mechanism"]
                               * p["nrm_support_uplift"])
    auc = p["risk_tool_auc"] if lever["police.risk_assessment"] else None
    return RouteRates(first, again, case, breach, order, np.clip(referral, 0, 1),
                      new_offence, auc, lever["services.support_places"])


def justice_rates(p: PriorReader, lever: dict[str, float]) -> JusticeRates:
    p.at("justice")
    status_quo = p["p_withdraw_reconcile"]
    withdraw = status_quo
    if lever["procedure.ex_officio_minor_harm"]:
        withdraw = np.minimum(status_quo, p["s3_withdraw"])
    charge, minor = p["persons_per_case"], p["share_minor_complaint_dep"]
    conviction, unsupported = p["p_conviction"], p["p_conviction_no_victim_support"]

    p.at("corrections")
    custody, years = p["p_custody"], p["years_served"]
    custody_new = years_new = np.zeros_like(custody)
    if lever["criminal_law.dv_offence"]:
        custody_new, years_new = p["s1_custody_new"], p["s1_years_new"]
    if lever["criminal_law.aggravating_circumstance"]:
        custody, custody_new = custody + p["s2_custody_add"], custody_new + p["s2_custody_add"]
        years, years_new = years * p["s2_length_mult"], years_new * p["s2_length_mult"]
    return JusticeRates(charge, minor, withdraw, status_quo, conviction, unsupported,
                        np.clip(custody, 0, 1), np.clip(custody_new, 0, 1), years, years_new,
                        p["p_probation"], p["years_probation"],
                        lever["twinning.perpetrator_programme"])


def repeat_rates(p: PriorReader, lever: dict[str, float]) -> RepeatRates:
    p.at("repeats")
    base = p["repeat_rate"]
    repeat = np.clip(np.stack([base * p["tier_repeat_low"], base, base * p["tier_repeat_high"]]),
                     0.0, 1.0)
    ones = np.ones_like(base)
    training = programme = ones
    if lever["twinning.police_training"]:
        training = 1.0 - lever["twinning.police_training"] * (1.0 - p["training_rr"])
    if lever["twinning.perpetrator_programme"]:
        programme = 1.0 - lever["twinning.perpetrator_programme"] * (1.0 - p["rr_programme"])
    femicide_weight = np.stack([ones, ones, p["tier_femicide_high"]])
    policy = ones
    if lever["police.pro_arrest"]:
        policy = 1.0 + lever["police.pro_arrest"] * p["homicide_policy_effect"]
    rr_support = p["rr_support"] if lever["services.support_places"] else ones
    return RepeatRates(repeat, p["rr_po"], p["rr_sanction"], rr_support, training, programme,
                       femicide_weight, np.maximum(policy, 0.0))


def unit_costs(p: PriorReader) -> dict[str, np.ndarray]:
    p.at("costs")
    names = ("c_complaint", "c_po", "c_crime_case", "c_court_case", "c_prison_year",
             "c_probation_year", "c_support_victim", "c_programme")
    return {name: p[name] for name in names}
