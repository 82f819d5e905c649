"""The words of a chain of tokens the stray glyphs split: which gaps to close (a Viterbi search).

A chain is the stretch of a run (`corpus.respace`) whose gaps may each be closed or be a real
boundary (`il ə ba ğ lı`). The segmentation chosen is the one whose words score best: by their
count among the clean words of the corpus, or for a form never seen by a character model of
those words (`corpus.respace_lexicon`). So `il ə ba ğ lı` reads `ilə bağlı`, not `iləbağ lı`.
"""

from __future__ import annotations

import math
import re

from corpus.respace_gaps import GapKind
from corpus.respace_lexicon import OPENING, SPLIT_GLYPHS, Lexicon, az_lower, word_core_list

_LONE = re.compile(f"[{SPLIT_GLYPHS}]+")
# Three like glyphs in a row, or two at a word's edge, occur in no Azerbaijani word; the known
# `əmtəə`, `mənfəət` are in the lexicon before this is asked.
_DEBRIS = re.compile(r"([əşğ])\1\1|^əə|əə$")
_MAX_WORD_TOKENS = 12
# Weight of the character model against the word counts, and the cost of leaving a lone glyph.
NOVEL_WEIGHT = 0.02
_LONE_GLYPH_COST = -60.0
# A novel word must start like a known one (its first `OPENING` letters); others cost this
# per letter, more than the character model charges for any plausible word.
_JUNK_CHAR_COST = -5.0
_LONGEST_WORD = 30
# Tokens a word may reach, in the quick pass, beyond the longest ending it shares with a
# known word; a chain whose quick segmentation has a novel word is segmented again in full.
_NOVEL_REACH = 1
_NOT_LETTER = re.compile(r"[\W\d_]+")


class Segmenter:
    """Segments chains with one lexicon, remembering every word scored and chain prefix."""

    def __init__(self, lexicon: Lexicon, novel_weight: float = NOVEL_WEIGHT) -> None:
        self.lexicon = lexicon
        self.novel_weight = novel_weight
        self._log_novel = math.log(novel_weight)
        self._word_scores: dict[str, float] = {}
        self._letters: dict[str, str] = {}
        self._novel: set[str] = set()
        self._prefixes: dict[int, dict[str, tuple[float, int]]] = {}  # by reach

    def memo_size(self) -> int:
        """How many words are remembered (the memos of a corpus grow with it)."""
        return len(self._word_scores)

    def segment(self, tokens: list[str], kinds: list[GapKind]) -> list[bool]:
        """For each gap between `tokens` (whose kinds are "free" or "join"), whether to close it.

        A quick pass first; a chain whose quick segmentation has a word the lexicon lacks is
        segmented again in full, since that word may be longer than the quick pass looked.
        """
        flags = self._segment(tokens, kinds, _NOVEL_REACH)
        if not self._all_known(tokens, flags):
            flags = self._segment(tokens, kinds, None)
        return flags

    def _all_known(self, tokens: list[str], flags: list[bool]) -> bool:
        """Whether every word of a segmentation is a form the lexicon has seen."""
        novel = self._novel
        word = tokens[0]
        for token, joined in zip(tokens[1:], flags, strict=True):
            if joined:
                word += token
                continue
            if word in novel:
                return False
            word = token
        return word not in novel

    def _segment(
        self, tokens: list[str], kinds: list[GapKind], reach: int | None
    ) -> list[bool]:
        """Which gaps of a run to close: the segmentation whose words score best (Viterbi).

        A word is grown leftwards token by token while it still ends some known word; past
        that only `reach` more tokens are tried (all when `reach` is None).
        """
        size = len(tokens)
        lowered = self._letters
        letters = []
        for token in tokens:
            low = lowered.get(token)
            if low is None:
                low = lowered[token] = az_lower(_NOT_LETTER.sub("", token))
            letters.append(low)
        best = [-math.inf] * (size + 1)
        back = [0] * (size + 1)
        best[0] = 0.0
        reach = _MAX_WORD_TOKENS if reach is None else reach
        can_start = [True, *(kind != "join" for kind in kinds)]
        self._fill(tokens, letters, can_start, best, back, reach)
        joined = [True] * (size - 1)
        end = back[size]
        while end > 0:
            joined[end - 1] = False
            end = back[end]
        return joined

    def _fill(
        self, tokens: list[str], letters: list[str], can_start: list[bool],
        best: list[float], back: list[int], reach: int,
    ) -> None:
        """Fill `best` (the best score of the first n tokens) and `back` (where the last word
        of that segmentation begins); a word is scored by its tokens, sought by its letters."""
        size = len(tokens)
        endings = self.lexicon.suffixes
        scores = self._word_scores
        score_word = self.word_score
        longest = _LONGEST_WORD
        # best[end] and back[end] depend on the first `end` tokens and the gaps between them
        # only, and chains share their first tokens (`m ə hk ə m ə ...`): each prefix is
        # worked out once. A forced join is written in its key as a line break.
        states = self._prefixes.setdefault(reach, {})
        key = ""
        for end in range(1, size + 1):
            key = key + (" " if can_start[end - 1] else "\n") + tokens[end - 1]
            if end < size and not can_start[end]:
                continue
            state = states.get(key)
            if state is not None:
                best[end], back[end] = state
                continue
            word = ""
            tail = ""
            left = reach
            top = -math.inf
            for begin in range(end - 1, max(-1, end - 1 - _MAX_WORD_TOKENS), -1):
                word = tokens[begin] + word
                tail = letters[begin] + tail
                if tail not in endings:
                    left -= 1
                    if left < 0 or len(tail) > longest:
                        break
                if can_start[begin]:
                    score = scores.get(word)
                    if score is None:
                        score = score_word(word)
                    score += best[begin]
                    if score > top:
                        top = score
                        back[end] = begin
            best[end] = top
            states[key] = (top, back[end])

    def word_score(self, token: str) -> float:
        """Log-probability of a candidate word (a join of tokens), punctuation aside."""
        cached = self._word_scores.get(token)
        if cached is not None:
            return cached
        if token.isalpha():  # most candidates: one core, no punctuation
            core = az_lower(token)
            score = self._core_score(core)
            if core not in self.lexicon.counts:
                self._novel.add(token)
        else:
            cores = word_core_list(token)
            score = sum(self._core_score(core) for core in cores)
            if not all(core in self.lexicon.counts for core in cores):
                self._novel.add(token)
        self._word_scores[token] = score
        return score

    def _core_score(self, core: str) -> float:
        lexicon = self.lexicon
        count = lexicon.counts.get(core, 0)
        if count:
            # a known form: its count outweighs the character model by orders of magnitude
            return math.log((1.0 - self.novel_weight) * count / lexicon.total)
        # the patterns' cheap necessary condition first: a glyph doubled, or glyphs only
        if ("əə" in core or "şşş" in core or "ğğğ" in core or not core.strip(SPLIT_GLYPHS)) and (
            _LONE.fullmatch(core) or _DEBRIS.search(core)
        ):
            # glyphs the conversion shuffled out of their words (`ə\n\nə\n\nə`): absorbing
            # them into a neighbour must not look better than leaving them
            return _LONE_GLYPH_COST * sum(map(len, _LONE.findall(core)))
        if core[:OPENING] not in lexicon.prefixes or len(core) > _LONGEST_WORD:
            # no known word starts like this (`vəb`, `iləbağ`): junk, not worth the model's time
            return self._log_novel + _JUNK_CHAR_COST * (len(core) + 1)
        return self._log_novel + lexicon.chars.word_logprob(core)
