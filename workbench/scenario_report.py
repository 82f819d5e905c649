"""The Word report of a comparison (`analysis.report.write_report`), as downloads in AZ and EN.

The report is written only when the user clicks (a deferred download), into a temporary file
that is read back and removed.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from workbench.i18n import LANGUAGES
from workbench.session import t

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def report_bytes(results: Any, lang: str, sensitivity: Any | None = None) -> bytes:
    from analysis import write_report

    with tempfile.TemporaryDirectory() as folder:
        path = write_report(results, Path(folder) / "report.docx", lang=lang,
                            sensitivity=sensitivity)
        return path.read_bytes()


def _deferred(results: Any, lang: str, sensitivity: Any | None) -> Callable[[], bytes]:
    return lambda: report_bytes(results, lang, sensitivity)


def report_button(container: Any, comparison: Any) -> None:
    """One download per language; the sensitivity last computed goes in when it fits the run."""
    found = st.session_state.get("scn_sensitivity")
    sensitivity = found if found is not None and found.baseline == comparison.results.baseline \
        else None
    for column, lang in zip(container.columns(len(LANGUAGES)), LANGUAGES, strict=True):
        column.download_button(
            t("scenarios.download_report", lang=lang.upper()),
            _deferred(comparison.results, lang, sensitivity),
            file_name=f"qanun-scenarios-{lang}.docx", mime=DOCX, key=f"scn_report_{lang}",
        )
