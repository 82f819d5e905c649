"""Stages 3–4: charge, withdrawal or reconciliation, conviction, sentence, and the prison and
probation stocks; each criminal case leaves by exactly one route."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.engine_inputs import JusticeRates


@dataclass(frozen=True)
class JusticeFlows:
    """What became of this year's criminal cases (…, D); of one case, as shares, for the
    repeat stage."""

    cases: np.ndarray
    charged: np.ndarray
    uncharged: np.ndarray
    withdrawn: np.ndarray
    prosecuted: np.ndarray
    convicted: np.ndarray
    acquitted: np.ndarray
    custody: np.ndarray
    probation: np.ndarray
    other_sentence: np.ndarray
    programme: np.ndarray  # convicted in the community referred to the perpetrator programme
    years_served: np.ndarray  # (…, D) mean time served by this year's prison admissions


def justice_flows(cases: np.ndarray, new_offence: np.ndarray,
                  rates: JusticeRates) -> JusticeFlows:
    """Follow the cases (…, D) through prosecution and court to the sentence."""
    charged = cases * rates.charge
    withdrawn = charged * rates.minor * rates.withdraw
    # cases kept alive by ex officio prosecution that the victim would have withdrawn: the
    # prosecution goes on without her support and convicts less often
    reluctant = charged * rates.minor * np.maximum(rates.withdraw_status_quo - rates.withdraw, 0)
    prosecuted = charged - withdrawn
    convicted = ((prosecuted - reluctant) * rates.conviction
                 + reluctant * rates.conviction_unsupported)
    custody_share = (1.0 - new_offence) * rates.custody + new_offence * rates.custody_new
    custody = convicted * custody_share
    community = convicted - custody
    probation = community * rates.probation
    weighted_years = ((1.0 - new_offence) * rates.custody * rates.years
                      + new_offence * rates.custody_new * rates.years_new)
    years = np.where(custody_share > 0, weighted_years / np.where(custody_share > 0,
                                                                  custody_share, 1.0), 1.0)
    return JusticeFlows(
        cases=cases, charged=charged, uncharged=cases - charged, withdrawn=withdrawn,
        prosecuted=prosecuted, convicted=convicted, acquitted=prosecuted - convicted,
        custody=custody, probation=probation, other_sentence=community - probation,
        programme=community * rates.programme,
        years_served=np.broadcast_to(years, custody.shape),
    )


@dataclass(frozen=True)
class StockStep:
    stock: np.ndarray
    releases: np.ndarray


def per_case(new_offence: np.ndarray, rates: JusticeRates) -> JusticeFlows:
    """The routes of one case as shares (the same for every risk tier)."""
    return justice_flows(np.ones_like(rates.charge), new_offence, rates)


def stock_step(previous: np.ndarray, admissions: np.ndarray, mean_years: np.ndarray) -> StockStep:
    """One year of a stock with exponential stays of mean `mean_years`, admissions spread evenly.

    stock' = stock·e^(−1/T) + admissions·T·(1 − e^(−1/T)); releases close the balance, so
    stock' = stock + admissions − releases exactly, and the fixed point is admissions·T.
    """
    staying = np.exp(-1.0 / np.maximum(mean_years, 1e-9))
    stock = previous * staying + admissions * mean_years * (1.0 - staying)
    return StockStep(stock, previous + admissions - stock)
