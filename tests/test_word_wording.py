"""Document wording: Azerbaijani ordinal suffixes checked against every ordinal number of real
texts, templates in both languages, and the JSON round trip of the writers' input."""

from __future__ import annotations

import json
import re

import pytest
from word_cases import input_2024

from amendments.word import DocumentInput
from amendments.word.wording import ordinal_suffix, wording
from qanun.settings import corpus_dir

REAL_TEXTS = (
    "az/dv-law/2024-amending-law.partial.txt",
    "az/current-2024/administrative-offences-code.art157-158.txt",
    "az/current-2024/civil-procedure-code.ch40-1.txt",
    "az/current-2024/criminal-code.dv-articles.txt",
    "az/codes/family-code.structured.md",
)
_ORDINAL = re.compile(r"(?<![\w.-])(\d+(?:[.\-–]\d+)*)-(ci|cı|cu|cü)\b")


@pytest.mark.parametrize("path", REAL_TEXTS)
def test_ordinal_suffix_agrees_with_every_ordinal_in_real_texts(path: str) -> None:
    found = _ORDINAL.findall((corpus_dir() / path).read_text(encoding="utf-8"))
    assert found, f"no ordinal numbers in {path}"
    assert [(n, ordinal_suffix(n)) for n, _ in found] == found


# (number as written, suffix): the vowel of the last number word decides.
SUFFIXES = (("1.0.1", "ci"), ("94", "cü"), ("1.0.3 – 1.0.6", "cı"), ("29", "cu"),
            ("10", "cu"), ("20", "ci"), ("40", "cı"), ("90", "cı"), ("100", "cü"),
            ("1000", "ci"), ("355-2", "ci"), ("158.2-1", "ci"), ("1.0", "cı"))


@pytest.mark.parametrize(("num", "suffix"), SUFFIXES)
def test_ordinal_suffix_table(num: str, suffix: str) -> None:
    assert ordinal_suffix(num) == suffix


@pytest.mark.parametrize(("language", "unit", "heading"), [
    ("az", "Preambula", "Struktur vahid"),
    ("en", "Preamble", "Structural unit"),
])
def test_wording_comes_from_each_language_templates(
    language: str, unit: str, heading: str
) -> None:
    words = wording(language)
    assert words.common.unit("preamble") == unit
    assert words.comparative_table.headings[1] == heading
    assert words.common.header("MQ", "agreed") == (
        "MQ — razılaşdırılıb" if language == "az" else "MQ — agreed")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no document wording in 'ru'"):
        wording("ru")


def test_document_input_round_trips_through_json() -> None:
    source = input_2024("az")
    again = DocumentInput.from_dict(json.loads(json.dumps(source.to_dict(), ensure_ascii=False)))
    assert again == source
    assert again.acts[0].rows[1].num == "1.0.1"
