"""Text output of the corpus and graph commands, from `templates/cli/<lang>/`.

The `--json` outputs are the stable interfaces; these are the same data worded for people, in
Azerbaijani or English.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

import jinja2
import typer

from qanun.cli.output import fail
from qanun.templating import environment

LANGUAGES = ("az", "en")
ReportLangOption = Annotated[
    str, typer.Option("--lang", help="Language of the text output: az or en.")
]


@cache
def _environment() -> jinja2.Environment:
    return environment("cli", blocks="tidy")


def require_language(lang: str) -> str:
    """`lang` when it is a language of the text output; else the command stops and says so."""
    if lang not in LANGUAGES:
        raise fail(f"--lang must be az or en, not {lang!r}")
    return lang


def language_of(act_language: str) -> str:
    """The language to report on an act in: the act's own, or English for any other."""
    return act_language if act_language in LANGUAGES else "en"


def echo_report(name: str, lang: str, **context: Any) -> None:
    """Print the report `name` (`corpus_build`, `graph_stats` …) in `lang`."""
    require_language(lang)
    text = _environment().get_template(f"{lang}/{name}.j2").render(context)
    typer.echo(text.rstrip("\n"))
