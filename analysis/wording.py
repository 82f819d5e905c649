"""Wording users read (labels, the report, the command's text) from jinja2 templates in
`templates/analysis/{az,en}/`; numbers formatted the way each language writes them."""

from __future__ import annotations

from functools import cache

import jinja2
import yaml

from qanun.templating import environment as templates

LANGUAGES = ("az", "en")


def number(value: float, lang: str) -> str:
    """`1234.5` as `1,235` in English and `1 235` in Azerbaijani; small values keep decimals."""
    if abs(value) < 0.005:  # no "-0.00" for a difference that rounds to nothing
        value = 0.0
    digits = 0 if abs(value) >= 100 or value == int(value) else 2 if abs(value) < 10 else 1
    text = f"{value:,.{digits}f}"
    if lang == "az":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text


# the written ordinal suffix follows the vowel harmony of the last number word spoken
_UNITS = {1: "ci", 2: "ci", 3: "cü", 4: "cü", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cu"}
_TENS = {1: "cu", 2: "ci", 3: "cu", 4: "cı", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cı"}


def ordinal_az(number_: int) -> str:
    """`2035` as `2035-ci`, `2026` as `2026-cı`, `2029` as `2029-cu`, `2030` as `2030-cu`."""
    if number_ % 10:
        suffix = _UNITS[number_ % 10]
    elif number_ % 100:
        suffix = _TENS[number_ // 10 % 10]
    elif number_ % 1000:
        suffix = "cü"  # yüz
    else:
        suffix = "ci"  # min
    return f"{number_}-{suffix}"


@cache
def environment(lang: str) -> jinja2.Environment:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    env = templates("analysis", lang, blocks="tidy")
    env.filters["num"] = lambda value: number(float(value), lang)
    env.filters["ordinal"] = ordinal_az
    return env


def render(template: str, lang: str, **context: object) -> str:
    return environment(lang).get_template(template).render(**context)


@cache
def labels(lang: str) -> dict[str, dict[str, str]]:
    """Names of outputs, axes and table columns, e.g. labels("az")["outputs"]["femicides"]."""
    return yaml.safe_load(render("labels.yaml.j2", lang))
