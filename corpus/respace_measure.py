"""Measuring the space repair against the clean provisions of `current-2024/`.

A provision counts as unchanged when its text, stripped of every space and footnote marker,
is the same in the artefacted code and in the 2024 text; on those, every clean word must come
back with the same characters at the same place. Provisions that differ only a little (90%
alike) add the words of the stretches the two texts share.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from corpus.respace_gaps import letter_spaced, scrambled_spans
from corpus.respace_lexicon import SPLIT_GLYPHS

# `## Madd ə 355-2.`, `## M a d d ə   1 2 0 .`, `Maddə 157.`
_ARTICLE = re.compile(r"^(?:#+\s*|-\s*)?M\s?a\s?d\s?d\s?[əƏ]\s+((?:\d\s?)+(?:-\s?\d+)*)\s?\.")
# `355-1.1.`, `- 233.1.`, `120.2.12.`
_POINT = re.compile(r"^(?:#+\s*|-\s*)?(\d+(?:-\d+)?(?:\.\d+(?:-\d+)?)+)\.(?=\s|$)")
_FOOTNOTE = re.compile(r"\s*\[\d+\]")
_SPACE = re.compile(r"\s+")
# Provisions whose squeezed texts are at least this similar are the same provision, lightly
# amended or typeset differently (`—` for `-`).
SIMILAR = 0.9

# Ground truth file -> the artefacted code it comes from.
GROUND_TRUTH = {
    "current-2024/civil-procedure-code.ch40-1.txt": "codes/civil-procedure-code.md",
    "current-2024/criminal-code.dv-articles.txt": "codes/criminal-code.md",
    "current-2024/administrative-offences-code.art157-158.txt": (
        "codes/administrative-offences-code.md"
    ),
}


def provisions(text: str) -> dict[str, str]:
    """Provision text by number (`art 355-2`, `355-2.1`), continuation lines included.

    The first occurrence wins: later ones are previous wordings quoted in footnotes.
    """
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        article = _ARTICLE.match(line)
        point = None if article else _POINT.match(line)
        if article or point:
            match = article or point
            assert match is not None
            number = re.sub(r"\s", "", match.group(1))
            key = f"art {number}" if article else number
            current = None if key in found else found.setdefault(key, [])
            if current is not None:
                current.append(line[match.end() :])
            continue
        if current is not None and line.strip() and not line.lstrip().startswith("#"):
            current.append(line)
    return {key: " ".join(lines) for key, lines in found.items()}


def _squeeze(text: str) -> str:
    return _SPACE.sub("", _FOOTNOTE.sub("", text))


def _word_spans(text: str) -> list[tuple[int, int]]:
    """Each word's span in the text with spaces and footnote markers removed."""
    spans = []
    offset = 0
    for word in _FOOTNOTE.sub("", text).split():
        spans.append((offset, offset + len(word)))
        offset += len(word)
    return spans


@dataclass
class WordAccuracy:
    """Words of the matching provisions of one ground-truth file, and how many came back.

    `unchanged` counts provisions whose text is the same letter for letter (spaces and
    footnote markers aside); `similar` ones differ a little (a dash, an amended phrase): there
    only the words inside the stretches both texts share are counted.
    """

    source: str
    unchanged: int
    similar: int
    words: int
    correct: int
    unchanged_words: int
    unchanged_correct: int
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.correct / self.words if self.words else 1.0

    @property
    def unchanged_ratio(self) -> float:
        return self.unchanged_correct / self.unchanged_words if self.unchanged_words else 1.0


def measure(
    corpus_dir: Path, repair: Callable[[str], str], truth_name: str, code_name: str
) -> WordAccuracy:
    """Word accuracy of `repair` on the provisions of `code_name` that match `truth_name`."""
    clean = provisions((corpus_dir / "az" / truth_name).read_text(encoding="utf-8"))
    raw_text = (corpus_dir / "az" / code_name).read_text(encoding="utf-8", errors="replace")
    raw = provisions(raw_text)
    result = WordAccuracy(truth_name, 0, 0, 0, 0, 0, 0)
    for key, clean_text in clean.items():
        raw_prov = raw.get(key)
        if raw_prov is None:
            continue
        want_text, have_text = _squeeze(clean_text), _squeeze(raw_prov)
        matcher = SequenceMatcher(a=want_text, b=have_text, autojunk=False)
        same = want_text == have_text
        if not same and matcher.ratio() < SIMILAR:
            continue
        repaired = repair(raw_prov)
        got = set(_word_spans(repaired))
        words = correct = 0
        missed: list[str] = []
        for block in matcher.get_matching_blocks():
            shift = block.b - block.a
            for begin, end in _word_spans(clean_text):
                if begin >= block.a and end <= block.a + block.size:
                    words += 1
                    if (begin + shift, end + shift) in got:
                        correct += 1
                    else:
                        missed.append(want_text[begin:end])
        result.words += words
        result.correct += correct
        if same:
            result.unchanged += 1
            result.unchanged_words += words
            result.unchanged_correct += correct
        else:
            result.similar += 1
        if missed:
            result.errors.append((clean_text, repaired))
    return result


def measure_all(corpus_dir: Path, repair: Callable[[str], str]) -> list[WordAccuracy]:
    """`measure` over every ground-truth file."""
    return [measure(corpus_dir, repair, truth, code) for truth, code in GROUND_TRUTH.items()]


_LONE_TOKEN = re.compile(f"[{SPLIT_GLYPHS}]")
_DEBRIS_TOKEN = re.compile(r"[^\w\s]*[əƏşŞğĞİ]+[^\w\s]*|\[\d+\]|#+|-")


@dataclass
class LoneGlyphs:
    """Lone `ə`/`ş`/`ğ` tokens left in a text, by where they stand.

    `letter_spaced` ones belong to words like `M a d d ə`, which the normaliser closes up;
    `scrambled` ones stand on lines of glyphs only, where the PDF shuffled the glyphs out of
    their words (`ə\\n\\nə\\n\\nş\\n\\nə`) and no word is left to restore. `other` is the rest:
    what the repair missed.
    """

    tokens: int
    letter_spaced: int
    scrambled: int
    other: int

    @property
    def total(self) -> int:
        return self.letter_spaced + self.scrambled + self.other

    @property
    def ratio(self) -> float:
        return self.total / self.tokens if self.tokens else 0.0

    @property
    def other_ratio(self) -> float:
        return self.other / self.tokens if self.tokens else 0.0


def lone_glyphs(text: str) -> LoneGlyphs:
    """Count the lone glyph tokens of `text` by where they stand."""
    spaced = letter_spaced(text, 0, len(text))
    shuffled = scrambled_spans(text)
    result = LoneGlyphs(len(text.split()), 0, 0, 0)
    zone = 0
    offset = 0
    for line in text.split("\n"):
        tokens = line.split()
        scrambled = bool(tokens) and all(_DEBRIS_TOKEN.fullmatch(t) for t in tokens)
        for match in re.finditer(r"\S+", line):
            if not _LONE_TOKEN.fullmatch(match.group()):
                continue
            where = offset + match.start()
            while zone < len(spaced) and spaced[zone][1] <= where:
                zone += 1
            if zone < len(spaced) and spaced[zone][0] <= where:
                result.letter_spaced += 1
            elif scrambled or any(begin <= where < end for begin, end in shuffled):
                result.scrambled += 1
            else:
                result.other += 1
        offset += len(line) + 1
    return result
