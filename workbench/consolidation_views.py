"""A package's consolidation preview (redline, failures, conflicts, dangling references) and
the three Word documents, in Azerbaijani or English, as downloads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from amendments.compare import compare
from amendments.consolidate import Consolidation, consolidate
from amendments.packages import Package
from workbench.links import provision_link
from workbench.redline import redline_html
from workbench.session import t
from workbench.state import citers, optional

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOCUMENT_KINDS = ("amending-law", "comparative-table", "tracked")


@st.cache_resource(show_spinner=False, max_entries=32)
def _consolidated(package_id: str, version: int, _package: Package, _corpus: Any) -> Consolidation:
    return consolidate(_package, _corpus, citers())


def consolidation(corpus: Any, package: Package) -> Consolidation:
    """The package applied to the corpus; one computation per stored version of the package."""
    return _consolidated(package.id, package.version, package, corpus)


def preview(corpus: Any, package: Package) -> None:
    if not package.amendments:
        st.info(t("packages.no_amendments"))
        return
    result = consolidation(corpus, package)
    applied, failed, conflicts, dangling = st.columns(4)
    applied.metric(t("preview.applied"), len(result.applied))
    failed.metric(t("preview.failed"), len(result.failed))
    conflicts.metric(t("preview.conflicts"), len(result.conflicts))
    dangling.metric(t("preview.dangling"), len(result.dangling) if result.references_checked
                    else "—")
    if result.partial_acts:
        st.info(t("preview.partial", acts=", ".join(result.partial_acts)))
    for wording in result.wordings:
        st.markdown(f"**{wording.act} · {wording.num}**")
        if not wording.before:
            st.caption(t("preview.new"))
        elif not wording.after:
            st.caption(t("preview.repealed"))
        st.html(redline_html(compare(wording.before, wording.after)))
    _problems(result)


def _problems(result: Consolidation) -> None:
    if result.failed:
        st.markdown(f"#### {t('preview.failed')}")
        st.dataframe(
            [{"№": f.operation.amendment,
              t("preview.col_target"): f"{f.operation.act} {f.operation.num}",
              t("preview.col_code"): f.code, t("preview.col_reason"): f.reason}
             for f in result.failed],
            hide_index=True, width="stretch",
        )
    if result.conflicts:
        st.markdown(f"#### {t('preview.conflicts')}")
        for conflict in result.conflicts:
            st.warning(t("preview.conflict", first=conflict.first.amendment,
                         second=conflict.second.amendment, num=conflict.first.num,
                         reason=conflict.reason))
    if not result.references_checked:
        st.caption(t("preview.references_unchecked"))
    elif result.dangling:
        st.markdown(f"#### {t('preview.dangling')}")
        for item in result.dangling:
            ref = item.reference
            provision_link(ref.source_act, ref.source_eid,
                           t("preview.dangling_ref", act=ref.source_act, num=ref.source_num,
                             target=item.cause.num, cause=t(f"operations.{item.cause.kind}")))


def documents(corpus: Any, package: Package) -> None:
    if not package.amendments:
        st.info(t("packages.no_amendments"))
        return
    document_input = optional("amendments.word.from_package", "document_input")
    if document_input is None:
        return
    lang = st.radio(t("documents.language"), ("az", "en"), horizontal=True, key="doc_lang",
                    format_func=str.upper)
    st.caption(t("documents.help"))
    for kind in DOCUMENT_KINDS:
        st.download_button(
            t(f"documents.{kind}"), _deferred(corpus, package, kind, lang, document_input),
            file_name=f"{package.id}-{kind}-{lang}.docx", mime=DOCX, key=f"doc_{kind}_{lang}",
        )


def document_bytes(corpus: Any, package: Package, kind: str, lang: str,
                   document_input: Callable[..., Any]) -> bytes:
    from amendments.word import to_bytes

    source = document_input(package, consolidation(corpus, package), lang)
    data, _cleanings = to_bytes(source, kind)
    return data


def _deferred(corpus: Any, package: Package, kind: str, lang: str,
              document_input: Callable[..., Any]) -> Callable[[], bytes]:
    # Written when the user clicks, so drawing the page never builds three documents.
    return lambda: document_bytes(corpus, package, kind, lang, document_input)
