"""The documents' wording, read from `templates/documents/{az,en}/` (never from Python strings).

Each template file holds the macros of one document (`amending_law.j2`, `comparative_table.j2`,
`tracked.j2`) or of all three (`common.j2`); `wording("az").amending_law.title(acts)` renders one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2

from qanun.settings import TEMPLATES_DIR

LANGUAGES = ("az", "en")

# The Azerbaijani ordinal suffix follows the vowel of the last number word spoken: 1 bir-ci,
# 3 üç-cü, 6 altı-cı, 9 doqquz-cu; round tens, hundreds and thousands by their own word.
_UNITS = {0: "cı", 1: "ci", 2: "ci", 3: "cü", 4: "cü", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cu"}
_TENS = {1: "cu", 2: "ci", 3: "cu", 4: "cı", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cı"}
_LAST_NUMBER = re.compile(r"(\d+)\D*$")


def ordinal_suffix(num: str) -> str:
    """The suffix that makes a provision number ordinal.

    >>> [ordinal_suffix(n) for n in ("1.0.1", "4", "1.0.6", "94", "10", "40", "100", "355-2")]
    ['ci', 'cü', 'cı', 'cü', 'cu', 'cı', 'cü', 'ci']
    """
    match = _LAST_NUMBER.search(num)
    if not match:
        return "ci"
    value = int(match.group(1))
    if value % 10 or value == 0:
        return _UNITS[value % 10]
    if value % 100:
        return _TENS[(value // 10) % 10]
    return "cü" if value % 1000 else "ci"


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR / "documents"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
    )
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
