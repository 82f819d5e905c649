"""Repair of the spaces the PDF conversion put around `ə Ə ş Ş ğ Ğ` in the e-qanun codes.

`Madd ə 355-2. Ə riz ə nin m ə zmunu` -> `Maddə 355-2. Ərizənin məzmunu`: each run of tokens
linked by a stray glyph is re-segmented into the words the corpus knows best.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from corpus.respace_lexicon import ARTEFACT, Lexicon, clean_words, is_glyph_token, word_cores

# Texts with no artefact: clean conversions, the DV and social-services laws. The artefacted
# codes add their clean spans (see `clean_words`).
CLEAN_SOURCES = (
    "az/codes/competition-code.md",
    "az/codes/family-code.structured.md",
    "az/dv-law/2010-original.eqanun.partial.txt",
    "az/dv-law/2010-original.president.partial.txt",
    "az/dv-law/2024-amending-law.partial.txt",
    "az/social-services-law-2011.partial.txt",
)
CODES_GLOB = "az/codes/*.md"

_SPLIT = re.compile(r"(\s+)")
_LONE = re.compile(r"[əƏşŞğĞ]+")
_CLOSING = frozenset(",;:.)]»!?")
_OPENING = frozenset("([«")
_QUOTES = frozenset("'\"“”„")
_MAX_WORD_TOKENS = 12
# Weight of the character model against the word counts, and the cost of leaving a lone glyph.
_NOVEL_WEIGHT = 0.02
_LONE_GLYPH_COST = -60.0
# A novel word must start like a known one (its first `_STEM` letters); others cost this per
# letter, more than the character model charges for any plausible word.
_STEM = 3
_JUNK_CHAR_COST = -5.0
_LONGEST_WORD = 30


class Respacer:
    """Re-segments runs of tokens split by stray glyphs into the most probable words.

    >>> r = Respacer.default()
    >>> r.repair("Madd ə 355-2. Ə riz ə nin m ə zmunu")
    'Maddə 355-2. Ərizənin məzmunu'
    """

    def __init__(self, lexicon: Lexicon, novel_weight: float = _NOVEL_WEIGHT) -> None:
        self.lexicon = lexicon
        self.novel_weight = novel_weight
        self._word_scores: dict[str, float] = {}
        self._runs: dict[tuple[str, ...], tuple[bool, ...]] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"lexicon": self.lexicon, "novel_weight": self.novel_weight}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["lexicon"], state["novel_weight"])  # type: ignore[misc]

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Respacer:
        """Learn word forms from raw texts; artefacted spans in them are skipped, not learnt."""
        words: list[str] = []
        for text in texts:
            words.extend(clean_words(text))
        return cls(Lexicon.from_words(words))

    @classmethod
    def default(cls, corpus_dir: Path | None = None) -> Respacer:
        """Built from the clean texts and the clean spans of every code in the corpus.

        `current-2024/` is never read: it is the ground truth the repair is measured against.
        """
        if corpus_dir is None:
            from qanun.settings import corpus_dir as configured

            corpus_dir = configured()
        paths = [corpus_dir / name for name in CLEAN_SOURCES]
        paths += [p for p in sorted(corpus_dir.glob(CODES_GLOB)) if p not in paths]
        texts = (p.read_text(encoding="utf-8", errors="replace") for p in paths if p.is_file())
        return cls.from_texts(texts)

    def repair(self, text: str) -> str:
        """The text with the stray spaces around glyphs removed; anything else byte-identical."""
        return self.repair_with_count(text)[0]

    def repair_with_count(self, text: str) -> tuple[str, int]:
        """The repaired text and the number of spaces removed."""
        if not isinstance(text, str) or ARTEFACT.search(text) is None:
            return text, 0
        try:
            return self._repair(text)
        except Exception:  # the repair is a layer: on any surprise the source text stands
            return text, 0

    def _repair(self, text: str) -> tuple[str, int]:
        parts = _SPLIT.split(text)
        tokens = parts[0::2]
        seps = parts[1::2]
        glyph = [is_glyph_token(t) for t in tokens]
        # kinds[k] is the decision for the gap after tokens[k]: "cut", "join" or "free".
        kinds = [_gap_kind(tokens, seps, glyph, k) for k in range(len(seps))]
        _attach_quotes(tokens, kinds)
        joined = [kind == "join" for kind in kinds]
        start = 0
        while start < len(seps):
            if kinds[start] != "free":
                start += 1
                continue
            end = start
            while end < len(seps) and kinds[end] != "cut":
                end += 1
            run_tokens = tuple(tokens[start : end + 1])
            run_kinds = tuple(kinds[start:end])
            joined[start:end] = self._segment(run_tokens, run_kinds)
            start = end + 1
        out: list[str] = []
        count = 0
        for k, token in enumerate(tokens):
            out.append(token)
            if k < len(seps):
                if joined[k]:
                    count += 1
                else:
                    out.append(seps[k])
        return "".join(out), count

    def _segment(self, tokens: tuple[str, ...], kinds: tuple[str, ...]) -> tuple[bool, ...]:
        """Which gaps of a run to close: the segmentation whose words score best."""
        key = tokens + kinds
        cached = self._runs.get(key)
        if cached is not None:
            return cached
        size = len(tokens)
        best = [-math.inf] * (size + 1)
        back = [0] * (size + 1)
        best[0] = 0.0
        for end in range(1, size + 1):
            if end < size and kinds[end - 1] == "join":
                continue
            word = ""
            for begin in range(end - 1, max(-1, end - 1 - _MAX_WORD_TOKENS), -1):
                word = tokens[begin] + word
                if begin > 0 and kinds[begin - 1] == "join":
                    continue
                if best[begin] == -math.inf:
                    continue
                score = best[begin] + self.word_score(word)
                if score > best[end]:
                    best[end] = score
                    back[end] = begin
        cuts: set[int] = set()
        end = size
        while end > 0:
            end = back[end]
            cuts.add(end)
        result = tuple(k + 1 not in cuts for k in range(size - 1))
        self._runs[key] = result
        return result

    def word_score(self, token: str) -> float:
        """Log-probability of a candidate word (a join of tokens), punctuation aside."""
        cached = self._word_scores.get(token)
        if cached is not None:
            return cached
        score = 0.0
        for core in word_cores(token):
            score += self._core_score(core)
        self._word_scores[token] = score
        return score

    def _core_score(self, core: str) -> float:
        lexicon = self.lexicon
        count = lexicon.counts.get(core, 0)
        if count:
            # a known form: its count outweighs the character model by orders of magnitude
            return math.log((1.0 - self.novel_weight) * count / lexicon.total)
        if _LONE.fullmatch(core) and len(core) <= 2:
            return _LONE_GLYPH_COST
        if core[:_STEM] not in lexicon.prefixes or len(core) > _LONGEST_WORD:
            # no known word starts like this (`vəb`, `iləbağ`): junk, not worth the model's time
            return math.log(self.novel_weight) + _JUNK_CHAR_COST * (len(core) + 1)
        return math.log(self.novel_weight) + lexicon.chars.word_logprob(core)


def _gap_kind(tokens: list[str], seps: list[str], glyph: list[bool], k: int) -> str:
    """Whether the space after tokens[k] may be a stray one, must be, or is a word boundary.

    Only a space next to a glyph run can be stray (`Madd ə`); punctuation that never follows
    a space (`edilir ə ,`) closes up, and a double space is justified text, a real boundary.
    """
    left, right = tokens[k], tokens[k + 1]
    if seps[k] != " " or not left or not right or not (glyph[k] or glyph[k + 1]):
        return "cut"
    last, first = left[-1], right[0]
    if last.isalpha() and first.isalpha():
        return "free"
    if glyph[k] and last.isalpha():
        if first == "-" and right[1:2].isalpha():
            return "free"  # `Bil ə -bil ə` is `Bilə-bilə`, `gör ə -yüz` is `görə -yüz`
        if first in _CLOSING:
            return "join"
        if first in _QUOTES:
            return "join" if not any(c.isalpha() for c in right) else "cut"
        return "cut"
    if glyph[k + 1] and first.isalpha():
        if last == "-" and left[-2:-1].isalpha():
            return "free"
        if last in _OPENING:
            return "join"
        if last in _QUOTES:
            return "join" if not any(c.isalpha() for c in left) else "cut"
        return "cut"
    return "cut"


def _attach_quotes(tokens: list[str], kinds: list[str]) -> None:
    """A bare quote between two glyph runs (`v ə ' İ nzibati`) goes to one side only.

    An even number of quotes before it makes it an opening quote (`və 'İnzibati`), an odd
    number a closing one.
    """
    seen = 0
    for k in range(1, len(tokens) - 1):
        token = tokens[k]
        if not token or token[0] not in _QUOTES or any(c.isalnum() for c in token):
            seen += sum(token.count(q) for q in _QUOTES)
            continue
        if kinds[k - 1] == "join" and kinds[k] == "join":
            if seen % 2 == 0:
                kinds[k - 1] = "cut"
            else:
                kinds[k] = "cut"
        seen += len(token)


def lone_glyph_ratio(text: str) -> float:
    """Share of whitespace tokens that are a lone `ə`/`ş`/`ğ` (any case), the artefact's trace."""
    tokens = text.split()
    if not tokens:
        return 0.0
    lone = sum(1 for token in tokens if _LONE.fullmatch(token) and len(token) == 1)
    return lone / len(tokens)
