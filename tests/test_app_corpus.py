"""The Corpus page in AppTest: the shared acts, parse diagnostics, uploads good and bad."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from app_fixtures import data_folder, open_page

from workbench.uploads import UPLOAD_LIMIT_BYTES

__all__ = ["data_folder", "open_page"]

# A short law of our own in the shape of the e-qanun texts: two articles, one with points.
SMALL_LAW = (
    "Polis haqqında Azərbaycan Respublikasının Qanunu\n"
    "Maddə 1. Əsas anlayışlar\n"
    "1.1. Polis dövlət hakimiyyəti orqanıdır.\n"
    "1.2. Polis məişət zorakılığı hallarında zərər çəkmiş şəxsi müdafiə edir.\n"
    "Maddə 2. Qüvvəyə minmə\n"
    "Bu Qanun dərc edildiyi gündən qüvvəyə minir.\n"
)


def _upload(at, name: str, data: bytes, act_id: str = "police-law") -> None:
    at.file_uploader(key="corpus_file").set_value((name, data, "application/octet-stream"))
    at.text_input(key="corpus_id").set_value(act_id)
    at.text_input(key="corpus_title").set_value("Polis haqqında")
    next(b for b in at.button if b.label == "Upload and parse").click().run()


def test_the_acts_table_lists_the_shared_codes(open_page) -> None:
    at = open_page("corpus")
    table = at.dataframe[0].value
    criminal = table[table["Act"] == "criminal-code"].iloc[0]
    assert criminal["File"] == "az/codes/criminal-code.md"
    assert criminal["Articles"] >= 353
    dv = table[(table["Act"] == "dv-law") & (table["Language"] == "en")].iloc[0]
    assert dv["Complete"] == "opening only"


def test_each_parse_shows_its_diagnostics(open_page) -> None:
    at = open_page("corpus")
    at.selectbox(key="corpus_diag_act").set_value("az/codes/criminal-code.md").run()
    diagnostics = at.dataframe[1].value
    assert "respace" in set(diagnostics["Code"])


def test_a_text_upload_is_parsed_and_kept_in_the_data_folder(open_page, data_folder: Path) -> None:
    at = open_page("corpus")
    _upload(at, "polis qanunu.txt", SMALL_LAW.encode())
    assert at.success[0].value == (
        "Stored as az/police-law/polis-qanunu.txt: 2 articles, 4 provisions, 0 diagnostics."
    )
    stored = data_folder / "uploads" / "az" / "police-law" / "polis-qanunu.txt"
    assert stored.read_text(encoding="utf-8") == SMALL_LAW
    manifest = tomllib.loads((data_folder / "uploads" / "manifest.toml").read_text())
    assert manifest["act"][0]["id"] == "police-law"
    assert manifest["act"][0]["title"] == "Polis haqqında"
    assert "Uploaded texts" in [m.value.strip("# ") for m in at.markdown]
    uploaded = at.dataframe[-1].value
    assert list(uploaded["Act"]) == ["police-law"] and list(uploaded["Articles"]) == [2]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("law.pdf", b"%PDF-1.7", "law.pdf: .pdf is not a text Qanun reads"),
        ("law.docx", b"not a zip at all", "law.docx"),
        ("big.txt", b"a" * (UPLOAD_LIMIT_BYTES + 1), "big.txt: 5.0 MB is over the limit of 5 MB"),
        ("cp1254.txt", b"Madde 1. \xde\xfe\xfd", "cp1254.txt"),
    ],
)
def test_a_bad_upload_is_refused_with_its_reason(open_page, data_folder: Path, name: str,
                                                  data: bytes, reason: str) -> None:
    at = open_page("corpus")
    _upload(at, name, data)
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and errors[0].startswith(f"Not uploaded: {reason}")
    assert not (data_folder / "uploads" / "manifest.toml").exists()


def test_an_upload_needs_an_act_id(open_page, data_folder: Path) -> None:
    at = open_page("corpus")
    _upload(at, "law.txt", SMALL_LAW.encode(), act_id="Polis Qanunu")
    assert [e.value for e in at.error] == [
        "Not uploaded: act id 'Polis Qanunu': use 2-63 lower-case letters, digits, hyphens"
    ]


def test_an_uploaded_text_is_read_on_the_law_page(open_page, data_folder: Path) -> None:
    corpus_page = open_page("corpus")
    _upload(corpus_page, "polis qanunu.txt", SMALL_LAW.encode())
    at = open_page("law", act="police-law", eid="art_1__para_2")
    assert not at.warning, "the uploaded act is known to the Law page"
    text = "\n".join(m.value for m in at.markdown)
    assert "Polis məişət zorakılığı hallarında zərər çəkmiş şəxsi müdafiə edir." in text
