"""What the Law page shows of one act and one provision: contents, text side by side, footnotes.

Everything here reads the parsed `Act`/`Provision` tree as it is; references, history and the
graph come from their own modules (`workbench.reference_views`, `workbench.history_views`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from corpus.model import Act, Provision
from workbench import history_views, reference_views
from workbench.i18n import label
from workbench.links import provision_link
from workbench.session import current, t

_CONTENTS_KINDS = ("part", "chapter", "section", "article")
_INDENT = {"part": 0, "chapter": 1, "section": 2, "article": 2}


@dataclass(frozen=True)
class ContentsRow:
    eid: str
    label: str


def act_label(corpus: Any, work_id: str, lang: str) -> str:
    """`criminal-code — Criminal Code` in English, the Azerbaijani title in Azerbaijani."""
    work = corpus.works[work_id]
    act = work.expression("az") or work.expressions[0]
    title = act.title_en if lang == "en" and act.title_en else act.title
    return f"{work_id} — {title}"


def provision_label(provision: Provision, lang: str | None = None) -> str:
    """`Article 10.1. Heading` in the interface language (or in `lang`)."""
    return label(
        lang or current().lang, f"kinds.{provision.kind}", num=provision.num or provision.eid,
        heading=provision.heading,
    ).strip()


def contents_rows(act: Act) -> list[ContentsRow]:
    return _contents_rows(act.frbr_expression, act)


@st.cache_resource(show_spinner=False, max_entries=64)
def _contents_rows(key: str, _act: Act) -> list[ContentsRow]:
    rows = []
    for provision in _act.walk():
        if provision.kind in _CONTENTS_KINDS:
            indent = "\u2003" * _INDENT.get(provision.kind, 0)
            rows.append(ContentsRow(provision.eid, indent + provision_label(provision)))
    return rows


def provision_panel(corpus: Any, act: Act, eid: str | None) -> None:
    """The act's front page when no provision is chosen, else the provision in full."""
    if not eid:
        _act_front(act)
        return
    provision = act.find(eid)
    if provision is None:
        st.warning(t("law.unknown_provision", eid=eid, act=act.work_id))
        _act_front(act)
        return
    st.caption(act.title)
    st.subheader(provision_label(provision))
    parallel = _parallel_expressions(corpus, act, provision.eid)
    columns = st.columns(len(parallel)) if len(parallel) > 1 else [st.container()]
    for column, (lang, found) in zip(columns, parallel, strict=True):
        with column:
            if len(parallel) > 1:
                st.markdown(f"**{lang.upper()}**")
            _provision_text(act.work_id, found)
    _footnotes(act, provision)
    history_views.history_panel(act, provision)
    reference_views.provision_references(corpus, act, provision)


def _parallel_expressions(corpus: Any, act: Act, eid: str) -> list[tuple[str, Provision]]:
    """The provision in every language the work has it in, the shown act's language first."""
    found = [(act.language, act.find(eid))]
    work = corpus.works[act.work_id]
    for lang in work.languages:
        if lang == act.language:
            continue
        other = work.expression(lang)
        same = other.find(eid) if other is not None else None
        if same is not None:
            found.append((lang, same))
    return [(lang, p) for lang, p in found if p is not None]


def _provision_text(work_id: str, provision: Provision) -> None:
    if provision.kind in ("part", "chapter", "section"):
        for child in provision.children:
            provision_link(work_id, child.eid, provision_label(child))
        return
    text = provision.full_text()
    st.markdown(_as_lines(text) if text else f"_{t('law.no_text')}_")
    if provision.incomplete:
        st.warning(t("law.incomplete"))
    if provision.inferred:
        st.info(t("law.inferred"))
    if provision.raw_text and provision.raw_text != provision.text:
        with st.expander(t("law.raw_text")):
            st.text(provision.raw_text)


def _as_lines(text: str) -> str:
    # Markdown would join the numbered points into one paragraph; two spaces keep each line.
    return "  \n".join(line.replace("*", "\\*") for line in text.splitlines())


def _footnotes(act: Act, provision: Provision) -> None:
    numbers = sorted({n for p in provision.walk() for n in p.footnotes})
    if not numbers:
        return
    with st.expander(t("law.footnotes", count=len(numbers))):
        for number in numbers:
            footnote = act.footnote(number)
            if footnote is not None:
                st.markdown(f"**[{number}]** {footnote.text}")


def _act_front(act: Act) -> None:
    st.subheader(act.title)
    if act.title_en and current().lang == "en":
        st.caption(act.title_en)
    facts = {
        t("law.fact_number"): act.number or "—",
        t("law.fact_date"): act.date or "—",
        t("law.fact_expression"): act.expression or "—",
        t("law.fact_frbr"): act.frbr_expression,
        t("law.fact_complete"): t("common.yes") if act.complete else t("common.no"),
        t("law.fact_articles"): str(len(act.articles())),
    }
    st.table({t("law.fact"): list(facts), t("law.value"): list(facts.values())})
    if act.preamble:
        st.markdown(f"_{act.preamble}_")
