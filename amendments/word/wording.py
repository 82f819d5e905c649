"""The documents' wording, read from `templates/documents/{az,en}/` (never from Python strings).

Each template file holds the macros of one document (`amending_law.j2`, `comparative_table.j2`,
`tracked.j2`) or of all three (`common.j2`); `wording("az").amending_law.title(acts)` renders one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2

from amendments.formulas_numbers import ordinal_suffix
from qanun.templating import environment as templates

LANGUAGES = ("az", "en")
__all__ = ["LANGUAGES", "Wording", "ordinal_suffix", "wording"]

@cache
def _environment() -> jinja2.Environment:
    env = templates("documents")
    env.filters["ordinal"] = ordinal_suffix
    return env


class _Macros:
    """The macros and variables of one template, each macro returning plain stripped text."""

    def __init__(self, module: Any) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._module, name)
        if callable(value):
            return lambda *args, **kwargs: str(value(*args, **kwargs)).strip()
        return value


@dataclass(frozen=True)
class Wording:
    """Every template a document needs, in one language."""

    language: str
    common: _Macros
    amending_law: _Macros
    comparative_table: _Macros
    tracked: _Macros


@cache
def wording(language: str) -> Wording:
    if language not in LANGUAGES:
        raise ValueError(f"no document wording in {language!r}: expected one of {LANGUAGES}")
    env = _environment()

    def load(name: str) -> _Macros:
        return _Macros(env.get_template(f"{language}/{name}.j2").module)

    return Wording(
        language,
        common=load("common"),
        amending_law=load("amending_law"),
        comparative_table=load("comparative_table"),
        tracked=load("tracked"),
    )
