"""Law: search every act, read a provision with its footnotes, history and references.

The page's address holds the provision it shows (`law?act=criminal-code&eid=art_10`), so every
link between provisions is an ordinary page link and a provision can be bookmarked.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from workbench import law_views, reference_views
from workbench.i18n import label
from workbench.links import provision_link
from workbench.session import current, t
from workbench.state import law_corpus, search_index

corpus = law_corpus()
params = st.query_params
works = sorted(corpus.works)


def _follow_address() -> tuple[str, str | None]:
    """The act and eId in the address; an act that is not in the corpus falls back to the first."""
    act_id = params.get("act")
    if act_id not in corpus.works:
        if act_id:
            st.warning(t("law.unknown_act", act=act_id))
        act_id = "dv-law" if "dv-law" in corpus.works else works[0]
    if st.session_state.get("law_act") != act_id:
        st.session_state["law_act"] = act_id
    eid = params.get("eid")
    # Written back so the browser's address shows the provision a link opened (a page link to
    # the page already shown passes its parameters to the script but leaves the address as it
    # was), which keeps every provision bookmarkable.
    st.query_params.from_dict({"act": act_id, **({"eid": eid} if eid else {})})
    return act_id, eid


def _choose_act() -> None:
    st.query_params.clear()
    st.query_params["act"] = st.session_state["law_act"]


def _jump_to_number(act: Any) -> None:
    number = st.session_state.get("law_jump", "").strip()
    if not number:
        return
    found = act.find(number)
    if found is None:
        st.session_state["law_jump_error"] = number
        return
    st.session_state.pop("law_jump_error", None)
    st.query_params["act"] = act.work_id
    st.query_params["eid"] = found.eid


def _search_panel() -> None:
    query = st.text_input(t("law.search"), key="law_query", placeholder=t("law.search_hint"))
    if not query.strip():
        return
    hits = search_index().search(query, limit=30)
    st.caption(t("law.results", count=len(hits)))
    for hit in hits:
        entry = hit.entry
        label = t(
            "law.hit", act=entry.act, lang=entry.lang.upper(), num=entry.num or entry.eid,
            heading=entry.heading,
        )
        provision_link(entry.act, entry.eid, label)
        if hit.snippet:
            st.caption(hit.snippet)


def _contents_panel(act: Any) -> None:
    lang = current().lang
    st.selectbox(
        t("law.act"), works, key="law_act", on_change=_choose_act,
        format_func=lambda w: law_views.act_label(corpus, w, lang),
    )
    st.text_input(
        t("law.jump"), key="law_jump", placeholder="10.1.3",
        on_change=_jump_to_number, args=(act,),
    )
    if missing := st.session_state.get("law_jump_error"):
        st.error(t("law.jump_missing", num=missing, act=act.work_id))
    rows = law_views.contents_rows(act)
    labels = {row.eid: row.label for row in rows}
    eids = list(labels)
    current_eid = params.get("eid")
    # One selectbox rather than hundreds of links: the Criminal Code alone has 480 entries.
    st.selectbox(
        t("law.contents", count=len(rows)), eids, key=f"law_toc_{act.work_id}",
        index=eids.index(current_eid) if current_eid in labels else None,
        placeholder=t("law.contents_hint"), format_func=labels.__getitem__,
        on_change=_open_from_contents, args=(act.work_id,),
    )


def _open_from_contents(work_id: str) -> None:
    chosen = st.session_state.get(f"law_toc_{work_id}")
    if chosen:
        st.query_params["act"] = work_id
        st.query_params["eid"] = chosen


lang = current().lang
view = st.radio(t("law.view"), ("read", "corpus"), horizontal=True, key="law_view",
                label_visibility="collapsed",
                format_func=lambda v: label(lang, f"law.tab_{v}"))
act_id, eid = _follow_address()
act = corpus.act(act_id)
if view == "corpus":
    # Only on demand: the corpus-wide views need the whole law graph.
    reference_views.corpus_wide_panel(corpus)
else:
    side, main = st.columns([1, 2], gap="large")
    with side:
        _search_panel()
        st.divider()
        _contents_panel(act)
    with main:
        law_views.provision_panel(corpus, act, eid)
