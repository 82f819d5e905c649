"""From a package and its consolidation to the three documents: the real 2024 package and an
illustrative draft on the DV law that adds, restates and repeals provisions."""

from __future__ import annotations

from pathlib import Path

import pytest
from word_cases import dv_law, provision_text
from word_readback import (
    accepted,
    body_paragraphs,
    marked,
    paragraph_texts,
    part,
    rejected,
    style_of,
    table_rows,
    text,
)

from amendments.consolidate import consolidate
from amendments.operations import AddProvision, Repeal, RestateProvision, SubstituteWords, Target
from amendments.packages import Amendment, Package
from amendments.shipped import load
from amendments.word import write
from amendments.word.from_package import act_naming, document_input, items_of
from corpus.model import Act


class DvLawOnly:
    """The corpus as consolidation sees it, holding the DV law alone (parsed from the corpus)."""

    def act(self, work_id: str, language: str = "az") -> Act:
        if work_id != "dv-law":
            raise KeyError(f"no act {work_id!r} in this test corpus")
        return dv_law()


NEW_1_0_9 = ("yerli monitorinq qrupu – məişət zorakılığı hallarının monitorinqini həyata "
             "keçirən kollegial orqan;")
RESTATED_1_0_4 = ("məişət zəminində psixi zorakılıq - şəxsə qəsdən psixi təzyiq göstərilməsi və "
                  "ya dözülməz psixi şərait yaradılması;")
DRAFT = Package(
    id="mq-draft", title="Monitorinq qrupları", title_en="Monitoring Groups", status="draft",
    authors=["Aysel Məmmədova"], illustrative=True, created="2026-11-20T09:00:00+00:00",
    amendments=[
        Amendment("1", "dv-law", [AddProvision(Target("dv-law", "1.0.9"), text=NEW_1_0_9,
                                               after="1.0.8")],
                  justification="Anlayış lazımdır.", justification_en="A definition is needed."),
        Amendment("2", "dv-law", [RestateProvision(Target("dv-law", "1.0.4"),
                                                   text=RESTATED_1_0_4)],
                  justification="Dəqiqləşdirmə.", justification_en="Clarified."),
        Amendment("3", "dv-law", [Repeal(Target("dv-law", "1.0.3"))],
                  justification="Artıqdır.", justification_en="Redundant."),
        Amendment("4", "dv-law", [SubstituteWords(Target("dv-law", "1.0.1"), old="qəsdən",
                                                  new="qəsdən və ya ehtiyatsızlıqdan")],
                  justification="Əhatə.", justification_en="Scope."),
    ],
)


@pytest.fixture(scope="module")
def draft_consolidation():  # type: ignore[no-untyped-def]
    return consolidate(DRAFT, DvLawOnly())


def test_acts_are_named_from_their_corpus_titles() -> None:
    act = dv_law()
    assert act_naming(act.title, act.title_en, "az") == (
        "law", "Məişət zorakılığının qarşısının alınması haqqında")
    assert act_naming(act.title, act.title_en, "en") == (
        "law", "Law on Prevention of Domestic Violence")
    assert act_naming("Azərbaycan Respublikasının İnzibati Xətalar Məcəlləsi (157-158-ci "
                      "maddələr)", "", "az") == ("code", "İnzibati Xətalar")


def test_rows_follow_the_consolidation(draft_consolidation) -> None:  # type: ignore[no-untyped-def]
    assert draft_consolidation.failed == []
    source = document_input(DRAFT, draft_consolidation, "en")
    (act,) = source.acts
    states = {r.num: (r.state, r.justification) for r in act.rows}
    assert states == {
        "1.0.9": ("new", "A definition is needed."),
        "1.0.4": ("changed", "Clarified."),
        "1.0.3": ("repealed", "Redundant."),
        "1.0.1": ("changed", "Scope."),
    }
    assert {r.author for r in act.rows} == {"Aysel Məmmədova"}
    assert source.package_title == "Monitoring Groups" and source.illustrative


def test_items_carry_rendered_formulas_and_quoted_wording() -> None:
    (add,) = items_of(DRAFT.amendments[0], "az")
    assert add.formula.endswith("1.0.9-cu maddə əlavə edilsin:")
    assert add.quoted == [f"1.0.9. {NEW_1_0_9}"]
    assert add.article == "1"
    (joined,) = items_of(load("dv-law-2024").package.amendment("2.1"), "az")
    assert joined.formula == (
        "1.0.1-ci maddədən “yaxın” sözü çıxarılsın və 1.0.1-ci maddədə “şamil edildiyi” sözləri "
        "“4-cü maddəsində göstərilən” sözləri ilə əvəz edilsin")


@pytest.mark.parametrize("language", ["az", "en"])
def test_tracked_document_accepts_to_the_consolidated_text(
    tmp_path: Path, draft_consolidation, language: str  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "tracked.docx"
    write(document_input(DRAFT, draft_consolidation, language), "tracked", path)
    paragraphs = body_paragraphs(part(path))
    wordings = [paragraphs[i + 1] for i, p in enumerate(paragraphs) if style_of(p) == "QanunUnit"]
    expected = draft_consolidation.wordings
    assert len(wordings) == len(expected) == 4
    for paragraph, wording in zip(wordings, expected, strict=True):
        assert accepted(paragraph) == wording.after
        assert rejected(paragraph) == wording.before


def test_comparative_table_and_law_of_the_draft(
    tmp_path: Path, draft_consolidation  # type: ignore[no-untyped-def]
) -> None:
    source = document_input(DRAFT, draft_consolidation, "az")
    write(source, "comparative-table", tmp_path / "t.docx")
    rows = {text(r[1]): r for r in table_rows(part(tmp_path / "t.docx"))[1:]}
    assert set(rows) == {"1.0.9-cu maddə (yeni)", "1.0.4-cü maddə", "1.0.3-cü maddə (çıxarılır)",
                         "1.0.1-ci maddə"}
    assert marked(rows["1.0.3-cü maddə (çıxarılır)"][2], "strike") == [provision_text("1.0.3")]
    assert [m.strip() for m in marked(rows["1.0.1-ci maddə"][3], "b")] == [
        "və ya ehtiyatsızlıqdan"]
    write(source, "amending-law", tmp_path / "law.docx")
    texts = paragraph_texts(part(tmp_path / "law.docx"))
    assert texts[4] == "1. 1-ci maddə üzrə:"
    assert texts[5] == (
        "1.1. 1.0.8-ci maddədən sonra aşağıdakı məzmunda 1.0.9-cu maddə əlavə edilsin:")
    assert texts[6] == f"“1.0.9. {NEW_1_0_9}”;"
    assert texts[-3].startswith("1.4. 1.0.1-ci maddədə “qəsdən” sözü “qəsdən və ya")
    assert texts[-3].endswith("edilsin.")
