"""The form that adds or edits one amendment: target from the act's structure, operation, words.

The target is picked, never typed: an act, then an article (or the preamble), then the article or
one of its points. The form builds the operation dataclasses of `amendments.operations`; the
store validates and keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from amendments.operations import OPERATION_KINDS, UNKNOWN, Operation, Target
from amendments.packages import Amendment, PackageError
from corpus.ids import Num
from corpus.model import Provision
from workbench.i18n import label
from workbench.law_views import provision_label
from workbench.session import current, t

PREAMBLE = "preamble"
# Which inputs each operation needs, in the order the form shows them.
OPERATION_INPUTS: dict[str, tuple[str, ...]] = {
    "substitute": ("old", "new"),
    "delete": ("old",),
    "insert": ("anchor", "new", "position"),
    "add": ("new_num", "heading", "text"),
    "restate": ("heading", "text"),
    "repeal": (),
    "renumber": ("new_num",),
}
_LONG_INPUTS = ("text",)


@dataclass(frozen=True)
class Picked:
    """The provision a new amendment targets (or `preamble`), and its current wording."""

    act: str
    num: str
    eid: str | None
    current_text: str


def pick_target(corpus: Any, key: str, act_id: str | None = None) -> Picked:
    """Act → article (or preamble) → the article itself or one of its points."""
    works = sorted(corpus.works)
    lang = current().lang
    act_id = st.selectbox(
        t("amend.act"), works, key=f"{key}_act",
        index=works.index(act_id) if act_id in works else 0,
    )
    act = corpus.act(act_id)
    articles = act.articles()
    options = ([PREAMBLE] if act.preamble else []) + [a.eid for a in articles]
    by_eid = {a.eid: a for a in articles}
    # Keyed by the act (and the article) so each choice draws a fresh list: a selectbox that
    # keeps its value would keep showing the previous act's label for it.
    article_eid = st.selectbox(
        t("amend.article"), options, key=f"{key}_{act_id}_article",
        format_func=lambda e: (
            label(lang, "amend.preamble") if e == PREAMBLE else provision_label(by_eid[e], lang)
        ),
    )
    if article_eid == PREAMBLE:
        return Picked(act_id, PREAMBLE, None, act.preamble)
    inside = [p for p in by_eid[article_eid].walk() if p.is_numbered]
    within = {p.eid: p for p in inside}
    eid = st.selectbox(
        t("amend.provision"), list(within), key=f"{key}_{act_id}_{article_eid}_provision",
        format_func=lambda e: _short(within[e]),
    )
    provision = within[eid]
    return Picked(act_id, provision.num, provision.eid, provision.full_text())


def _short(provision: Provision) -> str:
    text = provision.text if len(provision.text) < 70 else provision.text[:70] + "…"
    return f"{provision.num}. {provision.heading or text}"


def operation_inputs(kind: str, key: str, start: dict[str, str] | None = None) -> dict[str, str]:
    """The inputs of operation `kind`, prefilled from `start` when editing."""
    start = start or {}
    lang = current().lang
    values: dict[str, str] = {}
    for name in OPERATION_INPUTS[kind]:
        widget_key = f"{key}_{kind}_{name}"
        if name == "position":
            values[name] = st.radio(
                t("amend.position"), ("after", "before"), key=widget_key, horizontal=True,
                index=0 if start.get(name, "after") == "after" else 1,
                format_func=lambda p: label(lang, f"amend.position_{p}"),
            )
        elif name in _LONG_INPUTS:
            values[name] = st.text_area(t(f"amend.{name}"), start.get(name, ""), key=widget_key)
        else:
            values[name] = st.text_input(t(f"amend.{name}"), start.get(name, ""), key=widget_key)
    return values


def build_operation(
    kind: str, picked: Picked, values: dict[str, str], commencement: str
) -> Operation:
    """The operation the form describes; a missing word or number is a `PackageError`."""
    for name in OPERATION_INPUTS[kind]:
        if name not in ("heading", "position") and not values.get(name, "").strip():
            raise PackageError(t("amend.missing", field=t(f"amend.{name}")))
    cls = OPERATION_KINDS[kind]
    if kind == "add":
        new_num = values["new_num"].strip().rstrip(".")
        parsed = Num.try_parse(new_num)
        if parsed is None:
            raise PackageError(t("amend.bad_number", num=new_num))
        target = Target(picked.act, new_num, parsed.eid)
        return cls(target=target, commencement=commencement, text=values["text"],
                   heading=values.get("heading", ""), after=picked.num)
    target = Target(picked.act, picked.num, picked.eid)
    fields = {name: value for name, value in values.items() if name != "new_num"}
    if kind == "renumber":
        fields["new_num"] = values["new_num"].strip().rstrip(".")
    return cls(target=target, commencement=commencement, **fields)


def amendment_fields(key: str, start: Amendment | None = None) -> dict[str, str]:
    """Justification in both languages and the commencement date (or `unknown`)."""
    return {
        "justification": st.text_area(
            t("amend.justification"), start.justification if start else "", key=f"{key}_just"
        ),
        "justification_en": st.text_area(
            t("amend.justification_en"), start.justification_en if start else "",
            key=f"{key}_just_en",
        ),
        "commencement": st.text_input(
            t("amend.commencement"), start.commencement if start else UNKNOWN,
            key=f"{key}_commencement", help=t("amend.commencement_help"),
        ),
    }


def new_amendment(
    amendment_id: str, kind: str, picked: Picked, values: dict[str, str], fields: dict[str, str]
) -> Amendment:
    commencement = fields["commencement"].strip() or UNKNOWN
    operation = build_operation(kind, picked, values, commencement)
    return Amendment(
        id=amendment_id, act=picked.act, operations=[operation],
        justification=fields["justification"], justification_en=fields["justification_en"],
        commencement=commencement, current_text=picked.current_text,
    )
