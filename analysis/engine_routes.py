"""Stages 1–2: which victims report, and the one route the police give each complaint (criminal
case, protection order, referral to support or administrative handling)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.engine_inputs import RouteRates, VictimGroups
from analysis.risk import targeted_shares

_TIER = -2  # arrays are (…, K, D): risk tier, draw; the steady state adds a leading axis


@dataclass(frozen=True)
class PoliceFlows:
    """Per tier (…, K, D): this year's victims and the route each complaint took."""

    victims: np.ndarray
    reported: np.ndarray
    unreported: np.ndarray
    recorded_repeats: np.ndarray  # complaints of victims the police already knew
    cases: np.ndarray
    orders: np.ndarray
    referrals: np.ndarray
    administrative: np.ndarray
    served: np.ndarray  # referrals that a support place was available for
    unserved: np.ndarray


def police_flows(victims: VictimGroups, rates: RouteRates,
                 served_share: np.ndarray | None = None) -> PoliceFlows:
    """Route this year's victims; `served_share` fixes the share of referrals served (steady
    state), otherwise the support places decide it."""
    everyone = victims.total()
    breaches = victims.protected * rates.report_again
    known = victims.known * rates.report_again + breaches
    reported = victims.unknown * rates.report_first + known
    # only complaints from victims under an order can be breaches, with their own case share
    cases = reported * rates.case + breaches * (rates.case_breach - rates.case)
    order, referral = _allocated(reported, rates)
    # a complaint takes one route: orders and referrals fit in what the cases leave
    room = reported - cases
    wanted = reported * (order + referral)
    squeeze = np.where(wanted > room, room / np.where(wanted > 0, wanted, 1.0), 1.0)
    orders = reported * order * squeeze
    referrals = reported * referral * squeeze
    administrative = np.maximum(room - orders - referrals, 0.0)
    if served_share is None:
        total = referrals.sum(axis=_TIER)
        places = np.minimum(total, rates.places)
        served_share = np.where(total > 0, places / np.where(total > 0, total, 1.0), 0.0)
    served = referrals * served_share[..., None, :]
    return PoliceFlows(everyone, reported, everyone - reported, known, cases, orders, referrals,
                       administrative, served, referrals - served)


def _allocated(reported: np.ndarray, rates: RouteRates) -> tuple[np.ndarray, np.ndarray]:
    """Order and referral shares by tier (…, K, D): equal, or chosen by the risk tool."""
    if rates.auc is None:
        return rates.order, rates.referral
    total = reported.sum(axis=_TIER)
    prevalence = np.where(total > 0, reported[..., 2, :] / np.where(total > 0, total, 1.0), 0.0)
    shares = []
    for coverage in (rates.order, rates.referral):
        chosen = targeted_shares(rates.auc, prevalence, coverage)
        shares.append(np.stack([chosen.other, chosen.other, chosen.high], axis=_TIER))
    return shares[0], shares[1]
