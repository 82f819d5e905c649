"""Amendment history from the footnotes of the consolidated codes: footnote → effects.

A footnote holds one or more effects, each a paragraph that cites the amending law and states
what it did, sometimes followed by the previous wording:

    [432] 16 may 2008-ci il tarixli 607-IIIQD nömrəli Azərbaycan Respublikasının Qanunu (…) ilə
    184.1-ci maddənin sanksiyasında ' şərti maliyyə vahidi … ' sözləri ' yüz manatdan … ' sözləri
    ilə əvəz edilmişdir.
    06 may 2016-cı il tarixli 230-VQD nömrəli … ilə 184.1-ci maddənin sanksiyası yeni redaksiyada
    verilmişdir. əvvəlki redaksiyada deyilirdi: yüz manatdan beş yüz manatadək …
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from typing import Any

from amendments.formulas import parse_formula
from amendments.formulas_clauses import VERB
from amendments.formulas_spacing import rejoin_spaced
from amendments.history_law import CITATION, MONTHS, AmendingLaw, read_citation_span
from amendments.operations import Operation

# `Əvvəlki redaksiyada deyilirdi:` and the misspellings the footnotes carry (`redakisyada`,
# `edaksiyada`, `vv lki`, `redaksiyadad eyilirdi`, `seyilirdi`, `deyilridi`).
PREVIOUS_WORDING = re.compile(
    r"(?:(?:Maddənin|Bəndin|Hissənin|Cümlənin)\s+)?\S*v\s?\S*lki\s+\S*d\S*\s+"
    r"(?:[ds]\s?e\s?y\s?i\s?l\w*|verilmişdir)\s*[:.]?",
    re.IGNORECASE,
)
_PREVIOUS_ANCHOR = re.compile(r"yil|lki\s+r?e?d", re.IGNORECASE)
# An effect starts where a line (or the footnote) starts with a citation of an amending act.
_EFFECT_START = re.compile(r"(?:^|\n)[-\s]*(?:\d{1,2}\.\s+)?(?=" + CITATION.pattern + ")",
                           re.IGNORECASE)

# The end of a citation (`… maddə 761 ) ilə`) on a later line of a paragraph: the source lost
# that citation's beginning, so a new effect starts on that line.
_CUT_CITATION = re.compile(r"\n(?=[^\n]*\)\s*il\s?ə\s+\S)")
_CITATION_TAIL = re.compile(r"\)\s*il\s?ə\s+")
# Formulas that record an act's approval or commencement rather than an amendment.
_NOT_AMENDMENTS = {
    "approval": re.compile(r"\btəsdiq\s+edilmiş(?:dir)?\b"),
    "commencement": re.compile(r"\bqüvvəyə\s+min(?:miş|ir)"),
}
# `(Bu Qanun 2023-cü il aprelin 1-dən qüvvəyə minir.)`: the amending law's commencement.
_COMMENCEMENT = re.compile(
    r"\(Bu Qanun (?P<year>\d{4})-c[iıuü] il (?P<month>[a-zə]+?)(?:ın|in|un|ün) "
    r"(?P<day>\d{1,2})-(?:dən|dan)"
)
# A line holding only a marker: the parser ran the next footnote into this one.
_RUN_ON_MARKER = re.compile(r"^\s*\[(\d+)\]\s*$", re.MULTILINE)
_SEE_ANY = re.compile(r"\s*Bax\b")
_SEE = re.compile(r"^\s*Bax:?\s*(\d+)\s*-?\s*c[iıuü]\s+istinad", re.IGNORECASE)


@dataclass
class Effect:
    """One change recorded in a footnote: which law did what to which provisions.

    `kind` is `amendment`, or `approval` / `commencement` for the footnotes that record how
    the code itself was approved or came into force (they change no wording)."""

    footnote: int
    law: AmendingLaw
    formula: str
    operations: list[Operation] = field(default_factory=list)
    previous_wording: str | None = None
    problems: list[str] = field(default_factory=list)
    kind: str = "amendment"

    @property
    def targets(self) -> list[str]:
        seen: dict[str, None] = {}
        for op in self.operations:
            seen.setdefault(op.target.num, None)
        return list(seen)

    def to_dict(self) -> dict[str, Any]:
        return {
            "footnote": self.footnote,
            "law": {"number": self.law.number, "date": self.law.date, "title": self.law.title},
            "targets": self.targets,
            "operations": [op.to_dict() for op in self.operations],
            "previous_wording": self.previous_wording,
        }


@dataclass
class FootnoteHistory:
    """A footnote read: its effects, and if it could not be read entirely, why not."""

    number: int
    effects: list[Effect] = field(default_factory=list)
    reason: str | None = None
    provisions: list[str] = field(default_factory=list)
    see: int | None = None

    @property
    def parsed(self) -> bool:
        return self.reason is None


def read_footnote(number: int, text: str, act: str) -> FootnoteHistory:
    """Every effect of one footnote; `reason` says why a footnote is not (fully) understood."""
    history = FootnoteHistory(number)
    see = _SEE.match(text)
    if see:
        # `Bax: 22-ci istinad`: the same change as footnote 22; the act level copies it.
        history.see = int(see.group(1))
        return history
    paragraphs = split_effects(text)
    if not paragraphs:
        history.reason = _no_citation_reason(text)
        return history
    context: list[str] | None = None
    for paragraph in paragraphs:
        effect = _read_effect(number, paragraph, act, context)
        if effect is None:
            continue
        history.effects.append(effect)
        context = effect.targets or context
    unread = [e for e in history.effects
              if e.problems or (not e.operations and e.kind == "amendment")]
    if unread:
        first = unread[0]
        reason = first.problems[0] if first.problems else "the formula states no operation"
        history.reason = f"{first.law.number}: {reason}"
    return history


def split_run_on(number: int, text: str) -> list[tuple[int, str]]:
    """`[9]` whose text holds a line `[10]` and footnote 10's body → both footnotes."""
    parts: list[tuple[int, str]] = []
    current, start = number, 0
    for marker in _RUN_ON_MARKER.finditer(text):
        parts.append((current, text[start:marker.start()]))
        current, start = int(marker.group(1)), marker.end()
    parts.append((current, text[start:]))
    return [(n, t.strip()) for n, t in parts]


def split_effects(text: str) -> list[str]:
    """The effect paragraphs of a footnote, each starting with its citation; a paragraph whose
    citation the source cut off (a line `… maddə 761 ) ilə 246-cı maddədə …`) stands alone."""
    matches = list(_EFFECT_START.finditer(text))
    if not matches:
        return []
    ends = [m.start() for m in matches[1:]] + [len(text)]
    paragraphs = []
    for match, end in zip(matches, ends, strict=True):
        paragraphs += _split_cut_citations(text[match.end():end].strip())
    return paragraphs


def _split_cut_citations(paragraph: str) -> list[str]:
    marker = _previous_wording(paragraph)
    head_end = marker.start() if marker else len(paragraph)
    own = _CITATION_TAIL.search(paragraph)  # the paragraph's own citation may wrap lines
    if own is None:
        return [paragraph]
    cuts = [m.start() + 1 for m in _CUT_CITATION.finditer(paragraph, own.end(), head_end)]
    bounds = [0, *cuts, len(paragraph)]
    return [paragraph[a:b].strip() for a, b in itertools.pairwise(bounds) if paragraph[a:b].strip()]


def _read_effect(number: int, paragraph: str, act: str, context: list[str] | None) -> Effect | None:
    previous = None
    marker = _previous_wording(paragraph)
    if marker:
        previous = " ".join(paragraph[marker.end():].split()) or None
        paragraph = paragraph[:marker.start()]
    paragraph = _lower_if_shouted(rejoin_spaced(paragraph))
    found = read_citation_span(paragraph) or _cut_citation(paragraph)
    if found is None:
        return None
    law, start = found
    body = paragraph[start:]
    formula = " ".join(body.split())
    effect = Effect(number, law, formula, previous_wording=previous)
    if not formula:
        effect.problems.append("names the amending act but states no change")
        return effect
    for kind, pattern in _NOT_AMENDMENTS.items():
        if pattern.search(formula) and not _has_amending_verb(formula):
            effect.kind = kind
            return effect
    parsed = parse_formula(formula, act, context)
    commencement = _commencement(formula)
    effect.operations = [replace(op, commencement=commencement) for op in parsed.operations] \
        if commencement else parsed.operations
    effect.problems = parsed.problems
    return effect


def _lower_if_shouted(text: str) -> str:
    """A few footnotes are printed in capitals (`… ILƏ MƏCƏLLƏYƏ … ƏLAVƏ EDILMIŞDIR`)."""
    if not text[:200].isupper():
        return text
    return text.replace("İ", "I").lower()


def _previous_wording(paragraph: str) -> re.Match[str] | None:
    """Where `Əvvəlki redaksiyada deyilirdi:` is; the search starts near a cheap anchor."""
    anchor = _PREVIOUS_ANCHOR.search(paragraph)
    return PREVIOUS_WORDING.search(paragraph, max(0, anchor.start() - 80)) if anchor else None


def _cut_citation(paragraph: str) -> tuple[AmendingLaw, int] | None:
    """The law of a paragraph whose citation is cut off is unknown; its formula is not."""
    tail = _CITATION_TAIL.search(paragraph)
    if tail is None:
        return None
    return AmendingLaw("", "", "(the citation is cut off in the source)"), tail.end()


def _has_amending_verb(formula: str) -> bool:
    return VERB.search(formula) is not None


def _commencement(formula: str) -> str | None:
    match = _COMMENCEMENT.search(formula)
    if not match:
        return None
    month = next((i for i, m in enumerate(MONTHS, 1) if match["month"].startswith(m)), None)
    if month is None:
        return None
    return f"{match['year']}-{month:02d}-{int(match['day']):02d}"


def _no_citation_reason(text: str) -> str:
    if not text.strip():
        return "empty footnote"
    if _SEE_ANY.match(text):
        return "a cross-reference (Bax: …), not an amendment"
    return "cites no amending act (no `… tarixli … nömrəli …`)"
