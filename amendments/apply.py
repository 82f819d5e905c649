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

from amendments.operations import (
    DeleteWords,
    InsertWords,
    Operation,
    SubstituteWords,
    Target,
)

__all__ = ["AmbiguousWords", "ApplyError", "Target", "apply_words", "unit_span"]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZƏÖÜÇŞĞİ\"“'«(])")
# The sanction of a criminal-law provision follows a dash: `… törədilmə — … ilə cəzalandırılır.`
_SANCTION_DASH = re.compile(r"\s[—–-]\s(?=[^—–]*cəzalandırılır)")
_NO_SPACE_BEFORE = tuple(",.;:)!?")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_SPACED = "əşğƏŞĞ"


class ApplyError(ValueError):
    """An operation that cannot be applied; the message says why in a drafter's words."""


class AmbiguousWords(ApplyError):
    """The words occur more than once and the formula does not say which."""


def apply_words(op: Operation, text: str) -> str:
    """The text after a substitute, delete or insert operation, within the unit it names."""
    start, end = unit_span(op.target.unit, text)
    return text[:start] + _apply_in(op, text[start:end]) + text[end:]


def unit_span(unit: str | None, text: str) -> tuple[int, int]:
    """Where the unit a formula names lies in the text: `sentence:2`, `sanction`, `disposition`,
    `end`; other units (and units that cannot be found) span the whole text."""
    if not unit:
        return 0, len(text)
    if unit.startswith("sentence:") and unit[9:].isdigit():
        spans = _sentences(text)
        index = int(unit[9:]) - 1
        if index >= len(spans):
            raise ApplyError(f"the text has {len(spans)} sentence(s), no sentence {index + 1}")
        return spans[index]
    if unit in ("sanction", "disposition"):
        dash = _SANCTION_DASH.search(text)
        if dash:
            return (dash.end(), len(text)) if unit == "sanction" else (0, dash.start())
    return 0, len(text)


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _apply_in(op: Operation, text: str) -> str:
    if isinstance(op, SubstituteWords):
        _refuse_declined(op.declined, op.old)
        if op.target.unit == "end":
            return _replace_final_mark(text, op.old, op.new)
        return _edit(text, op.old, op.occurrence, lambda s, e: (s, e, op.new))
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
    strict, tolerant = _words_patterns(" ".join(words.split()))
    spans = [m.span() for m in strict.finditer(text)]
    if spans or tolerant is None:
        return spans
    return [m.span() for m in tolerant.finditer(text)]


@lru_cache(maxsize=8192)
def _words_patterns(words: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The strict pattern, and the one tolerant of spaces around `ə ş ğ` (None if the same)."""
    strict = re.compile(_words_pattern(words, tolerant=False))
    if not any(c in words for c in _SPACED):
        return strict, None
    return strict, re.compile(_words_pattern(words, tolerant=True))


def _words_pattern(words: str, tolerant: bool) -> str:
    """Whole-word spans of `words` in `text`. Spacing does not count: any run of spaces
    matches any other, spaces around punctuation may be there or not (footnotes quote
    `müdafiəçi , barəsində` for the code's `müdafiəçi, barəsində`), and so may the spaces the
    PDF conversion left around `ə ş ğ` where the repair missed them (`müdd ətə`)."""
    tokens = _TOKEN.findall(words)
    if not tokens:
        raise ApplyError("the formula quotes no words")
    parts = [_token_pattern(tokens[0], tolerant, first=True)]
    for before, token in itertools.pairwise(tokens):
        solid = before[-1].isalnum() and token[0].isalnum()
        loose = tolerant and (before[-1] in _SPACED or token[0] in _SPACED)
        gap = r"\s*" if not solid or loose else r"\s+"
        parts += [gap, _token_pattern(token, tolerant)]
    pattern = "".join(parts)
    # `346` is not in `346-1.1`: a number continues through a hyphen or dot and a digit.
    if tokens[0][0].isalnum():
        pattern = r"(?<!\w)(?<!\d[-.])" + pattern
    if tokens[-1][-1].isalnum():
        pattern += r"(?!\w)(?![-.]\d)"
    return pattern


def _token_pattern(token: str, tolerant: bool, first: bool = False) -> str:
    """A quoted word as a pattern; the first word's first letter matches either case, since a
    formula quotes `müharibə` where the text starts a sentence with `Müharibə`."""
    chars = []
    for index, char in enumerate(token):
        if first and index == 0 and char.upper() != char.lower():
            char_pattern = f"[{re.escape(char.lower())}{re.escape(char.upper())}]"
        else:
            char_pattern = re.escape(char)
        spaced = tolerant and char in _SPACED
        chars.append(rf"\s?{char_pattern}\s?" if spaced else char_pattern)
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


def _edit(text: str, words: str, occurrence: int | None, edit) -> str:  # type: ignore[no-untyped-def]
    for start, end in reversed(_chosen(text, words, occurrence)):
        s, e, new = edit(start, end)
        text = text[:s] + new + text[e:]
    return text


def _delete(text: str, words: str, occurrence: int | None) -> str:
    for start, end in reversed(_chosen(text, words, occurrence)):
        before, after = text[:start].rstrip(" "), text[end:].lstrip(" ")
        joiner = "" if not before or not after or after.startswith(_NO_SPACE_BEFORE) else " "
        text = before + joiner + after
    return text


def _insert(text: str, op: InsertWords) -> str:
    new = " ".join(op.new.split())
    for start, end in reversed(_chosen(text, op.anchor, op.occurrence)):
        if op.position == "after":
            lead = "" if new.startswith(_NO_SPACE_BEFORE) else " "
            text = text[:end] + lead + new + text[end:]
        else:
            text = text[:start] + new + " " + text[start:]
    return text


_DASHES = "-–—"


def _replace_final_mark(text: str, old: str, new: str) -> str:
    """`sonundakı nöqtəli vergül işarəsi tire işarəsi ilə`: the final mark; a dash is a dash
    whichever of `-`, `–`, `—` the text prints."""
    stripped = text.rstrip()
    ends = stripped.endswith(old) or (old in _DASHES and stripped[-1:] in _DASHES)
    if not stripped or not ends:
        raise ApplyError(f"the text does not end with “{old}”")
    return stripped[: len(stripped) - len(old)].rstrip() + new
