"""Text Word cannot hold is cleaned with a diagnostic, and the document still reads back."""

from __future__ import annotations

from pathlib import Path

import pytest
from word_readback import accepted, body_paragraphs, part, rejected, table_rows, text

from amendments.word import KINDS, AmendedAct, DocumentInput, Item, Row, write
from amendments.word.sanitize import Sanitizer

# (dirty text, cleaned text, (codepoint, action) per cleaning)
CASES: tuple[tuple[str, str, list[tuple[str, str]]], ...] = (
    ("məişət zorakılığı", "məişət zorakılığı", []),
    ("şəxs\x00in", "şəxsin", [("U+0000", "removed")]),
    ("zərər\x07 çəkmiş", "zərər çəkmiş", [("U+0007", "removed")]),
    ("158.1.\x0b158.2.", "158.1.\n158.2.", [("U+000B", "replaced by a line break")]),
    ("orderi\ud83d", "orderi\ufffd", [("U+D83D", "replaced by U+FFFD")]),
    ("mühafizə\x92 orderi", "mühafizə orderi", [("U+0092", "removed")]),
    ("a\r\nb\rc", "a\nb\nc", []),
    ("\ufffe\uffff", "\ufffd\ufffd", [("U+FFFE", "replaced by U+FFFD"),
                                      ("U+FFFF", "replaced by U+FFFD")]),
)


@pytest.mark.parametrize(("dirty", "clean", "expected"), CASES)
def test_cleaning(dirty: str, clean: str, expected: list[tuple[str, str]]) -> None:
    sanitizer = Sanitizer()
    assert sanitizer.clean(dirty, "1.0.1") == clean
    assert [(c.codepoint, c.action) for c in sanitizer.cleanings] == expected
    assert all(c.where == "1.0.1" for c in sanitizer.cleanings)


DIRTY = DocumentInput(
    "dirty", "Paket\x01 adı", "draft", False, "az",
    [AmendedAct(
        "dv-law", "law", "Məişət zorakılığının qarşısının alınması haqqında", "",
        items=[Item("1.0.1-ci maddədən “yaxın\x1f” sözü çıxarılsın")],
        rows=[Row("1.0.1", "yaxın\x00 qohumluq", "qohumluq\ud800", "changed", "səbəb\x08",
                  "Aysel\x02", "2026-11-23")],
    )],
)


@pytest.mark.parametrize("kind", KINDS)
def test_documents_are_written_clean_and_report_what_was_cleaned(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / f"{kind}.docx"
    cleanings = write(DIRTY, kind, path)
    assert cleanings, "every document here holds dirty text"
    assert all(c.codepoint in {"U+0001", "U+001F", "U+0000", "U+D800", "U+0008", "U+0002"}
               for c in cleanings)
    assert "Paket adı" in "".join(part(path, "word/header1.xml").itertext())
    root = part(path)
    if kind == "amending-law":
        assert "1. 1.0.1-ci maddədən “yaxın” sözü çıxarılsın." in [
            text(p) for p in body_paragraphs(root)]
    elif kind == "comparative-table":
        row = table_rows(root)[1]
        assert [text(c) for c in row[2:]] == ["yaxın qohumluq", "qohumluq\ufffd", "səbəb"]
    else:
        wording = body_paragraphs(root)[-1]
        assert (rejected(wording), accepted(wording)) == ("yaxın qohumluq", "qohumluq\ufffd")
        assert {a for a in root.xpath("//@*[local-name()='author']")} == {"Aysel"}
