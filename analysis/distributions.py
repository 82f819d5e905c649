"""Prior distributions of the behavioural parameters, sampled through their quantile functions
from one seeded stream per parameter, so every scenario sees the same draws."""

from __future__ import annotations

import hashlib
from typing import Annotated, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, model_validator
from scipy import special

DISTRIBUTION_NAMES = ("triangular", "beta", "lognormal", "fixed")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Triangular(_Strict):
    """Triangular on [low, high] with its peak at mode, e.g. p_crime_case (0.14, 0.158, 0.18)."""

    distribution: Literal["triangular"]
    low: float
    mode: float
    high: float

    @model_validator(mode="after")
    def _ordered(self) -> Triangular:
        if not (self.low <= self.mode <= self.high) or self.low == self.high:
            raise ValueError(
                f"triangular needs low <= mode <= high and low < high "
                f"(got low {self.low}, mode {self.mode}, high {self.high})"
            )
        return self

    def ppf(self, u: np.ndarray) -> np.ndarray:
        low, mode, high = self.low, self.mode, self.high
        split = (mode - low) / (high - low)
        left = low + np.sqrt(u * (high - low) * (mode - low))
        right = high - np.sqrt((1.0 - u) * (high - low) * (high - mode))
        return np.where(u < split, left, right)

    def support(self) -> tuple[float, float]:
        return self.low, self.high


class Beta(_Strict):
    """Beta(alpha, beta) stretched onto [low, high] (default [0, 1])."""

    distribution: Literal["beta"]
    alpha: float = Field(gt=0)
    beta: float = Field(gt=0)
    low: float = 0.0
    high: float = 1.0

    @model_validator(mode="after")
    def _ordered(self) -> Beta:
        if self.low >= self.high:
            raise ValueError(f"beta needs low < high (got low {self.low}, high {self.high})")
        return self

    def ppf(self, u: np.ndarray) -> np.ndarray:
        return self.low + (self.high - self.low) * special.betaincinv(self.alpha, self.beta, u)

    def support(self) -> tuple[float, float]:
        return self.low, self.high


class Lognormal(_Strict):
    """Lognormal given by its median and the sigma of its logarithm (for costs and ratios)."""

    distribution: Literal["lognormal"]
    median: float = Field(gt=0)
    sigma: float = Field(gt=0)

    def ppf(self, u: np.ndarray) -> np.ndarray:
        return self.median * np.exp(self.sigma * special.ndtri(u))

    def support(self) -> tuple[float, float]:
        return 0.0, float("inf")


class Fixed(_Strict):
    """A value held fixed, e.g. the calibration figure complaints_base = 9,389."""

    distribution: Literal["fixed"]
    value: float

    def ppf(self, u: np.ndarray) -> np.ndarray:
        return np.full(np.shape(u), self.value)

    def support(self) -> tuple[float, float]:
        return self.value, self.value


Distribution = Annotated[Triangular | Beta | Lognormal | Fixed, Field(discriminator="distribution")]


def stream_key(name: str) -> int:
    """A stable 64-bit key of a parameter name (Python's hash() changes between processes)."""
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "big")


def uniforms(seed: int, name: str, draws: int) -> np.ndarray:
    """The first `draws` uniforms of the stream of parameter `name` under `seed`.

    The stream depends only on (seed, name): `uniforms(7, "rr_po", 5)` is the same whichever
    scenario asks and whatever other parameters exist, and its first values do not change when
    more draws are asked for.
    """
    sequence = np.random.SeedSequence(entropy=seed, spawn_key=(stream_key(name),))
    return np.random.Generator(np.random.PCG64(sequence)).random(draws)


def is_random(distribution: Triangular | Beta | Lognormal | Fixed) -> bool:
    return not isinstance(distribution, Fixed)
