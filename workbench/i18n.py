"""The workbench's own labels in Azerbaijani and English, read from `templates/app/{az,en}.yaml`.

Each label is a jinja2 template string, so a label with values (`{{ count }} nəticə`) is rendered
the same way as every other text users read; no label is written in Python.
"""

from __future__ import annotations

import functools
from typing import Any

import jinja2
import yaml

from qanun.settings import TEMPLATES_DIR

LANGUAGES: tuple[str, ...] = ("az", "en")
LABELS_DIR = TEMPLATES_DIR / "app"

_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)


class MissingLabel(KeyError):
    """A label key that the language's file does not have (a bug in the workbench, not input)."""


@functools.cache
def labels(lang: str) -> dict[str, str]:
    """Every label of one language, flattened to dotted keys (`law.search`)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown interface language {lang!r}: expected one of {LANGUAGES}")
    tree = yaml.safe_load((LABELS_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
    return dict(_flatten(tree))


def _flatten(tree: dict[str, Any], prefix: str = "") -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for key, value in tree.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            pairs.extend(_flatten(value, dotted + "."))
        else:
            pairs.append((dotted, str(value)))
    return pairs


@functools.cache
def _template(lang: str, key: str) -> jinja2.Template:
    try:
        source = labels(lang)[key]
    except KeyError:
        raise MissingLabel(f"no label {key!r} in templates/app/{lang}.yaml") from None
    return _ENV.from_string(source)


def label(lang: str, key: str, /, **values: Any) -> str:
    """The label `key` in `lang`, with `values` filled in.

    >>> label("az", "law.results", count=3)
    '3 nəticə'
    """
    return _template(lang, key).render(**values)
