"""Measuring the space repair against the clean provisions of `current-2024/`.

A provision counts as unchanged when its text, stripped of every space and footnote marker,
is the same in the artefacted code and in the 2024 text; on those, every clean word must come
back with the same characters at the same place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# `## Madd ə 355-2.`, `## M a d d ə   1 2 0 .`, `Maddə 157.`
_ARTICLE = re.compile(r"^(?:#+\s*|-\s*)?M\s?a\s?d\s?d\s?[əƏ]\s+((?:\d\s?)+(?:-\s?\d+)*)\s?\.")
# `355-1.1.`, `- 233.1.`, `120.2.12.`
_POINT = re.compile(r"^(?:#+\s*|-\s*)?(\d+(?:-\d+)?(?:\.\d+(?:-\d+)?)+)\.(?=\s|$)")
_FOOTNOTE = re.compile(r"\s*\[\d+\]")
_SPACE = re.compile(r"\s+")

# Ground truth file -> the artefacted code it comes from.
GROUND_TRUTH = {
    "current-2024/civil-procedure-code.ch40-1.txt": "codes/civil-procedure-code.md",
    "current-2024/criminal-code.dv-articles.txt": "codes/criminal-code.md",
    "current-2024/administrative-offences-code.art157-158.txt": "codes/administrative-offences-code.md",
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


def _word_spans(text: str) -> set[tuple[int, int]]:
    spans = set()
    offset = 0
    for word in _FOOTNOTE.sub("", text).split():
        spans.add((offset, offset + len(word)))
        offset += len(word)
    return spans


@dataclass
class WordAccuracy:
    """Words of the unchanged provisions of one ground-truth file, and how many came back."""

    source: str
    provisions: int
    words: int
    correct: int
    errors: list[tuple[str, str]]

    @property
    def ratio(self) -> float:
        return self.correct / self.words if self.words else 1.0


def measure(
    corpus_dir: Path, repair: Callable[[str], str], truth_name: str, code_name: str
) -> WordAccuracy:
    """Word accuracy of `repair` on the provisions of `code_name` unchanged in `truth_name`."""
    clean = provisions((corpus_dir / "az" / truth_name).read_text(encoding="utf-8"))
    raw_text = (corpus_dir / "az" / code_name).read_text(encoding="utf-8", errors="replace")
    raw = provisions(raw_text)
    total = correct = count = 0
    errors: list[tuple[str, str]] = []
    for key, clean_text in clean.items():
        raw_prov = raw.get(key)
        if raw_prov is None or _squeeze(raw_prov) != _squeeze(clean_text):
            continue
        count += 1
        repaired = repair(raw_prov)
        want = _word_spans(clean_text)
        got = _word_spans(repaired)
        total += len(want)
        correct += len(want & got)
        if want != got:
            errors.append((clean_text, repaired))
    return WordAccuracy(truth_name, count, total, correct, errors)


def measure_all(corpus_dir: Path, repair: Callable[[str], str]) -> list[WordAccuracy]:
    """`measure` over every ground-truth file."""
    return [measure(corpus_dir, repair, truth, code) for truth, code in GROUND_TRUTH.items()]
