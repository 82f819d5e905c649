"""Wording users read (labels, the report, the command's text) from jinja2 templates in
`templates/analysis/{az,en}/`; numbers formatted the way each language writes them."""

from __future__ import annotations

from functools import cache

import jinja2
import yaml

from qanun.settings import TEMPLATES_DIR

LANGUAGES = ("az", "en")


def number(value: float, lang: str) -> str:
    """`1234.5` as `1,235` in English and `1 235` in Azerbaijani; small values keep decimals."""
    digits = 0 if abs(value) >= 100 or value == int(value) else 2 if abs(value) < 10 else 1
    text = f"{value:,.{digits}f}"
    if lang == "az":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text


@cache
def environment(lang: str) -> jinja2.Environment:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR / "analysis" / lang),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["num"] = lambda value: number(float(value), lang)
    return env


def render(template: str, lang: str, **context: object) -> str:
    return environment(lang).get_template(template).render(**context)


@cache
def labels(lang: str) -> dict[str, dict[str, str]]:
    """Names of outputs, axes and table columns, e.g. labels("az")["outputs"]["femicides"]."""
    return yaml.safe_load(render("labels.yaml.j2", lang))
