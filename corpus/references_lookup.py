"""Numbers to provisions in one act: single numbers, ranges, chapters, and the artefacts of the
conversion (`4.3 -4.6`, `142-1.2.4-1421.2.7`, `59.1.159.1.14` for `59.1.1-59.1.14`).

Every function answers with targets and a status; none raises on a number it cannot place.
"""

from __future__ import annotations

import bisect
import re

from corpus.ids import NUM_RE, Num, container_eid
from corpus.model import Act, Provision, ReferenceStatus, Target
from corpus.references_nlp import fold

_REPEALED = re.compile(r"çıxarılmışdır|qüvvədən düşmüş|ləğv edilmişdir|çıxarılıb")
STATUS_ORDER: tuple[ReferenceStatus, ...] = ("ambiguous", "dangling", "unresolved", "resolved")


def worst(statuses: list[ReferenceStatus]) -> ReferenceStatus:
    """The status that says most: ambiguous, then dangling, then unresolved, else resolved."""
    return next(s for s in STATUS_ORDER if s in statuses or s == "resolved")


class ActIndex:
    """Look-ups into one act: number -> eId, ranges by number order, repealed provisions."""

    def __init__(self, act: Act) -> None:
        self.act = act
        self.by_eid: dict[str, Provision] = act.index()
        self.by_num: dict[str, str] = {p.num: p.eid for p in self.by_eid.values() if p.is_numbered}
        self._order: dict[int, list[tuple[tuple, str]]] = {}
        self._depths: dict[int, list[tuple[str, str]]] | None = None
        self._footnotes = {note.number: note.text for note in act.footnotes}

    def eid(self, num: str) -> str | None:
        return self.by_num.get(num)

    def between(self, first: Num, last: Num) -> list[str]:
        """Numbers of the provisions at the ends' depth that lie between them, in order."""
        entries = self._order.get(first.depth)
        if entries is None:
            entries = self._order[first.depth] = self._ordered(first.depth)
        low = bisect.bisect_left(entries, (first.sort_key(), ""))
        high = bisect.bisect_right(entries, (last.sort_key(), "\uffff"))
        return [num for _, num in entries[low:high]]

    def _ordered(self, depth: int) -> list[tuple[tuple, str]]:
        """The numbers of one depth with their sort keys, in order, built per depth on first
        use: a citation of a range needs the numbers of its own depth only."""
        if self._depths is None:
            self._depths = {}
            for num in self.by_num:
                cleaned = num.strip().rstrip(".")
                self._depths.setdefault(cleaned.count(".") + 1, []).append((cleaned, num))
        entries = []
        for cleaned, num in self._depths.get(depth, ()):
            if NUM_RE.match(cleaned):
                entries.append((Num(tuple(cleaned.split("."))).sort_key(), num))
        entries.sort()
        return entries

    def repealed(self, eid: str) -> bool:
        """No text, no children, and a footnote that says the provision was removed."""
        provision = self.by_eid.get(eid)
        if provision is None or provision.text.strip() or provision.children:
            return False
        notes = (fold(self._footnotes.get(n, "")) for n in provision.footnotes)
        # `... sözləri çıxarılmışdır` removed words (of a heading), not the provision.
        return any(_REPEALED.search(note) and "söz" not in note for note in notes)



def note_of(index: ActIndex, target: Target) -> Target:
    """The `Qeyd` (note) of the cited article, where the parser made it a provision."""
    note = f"{target.eid}__hcontainer_note1"
    return Target(target.act, note, target.num) if note in index.by_eid else target


def lookup(index: ActIndex, first: str, last: str | None, *, coarse: bool
            ) -> tuple[list[Target], ReferenceStatus]:
    if first.startswith(("chapter:", "section:")):
        return _containers(index, first, last)
    if last is not None:
        return _range(index, first, last)
    targets, status = _single(index, first)
    if coarse and status != "resolved" and len(targets) == 1:
        return _ancestor(index, first) or (targets, status)
    return targets, status


def _containers(index: ActIndex, first: str, last: str | None
                ) -> tuple[list[Target], ReferenceStatus]:
    """Chapters and sections: `23-cü fəslində` -> chp_23, `13-16-cı fəsillərində` -> chp_13 to
    chp_16 and any chp_14-1 between, `IV fəslinə` -> chp_4."""
    kind, _, value = first.partition(":")
    end = last.partition(":")[2] if last else None
    if end is None and "-" in value and _container_eid(index, kind, value) not in index.by_eid:
        low, _, high = value.partition("-")
        if low.isdigit() and high.isdigit() and int(low) < int(high):
            value, end = low, high
    if end is None or not (value.isdigit() and end.isdigit()):
        eid = _container_eid(index, kind, value)
        return [Target(index.act.work_id, eid, value)], _exists(index, eid)
    prefix = _container_eid(index, kind, value).rsplit("_", 1)[0] + "_"
    inside = [eid for eid in index.by_eid if eid.startswith(prefix) and "__" not in eid
              and eid[len(prefix):].split("-")[0].isdigit()
              and int(value) <= int(eid[len(prefix):].split("-")[0]) <= int(end)]
    for number in (value, end):
        eid = _container_eid(index, kind, number)
        if eid not in inside:
            inside.append(eid)
    inside.sort(key=lambda eid: [int(x) for x in eid[len(prefix):].split("-")])
    targets = [Target(index.act.work_id, eid, eid[len(prefix):]) for eid in inside]
    return targets, worst([_exists(index, t.eid) for t in targets])


def _container_eid(index: ActIndex, kind: str, value: str) -> str:
    eid = container_eid("chapter" if kind == "chapter" else "part", value)
    if eid not in index.by_eid and kind == "section":
        eid = container_eid("section", value)
    return eid


def _ancestor(index: ActIndex, text: str) -> tuple[list[Target], ReferenceStatus] | None:
    """`73-cü maddəsinin 1-ci bəndi` where the parse keeps the clauses of Article 73 inside the
    article's text: the citation lands on the nearest provision that exists."""
    num = Num.try_parse(text)
    while num is not None and num.parent is not None:
        num = num.parent
        eid = index.eid(num.text)
        if eid is not None:
            return [Target(index.act.work_id, eid, num.text)], _exists(index, eid)
    return None


def _single(index: ActIndex, text: str) -> tuple[list[Target], ReferenceStatus]:
    act_id = index.act.work_id
    whole = Num.try_parse(text)
    eid = index.eid(text)
    ranges = _hyphen_ranges(index, text)
    if eid is not None:
        status: ReferenceStatus = "ambiguous" if ranges else _exists(index, eid)
        return [Target(act_id, eid, text)], status
    if ranges:
        return ranges, "resolved"
    glued = _glued_range(index, text)
    if glued is not None:
        return _range(index, *glued)
    if whole is None:
        return [Target(act_id, None, text)], _missing(index)
    split = _likely_range(text)
    if split is not None:
        return _range(index, *split)
    return [Target(act_id, whole.eid, text)], _missing(index)


def _hyphen_ranges(index: ActIndex, text: str) -> list[Target]:
    """`52.1-52.2` read as a range whose two ends both exist in the act, else []."""
    for position in [m.start() for m in re.finditer("-", text)]:
        first, last = text[:position], text[position + 1 :]
        a, b = Num.try_parse(first), Num.try_parse(last)
        if a and b and a.depth == b.depth and a.sort_key() < b.sort_key() \
                and index.eid(first) and index.eid(last):
            return _range(index, first, last)[0]
    return []


def _glued_range(index: ActIndex, text: str) -> tuple[str, str] | None:
    """`59.1.159.1.14` is `59.1.1-59.1.14` and `452454` is `452-454` whose dash the conversion
    lost: a split into two existing provisions of one depth, in order, is taken as the range."""
    for position in range(1, len(text)):
        first, last = text[:position], text[position:]
        if not (first[-1].isdigit() and last[0].isdigit()):
            continue
        a, b = Num.try_parse(first), Num.try_parse(last)
        if a and b and a.depth == b.depth and a.sort_key() < b.sort_key() \
                and index.eid(first) and index.eid(last):
            return first, last
    return None


def _likely_range(text: str) -> tuple[str, str] | None:
    """Without the act to ask: `406-409` and `1.0.3-1.0.6` are ranges, `144-1` and `12.4-1` are
    numbers (a hyphenated suffix is smaller than the number it hangs on)."""
    for position in [m.start() for m in re.finditer("-", text)]:
        first, last = text[:position], text[position + 1 :]
        a, b = Num.try_parse(first), Num.try_parse(last)
        if not (a and b and a.depth == b.depth and a.sort_key() < b.sort_key()):
            continue
        if a.depth > 1 or int(b.parts[0].split("-")[0]) > int(a.parts[0].split("-")[-1]):
            return first, last
    return None


def _range(index: ActIndex, first: str, last: str) -> tuple[list[Target], ReferenceStatus]:
    act_id = index.act.work_id
    last = _lost_hyphen(index, first, last)
    a, b = Num.try_parse(first), Num.try_parse(last)
    if a is None or b is None:
        return [Target(act_id, None, f"{first}-{last}")], _missing(index)
    both = index.eid(first) and index.eid(last)
    if a.depth != b.depth or not (both or a.parent == b.parent) or a.sort_key() > b.sort_key():
        # Without both ends, and across provisions, there is no telling what lies between.
        nums = [first, last]
    else:
        nums = index.between(a, b)
        # A cited end that the act lacks stays a target, so the gap shows.
        nums = ([first] if first not in nums else []) + nums + ([last] if last not in nums else [])
    targets = [Target(act_id, index.eid(num) or Num.parse(num).eid, num) for num in nums]
    statuses = [_exists(index, index.eid(num)) for num in (first, last)]
    status = worst(statuses)
    return targets, status


def _lost_hyphen(index: ActIndex, first: str, last: str) -> str:
    """`142-1.2.4-1421.2.7` in the Family Code: the conversion dropped the hyphen of the
    article number at the end of the range; put it back when that gives a provision."""
    article = first.split(".")[0]
    head, _, rest = last.partition(".")
    if "-" in article and head == article.replace("-", "") and index.eid(f"{article}.{rest}"):
        return f"{article}.{rest}"
    return last


def _exists(index: ActIndex, eid: str | None) -> ReferenceStatus:
    if eid is None or eid not in index.by_eid:
        return _missing(index)
    return "dangling" if index.repealed(eid) else "resolved"


def _missing(index: ActIndex) -> ReferenceStatus:
    return "dangling" if index.act.complete else "unresolved"
