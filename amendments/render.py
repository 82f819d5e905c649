"""Operations back into formula text, Azerbaijani or English, imperative or past, from the jinja2
templates in `templates/formulas/`; `parse_formula` (az) and `parse_formula_en` read them back.

>>> from amendments.operations import DeleteWords, Target
>>> render(DeleteWords(target=Target("dv-law", "1.0.1", "art_1__para_0__point_1"), old="yaxın"))
'1.0.1-ci maddədən “yaxın” sözü çıxarılsın.'
>>> render(DeleteWords(target=Target("dv-law", "1.0.1"), old="yaxın"), lang="en", mood="past")
'In Article 1.0.1, the word “yaxın” was deleted.'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

import jinja2

from amendments.formulas_numbers import (
    ordinal_suffix,
    ordinal_word,
    ordinal_word_en,
)
from amendments.operations import AddProvision, Operation, RestateProvision, Target
from qanun.templating import environment as templates

Language = Literal["az", "en"]
Mood = Literal["imperative", "past"]
LANGUAGES: tuple[Language, ...] = ("az", "en")
MOODS: tuple[Mood, ...] = ("imperative", "past")
_ARTICLE_WORD = {"az": "Maddə", "en": "Article"}


@dataclass(frozen=True)
class TargetView:
    """What the templates need to word a target: the kind of thing named, its number with the
    ordinal suffix, and the unit inside it split into kind and value."""

    kind: str  # provision, chapter, preamble, act
    num: str
    sfx: str
    unit_kind: str | None
    unit_value: str | None
    unit_ordinal: str | None
    unit_ordinal_en: str | None
    unit_sfx: str | None
    sub_kind: str | None = None
    sub_ordinal: str | None = None
    sub_ordinal_en: str | None = None


def render(op: Operation, lang: Language = "az", mood: Mood = "imperative") -> str:
    """The formula that states `op`; see the module docstring."""
    if lang not in LANGUAGES or mood not in MOODS:
        raise ValueError(f"no formulas for language {lang!r} and mood {mood!r}")
    view = target_view(op.target)
    parent = target_view(Target(op.target.act, op.target.num, op.target.eid))
    context = {
        "op": op,
        "mood": mood,
        "t": view,
        "parent": parent,
        "new_text": _new_text(op, lang),
        "after_sfx": ordinal_suffix(op.after) if isinstance(op, AddProvision) and op.after else "",
        "new_sfx": ordinal_suffix(getattr(op, "new_num", "") or "0"),
    }
    return _environment().get_template(f"{lang}/formula.j2").render(context).strip()


def target_view(target: Target) -> TargetView:
    unit = target.unit or ""
    kind = "provision"
    if target.num == "preamble":
        kind = "preamble"
    elif not target.num:
        kind = "act"
    elif unit.startswith("chapter"):
        kind, unit = "chapter", unit.partition("/")[2]
    unit, _, sub = unit.partition("/")
    sub_kind, _, sub_value = sub.partition(":")
    unit_kind, _, value = unit.partition(":")
    ordinal = ordinal_en = sfx = None
    if unit_kind in ("sentence", "paragraph") and value.isdigit():
        ordinal, ordinal_en = ordinal_word(int(value)), ordinal_word_en(int(value))
    elif value:
        sfx = ordinal_suffix(value) if value[:1].isdigit() else None
    return TargetView(
        kind=kind,
        num=target.num,
        sfx=ordinal_suffix(target.num) if kind in ("provision", "chapter") else "",
        unit_kind=unit_kind or None,
        unit_value=value or None,
        unit_ordinal=ordinal,
        unit_ordinal_en=ordinal_en,
        unit_sfx=sfx,
        sub_kind=sub_kind or None,
        sub_ordinal=ordinal_word(int(sub_value)) if sub_value.isdigit() else None,
        sub_ordinal_en=ordinal_word_en(int(sub_value)) if sub_value.isdigit() else None,
    )


def _new_text(op: Operation, lang: Language) -> str:
    """The quoted new wording of an added or restated provision, with its number (`1.0.3-1.`)
    or, for an article, its heading line (`Maddə 10-1. Heading`)."""
    if not isinstance(op, AddProvision | RestateProvision):
        return ""
    if not op.text and not op.heading:
        return ""
    if op.target.unit:
        return op.text
    if op.heading or "." not in op.target.num:
        first = f"{_ARTICLE_WORD[lang]} {op.target.num}. {op.heading}".rstrip()
        return f"{first}\n{op.text}" if op.text else first
    return f"{op.target.num}. {op.text}"


@cache
def _environment() -> jinja2.Environment:
    environment = templates("formulas")
    environment.globals.update(ordinal=ordinal_word, ordinal_en=ordinal_word_en)
    environment.filters["capitalize_first"] = lambda s: s[:1].upper() + s[1:]
    return environment


def render_report(name: str, lang: Language, **context: object) -> str:
    """A report for people (`history_report`, `amend_report`) from its template."""
    if lang not in LANGUAGES:
        raise ValueError(f"no reports in language {lang!r}")
    return _environment().get_template(f"{lang}/{name}.j2").render(context).rstrip() + "\n"
