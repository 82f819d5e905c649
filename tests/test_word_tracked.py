"""The consolidated text with native tracked changes, read back with lxml: `w:ins`/`w:del` with
author and date, and accepting every revision gives the consolidated text, rejecting the current."""

from __future__ import annotations

from pathlib import Path

import pytest
from word_cases import AUTHOR, DRAFT, input_2024, provision_text, rows_2024
from word_readback import (
    NS,
    accepted,
    accepted_paragraphs,
    body_paragraphs,
    part,
    rejected,
    rejected_paragraphs,
    revisions,
    style_of,
    text,
)

from amendments.word import DocumentInput, write


def _provision_paragraphs(path: Path) -> dict[str, object]:
    """Each unit heading's text -> the paragraph of wording that follows it."""
    paragraphs = body_paragraphs(part(path))
    return {
        text(p): paragraphs[i + 1]
        for i, p in enumerate(paragraphs)
        if style_of(p) == "QanunUnit"
    }


@pytest.fixture
def tracked_2024(tmp_path: Path) -> Path:
    path = tmp_path / "tracked.docx"
    assert write(input_2024("az"), "tracked", path) == []
    return path


UNITS = {"Preambula": "preamble", "1.0.1-ci maddə": "1.0.1", "1.0.2-ci maddə": "1.0.2",
         "1.0.3-cü maddə": "1.0.3", "1.0.4-cü maddə": "1.0.4"}


def test_accepting_gives_the_consolidated_text_and_rejecting_the_current(
    tracked_2024: Path,
) -> None:
    paragraphs = _provision_paragraphs(tracked_2024)
    assert list(paragraphs) == list(UNITS)
    after = {r.num: r.after for r in rows_2024()}
    for unit, num in UNITS.items():
        assert accepted(paragraphs[unit]) == after[num]
        assert rejected(paragraphs[unit]) == provision_text(num)


def test_revisions_carry_author_date_and_the_changed_words(tracked_2024: Path) -> None:
    found = revisions(part(tracked_2024))
    assert {(author, date) for _, author, date, _ in found} == {(AUTHOR, "2024-03-29T00:00:00Z")}
    assert [(kind, words.strip()) for kind, _, _, words in found] == [
        ("del", "yaxın"),
        ("del", "yaxın"),
        ("del", "şamil edildiyi"),
        ("ins", "4-cü maddəsində göstərilən"),
        ("del", "bir yerdə yaşadığı ailə üzvünün, yaxın qohumunun, qanuni nikahda olmadığı və ya "
                "əvvəllər birgə yaşadığı şəxsin ona"),
        ("ins", "bu Qanunun 4-cü maddəsində göstərilən şəxslərin birinin digərinə"),
        ("del", "şamil edildiyi"),
        ("ins", "4-cü maddəsində göstərilən"),
        ("del", "şamil edildiyi"),
        ("ins", "4-cü maddəsində göstərilən"),
    ]


def test_deleted_text_sits_in_deltext_and_ids_are_unique(tracked_2024: Path) -> None:
    root = part(tracked_2024)
    assert root.xpath("//w:del//w:t", namespaces=NS) == []
    assert root.xpath("//w:ins//w:delText", namespaces=NS) == []
    assert len(root.xpath("//w:del//w:delText", namespaces=NS)) == 6
    ids = root.xpath("//w:ins/@w:id | //w:del/@w:id", namespaces=NS)
    assert len(ids) == len(set(ids)) == 10


def test_each_row_has_its_own_author_and_date_and_kind_of_revision(tmp_path: Path) -> None:
    source = DocumentInput("s4", "Police barring orders", "draft", True, "az", [DRAFT],
                           "2026-11-23")
    path = tmp_path / "draft.docx"
    write(source, "tracked", path)
    found = revisions(part(path))
    aysel, rauf, nobody = ("Aysel Məmmədova", "2026-11-20T05:30:00Z"), (
        "Rauf Əliyev", "2026-11-23T00:00:00Z"), ("Qanun", "2026-11-23T00:00:00Z")
    # A new or repealed provision comes or goes whole: its heading, its words, both paragraph
    # marks (the empty texts).
    assert found == [
        ("del", *aysel, "otuz beş"),
        ("ins", *aysel, "yüz"),
        ("del", *aysel, "əlli"),
        ("ins", *aysel, "iki yüz"),
        ("ins", *rauf, ""),
        ("ins", *rauf, "158.5-ci maddə"),
        ("ins", *rauf, ""),
        ("ins", *rauf, DRAFT.rows[1].after),
        ("del", *nobody, ""),
        ("del", *nobody, "158.2-1-ci maddə"),
        ("del", *nobody, ""),
        ("del", *nobody, DRAFT.rows[2].before),
    ]
    paragraphs = _provision_paragraphs(path)
    assert list(paragraphs) == ["158.3-cü maddə", "158.5-ci maddə", "158.2-1-ci maddə"]
    for row, paragraph in zip(DRAFT.rows, paragraphs.values(), strict=True):
        assert accepted(paragraph) == row.after
        assert rejected(paragraph) == row.before
    assert len(part(path).xpath("//w:del//w:br", namespaces=NS)) == 0
    assert len(part(path).xpath("//w:ins//w:br", namespaces=NS)) == 1


def test_accepting_or_rejecting_everything_leaves_whole_provisions(tmp_path: Path) -> None:
    source = DocumentInput("s4", "Police barring orders", "draft", False, "az", [DRAFT])
    path = tmp_path / "draft.docx"
    write(source, "tracked", path)
    root = part(path)
    changed, new, repealed = DRAFT.rows
    # After the title, the note and the act's heading: the provisions, one heading line each.
    assert accepted_paragraphs(root)[3:] == [
        "158.3-cü maddə", changed.after, "158.5-ci maddə", new.after]
    assert rejected_paragraphs(root)[3:] == [
        "158.3-cü maddə", changed.before, "158.2-1-ci maddə", repealed.before]


def test_english_unit_labels(tmp_path: Path) -> None:
    source = DocumentInput("s4", "Police barring orders", "draft", False, "en", [DRAFT])
    path = tmp_path / "draft-en.docx"
    write(source, "tracked", path)
    assert list(_provision_paragraphs(path)) == [
        "Article 158.3", "Article 158.5", "Article 158.2-1"]
    texts = [text(p) for p in body_paragraphs(part(path))]
    assert texts[0].startswith("Consolidated text with tracked changes: İnzibati Xətalar")
