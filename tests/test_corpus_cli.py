"""`qanun corpus …` with its stable JSON, run as a user runs it (the installed console script)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree


def qanun(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qanun", *args], capture_output=True, text=True,
                          timeout=300)


def test_corpus_build_json() -> None:
    result = qanun("corpus", "build", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"acts", "seconds"}
    acts = {(a["id"], a["path"]): a for a in data["acts"]}
    criminal = acts[("criminal-code", "az/codes/criminal-code.md")]
    assert set(criminal) >= {"id", "language", "path", "articles", "provisions", "footnotes",
                             "diagnostics"}
    assert criminal["articles"] == 446 and criminal["footnotes"] > 950
    assert len(data["acts"]) == 25


def test_corpus_show_prints_only_the_point() -> None:
    result = qanun("corpus", "show", "criminal-code", "5.2")
    assert result.returncode == 0, result.stderr
    assert "Cinayət qanununun analogiya üzrə tətbiqinə yol verilmir." in result.stdout
    assert "5.1" not in result.stdout and "Əməlin" not in result.stdout


@pytest.mark.parametrize(("act", "ref", "lang", "eid", "children"), [
    ("criminal-code", "10", "az", "art_10", ["10.1", "10.2", "10.3", "10.4"]),
    ("dv-law", "1.0", "az", "art_1__para_0", ["1.0.1", "1.0.2", "1.0.3", "1.0.4", "1.0.5"]),
    ("dv-law", "art_1__para_0", "en", "art_1__para_0", ["1.0.1", "1.0.2", "1.0.3"]),
])
def test_corpus_show_json(act: str, ref: str, lang: str, eid: str, children: list[str]) -> None:
    result = qanun("corpus", "show", act, ref, "--lang", lang, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"act", "eid", "num", "heading", "text", "children", "footnotes"}
    assert (data["act"], data["eid"], data["children"]) == (act, eid, children)


def test_corpus_show_of_a_missing_provision_is_a_clear_error() -> None:
    result = qanun("corpus", "show", "criminal-code", "999.9")
    assert result.returncode == 2
    assert "criminal-code (az) has no provision '999.9'" in result.stderr
    unknown = qanun("corpus", "show", "no-such-code", "1")
    assert "no act 'no-such-code'" in unknown.stderr


def test_a_corpus_folder_that_is_not_there() -> None:
    result = qanun("corpus", "build", "--corpus", "/nonexistent")
    assert result.returncode == 2 and "no corpus at /nonexistent" in result.stderr


def test_export_akn_writes_valid_xml(tmp_path: Path) -> None:
    out = tmp_path / "dv.xml"
    result = qanun("corpus", "export-akn", "dv-law", "--out", str(out), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["out"] == str(out) and report["valid"] and report["elements"] == 8
    root = etree.parse(str(out)).getroot()
    assert root.tag.endswith("akomaNtoso")
    eids = root.xpath("//*/@eId")
    assert "art_1__para_0__point_4" in eids
