"""Risk-led targeting: a repeat-violence risk tool as a binormal classifier of given AUC.

Scores of high-risk cases are N(d, 1) and of the others N(0, 1), with d = sqrt(2)·Φ⁻¹(AUC), so
the tool's AUC is exactly the given one. A fixed share of cases (the orders or referrals there
are) goes to those scoring above a threshold; the threshold follows from that share and the
share of high-risk cases, and gives the hit rate among high-risk and among other cases.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

_NEWTON_STEPS = 12


@dataclass(frozen=True)
class Targeting:
    """Shares selected among high-risk cases (`high`) and among the others (`other`)."""

    high: np.ndarray
    other: np.ndarray


def separation(auc: np.ndarray) -> np.ndarray:
    """d of the binormal model with equal variances: AUC = Φ(d/√2)."""
    return np.sqrt(2.0) * special.ndtri(np.clip(auc, 1e-9, 1 - 1e-9))


def targeted_shares(auc: np.ndarray, prevalence: np.ndarray, coverage: np.ndarray) -> Targeting:
    """Who gets the `coverage` share of orders when a tool of `auc` ranks the cases.

    `prevalence` is the share of high-risk cases. The overall share selected stays `coverage`
    (prevalence·high + (1 − prevalence)·other = coverage); with AUC 0.5 both shares equal it.
    """
    d = separation(np.asarray(auc, dtype=float))
    coverage = np.clip(coverage, 1e-12, 1.0 - 1e-12)
    # selected(t) falls monotonically in the threshold t; Newton from the threshold that would
    # select `coverage` of the others converges in a few steps
    threshold = special.ndtri(1.0 - coverage)
    for _ in range(_NEWTON_STEPS):
        selected = prevalence * special.ndtr(d - threshold) + (1 - prevalence) * special.ndtr(
            -threshold)
        slope = prevalence * _density(d - threshold) + (1 - prevalence) * _density(threshold)
        threshold = np.clip(threshold + (selected - coverage) / np.maximum(slope, 1e-300),
                            -40.0, 40.0)
    return Targeting(high=special.ndtr(d - threshold), other=special.ndtr(-threshold))


def _density(x: np.ndarray) -> np.ndarray:
    return np.exp(-0.5 * x * x) / np.sqrt(2.0 * np.pi)
