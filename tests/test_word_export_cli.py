"""`qanun export` end to end: the real 2024 package, consolidated against the DV law of the
corpus, written as each document and read back; bad arguments get clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner
from word_cases import CHANGES_2024, provision_text
from word_readback import accepted, body_paragraphs, part, rejected, table_rows, text

from amendments.shipped import load
from qanun.cli.main import app
from qanun.settings import corpus_dir

MANIFEST = """
[[act]]
id = "dv-law"
path = "az/dv-law/2010-original.eqanun.partial.txt"
language = "az"
kind = "law"
title = "Məişət zorakılığının qarşısının alınması haqqında Azərbaycan Respublikasının Qanunu"
title_en = "Law on Prevention of Domestic Violence"
number = "1058-IIIQ"
date = "2010-06-22"
complete = false
"""


@pytest.fixture(scope="module")
def setting(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A corpus of the DV law alone (the shared texts linked, not copied) and the real 2024
    package exported as JSON."""
    root = tmp_path_factory.mktemp("export")
    corpus = root / "corpus"
    (corpus / "az").mkdir(parents=True)
    (corpus / "az" / "dv-law").symlink_to(corpus_dir() / "az" / "dv-law")
    (corpus / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    package = root / "dv-law-2024.json"
    data = {"package": load("dv-law-2024").package.to_dict()}
    package.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return {"root": root, "corpus": corpus, "package": package}


def _run(setting: dict[str, Path], *args: str) -> object:
    env = {"QANUN_CORPUS": str(setting["corpus"]), "QANUN_DATA": str(setting["root"] / "data"),
           "QANUN_DB_URL": f"sqlite:///{setting['root'] / 'store.sqlite'}"}
    return CliRunner().invoke(app, ["export", *args], env=env)


def test_comparative_table_of_the_real_package(setting: dict[str, Path]) -> None:
    out = setting["root"] / "table.docx"
    result = _run(setting, str(setting["package"]), "--kind", "comparative-table", "--out",
                  str(out))
    assert result.exit_code == 0, result.output
    assert "Müqayisəli cədvəl yazıldı" in result.stdout
    assert "tətbiq edilmədi" in result.stderr  # 1.0.5 onwards lie beyond the corpus text
    rows = table_rows(part(out))
    assert [text(r[1]) for r in rows[1:]] == [
        "Preambula", "1.0.1-ci maddə", "1.0.2-ci maddə", "1.0.3-cü maddə", "1.0.4-cü maddə"]
    assert [text(r[2]) for r in rows[1:]] == [
        provision_text(n) for n in ("preamble", "1.0.1", "1.0.2", "1.0.3", "1.0.4")]


def test_tracked_text_of_the_real_package(setting: dict[str, Path]) -> None:
    out = setting["root"] / "tracked.docx"
    result = _run(setting, str(setting["package"]), "--kind", "tracked", "--lang", "en",
                  "--out", str(out), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    beyond_the_corpus_text = [
        op for a in load("dv-law-2024").package.amendments for op in a.operations
        if op.target.num not in ("preamble", "1.0.1", "1.0.2", "1.0.3", "1.0.4")
    ]
    assert report["rows"] == 5
    assert report["failed"] == len(beyond_the_corpus_text)
    assert report["cleanings"] == []
    paragraphs = body_paragraphs(part(out))
    wording = {text(p): paragraphs[i + 1] for i, p in enumerate(paragraphs)
               if text(p).startswith("Article 1.0.1")}["Article 1.0.1"]
    expected = provision_text("1.0.1")
    for num, old, new in CHANGES_2024:
        if num == "1.0.1":
            expected = expected.replace(old, new, 1)
    assert rejected(wording) == provision_text("1.0.1")
    assert accepted(wording) == expected
    authors = part(out).xpath("//@*[local-name()='author']")
    assert set(authors) == {"Milli Məclis"}


def test_amending_law_of_the_real_package(setting: dict[str, Path]) -> None:
    out = setting["root"] / "law.docx"
    result = _run(setting, str(setting["package"]), "--kind", "amending-law", "--out", str(out))
    assert result.exit_code == 0, result.output
    texts = [text(p) for p in body_paragraphs(part(out))]
    assert texts[0].startswith("“Məişət zorakılığının qarşısının alınması haqqında”")
    assert "2. 1-ci maddə üzrə:" in texts
    assert any(t.startswith("1. ") and "Preambula" in t and "yaxın" in t for t in texts)


@pytest.mark.parametrize(("args", "message"), [
    (["--kind", "memo", "--out", "x.docx"], "--kind 'memo': expected one of"),
    (["--kind", "tracked", "--lang", "ru", "--out", "x.docx"], "--lang 'ru'"),
    (["--kind", "tracked", "--out", "x.pdf"], "needs a .docx file name"),
    (["--kind", "tracked", "--out", "/nowhere/x.docx"], "the folder /nowhere does not exist"),
])
def test_bad_arguments_are_named(setting: dict[str, Path], args: list[str], message: str) -> None:
    result = _run(setting, str(setting["package"]), *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_unknown_package_is_named(setting: dict[str, Path]) -> None:
    out = setting["root"] / "x.docx"
    result = _run(setting, "no-such-package", "--kind", "tracked", "--out", str(out))
    assert result.exit_code == 2
    assert "package no-such-package" in result.stderr
    assert not out.exists()


def test_an_unwritable_output_is_named(setting: dict[str, Path]) -> None:
    blocked = setting["root"] / "blocked.docx"
    blocked.mkdir()
    result = _run(setting, str(setting["package"]), "--kind", "tracked", "--out", str(blocked))
    assert result.exit_code == 2
    assert "cannot write the document" in result.stderr
    assert blocked.is_dir()
