"""Where the stray spaces can be: the runs of tokens linked by lone glyph runs, and which gaps
in them may be closed (`Madd ə`), must be closed (`edilir ə ,`) or are word boundaries.

The conversion put a space wherever the font changed to the glyphs' font and back, so only a
gap next to a glyph run can be stray; a gap between two ordinary tokens never is.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Literal

from corpus.normalize import LETTER_RUN
from corpus.respace_lexicon import GLYPHS, is_glyph_token

GapKind = Literal["cut", "join", "free"]

_GLYPH_RUN = rf"[^\w\s]*[{GLYPHS}]+[^\w\s]*"
# A run on one line: tokens joined by single spaces, each gap touching a glyph run
# (`Madd ə 355-2. Ə riz ə nin m ə zmunu`). Double spaces are justified text: real boundaries.
RUN = re.compile(
    rf"(?<!\S)(?:\S++ )?{_GLYPH_RUN}(?!\S)(?:(?: \S++)? {_GLYPH_RUN}(?!\S))*(?: \S++)?(?!\S)"
)
# Two ordinary one-letter tokens side by side. `LETTER_RUN` (four or more one-letter tokens)
# finds both letter-spaced words (`M a d d ə`) and runs of the artefact (`h ə r ə k ə t`);
# `letter_spaced` tells them apart by these pairs.
_ORDINARY_PAIR = re.compile(rf"(?<!\S)[^\W\d_{GLYPHS}] [^\W\d_{GLYPHS}](?!\S)")
# Two ordinary one-letter tokens side by side: a cheap test, starting with a plain space, of
# whether a text may hold letter-spaced words at all.
ORDINARY_PAIR = re.compile(rf" [^\W\d_{GLYPHS}] [^\W\d_{GLYPHS}](?!\S)")
# A glyph run alone on its line: a paragraph the conversion broke at every font change
# (`m\n\nə\n\nhk\n\nə\n\nm\n\nə\n\nsin`).
LONE_LINE = re.compile(rf"(?m)^[ \t]*{_GLYPH_RUN}[ \t]*$")
SPLIT = re.compile(r"(\s+)")
# Three or more glyph runs in a row (`ə\n\nə\n\nş\n\nə`, `görəə ə ə ə ə`): glyphs the PDF
# shuffled out of their words, with no word left to put them back into.
_SCRAMBLED = re.compile(rf"(?<!\S){_GLYPH_RUN}(?:\s+{_GLYPH_RUN}(?!\S)){{2,}}")
# A glyph run with white space on both sides, as the middle one of `_SCRAMBLED` has: a pattern
# that starts with a character class is sought by a quick scan, not tried at every position.
_MIDDLE_RUN = re.compile(rf"\s{_GLYPH_RUN}\s")

_CLOSING = frozenset(",;:.)]»!?")
_OPENING = frozenset("([«")
QUOTES = frozenset("'\"“”„")


def scrambled_spans(text: str) -> list[tuple[int, int]]:
    """Spans of glyphs the conversion shuffled out of their words, which no join can repair:
    the normaliser may set them aside with a diagnostic (the source text keeps them).

    >>> scrambled_spans("pozulmasına görə ə ə ə ş ə x b rdarlıq")
    [(17, 26)]
    """
    if not _MIDDLE_RUN.search(text):  # the middle run of any three, sought quickly
        return []
    return [match.span() for match in _SCRAMBLED.finditer(text)]


def letter_spaced(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of letter-spaced words in text[start:end], which the normaliser closes up.

    Letter-spacing puts ordinary letters side by side (`M a d d`, `f ə s i l`); the artefact
    only splits at glyphs, so it rarely leaves two ordinary one-letter tokens together
    (`z ə r ə r ç ə kmi ş` has one such pair, at a real word boundary). A word set apart from
    a letter-spaced one by spaces alone is letter-spaced too (`b a r ə d ə   v ə s a t ə t`).
    """
    found: list[tuple[int, int, bool]] = []
    for match in LETTER_RUN.finditer(text, start, end):
        spaced = False
        if _ORDINARY_PAIR.search(match.group()):
            letters = match.group()[::2]
            pairs = sum(1 for a, b in pairwise(letters) if a not in GLYPHS and b not in GLYPHS)
            spaced = pairs >= 3 or (pairs >= 2 and 2 * pairs >= len(letters) - 1)
        found.append((match.start(), match.end(), spaced))
    if not any(spaced for _, _, spaced in found):
        return []
    flags = [spaced for _, _, spaced in found]
    for i in range(1, len(found)):
        if (flags[i - 1] or flags[i]) and not text[found[i - 1][1] : found[i][0]].strip(" "):
            flags[i - 1] = flags[i] = True
    for i in range(len(found) - 2, -1, -1):
        if flags[i + 1] and not text[found[i][1] : found[i + 1][0]].strip(" "):
            flags[i] = True
    return [(begin, finish) for (begin, finish, _), flag in zip(found, flags, strict=True) if flag]


def gap_kinds(tokens: list[str], seps: list[str], quotes_before: int = 0) -> list[GapKind]:
    """The kind of the gap after each token but the last.

    `quotes_before` is the number of quote marks earlier in the text, to tell an opening quote
    from a closing one.
    """
    glyph = [is_glyph_token(token) for token in tokens]
    kinds: list[GapKind] = [
        # the common case first: letters on both sides of a single space, one a glyph run's
        "free" if sep == " " and (glyph[k] or glyph[k + 1]) and tokens[k][-1:].isalpha()
        and tokens[k + 1][:1].isalpha() else _gap_kind(tokens, seps, glyph, k)
        for k, sep in enumerate(seps)
    ]
    if not QUOTES.isdisjoint(token[:1] for token in tokens) and has_bare_quote(tokens):
        _attach_quotes(tokens, kinds, quotes_before)
    return kinds


def has_bare_quote(tokens: list[str]) -> bool:
    """Whether some token is a quote mark on its own (`' İ nformasiya`)."""
    return any(_is_bare_quote(token) for token in tokens)


def _is_bare_quote(token: str) -> bool:
    return bool(token) and token[0] in QUOTES and not any(c.isalnum() for c in token)


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
        between = 0 < k < len(kinds) and kinds[k - 1] == "join" and kinds[k] == "join"
        if between and _is_bare_quote(token):
            if seen % 2 == 0:
                kinds[k - 1] = "cut"
            else:
                kinds[k] = "cut"
        seen += sum(token.count(q) for q in QUOTES)


def fragment_windows(text: str) -> list[tuple[int, int]]:
    """Spans of text around glyph runs left alone on their lines, from the line before to the
    line after, merged where they touch (`gönd\n\nə\n\nrilir v\n\nə\n\naidiyy`)."""
    windows: list[tuple[int, int]] = []
    for match in LONE_LINE.finditer(text):
        start = _line_start(text, _skip_blank_back(text, match.start()))
        end = _line_end(text, _skip_blank_forward(text, match.end()))
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _skip_blank_back(text: str, pos: int) -> int:
    """The end of the last non-blank text before pos."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _skip_blank_forward(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, max(pos - 1, 0)) + 1 if pos else 0


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end
