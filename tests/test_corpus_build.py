"""The parallel cold build gives exactly the acts one process gives, and the lexicon learns only
from tokens the artefact cannot have cut."""

from __future__ import annotations

import ast
import multiprocessing
import pickle
import threading
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import build as corpus_build
from corpus import parse as corpus_parse
from corpus.manifest import Entry, read_manifest
from corpus.model import Act, Footnote, Provision
from corpus.respace_lexicon import ARTEFACT, GLYPH_TOKEN, clean_tokens, has_artefact

# (real line of a code, the tokens the lexicon may learn from it)
CLEAN_TOKENS = (
    # a clean line teaches every token
    ("Məhkəmə ərizəyə baxır.", {"Məhkəmə": 1, "ərizəyə": 1, "baxır.": 1}),
    # Civil Procedure Code 355-2: every token is a glyph run or beside one
    ("Madd ə 355-2. Ə riz ə nin m ə zmunu", {}),
    # Housing Code 9.2.5: only the number and `bu` stand clear of the glyph runs
    (
        "9.2.5. m ə nzil münasib ə tl ə rin ə xitam verilm ə si v ə ya bu münasib ə tl ə rin"
        " d ə yi ş m ə si;",
        {"9.2.5.": 1, "bu": 1},
    ),
    # a token between two glyph runs is left out once, not twice
    ("qanun v ə ya ş ərait", {"qanun": 1}),
    # the first and the last token have one neighbour each
    ("ə bu qanun", {"qanun": 1}),
    ("bu qanun ş", {"bu": 1}),
    ("", {}),
)


@pytest.mark.parametrize(("line", "expected"), CLEAN_TOKENS)
def test_clean_tokens_leave_out_glyph_runs_and_their_neighbours(
    line: str, expected: dict[str, int]
) -> None:
    assert clean_tokens(line) == Counter(expected)


def _clean_tokens_by_index(text: str) -> Counter[str]:
    """The rule spelt out token by token: kept when neither it nor a neighbour is a glyph run."""
    tokens = text.split()
    glyph = [GLYPH_TOKEN.fullmatch(token) is not None for token in tokens]
    kept = Counter()
    for i, token in enumerate(tokens):
        if not any(glyph[max(i - 1, 0) : i + 2]):
            kept[token] += 1
    return kept


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["ə", "Ə,", "şə", "(ğ", "Madd", "riz", "nin", "qanun", "1.2.",
                                 "İ", "v", "\n", "  ", "\t"]), max_size=60))
def test_clean_tokens_agree_with_the_rule_token_by_token(pieces: list[str]) -> None:
    text = " ".join(pieces)
    assert clean_tokens(text) == _clean_tokens_by_index(text)


# (real line, whether a glyph run stands alone in it)
ARTEFACTS = (
    ("Madd ə 355-2. Ə riz ə nin m ə zmunu", True),
    ("ə riz ə", True),  # at the very start
    ("etdikd ə, bu", True),  # punctuation after the run
    ("qanunun («ə» bəndi)", True),  # and before it
    ("Məhkəmə ərizəyə baxır.", False),
    ("əmlak şəxs", False),  # glyphs that begin words are not runs standing alone
    ("", False),
)


@pytest.mark.parametrize(("line", "expected"), ARTEFACTS)
def test_has_artefact(line: str, expected: bool) -> None:
    assert has_artefact(line) is expected


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("əƏşİ a1,(«\n\t.")), max_size=30))
def test_has_artefact_agrees_with_the_artefact_pattern(text: str) -> None:
    assert has_artefact(text) is (ARTEFACT.search(text) is not None)


def _some_entries(corpus_dir: Path) -> list[Entry]:
    """Small texts, clean and artefacted, so that both build paths take a few seconds."""
    wanted = ("forest-code.md", "land-code.md", "competition-code.md", "partial.txt",
              "dv-articles.txt")
    return [e for e in read_manifest(corpus_dir) if e.path.endswith(wanted)]


def test_parallel_build_equals_serial_build(corpus_dir: Path, monkeypatch) -> None:
    entries = _some_entries(corpus_dir)
    assert len(entries) >= 8
    monkeypatch.setattr(corpus_build, "_PARALLEL_BYTES", 10**12)
    serial = corpus_build.build(corpus_dir, entries)
    monkeypatch.setattr(corpus_build, "_PARALLEL_BYTES", 0)
    monkeypatch.setattr(corpus_build.os, "cpu_count", lambda: 2)
    parallel = corpus_build.build(corpus_dir, entries)
    assert [a.path for a in parallel] == [e.path for e in entries]
    for one, two in zip(serial, parallel, strict=True):
        assert asdict(one) == asdict(two), one.path
    forest = next(a for a in parallel if a.path.endswith("forest-code.md"))
    assert any(d.code == "respace" for d in forest.diagnostics)  # the repair layer ran
    assert not multiprocessing.active_children()


def test_a_failing_helper_is_reported_not_hung(corpus_dir: Path, monkeypatch) -> None:
    def broken(source: str, entry: Entry) -> corpus_parse.Draft:
        raise ValueError(f"boom in {entry.path}")

    monkeypatch.setattr(corpus_build, "_PARALLEL_BYTES", 0)
    monkeypatch.setattr(corpus_build.os, "cpu_count", lambda: 2)
    # both the helper's tree building and the whole-act path of either process fail
    monkeypatch.setattr(corpus_build, "parse_structure", broken)
    monkeypatch.setattr(corpus_parse, "parse_structure", broken)
    with pytest.raises((RuntimeError, ValueError), match="boom in"):
        corpus_build.build(corpus_dir, _some_entries(corpus_dir))
    assert not multiprocessing.active_children()


@pytest.mark.parametrize(("threads", "daemon"), [(5, False), (1, True)])
def test_a_threaded_or_daemonic_process_builds_in_one(
    corpus_dir: Path, monkeypatch, threads: int, daemon: bool
) -> None:
    # the workbench's server runs many threads, and a pool's worker may not have children:
    # no helper is forked there
    monkeypatch.setattr(corpus_build, "_PARALLEL_BYTES", 0)
    monkeypatch.setattr(corpus_build.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(threading, "active_count", lambda: threads)
    monkeypatch.setattr(multiprocessing, "current_process", lambda: SimpleNamespace(daemon=daemon))

    def no_helper(*args: object) -> None:
        raise AssertionError("a helper was started in a threaded or daemonic process")

    monkeypatch.setattr(corpus_build, "_Build", no_helper)
    acts = corpus_build.build(corpus_dir, _some_entries(corpus_dir))
    assert any(d.code == "respace" for a in acts for d in a.diagnostics)


def test_a_pickled_act_reads_back_equal_field_by_field(corpus_dir: Path) -> None:
    # provisions and footnotes pickle as their fields in order: a field added, dropped or
    # moved must still come back in its place (the cache and the parallel build rely on it)
    note = Provision("art_2__note", "note", "", heading="Qeyd", text="Qeyd mətni.",
                     raw_text="Qeyd m ə tni.", line=9, incomplete=True, inferred=True)
    article = Provision("art_2", "article", "2", heading="Başlıq", text="Mətn [3]",
                        raw_text="M ə tn [3]", children=[note], footnotes=[3], line=7)
    act = Act(work_id="x", frbr_work="/akn/az/act/x", frbr_expression="/akn/az/act/x/aze@",
              language="az", kind="law", title="X", body=[article],
              footnotes=[Footnote(3, "dəyişiklik", line=40, provisions=["art_2"])])
    assert pickle.loads(pickle.dumps(act, pickle.HIGHEST_PROTOCOL)) == act
    real = corpus_build.build(corpus_dir, _some_entries(corpus_dir)[:2])
    assert pickle.loads(pickle.dumps(real, pickle.HIGHEST_PROTOCOL)) == real


def test_the_cache_key_covers_every_module_a_build_runs() -> None:
    # a module the build imports, directly or not, that the key leaves out would let a cache
    # built by older code pass for the new one
    from corpus import cache

    wing = Path(corpus_build.__file__).parent
    seen: set[str] = set()
    todo = ["build"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        tree = ast.parse((wing / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom):
                continue
            if (node.module or "").startswith("corpus."):
                todo.append(node.module.split(".", 1)[1])
            elif node.module == "corpus":  # `from corpus import parse`
                todo.extend(alias.name for alias in node.names if (wing / f"{alias.name}.py")
                            .is_file())
    assert seen <= set(cache._PARSER_MODULES), sorted(seen - set(cache._PARSER_MODULES))
