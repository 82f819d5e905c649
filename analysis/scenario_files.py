"""Scenario files (YAML, validated strictly) and their explicit composition: a scenario is a small
diff on the parameter tree, as in OpenFisca, and components that conflict are an error."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from analysis.distributions import Distribution
from analysis.parameters import (
    AnyDistribution,
    ParameterBook,
    default_parameters,
    support_problem,
)
from analysis.yaml_source import ScenarioFileError, YamlDocument, read_yaml

SCENARIOS_DIR = Path(__file__).parent / "scenarios"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Wording(_Strict):
    az: str
    en: str


class _LeverSetting(_Strict):
    value: float
    in_force: int | dt.date | None = None
    reference: str | None = None


class _ScenarioFile(_Strict):
    name: str
    title: _Wording
    summary: _Wording | None = None
    compose: tuple[str, ...] = ()
    levers: dict[str, _LeverSetting] = {}
    priors: dict[str, Distribution] = {}


@dataclass(frozen=True)
class LeverSetting:
    """A lever's value from the year it enters into force, and which scenario set it."""

    path: str
    value: float
    in_force: int
    reference: str
    set_by: str


@dataclass(frozen=True)
class Scenario:
    """A resolved scenario: its own settings merged with those of every composed scenario."""

    name: str
    title: dict[str, str]
    summary: dict[str, str]
    levers: dict[str, LeverSetting] = field(default_factory=dict)
    priors: dict[str, AnyDistribution] = field(default_factory=dict)
    components: tuple[str, ...] = ()
    path: Path | None = None

    def lever_values(self, year: int, book: ParameterBook) -> dict[str, float]:
        """Every lever's value in `year`: the setting once in force, the default before."""
        values = {path: lever.default for path, lever in book.levers.items()}
        for path, setting in self.levers.items():
            if year >= setting.in_force:
                values[path] = setting.value
        return values

    def prior(self, name: str, book: ParameterBook) -> AnyDistribution:
        return self.priors.get(name, book.priors[name].distribution)


def shipped_names() -> list[str]:
    """Names of the scenarios shipped in `analysis/scenarios/` (S0 … S7, packages, Twinning)."""
    names = [path.stem for path in SCENARIOS_DIR.glob("*.yaml")]
    # the single reforms S0 … S7 first, then the packages and the Twinning levers
    return sorted(names, key=lambda name: (not re.fullmatch(r"S\d+", name), name))


def locate(name_or_path: str | Path, relative_to: Path | None = None) -> Path:
    """A shipped scenario's file by name, else a file path (relative to a composing file)."""
    candidate = Path(name_or_path)
    shipped = SCENARIOS_DIR / f"{name_or_path}.yaml"
    if candidate.suffix not in (".yaml", ".yml") and shipped.is_file():
        return shipped
    if relative_to is not None and not candidate.is_absolute():
        beside = relative_to.parent / candidate
        if beside.is_file():
            return beside
    if candidate.is_file():
        return candidate
    known = ", ".join(shipped_names())
    raise ScenarioFileError(candidate, None, "",
                            f"no such scenario file or name (shipped: {known})")


def load_scenario(
    name_or_path: str | Path, book: ParameterBook | None = None, _chain: tuple[Path, ...] = ()
) -> Scenario:
    """Load, validate and compose a scenario, e.g. `load_scenario("S1-S4")`.

    Errors name the file, line and key: `S9.yaml:7: levers.police.pro_arest: unknown lever`.
    """
    book = book or default_parameters()
    path = locate(name_or_path, _chain[-1] if _chain else None).resolve()
    if path in _chain:
        cycle = " -> ".join(p.stem for p in (*_chain, path))
        raise ScenarioFileError(path, None, "compose", f"composition cycle {cycle}")
    return _scenario(read_yaml(path), book, (*_chain, path))


def scenario_from_text(text: str, label: str = "edited.yaml",
                       book: ParameterBook | None = None) -> Scenario:
    """Validate a scenario being edited (e.g. in the workbench); errors cite `label`:line."""
    book = book or default_parameters()
    path = Path(label).resolve()
    return _scenario(read_yaml(path, text), book, (path,))


def scenario_yaml(name: str, title: dict[str, str], levers: dict[str, dict] | None = None,
                  priors: dict[str, dict] | None = None, compose: list[str] | None = None,
                  summary: dict[str, str] | None = None) -> str:
    """The YAML of a scenario built in an editor, validated before it is returned.

    `levers` maps a lever path to `{"value": …, "in_force": year}`; `priors` a prior's name to
    its distribution, e.g. `{"distribution": "triangular", "low": 0.5, "mode": 0.7, "high": 0.9}`.
    """
    document: dict[str, object] = {"name": name, "title": dict(title)}
    if summary:
        document["summary"] = dict(summary)
    if compose:
        document["compose"] = list(compose)
    if levers:
        document["levers"] = {path: dict(setting) for path, setting in levers.items()}
    if priors:
        document["priors"] = {prior: dict(spec) for prior, spec in priors.items()}
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    scenario_from_text(text, label=f"{name}.yaml")
    return text


def _scenario(document: YamlDocument, book: ParameterBook, chain: tuple[Path, ...]) -> Scenario:
    path = chain[-1]
    try:
        raw = _ScenarioFile.model_validate(document.data)
    except ValidationError as exc:
        raise document.validation_error(exc) from exc
    own_levers = _own_levers(raw, document, book)
    own_priors = _own_priors(raw, document, book)
    levers: dict[str, LeverSetting] = {}
    priors: dict[str, AnyDistribution] = {}
    origin: dict[str, str] = {}
    for index, component_name in enumerate(raw.compose):
        where = ("compose", index)
        try:
            locate(component_name, path)
        except ScenarioFileError as missing:
            raise document.error(where, f"{component_name!r}: {missing.problem}") from missing
        component = load_scenario(component_name, book, chain)
        _merge(levers, component.levers, origin, component.name, document, where)
        _merge(priors, component.priors, origin, component.name, document, where)
    _merge(levers, own_levers, origin, raw.name, document, ("levers",))
    _merge(priors, own_priors, origin, raw.name, document, ("priors",))
    summary = raw.summary or raw.title
    return Scenario(
        name=raw.name,
        title={"az": raw.title.az, "en": raw.title.en},
        summary={"az": summary.az, "en": summary.en},
        levers=levers,
        priors=priors,
        components=raw.compose,
        path=path,
    )


def _own_levers(
    raw: _ScenarioFile, document: YamlDocument, book: ParameterBook
) -> dict[str, LeverSetting]:
    settings: dict[str, LeverSetting] = {}
    for path, setting in raw.levers.items():
        location = ("levers", path)
        lever = book.levers.get(path)
        if lever is None:
            known = ", ".join(sorted(book.levers))
            raise document.error(location, f"unknown lever (known levers: {known})")
        low, high = lever.bounds
        if not low <= setting.value <= high:
            raise document.error(
                (*location, "value"),
                f"value {setting.value:g} outside the lever's bounds [{low:g}, {high:g}]",
            )
        if lever.kind == "switch" and setting.value not in (0.0, 1.0):
            raise document.error((*location, "value"), "a switch is 0 (off) or 1 (on)")
        settings[path] = LeverSetting(
            path=path,
            value=setting.value,
            in_force=_year_of(setting.in_force, book),
            reference=setting.reference or lever.reference,
            set_by=raw.name,
        )
    return settings


def _year_of(in_force: int | dt.date | None, book: ParameterBook) -> int:
    if in_force is None:
        return book.start_year
    return in_force.year if isinstance(in_force, dt.date) else in_force


def _own_priors(
    raw: _ScenarioFile, document: YamlDocument, book: ParameterBook
) -> dict[str, AnyDistribution]:
    for name, distribution in raw.priors.items():
        location = ("priors", name)
        prior = book.priors.get(name)
        if prior is None:
            raise document.error(location, "unknown prior (see analysis/data/parameters.yaml)")
        problem = support_problem(prior, distribution)
        if problem:
            raise document.error(location, problem)
    return dict(raw.priors)


def _merge(
    into: dict, new: dict, origin: dict[str, str], source: str, document: YamlDocument,
    location: tuple,
) -> None:
    for key, value in new.items():
        if key in into and into[key] != _rebadged(value, into[key]):
            raise document.error(
                location,
                f"conflict: {origin[key]} and {source} both set {key} "
                f"({_describe(into[key])} vs {_describe(value)})",
            )
        if key not in into:
            into[key] = value
            origin[key] = source


def _rebadged(value: object, existing: object) -> object:
    """Two settings equal but for the scenario that made them do not conflict."""
    if isinstance(value, LeverSetting) and isinstance(existing, LeverSetting):
        return LeverSetting(value.path, value.value, value.in_force, value.reference,
                            existing.set_by)
    return value


def _describe(value: object) -> str:
    if isinstance(value, LeverSetting):
        return f"{value.value:g} from {value.in_force}"
    return str(value)
