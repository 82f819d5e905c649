"""What the corpus knows about Azerbaijani words: counts of clean word forms and a character model.

Built from clean texts and from the clean spans of the artefacted codes, so the repair in
`corpus.respace` can tell `ilə bağlı` from `il əbağ lı` by which joins make known words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

# The glyphs the PDF conversion set in their own font run, so it put spaces around them;
# Cyrillic look-alikes (ә є з) come from the same font runs in a few codes.
GLYPHS = "əƏşŞğĞİәӘєЄз"
GLYPH_TOKEN = re.compile(rf"\W*[{GLYPHS}]+\W*")
# A glyph run standing alone between spaces: `Madd ə 355-2`, `m ə i şə t`.
ARTEFACT = re.compile(rf"(?:^|\s)\W*[{GLYPHS}]+\W*(?=\s|$)")
# A stray glyph run with the tokens on either side of it, which may be fragments of its word.
_ARTEFACT_WITH_NEIGHBOURS = re.compile(
    rf"(?:(?<!\S)\S+\s+)?(?<!\S)\W*[{GLYPHS}]+\W*(?!\S)(?:\s+\S+)?"
)
WORD_CORE = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_LOWER = str.maketrans({"İ": "i", "I": "ı"})
# Single letters are debris of letter-spaced headings (`M a d d ə`), not words; `o` (that) is
# a word and `s` the `və s.` (etc.) abbreviation.
_ONE_LETTER_WORDS = frozenset({"o", "s"})


def az_lower(word: str) -> str:
    """Lower-case by Azerbaijani rules: `İŞ` -> `iş`, `IŞIQ` -> `ışıq`."""
    return word.translate(_LOWER).lower()


def is_glyph_token(token: str) -> bool:
    """A whitespace token that is only a glyph run, maybe with punctuation: `ə`, `şə`, `İş`."""
    return GLYPH_TOKEN.fullmatch(token) is not None


def word_cores(token: str) -> list[str]:
    """The letter runs of a token that count as words: `(təşkilat)` -> [`təşkilat`]."""
    return [az_lower(core) for core in WORD_CORE.findall(token)]


def clean_words(text: str) -> list[str]:
    """Word forms of `text` that the artefact cannot have cut.

    A token next to a stray glyph run may be a fragment (`Madd` of `Madd ə`), so it is dropped
    with the run; every other token is a whole word, including the clean spans inside
    artefacted lines.
    """
    return [az_lower(core) for core in WORD_CORE.findall(_ARTEFACT_WITH_NEIGHBOURS.sub("\n", text))]


@dataclass
class CharModel:
    """Witten-Bell interpolated character n-gram model over word forms (`^` starts, `$` ends).

    It scores word forms the lexicon has not seen, such as `qısamüddətli`, by how Azerbaijani
    letters and suffixes follow one another (`-lər`, `-ində`, `-məsi`). The interpolation is
    folded into two tables so scoring a character is one or two lookups: `seen[h + c]` is
    log P(c | h) for an n-gram met in training, `backoff[h]` the log weight of the shorter
    history when `h + c` was not met.
    """

    order: int
    seen: dict[str, float]
    backoff: dict[str, float]

    @classmethod
    def train(cls, words: Iterable[str], order: int = 5) -> CharModel:
        pad = "^" * (order - 1)
        padded = [pad + word + "$" for word in words]
        seen: dict[str, float] = {}
        backoff: dict[str, float] = {}
        letters = {char for word in padded for char in word}
        uniform = 1.0 / len(letters)
        lower: dict[str, float] = {}
        for n in range(order):
            grams = Counter(
                word[i - n : i + 1] for word in padded for i in range(order - 1, len(word))
            )
            totals: Counter[str] = Counter()
            types: Counter[str] = Counter()
            for gram, count in grams.items():
                totals[gram[:-1]] += count
                types[gram[:-1]] += 1
            probs: dict[str, float] = {}
            for gram, count in grams.items():
                history = gram[:-1]
                # every suffix of a met n-gram was met one order down
                shorter = lower[gram[1:]] if n else uniform
                total, kinds = totals[history], types[history]
                probs[gram] = (count + kinds * shorter) / (total + kinds)
            for history, total in totals.items():
                backoff[history] = math.log(types[history] / (total + types[history]))
            seen.update((gram, math.log(prob)) for gram, prob in probs.items())
            lower = probs
        backoff["<uniform>"] = math.log(uniform)
        return cls(order, seen, backoff)

    def word_logprob(self, word: str) -> float:
        width = self.order - 1
        padded = "^" * width + word + "$"
        seen, backoff = self.seen, self.backoff
        total = 0.0
        for i in range(width, len(padded)):
            gram = padded[i - width : i + 1]
            score = seen.get(gram)
            while score is None:
                total += backoff.get(gram[:-1], 0.0)
                gram = gram[1:]
                score = seen.get(gram) if gram else backoff["<uniform>"]
            total += score
        return total


@dataclass
class Lexicon:
    """Counts of clean word forms (Azerbaijani lower case) and the character model over them."""

    counts: dict[str, int]
    total: int
    chars: CharModel
    prefixes: frozenset[str]

    @classmethod
    def from_words(cls, words: Iterable[str], order: int = 5) -> Lexicon:
        counts = Counter(
            word for word in words if len(word) > 1 or word in _ONE_LETTER_WORDS
        )
        chars = CharModel.train(counts, order)
        prefixes = frozenset(word[:n] for word in counts for n in range(1, min(len(word), 8) + 1))
        return cls(dict(counts), sum(counts.values()), chars, prefixes)
