"""Corpus: the acts with their sources and completeness, each parse's diagnostics, and uploads.

An uploaded text is checked, parsed at once (its diagnostics shown) and kept under the data
folder with its manifest entry; the shared corpus is only ever read.
"""

from __future__ import annotations

import streamlit as st

from corpus.manifest import Entry
from workbench import uploads
from workbench.session import t
from workbench.state import load_corpus, parse_upload, uploaded_acts

corpus = load_corpus()
st.header(t("nav.corpus"))
st.caption(t("corpus.folder", folder=str(corpus.folder), count=len(corpus.acts())))
acts_tab, diagnostics_tab, upload_tab = st.tabs(
    [t("corpus.tab_acts"), t("corpus.tab_diagnostics"), t("corpus.tab_upload")]
)
sources = {entry.path: entry for entry in corpus.entries}


def _acts_table(acts: list) -> None:
    st.dataframe(
        [
            {
                t("corpus.col_id"): act.work_id, t("corpus.col_lang"): act.language,
                t("corpus.col_kind"): act.kind, t("corpus.col_title"): act.title,
                t("corpus.col_complete"): "✓" if act.complete else t("corpus.partial"),
                t("corpus.col_articles"): len(act.articles()),
                t("corpus.col_provisions"): len(act.provisions()),
                t("corpus.col_footnotes"): len(act.footnotes),
                t("corpus.col_diagnostics"): len(act.diagnostics),
                t("corpus.col_path"): act.path,
                t("corpus.col_source"): sources[act.path].source if act.path in sources else "",
            }
            for act in acts
        ],
        hide_index=True, width="stretch",
    )


def _diagnostics(acts: list, key: str) -> None:
    paths = [act.path for act in acts]
    chosen = st.selectbox(t("corpus.choose_act"), paths, key=key)
    act = acts[paths.index(chosen)]
    if not act.diagnostics:
        st.success(t("corpus.no_diagnostics"))
        return
    st.dataframe(
        [
            {t("corpus.col_line"): d.line, t("corpus.col_code"): d.code,
             t("corpus.col_problem"): d.problem, t("corpus.col_action"): d.action}
            for d in act.diagnostics
        ],
        hide_index=True, width="stretch",
    )


def _upload_form() -> None:
    st.caption(t("corpus.upload_help", limit=uploads.UPLOAD_LIMIT_BYTES // 1_048_576))
    with st.form("corpus_upload"):
        file = st.file_uploader(t("corpus.file"), key="corpus_file")
        id_col, lang_col, kind_col = st.columns(3)
        act_id = id_col.text_input(t("corpus.field_id"), key="corpus_id")
        language = lang_col.selectbox(t("corpus.field_language"), ("az", "en"), key="corpus_lang")
        kind = kind_col.selectbox(t("corpus.field_kind"),
                                  ("law", "code", "amending-law", "decree", "other"),
                                  key="corpus_kind")
        title = st.text_input(t("corpus.field_title"), key="corpus_title")
        title_en = st.text_input(t("corpus.field_title_en"), key="corpus_title_en")
        number_col, date_col = st.columns(2)
        number = number_col.text_input(t("corpus.field_number"), key="corpus_number")
        date = date_col.text_input(t("corpus.field_date"), key="corpus_date")
        expression = st.text_input(t("corpus.field_expression"), key="corpus_expression")
        source = st.text_input(t("corpus.field_source"), key="corpus_source")
        complete = st.checkbox(t("corpus.field_complete"), value=True, key="corpus_complete")
        submitted = st.form_submit_button(t("corpus.upload"))
    if not submitted:
        return
    if file is None:
        st.error(t("corpus.no_file"))
        return
    entry = Entry(id=act_id.strip(), path=file.name, language=language, kind=kind, title=title,
                  title_en=title_en, number=number, date=date, expression=expression,
                  complete=complete, source=source)
    upload = uploads.Upload(file.name, file.getvalue(), entry)
    try:
        text = uploads.check(upload)
        act = parse_upload(text, entry)
        stored = uploads.store(upload)
    except uploads.UploadRefused as error:
        st.error(t("corpus.refused", reason=str(error)))
        return
    st.success(t("corpus.stored", path=stored.path, articles=len(act.articles()),
                 provisions=len(act.provisions()), diagnostics=len(act.diagnostics)))


with acts_tab:
    _acts_table(corpus.acts())
with diagnostics_tab:
    _diagnostics(corpus.acts(), "corpus_diag_act")
with upload_tab:
    _upload_form()
    if uploads.has_uploads():
        st.markdown(f"#### {t('corpus.uploaded')}")
        mine = uploaded_acts(uploads.uploads_dir())
        _acts_table(mine)
        _diagnostics(mine, "corpus_diag_upload")
