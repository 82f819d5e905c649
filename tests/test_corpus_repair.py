"""The repair layer measured on the parsed corpus, as the workbench and the references see it.

Ground truth: the provisions in `current-2024/` are clean conversions of the same provisions as
in the artefacted codes; where a provision was not amended in between (its letters are the same),
its repaired words must equal the clean ones.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import pytest

from corpus.respace import lone_glyph_ratio

CODES = ["criminal-code", "administrative-offences-code", "criminal-procedure-code",
         "civil-procedure-code", "family-code", "execution-of-punishments-code", "civil-code",
         "housing-code", "administrative-procedure-code", "migration-code", "competition-code",
         "land-code", "forest-code", "merchant-shipping-code", "urban-planning-construction-code"]


def _letters(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_unchanged_provisions_read_as_the_clean_text(corpus) -> None:
    total = equal = compared = 0
    for work_id in ("criminal-code", "administrative-offences-code", "civil-procedure-code"):
        work = corpus.works[work_id]
        clean = next(a for a in work.expressions if a.kind == "code-extract")
        artefacted = corpus.act(work_id)
        for provision in clean.provisions():
            repaired = artefacted.find(provision.num)
            if not provision.text or repaired is None:
                continue
            if _letters(provision.text) != _letters(repaired.text):
                continue  # amended since, or cut differently: not ground truth
            compared += 1
            truth, words = provision.text.split(), repaired.text.split()
            total += len(truth)
            matcher = SequenceMatcher(a=truth, b=words, autojunk=False)
            equal += sum(block.size for block in matcher.get_matching_blocks())
    print(f"\nrepair accuracy: {equal}/{total} words of {compared} unchanged provisions "
          f"({equal / total:.2%})")
    assert compared >= 40 and total >= 600
    assert equal / total >= 0.99


@pytest.mark.parametrize("code", CODES)
def test_lone_glyphs_are_practically_gone(corpus, code: str) -> None:
    act = corpus.act(code)
    texts = [p.text for p in act.walk()] + [p.heading for p in act.walk()]
    texts += [f.text for f in act.footnotes]
    after = lone_glyph_ratio("\n".join(texts))
    before = lone_glyph_ratio("\n".join(p.raw_text for p in act.walk()))
    print(f"\n{code}: lone ə/ş/ğ tokens {before:.3%} before, {after:.4%} after")
    assert after < 0.001
    assert any(d.code == "respace" for d in act.diagnostics) or before < 0.001
