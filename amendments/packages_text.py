"""The wording people read about packages (lists, a package, a consolidation report), from the
jinja2 templates in `templates/packages/`, in Azerbaijani and English."""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

import jinja2

from qanun.templating import environment as templates

Language = Literal["az", "en"]
LANGUAGES: tuple[Language, ...] = ("az", "en")


@cache
def _environment() -> jinja2.Environment:
    return templates("packages", blocks="tidy")


def render(name: str, language: str, **data: Any) -> str:
    """Render `templates/packages/<language>/<name>.txt.j2`, e.g. `render("list", "az", ...)`."""
    if language not in LANGUAGES:
        raise ValueError(f"language {language!r}: Qanun writes az or en")
    return _environment().get_template(f"{language}/{name}.txt.j2").render(**data)
