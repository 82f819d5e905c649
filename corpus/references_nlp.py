"""The spaCy side of reference finding: blank `az`/`en` pipelines whose tokens carry a citation role.

No model is downloaded. The tokenizer keeps citation numbers whole (`52.1-52.2-ci`, `355-1.1`,
`12.4-1-ci`), the NORM of every token is its case-folded form with `İ`, `I`, `ı` and `i` made one
letter (Python lowercases `İ` to two characters, and the conversion of the codes mixes the
dotted and dotless forms), an AttributeRuler gives each token a citation role in TAG (the blank
pipeline has no tagger, so TAG is free), an EntityRuler marks the acts a text names, and a
Matcher finds the groups of numbers that end in (az) or start with (en) a unit word.
"""

from __future__ import annotations

import re
from functools import cache

import numpy
import spacy
from spacy.attrs import LEMMA, NORM, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

_FOLD_TABLE = str.maketrans({"İ": "i", "I": "i", "ı": "i"})

# A citation number with its ordinal suffix, as one token: `6.1-ci`, `52.1-52.2-ci`, `144-1`,
# `355-1.1`, `12.4-1-ci`, and the conversion's `72.1ci` without the hyphen.
CITATION_NUMBER = r"\d+(?:[.\-]\d+)*(?:-?(?:c[iıuü]|[iıuü]nc[iıuü]))?"
_TOKEN_MATCH = re.compile(rf"^{CITATION_NUMBER}$")
ORDINAL_SUFFIX = re.compile(r"-?(?:c[iıuü]|[iıuü]nc[iıuü])$")

QUOTES = ["'", '"', "“", "”", "„", "«", "»", "‘", "’", "`"]
DASHES = ["-", "–", "—", "‑"]

# Roles (TAG) of the tokens that make up a citation.
NUMBER, ROMAN, ORDINAL_WORD, UNIT, SEPARATOR, DASH = "CNUM", "CROMAN", "CORD", "CUNIT", "CSEP", "CDASH"
# Roles of the words that name an act: `bu`/`həmin` + `Məcəllənin`, `Azərbaycan Respublikası`,
# `Məcəlləsinin` after a code's name, `Qanununun` after a quoted title, the Constitution.
THIS, SAME, OWN_ACT, REPUBLIC, CODE_WORD, LAW_WORD, CONSTITUTION_WORD, QUOTE = (
    "CTHIS", "CSAME", "COWN", "CREP", "CCODE", "CLAW", "CCONST", "CQUOTE")

AZ_ORDINAL_WORDS = {
    "birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4, "beşinci": 5,
    "altinci": 6, "yeddinci": 7, "səkkizinci": 8, "doqquzuncu": 9, "onuncu": 10,
}
ROMAN_NUMERALS = {
    "i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
    "xi": 11, "xii": 12, "xiii": 13, "xiv": 14, "xv": 15,
}

# Unit words by the level they name. `maddə` is both an article and a point of an article in
# Azerbaijani drafting (`56.1.3-cü maddə`), so the number, not the word, says the level.
AZ_UNITS = {
    "madd": "article", "hissə": "part", "bənd": "clause", "yarimbənd": "subclause",
    "fəsil": "chapter", "fəsl": "chapter", "bölmə": "section",
}
EN_UNITS = {
    "article": "article", "articles": "article", "part": "part", "parts": "part",
    "paragraph": "clause", "paragraphs": "clause", "clause": "clause", "clauses": "clause",
    "chapter": "chapter", "chapters": "chapter", "section": "section", "sections": "section",
}
AZ_SEPARATORS = [",", "və", "ya", "vəya", "yaxud", "habelə", "həmçinin"]
EN_SEPARATORS = [",", "and", "or", "to", "through"]


def fold(text: str) -> str:
    """Case-fold keeping the length: `İnzibati` -> `inzibati`, `RESPUBLİKASININ` ->
    `respublikasinin`, `Məcəlləsinin` -> `məcəlləsinin`. Offsets into the folded text are
    offsets into the original."""
    folded = text.translate(_FOLD_TABLE)
    lowered = folded.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)


@Language.factory("citation_roles")
def _citation_roles(nlp: Language, name: str) -> _CitationRoles:
    return _CitationRoles(nlp)


class _CitationRoles:
    """Give each token its citation role (TAG) and, for unit words, the unit (LEMMA).

    The role is a look-up on NORM done once per distinct word and written back as arrays:
    creating a Python `Token` for every word cost more than all the matching.
    """

    def __init__(self, nlp: Language) -> None:
        self._lang = nlp.lang
        self._strings = nlp.vocab.strings
        self._separators = set(AZ_SEPARATORS if nlp.lang == "az" else EN_SEPARATORS)
        self._cache: dict[int, tuple[int, int]] = {}

    def __call__(self, doc: Doc) -> Doc:
        norms = doc.to_array(NORM)
        unique, inverse = numpy.unique(norms, return_inverse=True)
        values = numpy.array([self._hashes(int(h)) for h in unique], dtype="uint64")
        doc.from_array([TAG, LEMMA], values[inverse.reshape(-1)])
        return doc

    def _hashes(self, norm_hash: int) -> tuple[int, int]:
        cached = self._cache.get(norm_hash)
        if cached is None:
            tag, lemma = self._role(self._strings[norm_hash])
            cached = (self._strings.add(tag) if tag else 0, self._strings.add(lemma) if lemma else 0)
            self._cache[norm_hash] = cached
        return cached

    def _role(self, norm: str) -> tuple[str, str]:
        if _TOKEN_MATCH.match(norm):
            return NUMBER, ""
        if norm in DASHES:
            return DASH, ""
        if norm in self._separators:
            return SEPARATOR, ""
        if norm in QUOTES:
            return QUOTE, ""
        return _az_role(norm) if self._lang == "az" else _en_role(norm)


def _az_role(norm: str) -> tuple[str, str]:
    if norm in ROMAN_NUMERALS:
        return ROMAN, ""
    if norm in AZ_ORDINAL_WORDS:
        return ORDINAL_WORD, ""
    for stem, unit in AZ_UNITS.items():
        if norm.startswith(stem):
            return UNIT, unit
    words = {"bu": THIS, "həmin": SAME, "azərbaycan": REPUBLIC}
    if norm in words:
        return words[norm], ""
    for stem, role in (("məcəlləs", CODE_WORD), ("məcəllə", OWN_ACT), ("qanun", LAW_WORD),
                       ("konstitusiyas", CONSTITUTION_WORD), ("respublikas", REPUBLIC)):
        if norm.startswith(stem):
            return role, ""
    return "", ""


def _en_role(norm: str) -> tuple[str, str]:
    if norm in EN_UNITS:
        return UNIT, EN_UNITS[norm]
    words = {"this": THIS, "same": SAME, "said": SAME, "code": CODE_WORD, "law": LAW_WORD,
             "constitution": CONSTITUTION_WORD}
    return words.get(norm, ""), ""


def _act_patterns(lang: str) -> list[dict]:
    """EntityRuler patterns: which act a text names, and how (`THIS`, `SAME`, a code, a title).
    They match on roles (TAG) only: regex patterns on every token made the ruler 100x slower."""
    republic = {"TAG": REPUBLIC, "OP": "?"}
    quote = {"TAG": QUOTE}
    title = [quote, {"TAG": {"NOT_IN": [QUOTE]}, "OP": "+"}, quote]
    if lang == "en":
        return [
            {"label": "THIS", "pattern": [{"TAG": THIS}, {"TAG": {"IN": [LAW_WORD, CODE_WORD]}}]},
            {"label": "SAME", "pattern": [
                {"NORM": "the"}, {"TAG": SAME}, {"TAG": {"IN": [LAW_WORD, CODE_WORD]}}]},
            {"label": "CONSTITUTION", "pattern": [{"TAG": CONSTITUTION_WORD}]},
            {"label": "TITLE", "pattern": [{"TAG": LAW_WORD}, *title]},
            {"label": "TITLE", "pattern": [
                {"TAG": LAW_WORD}, {"NORM": {"IN": ["no", "no."]}}, {"TAG": {"NOT_IN": [QUOTE]},
                                                                  "OP": "*"}, *title]},
            {"label": "CODE", "pattern": [
                {"IS_TITLE": True, "TAG": {"NOT_IN": [THIS, SAME]}, "OP": "+"}, {"TAG": CODE_WORD}]},
        ]
    name_word = {"IS_TITLE": True, "TAG": {"NOT_IN": [REPUBLIC, THIS, SAME, QUOTE]}}
    joiner = {"ORTH": {"IN": [*DASHES, "və"]}, "OP": "?"}
    return [
        {"label": "THIS", "pattern": [{"TAG": THIS}, {"TAG": {"IN": [OWN_ACT, LAW_WORD]}}]},
        {"label": "SAME", "pattern": [{"TAG": SAME}, {"TAG": {"IN": [OWN_ACT, LAW_WORD]}}]},
        {"label": "CONSTITUTION", "pattern": [republic, republic, {"TAG": CONSTITUTION_WORD}]},
        {"label": "CODE", "pattern": [
            republic, republic, name_word, joiner, {**name_word, "OP": "?"}, joiner,
            {**name_word, "OP": "?"}, {"TAG": CODE_WORD}]},
        {"label": "TITLE", "pattern": [*title, republic, republic, {"TAG": LAW_WORD}]},
    ]


def _group_patterns(lang: str) -> list[list[dict]]:
    """Matcher patterns of one citation group: numbers and the unit word they belong to."""
    item = {"TAG": {"IN": [NUMBER, ROMAN, ORDINAL_WORD]}}
    joiner = {"TAG": {"IN": [NUMBER, ROMAN, ORDINAL_WORD, SEPARATOR, DASH]}, "OP": "*"}
    if lang == "en":
        return [[{"TAG": UNIT}, {"TAG": NUMBER},
                 {"TAG": {"IN": [NUMBER, SEPARATOR, DASH]}, "OP": "*"}, {"TAG": NUMBER}],
                [{"TAG": UNIT}, {"TAG": NUMBER}]]
    return [[item, joiner, {"TAG": UNIT}]]




def _infixes(nlp: Language) -> re.Pattern[str]:
    """The language's infixes without the one that cuts a hyphen after a digit, so that
    `52.1-52.2-ci`, `355-1.1` and `12.4-1-ci` stay one token each (a whole-token regex match
    would do the same but runs Python on every word)."""
    kept = [p for p in nlp.Defaults.infixes if not p.startswith("(?<=[0-9])[+\\-")]
    return compile_infix_regex(kept)


ACT_LABELS = ("THIS", "SAME", "CODE", "CONSTITUTION", "TITLE")


@cache
def pipeline(lang: str) -> tuple[Language, Matcher]:
    """The blank pipeline of a language (`az`, else `en`) and its Matcher: label `GROUP` for a
    group of numbers with its unit, the `ACT_LABELS` for the ways a text names an act."""
    nlp = spacy.blank("az" if lang == "az" else "en")
    nlp.vocab.lex_attr_getters[NORM] = fold
    for lexeme in list(nlp.vocab):
        lexeme.norm_ = fold(lexeme.orth_)
    nlp.tokenizer.infix_finditer = _infixes(nlp).finditer
    nlp.add_pipe("citation_roles")
    matcher = Matcher(nlp.vocab)
    matcher.add("GROUP", _group_patterns(nlp.lang), greedy="LONGEST")
    for label in ACT_LABELS:
        patterns = [p["pattern"] for p in _act_patterns(nlp.lang) if p["label"] == label]
        matcher.add(label, patterns, greedy="LONGEST")
    return nlp, matcher
