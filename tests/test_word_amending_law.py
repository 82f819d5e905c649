"""The amending law as Word: the real 2024 amending law of the DV law rebuilt from its items, read
back with lxml; English; several acts; quoted new wording."""

from __future__ import annotations

from pathlib import Path

import pytest
from word_cases import amending_law_items, input_2024
from word_readback import body_paragraphs, paragraph_texts, part, style_of

from amendments.word import AmendedAct, DocumentInput, Item, write

TITLE_AZ = (
    "“Məişət zorakılığının qarşısının alınması haqqında” Azərbaycan Respublikasının Qanununda "
    "dəyişikliklər edilməsi haqqında Azərbaycan Respublikasının Qanunu"
)
ENACTING_AZ = (
    "Azərbaycan Respublikasının Milli Məclisi Azərbaycan Respublikası Konstitusiyasının 94-cü "
    "maddəsinin I hissəsinin 1-ci və 14-cü bəndlərini rəhbər tutaraq qərara alır:"
)


def _written(tmp_path: Path, source: DocumentInput) -> list[str]:
    path = tmp_path / f"law-{source.language}.docx"
    assert write(source, "amending-law", path) == []
    return paragraph_texts(part(path))


def test_the_real_2024_law_is_rebuilt_item_for_item(tmp_path: Path) -> None:
    texts = _written(tmp_path, input_2024("az"))
    assert texts[0] == TITLE_AZ
    assert texts[1] == ENACTING_AZ
    assert texts[2].startswith(TITLE_AZ.split(" dəyişikliklər")[0] + " (Azərbaycan")
    assert texts[2].endswith("(Cild I)) aşağıdakı dəyişikliklər edilsin:")
    real = [f"{number}. {text}" for number, text in amending_law_items()]
    assert real[9] == "4. 7-ci maddə üzrə:"
    assert texts[3:12] == real[:9]
    # The corpus stops inside item 4.2, so article 7 has one item here, which stands alone.
    assert texts[12] == "4. " + real[10].removeprefix("4.1. ").removesuffix(";") + "."
    assert texts[13:] == ["Azərbaycan Respublikasının Prezidenti", "Bakı şəhəri"]


def test_items_and_groups_carry_their_styles(tmp_path: Path) -> None:
    path = tmp_path / "law.docx"
    write(input_2024("az"), "amending-law", path)
    styles = [style_of(p) for p in body_paragraphs(part(path))]
    assert styles[:3] == ["QanunTitle", "QanunBody", "QanunBody"]
    assert set(styles[3:-2]) == {"QanunItem"}
    assert styles[-2:] == ["QanunSignature", "QanunSignature"]


def test_english_law_uses_english_wording(tmp_path: Path) -> None:
    texts = _written(tmp_path, input_2024("en"))
    assert texts[0] == (
        "Law of the Republic of Azerbaijan on Amendments to the Law on Prevention of Domestic "
        "Violence"
    )
    assert texts[1].startswith("The Milli Majlis of the Republic of Azerbaijan")
    assert texts[3] == "1. In the preamble, the word “yaxın” shall be deleted."
    assert texts[4] == "2. In Article 1:"
    assert texts[5].startswith("2.1. In Article 1.0.1, the word “yaxın” shall be deleted")
    assert texts[5].endswith(";")
    assert texts[6].endswith("“bu Qanunun 4-cü maddəsində göstərilən şəxslərin birinin digərinə”.")
    assert texts[-2:] == ["President of the Republic of Azerbaijan", "Baku"]


CODE_AZ = AmendedAct(
    "criminal-code", "code", "Cinayət", "Azərbaycan Respublikasının Cinayət Məcəlləsi",
    items=[Item("61.1.15-ci maddədə “ailə üzvünə” sözlərindən sonra “və ya keçmiş ailə üzvünə” "
                "sözləri əlavə edilsin", "61")],
)
ADMIN_AZ = AmendedAct(
    "administrative-offences-code", "code", "İnzibati Xətalar",
    "Azərbaycan Respublikasının İnzibati Xətalar Məcəlləsi",
    items=[
        Item("158.4-cü maddədə “yazılı xəbərdarlığın” sözləri “yazılı xəbərdarlığın və ya "
             "polis uzaqlaşdırma qərarının” sözləri ilə əvəz edilsin", "158"),
        Item("aşağıdakı məzmunda 158.5-ci maddə əlavə edilsin:", "158",
             ["158.5. Polis uzaqlaşdırma qərarının tələblərinə əməl edilməməsinə görə -",
              "beş yüz manatdan min manatadək məbləğdə cərimə edilir."]),
    ],
)


def test_several_acts_are_numbered_act_by_act(tmp_path: Path) -> None:
    source = DocumentInput("mq", "Monitoring Groups", "draft", True, "az", [CODE_AZ, ADMIN_AZ])
    texts = _written(tmp_path, source)
    assert texts[0].startswith("İLLÜSTRATİV LAYİHƏ")
    assert texts[1] == (
        "Azərbaycan Respublikasının bəzi qanunvericilik aktlarında dəyişikliklər edilməsi "
        "haqqında Azərbaycan Respublikasının Qanunu"
    )
    assert texts[3:] == [
        "1. Azərbaycan Respublikasının Cinayət Məcəlləsində aşağıdakı dəyişikliklər edilsin:",
        "1.1. 61.1.15-ci maddədə “ailə üzvünə” sözlərindən sonra “və ya keçmiş ailə üzvünə” "
        "sözləri əlavə edilsin.",
        "2. Azərbaycan Respublikasının İnzibati Xətalar Məcəlləsində aşağıdakı dəyişikliklər "
        "edilsin:",
        "2.1. 158-ci maddə üzrə:",
        "2.1.1. 158.4-cü maddədə “yazılı xəbərdarlığın” sözləri “yazılı xəbərdarlığın və ya "
        "polis uzaqlaşdırma qərarının” sözləri ilə əvəz edilsin;",
        "2.1.2. aşağıdakı məzmunda 158.5-ci maddə əlavə edilsin:",
        "“158.5. Polis uzaqlaşdırma qərarının tələblərinə əməl edilməməsinə görə -",
        "beş yüz manatdan min manatadək məbləğdə cərimə edilir.”.",
        "Azərbaycan Respublikasının Prezidenti",
        "Bakı şəhəri",
    ]


def test_header_and_footer_carry_package_status_and_page_numbers(tmp_path: Path) -> None:
    source = DocumentInput("mq", "Monitoring Groups: legal status", "in_review", True, "az",
                           [CODE_AZ])
    path = tmp_path / "law.docx"
    write(source, "amending-law", path)
    header = "".join(part(path, "word/header1.xml").itertext())
    assert "Monitoring Groups: legal status — baxılır" in header
    assert "İllüstrativ layihə" in header
    footer = part(path, "word/footer1.xml")
    instructions = [f.get(f"{{{footer.nsmap['w']}}}instr").strip()
                    for f in footer.iter(f"{{{footer.nsmap['w']}}}fldSimple")]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "Səhifə" in "".join(footer.itertext())
    settings = part(path, "word/document.xml")
    section = settings.find(".//{*}sectPr/{*}pgSz")
    assert section.get(f"{{{footer.nsmap['w']}}}w") == "11906"  # 210 mm in twentieths of a point


def test_an_unknown_kind_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown document kind 'memo'"):
        write(input_2024("az"), "memo", tmp_path / "x.docx")


def test_a_failed_write_leaves_nothing_half_written(tmp_path: Path) -> None:
    blocked = tmp_path / "law.docx"
    blocked.mkdir()  # a folder where the document should go: the final rename fails
    with pytest.raises(OSError):
        write(input_2024("az"), "amending-law", blocked)
    assert blocked.is_dir()
    assert list(tmp_path.iterdir()) == [blocked]
    good = tmp_path / "good.docx"
    write(input_2024("az"), "amending-law", good)
    assert good.stat().st_size > 5_000
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []
