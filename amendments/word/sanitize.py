"""Text that Word cannot hold is cleaned before it reaches the XML, and each cleaning is reported.

XML 1.0 (and so Word) refuses C0 control characters other than tab and newline, unpaired
surrogates and the non-characters U+FFFE/U+FFFF; C1 controls are legal XML but are the mojibake
of a bad conversion, so they go too. Nothing is written raw: lxml would refuse it anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Action = Literal["removed", "replaced by a line break", "replaced by U+FFFD"]

_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = "\x0b\x0c"
_SURROGATES = range(0xD800, 0xE000)


@dataclass(frozen=True)
class Cleaning:
    """One character that was not written as it stood: where, which, and what was done."""

    where: str
    position: int
    codepoint: str
    action: Action

    def message(self) -> str:
        return f"{self.where}: {self.codepoint} at character {self.position} {self.action}"


@dataclass
class Sanitizer:
    """Cleans every text a writer puts into a document and keeps the list of cleanings."""

    cleanings: list[Cleaning] = field(default_factory=list)

    def clean(self, text: str, where: str) -> str:
        """Text safe for Word; `\\r\\n` and `\\r` become `\\n` silently (they are line ends).

        >>> s = Sanitizer()
        >>> s.clean("məişət\\x00 zorakılığı\\ud800", "1.0.1")
        'məişət zorakılığı\\ufffd'
        >>> [c.message() for c in s.cleanings]
        ['1.0.1: U+0000 at character 6 removed', '1.0.1: U+D800 at character 18 replaced by U+FFFD']
        """
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not _BAD.search(text):
            return text
        return _BAD.sub(lambda m: self._replace(m, where), text)

    def _replace(self, match: re.Match[str], where: str) -> str:
        char = match.group()
        if char in _LINE_BREAKS:
            action: Action = "replaced by a line break"
            replacement = "\n"
        elif ord(char) in _SURROGATES or char in "\ufffe\uffff":
            action, replacement = "replaced by U+FFFD", "\ufffd"
        else:
            action, replacement = "removed", ""
        self.cleanings.append(Cleaning(where, match.start(), f"U+{ord(char):04X}", action))
        return replacement
