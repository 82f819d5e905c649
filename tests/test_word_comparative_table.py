"""The comparative table read back with lxml: headings, one row per provision, deleted words
struck in the current wording, inserted words bold in the proposed one, new and repealed rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from word_cases import CHANGES_2024, input_2024, provision_text, rows_2024
from word_readback import marked, part, table_rows, text

from amendments.word import AmendedAct, DocumentInput, Row, write

HEADINGS = {
    "az": ["№", "Struktur vahid", "Qüvvədə olan redaksiya", "Təklif olunan redaksiya",
           "Əsaslandırma"],
    "en": ["No.", "Structural unit", "Current wording", "Proposed wording", "Justification"],
}
UNITS = {
    "az": ["Preambula", "1.0.1-ci maddə", "1.0.2-ci maddə", "1.0.3-cü maddə", "1.0.4-cü maddə"],
    "en": ["Preamble", "Article 1.0.1", "Article 1.0.2", "Article 1.0.3", "Article 1.0.4"],
}


def _rows(tmp_path: Path, source: DocumentInput) -> list[list[str]]:
    path = tmp_path / f"table-{source.language}.docx"
    write(source, "comparative-table", path)
    return table_rows(part(path))


@pytest.mark.parametrize("language", ["az", "en"])
def test_headings_and_one_row_per_provision(tmp_path: Path, language: str) -> None:
    rows = _rows(tmp_path, input_2024(language))
    assert [text(c) for c in rows[0]] == HEADINGS[language]
    assert [text(r[0]) for r in rows[1:]] == ["1", "2", "3", "4", "5"]
    assert [text(r[1]) for r in rows[1:]] == UNITS[language]
    heading_row = rows[0][0].getparent()
    assert heading_row.find("{*}trPr/{*}tblHeader") is not None


@pytest.mark.parametrize("num", ["preamble", "1.0.1", "1.0.2", "1.0.3", "1.0.4"])
def test_cells_hold_both_wordings_with_the_changed_words_marked(tmp_path: Path, num: str) -> None:
    source = input_2024("az")
    rows = _rows(tmp_path, source)
    index = [r.num for r in source.acts[0].rows].index(num) + 1
    _, _, current, proposed, justification = rows[index]
    expected = next(r for r in rows_2024() if r.num == num)
    assert text(current) == provision_text(num)
    assert text(proposed) == expected.after
    assert text(justification) == f"2024: {num}"
    olds = [old for n, old, _ in CHANGES_2024 if n == num]
    news = [new for n, _, new in CHANGES_2024 if n == num and new]
    assert [s.strip() for s in marked(current, "strike")] == [o.strip() for o in olds]
    assert marked(proposed, "b") == news
    assert marked(current, "b") == [] and marked(proposed, "strike") == []


NEW_AND_REPEALED = AmendedAct(
    "civil-procedure-code", "code", "Mülki Prosessual", "Azərbaycan Respublikasının Mülki "
    "Prosessual Məcəlləsi",
    rows=[
        Row("355-4.3", "", "Uzunmüddətli mühafizə orderinin surəti polis orqanına göndərilir.",
            "new", "Orderin icrasına nəzarət üçün."),
        Row("355-1.2", "Uzunmüddətli mühafizə orderinin verilməsi barədə ərizə zərər çəkmiş "
            "şəxsin yaşadığı (olduğu) yer üzrə verilir.", "", "repealed", "Artıq tələb olunmur."),
    ],
)
# (language, unit of the new row, its current cell, unit of the repealed row, its proposed cell)
MARKERS = (
    ("az", "355-4.3-cü maddə (yeni)", "Yoxdur (yeni struktur vahid)",
     "355-1.2-ci maddə (çıxarılır)", "Çıxarılır"),
    ("en", "Article 355-4.3 (new)", "None (new structural unit)", "Article 355-1.2 (repealed)",
     "Repealed"),
)


@pytest.mark.parametrize(("language", "new_unit", "absent", "repealed_unit", "repealed"), MARKERS)
def test_new_and_repealed_provisions_are_shown_as_such(
    tmp_path: Path, language: str, new_unit: str, absent: str, repealed_unit: str, repealed: str
) -> None:
    source = DocumentInput("uadm", "UADM", "draft", True, language, [NEW_AND_REPEALED])
    rows = _rows(tmp_path, source)
    new, gone = rows[1], rows[2]
    assert text(new[1]) == new_unit
    assert marked(new[2], "i") == [absent]
    assert marked(new[3], "b") == [NEW_AND_REPEALED.rows[0].after]
    assert text(gone[1]) == repealed_unit
    assert marked(gone[2], "strike") == [NEW_AND_REPEALED.rows[1].before]
    assert marked(gone[3], "i") == [repealed]


def test_several_acts_get_a_spanning_row_each(tmp_path: Path) -> None:
    source = input_2024("az")
    source.acts.append(NEW_AND_REPEALED)
    rows = _rows(tmp_path, source)
    spanning = [r for r in rows if len(r) == 1]
    assert [text(r[0]) for r in spanning] == [
        "“Məişət zorakılığının qarşısının alınması haqqında” Azərbaycan Respublikasının Qanunu",
        "Azərbaycan Respublikasının Mülki Prosessual Məcəlləsi",
    ]
    assert spanning[0][0].find("{*}tcPr/{*}gridSpan").get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") == "5"
    assert [text(r[0]) for r in rows if len(r) == 5][1:] == [str(n) for n in range(1, 8)]


def test_the_table_page_is_landscape_a4(tmp_path: Path) -> None:
    path = tmp_path / "t.docx"
    write(input_2024("az"), "comparative-table", path)
    size = part(path).find(".//{*}sectPr/{*}pgSz")
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert (size.get(f"{w}w"), size.get(f"{w}h"), size.get(f"{w}orient")) == (
        "16838", "11906", "landscape")
