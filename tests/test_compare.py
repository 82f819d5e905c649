"""Word-level 2-way and 3-way comparison on real provisions of the DV law and its 2024 changes."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st
from word_cases import CHANGES_2024, dv_law, provision_text, rows_2024

from amendments.compare import compare, compare_acts, compare_three, tokenize
from corpus.model import Act, Provision

# (old wording, new wording, deleted runs, inserted runs), real sentences of the corpus.
TWO_WAY: tuple[tuple[str, str, list[str], list[str]], ...] = (
    (
        "Bu Qanun yaxın qohumluq münasibətlərindən, birgə",
        "Bu Qanun qohumluq münasibətlərindən, birgə",
        ["yaxın "],
        [],
    ),
    (
        "bu Qanunun şamil edildiyi şəxslərin birinin digərinə",
        "bu Qanunun 4-cü maddəsində göstərilən şəxslərin birinin digərinə",
        ["şamil edildiyi"],
        ["4-cü maddəsində göstərilən"],
    ),
    (
        "7.0.1. dövlət vəsaiti hesabına tibbi yardımla",
        "7.0.1. dövlət vəsaiti hesabına hüquqi yardımla, tibbi yardımla",
        [],
        ["hüquqi yardımla, "],
    ),
    (
        "bu Qanunun 1.0.3-1.0.6-cı maddələrində nəzərdə tutulmuş",
        "bu Qanunun 1.0.3-1.0.7-ci maddələrində nəzərdə tutulmuş",
        ["1.0.3-1.0.6-cı"],
        ["1.0.3-1.0.7-ci"],
    ),
    ("a b c", "x y z", ["a b c"], ["x y z"]),
    ("", "355-4. Yeni maddə.", [], ["355-4. Yeni maddə."]),
    ("158.3. Köhnə mətn.", "", ["158.3. Köhnə mətn."], []),
)


@pytest.mark.parametrize(("old", "new", "deleted", "inserted"), TWO_WAY)
def test_two_way_runs(old: str, new: str, deleted: list[str], inserted: list[str]) -> None:
    diff = compare(old, new)
    assert [op.text for op in diff.ops if op.tag == "delete"] == deleted
    assert [op.text for op in diff.ops if op.tag == "insert"] == inserted
    assert diff.old == old
    assert diff.new == new
    assert diff.changed == bool(deleted or inserted)


@pytest.mark.parametrize("num", sorted({num for num, _, _ in CHANGES_2024}))
def test_real_2024_changes_show_exactly_the_changed_words(num: str) -> None:
    row = next(r for r in rows_2024() if r.num == num)
    diff = compare(row.before, row.after)
    changes = [(old, new) for n, old, new in CHANGES_2024 if n == num]
    assert diff.words("delete") == [w for old, _ in changes for w in old.replace(",", "").split()]
    assert diff.words("insert") == [w for _, new in changes for w in new.split()]
    assert diff.old == provision_text(num)
    assert diff.new == row.after


def test_tokens_keep_every_character() -> None:
    text = provision_text("1.0.2")
    assert "".join(tokenize(text)) == text
    assert "1.0.3-1.0.6-cı" in tokenize(text)


@given(st.text(), st.text())
def test_lossless_on_any_text(old: str, new: str) -> None:
    diff = compare(old, new)
    assert diff.old == old
    assert diff.new == new
    tags = [op.tag for op in diff.ops]
    assert all(a != b for a, b in itertools.pairwise(tags))


WORDS = st.lists(st.sampled_from(["məişət", "zorakılığı", "yaxın", "şəxs", ",", " ", "4-cü"]))


@given(WORDS, WORDS, WORDS)
def test_three_way_reassembles_each_side(
    base: list[str], mine: list[str], yours: list[str]
) -> None:
    current, draft, other = "".join(base), "".join(mine), "".join(yours)
    result = compare_three(current, draft, other)
    assert "".join(c.current for c in result.chunks) == current
    assert "".join(c.draft for c in result.chunks) == draft
    assert "".join(c.other for c in result.chunks) == other
    if draft == current:
        assert result.merged() == other


PREAMBLE_2010 = "Bu Qanun yaxın qohumluq münasibətlərindən, birgə və ya əvvəllər birgə yaşayışdan"
# (draft, other draft, kinds of the changed chunks, merged text or None on conflict)
THREE_WAY: tuple[tuple[str, str, list[str], str | None], ...] = (
    (
        "Bu Qanun qohumluq münasibətlərindən, birgə və ya əvvəllər birgə yaşayışdan",
        "Bu Qanun yaxın qohumluq münasibətlərindən, birgə və ya keçmiş birgə yaşayışdan",
        ["draft", "other"],
        "Bu Qanun qohumluq münasibətlərindən, birgə və ya keçmiş birgə yaşayışdan",
    ),
    (
        "Bu Qanun qohumluq münasibətlərindən, birgə və ya əvvəllər birgə yaşayışdan",
        "Bu Qanun qohumluq münasibətlərindən, birgə və ya əvvəllər birgə yaşayışdan",
        ["both"],
        "Bu Qanun qohumluq münasibətlərindən, birgə və ya əvvəllər birgə yaşayışdan",
    ),
    (
        "Bu Qanun ailə münasibətlərindən, birgə və ya əvvəllər birgə yaşayışdan",
        "Bu Qanun qohumluq və nikah münasibətlərindən, birgə və ya əvvəllər birgə yaşayışdan",
        ["conflict"],
        None,
    ),
)


@pytest.mark.parametrize(("draft", "other", "kinds", "merged"), THREE_WAY)
def test_three_way_on_the_preamble(
    draft: str, other: str, kinds: list[str], merged: str | None
) -> None:
    result = compare_three(PREAMBLE_2010, draft, other)
    assert [c.kind for c in result.chunks if c.kind != "unchanged"] == kinds
    assert result.merged() == merged
    assert result.to_dict()["conflicts"] == kinds.count("conflict")


def test_conflict_names_both_wordings() -> None:
    result = compare_three(PREAMBLE_2010, *THREE_WAY[2][:2])
    (conflict,) = result.conflicts
    assert "yaxın qohumluq" in conflict.current
    assert "ailə" in conflict.draft
    assert "nikah" in conflict.other


def test_compare_acts_matches_provisions_by_eid() -> None:
    old = dv_law()
    changed = {r.num: r.after for r in rows_2024()}
    new = Act(**{**old.__dict__, "frbr_expression": old.frbr_expression + "-2024",
                 "preamble": changed["preamble"], "body": _amended(old.body, changed)})
    new.body[0].children[0].children[0].children.append(
        Provision("art_1__para_0__point_9", "point", "1.0.9", text="yeni anlayış;"))
    result = compare_acts(old, new)
    states = {p.num: p.state for p in result.changed()}
    assert states == {"preamble": "changed", "1.0.1": "changed", "1.0.2": "changed",
                      "1.0.3": "changed", "1.0.4": "changed", "1.0.9": "new"}
    assert result.to_dict()["unchanged"] == len(result.provisions) - 6
    inserted = next(p for p in result.provisions if p.num == "1.0.9").diff.new
    assert inserted == "yeni anlayış;"


def _amended(provisions: list[Provision], changed: dict[str, str]) -> list[Provision]:
    return [
        Provision(p.eid, p.kind, p.num, p.heading, changed.get(p.num, p.text), p.raw_text,
                  _amended(p.children, changed))
        for p in provisions
    ]
