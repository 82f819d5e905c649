"""Third stage of the formula grammar: what each clause does, read from its verb and its words.

A clause ends at its verb (`əvəz edilsin` / `əvəz edilmişdir`, `çıxarılsın`, `əlavə edilsin`,
`yeni redaksiyada verilmişdir`, `ləğv edilmişdir`, `hesab edilsin` …); imperative and past forms
share one grammar. The words between the target phrase and the verb say which words go, which
come, and where: `⟦q0⟧ sözü ⟦q1⟧ sözləri ilə`, `⟦q0⟧ sözündən sonra ⟦q1⟧ sözləri`, `yeni
məzmunda ⟦n1⟧ maddə`, `ikinci cümlə`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from amendments.formulas_numbers import AZ_ORDINAL_PATTERN, ordinal_value
from amendments.formulas_targets import TargetPhrase, numbers, read_targets
from amendments.formulas_tokens import QUOTE, Skeleton

_Q = r"⟦q\d+⟧"
_N = r"⟦n\d+⟧"
_QLIST = rf"{_Q}(?:\s*(?:,|və)\s*{_Q})*"
_NUMLIST = rf"{_N}(?:\s*(?:,|və|–|—|-)\s*{_N})*"
_NOUN = r"(?:söz|rəqəm|ifadə|hərf|işarə|termin|abzas)\w*"
_DECLINED = r"(?:ismin\s+müvafiq\s+hallarında\s+)?"
# Which occurrence the words are: `birinci halda` (the first), `hər iki halda` (every one).
_SELECTOR = (
    rf"(?:(?P<sel>(?:{AZ_ORDINAL_PATTERN})\s+halda|hər\s+\w+\s+halda|bütün\s+hallarda"
    rf"|hər\s+\w+(?=\s+⟦q)|(?:{AZ_ORDINAL_PATTERN})(?=\s+⟦q))\s+)?"
)
# `' 500 ' (birinci halda) rəqəmi`: the occurrence named right after the quoted words.
_SELECTOR_QUOTE = rf"(?:\s*\((?P<sel3>{AZ_ORDINAL_PATTERN})\s+halda\))?"
_SELECTOR_AFTER = r"(?:\s*\(?(?P<sel2>hər\s+\w+\s+halda)\)?)?"

# The footnotes misspell their verbs (`çıxarılməşdər`, `edilmi.dir`, `edil mişdir`,
# `edilmişdr`), so a verb is its stem and any ending that starts like a past or imperative one.
_DONE = r"(?:\s?m[\w.]*|sin|sın)"
VERBS: dict[str, re.Pattern[str]] = {
    "repeal": re.compile(
        rf"(?:ləğv\s+(?:edil|olun){_DONE}|qüvvədən\s+düşmüş\s+hesab\s+edil{_DONE})"
    ),
    "restate": re.compile(rf"(?:yeni|aşağıdakı)\s+redaksiya(?:lar)?da\s+veril+{_DONE}"),
    "substitute": re.compile(rf"əvəz\s*(?:edil|olun){_DONE}"),
    "add": re.compile(rf"əlavə\s*(?:edil|olun){_DONE}"),
    "remove": re.compile(rf"çıxarıl{_DONE}"),
    "renumber": re.compile(rf"(?<!düşmüş )hesab\s+edil{_DONE}"),
}
VERB = re.compile("|".join(f"(?P<{name}>{p.pattern})" for name, p in VERBS.items()))

_UNIT_NOUNS = {"cüm": "sentence", "abz": "paragraph", "his": "part", "bən": "clause"}
_PUNCTUATION = {"nöqtəli vergül": ";", "iki nöqtə": ":", "nöqtə": ".", "vergül": ",", "tire": "-"}
_PUNCT = "|".join(_PUNCTUATION)

_SUBSTITUTE_PAIR = re.compile(
    rf"{_SELECTOR}{_DECLINED}(?P<old>{_QLIST}){_SELECTOR_QUOTE}\s+{_NOUN}{_SELECTOR_AFTER}"
    rf"(?:\s+isə)?\s+(?:müvafiq\s+olaraq\s+)?{_DECLINED}"
    rf"(?P<new>{_QLIST})\s+{_NOUN}(?:\s+ilə)?"
)
_QUOTE_TO_PUNCT = re.compile(
    rf"{_SELECTOR}(?P<old>{_Q})\s+{_NOUN}\s+(?P<new>{_PUNCT})\s+işarəsi\s+ilə"
)
_PUNCT_PAIR = re.compile(
    rf"(?:(?P<end>sonun\w*)\s+)?(?P<old>{_PUNCT})\s+işarəsi\s+(?P<new>{_PUNCT})\s+işarəsi\s+ilə"
)
_INSERT = re.compile(
    rf"{_SELECTOR}{_DECLINED}(?P<anchor>{_Q})\s+{_NOUN}(?:dən|dan){_SELECTOR_AFTER}\s+"
    rf"(?P<position>sonra|əvvəl)(?:\s+isə)?\s+"
    rf"{_DECLINED}(?P<new>{_QLIST})\s+{_NOUN}"
)
_DELETE = re.compile(rf"{_SELECTOR}{_DECLINED}(?P<old>{_QLIST})(?:\s+{_NOUN})?{_SELECTOR_AFTER}")
_NEW_PROVISIONS = re.compile(
    rf"(?:sonra\s+)?(?:(?:yeni|aşağıdakı)\s+)?(?:(?:məzmunda|redaksiyada)\s+)?(?:yeni\s+)?"
    rf"(?P<nums>{_NUMLIST})\s+"
    r"(?P<noun>maddə(?:lər)?|bənd(?:lər)?|hissə(?:lər)?|fəsil(?:lər)?|paraqraf(?:lar)?)"
)
_NEW_UNITS = re.compile(
    rf"(?:sonra\s+)?(?:(?:yeni|aşağıdakı)\s+)?(?:(?:məzmunda|redaksiyada)\s+)?(?:yeni\s+)?"
    rf"(?P<ords>(?:{AZ_ORDINAL_PATTERN})(?:\s*(?:,|və)\s*(?:{AZ_ORDINAL_PATTERN}))*)?\s*"
    r"(?P<noun>cümlə(?:lər)?|abzas(?:lar)?|hissə(?:lər)?|bənd(?:lər)?)"
)
_NEW_NOTE = re.compile(
    r"(?:(?:yeni|aşağıdakı)\s+)?(?:məzmunda\s+)?(?P<note>qeyd\w*)(?:\s*hissəsi)?", re.I
)
_RENUMBER = re.compile(
    rf"(?:müvafiq\s+olaraq\s+)?(?:(?P<nums>{_NUMLIST})\s+madd\w*"
    rf"|(?P<clause>{_N}|{AZ_ORDINAL_PATTERN})\s+bənd\w*|(?P<sentence>{AZ_ORDINAL_PATTERN})\s+cümlə\w*)"
)
_ORDINAL = re.compile(AZ_ORDINAL_PATTERN)
_NUM_TOKEN = re.compile(r"⟦n(\d+)⟧")
_SEPARATOR = re.compile(r"\s*(?:,|və|;)?\s*")


@dataclass(frozen=True)
class WordChange:
    """One reading of a clause body, before it is bound to its targets."""

    kind: str
    old: str = ""
    new: str = ""
    anchor: str = ""
    position: str = "after"
    nums: tuple[str, ...] = ()
    unit: str | None = None
    declined: bool = False
    occurrence: int | None = None
    phrases: tuple[TargetPhrase, ...] = ()


BodyReader = Callable[[Skeleton, str], list[WordChange] | str]


def read_substitute(skeleton: Skeleton, body: str) -> list[WordChange] | str:
    """`⟦q0⟧ sözü ⟦q1⟧ sözləri ilə, ⟦q2⟧ sözləri ⟦q3⟧ sözü ilə` → two substitutions."""
    changes: list[WordChange] = []
    phrases: tuple[TargetPhrase, ...] = ()
    for match, name in _repeat(body, (_SUBSTITUTE_PAIR, _QUOTE_TO_PUNCT, _PUNCT_PAIR), skeleton):
        if isinstance(match, str):
            return match
        if isinstance(match, tuple):
            phrases = match
            continue
        if name == 1:
            changes.append(WordChange("substitute", old=skeleton.quote(match["old"]),
                                      new=_PUNCTUATION[match["new"]],
                                      occurrence=_occurrence(match), phrases=phrases))
        elif name == 0:
            olds, news = _quotes(skeleton, match["old"]), _quotes(skeleton, match["new"])
            if len(olds) != len(news) and len(news) != 1:
                return f"{len(olds)} old wordings but {len(news)} new ones"
            declined = "ismin" in match.group(0)
            for i, old in enumerate(olds):
                new = news[i] if len(news) > 1 else news[0]
                changes.append(WordChange("substitute", old=old, new=new, declined=declined,
                                          occurrence=_occurrence(match), phrases=phrases))
        else:
            unit = "end" if match["end"] else None
            changes.append(WordChange("substitute", old=_PUNCTUATION[match["old"]],
                                      new=_PUNCTUATION[match["new"]], unit=unit,
                                      phrases=phrases))
    return changes


def read_insert(skeleton: Skeleton, body: str) -> list[WordChange] | str:
    changes: list[WordChange] = []
    phrases: tuple[TargetPhrase, ...] = ()
    for match, _ in _repeat(body, (_INSERT,), skeleton):
        if isinstance(match, str):
            return match
        if isinstance(match, tuple):
            phrases = match
            continue
        anchor = skeleton.quote(match["anchor"])
        position = "after" if match["position"] == "sonra" else "before"
        declined = "ismin" in match.group(0)
        changes += [
            WordChange("insert", anchor=anchor, new=new, position=position, declined=declined,
                       occurrence=_occurrence(match), phrases=phrases)
            for new in _quotes(skeleton, match["new"])
        ]
    return changes


def read_add(skeleton: Skeleton, body: str) -> list[WordChange] | str:
    """`yeni məzmunda ⟦n0⟧ və ⟦n1⟧ maddələr`, `yeni məzmunda ikinci cümlə`, `'Qeyd' hissəsi`."""
    if (match := _NEW_PROVISIONS.fullmatch(body)) is not None:
        noun = match["noun"]
        unit = "chapter" if noun.startswith("fəsil") else None
        nums = tuple(numbers(skeleton, match["nums"]))
        return [WordChange("add", nums=nums, unit=unit)]
    if (match := _NEW_UNITS.fullmatch(body)) is not None:
        kind = _UNIT_NOUNS[match["noun"][:3]]
        ords = _ORDINAL.findall(match["ords"] or "")
        values = [ordinal_value(o) for o in ords]
        units = [f"{kind}:{v}" for v in values if v] or [kind]
        return [WordChange("add", unit=unit) for unit in units]
    if (match := _NEW_NOTE.fullmatch(body)) is not None:
        return [WordChange("add", unit="note")]
    if _INSERT.match(body):
        return read_insert(skeleton, body)
    return f"cannot read what is added: {show(skeleton, body)!r}"


def read_remove(skeleton: Skeleton, body: str) -> list[WordChange] | str:
    """`⟦q0⟧ və ⟦q1⟧ sözləri` → two deletions; nothing → the target itself is removed."""
    if not body:
        return [WordChange("repeal")]
    changes: list[WordChange] = []
    phrases: tuple[TargetPhrase, ...] = ()
    for match, _ in _repeat(body, (_DELETE,), skeleton):
        if isinstance(match, str):
            return match
        if isinstance(match, tuple):
            phrases = match
            continue
        declined = "ismin" in match.group(0)
        changes += [WordChange("delete", old=q, declined=declined, occurrence=_occurrence(match),
                               phrases=phrases)
                    for q in _quotes(skeleton, match["old"])]
    return changes


def read_whole(kind: str) -> BodyReader:
    def read(skeleton: Skeleton, body: str) -> list[WordChange] | str:
        if body:
            return f"unexpected words before the verb: {show(skeleton, body)!r}"
        return [WordChange(kind)]

    return read


def read_renumber(skeleton: Skeleton, body: str) -> list[WordChange] | str:
    match = _RENUMBER.fullmatch(body)
    if not match:
        return f"cannot read the new numbers: {show(skeleton, body)!r}"
    if match["nums"]:
        return [WordChange("renumber", nums=tuple(numbers(skeleton, match["nums"])))]
    # A unit becomes another unit: `ikinci cümlə üçüncü cümlə`, `mətni 1-ci bənd`.
    kind, value = ("clause", match["clause"]) if match["clause"] \
        else ("sentence", match["sentence"])
    number = skeleton.num(value) if value.startswith("⟦") else str(ordinal_value(value))
    return [WordChange("renumber", nums=(f"{kind}:{number}",))]


BODY_READERS: dict[str, BodyReader] = {
    "substitute": read_substitute,
    "add": read_add,
    "remove": read_remove,
    "restate": read_whole("restate"),
    "repeal": read_whole("repeal"),
    "renumber": read_renumber,
}


def _repeat(body: str, patterns: tuple[re.Pattern[str], ...], skeleton: Skeleton | None = None):  # type: ignore[no-untyped-def]
    """Matches of any of `patterns` one after another, joined by commas or `və`; with a
    skeleton, a target phrase may come between them (`… ilə, ⟦n1⟧ maddənin sanksiyasında …`)
    and is yielded as a tuple of phrases."""
    position = 0
    while position < len(body):
        for index, pattern in enumerate(patterns):
            match = pattern.match(body, position)
            if match:
                yield match, index
                position = _SEPARATOR.match(body, match.end()).end()  # type: ignore[union-attr]
                break
        else:
            phrases, rest = read_targets(skeleton, body[position:]) if skeleton else ([], "")
            if phrases and rest:
                yield tuple(phrases), -2
                position = len(body) - len(rest)
                continue
            rest = show(skeleton, body[position:]) if skeleton else body[position:]
            yield f"cannot read {rest!r}", -1
            return


def _occurrence(match: re.Match[str]) -> int | None:
    """`birinci halda` → 1, `hər iki halda` → 0 (every occurrence), nothing → None."""
    groups = match.groupdict()
    selector = groups.get("sel") or groups.get("sel2") or groups.get("sel3")
    if not selector:
        return None
    if selector.startswith(("hər", "bütün")):
        return 0
    return ordinal_value(selector.removesuffix(" halda").removesuffix("halda").strip())


def _quotes(skeleton: Skeleton, qlist: str) -> list[str]:
    return [" ".join(skeleton.quotes[int(i)].split()) for i in QUOTE.findall(qlist)]


def show(skeleton: Skeleton, text: str) -> str:
    """The clause words with quotes and numbers put back, for a reason a person can read."""
    text = QUOTE.sub(lambda m: f"“{skeleton.quotes[int(m.group(1))]}”", text)
    return _NUM_TOKEN.sub(lambda m: skeleton.nums[int(m.group(1))], text)
