"""Footnote bodies where the PDF had them at the foot of a page, inside the body text."""

from __future__ import annotations

from corpus.manifest import Entry
from corpus.parse import parse_act
from corpus.respace import Respacer

# Shaped like the e-qanun codes: a marker in the text, and the page's footnote body (with the
# previous wording it quotes, `Maddə 2.` and `2.1.`) printed before the body goes on.
INTERLEAVED = """\
## M a d d ə   1 . Birinci maddə

- 1.1. Birinci bəndin mətni.

## M a d d ə   2 . İkinci maddə [1]

- 2.1. Yeni mətn. [2]

[1] 1 may 2020-ci il tarixli 68-VIQD nömrəli Azərbaycan Respublikasının Qanunu ilə 2-ci maddə yeni redaksiyada verilmişdir. Əvvəlki redaksiyada deyilirdi:

Maddə 2. Köhnə ad

2.1. Köhnə mətn.

[2] 2 iyun 2021-ci il tarixli 300-VIQD nömrəli Azərbaycan Respublikasının Qanunu ilə 2.1-ci maddədə "köhnə" sözü "yeni" sözü ilə əvəz edilmişdir.

- 2.2. Body resumes here.

## M a d d ə   3 . Üçüncü maddə

- 3.1. Son mətn.
"""


def test_interleaved_footnotes_are_footnotes_not_articles() -> None:
    act = parse_act(INTERLEAVED, Entry("x", "x.md", "az"), Respacer.from_texts(["mətn"]))
    assert [a.num for a in act.articles()] == ["1", "2", "3"]
    assert act.find("2").heading == "İkinci maddə"
    assert [c.num for c in act.find("2").children] == ["2.1", "2.2"]
    assert act.find("2.1").text == "Yeni mətn."
    assert act.find("2.2").text == "Body resumes here."
    first, second = act.footnotes
    assert first.number == 1 and first.provisions == ["art_2"]
    assert "Maddə 2. Köhnə ad" in first.text and "2.1. Köhnə mətn." in first.text
    assert second.provisions == ["art_2__para_1"]
    assert second.text.startswith("2 iyun 2021-ci il tarixli 300-VIQD")
    assert any(d.code == "interleaved-footnote" for d in act.diagnostics)


def test_footnotes_at_the_end_of_the_real_codes(corpus) -> None:
    act = corpus.act("administrative-offences-code")
    carried = [f for f in act.footnotes if f.provisions]
    assert len(carried) > 500
    footnote = next(f for f in act.footnotes if "158" in f.text and f.provisions)
    provision = act.index()[footnote.provisions[0]]
    assert footnote.number in provision.footnotes
