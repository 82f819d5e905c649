"""Regions of a text: where the body begins (after the title, the table of contents and the
preamble), what the front matter holds, and line repairs needed before the tree is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.lines import CONTAINERS, Classified, Kind
from corpus.normalize import Line

_TRAILING_CHAPTER = re.compile(r"^(?P<text>.*[.:;])\s+(?P<heading>\d+\s?-\s?\w{2}\s+fəsil)$")
ITEM = re.compile(r"^(?P<num>\d+)\.\s+(?P<text>\S.*)$")


@dataclass
class Front:
    """The front matter: title lines, the preamble, an approval note in parentheses."""

    title_lines: list[str] = field(default_factory=list)
    preamble: str = ""
    approval: list[str] = field(default_factory=list)


def body_start(items: list[Classified]) -> int:
    """Index of the first body line: the containers (at most one of each kind) and their titles
    directly above the first article; everything before is front matter."""
    first = next((i for i, c in enumerate(items) if c.kind is Kind.ARTICLE), None)
    if first is not None and _is_toc_entry(items, first):
        # A table of contents that lists articles: the body begins where its first entry's
        # article comes again.
        num = items[first].num
        first = next((i for i in range(first + 1, len(items))
                      if items[i].kind is Kind.ARTICLE and items[i].num == num), first)
    if first is None:
        first = next((i for i, c in enumerate(items) if c.kind is Kind.POINT), len(items))
    start, seen, i = first, set(), first - 1
    while i >= 0:
        kind = items[i].kind
        if kind in (Kind.BLANK, Kind.MARKER):
            i -= 1
            continue
        if kind in CONTAINERS and kind not in seen:
            seen.add(kind)
            start = i
        elif kind is Kind.TEXT and _previous_is_container(items, i, seen):
            start = i
        else:
            break
        i -= 1
    return start


def _is_toc_entry(items: list[Classified], index: int) -> bool:
    """A table of contents lists article headings one after another; in the body an article
    heading is followed by its points or its prose."""
    for item in items[index + 1:index + 6]:
        if item.kind is Kind.ARTICLE:
            return True
        if item.kind not in (Kind.BLANK, Kind.MARKER):
            return False
    return False


def _previous_is_container(items: list[Classified], index: int, seen: set[Kind]) -> bool:
    j = index - 1
    while j >= 0 and items[j].kind in (Kind.BLANK, Kind.MARKER):
        j -= 1
    return j >= 0 and items[j].kind in CONTAINERS and items[j].kind not in seen


def split_trailing_headings(lines: list[Line]) -> list[Line]:
    """`… münasibətləri tənzimləyir. 1-ci fəsil`: a chapter heading run into the line before."""
    out = []
    for line in lines:
        # the pattern is anchored on `fəsil` at the end: most lines are rejected without it
        match = _TRAILING_CHAPTER.match(line.text) if line.text.endswith("fəsil") else None
        if match:
            out.append(Line(line.number, match["text"], line.heading, line.bullet))
            out.append(Line(line.number, match["heading"], True))
        else:
            out.append(line)
    return out


def as_item(line: Line, item: Classified) -> Classified:
    """In an act without articles (an amending law), `1. …` items stand where articles would."""
    match = ITEM.match(line.text) if item.kind is Kind.TEXT else None
    return Classified(Kind.ARTICLE, match["num"], match["text"], content=True) if match else item


def read_front(lines: list[Line], items: list[Classified]) -> Front:
    """Title lines, then the preamble (prose beginning `Bu …`/`This …` or a long line); the
    table of contents and the approval note in parentheses are not the preamble."""
    front = Front()
    in_preamble, in_toc = False, False
    preamble: list[str] = []
    for line, item in zip(lines, items, strict=True):
        if item.kind is Kind.TOC:
            in_toc = True
        if in_toc or not line.text or item.kind is Kind.MARKER:
            continue
        if line.text.startswith("("):
            front.approval.append(line.text)
            continue
        if not in_preamble and (re.match(r"^(Bu|This)\b", line.text) or len(line.text) >= 100):
            in_preamble = not line.heading
        (preamble if in_preamble else front.title_lines).append(line.text)
    front.preamble = " ".join(preamble)
    return front
