"""Defined terms: the definitions articles of acts, and where the terms are used.

Article 1 of the DV law (`Əsas anlayışlar`) defines `1.0.1. məişət zorakılığı - ...`,
`1.0.2. məişət zorakılığından zərər çəkmiş şəxs (bundan sonra - zərər çəkmiş şəxs) - ...`; a
provision that says `zərər çəkmiş şəxsə` or `məişət zorakılığını` uses those terms. Terms of a
law are looked for in every act (the codes apply the DV law's words); terms of a code only in
that code (`Bu Məcəllədə istifadə olunan əsas anlayışlar`). A short form a definition
introduces (`bundan sonra - zərər çəkmiş şəxs`) counts only inside its own act.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from corpus.model import Act, Provision
from corpus.references_nlp import QUOTES, fold

_DEFINITIONS_HEADING = re.compile(r"anlayiş|definition|terminlər")
_TERM_DASH = re.compile(r"\s[-–—]\s|\s[-–—](?=\S)|(?<=\S)[-–—]\s")
_ALIAS = re.compile(r"\((?:bundan sonra|hereinafter(?: referred to as)?)\s*[-–—:]?\s*([^)]+)\)")
_POSSESSIVE = ("si", "i", "u", "ü")


@dataclass(frozen=True)
class Term:
    """A defined term: its words as the definition writes them and where it is defined."""

    act: str
    eid: str
    num: str
    text: str
    aliases: tuple[str, ...] = ()

    @property
    def node(self) -> str:
        return f"term:{self.act}#{self.text}"


@dataclass(frozen=True)
class TermUse:
    """A provision whose text uses a term."""

    term: Term
    act: str
    eid: str
    span: tuple[int, int]


def defined_terms(act: Act) -> list[Term]:
    """The terms of the act's definitions article(s).

    >>> [t.text for t in defined_terms(corpus.act("dv-law"))][:2]  # doctest: +SKIP
    ['məişət zorakılığı', 'məişət zorakılığından zərər çəkmiş şəxs']
    """
    terms: list[Term] = []
    for article in act.articles():
        heading = fold(f"{article.heading} {article.text}")
        if not _DEFINITIONS_HEADING.search(heading):
            continue
        for provision in article.walk():
            term = _term_of(act.work_id, provision)
            if term is not None:
                terms.append(term)
    return terms


def _term_of(act_id: str, provision: Provision) -> Term | None:
    if provision.kind not in ("paragraph", "point") or not provision.text:
        return None
    # The dash of `(bundan sonra - zərər çəkmiş şəxs)` is not the one that ends the term.
    masked = _ALIAS.sub(lambda m: " " * len(m.group(0)), provision.text)
    dash = _TERM_DASH.search(masked)
    if dash is None or dash.start() > 120:
        return None
    head = provision.text[: dash.start()]
    aliases = tuple(_clean(m.group(1)) for m in _ALIAS.finditer(head))
    term = _clean(_ALIAS.sub("", head))
    if not term or len(term.split()) > 8:
        return None
    return Term(act_id, provision.eid, provision.num, term, tuple(a for a in aliases if a))


def _clean(text: str) -> str:
    for quote in QUOTES:
        text = text.replace(quote, " ")
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    return " ".join(words).strip(" ,;:")


def _pattern(words: str) -> str:
    """A term's words with free case endings on the last word: `məişət zorakılığı` matches
    `məişət zorakılığının`, `məişət zorakılığına`, `məişət zorakılıq` (ğ/q alternate)."""
    folded = fold(words).split()
    last = _stem(folded[-1])
    stem = re.escape(last)
    if last[-1] in "ğq":
        stem = re.escape(last[:-1]) + "[ğq]"
    elif last[-1] in "yk":
        stem = re.escape(last[:-1]) + "[yk]"
    head = r"\s+".join(re.escape(w) for w in folded[:-1])
    return (head + r"\s+" if head else "") + stem + r"\w*"


@dataclass
class TermIndex:
    """Terms grouped by where they apply, each group one compiled pattern."""

    everywhere: list[Term] = field(default_factory=list)
    within: dict[str, list[Term]] = field(default_factory=dict)

    @classmethod
    def of(cls, acts: Iterable[Act]) -> TermIndex:
        index = cls()
        for act in acts:
            terms = defined_terms(act)
            if act.kind.startswith("code"):
                index.within.setdefault(act.work_id, []).extend(terms)
            else:
                index.everywhere.extend(terms)
        return index

    def uses(self, act: Act) -> Iterator[TermUse]:
        """Every use of a term in the act's provisions, one per provision and term."""
        terms = self.everywhere + self.within.get(act.work_id, [])
        if not terms:
            return
        finder = _Finder(terms, act.work_id)
        for provision in act.walk():
            if not provision.text:
                continue
            seen: set[str] = set()
            for term, span in finder.find(fold(provision.text)):
                if (term.eid == provision.eid and term.act == act.work_id) or term.text in seen:
                    continue
                seen.add(term.text)
                yield TermUse(term, act.work_id, provision.eid, span)


class _Finder:
    """Finds terms from the start of a word: the first four letters of a form are a
    dictionary look-up, and only then is the form's pattern tried. One regex alternation of all
    the terms of a code was ten times slower: Python's `re` tries every branch at every word."""


    def __init__(self, terms: list[Term], act_id: str) -> None:
        self._by_prefix: dict[str, list[tuple[re.Pattern[str], Term]]] = {}
        self._lengths: set[int] = set()
        self._prefilter: re.Pattern[str] | None = None
        for term in terms:
            # A short form (`bundan sonra - zərər çəkmiş şəxs`) means the term only in its own
            # act; elsewhere `zərər çəkmiş şəxs` is any victim.
            aliases = term.aliases if term.act == act_id else ()
            for words in (term.text, *aliases):
                pattern = _pattern(words)
                first = fold(words).split()[0] if len(words.split()) > 1 else _stem(fold(words))
                key = first[:4]
                self._lengths.add(len(key))
                self._by_prefix.setdefault(key, []).append((re.compile(pattern), term))
        for candidates in self._by_prefix.values():
            candidates.sort(key=lambda c: -len(c[0].pattern))

    def find(self, text: str) -> Iterator[tuple[Term, tuple[int, int]]]:
        for start in self._starts(text):
            for length in self._lengths:
                for pattern, term in self._by_prefix.get(text[start : start + length], ()):
                    match = pattern.match(text, start)
                    if match:
                        yield term, match.span()
                        break

    def _starts(self, text: str) -> Iterator[int]:
        if self._prefilter is None:
            keys = sorted(self._by_prefix, key=len, reverse=True)
            self._prefilter = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + ")")
        return (match.start() for match in self._prefilter.finditer(text))


def _stem(word: str) -> str:
    for ending in _POSSESSIVE:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word
