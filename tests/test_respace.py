"""The repair of the spaces around `ə ş ğ`, on real lines of the e-qanun codes and measured on
the whole corpus against the clean provisions of `current-2024/`."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.respace import Respacer, lone_glyph_ratio, scrambled_spans
from corpus.respace_measure import lone_glyphs, measure_all, provisions
from qanun.settings import corpus_dir as configured_corpus_dir

# (artefacted line as the code has it, the line as it should read)
REPAIRS = (
    # Civil Procedure Code, heading of 355-2 (clean in current-2024/)
    ("## Madd ə 355-2. Ə riz ə nin m ə zmunu", "## Maddə 355-2. Ərizənin məzmunu"),
    # the DESIGN.md examples; a double space is justified text and stays
    ("M ə i şə t  zorakılı ğ ı  il ə ba ğ lı", "Məişət  zorakılığı  ilə bağlı"),
    ("v ə qısamüdd ə tli", "və qısamüddətli"),
    (
        "305.1.11. m ə i şə t zorakılı ğ ından z ə r ə r ç ə kmi ş",
        "305.1.11. məişət zorakılığından zərər çəkmiş",
    ),
    # Criminal Code
    (
        "150.2-1.1. yetkinlik ya ş ına çatmayan şə xs ə qar ş ı tör ə dildikd ə ;",
        "150.2-1.1. yetkinlik yaşına çatmayan şəxsə qarşı törədildikdə;",
    ),
    # Civil Code
    ("937.2-1.12. t ə r ə fl ə rin rekvizitl ə ri.", "937.2-1.12. tərəflərin rekvizitləri."),
    # Housing Code
    (
        "9.2.5. m ə nzil münasib ə tl ə rin ə xitam verilm ə si v ə ya bu münasib ə tl ə rin"
        " d ə yi ş m ə si;",
        "9.2.5. mənzil münasibətlərinə xitam verilməsi və ya bu münasibətlərin dəyişməsi;",
    ),
    # Merchant Shipping Code
    (
        "## Madd ə 311. Xarici dövl ə tl ə rin konsulluq idar ə l ə ri t ə r ə find ə n"
        " d ə niz protesti haqqında aktın t ə rtib olunması",
        "## Maddə 311. Xarici dövlətlərin konsulluq idarələri tərəfindən dəniz protesti"
        " haqqında aktın tərtib olunması",
    ),
    # Execution of Punishments Code: `İ` is set in the glyphs' font too
    (
        "## Madd ə 144. İ ntizam xarakterli h ə rbi hiss ə d ə m ə hkumların ə m ə yi",
        "## Maddə 144. İntizam xarakterli hərbi hissədə məhkumların əməyi",
    ),
    # Forest Code: a hyphenated word and a bracket
    (
        "S ə naye v ə qeyri-s ə naye istehsalı özünümaliyy ə l əş dirm ə (t ə s ə rrüfat"
        " hesabı) prinsipi ə sasında h ə yata keçirilir.",
        "Sənaye və qeyri-sənaye istehsalı özünümaliyyələşdirmə (təsərrüfat hesabı) prinsipi"
        " əsasında həyata keçirilir.",
    ),
    # Migration Code
    (
        "## Madd ə 83. Ə cn ə bil ə rin v ə v ə t ə nda ş lı ğ ı olmayan şə xsl ə rin"
        " M ə rk ə zd ə yerl əş dirilm ə si proseduru",
        "## Maddə 83. Əcnəbilərin və vətəndaşlığı olmayan şəxslərin Mərkəzdə yerləşdirilməsi"
        " proseduru",
    ),
    # Code of Administrative Offences: a comma that followed a glyph closes up
    (
        "- Qeyd: Bu M ə c ə ll ə d ə 'qohum' dedikd ə ,  babaya v ə n ə n ə y ə",
        "- Qeyd: Bu Məcəllədə 'qohum' dedikdə,  babaya və nənəyə",
    ),
    # a compound's hyphen joins; a dash before the sanction does not
    (
        "221.1. Bil ə -bil ə keyfiyy ə tsiz,  normativ-texniki",
        "221.1. Bilə-bilə keyfiyyətsiz,  normativ-texniki",
    ),
    (
        "tör ə dilm ə sin ə gör ə -yüz manat m ə bl əğ ind ə c ə rim ə edilir.",
        "törədilməsinə görə -yüz manat məbləğində cərimə edilir.",
    ),
    # a bare quote before a glyph opens the title that follows it
    (
        "ehtiyatında ' İ nformasiya, informasiyala ş dırma v ə informasiyanın  mühafiz ə si"
        "  haqqında'  Az ə rbaycan  Respublikasının",
        "ehtiyatında 'İnformasiya, informasiyalaşdırma və informasiyanın  mühafizəsi"
        "  haqqında'  Azərbaycan  Respublikasının",
    ),
    # a paragraph the conversion broke at every font change (Civil Procedure Code, art. 405)
    (
        "m\n\nə\n\nhk\n\nə\n\nm\n\nə\n\nsin\n\nə\n\ngönd\n\nə\n\nrilir v\n\nə\n\naidiyy",
        "məhkəməsinə\n\ngöndərilir və\n\naidiyy",
    ),
    # letter-spaced headings are the normaliser's: left as they are
    (
        "## M a d d ə   3 5 3 . Hərbi gəmiləri idarəetmə qaydalarını pozma",
        "## M a d d ə   3 5 3 . Hərbi gəmiləri idarəetmə qaydalarını pozma",
    ),
    (
        "u n y o x l a n ı l m a s ı   b a r ə d ə   v ə s a t ə t",
        "u n y o x l a n ı l m a s ı   b a r ə d ə   v ə s a t ə t",
    ),
    # clean text stays byte for byte
    ("Maddə 355-1. Ərizənin verilməsi", "Maddə 355-1. Ərizənin verilməsi"),
)


@pytest.fixture(scope="module")
def shared_corpus() -> Path:
    return configured_corpus_dir()


@pytest.fixture(scope="module")
def respacer(shared_corpus: Path) -> Respacer:
    return Respacer.default(shared_corpus)


@pytest.fixture(scope="module")
def repaired_codes(shared_corpus: Path, respacer: Respacer) -> dict[str, tuple[str, str]]:
    """Every code of the corpus, raw and repaired as one text."""
    codes = {}
    for path in sorted((shared_corpus / "az" / "codes").glob("*.md")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        codes[path.stem] = (raw, respacer.repair(raw))
    return codes


@pytest.mark.parametrize(("raw", "expected"), REPAIRS)
def test_repairs_real_lines(respacer: Respacer, raw: str, expected: str) -> None:
    assert respacer.repair(raw) == expected


def test_counts_the_spaces_it_removes(respacer: Respacer) -> None:
    text, joins = respacer.repair_with_count("## Madd ə 355-2. Ə riz ə nin m ə zmunu")
    assert text == "## Maddə 355-2. Ərizənin məzmunu"
    assert joins == 6
    assert respacer.repair_with_count("Maddə 355-2. Ərizənin məzmunu") == (
        "Maddə 355-2. Ərizənin məzmunu",
        0,
    )


def test_lone_glyph_ratio_counts_single_glyph_tokens() -> None:
    assert lone_glyph_ratio("Madd ə 355-2. Ə riz ə nin") == pytest.approx(3 / 7)
    assert lone_glyph_ratio("i şə baxılır") == 0.0  # `şə` is a pair, not a lone glyph
    assert lone_glyph_ratio("") == 0.0


def test_learns_words_only_from_clean_spans() -> None:
    respacer = Respacer.from_texts(
        ["Məhkəmə ərizəyə baxır. Madd ə 5. Ərizə verilir.", "məhkəmə ərizəni qəbul edir"]
    )
    counts = respacer.lexicon.counts
    assert counts["məhkəmə"] == 2
    assert counts["ərizə"] == 1
    assert "madd" not in counts  # a fragment beside a stray glyph is not learnt
    assert respacer.repair("m ə hk ə m ə ə riz ə ni") == "məhkəmə ərizəni"


def test_survives_pickling(respacer: Respacer) -> None:
    copy = pickle.loads(pickle.dumps(respacer))
    line = "v ə qısamüdd ə tli mühafiz ə orderinin"
    assert copy.repair(line) == respacer.repair(line) == "və qısamüddətli mühafizə orderinin"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("əşğƏŞĞİ abcdıüç.,;:'\"-()\n[]1")), max_size=80))
def test_only_removes_whitespace_and_never_raises(text: str) -> None:
    respacer = _small_respacer()
    repaired, joins = respacer.repair_with_count(text)
    assert re.sub(r"\s", "", repaired) == re.sub(r"\s", "", text)
    assert len(text) - len(repaired) >= joins


_SMALL: list[Respacer] = []


def _small_respacer() -> Respacer:
    if not _SMALL:
        _SMALL.append(Respacer.from_texts(["ilə bağlı və ya məişət zorakılığı barədə"]))
    return _SMALL[0]


def test_repair_is_neutral_on_bytes_other_than_spaces(
    repaired_codes: dict[str, tuple[str, str]],
) -> None:
    for name, (raw, repaired) in repaired_codes.items():
        assert re.sub(r"\s", "", repaired) == re.sub(r"\s", "", raw), name


# (a line opening a provision in a code, the number the measure files it under)
PROVISION_OPENINGS = (
    ("## Madd ə 355-2. Ə riz ə nin m ə zmunu", "art 355-2"),
    ("## M a d d ə   1 2 0 . Qəsdən adam öldürmə", "art 120"),
    ("Maddə 157. Döymə", "art 157"),
    ("- 233.1. Bu M ə c ə ll ə nin 355-7.4-cü", "233.1"),
    ("355-4.4.1. məişət zorakılığının təkrar törədilməsi;", "355-4.4.1"),
    ("158.2-1. Bu Məcəllənin", "158.2-1"),
)


@pytest.mark.parametrize(("line", "key"), PROVISION_OPENINGS)
def test_measure_finds_provisions_by_number(line: str, key: str) -> None:
    found = provisions(f"{line}\ndavamı\n\nQeyd: sonrakı")
    assert list(found) == [key]
    assert found[key].endswith("davamı Qeyd: sonrakı")


# (repaired text, the glyphs shuffled out of their words in it)
SCRAMBLED = (
    # Code of Administrative Offences: the glyphs of a whole sanction set after it
    ("qaydalarının pozulmasına görəə ə ə ə ə ə ə ş ə ə ş ə ə", ["ə ə ə ə ə ə ş ə ə ş ə ə"]),
    # Migration Code, a paragraph broken at every glyph
    ("tutulan razılıq riz\n\nə\n\nə\n\nə\n\nş\n\nə\n\nşə\n\nxsin", ["ə\n\nə\n\nə\n\nş\n\nə\n\nşə"]),
    # two glyph runs in a row are two words' edges, not debris
    ("məhkəmə ilə ə ə ərizə", []),
    ("edil ə ə riz ə", []),
)


@pytest.mark.parametrize(("text", "spans"), SCRAMBLED)
def test_finds_scrambled_glyphs(text: str, spans: list[str]) -> None:
    assert [text[begin:end] for begin, end in scrambled_spans(text)] == spans


def test_lone_glyphs_tells_missed_from_letter_spaced_and_scrambled() -> None:
    text = "## M a d d ə   1 2 0 . Qəsdən\n\nə\n\nş\n\nzorakılı ğ ı v ə"
    counted = lone_glyphs(text)
    assert (counted.letter_spaced, counted.scrambled, counted.other) == (1, 2, 2)


def test_accuracy_on_current_2024(shared_corpus: Path, respacer: Respacer) -> None:
    """At least 99% of the words of the provisions unchanged since the consolidation come back
    exactly as the clean 2024 text has them."""
    results = measure_all(shared_corpus, respacer.repair)
    for result in results:
        print(
            f"{result.source}: unchanged provisions {result.unchanged}, words"
            f" {result.unchanged_correct}/{result.unchanged_words}"
            f" ({result.unchanged_ratio:.2%}); with {result.similar} similar provisions"
            f" {result.correct}/{result.words} ({result.ratio:.2%})"
        )
    assert sum(r.unchanged for r in results) >= 50
    unchanged = sum(r.unchanged_correct for r in results) / sum(r.unchanged_words for r in results)
    overall = sum(r.correct for r in results) / sum(r.words for r in results)
    assert unchanged >= 0.99
    assert overall >= 0.99
    assert all(r.ratio >= 0.99 for r in results)


def test_without_repair_the_measure_fails(shared_corpus: Path) -> None:
    """The measure can fail: the raw texts score far below the target."""
    results = measure_all(shared_corpus, lambda text: text)
    raw = sum(r.correct for r in results) / sum(r.words for r in results)
    assert raw < 0.9


def test_lone_glyphs_in_every_code(repaired_codes: dict[str, tuple[str, str]]) -> None:
    """Under 0.1% of the tokens of every code are a lone glyph the repair could have joined.

    Letter-spaced headings (`M a d d ə   1 1 .`) are the normaliser's; lines of glyphs only
    are glyphs the PDF shuffled out of their words. Both are printed and bounded too.
    """
    for name, (raw, repaired) in repaired_codes.items():
        before, after = lone_glyphs(raw), lone_glyphs(repaired)
        print(
            f"{name}: lone glyphs {before.ratio:.3%} -> {after.ratio:.3%}"
            f" (missed {after.other_ratio:.3%}, letter-spaced {after.letter_spaced},"
            f" scrambled {after.scrambled})"
        )
        assert after.other_ratio < 0.001, name
        assert (after.other + after.scrambled) / after.tokens < 0.003, name
        assert lone_glyph_ratio(repaired) < 0.005, name


# The glyph runs `_SCRAMBLED` strings together, before its quick pre-scan was added.
_SCRAMBLED_REFERENCE = re.compile(
    r"(?<!\S)[^\w\s]*[əƏşŞğĞİәӘєЄз]+[^\w\s]*(?:\s+[^\w\s]*[əƏşŞğĞİәӘєЄз]+[^\w\s]*(?!\S)){2,}"
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["ə", "ş", "ğə", "Ə,", "(ə", "riz", "görəə", "x", ";", "1"]),
                max_size=12),
       st.lists(st.sampled_from([" ", "  ", "\n\n", "\t"]), min_size=12, max_size=12))
def test_scrambled_spans_match_the_pattern_they_pre_scan_for(
    tokens: list[str], gaps: list[str]
) -> None:
    text = "".join(token + gap for token, gap in zip(tokens, gaps, strict=False))
    expected = [match.span() for match in _SCRAMBLED_REFERENCE.finditer(text)]
    assert scrambled_spans(text) == expected
