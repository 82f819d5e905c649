"""An amending law's text → its numbered items, each with the operations its formula states.

Reads the layout of Azerbaijani amending laws: the enacting clause naming the amended law
(`“Məişət zorakılığının qarşısının alınması haqqında” Azərbaycan Respublikasının Qanununda …
aşağıdakı dəyişikliklər edilsin:`), then items `1.`, `2.1.` …; a heading item such as `2. 1-ci
maddə üzrə:` only groups the items under it. Quoted new wordings may span several lines.
"""

from __future__ import annotations

import re

from amendments.formulas import parse_formula
from amendments.operations import Instruction

_ITEM = re.compile(r"^\s*(?P<item>\d+(?:\.\d+)*)\.\s+(?P<text>\S.*)$")
_GROUP_HEADING = re.compile(r"^\d+(?:-\d+)?-?c[iıuü]\s+(?:maddə|fəsil)\s+üzrə:?$")
# `[... source excerpt ends here ...]`: the text we have stops; the item before it is cut.
_CUT = re.compile(r"^\s*\[\s*(?:…|\.\.\.).*\]\s*$")
_AMENDED = re.compile(
    r"“(?P<title>[^”]+)”\s+Azərbaycan Respublikasının\s+(?P<kind>\w+?)(?:nda|ndə)\b"
)


def parse_amending_law(text: str, act: str) -> list[Instruction]:
    """Every item of the amending law with its operations on `act` (a manifest id)."""
    instructions: list[Instruction] = []
    cut = False
    for item, body in _items(text):
        if body is None:
            cut = True
            continue
        if _GROUP_HEADING.match(body):
            continue
        parsed = parse_formula(body, act)
        instruction = Instruction(item=item, text=body, operations=parsed.operations,
                                  problems=list(parsed.problems), incomplete=parsed.incomplete)
        instructions.append(instruction)
    if cut and instructions and not instructions[-1].operations:
        last = instructions[-1]
        last.incomplete = True
        last.problems = [f"item {last.item} is cut off where the available text ends"]
    return instructions


def amended_title(text: str) -> str | None:
    """The title of the law an amending law amends, from its enacting clause."""
    for line in text.splitlines():
        if "dəyişiklik" in line and "edilsin" in line:
            match = _AMENDED.search(line)
            if match:
                return match["title"]
    return None


def _items(text: str) -> list[tuple[str, str | None]]:
    """(item number, its text) in order; (`cut`, None) where the available text ends."""
    items: list[tuple[str, str | None]] = []
    current: list[str] | None = None
    number = ""
    for line in text.splitlines():
        if _CUT.match(line):
            if current is not None:
                items.append((number, " ".join(current).strip()))
                current = None
            items.append(("cut", None))
            continue
        match = _ITEM.match(line)
        if match and not _open_quote(current):
            if current is not None:
                items.append((number, _join(current)))
            number, current = match["item"], [match["text"]]
        elif current is not None and line.strip():
            current.append(line.strip())
    if current is not None:
        items.append((number, _join(current)))
    return items


def _join(lines: list[str]) -> str:
    return "\n".join(lines).strip()


def _open_quote(lines: list[str] | None) -> bool:
    if not lines:
        return False
    text = "\n".join(lines)
    return text.count("“") > text.count("”")
