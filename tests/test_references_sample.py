"""Precision and recall of reference extraction on a hand-checked sample of the codes.

`tests/data/references_sample.json` holds 93 provisions of 14 codes, each read by hand with the
targets a lawyer would list: lists, ranges (expanded to what lies between the ends), cross-code
references, hissə/bənd, chapters, acts named without a provision, and negatives such as
`psixotrop maddələri` (substances) or `hərbi hissə` (a military unit). A target is
(act, number as cited); `null` is the act as a whole. The 24 rows marked `held_out` were
labelled from the text alone, after the extractor was frozen, and are scored apart as well.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.references_extract import provision_references
from corpus.resolve import Resolver

SAMPLE = json.loads((Path(__file__).parent / "data" / "references_sample.json").read_text("utf-8"))


def _score(corpus, resolver, rows, label):  # type: ignore[no-untyped-def]
    true_positives = false_positives = false_negatives = 0
    misses: list[str] = []
    for row in rows:
        act = corpus.act(row["act"])
        found = {(t.act, t.num) for r in provision_references(act, row["provision"], resolver)
                 for t in r.targets}
        expected = {(a, n) for a, n in row["expected"]}
        true_positives += len(found & expected)
        false_positives += len(found - expected)
        false_negatives += len(expected - found)
        if found != expected:
            extra, missing = sorted(found - expected, key=str), sorted(expected - found, key=str)
            misses.append(f"{row['act']} {row['provision']}: extra {extra} missing {missing}")
    precision = true_positives / (true_positives + false_positives)
    recall = true_positives / (true_positives + false_negatives)
    print(f"\nreferences sample ({label}): {len(rows)} provisions, "
          f"{true_positives + false_negatives} expected targets, precision {precision:.3f}, "
          f"recall {recall:.3f}")
    for miss in misses:
        print("  ", miss)
    return precision, recall, misses


@pytest.fixture(scope="module")
def scores(corpus):  # type: ignore[no-untyped-def]
    resolver = Resolver.of(corpus.acts())
    _score(corpus, resolver, [r for r in SAMPLE if r.get("held_out")], "held out")
    return _score(corpus, resolver, SAMPLE, "all")


def test_sample_covers_the_forms_and_codes() -> None:
    assert len(SAMPLE) >= 60
    assert len({row["act"] for row in SAMPLE}) >= 5
    forms = " ".join(row["form"] for row in SAMPLE)
    for form in ("list", "range", "cross-code", "clause", "Roman", "negative", "substances"):
        assert form in forms


def test_precision_on_the_sample(scores) -> None:  # type: ignore[no-untyped-def]
    precision, _, misses = scores
    assert precision >= 0.97, misses


def test_recall_on_the_sample(scores) -> None:  # type: ignore[no-untyped-def]
    _, recall, misses = scores
    assert recall >= 0.95, misses
