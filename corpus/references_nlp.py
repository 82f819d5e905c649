"""The spaCy side of reference finding: blank `az`/`en` pipelines whose words carry a role.

No model is downloaded. The tokenizer keeps citation numbers whole (`52.1-52.2-ci`, `355-1.1`,
`12.4-1-ci`), the NORM of every token is its case-folded form with `İ`, `I`, `ı` and `i` made one
letter (Python lowercases `İ` to two characters, and the conversion of the codes mixes the
dotted and dotless forms), each word carries its citation role as a lexical attribute, and one
Matcher finds both the groups of numbers that end in (az) or start with (en) a unit word and
the ways a text names an act (the patterns an EntityRuler would hold, matched in the same pass).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import spacy
from spacy.attrs import IS_TITLE, NORM, SHAPE
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

# A citation number with its ordinal suffix, as one token: `6.1-ci`, `52.1-52.2-ci`, `144-1`,
# `355-1.1`, `12.4-1-ci`, and the conversion's `72.1ci` without the hyphen.
CITATION_NUMBER = r"\d+(?:[.\-]\d+)*(?:-?(?:c[iıuü]|[iıuü]nc[iıuü]))?"
_TOKEN_MATCH = re.compile(rf"^{CITATION_NUMBER}$")
ORDINAL_SUFFIX = re.compile(r"-?(?:c[iıuü]|[iıuü]nc[iıuü])$")

QUOTES = ["'", '"', "“", "”", "„", "«", "»", "‘", "’", "`"]
DASHES = ["-", "–", "—", "‑"]

# Roles (in SHAPE) of the words that make up a citation.
NUMBER, ROMAN, ORDINAL_WORD, UNIT, SEPARATOR, DASH = (
    "CNUM", "CROMAN", "CORD", "CUNIT", "CSEP", "CDASH")
# Roles of the words that name an act: `bu`/`həmin` + `Məcəllənin`, `Azərbaycan
# Respublikası`, `Məcəlləsinin` after a code's name, `Qanununun` after a quoted title.
THIS, SAME, OWN_ACT, REPUBLIC, CODE_WORD, LAW_WORD, CONSTITUTION_WORD, QUOTE = (
    "CTHIS", "CSAME", "COWN", "CREP", "CCODE", "CLAW", "CCONST", "CQUOTE")

AZ_ORDINAL_WORDS = {
    "birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4, "beşinci": 5,
    "altinci": 6, "yeddinci": 7, "səkkizinci": 8, "doqquzuncu": 9, "onuncu": 10,
}
_ROMAN = re.compile(r"^(?=[ivxl])(l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}


def roman_value(text: str) -> int | None:
    """`XXII` -> 22, `iv` -> 4 (folded), anything else -> None."""
    folded = fold(text)
    if not _ROMAN.match(folded):
        return None
    values = [_ROMAN_VALUES[c] for c in folded]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v
               for i, v in enumerate(values))

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
AZ_SEPARATORS = [",", ";", "və", "ya", "vəya", "yaxud", "habelə", "həmçinin"]
EN_SEPARATORS = [",", "and", "or", "to", "through"]


def fold(text: str) -> str:
    """Case-fold keeping the length: `İnzibati` -> `inzibati`, `RESPUBLİKASININ` ->
    `respublikasinin`, `Məcəlləsinin` -> `məcəlləsinin`. Offsets into the folded text are
    offsets into the original."""
    # str.replace runs in C; a translate table was the slowest step of finding terms.
    folded = text.replace("İ", "i").replace("I", "i").lower().replace("ı", "i")
    if len(folded) == len(text):
        return folded
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)


def citation_role(norm: str, lang: str) -> str:
    """The citation role of a folded word: `6.1-ci` NUMBER, `maddəsində` UNIT, `və` SEPARATOR,
    `Məcəlləsinin` CODE_WORD ... or "" for a word that plays no part in citations."""
    # `4.3 -4.6-cı`: the end of a range glued to its dash is still a number.
    if _TOKEN_MATCH.match(norm) or (norm[:1] in DASHES and _TOKEN_MATCH.match(norm[1:])):
        return NUMBER
    if norm in DASHES:
        return DASH
    if norm in (AZ_SEPARATORS if lang == "az" else EN_SEPARATORS):
        return SEPARATOR
    if norm in QUOTES:
        return QUOTE
    return (_az_role(norm) if lang == "az" else _en_role(norm))[0]


def unit_of(norm: str, lang: str) -> str:
    """The unit a unit word names: `maddələrində` -> article, `bəndləri` -> clause."""
    return (_az_role(norm) if lang == "az" else _en_role(norm))[1]


def _az_role(norm: str) -> tuple[str, str]:
    if roman_value(norm) is not None:
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
    They match on roles (SHAPE) only: regex patterns on every token made the ruler 100x slower."""
    republic = {"SHAPE": REPUBLIC, "OP": "?"}
    quote = {"SHAPE": QUOTE}
    title = [quote, {"SHAPE": {"NOT_IN": [QUOTE]}, "OP": "+"}, quote]
    if lang == "en":
        return [
            {"label": "THIS",
             "pattern": [{"SHAPE": THIS}, {"SHAPE": {"IN": [LAW_WORD, CODE_WORD]}}]},
            {"label": "SAME", "pattern": [
                {"NORM": "the"}, {"SHAPE": SAME}, {"SHAPE": {"IN": [LAW_WORD, CODE_WORD]}}]},
            {"label": "CONSTITUTION", "pattern": [{"SHAPE": CONSTITUTION_WORD}]},
            {"label": "TITLE", "pattern": [{"SHAPE": LAW_WORD}, *title]},
            {"label": "TITLE", "pattern": [
                {"SHAPE": LAW_WORD}, {"NORM": {"IN": ["no", "no."]}},
                {"SHAPE": {"NOT_IN": [QUOTE]}, "OP": "*"}, *title]},
            {"label": "CODE", "pattern": [
                {"IS_TITLE": True, "SHAPE": {"NOT_IN": [THIS, SAME]}, "OP": "+"},
                {"SHAPE": CODE_WORD}]},
        ]
    name_word = {"IS_TITLE": True, "SHAPE": {"NOT_IN": [REPUBLIC, THIS, SAME, QUOTE]}}
    joiner = {"ORTH": {"IN": [*DASHES, "və"]}, "OP": "?"}
    return [
        {"label": "THIS", "pattern": [{"SHAPE": THIS}, {"SHAPE": {"IN": [OWN_ACT, LAW_WORD]}}]},
        {"label": "SAME", "pattern": [{"SHAPE": SAME}, {"SHAPE": {"IN": [OWN_ACT, LAW_WORD]}}]},
        {"label": "CONSTITUTION",
         "pattern": [republic, republic, {"SHAPE": CONSTITUTION_WORD}]},
        {"label": "CODE", "pattern": [
            republic, republic, name_word, joiner, {**name_word, "OP": "?"}, joiner,
            {**name_word, "OP": "?"}, {"SHAPE": CODE_WORD}]},
        {"label": "TITLE", "pattern": [*title, republic, republic, {"SHAPE": LAW_WORD}]},
    ]


def _group_patterns(lang: str) -> list[list[dict]]:
    """Matcher patterns of one citation group: numbers and the unit word they belong to."""
    item = {"SHAPE": {"IN": [NUMBER, ROMAN, ORDINAL_WORD]}}
    joiner = {"SHAPE": {"IN": [NUMBER, ROMAN, ORDINAL_WORD, SEPARATOR, DASH]}, "OP": "*"}
    if lang == "en":
        return [[{"SHAPE": UNIT}, {"SHAPE": NUMBER},
                 {"SHAPE": {"IN": [NUMBER, SEPARATOR, DASH]}, "OP": "*"}, {"SHAPE": NUMBER}],
                [{"SHAPE": UNIT}, {"SHAPE": NUMBER}]]
    return [[item, joiner, {"SHAPE": UNIT}]]


ACT_LABELS = ("THIS", "SAME", "CODE", "CONSTITUTION", "TITLE")
CITATION_TOKENIZER = "qanun.citation_tokenizer.v1"


def _infixes(nlp: Language) -> re.Pattern[str]:
    """The language's infixes without the one that cuts a hyphen after a digit, so that
    `52.1-52.2-ci`, `355-1.1` and `12.4-1-ci` stay one token each (a whole-token regex match
    would do the same but runs Python on every word)."""
    kept = [p for p in nlp.Defaults.infixes if not p.startswith("(?<=[0-9])[+\\-")]
    return compile_infix_regex(kept)


@spacy.registry.tokenizers(CITATION_TOKENIZER)
def citation_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's default tokenizer of a language with `_infixes` in place of its infixes. Made
    with them, not given them afterwards: that loads the special cases again (the 2,700 of
    English took a third of the time to build its pipeline)."""

    def make(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        prefixes, suffixes = defaults.prefixes, defaults.suffixes
        return Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=compile_prefix_regex(prefixes).search if prefixes else None,
            suffix_search=compile_suffix_regex(suffixes).search if suffixes else None,
            infix_finditer=_infixes(nlp).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return make


@cache
def pipeline(lang: str) -> tuple[Language, Matcher]:
    """The blank pipeline of a language (`az`, else `en`) and its Matcher: label `GROUP` for a
    group of numbers with its unit, the `ACT_LABELS` for the ways a text names an act.

    A word's role depends on the word alone, so it is a lexical attribute computed once per
    vocabulary entry; it lives in SHAPE (unused otherwise) because a token-level attribute
    such as TAG makes the Matcher scan every document for annotation first.
    """
    nlp = spacy.blank("az" if lang == "az" else "en",
                      config={"nlp": {"tokenizer": {"@tokenizers": CITATION_TOKENIZER}}})
    getters = nlp.vocab.lex_attr_getters
    # Only what the patterns read: the corpus brings ~10,000 new word forms, and computing and
    # storing the twenty other attributes of each (LOWER, PREFIX, LIKE_URL ...) was half the
    # tokenizer's time.
    nlp.vocab.lex_attr_getters = {
        NORM: fold, IS_TITLE: getters[IS_TITLE],
        SHAPE: lambda text: citation_role(fold(text), nlp.lang),
    }
    for lexeme in list(nlp.vocab):
        lexeme.norm_ = fold(lexeme.orth_)
        lexeme.shape_ = citation_role(lexeme.norm_, nlp.lang)
    matcher = Matcher(nlp.vocab)
    matcher.add("GROUP", _group_patterns(nlp.lang), greedy="LONGEST")
    for label in ACT_LABELS:
        patterns = [p["pattern"] for p in _act_patterns(nlp.lang) if p["label"] == label]
        matcher.add(label, patterns, greedy="LONGEST")
    return nlp, matcher
