"""The stock-and-flow model over yearly steps, vectorised over parameter draws; every scenario
starts from the status quo's steady state, calibrated to the Azerbaijani figures of 2023."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import numpy as np

from analysis.engine_costs import agency_costs
from analysis.engine_inputs import (
    GROUPS,
    TIERS,
    JusticeRates,
    PopulationRates,
    PriorReader,
    RepeatRates,
    RouteRates,
    SeededUniforms,
    VictimGroups,
    justice_rates,
    population_rates,
    repeat_rates,
    route_rates,
    unit_costs,
)
from analysis.engine_justice import (
    JusticeFlows,
    StockStep,
    justice_flows,
    per_case,
    stock_step,
)
from analysis.engine_routes import PoliceFlows, police_flows
from analysis.engine_victims import VictimFlows, next_victims, victim_flows
from analysis.parameters import ParameterBook
from analysis.scenario_files import Scenario

# every output and the stage that produces it (the trace follows the stages upstream of it)
OUTPUT_STAGES: dict[str, str] = {
    "victims": "victims", "new_victims": "victims", "true_repeats": "repeats",
    "complaints": "reports", "unreported": "reports", "recorded_repeats": "reports",
    "criminal_cases": "police", "protection_orders": "police", "support_referrals": "police",
    "support_served": "police", "support_unserved": "police", "administrative": "police",
    "persons_charged": "justice", "uncharged": "justice", "withdrawn": "justice",
    "prosecuted": "justice", "convictions": "justice", "acquittals": "justice",
    "custodial_sentences": "corrections", "probation_orders": "corrections",
    "other_sentences": "corrections", "prison_stock": "corrections",
    "prison_releases": "corrections", "probation_stock": "corrections",
    "probation_releases": "corrections", "programme_participants": "corrections",
    "femicides": "repeats", "desisted": "repeats",
    "cost_police": "costs", "cost_investigation": "costs", "cost_courts": "costs",
    "cost_prisons": "costs", "cost_probation": "costs", "cost_support": "costs",
    "cost_programme": "costs", "cost_total": "costs",
}
OUTPUTS = tuple(OUTPUT_STAGES)
YearRates = tuple[RouteRates, JusticeRates, RepeatRates, JusticeFlows]


@dataclass(frozen=True)
class StartingPoint:
    """The status quo in steady state, per draw."""

    victims: VictimGroups
    new_victims: np.ndarray  # (K, D) new victims each year
    femicide_hazard: np.ndarray  # (D,)
    prison: np.ndarray
    probation: np.ndarray
    lever: dict[str, float]  # the status-quo levers and their rates, reused for the first years
    rates: YearRates


class YearlyOutputs(Mapping[str, np.ndarray]):
    """Each output as a years × draws array, laid out when first read: the model keeps each
    year's array as it computed it, and most comparisons read only a few outputs."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self._rows: dict[str, list[np.ndarray]] = {name: [] for name in names}
        self._stacked: dict[str, np.ndarray] = {}

    def append(self, volumes: dict[str, np.ndarray]) -> None:
        for name, rows in self._rows.items():
            rows.append(volumes[name])

    def __getitem__(self, name: str) -> np.ndarray:
        if name not in self._stacked:
            self._stacked[name] = np.stack(self._rows[name])
        return self._stacked[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


@dataclass
class ScenarioRun:
    """One scenario's outputs (each years × draws) and the parameters behind them."""

    scenario: Scenario
    years: list[int]
    outputs: YearlyOutputs
    reads: dict[str, set[str]]
    priors: dict[str, np.ndarray]
    levers: list[dict[str, float]]


def simulate(scenario: Scenario, book: ParameterBook, source: SeededUniforms, years: int,
             keep: tuple[str, ...] = OUTPUTS) -> ScenarioRun:
    """Run one scenario for `years` years on the draws of `source` (shared by all scenarios).

    Given the draws the model is deterministic: a scenario equal to the baseline reproduces it
    to the last bit, so every difference is the scenario's own.
    """
    reader = PriorReader(scenario, book, source)
    start = _shared_starting_point(reader, book)
    costs = unit_costs(reader)
    calendar = [book.start_year + offset for offset in range(years)]
    recorded = YearlyOutputs(keep)
    lever_history: list[dict[str, float]] = []
    state, prison, probation = start.victims, start.prison, start.probation
    rates = start.rates
    previous_lever: dict[str, float] | None = start.lever
    new_total = start.new_victims.sum(axis=0)
    for year in calendar:
        lever = scenario.lever_values(year, book)
        lever_history.append(lever)
        if lever != previous_lever:
            rates = _year_rates(reader, lever)
            previous_lever = lever
        route, justice_rate, repeat_rate, one_case = rates
        police = police_flows(state, route)
        justice = justice_flows(police.cases.sum(axis=0), route.new_offence, justice_rate)
        victims = victim_flows(police, one_case, repeat_rate, start.femicide_hazard)
        prison_year = stock_step(prison, justice.custody, justice.years_served)
        probation_year = stock_step(probation, justice.probation, justice_rate.years_probation)
        volumes = _volumes(police, justice, victims, prison_year, probation_year, new_total,
                           justice_rate.programme)
        volumes.update(agency_costs(volumes, costs))
        recorded.append(volumes)
        state = next_victims(victims, start.new_victims)
        prison, probation = prison_year.stock, probation_year.stock
    return ScenarioRun(scenario, calendar, recorded, reader.reads, reader.values(),
                       lever_history)


def _volumes(police: PoliceFlows, justice: JusticeFlows, victims: VictimFlows,
             prison_year: StockStep, probation_year: StockStep, new_total: np.ndarray,
             programme: float) -> dict[str, np.ndarray]:
    """The year's totals over risk tiers, by output name."""
    return {
        "victims": police.victims.sum(axis=0),
        "new_victims": new_total,
        "true_repeats": police.victims.sum(axis=0) - new_total,
        "complaints": police.reported.sum(axis=0),
        "unreported": police.unreported.sum(axis=0),
        "recorded_repeats": police.recorded_repeats.sum(axis=0),
        "criminal_cases": justice.cases,
        "protection_orders": police.orders.sum(axis=0),
        "support_referrals": police.referrals.sum(axis=0),
        "support_served": police.served.sum(axis=0),
        "support_unserved": police.unserved.sum(axis=0),
        "administrative": police.administrative.sum(axis=0),
        "persons_charged": justice.charged,
        "uncharged": justice.uncharged,
        "withdrawn": justice.withdrawn,
        "prosecuted": justice.prosecuted,
        "convictions": justice.convicted,
        "acquittals": justice.acquitted,
        "custodial_sentences": justice.custody,
        "probation_orders": justice.probation,
        "other_sentences": justice.other_sentence,
        "prison_stock": prison_year.stock,
        "prison_releases": prison_year.releases,
        "probation_stock": probation_year.stock,
        "probation_releases": probation_year.releases,
        "programme_participants": justice.programme
        + police.orders.sum(axis=0) * programme,
        "femicides": victims.femicides.sum(axis=0),
        "desisted": victims.desisted.sum(axis=0),
    }


def _year_rates(reader: PriorReader, lever: dict[str, float]) -> YearRates:
    route, justice = route_rates(reader, lever), justice_rates(reader, lever)
    return route, justice, repeat_rates(reader, lever), per_case(route.new_offence, justice)


def _shared_starting_point(reader: PriorReader, book: ParameterBook) -> StartingPoint:
    """The steady state depends on the draws and the scenario's own priors only: scenarios
    that change levers alone share one (the same arrays, so differences stay exactly zero)."""
    key = ("starting point", tuple(sorted(reader.scenario.priors.items())))
    if key not in reader.source.shared:
        solver = PriorReader(reader.scenario, book, reader.source)
        reader.source.shared[key] = (starting_point(solver, book), solver.reads)
    start, reads = reader.source.shared[key]
    reader.record(reads)
    return start


def starting_point(reader: PriorReader, book: ParameterBook) -> StartingPoint:
    """The status quo's steady state for every draw, calibrated to the complaint figure.

    With the status-quo levers the year map is linear once the share of referrals served is
    fixed, and in steady state that share is known: the complaints equal the calibration figure,
    so the referrals do too. Tiers never mix without a risk tool, so pushing one unit vector per
    victim group (in every tier at once) through a year gives each tier's 3×3 matrix A per draw;
    the steady state solves (I − A)·x = new victims.
    """
    default = {path: lever.default for path, lever in book.levers.items()}
    population = population_rates(reader)
    rates = _year_rates(reader, default)
    route, justice_rate, repeat_rate, one_case = rates
    draws = population.complaints_base.shape[0]
    groups, tiers = len(GROUPS), len(TIERS)
    served = _status_quo_served_share(route, population)
    unit = np.eye(groups).reshape(groups, groups, 1, 1)
    basis = VictimGroups(*(np.broadcast_to(unit[:, g], (groups, tiers, draws))
                           for g in range(groups)))
    police = police_flows(basis, route, np.broadcast_to(served, (groups, draws)))
    flows = victim_flows(police, one_case, repeat_rate, np.zeros(draws))
    image = next_victims(flows, np.zeros((tiers, draws)))
    # (K, D, to group, from group)
    columns = np.stack([image.unknown, image.known, image.protected], axis=1)
    matrix = np.eye(groups) - columns.transpose(2, 3, 1, 0)
    inflow = np.zeros((tiers, draws, groups, 1))
    inflow[:, :, 0, 0] = population.tier_shares
    solved = np.linalg.solve(matrix, inflow)[..., 0]  # (K, D, G)
    unit_state = VictimGroups(*(solved[..., g] for g in range(groups)))
    complaints_per_unit = (unit_state.unknown * route.report_first
                           + (unit_state.known + unit_state.protected) * route.report_again
                           ).sum(axis=0)
    scale = population.complaints_base / complaints_per_unit
    state = unit_state.scaled(scale)
    new_victims = population.tier_shares * scale
    police = police_flows(state, route, served)
    justice = justice_flows(police.cases.sum(axis=0), route.new_offence, justice_rate)
    per_unit_hazard = victim_flows(police, one_case, repeat_rate,
                                   np.ones(draws)).femicides.sum(axis=0)
    return StartingPoint(
        victims=state,
        new_victims=new_victims,
        femicide_hazard=population.homicides_base / per_unit_hazard,
        prison=justice.custody * justice.years_served,
        probation=justice.probation * justice_rate.years_probation,
        lever=default,
        rates=rates,
    )


def _status_quo_served_share(route: RouteRates, population: PopulationRates) -> np.ndarray:
    room = 1.0 - route.case
    wanted = route.order + route.referral
    referral = route.referral * np.where(wanted > room, room / wanted, 1.0)
    referrals = population.complaints_base * referral
    return np.where(referrals > 0, np.minimum(referrals, route.places) / referrals, 0.0)
