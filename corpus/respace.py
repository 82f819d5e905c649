"""Repair of the spaces the PDF conversion put around `ə Ə ş Ş ğ Ğ` in the e-qanun codes.

`Madd ə 355-2. Ə riz ə nin m ə zmunu` -> `Maddə 355-2. Ərizənin məzmunu`: each run of tokens
linked by a stray glyph is re-segmented into the words the corpus knows best.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from corpus.respace_gaps import (
    LONE_LINE,
    ORDINARY_PAIR,
    QUOTES,
    RUN,
    SPLIT,
    GapKind,
    fragment_windows,
    gap_kinds,
    has_bare_quote,
    letter_spaced,
    scrambled_spans,
)

__all__ = ["Respacer", "lexicon_paths", "lone_glyph_ratio", "scrambled_spans"]
from corpus.respace_lexicon import (
    GLYPHS,
    SPLIT_GLYPHS,
    Lexicon,
    clean_tokens,
    has_artefact,
    word_counts,
)
from corpus.respace_segment import NOVEL_WEIGHT, Segmenter

# Texts with no artefact: clean conversions, the DV and social-services laws. The artefacted
# codes add their clean spans (see `clean_tokens`).
CLEAN_SOURCES = (
    "az/codes/competition-code.md",
    "az/codes/family-code.structured.md",
    "az/dv-law/2010-original.eqanun.partial.txt",
    "az/dv-law/2010-original.president.partial.txt",
    "az/dv-law/2024-amending-law.partial.txt",
    "az/social-services-law-2011.partial.txt",
)
CODES_GLOB = "az/codes/*.md"

_LONE = re.compile(f"[{SPLIT_GLYPHS}]+")
_CACHE_LIMIT = 1_000_000


def lexicon_paths(corpus_dir: Path) -> list[Path]:
    """The texts the default lexicon learns from: the clean ones, then every code (whose clean
    spans it takes); never `current-2024/`, the ground truth of the measurement."""
    paths = [corpus_dir / name for name in CLEAN_SOURCES]
    paths += [p for p in sorted(corpus_dir.glob(CODES_GLOB)) if p not in paths]
    return [p for p in paths if p.is_file()]


class Respacer:
    """Re-segments runs of tokens split by stray glyphs into the most probable words.

    A run is the tokens a stray glyph links (`il ə ba ğ lı`); every gap next to the glyph may
    be closed or be a real boundary, and a Viterbi search picks the segmentation whose words
    score best: by their count among the clean words of the corpus, or for a form never seen
    by a character model of those words. So `il ə ba ğ lı` reads `ilə bağlı`, not
    `iləbağ lı`. Only spaces are removed; letter-spaced words (`M a d d ə   1 1 .`) are left
    to the normaliser. Given several lines at once, it also joins the glyphs the conversion
    put on lines of their own (`m\n\nə\n\nhk\n\nə\n\nm\n\nə` -> `məhkəmə`).

    >>> r = Respacer.from_texts(["Ərizənin məzmunu: məişət zorakılığı ilə bağlı hallar."])
    >>> r.repair("Madd ə 355-2. Ə riz ə nin m ə zmunu")
    'Maddə 355-2. Ərizənin məzmunu'
    >>> r.repair_with_count("M ə i şə t  zorakılı ğ ı  il ə ba ğ lı")
    ('Məişət  zorakılığı  ilə bağlı', 9)
    """

    def __init__(self, lexicon: Lexicon, novel_weight: float = NOVEL_WEIGHT) -> None:
        self.lexicon = lexicon
        self.novel_weight = novel_weight
        self._forget()

    def _forget(self) -> None:
        """Empty the memos of runs, chains and scored words (the 15 codes fill ~100,000)."""
        self._runs: dict[str, tuple[str, bool]] = {}
        self._chains: dict[tuple[str, ...], list[bool]] = {}
        self._segmenter = Segmenter(self.lexicon, self.novel_weight)

    def __getstate__(self) -> dict[str, Any]:
        return {"lexicon": self.lexicon, "novel_weight": self.novel_weight}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["lexicon"], state["novel_weight"])  # type: ignore[misc]

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Respacer:
        """Learn word forms from raw texts; artefacted spans in them are skipped, not learnt."""
        tokens: Counter[str] = Counter()
        for text in texts:
            tokens.update(clean_tokens(text))
        return cls.from_token_counts(tokens)

    @classmethod
    def from_token_counts(cls, tokens: Counter[str]) -> Respacer:
        """Built from `clean_tokens` counts, which several processes may count in parallel."""
        return cls(Lexicon.from_counts(word_counts(tokens)))

    @classmethod
    def default(cls, corpus_dir: Path | None = None) -> Respacer:
        """Built from the clean texts and the clean spans of every code in the corpus.

        `current-2024/` is never read: it is the ground truth the repair is measured against.
        """
        if corpus_dir is None:
            from qanun.settings import corpus_dir as configured

            corpus_dir = configured()
        paths = lexicon_paths(corpus_dir)
        return cls.from_texts(p.read_text(encoding="utf-8", errors="replace") for p in paths)

    def repair(self, text: str) -> str:
        """The text with the stray spaces around glyphs removed; anything else byte-identical."""
        return self.repair_with_count(text)[0]

    def repair_with_count(self, text: str) -> tuple[str, int]:
        """The repaired text and the number of spaces removed."""
        if not isinstance(text, str) or not has_artefact(text):
            return text, 0
        return self.repair_artefacted(text)

    def repair_artefacted(self, text: str) -> tuple[str, int]:
        """`repair_with_count` of a text the caller has found an artefact in (the parser
        searches every line once, to know which need the repair at all)."""
        if self._segmenter.memo_size() > _CACHE_LIMIT:
            self._forget()
        try:
            return self._repair(text)
        except Exception:  # the repair is a layer: on any surprise the source text stands
            return text, 0

    def _repair(self, text: str) -> tuple[str, int]:
        pieces: list[str] = []
        count = 0
        done = 0
        windows = fragment_windows(text) if LONE_LINE.search(text) else []
        for start, end in [*windows, (len(text), len(text))]:
            repaired, joins = self._repair_runs(text, done, start)
            pieces.append(repaired)
            count += joins
            if end > start:
                parts = SPLIT.split(text[start:end])
                tokens, seps = parts[0::2], parts[1::2]
                quotes = _quotes_in(text, start) if has_bare_quote(tokens) else 0
                repaired, joins = self._resegment(tokens, seps, gap_kinds(tokens, seps, quotes))
                pieces.append(repaired)
                count += joins
            done = end
        return "".join(pieces), count

    def _repair_runs(self, text: str, start: int, end: int) -> tuple[str, int]:
        """Repair the single-line runs of text[start:end] (`Madd ə 355-2. Ə riz ə nin`).

        Each join removes one single space, so the joins are the characters the text lost.
        """
        segment = text[start:end]
        runs = self._runs
        spaced = letter_spaced(segment, 0, len(segment)) if ORDINARY_PAIR.search(segment) else []
        zone = [0]

        def replace(match: re.Match[str]) -> str:
            run = match.group()
            known = runs.get(run)
            if known is None:
                tokens = run.split(" ")
                seps = [" "] * (len(tokens) - 1)
                if any(quote in run for quote in QUOTES) and has_bare_quote(tokens):
                    # the side a bare quote joins depends on the quotes before it
                    kinds = gap_kinds(tokens, seps, _quotes_in(segment, match.start()))
                    known = (self._resegment(tokens, seps, kinds)[0], _has_single_letter(tokens))
                else:
                    repaired = self._resegment(tokens, seps, gap_kinds(tokens, seps))[0]
                    known = runs[run] = (repaired, _has_single_letter(tokens))
            if known[1] and spaced:
                while zone[0] < len(spaced) and spaced[zone[0]][1] <= match.start():
                    zone[0] += 1
                if zone[0] < len(spaced) and spaced[zone[0]][0] < match.end():
                    return run  # `M a d d ə   1 1 .` is the normaliser's to close up
            return known[0]

        repaired = RUN.sub(replace, segment)
        return repaired, len(segment) - len(repaired)

    def _resegment(
        self, tokens: list[str], seps: list[str], kinds: list[GapKind]
    ) -> tuple[str, int]:
        """Close the gaps that make the best words; forced joins close, cuts stay."""
        joined = [kind == "join" for kind in kinds]
        start = 0
        while start < len(seps):
            if kinds[start] != "free":
                start += 1
                continue
            end = start
            while end < len(seps) and kinds[end] != "cut":
                end += 1
            chain = (*tokens[start : end + 1], *kinds[start:end])
            flags = self._chains.get(chain)
            if flags is None:
                flags = self._chains[chain] = self._segmenter.segment(
                    tokens[start : end + 1], kinds[start:end]
                )
            joined[start:end] = flags
            start = end + 1
        out: list[str] = []
        for k, sep in enumerate(seps):
            out.append(tokens[k])
            if not joined[k]:
                out.append(sep)
        out.append(tokens[-1])
        return "".join(out), sum(joined)

def _has_single_letter(tokens: list[str]) -> bool:
    """Whether a run has a one-letter ordinary token, as letter-spaced words do (`d ə`)."""
    return any(len(token) == 1 and token.isalpha() and token not in GLYPHS for token in tokens)


def _quotes_in(text: str, end: int) -> int:
    """Quote marks in text[:end], counted back to the line start: quotes pair within a line."""
    start = text.rfind("\n", 0, end) + 1
    return sum(text.count(quote, start, end) for quote in QUOTES)


def lone_glyph_ratio(text: str) -> float:
    """Share of whitespace tokens that are a lone `ə`/`ş`/`ğ` (any case), the artefact's trace."""
    tokens = text.split()
    if not tokens:
        return 0.0
    lone = sum(1 for token in tokens if _LONE.fullmatch(token) and len(token) == 1)
    return lone / len(tokens)
