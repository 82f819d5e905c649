"""Decimal point numbers: ordering, succession, and splitting points the conversion ran together.

A line such as `5.1. … cəzalandırılır. 5.2. … olunur.` holds two points; a citation inside a
sentence (`bu Məcəllənin 5.2. maddəsi`) does not. A number is split off only when it follows a
sentence end and is a plausible successor of the point before it (next sibling, first child, or
the next sibling of an ancestor).
"""

from __future__ import annotations

import re

from corpus.ids import Num

# A number after a sentence end (and the footnote markers that may follow it). The sentence
# end is matched, not looked behind at: a pattern that starts with a character class is sought
# by a quick scan for the class, not tried at every position.
_INLINE_POINT = re.compile(
    r"[.;:](?:\s*\[\d+\])*\s+(\d+(?:-\d+)*(?:\.\d+(?:-\d+)*)+)\.\s+(?=\S)"
)


def _base(component: str) -> tuple[int, ...]:
    return tuple(int(x) for x in component.split("-"))


def _follows(previous: str, candidate: str) -> bool:
    """`candidate` is the next number after `previous` at one level: 2 -> 3, 2 -> 2-1, 2-1 -> 2-2,
    2-1 -> 3."""
    prev, cand = _base(previous), _base(candidate)
    if len(cand) == 1:
        return cand[0] == prev[0] + 1
    return cand[:-1] == prev[:len(cand) - 1] and (
        (len(prev) == len(cand) and cand[-1] == prev[-1] + 1)
        or (len(prev) == len(cand) - 1 and cand[-1] == 1)
    )


def is_successor(previous: Num, candidate: Num) -> bool:
    """Whether `candidate` can directly follow `previous` in a body of decimal points.

    >>> n = Num.parse
    >>> is_successor(n("5.1"), n("5.2")), is_successor(n("5.1"), n("5.1.1"))
    (True, True)
    >>> is_successor(n("5.1.3"), n("5.2")), is_successor(n("5.1"), n("6.2"))
    (True, False)
    """
    a, b = previous.parts, candidate.parts
    if a[0] != b[0] or len(b) < 2:
        return False
    if len(b) == len(a) + 1:
        return b[:-1] == a and b[-1] in ("0", "1")
    depth = len(b)
    return depth <= len(a) and b[:-1] == a[:depth - 1] and _follows(a[depth - 1], b[-1])


def split_run_together(num: str, text: str) -> list[tuple[str, str]]:
    """Split a point's text where the conversion ran the following points into it.

    >>> split_run_together("5.1", "birinci. 5.2. ikinci; 5.2.1. üçüncü")
    [('5.1', 'birinci.'), ('5.2', 'ikinci;'), ('5.2.1', 'üçüncü')]
    >>> split_run_together("131.1", "cəzalandırılır. [221] 131.2. Ehtiyatsızlıqdan")
    [('131.1', 'cəzalandırılır. [221]'), ('131.2', 'Ehtiyatsızlıqdan')]
    >>> split_run_together("5.1", "bu Məcəllənin 7.2. maddəsi")
    [('5.1', 'bu Məcəllənin 7.2. maddəsi')]
    """
    segments: list[tuple[str, str]] = []
    current, start = num, 0
    for match in _INLINE_POINT.finditer(text):
        candidate = Num.try_parse(match.group(1))
        previous = Num.try_parse(current)
        if candidate is None or previous is None or not is_successor(previous, candidate):
            continue
        segments.append((current, text[start:match.start(1)].strip()))
        current, start = match.group(1), match.end()
    segments.append((current, text[start:].strip()))
    return segments


def comes_after(last: Num | None, candidate: Num) -> bool:
    """Whether `candidate` is later in document order than `last` (None: nothing seen yet)."""
    return last is None or candidate.sort_key() > last.sort_key()
