"""Word-level comparison of two wordings (2-way) and of two drafts against one base (3-way).

Tokens keep every character of their text, so the diff is lossless: joining the `equal` and
`insert` runs gives exactly the new wording, joining `equal` and `delete` exactly the old one.
The comparative table, the tracked-changes document and `qanun compare` all read these values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from difflib import SequenceMatcher
from typing import Any, Literal

from corpus.model import Act

DiffTag = Literal["equal", "delete", "insert"]
ChunkKind = Literal["unchanged", "draft", "other", "both", "conflict"]
ProvisionState = Literal["unchanged", "changed", "new", "repealed"]

# Numbers as citations write them (`1.0.3`, `355-1.1`, `4-cü`) stay one token, so a changed
# number shows as one replaced token rather than as a stray digit.
_TOKEN = re.compile(r"\d+(?:[.\-–]\d+)*(?:-\w+)?|\w+(?:-\w+)*|\s+|[^\w\s]", re.UNICODE)


def tokenize(text: str) -> list[str]:
    """Split text into words, numbers, whitespace runs and single punctuation marks.

    >>> tokenize("1.0.1-ci maddədən “yaxın” sözü")
    ['1.0.1-ci', ' ', 'maddədən', ' ', '“', 'yaxın', '”', ' ', 'sözü']

    Guarantee: `"".join(tokenize(text)) == text` for every string.
    """
    return _TOKEN.findall(text)


@dataclass(frozen=True)
class DiffOp:
    """One run of the comparison: text kept (`equal`), removed (`delete`) or added (`insert`)."""

    tag: DiffTag
    text: str


@dataclass
class Diff:
    """The word-level comparison of an old and a new wording."""

    ops: list[DiffOp]

    @property
    def old(self) -> str:
        return "".join(op.text for op in self.ops if op.tag != "insert")

    @property
    def new(self) -> str:
        return "".join(op.text for op in self.ops if op.tag != "delete")

    @property
    def changed(self) -> bool:
        return any(op.tag != "equal" for op in self.ops)

    def words(self, tag: DiffTag) -> list[str]:
        """The words (not spaces or punctuation) of the runs with this tag."""
        return [t for op in self.ops if op.tag == tag for t in tokenize(op.text) if _is_word(t)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "ops": [asdict(op) for op in self.ops],
            "deleted_words": len(self.words("delete")),
            "inserted_words": len(self.words("insert")),
        }


def compare(old: str, new: str) -> Diff:
    """Compare two wordings word by word.

    >>> d = compare("Preambula yaxın qohumluq", "Preambula qohumluq")
    >>> [(op.tag, op.text) for op in d.ops]
    [('equal', 'Preambula '), ('delete', 'yaxın '), ('equal', 'qohumluq')]
    """
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    # An amendment changes a few words of a long provision: matching only the middle that
    # differs keeps the quadratic matcher off the common head and tail.
    head = _common_head(old_tokens, new_tokens)
    tail = _common_head(old_tokens[head:][::-1], new_tokens[head:][::-1])
    old_middle = old_tokens[head : len(old_tokens) - tail]
    new_middle = new_tokens[head : len(new_tokens) - tail]
    raw: list[DiffOp] = [DiffOp("equal", "".join(old_tokens[:head]))]
    matcher = SequenceMatcher(None, old_middle, new_middle, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            raw.append(DiffOp("equal", "".join(old_middle[i1:i2])))
            continue
        if i2 > i1:
            raw.append(DiffOp("delete", "".join(old_middle[i1:i2])))
        if j2 > j1:
            raw.append(DiffOp("insert", "".join(new_middle[j1:j2])))
    raw.append(DiffOp("equal", "".join(old_tokens[len(old_tokens) - tail :])))
    return Diff(_coalesce(_slide_to_word_start(_coalesce(_absorb_bare_equals(raw)))))


def _common_head(first: list[str], second: list[str]) -> int:
    """How many tokens the two sequences share at their start."""
    count = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        count += 1
    return count


def _is_word(token: str) -> bool:
    return bool(token) and (token[0].isalnum() or token[0] == "_")


def _absorb_bare_equals(ops: list[DiffOp]) -> list[DiffOp]:
    """Fold a kept run of only spaces or punctuation between two changes into the change.

    Without this, replacing "a b c" by "x y z" reads as three replacements separated by kept
    spaces; a reader of a comparative table expects one replaced phrase.
    """
    result: list[DiffOp] = []
    for index, op in enumerate(ops):
        between_changes = (
            op.tag == "equal"
            and 0 < index < len(ops) - 1
            and ops[index - 1].tag != "equal"
            and ops[index + 1].tag != "equal"
            and not any(_is_word(t) for t in tokenize(op.text))
        )
        if between_changes:
            result += [DiffOp("delete", op.text), DiffOp("insert", op.text)]
        else:
            result.append(op)
    return result


def _coalesce(ops: list[DiffOp]) -> list[DiffOp]:
    """Merge neighbouring runs: each change becomes one deletion followed by one insertion."""
    result: list[DiffOp] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            result.append(DiffOp("delete", "".join(deleted)))
        if inserted:
            result.append(DiffOp("insert", "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for op in ops:
        if not op.text:
            continue
        if op.tag == "delete":
            deleted.append(op.text)
        elif op.tag == "insert":
            inserted.append(op.text)
        else:
            flush()
            if result and result[-1].tag == "equal":
                result[-1] = DiffOp("equal", result[-1].text + op.text)
            else:
                result.append(op)
    flush()
    return result


def _slide_to_word_start(ops: list[DiffOp]) -> list[DiffOp]:
    """Move the space of a one-sided change from its start to its end: `Bu Qanun [yaxın ]qohumluq`
    rather than `Bu Qanun[ yaxın] qohumluq`, so a struck word carries its following space.
    """
    result = list(ops)
    for index in range(1, len(result) - 1):
        before, op, after = result[index - 1], result[index], result[index + 1]
        if before.tag != "equal" or after.tag != "equal" or op.tag == "equal":
            continue
        space = re.match(r"\s+", op.text)
        if space and after.text.startswith(space.group()) and len(space.group()) < len(op.text):
            width = len(space.group())
            result[index - 1] = DiffOp("equal", before.text + space.group())
            result[index] = DiffOp(op.tag, op.text[width:] + space.group())
            result[index + 1] = DiffOp("equal", after.text[width:])
    return [op for op in result if op.text]


@dataclass(frozen=True)
class ThreeWayChunk:
    """A stretch of the base wording and what each draft made of it.

    `kind` says who changed it: nobody (`unchanged`), only the `draft`, only the `other` draft,
    `both` in the same way, or both differently (`conflict`).
    """

    kind: ChunkKind
    current: str
    draft: str
    other: str


@dataclass
class ThreeWay:
    """A draft compared with the current wording and with another draft of the same wording."""

    chunks: list[ThreeWayChunk]

    @property
    def conflicts(self) -> list[ThreeWayChunk]:
        return [c for c in self.chunks if c.kind == "conflict"]

    def merged(self) -> str | None:
        """Both drafts' changes together, or None where they conflict."""
        if self.conflicts:
            return None
        return "".join(c.current if c.kind == "unchanged" else _merged_side(c) for c in self.chunks)

    def to_dict(self) -> dict[str, Any]:
        return {
            "chunks": [asdict(c) for c in self.chunks],
            "conflicts": len(self.conflicts),
            "merged": self.merged(),
        }


def _merged_side(chunk: ThreeWayChunk) -> str:
    return chunk.other if chunk.kind == "other" else chunk.draft


def compare_three(current: str, draft: str, other: str) -> ThreeWay:
    """Compare a draft with the current wording and with another draft (diff3 over words).

    >>> t = compare_three("a b c d", "a X c d", "a b c Y")
    >>> [(c.kind, c.current, c.draft, c.other) for c in t.chunks if c.kind != "unchanged"]
    [('draft', 'b', 'X', 'b'), ('other', 'd', 'd', 'Y')]
    >>> t.merged()
    'a X c Y'
    """
    base, mine, yours = tokenize(current), tokenize(draft), tokenize(other)
    chunks: list[ThreeWayChunk] = []
    b0 = m0 = y0 = 0
    for b, m, y, size in _sync_regions(base, mine, yours):
        if b > b0 or m > m0 or y > y0:
            chunks.append(_unstable_chunk(base[b0:b], mine[m0:m], yours[y0:y]))
        if size:
            chunks.append(ThreeWayChunk("unchanged", *(["".join(base[b : b + size])] * 3)))
        b0, m0, y0 = b + size, m + size, y + size
    return ThreeWay(_join_chunks(chunks))


def _sync_regions(
    base: list[str], mine: list[str], yours: list[str]
) -> Iterator[tuple[int, int, int, int]]:
    """Stretches of the base that both drafts keep, as (base, mine, yours, length) starts.

    The last region is always the empty one at the ends of all three sequences.
    """
    to_mine = SequenceMatcher(None, base, mine, autojunk=False).get_matching_blocks()
    to_yours = SequenceMatcher(None, base, yours, autojunk=False).get_matching_blocks()
    ia = iy = 0
    while ia < len(to_mine) - 1 and iy < len(to_yours) - 1:
        a, b = to_mine[ia], to_yours[iy]
        start = max(a.a, b.a)
        end = min(a.a + a.size, b.a + b.size)
        if start < end:
            yield start, a.b + (start - a.a), b.b + (start - b.a), end - start
        if a.a + a.size < b.a + b.size:
            ia += 1
        else:
            iy += 1
    yield len(base), len(mine), len(yours), 0


def _unstable_chunk(base: list[str], mine: list[str], yours: list[str]) -> ThreeWayChunk:
    current, draft, other = "".join(base), "".join(mine), "".join(yours)
    if draft == other:
        kind: ChunkKind = "unchanged" if draft == current else "both"
    elif draft == current:
        kind = "other"
    elif other == current:
        kind = "draft"
    else:
        kind = "conflict"
    return ThreeWayChunk(kind, current, draft, other)


def _join_chunks(chunks: Iterable[ThreeWayChunk]) -> list[ThreeWayChunk]:
    result: list[ThreeWayChunk] = []
    for chunk in chunks:
        if result and result[-1].kind == chunk.kind == "unchanged":
            last = result[-1]
            text = last.current + chunk.current
            result[-1] = ThreeWayChunk("unchanged", text, text, text)
        else:
            result.append(chunk)
    return result


@dataclass
class ProvisionDiff:
    """How one provision reads in two expressions of an act (`eid` is the same in both)."""

    eid: str
    num: str
    state: ProvisionState
    diff: Diff

    def to_dict(self) -> dict[str, Any]:
        return {"eid": self.eid, "num": self.num, "state": self.state, **self.diff.to_dict()}


@dataclass
class ActDiff:
    """Two expressions of one act compared provision by provision, in document order."""

    old: str
    new: str
    provisions: list[ProvisionDiff] = field(default_factory=list)

    def changed(self) -> list[ProvisionDiff]:
        return [p for p in self.provisions if p.state != "unchanged"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "provisions": [p.to_dict() for p in self.changed()],
            "unchanged": sum(p.state == "unchanged" for p in self.provisions),
        }


def compare_acts(old: Act, new: Act) -> ActDiff:
    """Compare two expressions of an act provision by provision, matched by eId.

    The preamble counts as a provision with eId `preamble`; a provision only in `old` is
    `repealed`, one only in `new` is `new`.
    """
    before = _texts(old)
    after = _texts(new)
    nums = {eid: num for eid, num, _ in before} | {eid: num for eid, num, _ in after}
    old_text = {eid: text for eid, _, text in before}
    new_text = {eid: text for eid, _, text in after}
    order = [eid for eid, _, _ in after] + [eid for eid, _, _ in before if eid not in new_text]
    result = ActDiff(old.frbr_expression, new.frbr_expression)
    for eid in order:
        was, now = old_text.get(eid), new_text.get(eid)
        diff = compare(was or "", now or "")
        if was is None:
            state: ProvisionState = "new"
        elif now is None:
            state = "repealed"
        else:
            state = "changed" if diff.changed else "unchanged"
        result.provisions.append(ProvisionDiff(eid, nums[eid], state, diff))
    return result


def _texts(act: Act) -> list[tuple[str, str, str]]:
    rows = [("preamble", "preamble", act.preamble)] if act.preamble else []
    for provision in act.walk():
        heading = f"{provision.heading}\n" if provision.heading else ""
        rows.append((provision.eid, provision.num, heading + provision.text))
    return rows
