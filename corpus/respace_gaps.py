"""Where the stray spaces can be: the runs of tokens linked by lone glyph runs, and which gaps
in them may be closed (`Madd ə`), must be closed (`edilir ə ,`) or are word boundaries.

The conversion put a space wherever the font changed to the glyphs' font and back, so only a
gap next to a glyph run can be stray; a gap between two ordinary tokens never is.
"""

from __future__ import annotations

import re
from typing import Literal

from corpus.respace_lexicon import GLYPHS, is_glyph_token

GapKind = Literal["cut", "join", "free"]

_GLYPH_RUN = rf"[^\w\s]*[{GLYPHS}]+[^\w\s]*"
# A run on one line: tokens joined by single spaces, each gap touching a glyph run
# (`Madd ə 355-2. Ə riz ə nin m ə zmunu`). Double spaces are justified text: real boundaries.
# Runs next to letter-spaced words (`M a d d ə   1 1 .`) are the normaliser's, not ours.
_LETTER_SPACED_BEFORE = r"(?<!\s\w \w )(?<!^\w \w )"
_LETTER_SPACED_AFTER = r"(?! \w \w(?!\S))"
RUN = re.compile(
    rf"{_LETTER_SPACED_BEFORE}(?<!\S)(?:\S+ )?{_GLYPH_RUN}(?!\S)"
    rf"(?:(?: \S+)? {_GLYPH_RUN}(?!\S))*(?: \S+)?(?!\S){_LETTER_SPACED_AFTER}"
)
# A glyph run alone on its line: a paragraph the conversion broke at every font change
# (`m\n\nə\n\nhk\n\nə\n\nm\n\nə\n\nsin`).
LONE_LINE = re.compile(rf"(?m)^[ \t]*{_GLYPH_RUN}[ \t]*$")
SPLIT = re.compile(r"(\s+)")

_CLOSING = frozenset(",;:.)]»!?")
_OPENING = frozenset("([«")
QUOTES = frozenset("'\"“”„")


def gap_kinds(tokens: list[str], seps: list[str], quotes_before: int = 0) -> list[GapKind]:
    """The kind of the gap after each token but the last.

    `quotes_before` is the number of quote marks earlier in the text, to tell an opening quote
    from a closing one.
    """
    glyph = [is_glyph_token(token) for token in tokens]
    kinds = [_gap_kind(tokens, seps, glyph, k) for k in range(len(seps))]
    if any(token and token[0] in QUOTES for token in tokens):
        _attach_quotes(tokens, kinds, quotes_before)
    return kinds


def _alone(seps: list[str], k: int) -> bool:
    return (k == 0 or "\n" in seps[k - 1]) and (k == len(seps) or "\n" in seps[k])


def _gap_kind(tokens: list[str], seps: list[str], glyph: list[bool], k: int) -> GapKind:
    """Whether the gap after tokens[k] may be a stray one, must be, or is a word boundary.

    Punctuation that never follows a space (`etdikd ə ,`) closes up; a hyphen may be a
    compound's (`Bil ə -bil ə`) or a dash (`gör ə -yüz manat`), so the words decide.
    """
    left, right, sep = tokens[k], tokens[k + 1], seps[k]
    if not left or not right or not (glyph[k] or glyph[k + 1]):
        return "cut"
    if sep != " ":
        lone = (glyph[k] and _alone(seps, k)) or (glyph[k + 1] and _alone(seps, k + 1))
        if not lone or sep.count("\n") > 2 or sep.strip(" \n"):
            return "cut"
    last, first = left[-1], right[0]
    if last.isalpha() and first.isalpha():
        return "free"
    if glyph[k] and last.isalpha():
        if first == "-" and right[1:2].isalpha():
            return "free"
        if first in _CLOSING:
            return "join"
        if first in QUOTES:
            return "join" if not any(c.isalpha() for c in right) else "cut"
        return "cut"
    if glyph[k + 1] and first.isalpha():
        if last == "-" and left[-2:-1].isalpha():
            return "free"
        if last in _OPENING:
            return "join"
        if last in QUOTES:
            return "join" if not any(c.isalpha() for c in left) else "cut"
    return "cut"


def _attach_quotes(tokens: list[str], kinds: list[GapKind], seen: int) -> None:
    """A bare quote between two glyph runs (`v ə ' İ nzibati`) goes to one side only.

    An even number of quotes before it makes it an opening quote (`və 'İnzibati`), an odd
    number a closing one.
    """
    for k, token in enumerate(tokens):
        bare = bool(token) and token[0] in QUOTES and not any(c.isalnum() for c in token)
        if bare and 0 < k < len(kinds) and kinds[k - 1] == "join" and kinds[k] == "join":
            if seen % 2 == 0:
                kinds[k - 1] = "cut"
            else:
                kinds[k] = "cut"
        seen += sum(token.count(q) for q in QUOTES)
