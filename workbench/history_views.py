"""A provision's history on the Law page: which law changed it, when and how (from its footnotes).

Each footnote of the provision (and of its points) is read by `amendments.history` into effects;
the page shows them as a table with the previous wording where the footnote gives it.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from corpus.model import Act, Provision
from workbench.session import t
from workbench.state import optional


@st.cache_resource(show_spinner=False, max_entries=2048)
def _read(act_id: str, number: int, text: str) -> Any:
    from amendments.history import read_footnote

    return read_footnote(number, text, act_id)


def history_panel(act: Act, provision: Provision) -> None:
    numbers = sorted({n for p in provision.walk() for n in p.footnotes})
    with st.expander(t("law.history_count", count=len(numbers)), expanded=bool(numbers)):
        if not numbers:
            st.caption(t("law.no_history"))
            return
        if optional("amendments.history", "read_footnote") is None:
            return
        for number in numbers:
            footnote = act.footnote(number)
            if footnote is not None:
                _footnote_effects(act.work_id, number, footnote.text)


def _footnote_effects(act_id: str, number: int, text: str) -> None:
    history = _read(act_id, number, text)
    if not history.effects:
        st.markdown(f"**[{number}]** {t('law.history_unread', reason=history.reason or '—')}")
        return
    for effect in history.effects:
        law = effect.law
        st.markdown(t("law.history_effect", footnote=number, date=law.date or "—",
                      number=law.number or "—", targets=", ".join(effect.targets) or "—"))
        st.caption(effect.formula)
        if effect.previous_wording:
            st.markdown(f"_{t('law.previous_wording')}_  \n{effect.previous_wording}")
    if history.reason:
        st.caption(t("law.history_unread", reason=history.reason))
