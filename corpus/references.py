"""Find the citations in a provision's text: which numbers, of which unit, in which act.

This stage only reads text; `corpus.resolve` turns each `Citation` into a `Reference` with eIds.
Real forms it reads (all from the corpus):

    bu Məcəllənin 20.1 və 20.2-ci maddələrində           -> THIS   [20.1, 20.2]
    56.1.1-56.1.5 və 56.2-ci maddələrinə                  -> (same) [56.1.1..56.1.5, 56.2]
    Azərbaycan Respublikası Cinayət Məcəlləsinin 128-ci   -> CODE "Cinayət" [128]
    Konstitusiyasının 94-cü maddəsinin I hissəsinin 1-ci və 14-cü bəndləri
                                                          -> CONSTITUTION [94 > I > 1, 14]
    Articles 1.0.3 – 1.0.6 of this Law                    -> THIS   [1.0.3..1.0.6]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from corpus.references_nlp import (
    AZ_ORDINAL_WORDS,
    DASH,
    DASHES,
    NUMBER,
    ORDINAL_SUFFIX,
    ORDINAL_WORD,
    ROMAN,
    SEPARATOR,
    UNIT,
    pipeline,
    unit_of,
)

ScopeKind = Literal["THIS", "SAME", "CODE", "CONSTITUTION", "TITLE", "NONE", "ARTICLE", "PRIOR"]
Unit = Literal["article", "part", "clause", "subclause", "chapter", "section"]

_GENITIVE_ENDINGS = ("nin", "nun", "nün", "inin", "unun")
_SENTENCE_ENDS = {".", ";", ":"}
_UNEVEN_SPACE = re.compile(r"\s\s|[^\S ]")


@dataclass(frozen=True)
class Item:
    """One element of a citation group: a number, or a range `first`–`last` written with a dash
    between two tokens. `first` may itself hold a hyphen that is either part of the number
    (`144-1`, `355-1.1`) or a range (`52.1-52.2`); the resolver decides with the target act."""

    first: str
    last: str | None = None
    roman: bool = False


@dataclass(frozen=True)
class Level:
    """One unit of a citation chain: `94-cü maddəsinin` is Level("article", [94])."""

    unit: Unit
    items: tuple[Item, ...]


@dataclass
class Scope:
    """The act a citation points into, as the text names it."""

    kind: ScopeKind
    name: str = ""
    span: tuple[int, int] | None = None
    inherited: bool = False


@dataclass
class Citation:
    """A citation as written: its scope, its chain of levels and where it stands in the text."""

    scope: Scope
    levels: list[Level] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)
    text: str = ""
    note: bool = False


def _compact(text: str) -> tuple[str, list[int]]:
    """Runs of whitespace become one space (spaCy makes extra spaces tokens of their own, which
    would break every pattern); the list maps each compact offset back to the original."""
    if not _UNEVEN_SPACE.search(text):
        return text, list(range(len(text) + 1))
    chars: list[str] = []
    offsets: list[int] = []
    previous_space = False
    for index, char in enumerate(text):
        is_space = char.isspace()
        if is_space and previous_space:
            continue
        chars.append(" " if is_space else char)
        offsets.append(index)
        previous_space = is_space
    offsets.append(len(text))
    return "".join(chars), offsets


# Where a citation may end (az: an ordinal number before a unit word; en: a unit word before a
# number) or an act be named. Only windows around these reach the tokenizer: spaCy builds a
# lexeme for every new word form, and agglutinative Azerbaijani has a great many.
_ANCHORS = {
    "az": re.compile(
        r"\d-?c[ıiuü]\s+(?:madd|hiss|bənd|yarımbənd|fəs[il]|bölm)"
        # `\b[IVXL]+` spelled with a look-behind after the first letter: a branch that opens
        # with `\b` keeps `re` from skipping ahead to the letters that can start a match.
        r"|[IVXL](?<!\w[IVXL])[IVXL]*\s+(?:hissə|fəs[il]|bölm)"
        r"|Məcəlləs|MƏCƏLLƏS|Konstitusiyas|KONSTİTUSİYAS"
        r"|['\"”»’]\s*(?:Azərbaycan\s+Respublikası\w*\s+)?[Qq]anun"),
    "en": re.compile(
        r"\b(?:Articles?|Parts?|Paragraphs?|Clauses?|Chapters?|Sections?)\s+\d"
        r"|\bLaw\s+(?:No|[\"“])|Constitution|\bCode\b", re.IGNORECASE),
}
_SENTENCE_BREAK = re.compile(r"(?:[:]|[^\d\s]\.)\s")
_LOOK_BACK, _LOOK_AHEAD = 250, 40


def _windows(text: str, lang: str) -> list[tuple[int, int]]:
    """Stretches of `text` that may hold citations: from the start of the sentence (at most
    250 characters back) to a little after each anchor, cut at spaces, overlaps merged."""
    windows: list[tuple[int, int]] = []
    for match in _ANCHORS[lang].finditer(text):
        start = max(0, match.start() - _LOOK_BACK)
        breaks = [b.end() for b in _SENTENCE_BREAK.finditer(text, start, match.start())]
        if breaks:
            start = breaks[-1]
        elif start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < match.start() else match.start()
        end = text.find(" ", min(len(text), match.end() + _LOOK_AHEAD))
        end = len(text) if end < 0 else end
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def find_citations(texts: Iterable[str], lang: str = "az") -> Iterator[list[Citation]]:
    """For each text, the citations in it, in order. Spans are offsets into the given text."""
    lang = "az" if lang == "az" else "en"
    nlp, matcher = pipeline(lang)
    originals = list(texts)
    pieces: list[tuple[int, str, list[int]]] = []
    for number, text in enumerate(originals):
        for start, end in _windows(text, lang):
            compact, offsets = _compact(text[start:end])
            pieces.append((number, compact, [start + offset for offset in offsets]))
    found: list[list[Citation]] = [[] for _ in originals]
    docs = nlp.pipe(compact for _, compact, _ in pieces)
    for (number, _, offsets), doc in zip(pieces, docs, strict=True):
        for citation in _citations(doc, matcher, lang):
            citation.span = _back(citation.span, offsets)
            citation.text = originals[number][citation.span[0] : citation.span[1]]
            if citation.scope.span:
                citation.scope.span = _back(citation.scope.span, offsets)
            found[number].append(citation)
    yield from found


def _back(span: tuple[int, int], offsets: list[int]) -> tuple[int, int]:
    return offsets[span[0]], offsets[span[1] - 1] + 1


def _citations(doc: Doc, matcher, lang: str) -> list[Citation]:  # type: ignore[no-untyped-def]
    matches = matcher(doc, as_spans=True)
    groups = sorted((m for m in matches if m.label_ == "GROUP"), key=lambda span: span.start)
    groups = _non_overlapping(groups)
    chains = _chains(doc, groups, lang)
    entities = sorted(filter_spans([m for m in matches if m.label_ != "GROUP"]),
                      key=lambda span: span.start)
    citations: list[Citation] = []
    used_entities: set[int] = set()
    previous: tuple[Scope, int] | None = None
    absorbed: set[int] = set()
    for chain in chains:
        if chain[0].start in absorbed:
            continue
        levels = [_level(group, lang) for group in chain]
        levels = [level for level in levels if level is not None]
        if not levels or not _has_ordinal_form(chain, lang):
            continue
        scope, entity = _scope_of(doc, chain, entities, lang)
        if entity is not None:
            used_entities.add(entity.start)
        if scope.kind == "NONE" and previous and _same_sentence(doc, previous[1], chain[0].start):
            scope = Scope(previous[0].kind, previous[0].name, inherited=True)
        previous = (scope, chain[-1].end)
        start = min(chain[0].start_char, scope.span[0] if scope.span else chain[0].start_char)
        end, note = _note_part(doc, chain, groups, absorbed)
        citations.append(Citation(scope=scope, levels=levels, span=(start, end), note=note))
    for entity in entities:
        if entity.start in used_entities or entity.label_ not in ("CODE", "CONSTITUTION", "TITLE"):
            continue
        if _inside_title(entity, entities):
            continue
        scope = Scope(entity.label_, entity.text, (entity.start_char, entity.end_char))  # type: ignore[arg-type]
        citations.append(Citation(scope=scope, span=(entity.start_char, entity.end_char)))
    citations.sort(key=lambda c: c.span)
    return citations


def _note_part(doc: Doc, chain: list[Span], groups: list[Span], absorbed: set[int]
               ) -> tuple[int, bool]:
    """`72-ci maddəsinin 'Qeyd' hissəsinin 2-ci bəndinə` cites the note of Article 72: the
    words `'Qeyd' hissəsi` (and the clause of the note after them) belong to the citation."""
    end = chain[-1].end
    words = [t.norm_ for t in doc[end : end + 4]]
    plain = [w for w in words if w not in ("'", '"', "“", "”")]
    if not plain or plain[0] != "qeyd" or len(plain) < 2 or not plain[1].startswith("hissə"):
        return chain[-1].end_char, False
    last = end + words.index(plain[1]) + 1
    following = next((g for g in groups if g.start == last), None)
    if following is not None and doc[last - 1].norm_.endswith(_GENITIVE_ENDINGS):
        absorbed.add(following.start)
        last = following.end
    return doc[last - 1].idx + len(doc[last - 1]), True


def _non_overlapping(groups: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for group in groups:
        if kept and group.start < kept[-1].end:
            if len(group) > len(kept[-1]):
                kept[-1] = group
            continue
        kept.append(group)
    return kept


def _chains(doc: Doc, groups: list[Span], lang: str) -> list[list[Span]]:
    """Join `94-cü maddəsinin` + `I hissəsinin` + `1-ci və 14-cü bəndləri` into one chain: a
    group whose unit word is genitive continues into the group right after it."""
    chains: list[list[Span]] = []
    for group in groups:
        follows = bool(chains) and lang == "az" and group.start == chains[-1][-1].end
        if follows and doc[chains[-1][-1].end - 1].norm_.endswith(_GENITIVE_ENDINGS):
            chains[-1].append(group)
            continue
        chains.append([group])
    return chains


def _level(group: Span, lang: str) -> Level | None:
    unit_token = group[-1] if lang == "az" else group[0]
    numbers = group[:-1] if lang == "az" else group[1:]
    items: list[Item] = []
    pending_range = False
    for token in numbers:
        if token.shape_ == DASH:
            pending_range = bool(items)
            continue
        if token.shape_ == SEPARATOR:
            pending_range = False
            continue
        value, roman = _number_text(token)
        if value is None:
            continue
        if token.norm_[:1] in DASHES:
            pending_range, value = bool(items), value.lstrip("".join(DASHES))
        if pending_range and items[-1].last is None and not items[-1].roman:
            items[-1] = Item(items[-1].first, value)
        else:
            items.append(Item(value, roman=roman))
        pending_range = False
    if not items:
        return None
    unit = unit_of(unit_token.norm_, lang)
    if any(item.roman for item in items) and unit not in ("part", "section", "chapter"):
        return None
    return Level(unit, tuple(items))  # type: ignore[arg-type]


def _number_text(token) -> tuple[str | None, bool]:  # type: ignore[no-untyped-def]
    if token.shape_ == NUMBER:
        return ORDINAL_SUFFIX.sub("", token.norm_).rstrip(".-"), False
    if token.shape_ == ROMAN:
        return token.text.upper(), True
    if token.shape_ == ORDINAL_WORD:
        return str(AZ_ORDINAL_WORDS[token.norm_]), False
    return None, False


def _has_ordinal_form(chain: list[Span], lang: str) -> bool:
    """Azerbaijani citations put an ordinal on the last number (`20.2-ci maddə`); a bare number
    before a unit word is something else (`№ 10, maddə 836` of the official gazette)."""
    if lang != "az":
        return True
    last = chain[0][-2]
    return last.shape_ in (ROMAN, ORDINAL_WORD) or bool(ORDINAL_SUFFIX.search(last.norm_))


def _scope_of(doc: Doc, chain: list[Span], entities: list[Span], lang: str):  # type: ignore[no-untyped-def]
    """The act named right before (az) or right after (en) a chain, else an unnamed scope."""
    if lang == "az":
        start = chain[0].start
        for entity in entities:
            if entity.end == start or (entity.end == start - 1 and doc[start - 1].norm_ in "'\""):
                return _entity_scope(entity), entity
        previous = doc[start - 2 : start]
        this_or_that = previous[0].norm_ in ("bu", "həmin") if len(previous) == 2 else False
        if this_or_that and previous[1].shape_ == UNIT:
            kind = "ARTICLE" if previous[0].norm_ == "bu" else "PRIOR"
            return Scope(kind, previous.text, (previous.start_char, previous.end_char)), None
        return Scope("NONE"), None
    end = chain[-1].end
    for entity in entities:
        if entity.start == end + 1 and doc[end].norm_ == "of":
            return _entity_scope(entity), entity
    return Scope("NONE"), None


def _entity_scope(entity: Span) -> Scope:
    return Scope(entity.label_, entity.text, (entity.start_char, entity.end_char))  # type: ignore[arg-type]


def _same_sentence(doc: Doc, start: int, end: int) -> bool:
    """No act named: a citation takes the scope of the one before it in the same sentence
    (`həmin Qanunun 7.4-cü maddəsində, 28.4-cü maddəsinin ...`), else the act of the text."""
    # Only the few tokens between the two citations are read: an array of every sentence end
    # of every window, built whether needed or not, cost more than all these checks.
    return not any(token.text in _SENTENCE_ENDS for token in doc[start:end])


def _inside_title(entity: Span, entities: list[Span]) -> bool:
    return any(
        other.label_ == "TITLE" and other.start <= entity.start and entity.end <= other.end
        and other is not entity
        for other in entities
    )
