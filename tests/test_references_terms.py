"""Defined terms (Article 1 of the DV law, the definitions articles of the codes) and their uses;
and the promise that no text makes reference finding raise."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.model import Provision
from corpus.references import find_citations
from corpus.resolve import Context, Resolver
from corpus.terms import TermIndex, defined_terms

DEFINED = [
    # (act, point, term as the definition writes it, short form it introduces)
    ("dv-law", "1.0.1", "məişət zorakılığı", ()),
    ("dv-law", "1.0.2", "məişət zorakılığından zərər çəkmiş şəxs", ("zərər çəkmiş şəxs",)),
    ("dv-law", "1.0.3", "məişət zəminində fiziki zorakılıq", ()),
    ("dv-law", "1.0.4", "məişət zəminində psixi zorakılıq", ()),
    ("competition-code", None, "dempinq", ()),
]


@pytest.mark.parametrize(("act_id", "num", "term", "aliases"), DEFINED)
def test_defined_terms(corpus, act_id, num, term, aliases):  # type: ignore[no-untyped-def]
    terms = {t.text: t for t in defined_terms(corpus.act(act_id))}
    assert term in terms
    if num is not None:
        assert terms[term].num == num
    assert terms[term].aliases == aliases


USES = [
    # (act, provision, term used, True if the use links to the DV law's term)
    ("civil-procedure-code", "355-1.1", "məişət zorakılığı", True),
    ("administrative-offences-code", "art_158__hcontainer_note1", "məişət zorakılığı", True),
    ("civil-procedure-code", "355-3.2", "məişət zorakılığından zərər çəkmiş şəxs", True),
]


@pytest.fixture(scope="module")
def term_index(corpus):  # type: ignore[no-untyped-def]
    return TermIndex.of(Resolver.of(corpus.acts()).acts.values())


@pytest.mark.parametrize(("act_id", "provision", "term", "linked"), USES)
def test_term_uses_in_the_codes(corpus, term_index, act_id, provision, term, linked):  # type: ignore[no-untyped-def]
    act = corpus.act(act_id)
    eid = (act.find(provision) or act.index()[provision]).eid
    used = {u.term.text for u in term_index.uses(act) if u.eid == eid}
    assert (term in used) is linked


def test_a_short_form_counts_only_in_its_own_act(corpus, term_index) -> None:  # type: ignore[no-untyped-def]
    """`zərər çəkmiş şəxs` alone is any victim in the Code of Criminal Procedure."""
    act = corpus.act("criminal-procedure-code")
    plain = [p for p in act.walk()
             if "zərər çəkmiş şəxs" in p.text and "məişət" not in p.text.lower()]
    assert plain
    dv_terms = {u.eid for u in term_index.uses(act) if u.term.act == "dv-law"}
    assert not dv_terms & {p.eid for p in plain}


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.-–, əçşğıöüİIMaddəsincmlrhbQy'\"“”Kk")),
               max_size=120))
def test_no_text_makes_extraction_raise(corpus, text) -> None:  # type: ignore[no-untyped-def]
    resolver = _resolver(corpus)
    act = corpus.act("criminal-code")
    context = Context(act=act, provision=Provision("art_1", "article", "1", text=text),
                      article="1")
    for citation in next(find_citations([text])):
        reference = resolver.resolve(citation, context)
        assert text[reference.span[0]:reference.span[1]] == reference.text
        assert reference.status in ("resolved", "unresolved", "ambiguous", "dangling")


_RESOLVERS: dict[int, Resolver] = {}


def _resolver(corpus) -> Resolver:  # type: ignore[no-untyped-def]
    if id(corpus) not in _RESOLVERS:
        _RESOLVERS[id(corpus)] = Resolver.of(corpus.acts())
    return _RESOLVERS[id(corpus)]
