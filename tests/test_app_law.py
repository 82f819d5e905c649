"""The Law page in Streamlit's AppTest, on the real corpus: reading, search, AZ|EN, history."""

from __future__ import annotations

import pytest
from app_fixtures import data_folder, open_page

from workbench.search import fold

__all__ = ["data_folder", "open_page"]


def _links(at) -> list[str]:
    return [link.proto.label for link in at.get("page_link")]


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Məişət zorakılığı", "meiset zorakiligi"),
        ("İnsan alveri", "insan alveri"),
        ("ŞİKAYƏT", "sikayet"),
        ("Ümumi müddəalar", "umumi muddealar"),
        ("çağırış", "cagiris"),
        ("GÖRÜŞ", "gorus"),
    ],
)
def test_folding_drops_the_azerbaijani_diacritics(typed: str, folded: str) -> None:
    assert fold(typed) == folded
    assert len(fold(typed)) == len(typed)


def test_a_provision_opens_from_its_address(open_page) -> None:
    at = open_page("law", act="criminal-code", eid="art_144-1")
    assert [s.value for s in at.subheader] == ["Article 144-1. İnsan alveri"]
    text = "\n".join(m.value for m in at.markdown)
    assert "144-1.1. İnsan alveri, yəni zor tətbiq etmək hədəsi ilə" in text


def test_search_without_diacritics_finds_the_same_provisions(open_page) -> None:
    at = open_page("law")
    at.text_input(key="law_query").set_value("məişət zorakılığı").run()
    with_letters = _links(at)
    at.text_input(key="law_query").set_value("meiset zorakiligi").run()
    assert _links(at) == with_letters
    assert any(label.startswith("dv-law (AZ) · 1.0.1") for label in with_letters)


def test_search_by_number_puts_that_article_first(open_page) -> None:
    at = open_page("law")
    at.text_input(key="law_query").set_value("144-1").run()
    first = next(label for label in _links(at) if "·" in label)
    assert first == "criminal-code (AZ) · 144-1 · İnsan alveri"


def test_the_dv_law_shows_azerbaijani_and_english_side_by_side(open_page) -> None:
    at = open_page("law", act="dv-law", eid="art_1__para_0__point_1")
    shown = [m.value for m in at.markdown]
    assert "**AZ**" in shown and "**EN**" in shown
    text = "\n".join(shown)
    assert "məişət zorakılığı - yaxın qohumluq münasibətlərindən" in text
    assert "“Domestic violence” - means a deliberate infliction" in text


def test_history_reads_the_footnote_of_the_provision(open_page) -> None:
    at = open_page("law", act="criminal-code", eid="art_144-1")
    assert "History: amendments made to it (4 footnotes)" in [e.label for e in at.expander]
    shown = [m.value for m in at.markdown]
    assert "**[256]** Law No. 1020-IIQD of 2005-09-30 — changed 144-1" in shown
    assert "**[257]** Law No. 610-IVQD of 2013-04-19 — changed 144-1.2.4-1" in shown


def test_an_unknown_provision_is_said_not_raised(open_page) -> None:
    at = open_page("law", act="criminal-code", eid="art_9999")
    assert [w.value for w in at.warning] == ["criminal-code has no provision art_9999."]


def test_going_to_a_missing_number_says_so(open_page) -> None:
    at = open_page("law", act="criminal-code")
    at.text_input(key="law_jump").set_value("999.9").run()
    assert [e.value for e in at.error] == ["criminal-code has no provision numbered 999.9."]
    at.text_input(key="law_jump").set_value("10.1").run()
    assert at.query_params["eid"] == "art_10__para_1"


def test_a_provision_lists_who_cites_it_with_links(open_page) -> None:
    at = open_page("law", act="criminal-code", eid="art_128")
    links = _links(at)
    assert "criminal-code 132 — “Bu Məcəllənin 128-ci maddəsində” (resolved)" in links
    assert any(label.startswith("criminal-procedure-code 214.4 — ") for label in links)
    assert len(at.get("plotly_chart")) == 1


def test_the_neighbourhood_places_citing_left_and_cited_right() -> None:
    from workbench.neighbourhood import positions

    placed = positions(["a", "b"], ["c"], "x")
    assert placed["x"] == (0.0, 0.0)
    assert placed["a"][0] < 0 and placed["b"][0] < 0 and placed["c"][0] > 0


def test_corpus_wide_views_count_the_gaps(open_page) -> None:
    at = open_page("law")
    at.radio(key="law_view").set_value("corpus").run()
    metrics = {m.label: int(m.value) for m in at.metric}
    assert metrics["References found"] > metrics["unresolved"] > 0
    assert len(at.dataframe[0].value) == metrics["unresolved"]
    ranked = [label for label in _links(at) if " — cited " in label]
    assert len(ranked) == 20
