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
from itertools import compress

# The glyphs the PDF conversion set in their own font run, so it put spaces around them;
# Cyrillic look-alikes (ә є з) come from the same font runs in a few codes.
GLYPHS = "əƏşŞğĞİәӘєЄз"
# The three Azerbaijani letters themselves, whose runs the conversion split off (`Madd ə`).
SPLIT_GLYPHS = "əƏşŞğĞ"
GLYPH_TOKEN = re.compile(rf"\W*[{GLYPHS}]+\W*")
# A glyph run standing alone between spaces: `Madd ə 355-2`, `m ə i şə t`.
ARTEFACT = re.compile(rf"(?:^|\s)\W*[{GLYPHS}]+\W*(?=\s|$)")
# `ARTEFACT` as two patterns: the regex engine scans for a leading whitespace class far faster
# than it tries the alternation `(?:^|\s)` at every character (half the time on the codes).
_ARTEFACT_AT_START = re.compile(rf"\W*[{GLYPHS}]+\W*(?=\s|$)")
_ARTEFACT_INSIDE = re.compile(rf"\s\W*[{GLYPHS}]+\W*(?=\s|$)")
WORD_CORE = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_LOWER = str.maketrans({"İ": "i", "I": "ı"})
# Single letters are debris of letter-spaced headings (`M a d d ə`), not words; `o` (that) is
# a word and `s` the `və s.` (etc.) abbreviation.
_ONE_LETTER_WORDS = frozenset({"o", "s"})
_RARE = 2
# How many first letters of a word `Lexicon.prefixes` keeps: enough to tell `vəb` (no word
# starts so) from `qıs` (`qısa`, `qısamüddətli`).
OPENING = 3
_EDGE = frozenset("əşği")
_COMMON = 50


def az_lower(word: str) -> str:
    """Lower-case by Azerbaijani rules: `İŞ` -> `iş`, `IŞIQ` -> `ışıq`."""
    return word.translate(_LOWER).lower()


def has_artefact(text: str) -> bool:
    """Whether `ARTEFACT` occurs in `text`: a glyph run standing alone (`Madd ə 355-2`)."""
    return _ARTEFACT_AT_START.match(text) is not None or _ARTEFACT_INSIDE.search(text) is not None


def is_glyph_token(token: str) -> bool:
    """A whitespace token that is only a glyph run, maybe with punctuation: `ə`, `şə`, `İş`.

    Remembered: the runs of a corpus are made of a few thousand distinct tokens, asked about
    again and again."""
    known = _GLYPH_TOKENS.get(token)
    if known is None:
        if len(_GLYPH_TOKENS) > _GLYPH_TOKENS_LIMIT:
            _GLYPH_TOKENS.clear()
        known = _GLYPH_TOKENS[token] = GLYPH_TOKEN.fullmatch(token) is not None
    return known


_GLYPH_TOKENS: dict[str, bool] = {}
_GLYPH_TOKENS_LIMIT = 200_000


def word_core_list(token: str) -> list[str]:
    """The letter runs of a token that count as words: `(təşkilat)` -> [`təşkilat`]."""
    return [az_lower(core) for core in WORD_CORE.findall(token)]


def clean_tokens(text: str) -> Counter[str]:
    """Whitespace tokens of `text` that the artefact cannot have cut, with their counts.

    A token next to a stray glyph run may be a fragment (`Madd` of `Madd ə`), so it is left
    out with the run; every other token is a whole word, including the clean spans inside
    artefacted lines.
    """
    tokens = text.split()
    glyphs = {token for token in set(tokens) if GLYPH_TOKEN.fullmatch(token)}
    if not glyphs:
        return Counter(tokens)
    # One byte a token, 1 for a glyph run; a token is kept when neither it nor a neighbour is
    # one. The neighbours come from shifting the bytes as one big integer: a million tokens
    # take milliseconds this way, against a tenth of a second for a loop over them.
    size = len(tokens)
    glyph = int.from_bytes(bytes(map(glyphs.__contains__, tokens)), "little")
    ones = int.from_bytes(b"\x01" * size, "little")
    dropped = (glyph | (glyph << 8) | (glyph >> 8)) & ones
    return Counter(compress(tokens, (ones ^ dropped).to_bytes(size, "little")))


def word_counts(tokens: Counter[str]) -> Counter[str]:
    """Counts of the word forms (Azerbaijani lower case) in counted tokens: `(Ərizə),` -> ərizə."""
    words: dict[str, int] = {}  # a dict: a Counter's `+=` calls Python on every new word
    add = words.get
    for token, count in tokens.items():
        if count > 0:
            lowered = token.translate(_LOWER).lower()  # `az_lower`, without a call a token
            if lowered.isalpha():  # most tokens: one core, the whole token
                words[lowered] = add(lowered, 0) + count
                continue
            for core in WORD_CORE.findall(lowered):
                words[core] = add(core, 0) + count
    return Counter(words)


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
        top = Counter(
            [word[i - order + 1 : i + 1] for word in padded for i in range(order - 1, len(word))]
        )
        # each shorter n-gram is counted once per position, as the suffix of a longest one
        by_order: list[dict[str, int]] = [top]
        for _ in range(order - 1):
            shorter: dict[str, int] = {}  # a dict: a Counter's `+=` calls Python on every miss
            get = shorter.get
            for gram, count in by_order[-1].items():
                shorter[gram[1:]] = get(gram[1:], 0) + count
            by_order.append(shorter)
        by_order.reverse()
        uniform = 1.0 / max(len(by_order[0]), 1)  # an empty corpus still gives a model
        seen: dict[str, float] = {}
        backoff: dict[str, float] = {"<uniform>": math.log(uniform)}
        lower: dict[str, float] = {}
        for n, grams in enumerate(by_order):
            totals: dict[str, list[int]] = {}
            for gram, count in grams.items():
                entry = totals.setdefault(gram[:-1], [0, 0])
                entry[0] += count
                entry[1] += 1
            probs: dict[str, float] = {}
            for gram, count in grams.items():
                total, kinds = totals[gram[:-1]]
                # every suffix of a met n-gram was met one order down
                shorter_prob = lower[gram[1:]] if n else uniform
                probs[gram] = (count + kinds * shorter_prob) / (total + kinds)
            for history, (total, kinds) in totals.items():
                backoff[history] = math.log(kinds / (total + kinds))
            seen.update(zip(probs, map(math.log, probs.values()), strict=True))
            lower = probs
        return cls(order, seen, backoff)

    def __post_init__(self) -> None:
        self._grams: dict[str, float] = {}

    def __getstate__(self) -> dict[str, object]:
        return {"order": self.order, "seen": self.seen, "backoff": self.backoff}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self.__post_init__()

    def word_logprob(self, word: str) -> float:
        width = self.order - 1
        padded = "^" * width + word + "$"
        # the words scored are joins of the same few fragments, so their n-grams recur: each
        # n-gram's log-probability, backoffs included, is worked out once
        grams = self._grams
        total = 0.0
        for i in range(len(padded) - width):
            gram = padded[i : i + width + 1]
            score = grams.get(gram)
            if score is None:
                score = grams[gram] = self._gram_logprob(gram)
            total += score
        return total

    def _gram_logprob(self, gram: str) -> float:
        """log P(last letter | the others), backing off to shorter histories."""
        seen, backoff = self.seen, self.backoff
        total = 0.0
        score = seen.get(gram)
        while score is None:
            total += backoff.get(gram[:-1], 0.0)
            gram = gram[1:]
            score = seen.get(gram) if gram else backoff["<uniform>"]
        return total + score


def _glued(word: str, counts: dict[str, int]) -> bool:
    """Whether a rare form is two common words run together (`vəzifətutma` for `vəzifə tutma`)."""
    return any(
        counts.get(word[:cut], 0) >= _COMMON and counts.get(word[cut:], 0) >= _COMMON
        for cut in range(3, len(word) - 2)
    )


@dataclass
class Lexicon:
    """Counts of clean word forms (Azerbaijani lower case) and the character model over them."""

    counts: dict[str, int]
    total: int
    chars: CharModel
    prefixes: frozenset[str]
    suffixes: frozenset[str]

    @classmethod
    def from_counts(cls, words: Counter[str], order: int = 5) -> Lexicon:
        counts = {w: n for w, n in words.items() if len(w) > 1 or w in _ONE_LETTER_WORDS}
        # A rare form that ends a common word is most likely a piece of it the artefact cut
        # off at a line break (`dırılması` of `məhdudlaşdırılması`), not a word.
        endings = {
            word[n:] for word, count in counts.items() if count > _RARE for n in range(1, len(word))
        }
        counts = {w: n for w, n in counts.items() if n > _RARE or w not in endings}
        counts = {w: n for w, n in counts.items() if n > _RARE or not _glued(w, counts)}
        chars = CharModel.train(counts, order)
        prefixes = frozenset(word[:n] for word in counts for n in range(1, OPENING + 1))
        # a word's fragments start at a glyph run's edges (`m|ə|hk|ə|m|ə`), so only those of
        # its endings can begin a token; `i` stands for `İ`, lower-cased
        suffixes = frozenset(
            word[n:]
            for word in counts
            for n in range(len(word))
            if n == 0 or word[n] in _EDGE or word[n - 1] in _EDGE
        )
        return cls(dict(counts), sum(counts.values()), chars, prefixes, suffixes)
