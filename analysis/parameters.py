"""The default parameter tree: legal levers apart from behavioural priors, each with its source,
read from `analysis/data/parameters.yaml` (derived from ../shared/data/scenario-parameters.csv)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from analysis.distributions import Beta, Distribution, Fixed, Lognormal, Triangular
from analysis.yaml_source import read_yaml

PARAMETERS_FILE = Path(__file__).parent / "data" / "parameters.yaml"

PriorKind = Literal["probability", "ratio", "relative", "years", "count", "cost"]
LeverKind = Literal["switch", "share", "count"]
AnyDistribution = Triangular | Beta | Lognormal | Fixed
_INF = float("inf")
_KIND_BOUNDS: dict[str, tuple[float, float]] = {
    "probability": (0.0, 1.0),
    "relative": (-1.0, _INF),
    "ratio": (0.0, _INF),
    "years": (0.0, _INF),
    "count": (0.0, _INF),
    "cost": (0.0, _INF),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _PriorEntry(_Strict):
    distribution: str
    low: float | None = None
    mode: float | None = None
    high: float | None = None
    value: float | None = None
    alpha: float | None = None
    beta: float | None = None
    median: float | None = None
    sigma: float | None = None
    kind: PriorKind
    stage: str
    unit: str
    status: str
    source: str
    notes: str = ""
    csv: str = ""
    origin: Literal["csv", "qanun"] = "csv"


class _LeverEntry(_Strict):
    kind: LeverKind
    default: float
    bounds: tuple[float, float]
    unit: str
    reference: str
    priors: tuple[str, ...] = ()


class _CalibrationEntry(_Strict):
    figure: float
    year: int
    range: tuple[float, float]
    basis: str
    source: str


class _ParameterFile(_Strict):
    start_year: int
    years: int = Field(gt=0)
    priors: dict[str, _PriorEntry]
    levers: dict[str, dict[str, _LeverEntry]]
    calibration: dict[str, _CalibrationEntry]


class _DistributionOnly(_Strict):
    spec: Distribution


@dataclass(frozen=True)
class Prior:
    """A behavioural parameter: its distribution and where the numbers come from."""

    name: str
    distribution: AnyDistribution
    kind: PriorKind
    stage: str
    unit: str
    status: str
    source: str
    notes: str = ""
    origin: str = "csv"

    def bounds(self) -> tuple[float, float]:
        """What a validated edit may use: [0, 1] for probabilities, else the positive half-line."""
        return _KIND_BOUNDS[self.kind]


@dataclass(frozen=True)
class Lever:
    """A legal lever, e.g. `procedure.ex_officio_minor_harm` (CPC art. 37; CC art. 73)."""

    path: str
    kind: LeverKind
    default: float
    bounds: tuple[float, float]
    unit: str
    reference: str
    priors: tuple[str, ...]


@dataclass(frozen=True)
class CalibrationTarget:
    """An Azerbaijani figure the status quo must reproduce, e.g. 9,389 complaints in 2023."""

    output: str
    figure: float
    year: int
    range: tuple[float, float]
    basis: str
    source: str


@dataclass(frozen=True)
class ParameterBook:
    start_year: int
    years: int
    priors: dict[str, Prior]
    levers: dict[str, Lever]
    calibration: dict[str, CalibrationTarget]


def distribution_from(fields: dict[str, object]) -> AnyDistribution:
    """Validate a distribution given as plain fields (the default file keeps them flat)."""
    spec = {key: value for key, value in fields.items() if value is not None}
    return _DistributionOnly(spec=spec).spec


def load_parameters(path: Path = PARAMETERS_FILE) -> ParameterBook:
    """Read and validate a parameter file; errors name the file, line and key."""
    document = read_yaml(path)
    try:
        raw = _ParameterFile.model_validate(document.data)
    except ValidationError as exc:
        raise document.validation_error(exc) from exc
    priors: dict[str, Prior] = {}
    for name, entry in raw.priors.items():
        fields = {
            key: getattr(entry, key)
            for key in ("distribution", "low", "mode", "high", "value", "alpha", "beta", "median",
                        "sigma")
        }
        try:
            distribution = distribution_from(fields)
        except ValidationError as exc:
            raise document.validation_error(exc, ("priors", name)) from exc
        problem = support_problem_of(entry.kind, distribution)
        if problem:
            raise document.error(("priors", name), problem)
        priors[name] = Prior(name, distribution, entry.kind, entry.stage, entry.unit,
                             entry.status, entry.source, entry.notes, entry.origin)
    levers = {
        f"{group}.{name}": Lever(f"{group}.{name}", entry.kind, entry.default, entry.bounds,
                                 entry.unit, entry.reference, entry.priors)
        for group, members in raw.levers.items()
        for name, entry in members.items()
    }
    for lever in levers.values():
        for prior in lever.priors:
            if prior not in priors:
                group, name = lever.path.split(".")
                raise document.error(("levers", group, name, "priors"), f"unknown prior {prior!r}")
    calibration = {
        name: CalibrationTarget(name, entry.figure, entry.year, entry.range, entry.basis,
                                entry.source)
        for name, entry in raw.calibration.items()
    }
    return ParameterBook(raw.start_year, raw.years, priors, levers, calibration)


def support_problem(prior: Prior, distribution: AnyDistribution) -> str | None:
    """Why `distribution` cannot stand for `prior`, e.g. a probability reaching 1.3; else None."""
    return support_problem_of(prior.kind, distribution)


def support_problem_of(kind: PriorKind, distribution: AnyDistribution) -> str | None:
    low, high = distribution.support()
    if kind == "probability" and (low < 0.0 or high > 1.0):
        return f"probability outside [0, 1]: the distribution spans [{low:g}, {high:g}]"
    floor, ceiling = _KIND_BOUNDS[kind]
    if low < floor or high > ceiling:
        return f"{kind} outside [{floor:g}, {ceiling:g}]: spans [{low:g}, {high:g}]"
    return None


@cache
def default_parameters() -> ParameterBook:
    """The shipped parameter book (read once per process)."""
    return load_parameters()
