"""Packages: list, create and edit, move through the workflow, preview the consolidation, download.

Every change goes to the package store with the name and role chosen in the top bar; the store
decides what is allowed and the page shows its answer.
"""

from __future__ import annotations

import streamlit as st

from amendments.store import NotFound
from workbench import consolidation_views, package_views, package_writes
from workbench.session import t
from workbench.state import load_corpus, package_store

store = package_store()
st.header(t("nav.packages"))
package_writes.show_flash()
summaries = store.list()
listing, detail = st.columns([1, 2], gap="large")
with listing:
    package_views.summaries_table(summaries)
    ids = [s.id for s in summaries]
    wanted = st.query_params.get("package")
    if wanted in ids and "pkg_selected" not in st.session_state:
        st.session_state["pkg_selected"] = wanted
    if (opening := st.session_state.pop(package_views.OPEN_NEXT, None)) in ids:
        st.session_state["pkg_selected"] = opening
    selected = st.selectbox(t("packages.open"), ids, key="pkg_selected", index=None,
                            placeholder=t("packages.choose"))
    with st.expander(t("packages.new"), expanded=not ids):
        package_views.create_form(store)

with detail:
    if selected is None:
        st.info(t("packages.none_open"))
        st.stop()
    try:
        package = store.get(selected)
    except NotFound as error:
        st.error(str(error))
        st.stop()
    package_views.package_header(package)
    package_views.stale_notice(store, package)
    # Keyed, so a rerun keeps the open tab and expander however much their content changed.
    amend_tab, flow_tab, preview_tab, docs_tab, audit_tab = st.tabs([
        t("packages.tab_amendments"), t("packages.tab_workflow"), t("packages.tab_preview"),
        t("packages.tab_documents"), t("packages.tab_audit"),
    ], key="pkg_tabs")
    with amend_tab:
        package_views.amendments_table(package)
        with st.expander(t("amend.add_title"), key=f"pkg_add_open_{package.id}"):
            package_views.add_amendment(store, load_corpus(), package)
        with st.expander(t("amend.edit_title"), key=f"pkg_edit_open_{package.id}"):
            package_views.edit_amendment(store, load_corpus(), package)
    with flow_tab:
        package_views.workflow_panel(store, package)
    with preview_tab:
        consolidation_views.preview(load_corpus(), package)
    with docs_tab:
        consolidation_views.documents(load_corpus(), package)
    with audit_tab:
        package_views.audit_panel(store, package)
