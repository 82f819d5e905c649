"""Every reference form of DESIGN.md (and the others the codes use), one row each, with its real
sentence from the parsed corpus and the targets it must resolve to."""

from __future__ import annotations

import pytest

from corpus.references import find_citations
from corpus.references_extract import provision_references
from corpus.resolve import Context, Resolver

# (act, language, provision, real sentence in its text, cited text, target act, target nums, status)
FORMS = [
    # internal, one target
    ("criminal-code", "az", "6.2", "Bu Məcəllənin 6.1-ci maddəsində nəzərdə tutulmuş əsaslara",
     "Bu Məcəllənin 6.1-ci maddəsində", "criminal-code", ["6.1"], "resolved"),
    # lists
    ("criminal-code", "az", "20.3", "bu Məcəllənin 20.1 və 20.2-ci maddələrində nəzərdə tutulmuş",
     "bu Məcəllənin 20.1 və 20.2-ci maddələrində", "criminal-code", ["20.1", "20.2"], "resolved"),
    ("criminal-code", "az", "27.3", "bu Məcəllənin 28 və 29-cu maddələrinə istinad olunmaqla",
     "bu Məcəllənin 28 və 29-cu maddələrinə", "criminal-code", ["28", "29"], "resolved"),
    # ranges, expanded to what exists between the ends, mixed with lists
    ("criminal-code", "az", "52.3", "bu Məcəllənin 52.1-52.2-ci maddələri arasında ziddiyyət",
     "bu Məcəllənin 52.1-52.2-ci maddələri", "criminal-code", ["52.1", "52.1-1", "52.2"],
     "resolved"),  # 52.1-1 was inserted between the ends later
    ("criminal-code", "az", "56.3", "bu Məcəllənin 56.1.1-56.1.5 və 56.2-ci maddələrinə uyğun",
     "bu Məcəllənin 56.1.1-56.1.5 və 56.2-ci maddələrinə", "criminal-code",
     ["56.1.1", "56.1.2", "56.1.3", "56.1.4", "56.1.5", "56.2"], "resolved"),
    ("competition-code", "az", "82.1", "77.2-ci, 77.3-cü və 77.6-77.13-cü maddələrində",
     "77.2-ci, 77.3-cü və 77.6-77.13-cü maddələrində", "competition-code",
     ["77.2", "77.3", "77.6", "77.7", "77.8", "77.9", "77.10", "77.11", "77.12", "77.13"],
     "resolved"),
    # a range of articles with a dash between spaces, hyphenated articles inside it
    ("criminal-procedure-code", "az", "40.5", "Cinayət Məcəlləsinin 72 - 73-2-ci maddələrində",
     "Azərbaycan Respublikası Cinayət Məcəlləsinin 72 - 73-2-ci maddələrində", "criminal-code",
     ["72", "73", "73-1", "73-2"], "resolved"),
    # the act in scope: həmin Məcəllənin, bu Qanunun
    ("criminal-code", "az", "58.2", "yalnız həmin Məcəllənin 66 və 67-ci maddələrinə uyğun",
     "həmin Məcəllənin 66 və 67-ci maddələrinə", "criminal-code", ["66", "67"], "resolved"),
    ("dv-law", "az", "1.0.2", "bu Qanunun 1.0.3-1.0.6-cı maddələrində nəzərdə tutulmuş",
     "bu Qanunun 1.0.3-1.0.6-cı maddələrində", "dv-law", ["1.0.3", "1.0.4", "1.0.5", "1.0.6"],
     "unresolved"),  # the corpus holds only the opening of the DV law: 1.0.6 is not in it
    # another code named in the genitive
    ("criminal-procedure-code", "az", "467-10.1", "Cinayət Məcəlləsinin 93-1.4-cü maddəsində",
     "Azərbaycan Respublikası Cinayət Məcəlləsinin 93-1.4-cü maddəsində", "criminal-code",
     ["93-1.4"], "resolved"),
    ("criminal-procedure-code", "az", "487-4.0.5", "Cinayət Məcəlləsinin 99-5.4-cü maddəsinə",
     "Azərbaycan Respublikası Cinayət Məcəlləsinin 99-5.4-cü maddəsinə", "criminal-code",
     ["99-5.4"], "resolved"),
    # a law named by its quoted title: the DV law
    ("administrative-offences-code", "az", "art_158__hcontainer_note1",
     "haqqında' Azərbaycan Respublikası Qanununun 4-cü maddəsində",
     "' Məişət zorakılığının qarşısının alınması haqqında' Azərbaycan Respublikası Qanununun "
     "4-cü maddəsində", "dv-law", ["4"], "unresolved"),
    # the Constitution: article and part (Roman numeral); clauses are in the test below
    ("civil-code", "az", "7.1", "Konstitusiyasının 149-cu maddəsinin VII hissəsində nəzərdə",
     "Azərbaycan Respublikası Konstitusiyasının 149-cu maddəsinin VII hissəsində",
     "constitution", ["149.VII"], "unresolved"),
    # hyphenated numbers
    ("civil-code", "az", "147.1", "bu Məcəllənin 144-1-ci maddəsində müəyyən olunur",
     "bu Məcəllənin 144-1-ci maddəsində", "civil-code", ["144-1"], "resolved"),
    ("criminal-procedure-code", "az", "92.4.9", "bu Məcəllənin 92.3.15-1-ci maddəsində",
     "bu Məcəllənin 92.3.15-1-ci maddəsində", "criminal-procedure-code", ["92.3.15-1"],
     "resolved"),
    ("civil-procedure-code", "az", "418.6", "bu Məcəllənin 418-1.3-cü maddəsində nəzərdə",
     "bu Məcəllənin 418-1.3-cü maddəsində", "civil-procedure-code", ["418-1.3"], "resolved"),
    # a code outside the corpus; part as an ordinal word
    ("administrative-offences-code", "az", "477-1.1.4",
     "Əmək Məcəlləsinin 77-ci maddəsinin birinci hissəsinə",
     "Azərbaycan Respublikasının Əmək Məcəlləsinin 77-ci maddəsinin birinci hissəsinə",
     "labour-code", ["77.1"], "unresolved"),
    # a law outside the corpus with article, Roman part and clause
    ("administrative-offences-code", "az", "125.5", "Qanununun 27-ci maddəsinin II hissəsinin",
     "'Yol hərəkəti haqqında' Azərbaycan Respublikası Qanununun 27-ci maddəsinin II hissəsinin "
     "1-ci bəndində", "law:Yol hərəkəti haqqında", ["27.II.1"], "unresolved"),
    # a chapter
    ("civil-code", "az", "976.1", "bu Məcəllənin 23-cü fəslində nəzərdə tutulmuş",
     "bu Məcəllənin 23-cü fəslində", "civil-code", ["23"], "resolved"),
    # English forms
    ("dv-law", "en", "1.0.2", "envisaged in Articles 1.0.3 – 1.0.6 of this Law",
     "Articles 1.0.3 – 1.0.6", "dv-law", ["1.0.3", "1.0.4", "1.0.5", "1.0.6"], "unresolved"),
    ("dv-law-implementing-decree", "en", "1.4", "envisaged in Article 16.3 of the same Law",
     "Article 16.3", "dv-law", ["16.3"], "unresolved"),
]


@pytest.fixture(scope="module")
def resolver(corpus):  # type: ignore[no-untyped-def]
    return Resolver.of(corpus.acts())


@pytest.mark.parametrize(("act_id", "lang", "num", "sentence", "cited", "target_act", "nums",
                          "status"), FORMS, ids=[f"{f[0]}:{f[2]}" for f in FORMS])
def test_reference_form(corpus, resolver, act_id, lang, num, sentence, cited, target_act, nums,
                        status):  # type: ignore[no-untyped-def]
    act = corpus.act(act_id, lang)
    provision = act.find(num) or act.index()[num]
    assert sentence in " ".join(provision.text.split())
    found = [r for r in provision_references(act, num, resolver)
             if " ".join(r.text.split()) == cited]
    assert found, [r.text for r in provision_references(act, num, resolver)]
    reference = found[0]
    assert [t.num for t in reference.targets] == nums
    assert {t.act for t in reference.targets} == {target_act}
    assert reference.status == status
    start, end = reference.span
    assert provision.text[start:end] == reference.text


def test_the_dv_law_by_its_title_resolves_to_the_dv_law_work(corpus, resolver):  # type: ignore[no-untyped-def]
    act = corpus.act("administrative-offences-code")
    targets = [t for r in provision_references(act, "art_158__hcontainer_note1", resolver)
               for t in r.targets]
    assert ("dv-law", "art_4") in {(t.act, t.eid) for t in targets}


@pytest.mark.parametrize("note", ["art_157__hcontainer_note1", "art_158__hcontainer_note1"])
def test_notes_to_157_and_158_resolve_into_the_criminal_code(corpus, resolver, note):  # type: ignore[no-untyped-def]
    act = corpus.act("administrative-offences-code")
    references = provision_references(act, note, resolver)
    into_criminal_code = [r for r in references if r.target_act == "criminal-code"]
    assert into_criminal_code and all(r.status == "resolved" for r in into_criminal_code)
    assert "Cinayət Məcəlləsinin" in into_criminal_code[0].text


NEGATIVES = [
    # substances, not articles
    ("administrative-offences-code", "315.3", "psixotrop maddələrdən"),
    ("administrative-offences-code", "333-1.1", "psixotrop maddələrdən"),
]


@pytest.mark.parametrize(("act_id", "num", "words"), NEGATIVES)
def test_maddeler_meaning_substances_is_no_reference(corpus, resolver, act_id, num, words):  # type: ignore[no-untyped-def]
    act = corpus.act(act_id)
    assert words in act.find(num).text
    references = provision_references(act, num, resolver)
    assert not any("maddələr" in r.text and "psixotrop" in r.text for r in references)
    assert all(any(c.isdigit() for c in r.text) or r.targets[0].num is None
               for r in references)


def test_constitution_article_part_clauses_and_no_gazette_number(corpus, resolver):  # type: ignore[no-untyped-def]
    """The preamble of the 2024 amending law: `Konstitusiyasının 94-cü maddəsinin I hissəsinin
    1-ci və 14-cü bəndlərini` is a reference; `Toplusu, 2010, № 10, maddə 836` is not."""
    act = corpus.act("dv-law-amendment-2024")
    assert "maddə 836" in act.preamble
    citations = next(find_citations([act.preamble]))
    assert not any("836" in c.text for c in citations)
    constitution = [c for c in citations if c.scope.kind == "CONSTITUTION" and c.levels]
    assert len(constitution) == 1
    context = Context(act=act, provision=act.find("2.2"), article=None)
    reference = resolver.resolve(constitution[0], context)
    assert [(t.act, t.num) for t in reference.targets] == [
        ("constitution", "94.I.1"), ("constitution", "94.I.14")]
    assert reference.status == "unresolved"


def test_an_amending_law_cites_the_law_it_amends(corpus, resolver):  # type: ignore[no-untyped-def]
    act = corpus.act("dv-law-amendment-2024")
    references = provision_references(act, "2.3", resolver)
    assert [t.num for t in references[0].targets] == ["1.0.3", "1.0.4", "1.0.5", "1.0.6"]
    assert references[0].target_act == "dv-law"


def test_a_repealed_provision_is_dangling(corpus, resolver):  # type: ignore[no-untyped-def]
    """Article 182 of the Code of Criminal Procedure survives only as a heading whose footnote
    says `182-ci maddə çıxarılmışdır`; a citation of it dangles, one of Article 181 does not."""
    from corpus.references_lookup import lookup

    index = resolver.index("criminal-procedure-code")
    assert index.repealed("art_182") and not index.repealed("art_181")
    assert lookup(index, "182", None, coarse=False)[1] == "dangling"
    assert lookup(index, "181", None, coarse=False)[1] == "resolved"
    # a number the complete code lacks dangles too; one the partial DV law lacks is unresolved
    assert lookup(index, "9999", None, coarse=False)[1] == "dangling"
    assert lookup(resolver.index("dv-law"), "19.6", None, coarse=False)[1] == "unresolved"
