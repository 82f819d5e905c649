"""The references of an act: find the citations in every provision's text and resolve them.

Only provisions' own text is read (articles, points and the notes `Qeyd:` of articles); the
parser keeps the table of contents, footnote bodies and the list of amending laws out of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from corpus.model import Act, Provision, Reference
from corpus.references import find_citations
from corpus.resolve import Context, Resolver

# A provision without a digit and without an act's name cites nothing; skipping it saves the
# tokenizer most of the corpus. The names are plain substring tests: one regex alternation of
# them tried every branch at every character and cost more than the tokenizer it saved.
_DIGIT = re.compile(r"\d")
_ACT_WORDS = ("Konstitusiya", "konstitusiya", "KONSTİTUSİYA", "Məcəllə", "məcəllə", "Qanun",
              "qanun", "Code", "code", "Law")


def _may_cite(text: str) -> bool:
    """Whether a text has a digit or an act's name, without which it cites nothing."""
    return _DIGIT.search(text) is not None or any(word in text for word in _ACT_WORDS)


def extract_references(act: Act, corpus: object | None = None, *,
                       resolver: Resolver | None = None) -> list[Reference]:
    """Every reference in `act`, resolved against the corpus (or only against `act` itself).

    >>> refs = extract_references(corpus.act("administrative-offences-code"))  # doctest: +SKIP
    >>> [t.num for t in refs[0].targets]                                         # doctest: +SKIP
    """
    if resolver is None:
        acts = corpus.acts() if corpus is not None else [act]  # type: ignore[attr-defined]
        resolver = Resolver.of(list(acts))
    return list(_references(act, resolver))


def provision_references(act: Act, num_or_eid: str, resolver: Resolver) -> list[Reference]:
    """The references in one provision's own text (`Qeyd` notes by eId, e.g.
    `art_158__hcontainer_note1`)."""
    for provision, article in _with_articles(act.body, None):
        if num_or_eid in (provision.eid, provision.num):
            context = Context(act=act, provision=provision, article=article)
            citations = next(find_citations([provision.text], act.language))
            return [resolver.resolve(citation, context) for citation in citations]
    raise KeyError(f"no provision {num_or_eid!r} in {act.work_id}")


def _references(act: Act, resolver: Resolver) -> Iterator[Reference]:
    sources = [(provision, article) for provision, article in _with_articles(act.body, None)
               if provision.text and _may_cite(provision.text)]
    texts = (provision.text for provision, _ in sources)
    for (provision, article), citations in zip(sources, find_citations(texts, act.language),
                                              strict=True):
        context = Context(act=act, provision=provision, article=article)
        for citation in citations:
            yield resolver.resolve(citation, context)


def _with_articles(provisions: Iterable[Provision], article: str | None
                   ) -> Iterator[tuple[Provision, str | None]]:
    """Each provision with the number of the article it belongs to (for `bu maddənin`), in
    document order. A loop over a stack: nested generators resumed every level of the tree
    for every provision."""
    stack = [(provision, article) for provision in reversed(list(provisions))]
    while stack:
        provision, article = stack.pop()
        own = provision.num if provision.kind == "article" else article
        yield provision, own
        stack.extend((child, own) for child in reversed(provision.children))
