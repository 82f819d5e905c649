"""Pre-parse: undo the conversion artefacts of the e-qanun PDF editions line by line.

After `normalize_lines` every line has its Markdown heading marks and list bullets removed (and
remembered), Cyrillic look-alikes and mojibake mapped back to Azerbaijani Latin letters
(`зэxarэlmэюdэr` -> `çıxarılmışdır`, `º` -> `ş`, `\\x00`/`¹` -> `№`), letter-spaced words joined
(`M a d d ə   1 1 .` -> `Maddə   1 1 .`, `[ 1 8 7 ]` -> `[187]`). Runs of spaces and the spaces
around `ə ş ğ` inside words are left for `corpus.respace` (a reported layer), then folded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.model import Diagnostic
from corpus.respace_lexicon import SPLIT_GLYPHS

# Cyrillic letters that the conversion put where Azerbaijani Latin letters belong (the PDF fonts
# mapped glyphs by shape or by legacy code page), and two code-page slips for `ş` and `№`.
_MOJIBAKE = {
    "ә": "ə", "Ә": "Ə", "є": "ş", "Є": "Ş", "ю": "ş", "з": "ç", "З": "Ç", "э": "ı", "ь": "ü",
    "Ь": "Ü", "ц": "ö", "Ц": "Ö", "а": "a", "о": "o", "с": "c", "х": "x", "е": "e", "к": "k",
    "н": "n", "р": "p", "А": "A", "О": "O", "С": "C", "Е": "E", "Х": "X", "º": "ş",
    "\x00": "№", "¹": "№",
}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_MOJIBAKE_RE = re.compile("[" + "".join(_MOJIBAKE) + "]")
_MOJIBAKE_LETTERS = frozenset(_MOJIBAKE)
_LATIN = re.compile(r"[A-Za-zÇçĞğİıÖöŞşÜüƏə]")
_TOKEN = re.compile(r"\S+")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")
_BULLET = re.compile(r"^\s*[-*•]\s+")
_SPACED_MARKER = re.compile(r"\[\s*(\d(?:\s*\d)*)\s*\]")
_MANY_SPACES = re.compile(r"[ \t\u00a0]{2,}")
# A run of four or more one-letter tokens separated by single spaces: a letter-spaced word.
LETTER_RUN = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")
_LETTER_RUN_HINT = re.compile(r" \w \w \w ")


@dataclass
class Line:
    """One normalised source line; `number` is 1-based in the source file."""

    number: int
    text: str
    heading: bool = False
    bullet: bool = False


def fix_mojibake(text: str) -> tuple[str, int]:
    """Map look-alike Cyrillic letters and code-page slips back, only inside Latin words.

    >>> fix_mojibake("sцzь зэxarэlmэюdэr")
    ('sözü çıxarılmışdır', 8)
    """
    if not _MOJIBAKE_RE.search(text):
        return text, 0
    count = 0

    def fix_token(match: re.Match[str]) -> str:
        nonlocal count
        token = match.group(0)
        if _MOJIBAKE_LETTERS.isdisjoint(token):
            return token
        letters = [c for c in token if c.isalpha()]
        mostly_cyrillic = sum(bool(_CYRILLIC.match(c)) for c in letters) > len(letters) / 2
        if mostly_cyrillic and len(letters) > 2 and not _LATIN.search(token):
            return token  # a real Russian word: leave it
        fixed = _MOJIBAKE_RE.sub(lambda m: _MOJIBAKE[m.group(0)], token)
        count += sum(a != b for a, b in zip(token, fixed, strict=True))
        return fixed

    return _TOKEN.sub(fix_token, text), count


def join_letter_spacing(text: str) -> str:
    """Join words the PDF set letter-spaced; runs made mostly of `ə ş ğ` fragments are the
    respace artefact, not letter spacing, and are left alone.

    >>> join_letter_spacing("M a d d ə   1 1 . Cinayət")
    'Maddə   1 1 . Cinayət'
    >>> join_letter_spacing("m ə hk ə m ə")
    'm ə hk ə m ə'
    """
    if "[ " in text:
        text = _SPACED_MARKER.sub(lambda m: "[" + re.sub(r"\s", "", m.group(1)) + "]", text)
    if not _LETTER_RUN_HINT.search(f" {text} "):
        return text
    return LETTER_RUN.sub(_join_letters, text)


def _join_letters(match: re.Match[str]) -> str:
    """A letter-spaced run joined up, unless most of its letters are `ə ş ğ` fragments."""
    letters = match.group(0).split(" ")
    plain = sum(letter not in SPLIT_GLYPHS for letter in letters)
    return "".join(letters) if plain / len(letters) > 0.6 else match.group(0)


def normalize_line(raw: str, number: int, diagnostics: list[Diagnostic]) -> Line:
    return _normalized(_without_stray_marks(raw), number, diagnostics, mojibake=True)


def _without_stray_marks(text: str) -> str:
    """Without `\r`, BOMs and `¬`, a soft hyphen the conversion kept as a character
    (`tətbiqi ¬¬- bu`); none is a line break, so a whole text can go at once."""
    return text.replace("\r", "").replace("\ufeff", "").replace("¬", "")


def _normalized(text: str, number: int, diagnostics: list[Diagnostic], mojibake: bool) -> Line:
    """`normalize_line` of a line already rid of `\r`, BOMs and `¬`; `mojibake` is False when
    the whole text has no letter to map back, which spares the search on every line."""
    first = text[:1]
    if first.isspace():
        first = text.lstrip()[:1]
    heading = first == "#" and bool(_HEADING_MARK.match(text))
    if heading:
        text = _HEADING_MARK.sub("", text)
        first = text.lstrip()[:1]
    bullet = first in ("-", "*", "•") and bool(_BULLET.match(text))
    if bullet:
        text = _BULLET.sub("", text)
    if mojibake:
        text, fixed = fix_mojibake(text)
        if fixed:
            diagnostics.append(Diagnostic(number, f"{fixed} mojibake letters", "mapped to "
                                          "Azerbaijani Latin letters", "mojibake"))
    # Runs of spaces are kept: they mark real word boundaries for the respace layer.
    return Line(number, join_letter_spacing(text).strip(), heading, bullet)


def fold_spaces(text: str) -> str:
    """Runs of spaces, tabs and no-break spaces as one space, and no space at either end."""
    if "\t" in text or "\u00a0" in text:
        text = _MANY_SPACES.sub(" ", text)
    elif "  " in text:  # plain spaces only (justified text): splitting is quicker than the regex
        text = " ".join(filter(None, text.split(" ")))
    return text.strip()


def normalize_lines(source: str, diagnostics: list[Diagnostic]) -> list[Line]:
    """Every line of a source text, normalised; blank lines are kept (they end paragraphs)."""
    text = _without_stray_marks(source)
    mojibake = _MOJIBAKE_RE.search(text) is not None
    return [_normalized(raw, i, diagnostics, mojibake) for i, raw in enumerate(text.split("\n"), 1)]
