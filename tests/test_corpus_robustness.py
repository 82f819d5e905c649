"""The parser's promise: any text yields an act and diagnostics, never an exception; undecodable
files and broken manifests get clear errors; the cache rebuilds exactly what changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import corpus
from corpus.manifest import Entry, ManifestError, read_manifest
from corpus.parse import parse_act
from corpus.readers import ReaderError, read_bytes
from corpus.respace import Respacer

_RESPACER = Respacer.from_texts(["Maddə məişət zorakılığı ərizənin məzmunu"])
_ENTRY = Entry("fuzz", "fuzz.txt", "az")
# Fragments of the real forms, so that random text reaches the parser's deeper states.
_PIECES = st.sampled_from([
    "Maddə 1. Ad", "M a d d ə   1 2 .", "2-ci fəsil", "I BÖLMƏ", "ÜMUMİ HİSSƏ", "1.1. mətn.",
    "1.0.1.", "5.1. a. 5.2. b;", "[1]", "[12] 1 may 2020-ci il tarixli", "Qeyd:", "§ 2.",
    "İSTİFADƏ OLUNMUŞ MƏNBƏ SƏNƏDLƏRİNİN SİYAHISI", "MÜNDƏRİCAT", "1. birinci", "Maddə 1.1.",
    "m ə hk ə m ə", "зэxarэ", "\x00", "¹", "## ", "- ", "\n", "\n\n", " ", "ə", "Article 3",
    "Chapter II.", "[... source excerpt ends here ...]", "Fəsil 40-1.", "Maddə 99999999999.",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=40))
def test_any_text_parses(pieces: list[str]) -> None:
    act = parse_act("\n".join(pieces), _ENTRY, _RESPACER)
    eids = [p.eid for p in act.walk()]
    assert len(eids) == len(set(eids)), "eIds are unique"
    for diagnostic in act.diagnostics:
        assert diagnostic.problem and diagnostic.action


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_decoded_leniently_parse(data: bytes) -> None:
    act = parse_act(data.decode("utf-8", errors="replace"), _ENTRY, _RESPACER)
    assert act.work_id == "fuzz"


def test_an_undecodable_file_is_a_clear_error() -> None:
    with pytest.raises(ReaderError, match=r"law\.txt.*cannot be decoded"):
        read_bytes("Maddə 1. Məişət".encode("cp1254", errors="replace") + b"\xff\xfe\x81",
                   "law.txt")


def _write_corpus(folder: Path, text: str) -> None:
    (folder / "law.txt").write_text(text, encoding="utf-8")
    (folder / "manifest.toml").write_text(
        '[[act]]\nid = "my-law"\npath = "law.txt"\nlanguage = "az"\nkind = "law"\n'
        'title = "Sınaq qanunu"\n', encoding="utf-8")


def test_the_cache_rebuilds_a_changed_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("QANUN_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "texts"
    folder.mkdir()
    _write_corpus(folder, "Maddə 1. Birinci\n1.1. Köhnə mətn.\n")
    first = corpus.load(folder)
    assert not first.from_cache and first.act("my-law").find("1.1").text == "Köhnə mətn."
    again = corpus.load(folder)
    assert again.from_cache and again.act("my-law").find("1.1").text == "Köhnə mətn."
    _write_corpus(folder, "Maddə 1. Birinci\n1.1. Yeni mətn.\n")
    changed = corpus.load(folder)
    assert not changed.from_cache and changed.act("my-law").find("1.1").text == "Yeni mətn."


def test_a_broken_cache_file_is_rebuilt_not_trusted(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("QANUN_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "texts"
    folder.mkdir()
    _write_corpus(folder, "Maddə 1. Birinci\n1.1. Mətn.\n")
    corpus.load(folder)
    for cached in (tmp_path / "cache").glob("corpus-*.pickle"):
        cached.write_bytes(b"not a pickle")
    reloaded = corpus.load(folder)
    assert not reloaded.from_cache and reloaded.act("my-law").find("1.1").text == "Mətn."


def test_manifest_errors_name_the_problem(tmp_path: Path) -> None:
    (tmp_path / "manifest.toml").write_text('[[act]]\nid = "x"\npath = "missing.txt"\n'
                                            'language = "az"\n', encoding="utf-8")
    with pytest.raises(ManifestError, match=r"no file at .*missing\.txt"):
        read_manifest(tmp_path)
    (tmp_path / "manifest.toml").write_text('[[act]]\npath = "a.txt"\n', encoding="utf-8")
    with pytest.raises(ManifestError, match="lacks id, language"):
        read_manifest(tmp_path)


def test_the_shared_manifest_keeps_expressions_of_one_work(corpus_dir: Path) -> None:
    entries = read_manifest(corpus_dir)
    assert len(entries) == 25
    assert sum(e.id == "dv-law" for e in entries) == 3
