"""Applying word-level operations to a provision's text, with the rules a drafter expects.

Words match as whole words (`yaxın` does not match inside `yaxınlıq`), runs of spaces in the
text do not matter, and when the words occur more than once and the formula does not say which
(`birinci halda`, `hər iki halda`) the operation fails with that reason instead of guessing:

>>> apply_words(DeleteWords(target=Target("dv-law", "preamble"), old="yaxın"),
...             "Bu Qanun yaxın qohumluq münasibətlərindən")
'Bu Qanun qohumluq münasibətlərindən'
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from amendments.errors import AmbiguousWords, ApplyError
from amendments.operations import (
    DeleteWords,
    InsertWords,
    Operation,
    SubstituteWords,
    Target,
)
from amendments.units import penalty_start, unit_span
from corpus.respace_lexicon import SPLIT_GLYPHS

__all__ = ["AmbiguousWords", "ApplyError", "Target", "apply_words", "find_words", "unit_span"]

_NO_SPACE_BEFORE = tuple(",.;:)!?")
_WORD_START = r"(?<!\w)(?<!\d[-.])"
_DIGIT = re.compile(r"\d")
# Where a sentence starts: the text's start, a line's, or after a full stop.
_SENTENCE_START = re.compile(r"(?:\A|[.!?\n])\s*\Z")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_NUMBER_BEFORE = re.compile(r"(?<![\d.-])(\d+(?:\.\d+)*)-\Z")
_NUMBER_AT = re.compile(r"\d+(?:\.\d+)*")
_COMPOUND = re.compile(r"[^\W\d_]-[^\W\d_]")
_COMPOUND_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+(?![\w-])|\w+|[^\w\s]")
_WORD = re.compile(r"[^\W\d_]+")
_GLUED_SUFFIX = re.compile(r"(\d+)(c[iıuü])")


def apply_words(op: Operation, text: str) -> str:
    """The text after a substitute, delete or insert operation, within the unit it names."""
    start, end = unit_span(op.target.unit, text)
    return text[:start] + _apply_in(op, text[start:end]) + text[end:]


def _apply_in(op: Operation, text: str) -> str:
    if isinstance(op, SubstituteWords):
        _refuse_declined(op.declined, op.old)
        if op.target.unit == "end":
            return _replace_final_mark(text, op.old, op.new)
        return _substitute(text, op.old, op.new, op.occurrence)
    if isinstance(op, DeleteWords):
        _refuse_declined(op.declined, op.old)
        return _delete(text, op.old, op.occurrence)
    if isinstance(op, InsertWords):
        _refuse_declined(op.declined, op.anchor)
        return _insert(text, op)
    raise ApplyError(f"{op.kind} is not a word-level operation")


def _refuse_declined(declined: bool, words: str) -> None:
    if declined:
        raise ApplyError(f"“{words}” is to be changed in all its grammatical cases (ismin "
                         "müvafiq hallarında): exact matching cannot do that")


def find_words(text: str, words: str) -> list[tuple[int, int]]:
    """Whole-word spans of `words` in `text` (see `_words_pattern` for what may differ)."""
    words = " ".join(words.split())
    if not _DIGIT.search(words):
        # Without numbers (`402ci`, `346-1.1`) the exact pattern finds what the token search
        # would, without tokenising the whole text.
        spans = [m.span() for m in _words_regex(words, False).finditer(text)]
    else:
        spans = _find_tokens(text, words)
    spans = spans or _find_tokens(text, words, compounds=True)
    spans = spans or [m.span() for m in _words_regex(words, True).finditer(text)]
    return spans or _glued_to_disposition(text, words)


def _glued_to_disposition(text: str, words: str) -> list[tuple[int, int]]:
    """`öldürməsiüç ilədək müddətə …`: where the conversion dropped the dash before a sanction,
    its first penalty is glued to the disposition's last word; words that start a penalty are
    found there."""
    if not (penalty_start(words, 0) or penalty_start(f"{words} manat", 0)):
        return []  # `iki yüz` of `görəiki yüz manat`: a number that may open a penalty
    pattern = _words_regex(words, True).pattern.removeprefix(_WORD_START)
    return [m.span() for m in re.finditer(pattern, text)
            if m.start() and text[m.start() - 1].isalpha() and penalty_start(text, m.start())]


def _find_tokens(text: str, words: str, compounds: bool = False) -> list[tuple[int, int]]:
    """Exact search on the token stream: words are maximal runs of letters and digits, any
    spacing between tokens is equal to any other, and a number does not end inside `346-1.1`.

    With `compounds`, a compound word is one token whether or not it keeps its hyphen: the
    conversion dropped many (`cinayəthüquqi` for `cinayət-hüquqi`, in the codes and in the
    footnotes alike), and a dash or a straight quote standing alone is left out. Numbers keep
    their hyphens:
    `410.1-1` is not `410.11`."""
    wanted, wanted_spans, _ = _tokens(words, compounds)
    if not wanted_spans:
        raise ApplyError("the formula quotes no words")
    # a word missing: no need to tokenise the text
    if compounds:
        unhyphenated = text.replace("-", "")
        if any(word not in unhyphenated for word in _WORD.findall(words.replace("-", ""))):
            return []
    elif any(word not in text for word in _WORD.findall(words)):
        return []
    stream, spans, starts = _tokens(text, compounds)
    found: list[tuple[int, int]] = []
    position = stream.find(wanted)
    while position >= 0:
        first = starts.get(position)
        if first is not None:
            last = first + len(wanted_spans) - 1
            aligned = last < len(spans) and spans[last][2] == position + len(wanted)
            if aligned and not _number_continues(text, spans, first, last):
                found.append(_with_lost_marks(text, words, spans[first][0], spans[last][1])
                             if compounds else (spans[first][0], spans[last][1]))
        position = stream.find(wanted, position + 1)
    return found


def _with_lost_marks(text: str, words: str, start: int, end: int) -> tuple[int, int]:
    """The span with the quote or dash the words start or end with, where the text has it."""
    if words[:1] in _LOST_MARKS and text[start - 1:start] == words[0]:
        start -= 1
    if words[-1:] in _LOST_MARKS and text[end:end + 1] == words[-1]:
        end += 1
    return start, end


@lru_cache(maxsize=4096)
def _tokens(
    text: str, compounds: bool = False
) -> tuple[str, list[tuple[int, int, int]], dict[int, int]]:
    """The token stream (words and marks, a space only between two words), each token's
    (start, end, end in the stream), and stream offset → token index."""
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    starts: dict[int, int] = {}
    length, previous_word = 0, False
    for match in (_COMPOUND_TOKEN if compounds else _TOKEN).finditer(text):
        token = match.group()
        if compounds and token in _LOST_MARKS:
            # the conversion dropped dashes (`paytaxtı - Şuşa` is `paytaxtı Şuşa`), and the
            # footnotes merge the quotes of a title into their own (`' Banklar haqqında' …'`)
            continue
        if compounds and len(token) > 1 and "-" in token:
            pieces = [(match.start(), match.end(), token.replace("-", ""))]
        elif token[0].isdigit() and token[-1] in "iıuü":
            pieces = _split_glued(match)
        else:
            pieces = [(match.start(), match.end(), token)]
        for start, end, token in pieces:
            word = token[0].isalnum() or token[0] == "_"
            if word and previous_word:
                parts.append(" ")
                length += 1
            starts[length] = len(spans)
            parts.append(token)
            length += len(token)
            spans.append((start, end, length))
            previous_word = word
    return "".join(parts), spans, starts


def _split_glued(match: re.Match[str]) -> list[tuple[int, int, str]]:
    """`402ci` (the footnotes drop the hyphen of `402-ci`) as the tokens `402`, `-`, `ci`."""
    token, start = match.group(), match.start()
    glued = _GLUED_SUFFIX.fullmatch(token)
    if not glued:
        return [(start, match.end(), token)]
    cut = start + glued.end(1)
    return [(start, cut, glued.group(1)), (cut, cut, "-"), (cut, match.end(), glued.group(2))]


def _number_continues(text: str, spans: list[tuple[int, int, int]], first: int, last: int) -> bool:
    """`346` found in `346-1.1` or `1.1` in `346-1.1`: the number goes on past the words."""
    after = text[spans[last][1]:spans[last][1] + 2]
    before = text[max(0, spans[first][0] - 2):spans[first][0]]
    runs_on = len(after) == 2 and after[0] in "-." and after[1].isdigit()
    runs_in = len(before) == 2 and before[1] in "-." and before[0].isdigit()
    if runs_in and before[1] == "-" and _range_end(text, spans[first][0]):
        runs_in = False
    return (runs_on and text[spans[last][1] - 1].isdigit()) or \
        (runs_in and text[spans[first][0]].isdigit())


def _range_end(text: str, start: int) -> bool:
    """`341` in `339-341-ci` and `109.5` in `109.3-109.5-ci` end a range of provisions, where
    `1` in `144-1` is part of the number: the ends have the same depth and prefix, and the
    first is the lower."""
    first = _NUMBER_BEFORE.search(text, 0, start)
    last = _NUMBER_AT.match(text, start)
    if not first or not last:
        return False
    a, b = first.group(1).split("."), last.group().split(".")
    return len(a) == len(b) and a[:-1] == b[:-1] and int(a[-1]) < int(b[-1])


@lru_cache(maxsize=8192)
def _words_regex(words: str, tolerant: bool) -> re.Pattern[str]:
    """The exact pattern, or the one tried when it finds nothing: tolerant of spaces around
    `ə ş ğ` and of the case of the first letter (`müharibə` at a sentence's start)."""
    return re.compile(_words_pattern(words, tolerant))


def _words_pattern(words: str, tolerant: bool) -> str:
    """Whole-word spans of `words` in `text`. Spacing does not count: any run of spaces
    matches any other, spaces around punctuation may be there or not (footnotes quote
    `müdafiəçi , barəsində` for the code's `müdafiəçi, barəsində`), and so may the spaces the
    PDF conversion left around `ə ş ğ` where the repair missed them (`müdd ətə`), put inside
    other words (`apellyasiya i nstansiyası`) or took away between words (`ağırvə`) — the last
    three only when the exact search finds nothing."""
    tokens = _TOKEN.findall(words)
    if not tokens:
        raise ApplyError("the formula quotes no words")
    parts = [_token_pattern(tokens[0], tolerant, first=True)]
    for before, token in itertools.pairwise(tokens):
        solid = before[-1].isalnum() and token[0].isalnum()
        # Tolerant: the conversion also lost spaces between words (`ağırvə xüsusilə`).
        gap = r"\s*" if not solid or tolerant else r"\s+"
        parts += [gap, _token_pattern(token, tolerant)]
    pattern = "".join(parts)
    # `346` is not in `346-1.1`: a number continues through a hyphen or dot and a digit.
    if tokens[0][0].isalnum():
        pattern = _WORD_START + pattern
    if tokens[-1][-1].isalnum():
        pattern += r"(?!\w)(?![-.]\d)"
    return pattern


def _token_pattern(token: str, tolerant: bool, first: bool = False) -> str:
    """A quoted word as a pattern; the first word's first letter matches either case, since a
    formula quotes `müharibə` where the text starts a sentence with `Müharibə`."""
    chars = []
    for index, char in enumerate(token):
        if tolerant and first and index == 0 and char.upper() != char.lower():
            char_pattern = f"[{re.escape(char.lower())}{re.escape(char.upper())}]"
        else:
            char_pattern = re.escape(char)
        spaced = tolerant and char in SPLIT_GLYPHS
        if spaced:
            chars.append(rf"\s?{char_pattern}\s?")
        elif tolerant and index and char.isalpha() and token[index - 1].isalpha():
            chars.append(rf"\s?{char_pattern}")  # `apellyasiya i nstansiyası`, `g ün bölgüsü`
        else:
            chars.append(char_pattern)
    return "".join(chars)


def _chosen(text: str, words: str, occurrence: int | None) -> list[tuple[int, int]]:
    spans = find_words(text, words)
    if not spans:
        raise ApplyError(f"the words “{words}” are not in the text")
    if occurrence is None:
        if len(spans) > 1:
            raise AmbiguousWords(f"the words “{words}” occur {len(spans)} times and the formula "
                             "does not say which")
        return spans
    if occurrence == 0:
        return spans
    if occurrence > len(spans):
        raise ApplyError(f"the words “{words}” occur {len(spans)} time(s), not {occurrence}")
    return [spans[occurrence - 1]]


def _substitute(text: str, words: str, new: str, occurrence: int | None) -> str:
    for start, end in reversed(_chosen(text, words, occurrence)):
        text = _splice(text[:start], _same_capital(text[start:end], words, new), text[end:])
    return text


def _same_capital(found: str, words: str, new: str) -> str:
    """`təqsirləndirilən` found as `Təqsirləndirilən` at a sentence's start: so is the new."""
    if found[:1].isupper() and words[:1].islower() and new[:1].islower():
        return _capitalised(new)
    return new


def _splice(before: str, new: str, after: str) -> str:
    """`before + new + after` with the spacing a drafter expects: words apart, no space before
    a comma (`içkilərdən` + `, narkotik …`, `və ya narkotik …` + `suiistifadə`)."""
    new = " ".join(new.split())
    if new[:1].isalnum() and before[-1:].isalnum():
        new = " " + new
    if new.startswith(_NO_SPACE_BEFORE):
        before = before.rstrip(" ")
    if new[-1:].isalnum() and after[:1].isalnum():
        new += " "
    return before + new + after


def _delete(text: str, words: str, occurrence: int | None) -> str:
    """Delete the words; a comma they stood between is not doubled (`etməsinin, … , qüvvəsi`),
    and what follows a deleted sentence start takes its capital (`Bank hesabı … Müştəri`)."""
    for start, end in reversed(_chosen(text, words, occurrence)):
        before, after = text[:start].rstrip(" "), text[end:].lstrip(" ")
        if before.endswith(",") and after.startswith(","):
            after = after[1:].lstrip(" ")
        if text[start:end].lstrip()[:1].isupper() and _SENTENCE_START.search(before):
            after = _capitalised(after)
        joiner = "" if not before or not after or after.startswith(_NO_SPACE_BEFORE) else " "
        text = before + joiner + after
    return text


def _capitalised(text: str) -> str:
    first = text[:1]
    return ("İ" if first == "i" else first.upper()) + text[1:]


def _insert(text: str, op: InsertWords) -> str:
    new = " ".join(op.new.split())
    for start, end in reversed(_chosen(text, op.anchor, op.occurrence)):
        if op.position == "after":
            lead = insertion_lead(text[:start], text[end:], new)
            text = text[:end] + lead + new + text[end:]
        else:
            text = text[:start] + new + " " + text[start:]
    return text


def insertion_lead(preceding: str, following: str, new: str) -> str:
    """What goes between the anchor and words inserted after it. Formulas leave out the comma
    that joins a new item to an enumeration: `"terrorçuluq" sözündən sonra "terrorçuluğu
    maliyyələşdirmə" sözləri` in `insan alveri, terrorçuluq, hava gəmisini …` gives
    `terrorçuluq, terrorçuluğu maliyyələşdirmə, hava …`. The anchor is an item when a comma
    comes before it and a comma or a coordinating `və`/`yaxud` after it (`narkotik` +
    `vasitələri` completes a phrase instead); words that bring their own joint (a mark, a
    bracket, a conjunction) take none."""
    if new.startswith(_NO_SPACE_BEFORE):
        return ""
    item = preceding.rstrip().endswith(",") and _ITEM_FOLLOWS.match(following)
    return ", " if item and not _OWN_JOINT.match(new) else " "


_ITEM_FOLLOWS = re.compile(r"\s*(?:,|(?:və|yaxud)\s)")
_OWN_JOINT = re.compile(
    r"(?:[^\w\s]|(?:və|yaxud|habelə|həmçinin|o cümlədən|eləcə də|yəni|isə|ilə|ki)(?!\w))"
)


_DASHES = "-–—"
_LOST_MARKS = frozenset("-–—'")


def _replace_final_mark(text: str, old: str, new: str) -> str:
    """`sonundakı nöqtəli vergül işarəsi tire işarəsi ilə`: the final mark; a dash is a dash
    whichever of `-`, `–`, `—` the text prints."""
    stripped = text.rstrip()
    ends = stripped.endswith(old) or (old in _DASHES and stripped[-1:] in _DASHES)
    if not stripped or not ends:
        raise ApplyError(f"the text does not end with “{old}”")
    return stripped[: len(stripped) - len(old)].rstrip() + new
