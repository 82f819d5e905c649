"""First stage of the formula grammar: quoted words and provision numbers become placeholders.

The grammar then reads a skeleton such as `⟦n0⟧ maddədə ⟦q0⟧ sözü ⟦q1⟧ sözləri ilə əvəz
edilsin` without tripping over words inside quotes. Quotes of every style the corpus uses are
read: `“…”`, `"…"`, `«…»` and the footnotes' `' … '` with spaces inside.

>>> s = tokenize("1.0.1-ci maddədən “yaxın” sözü çıxarılsın")
>>> s.text, s.quotes, s.nums
('⟦n0⟧ maddədən ⟦q0⟧ sözü çıxarılsın', ['yaxın'], ['1.0.1'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.ids import Num

_CLOSERS = {"“": "”\"", '"': '"”', "'": "'", "«": "»", "„": "“”"}
_OPENER = re.compile(r"[“\"'«„]")
# A provision number, perhaps written as a range without spaces (`1.0.3-1.0.6`), then the
# ordinal suffix with or without its hyphen (`184.1-ci`, `184.1ci`).
_NUMBER = re.compile(
    r"(?<![\w.])(?P<num>\d+(?:-\d+)*(?:\.\d+(?:-\d+)*)*)\.?(?:\s?-?\s?(?P<suffix>c[iıuü]))?(?!\w)"
)
QUOTE = re.compile(r"⟦q(\d+)⟧")
NUMBER = re.compile(r"⟦n(\d+)⟧")


@dataclass
class Skeleton:
    """A formula with its quotes and numbers taken out; `text` refers to them by index."""

    text: str
    quotes: list[str] = field(default_factory=list)
    nums: list[str] = field(default_factory=list)
    unclosed: bool = False

    def quote(self, token: str) -> str:
        return self.quotes[int(QUOTE.fullmatch(token).group(1))]  # type: ignore[union-attr]

    def num(self, token: str) -> str:
        return self.nums[int(NUMBER.fullmatch(token).group(1))]  # type: ignore[union-attr]


def tokenize(text: str) -> Skeleton:
    """Replace quotes, then numbers, by placeholders; whitespace collapsed to single spaces."""
    skeleton = Skeleton("")
    parts: list[str] = []
    position = 0
    while (opener := _OPENER.search(text, position)) is not None:
        close = _find_closer(text, opener.end(), _CLOSERS[opener.group()])
        if close < 0:
            skeleton.unclosed = True
            break
        parts.append(text[position:opener.start()])
        quoted = _quoted(text[opener.end():close])
        if quoted.lower() == "qeyd":
            # `'Qeyd' hissəsi` names the note of an article: a unit, not words to change.
            parts.append(" Qeyd")
        else:
            parts.append(f" ⟦q{len(skeleton.quotes)}⟧")
            skeleton.quotes.append(quoted)
        position = close + 1
    parts.append(text[position:])
    skeleton.text = normalize_space(_NUMBER.sub(lambda m: _number(m, skeleton), "".join(parts)))
    return skeleton


def _quoted(raw: str) -> str:
    """Quoted words with runs of spaces collapsed; line breaks of a quoted new text kept."""
    quoted = "\n".join(normalize_space(line) for line in raw.splitlines() if line.strip())
    if quoted.count("'") == 1 and _TITLE_CLOSES.search(quoted) and quoted[0].isalpha():
        # `' Banklar haqqında' Azərbaycan Respublikasının Qanununda …' sözləri`: the conversion
        # merged the opening quote of the law's title into the formula's own
        quoted = "'" + quoted
    return quoted


_TITLE_CLOSES = re.compile(r"\w' Azərbaycan Respublikası")


# A straight quote closes where a formula word follows (`' … ' sözləri`), so quotes nested
# inside (`' nizamnamə, 'Banklar haqqında', … ' sözləri`) do not end the quoted words early.
_AFTER_CLOSER = re.compile(
    r"\s*(?:söz|rəqəm|ifadə|hərf|işarə|termin|abzas|hissə|cümlə|bənd|\(\w+(?:\s\w+)?\shalda\))"
    r"|(?<=\w['\"])(?:ind|in|ın|ı|i)\w*"
)


# `' A ' və ' B ' sözləri`: a spaced quote mark followed by `və`/`,` and another opening one
# closes the first of two quoted words (criminal code [402]); a nested title does not space
# its closing mark (`' …, 'Banklar haqqında', … ' sözləri`).
_NEXT_QUOTE = re.compile(r"\s*(?:,|və)\s*'\s")


def _find_closer(text: str, start: int, closers: str) -> int:
    """Where the quote opened before `start` closes; -1 when it never does."""
    if "”" in closers and "“" not in closers:
        return _find_curly_closer(text, start)
    positions = [i for i, char in enumerate(text[start:], start) if char in closers]
    if not positions:
        return -1
    return next((i for i in positions if _AFTER_CLOSER.match(text, i + 1)
                 or (text[i - 1].isspace() and _NEXT_QUOTE.match(text, i + 1))), positions[0])


def _find_curly_closer(text: str, start: int) -> int:
    depth = 1
    for index in range(start, len(text)):
        if text[index] == "“":
            depth += 1
        elif text[index] in "”\"":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _number(match: re.Match[str], skeleton: Skeleton) -> str:
    skeleton.nums.append(match.group("num"))
    return f"⟦n{len(skeleton.nums) - 1}⟧"


def normalize_space(text: str) -> str:
    return " ".join(text.split())


def expand_range(first: str, last: str) -> list[str]:
    """`1.0.3`, `1.0.6` → `1.0.3 1.0.4 1.0.5 1.0.6`: the ends differ only in their last number.

    Ranges whose ends differ higher up cannot be expanded without the act; they stay two ends.
    """
    a, b = Num.try_parse(first), Num.try_parse(last)
    if not a or not b or a.parts[:-1] != b.parts[:-1]:
        return [first, last]
    head_a, _, tail_a = a.parts[-1].rpartition("-")
    head_b, _, tail_b = b.parts[-1].rpartition("-")
    if head_a != head_b or not tail_a.isdigit() or int(tail_b) <= int(tail_a):
        return [first, last]
    prefix = ".".join(a.parts[:-1])
    values = [f"{head_a}-{i}" if head_a else str(i) for i in range(int(tail_a), int(tail_b) + 1)]
    return [f"{prefix}.{v}" if prefix else v for v in values]


def split_range(num: str) -> tuple[str, str] | None:
    """`1.0.3-1.0.6` → (`1.0.3`, `1.0.6`); `355-1.1` and `12.1-1` are numbers, not ranges."""
    for index, char in enumerate(num):
        if char != "-":
            continue
        left, right = num[:index], num[index + 1:]
        a, b = Num.try_parse(left), Num.try_parse(right)
        if a and b and a.depth == b.depth >= 2 and a.parts[:-1] == b.parts[:-1]:
            return left, right
    return None
