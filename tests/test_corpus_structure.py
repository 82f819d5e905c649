"""The structure of the real acts: no article lost, none invented, real text and footnotes."""

from __future__ import annotations

import re

import pytest

from corpus.ids import Num

CODES = [
    "criminal-code", "administrative-offences-code", "criminal-procedure-code",
    "civil-procedure-code", "family-code", "execution-of-punishments-code", "civil-code",
    "housing-code", "administrative-procedure-code", "migration-code", "competition-code",
    "land-code", "forest-code", "merchant-shipping-code", "urban-planning-construction-code",
]
# An article heading as the source writes it, found without the parser: spaces removed first.
_RAW_HEADING = re.compile(r"^(?:#+|-)?Maddə(\d+(?:-\d+)*(?:\.\d+(?=\.))?)(?:\.|(?=[^\d.-]))")
_TRAILER = re.compile(r"SƏNƏDLƏRİNİNSİYAHISI|ƏLAVƏLƏRİNSİYAHISI|KonstitusiyaMəhkəməsininQərarları"
                      r"|ETMİŞQANUNLAR", re.IGNORECASE)


def _raw_article_headings(path, first_line: int) -> list[str]:
    numbers = []
    for line in path.read_text(encoding="utf-8").split("\n")[first_line - 1:]:
        squeezed = re.sub(r"\s+", "", line)
        if len(squeezed) < 100 and _TRAILER.search(squeezed):
            break
        if match := _RAW_HEADING.match(squeezed):
            numbers.append(match.group(1).replace(".", "-"))
    return numbers


@pytest.mark.parametrize("code", CODES)
def test_no_article_is_lost_or_invented(corpus, corpus_dir, code: str) -> None:
    act = corpus.act(code)
    articles = act.articles()
    assert len(articles) > 50
    keys = [Num.parse(a.num).sort_key() for a in articles]
    assert keys == sorted(keys), "articles are in order"
    assert len(set(keys)) == len(keys), "no article twice"
    expected = _raw_article_headings(corpus_dir / act.path, articles[0].line)
    assert [a.num for a in articles if not a.inferred] == expected
    inferred = {a.num for a in articles if a.inferred}
    diagnosed = {d.problem.split()[1] for d in act.diagnostics if d.code == "inferred-article"}
    assert inferred == diagnosed
    for article in articles:
        if article.inferred:
            assert article.children and article.children[0].num.startswith(article.num + ".")


def test_criminal_code_runs_to_353_with_every_hyphenated_article(corpus) -> None:
    act = corpus.act("criminal-code")
    nums = [a.num for a in act.articles()]
    assert nums[0] == "1" and nums[-1] == "353"
    for hyphenated in ("52-1", "99-10", "144-1", "144-3", "176-1", "263-1", "318-2"):
        assert hyphenated in nums
    assert sum("-" in num for num in nums) == 94
    article_10 = act.find("10")
    assert article_10.inferred and article_10.kind == "article"
    assert [c.num for c in article_10.children] == ["10.1", "10.2", "10.3", "10.4"]
    assert act.find("10.4").text.startswith("Əməlin (hərəkət və ya hərəkətsizliyin) cinayət "
                                            "sayılmasını və həmin əmələ görə cəza müəyyən edən")


def test_points_run_together_are_split_in_the_real_code(corpus) -> None:
    act = corpus.act("criminal-code")
    assert act.find("5.1").text == ("Əməlin (hərəkət və ya hərəkətsizliyin) cinayət sayılması "
                                    "və həmin əmələ görə cəza və digər cinayət-hüquqi xarakterli "
                                    "tədbirlər yalnız bu Məcəllə ilə müəyyən edilir.")
    assert act.find("5.2").text == "Cinayət qanununun analogiya üzrə tətbiqinə yol verilmir."


def test_real_text_headings_and_ids(corpus) -> None:
    act = corpus.act("criminal-code")
    assert act.find("1").heading == "Azərbaycan Respublikasının cinayət qanunu"
    assert act.find("1.1").text == ("Azərbaycan Respublikasının cinayət qanunu bu Məcəllədən "
                                    "ibarətdir.")
    assert act.num_index()["12.1-1"] == "art_12__para_1-1"
    assert act.find("chp_2").heading == "CİNAYƏT QANUNUNUN QÜVVƏSİ"
    cpc = corpus.act("civil-procedure-code")
    assert cpc.find("355-1.1").eid == "art_355-1__para_1"
    assert cpc.find("355-2").heading == "Ərizənin məzmunu"
    assert cpc.find("chp_40-1") is not None or any(
        c.kind == "chapter" and "Məişət zorakılığından" in c.heading for c in cpc.walk())


def test_footnotes_are_attached_to_the_provisions_that_carry_their_marker(corpus) -> None:
    act = corpus.act("criminal-code")
    article_13 = act.find("13")
    assert article_13.footnotes == [8]
    footnote = act.footnote(8)
    assert footnote.provisions == ["art_13"]
    assert footnote.text.startswith("2 iyul 2002-ci il tarixli 360-IIQD nömrəli")
    assert "13-cü maddənin adı yeni redaksiyada verilmişdir" in footnote.text
    # the `Maddə 13.` quoted in its previous wording is not an article of the body
    assert "Maddə 1 3 ." in footnote.text
    assert [a.num for a in act.articles()].count("13") == 1
    assert act.find("9.2").footnotes == [3]
    assert len(act.footnotes) > 950


def test_trailing_lists_are_metadata_not_articles(corpus) -> None:
    act = corpus.act("criminal-code")
    sources = act.metadata["source_documents"]
    assert any("787-IQ" in line for line in sources)
    assert any("886-IQ" in line for line in act.metadata["amending_laws"])
    civil = corpus.act("civil-code")
    assert any(line.startswith("KMQ1 ") for line in civil.metadata["court_decisions"])


def test_the_table_of_contents_is_not_the_body(corpus) -> None:
    act = corpus.act("competition-code")
    first = act.articles()[0]
    assert first.num == "1" and first.line > 200
    assert act.find("1").heading == "Bu Məcəllədə istifadə olunan əsas anlayışlar"


def test_numbered_parts_of_an_article(corpus) -> None:
    act = corpus.act("land-code")
    assert [c.num for c in act.find("3").children] == ["3.1", "3.2", "3.3", "3.4"]
    assert act.find("3.4").text == ("Torpaq münasibətlərinin obyekti torpaq sahəsi və onun "
                                    "üzərində hüquqlardan ibarətdir.")


def test_expressions_of_one_work(corpus) -> None:
    work = corpus.works["family-code"]
    assert len(work.expressions) == 2
    assert corpus.act("family-code").path.endswith("family-code.md")  # the complete one
    assert work.languages == ["az"]
    assert sorted(a.language for a in corpus.works["dv-law"].expressions) == ["az", "az", "en"]
