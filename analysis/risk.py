"""Risk-led targeting: a repeat-violence risk tool as a binormal classifier of given AUC that
chooses who gets the protection orders and support referrals there are."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

_MAX_STEPS = 100
_TOLERANCE = 1e-13


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

    Scores of high-risk cases are N(d, 1) and of the others N(0, 1), with d = √2·Φ⁻¹(AUC), so
    the tool's AUC is exactly the given one; the cases scoring above a threshold get the order.

    `prevalence` is the share of high-risk cases. The overall share selected stays `coverage`
    (prevalence·high + (1 − prevalence)·other = coverage); with AUC 0.5 both shares equal it.
    """
    d = separation(np.asarray(auc, dtype=float))
    coverage = np.clip(coverage, 1e-12, 1.0 - 1e-12)
    # selected(t) falls monotonically in the threshold t: Newton steps, kept inside a bracket
    # that shrinks with every step (a bisection step whenever Newton would leave it)
    low = np.full(np.broadcast(d, prevalence, coverage).shape, -40.0)
    high = np.full_like(low, 40.0)
    threshold = np.clip(special.ndtri(1.0 - coverage), low, high)
    for _ in range(_MAX_STEPS):
        selected = prevalence * special.ndtr(d - threshold) + (1 - prevalence) * special.ndtr(
            -threshold)
        miss = selected - coverage
        done = np.abs(miss) < _TOLERANCE
        if np.all(done):
            break
        low = np.where(miss > 0, threshold, low)
        high = np.where(miss > 0, high, threshold)
        slope = prevalence * _density(d - threshold) + (1 - prevalence) * _density(threshold)
        newton = threshold + miss / np.maximum(slope, 1e-300)
        inside = (newton >= low) & (newton <= high)
        step = np.where(inside, newton, 0.5 * (low + high))
        threshold = np.where(done, threshold, step)
    return Targeting(high=special.ndtr(d - threshold), other=special.ndtr(-threshold))


def _density(x: np.ndarray) -> np.ndarray:
    return np.exp(-0.5 * x * x) / np.sqrt(2.0 * np.pi)
