"""Replay as a quality figure: word-level effects applied to the wording before them must give
the wording after them.

The wording before an effect is its previous wording (`Əvvəlki redaksiyada deyilirdi: …`) when
the footnote gives it, or the text the preceding word-level effects produced. The wording after
it is the next effect's previous wording; or what a later restatement of the enclosing article
replaced; or the current text of the provision, for the last change, with each later change
undone back to this one. When only the wording after is known, the wording before is rebuilt by
undoing the operation (the new words must be there, once) and the replay then checks that the
old words could only have been at that place. Where the wording before cannot be rebuilt (the
new words are not in the wording after, or not once) the effect is not replayable, as the issue
defines it; its check says why and the reports count it apart (`not_rebuilt`). A change the
parser could not read stops the rebuilding: what lies before it is unknown.

Texts compare equal but for what the PDF conversion changed: spacing, the hyphens it dropped
from ordinals (`11.1ci`) and compound words (`cinayəthüquqi`), and the straight quotes of law
titles that footnotes merge into their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from amendments.apply import AmbiguousWords, ApplyError, apply_words, find_words
from amendments.history import Effect
from amendments.history_act import ActHistory
from amendments.operations import WORD_LEVEL, DeleteWords, InsertWords, Operation, SubstituteWords
from corpus.model import Act, Provision

_GLUED_ORDINAL = re.compile(r"(\d)-(c[iıuü])")
_COMPOUND_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
# What the PDF conversion left in a text that no formula can match: a lone `ə`/`ş`/`ğ`, a word
# broken before its suffix (`orqan ın`), a run of letters torn apart (`iki il m t üzr`), or a
# number spaced out (`3 0 8 . 1 .`).
_ARTEFACT = re.compile(
    r"(?<!\S)[əşğƏŞĞ]{1,2}(?![^\s.,;:])|\w (?:ın|in|un|ün|ı|i)\b(?!-)"
    r"|(?:(?<!\S)[^\W\d](?!\S)\s*){2,}|(?:\d \.? ?){3,}"
)
# A provision's number opening a unit inside run-together lines: `137.2. Zor tətbiq …`.
_LEADING_NUMBER = re.compile(r"(?<!\S)(\d+(?:[.-]\d+)*)\.(?=\s)")
# A previous wording starts with the provision's number or an article heading, which the
# provision's own text does not repeat: `28.4.1. …`, `M a d d ə 1 3 . Heading`.
_NUMBER_PREFIX = re.compile(r"^\s*(?:M\s*a\s*d\s*d\s*ə\s*)?[\d\s.\-]+?\.\s+(?=\S)")


UNREBUILT = "not rebuilt"


@dataclass
class ReplayCheck:
    """One comparison: effects replayed from a known wording to the next known wording."""

    eid: str
    effects: list[Effect]
    source: str  # "given" (previous wording), "rebuilt", or UNREBUILT (not replayable)
    ok: bool
    reason: str = ""
    expected: str = ""
    got: str = ""

    artefact: bool = False

    @property
    def cause(self) -> str:
        if self.artefact:
            return "artefact"
        if "occur" in self.reason:
            return "ambiguous"
        return "not found" if "not in the text" in self.reason else "differs"

    def to_dict(self) -> dict[str, Any]:
        return {"eid": self.eid, "footnotes": sorted({e.footnote for e in self.effects}),
                "source": self.source, "ok": self.ok, "reason": self.reason,
                "cause": None if self.ok else self.cause}


@dataclass
class ReplayReport:
    """Every replay check of an act; the figures count effects, not checks."""

    checks: list[ReplayCheck] = field(default_factory=list)

    @property
    def replayable(self) -> int:
        return sum(len(c.effects) for c in self.checks if c.source != UNREBUILT)

    @property
    def replay_ok(self) -> int:
        return sum(len(c.effects) for c in self.checks if c.ok)

    @property
    def not_rebuilt(self) -> int:
        """Word-level effects whose wording before could not be rebuilt from the wording after
        (mostly where the consolidated text does not show the change the footnote records)."""
        return sum(len(c.effects) for c in self.checks if c.source == UNREBUILT)

    def failures_by_cause(self) -> dict[str, int]:
        """Failed effects by cause: `ambiguous` (the words occur more than once), `not found`,
        `differs`; `artefact` when the provision's text still shows the PDF conversion's split
        words (`dildikd olmayaraq törə ə`), which no formula can match."""
        causes: dict[str, int] = {}
        for check in self.checks:
            if not check.ok and check.source != UNREBUILT:
                causes[check.cause] = causes.get(check.cause, 0) + len(check.effects)
        return causes


def replay_act(act: Act, history: ActHistory) -> ReplayReport:
    """Replay every provision's chain of effects; see the module docstring."""
    report = ReplayReport()
    index = act.index()
    for eid, effects in history.by_eid.items():
        provision = index.get(eid)
        if provision is None or not provision.is_numbered:
            continue
        chain = sorted(_unique(effects), key=lambda e: e.law.date)
        checks = replay_provision(provision, chain, _overwrites(history, provision))
        if any(not c.ok for c in checks) and _ARTEFACT.search(current_wording(provision)):
            for check in checks:
                check.artefact = not check.ok
        report.checks += checks
    return report


def replay_provision(
    provision: Provision, chain: list[Effect], overwrites: list[Overwrite] | None = None
) -> list[ReplayCheck]:
    """Checks for one provision's text (its heading is a separate wording, not replayed).

    `overwrites` are the later restatements of the article (or paragraph) it belongs to: the
    wording after an effect is what such a restatement replaced, not the current text."""
    overwrites = sorted(overwrites or [], key=lambda o: o[0])
    checks: list[ReplayCheck] = []
    known: str | None = None
    pending: list[Effect] = []
    afters = _afters(chain, provision, overwrites)
    for position, effect in enumerate(chain):
        # An effect whose law (and so date) the source lost has no place in the chain.
        ops = _own_ops(effect, provision) if effect.law.date else None
        if effect.previous_wording and ops is not None:
            known, pending = _strip_number(effect.previous_wording), []
        elif effect.previous_wording:
            known, pending = None, []
        if ops is None or not ops:
            known, pending = None, []
            continue
        after = afters[position]
        if known is None:
            if after is not None and _rebuildable(ops):
                checks.append(_rebuilt(provision.eid, effect, ops, after))
            continue
        pending.append(effect)
        try:
            known = _apply_all(ops, known)
        except ApplyError as error:
            checks.append(ReplayCheck(provision.eid, pending, "given", False, str(error)))
            known, pending = None, []
            continue
        if after is not None:
            # A previous wording may hold the provision's own text only, without its points.
            ok = _same(known, after) or _same(known, _without_points(after, provision.num))
            reason = "" if ok else "replayed wording differs from the wording after"
            checks.append(ReplayCheck(provision.eid, pending, "given", ok, reason, after, known))
            known, pending = after, []
    return checks


# A later restatement of an enclosing provision: its date, and what it replaced of this one
# (None when the footnote does not give the previous wording, or it lacks this provision).
Overwrite = tuple[str, str | None]


def _overwrites(history: ActHistory, provision: Provision) -> list[Overwrite]:
    """`137.1` in `137-ci maddə yeni redaksiyada verilmişdir. Əvvəlki redaksiyada deyilirdi: …
    137.1. … dörd min manatdan səkkiz min manatadək …`: the 2022 restatement of Article 137 is
    the wording after the 2017 change to 137.1."""
    parts = provision.eid.split("__")
    found: list[Overwrite] = []
    for depth in range(1, len(parts)):
        ancestor = "__".join(parts[:depth])
        for effect in history.by_eid.get(ancestor, []):
            replaces = any(op.target.eid == ancestor and op.kind not in WORD_LEVEL
                           and op.target.unit != "heading" for op in effect.operations)
            if effect.law.date and replaces:
                wording = effect.previous_wording
                found.append((effect.law.date, wording and _slice(wording, provision.num)))
    return found


def _slice(wording: str, num: str) -> str | None:
    """The words of `num` (and of its points) in the previous wording of an enclosing
    provision, without its number; the footnotes run its lines together and may letter-space
    the number (`1 3 7 . 1 .`)."""
    head = re.compile(r"(?<!\S)" + r"\s?".join(map(re.escape, num)) + r"\s?\.(?=\s)")
    start = head.search(wording)
    if start is None:
        return None
    end = len(wording)
    for number in _LEADING_NUMBER.finditer(wording, start.end()):
        if not number.group(1).startswith(num + "."):
            end = number.start()
            break
    return wording[start.end():end].strip() or None


def _own_ops(effect: Effect, provision: Provision) -> list[Operation] | None:
    """The effect's word-level operations on this provision's text; None when the effect does
    something else to it (restates, repeals, changes the heading), [] when it does nothing."""
    if not effect.operations and effect.kind == "amendment":
        return None  # a change the footnote names but the parser could not read
    ops = [op for op in effect.operations
           if op.target.num == provision.num and not (op.target.unit or "").startswith("chapter")]
    if any(op.kind not in WORD_LEVEL or op.target.unit == "heading" for op in ops):
        return None
    if effect.problems and not ops:
        return None  # what the parser could not read of it may have changed this provision
    if any(getattr(op, "declined", False) for op in ops):
        return None
    return ops


def _afters(
    chain: list[Effect], provision: Provision, overwrites: list[Overwrite]
) -> list[str | None]:
    """The wording after each effect of the chain, from the last one back: what a restatement
    of the enclosing article replaced before the next effect, the next effect's previous
    wording, or the wording after the next effect with that effect undone (and redone to the
    same text); None where it cannot be known."""
    afters: list[str | None] = [None] * len(chain)
    for position in reversed(range(len(chain))):
        afters[position] = _after(chain, position, provision, overwrites,
                                  afters[position + 1] if position + 1 < len(chain) else None)
    return afters


def _after(
    chain: list[Effect],
    position: int,
    provision: Provision,
    overwrites: list[Overwrite],
    later: str | None,
) -> str | None:
    since = chain[position].law.date
    until = chain[position + 1].law.date if position + 1 < len(chain) else None
    for when, wording in overwrites:
        if when > since and (until is None or when <= until):
            return wording
    if position + 1 == len(chain):
        return current_wording(provision)
    nxt = chain[position + 1]
    ops = _own_ops(nxt, provision) if nxt.law.date else None
    if nxt.previous_wording and ops is not None:
        return _strip_number(nxt.previous_wording)
    if ops == []:
        return later  # the next effect leaves this provision as it was
    if not ops or later is None or not _rebuildable(ops):
        return None
    try:
        before = _undo_all(ops, later)
        if not _same(_apply_all(ops, before), later):
            return None
    except ApplyError:
        return None
    return before


def _rebuilt(eid: str, effect: Effect, ops: list[Operation], after: str) -> ReplayCheck:
    """The check of an effect whose wording before is rebuilt from the wording after; when it
    cannot be (the new words are not there, or occur more than once so which of them the
    amendment put there is unknown), the effect is not replayable and the check says why."""
    try:
        before = _undo_all(ops, after)
    except ApplyError as error:
        return ReplayCheck(eid, [effect], UNREBUILT, False, str(error), after)
    try:
        replayed = _apply_all(ops, before)
    except ApplyError as error:
        return ReplayCheck(eid, [effect], "rebuilt", False, str(error))
    ok = _same(replayed, after)
    reason = "" if ok else "replayed wording differs from the current wording"
    return ReplayCheck(eid, [effect], "rebuilt", ok, reason, after, replayed)


def _rebuildable(ops: list[Operation]) -> bool:
    """Deleted words cannot be put back without the previous wording: where were they?"""
    return not any(isinstance(op, DeleteWords) for op in ops)


def _inverse(op: Operation) -> Operation:
    """The operation that undoes `op` on the wording after it."""
    if isinstance(op, SubstituteWords):
        if op.target.unit == "end":
            return SubstituteWords(target=op.target, old=op.new, new=op.old)
        return SubstituteWords(target=op.target, old=op.new, new=op.old, occurrence=None)
    if isinstance(op, InsertWords):
        return SubstituteWords(target=op.target, old=_inserted(op), new=op.anchor)
    raise ApplyError(f"{op.kind} cannot be undone without the previous wording")


def _inserted(op: InsertWords) -> str:
    """The anchor with the inserted words beside it: what the wording after must contain."""
    if op.position == "after":
        joiner = "" if op.new.startswith((",", ";", ".")) else " "
        return f"{op.anchor}{joiner}{op.new}"
    return f"{op.new} {op.anchor}"


def _undo_all(ops: list[Operation], text: str) -> str:
    for op in reversed(ops):
        try:
            text = apply_words(_inverse(op), text)
        except ApplyError as error:
            if not (isinstance(op, InsertWords) and op.position == "after"):
                raise
            text = _undo_listed(op, text, error)
    return text


def _undo_listed(op: InsertWords, text: str, error: ApplyError) -> str:
    """Undo an item inserted into an enumeration with the comma the formula implies
    (`insertion_lead`); when that is not in the text either, the first reason stands."""
    listed = SubstituteWords(target=op.target, old=f"{op.anchor}, {op.new}", new=op.anchor,
                             occurrence=None)
    try:
        return apply_words(listed, text)
    except AmbiguousWords:
        raise
    except ApplyError:
        raise error from None


def _apply_all(ops: list[Operation], text: str) -> str:
    for op in ops:
        text = apply_words(op, text)
    return text


def current_wording(provision: Provision) -> str:
    """The provision's text; with its points when it has them, since a sanction often follows
    the last point (`192.2. Eyni əməllər: 192.2.1. … — … ilə cəzalandırılır`)."""
    return provision.full_text() if provision.children else provision.text


def _without_points(wording: str, num: str) -> str:
    """The provision's own words: `158.2. … daxildir:` without `158.2.1. …` and what follows."""
    return wording.split(f"\n{num}.", 1)[0]


def _same(a: str, b: str) -> bool:
    """Equal but for whitespace (the codes print `törədildikdə ;` for `törədildikdə;`) and the
    hyphens the conversion dropped: from ordinal numbers (`11.1ci` for `11.1-ci`) and from
    compound words (`cinayəthüquqi` for `cinayət-hüquqi`)."""
    return _canonical(a) == _canonical(b)


def _canonical(text: str) -> str:
    text = _GLUED_ORDINAL.sub(r"\1\2", "".join(text.split()).replace("'", ""))
    return _COMPOUND_HYPHEN.sub("", text)  # after the spaces: `inzibati -iqtisadi` too


def _strip_number(wording: str) -> str:
    return _NUMBER_PREFIX.sub("", wording, count=1).strip()


def _unique(effects: list[Effect]) -> list[Effect]:
    """Each effect once, and one law's change once though two footnotes record it (the codes
    repeat an entry under a neighbouring article: CC footnotes 243 and 850 both give the
    2008 change to 139.1)."""
    seen: set[object] = set()
    unique = []
    for effect in effects:
        key = (effect.law.number, effect.law.date, effect.formula) \
            if effect.law.number and effect.operations else id(effect)
        if key not in seen:
            seen.add(key)
            unique.append(effect)
    return unique


__all__ = [
    "UNREBUILT", "ReplayCheck", "ReplayReport", "find_words", "replay_act", "replay_provision"
]
