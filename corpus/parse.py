"""One file of the corpus → an `Act`: read, normalise, build the tree, then the repair layer.

`parse_act` never raises on text: any string yields an act and its diagnostics. The repair layer
keeps the source wording in `raw_text` and writes the repaired wording to `text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.ids import frbr_for
from corpus.manifest import Entry
from corpus.model import Act, Diagnostic, Footnote, Provision
from corpus.normalize import fold_spaces, normalize_lines
from corpus.respace import Respacer, scrambled_spans
from corpus.respace_lexicon import has_artefact
from corpus.structure import Parsed, parse_lines

_MARKER = re.compile(r"\s*\[\d+\]")
_COURT_MARK = re.compile(r"\s*\bKMQ\s?\d+\b")
_TRAILER_KEYS = (
    ("source_documents", "mənbə"),
    ("amending_laws", "dəyişiklik"),
    ("amending_laws", "dəyişikliklər etmiş"),
    ("court_decisions", "konstitusiya"),
    ("approval", "approval"),
)


def parse_act(source: str, entry: Entry, respacer: Respacer) -> Act:
    """Parse the text of one manifest entry.

    >>> from corpus.manifest import Entry
    >>> respacer = Respacer.from_texts(["Maddə məişət"])
    >>> act = parse_act("Maddə 1. Ad\\n1.1. Mətn.", Entry("x", "x.txt", "az"), respacer)
    >>> act.find("1.1").text
    'Mətn.'
    """
    return repair_act(parse_structure(source, entry), respacer)


@dataclass
class Draft:
    """An act whose tree is built but whose repair layer is not applied yet: the two stages can
    run apart (the corpus build counts the lexicon's words while the trees are built)."""

    act: Act
    parsed: Parsed


def parse_structure(source: str, entry: Entry) -> Draft:
    """Normalise and build the tree; `text` stays empty until `repair_act`."""
    diagnostics: list[Diagnostic] = []
    parsed = parse_lines(normalize_lines(source, diagnostics), diagnostics)
    return Draft(_act_shell(entry, parsed), parsed)


def repair_act(draft: Draft, respacer: Respacer) -> Act:
    """Apply the repair layer, link the footnotes, report what is missing."""
    act = draft.act
    joins = _repair(act, draft.parsed, respacer)
    if joins:
        act.diagnostics.append(Diagnostic(0, f"{joins} words split by spaces around ə ş ğ",
                                          "joined them in `text`; `raw_text` keeps the source",
                                          "respace"))
    _link_footnotes(act)
    if not act.articles():
        act.diagnostics.append(Diagnostic(0, "no article found", "kept the text as preamble",
                                          "no-articles"))
    return act


def _act_shell(entry: Entry, parsed: Parsed) -> Act:
    frbr = frbr_for(kind=entry.kind, act_id=entry.id, number=entry.number, date=entry.date,
                    language=entry.language)
    return Act(
        work_id=entry.id, frbr_work=frbr.work, frbr_expression=frbr.expression,
        language=entry.language, kind=entry.kind, title=entry.title, title_en=entry.title_en,
        number=entry.number, date=entry.date, expression=entry.expression,
        complete=entry.complete, path=entry.path, body=parsed.body, footnotes=parsed.footnotes,
        metadata=_metadata(parsed), diagnostics=parsed.diagnostics,
    )


def _metadata(parsed: Parsed) -> dict[str, list[str]]:
    metadata: dict[str, list[str]] = {"title_lines": parsed.title_lines}
    for heading, lines in parsed.trailer.items():
        lowered = heading.replace("İ", "i").lower()
        key = next((k for k, word in _TRAILER_KEYS if word in lowered), "other")
        metadata.setdefault(key, []).extend(lines)
    return metadata


def _repair(act: Act, parsed: Parsed, respacer: Respacer) -> int:
    joins, scrambled = 0, 0

    def clean(text: str) -> str:
        nonlocal joins, scrambled
        if not has_artefact(text):
            return fold_spaces(text)  # no glyph stands alone: nothing to join or set aside
        repaired, count = respacer.repair_artefacted(text)
        joins += count
        # glyphs the PDF shuffled out of their words (`görə ə ə ə ş ə`): no join restores
        # them, so `text` leaves them out and `raw_text` keeps them
        for start, end in reversed(scrambled_spans(repaired)):
            repaired = repaired[:start] + " " + repaired[end:]
            scrambled += 1
        return fold_spaces(repaired)

    for provision in act.walk():
        provision.raw_text = provision.raw_text.strip()
        text = _unmarked(provision.raw_text)
        # a line has an artefact only where the whole text has one: one search spares most
        # provisions a search a line
        lines = text.split("\n")
        if has_artefact(text):
            provision.text = "\n".join(map(clean, lines))
        else:
            provision.text = "\n".join(map(fold_spaces, lines))
        if provision.heading:  # most provisions (the points) have none
            provision.heading = clean(_unmarked(provision.heading))
    act.preamble = clean(_unmarked(parsed.preamble))
    for footnote in act.footnotes:
        footnote.text = "\n".join(clean(line) for line in footnote.text.split("\n"))
    if scrambled:
        act.diagnostics.append(Diagnostic(0, f"{scrambled} runs of glyphs shuffled out of their "
                                          "words", "left them out of `text`; `raw_text` keeps "
                                          "them", "scrambled"))
    return joins


def _unmarked(text: str) -> str:
    """The text without footnote markers `[12]` and court-decision markers `KMQ1`."""
    if "[" in text:
        text = _MARKER.sub("", text)
    return _COURT_MARK.sub("", text) if "KMQ" in text else text


def _link_footnotes(act: Act) -> None:
    """Each footnote learns which provisions carry its marker; a marker with no body and a body
    with no marker are reported."""
    by_number: dict[int, Footnote] = {}
    for footnote in act.footnotes:
        if footnote.number in by_number:
            act.diagnostics.append(Diagnostic(footnote.line, f"footnote [{footnote.number}] "
                                              "appears twice", "kept both", "footnote-duplicate"))
        by_number.setdefault(footnote.number, footnote)
    carriers: dict[int, list[Provision]] = {}
    for provision in act.walk():
        for number in provision.footnotes:
            carriers.setdefault(number, []).append(provision)
    for number, provisions in carriers.items():
        if number in by_number:
            by_number[number].provisions = [p.eid for p in provisions]
        elif act.footnotes:
            act.diagnostics.append(Diagnostic(provisions[0].line,
                                              f"marker [{number}] has no footnote body",
                                              "kept the marker", "footnote-missing"))
