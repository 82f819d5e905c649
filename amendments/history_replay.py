"""Replay as a quality figure: word-level effects applied to the wording before them must give
the wording after them.

The wording before an effect is its previous wording (`Əvvəlki redaksiyada deyilirdi: …`) when
the footnote gives it, or the text the preceding word-level effects produced; the wording after
it is the next effect's previous wording, or the current text of the provision when it is the
last change. When only the wording after is known, the wording before is rebuilt by undoing the
operation (the new words must be there, once) and the replay then checks that the old words
could only have been at that place.
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

# A previous wording starts with the provision's number or an article heading, which the
# provision's own text does not repeat: `28.4.1. …`, `M a d d ə 1 3 . Heading`.
_SPACING = re.compile(r"\s+")
_GLUED_ORDINAL = re.compile(r"(\d)-(c[iıuü])(?!\w)")
# What the PDF conversion left in a text that no formula can match: a lone `ə`/`ş`/`ğ`, a word
# broken before its suffix (`orqan ın`), a run of letters torn apart (`iki il m t üzr`), or a
# number spaced out (`3 0 8 . 1 .`).
_ARTEFACT = re.compile(
    r"(?<!\S)[əşğƏŞĞ]{1,2}(?![^\s.,;:])|\w (?:ın|in|un|ün|ı|i)\b(?!-)"
    r"|(?:(?<!\S)[^\W\d](?!\S)\s*){2,}|(?:\d \.? ?){3,}"
)
_NUMBER_PREFIX = re.compile(r"^\s*(?:M\s*a\s*d\s*d\s*ə\s*)?[\d\s.\-]+?\.\s+(?=\S)")


@dataclass
class ReplayCheck:
    """One comparison: effects replayed from a known wording to the next known wording."""

    eid: str
    effects: list[Effect]
    source: str  # "given" (previous wording) or "rebuilt"
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
        return sum(len(c.effects) for c in self.checks)

    @property
    def replay_ok(self) -> int:
        return sum(len(c.effects) for c in self.checks if c.ok)

    def failures_by_cause(self) -> dict[str, int]:
        """Failed effects by cause: `ambiguous` (the words occur more than once), `not found`,
        `differs`; `artefact` when the provision's text still shows the PDF conversion's split
        words (`dildikd olmayaraq törə ə`), which no formula can match."""
        causes: dict[str, int] = {}
        for check in self.checks:
            if not check.ok:
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
        checks = replay_provision(provision, chain)
        if any(not c.ok for c in checks) and _ARTEFACT.search(current_wording(provision)):
            for check in checks:
                check.artefact = not check.ok
        report.checks += checks
    return report


def replay_provision(provision: Provision, chain: list[Effect]) -> list[ReplayCheck]:
    """Checks for one provision's text (its heading is a separate wording, not replayed)."""
    checks: list[ReplayCheck] = []
    known: str | None = None
    pending: list[Effect] = []
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
        after = _after(chain, position, provision)
        if known is None:
            check = _rebuilt(provision.eid, effect, ops, after) \
                if after is not None and _rebuildable(ops) else None
            if check is not None:
                checks.append(check)
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
            ok = _same(known, after) or (after is not provision.text and position + 1 == len(chain)
                                         and _same(known, provision.text))
            reason = "" if ok else "replayed wording differs from the wording after"
            checks.append(ReplayCheck(provision.eid, pending, "given", ok, reason, after, known))
            known, pending = after, []
    return checks


def _own_ops(effect: Effect, provision: Provision) -> list[Operation] | None:
    """The effect's word-level operations on this provision's text; None when the effect does
    something else to it (restates, repeals, changes the heading), [] when it does nothing."""
    ops = [op for op in effect.operations
           if op.target.num == provision.num and not (op.target.unit or "").startswith("chapter")]
    if any(op.kind not in WORD_LEVEL or op.target.unit == "heading" for op in ops):
        return None
    if any(getattr(op, "declined", False) for op in ops):
        return None
    return ops


def _after(chain: list[Effect], position: int, provision: Provision) -> str | None:
    following = chain[position + 1:]
    if not following:
        return current_wording(provision)
    nxt = following[0]
    if nxt.previous_wording and _own_ops(nxt, provision) is not None:
        return _strip_number(nxt.previous_wording)
    return None


def _rebuilt(eid: str, effect: Effect, ops: list[Operation], after: str) -> ReplayCheck | None:
    """None when the wording before cannot be rebuilt: the new words occur more than once,
    so which of them the amendment put there is unknown."""
    try:
        before = after
        for op in reversed(ops):
            before = apply_words(_inverse(op), before)
    except AmbiguousWords:
        return None
    except ApplyError as error:
        return ReplayCheck(eid, [effect], "rebuilt", False, str(error))
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


def _apply_all(ops: list[Operation], text: str) -> str:
    for op in ops:
        text = apply_words(op, text)
    return text


def current_wording(provision: Provision) -> str:
    """The provision's text; with its points when it has them, since a sanction often follows
    the last point (`192.2. Eyni əməllər: 192.2.1. … — … ilə cəzalandırılır`)."""
    return provision.full_text() if provision.children else provision.text


def _same(a: str, b: str) -> bool:
    """Equal but for whitespace (the codes print `törədildikdə ;` for `törədildikdə;`) and the
    hyphen footnotes drop from ordinal numbers (`11.1ci` for `11.1-ci`)."""
    return _canonical(a) == _canonical(b)


def _canonical(text: str) -> str:
    return _GLUED_ORDINAL.sub(r"\1\2", _SPACING.sub("", text))


def _strip_number(wording: str) -> str:
    return _NUMBER_PREFIX.sub("", wording, count=1).strip()


def _unique(effects: list[Effect]) -> list[Effect]:
    seen: set[int] = set()
    return [e for e in effects if not (id(e) in seen or seen.add(id(e)))]  # type: ignore[func-returns-value]


__all__ = ["ReplayCheck", "ReplayReport", "find_words", "replay_act", "replay_provision"]
