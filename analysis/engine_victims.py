"""Stage 5: repeat victimisation, true and recorded kept apart, and femicide; every victim leaves
the year by one route (victimised again, killed, or free of violence)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.engine_inputs import RepeatRates, VictimGroups
from analysis.engine_justice import JusticeFlows
from analysis.engine_routes import PoliceFlows


@dataclass(frozen=True)
class VictimFlows:
    """Per tier (…, K, D) unless said otherwise."""

    repeats_unreported: np.ndarray  # next year's repeats among victims who did not report
    repeats_reported: np.ndarray  # … among those reported without an order
    repeats_protected: np.ndarray  # … among those under an order this year
    femicides: np.ndarray
    desisted: np.ndarray


def victim_flows(police: PoliceFlows, one_case: JusticeFlows, rates: RepeatRates,
                 femicide_hazard: np.ndarray) -> VictimFlows:
    """Who of this year's victims is victimised again next year, and who is killed.

    A repeat is recorded only when a victim the police already know reports again (see
    `PoliceFlows.recorded_repeats`); the true repeats are all of them.

    `one_case` gives the routes of a single criminal case as shares (see `per_case`).
    """
    base = rates.repeat
    orders = police.orders
    sanction = np.minimum(rates.rr_sanction, 1.0 / np.maximum(base, 1e-12))
    # written so that a sentence mix change alone (more custody, longer terms) leaves repeats
    # bit-for-bit unchanged: incapacitation is not modelled
    programme_gain = (one_case.convicted - one_case.custody) * sanction * (1.0 - rates.programme)
    case_factor = (1.0 - one_case.convicted) + one_case.convicted * sanction - programme_gain
    responded = (police.administrative + police.unserved
                 + police.served * rates.rr_support
                 + police.cases * case_factor)
    repeats_reported = base * rates.training * responded
    repeats_protected = base * rates.training * orders * rates.rr_order * rates.programme
    repeats_unreported = base * police.unreported
    victims = police.victims
    at_risk = victims - orders * (1.0 - rates.rr_order)
    femicides = femicide_hazard * rates.femicide_weight * rates.femicide_policy * at_risk
    repeats = repeats_unreported + repeats_reported + repeats_protected
    return VictimFlows(repeats_unreported, repeats_reported, repeats_protected, femicides,
                       victims - repeats - femicides)


def next_victims(flows: VictimFlows, new_victims: np.ndarray) -> VictimGroups:
    """Next year's victims by group: new ones join those not known to the police."""
    return VictimGroups(flows.repeats_unreported + new_victims, flows.repeats_reported,
                        flows.repeats_protected)
