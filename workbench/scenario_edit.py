"""Editing a scenario in the workbench: lever values and priors, saved as a scenario file.

An edit is written as an ordinary scenario YAML under the data folder (`scenarios/NAME.yaml`) and
loaded back through `analysis.scenario_files.load_scenario`, so the same strict validation that
guards the shipped files (bounds, switches, supports) guards the workbench; a refused edit is
deleted again and its error shown.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import streamlit as st

import analysis
from qanun.settings import data_dir
from workbench.i18n import LANGUAGES, label
from workbench.session import t

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,40}$")
_STEP = {"switch": 1.0, "share": 0.05, "count": 1.0}


class EditRefused(ValueError):
    """An edited scenario the validator refused; the message names the key and the problem."""


def edits_dir() -> Path:
    path = data_dir() / "scenarios"
    path.mkdir(parents=True, exist_ok=True)
    return path


def available() -> dict[str, str]:
    """Label → what `analysis.run` accepts: shipped names and saved edits (paths)."""
    found = {name: name for name in analysis.shipped_names()}
    for path in sorted(edits_dir().glob("*.yaml")):
        found[t("scenarios.edited_label", name=path.stem)] = str(path)
    return found


def lever_inputs(base: Any, key: str) -> dict[str, float]:
    """One number per lever, starting from the base scenario's setting; bounds in the help.

    The inputs take any number: the scenario validator, not the widget, decides what is allowed.
    """
    chosen: dict[str, float] = {}
    columns = st.columns(2)
    for index, (path, lever) in enumerate(sorted(analysis.levers().items())):
        low, high = lever.bounds
        setting = base.levers.get(path)
        chosen[path] = columns[index % 2].number_input(
            path, value=float(setting.value if setting else lever.default),
            step=_STEP.get(lever.kind, 0.1), key=f"{key}_{path}", format="%g",
            help=t("scenarios.lever_help", kind=lever.kind, unit=lever.unit, low=f"{low:g}",
                   high=f"{high:g}", reference=lever.reference),
        )
    return chosen


def prior_inputs(base: Any, key: str) -> dict[str, dict[str, Any]]:
    """The parameters of one chosen prior's distribution (its family stays as it is)."""
    priors = analysis.priors()
    name = st.selectbox(t("scenarios.prior"), sorted(priors), key=f"{key}_prior",
                        index=None, placeholder=t("scenarios.prior_none"))
    if name is None:
        return {}
    prior = priors[name]
    st.caption(t("scenarios.prior_source", source=prior.source, unit=prior.unit,
                 kind=prior.kind, status=prior.status))
    spec = base.priors.get(name, prior.distribution).model_dump()
    edited: dict[str, Any] = {"distribution": spec["distribution"]}
    numbers = [(field, value) for field, value in spec.items() if field != "distribution"]
    for column, (field, value) in zip(st.columns(max(len(numbers), 1)), numbers, strict=False):
        edited[field] = column.number_input(field, value=float(value), key=f"{key}_{name}_{field}",
                                            format="%g")
    return {name: edited}


def save_edit(name: str, base: Any, levers: dict[str, float], priors: dict[str, dict]) -> Any:
    """Validate the edited scenario (`analysis.scenario_yaml`); only a valid one is written."""
    name = name.strip()
    if not _NAME.match(name):
        raise EditRefused(t("scenarios.bad_name", name=name))
    if name in analysis.shipped_names():
        raise EditRefused(t("scenarios.name_taken", name=name))
    titles = {lang: label(lang, "scenarios.edited_title", title=base.title[lang])
              for lang in LANGUAGES}
    own_priors = {n: d.model_dump() for n, d in base.priors.items()} | priors
    try:
        text = analysis.scenario_yaml(name, titles, _settings(base, levers), own_priors,
                                      summary=dict(base.summary))
    except analysis.ScenarioFileError as error:
        where = f"{error.key} (line {error.line})" if error.line else error.key
        raise EditRefused(t("scenarios.refused", where=where, problem=error.problem)) from None
    path = edits_dir() / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return analysis.load_scenario(path)


def _settings(base: Any, levers: dict[str, float]) -> dict[str, dict[str, Any]]:
    """The levers the edit sets: those the base set (with their dates) and those changed."""
    defaults = {path: lever.default for path, lever in analysis.levers().items()}
    settings: dict[str, dict[str, Any]] = {}
    for path, value in levers.items():
        set_before = base.levers.get(path)
        if set_before is None and value == defaults[path]:
            continue
        setting: dict[str, Any] = {"value": value}
        if set_before is not None:
            setting["in_force"] = set_before.in_force
        settings[path] = setting
    return settings


def default_name(base: Any) -> str:
    return f"{base.name}-edit"
