"""The formula grammar of Azerbaijani amending laws (imperative) and footnotes (past tense).

`parse_formula` reads one formula — an item of an amending law or the operative part of a
footnote — into operations with explicit targets, or says in plain words what it could not read:

>>> ops = parse_formula("1.0.1-ci maddədən “yaxın” sözü çıxarılsın", act="dv-law").operations
>>> ops[0].kind, ops[0].target.num, ops[0].old
('delete', '1.0.1', 'yaxın')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from amendments.formulas_clauses import BODY_READERS, VERB, WordChange, show
from amendments.formulas_targets import PREAMBLE, TargetPhrase, read_targets
from amendments.formulas_tokens import QUOTE, Skeleton, tokenize
from amendments.operations import (
    WORD_LEVEL,
    AddProvision,
    DeleteWords,
    InsertWords,
    Operation,
    Renumber,
    Repeal,
    RestateProvision,
    SubstituteWords,
    Target,
)
from corpus.ids import Num, container_eid

_LEADING = re.compile(r"^(?:\s|,|;|\.|və\b|habelə\b|həmçinin\b|isə\b|müvafiq\s+olaraq\b)+")
_NEW_TEXT = re.compile(r"^\s*:\s*((?:⟦q\d+⟧\s*[.;]?\s*)+)")
_EVERY = re.compile(r"\s*\((?:hər\s+\w+|bütün)\s+hal\w*\)")
_ELIDED_SUBSTITUTE = re.compile(
    r"(⟦q\d+⟧\s+(?:söz|rəqəm|ifadə)\w*\s+⟦q\d+⟧)(\s*,\s*)(?=⟦n\d+⟧\s+madd)"
)
_TRAILING_OK = re.compile(r"^[\s.;,:]*(?:\([^()]*\)[\s.;,]*)?$")


@dataclass
class FormulaParse:
    """Operations read from a formula, and for what could not be read, the reasons."""

    operations: list[Operation] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    incomplete: bool = False

    @property
    def ok(self) -> bool:
        return bool(self.operations) and not self.problems


def parse_formula(text: str, act: str, context: list[str] | None = None) -> FormulaParse:
    """Operations of one formula; `context` is the target of a preceding formula (`həmin`)."""
    skeleton = tokenize(text)
    skeleton.text = _restore_elided(skeleton.text)
    result = FormulaParse()
    verbs = list(VERB.finditer(skeleton.text))
    if not verbs:
        result.incomplete = True
        result.problems.append("no operative verb (əvəz edilsin, çıxarılsın, əlavə edilsin …): "
                               "the formula is cut off or not an amendment")
        return result
    previous = [TargetPhrase(tuple(context), None, "loc")] if context else []
    start = 0
    for index, verb in enumerate(verbs):
        clause = _LEADING.sub("", skeleton.text[start:verb.start()])
        following = verbs[index + 1].start() if index + 1 < len(verbs) else len(skeleton.text)
        tail = skeleton.text[verb.end():following]
        new_text = _NEW_TEXT.match(tail)
        start = verb.end() + (new_text.end() if new_text else 0)
        quoted = [skeleton.quotes[int(i)] for i in QUOTE.findall(new_text.group(1))] \
            if new_text else []
        previous = _clause(skeleton, clause, verb.lastgroup or "", previous, act, quoted, result)
    rest = skeleton.text[start:]
    if not _TRAILING_OK.match(rest) and not _LEADING.sub("", rest).startswith(("Əvvəlki",)):
        result.problems.append(
            f"words after the last formula not read: {show(skeleton, rest.strip())!r}")
    return result


def _restore_elided(text: str) -> str:
    """`113.2.2-ci maddədə “doqquz manatadək” sözləri “əlli manatadək”, 113.3.1-ci maddədə
    “üç manatadək” sözləri “on beş manatadək” sözləri ilə əvəz edilmişdir`: the verb said once
    for a list of substitutions is said again after each, so each is a clause of its own."""
    verb = VERB.search(text)
    if verb is None or verb.lastgroup != "substitute":
        return text
    head = _ELIDED_SUBSTITUTE.sub(rf"\1 sözləri ilə {verb.group()}\2", text[:verb.start()])
    return head + text[verb.start():]


def _clause(
    skeleton: Skeleton,
    clause: str,
    verb: str,
    previous: list[TargetPhrase],
    act: str,
    new_text: list[str],
    result: FormulaParse,
) -> list[TargetPhrase]:
    every = _EVERY.search(clause)
    if every:
        # `1-ci və 6-cı (hər iki halda) hissələrdə`: the words, wherever they occur.
        clause = _EVERY.sub(" ", clause).strip()
    phrases, body = read_targets(skeleton, clause)
    # A clause without a target phrase changes the same provisions, not necessarily the same
    # unit of them (`… ikinci cümləsində isə … əvəz edilmiş və “yazılı surətdə” sözləri
    # çıxarılmışdır`: the words are in the first sentence).
    phrases = [_resolve_same(p, previous) for p in phrases] or [
        TargetPhrase(p.nums, None, p.case) for p in previous
    ]
    read: list[WordChange] | str
    if verb == "add" and phrases and phrases[-1].case == "nom" and not body:
        unit = phrases[-1].unit
        read = [WordChange("add", nums=phrases[-1].nums, unit=unit if unit == "chapter" else None)]
        phrases = phrases[:-1]
    elif not phrases and verb not in ("add", "substitute"):
        result.problems.append(f"no target in {show(skeleton, clause)!r}")
        return previous
    else:
        read = BODY_READERS[verb](skeleton, body)
    if isinstance(read, str):
        result.problems.append(read)
        return phrases
    after = phrases[-1].nums[-1] if phrases and phrases[-1].case == "abl" and verb == "add" \
        and body.startswith("sonra") else None
    for change in read:
        if every and change.occurrence is None and change.kind in WORD_LEVEL:
            change = replace(change, occurrence=0)
        result.operations += _operations(change, phrases, act, new_text, after)
    return phrases


def _resolve_same(phrase: TargetPhrase, previous: list[TargetPhrase]) -> TargetPhrase:
    if not phrase.same:
        return phrase
    nums = tuple(n for p in previous for n in p.nums)
    return TargetPhrase(nums, phrase.unit, phrase.case)


def _operations(
    change: WordChange,
    phrases: list[TargetPhrase],
    act: str,
    new_text: list[str],
    after: str | None,
) -> list[Operation]:
    if change.phrases:
        phrases = [_resolve_same(p, phrases) for p in change.phrases]
    targets = [
        _target(act, num, change.unit or phrase.unit) for phrase in phrases for num in phrase.nums
    ] or [_target(act, "", change.unit)]
    ops: list[Operation] = []
    if change.kind == "add":
        return _additions(change, targets, act, new_text, after)
    if change.kind == "renumber":
        if len(change.nums) != len(targets):
            return []
        return [Renumber(target=t, new_num=n) for t, n in zip(targets, change.nums, strict=True)]
    for target in targets:
        if change.kind == "substitute":
            ops.append(SubstituteWords(target=target, old=change.old, new=change.new,
                                       declined=change.declined, occurrence=change.occurrence))
        elif change.kind == "delete":
            ops.append(DeleteWords(target=target, old=change.old, declined=change.declined,
                                   occurrence=change.occurrence))
        elif change.kind == "insert":
            ops.append(InsertWords(target=target, anchor=change.anchor, new=change.new,
                                   position=change.position,  # type: ignore[arg-type]
                                   declined=change.declined, occurrence=change.occurrence))
        elif change.kind == "restate":
            heading, text = split_new_text(target.num, new_text)
            ops.append(RestateProvision(target=target, text=text, heading=heading))
        elif change.kind == "repeal":
            ops.append(Repeal(target=target))
    return ops


def _additions(
    change: WordChange, targets: list[Target], act: str, new_text: list[str], after: str | None
) -> list[Operation]:
    if change.nums:
        unit = change.unit
        texts = new_text if len(new_text) == len(change.nums) else [""] * len(change.nums)
        ops: list[Operation] = []
        for num, quoted in zip(change.nums, texts, strict=True):
            heading, text = split_new_text(num, [quoted] if quoted else [])
            ops.append(AddProvision(target=_target(act, num, unit), text=text, heading=heading,
                                    after=after))
        return ops
    text = "\n".join(new_text)
    return [AddProvision(target=t, text=text, after=after) for t in targets]


def _target(act: str, num: str, unit: str | None) -> Target:
    if num == PREAMBLE:
        return Target(act=act, num=num, eid="preamble", unit=unit)
    if unit and unit.startswith("chapter"):
        # A paragraph (`paraqraf`) of a chapter has no eId in the corpus; the chapter has.
        eid = None if "section:" in unit else container_eid("chapter", num)
        return Target(act=act, num=num, eid=eid, unit=unit)
    parsed = Num.try_parse(num)
    return Target(act=act, num=num, eid=parsed.eid if parsed else None, unit=unit)


def split_new_text(num: str, quoted: list[str]) -> tuple[str, str]:
    """A quoted new provision → (heading, text): `Maddə 10-1. Heading` then the text lines, or
    `1.0.3-1. text` without its number."""
    text = "\n".join(quoted).strip()
    first, _, rest = text.partition("\n")
    if first.startswith(f"Maddə {num}."):
        return first[len(f"Maddə {num}."):].strip(), rest.strip()
    if text.startswith(f"{num}. "):
        return "", text[len(num) + 2:].strip()
    return "", text
