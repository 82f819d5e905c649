"""Second stage of the formula grammar: the target phrase a clause begins with.

Reads `⟦n0⟧ maddənin birinci cümləsində`, `⟦n0⟧ – ⟦n1⟧ maddələrdə`, `həmin maddədə`,
`Preambuladan`, `Məcəllənin ⟦n0⟧ maddəsi`, `⟦n0⟧ maddənin adında və ⟦n1⟧ maddədə` into
provision numbers, the unit inside them (`sentence:1`, `sanction`, `heading` …) and the case the
phrase ends in, which tells the grammar whether the provision is changed (nominative) or changed
inside (locative, ablative, dative).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from amendments.formulas_numbers import AZ_ORDINAL_PATTERN, ordinal_value
from amendments.formulas_tokens import Skeleton, expand_range, split_range

Case = Literal["nom", "gen", "loc", "abl", "dat"]
PREAMBLE = "preamble"

_N = r"⟦n\d+⟧"
_NUMLIST = rf"{_N}(?:\s*(?:,|və|–|—|-)\s*{_N})*"
_ORD = AZ_ORDINAL_PATTERN
_GROUP = re.compile(
    rf"""
    (?P<scope>(?:bu\s+|həmin\s+)?(?:Məcəllə|Qanun)\w*\s*)?
    (?:
        (?P<same>(?:həmin\s+)?(?:madd|bənd|hissə|cümlə)\w*)
      | (?P<preamble>preambul\w*)
      | (?P<nums>{_NUMLIST})\s+(?P<noun>m[əa]dd\w*|bənd\w*|fəsl\w*|fəsil\w*)
      | (?P<roman>[IVXL]+(?:-\d+)?)\s+(?P<romannoun>fəsl\w*|fəsil\w*)
    )?
    (?:\s*(?P<unit>
        (?P<ord>{_ORD}(?:\s*(?:,|və)\s*{_ORD})*)\s+(?P<ordnoun>cümlə\w*|abzas\w*|hissə\w*)
      | (?P<sanction>sanksiya\w*)
      | (?P<disposition>dispozisiya\w*)
      | (?P<heading>ad(?:ı|ında|ına|ından)\b)
      | (?P<text>mətn\w*)
      | (?P<note>qeyd\w*(?:\s+hissə\w*)?(?:\s+(?:hissənin\s+)?mətn\w*)?
          (?:\s+{_NUMLIST}\s+bənd(?:ində|inə|indən|lərində|lərinə|lərindən))?)
      | (?P<clause>{_NUMLIST})\s+(?P<clausenoun>bənd\w*)
      | (?P<part>[IVXL]+|{_NUMLIST})\s+(?P<partnoun>hissə\w*)
      | (?P<section>{_N})\s+paraqraf\w*
      | (?P<end>sonun\w*)
    )
    # a unit of that unit, after a genitive: `3-cü bəndinin dördüncü abzasında`
    (?:(?<=n)\s+(?P<sub>{_ORD}|{_N})\s+(?P<subnoun>cümlə\w*|abzas\w*|bənd\w*))?
    )?
    (?=\s|$|[,.:;])
    """,
    re.IGNORECASE | re.VERBOSE,
)
_ORDINAL = re.compile(_ORD)
_NUM_OR_DASH = re.compile(rf"{_N}|[–—-]")
_JOIN = re.compile(r"\s*(?:,|və)\s+")
_UNIT_KINDS = {"cümlə": "sentence", "abzas": "paragraph", "hissə": "part", "bəndi": "clause",
               "bənd": "clause", "bəndd": "clause", "bəndl": "clause"}


@dataclass(frozen=True)
class TargetPhrase:
    """What a target phrase names: numbers (`preamble` for the preamble, `` for the whole act),
    the unit inside them, and its grammatical case."""

    nums: tuple[str, ...]
    unit: str | None
    case: Case
    same: bool = False


def read_targets(skeleton: Skeleton, text: str) -> tuple[list[TargetPhrase], str]:
    """Targets at the start of `text` (a clause of `skeleton`) and the rest of the clause."""
    phrases: list[TargetPhrase] = []
    rest = text.strip()
    while True:
        phrase, after = _read_group(skeleton, rest)
        if phrase is None:
            break
        if phrase.same and phrases:
            phrase = TargetPhrase(phrases[-1].nums, phrase.unit, phrase.case)
        phrases += _each_ordinal(phrase)
        rest = after
        joined = _JOIN.match(rest)
        if not joined:
            break
        following, _ = _read_group(skeleton, rest[joined.end():])
        if following is None or following.nums == ("",):
            break
        if phrase.case == "nom" and not following.same:
            break
        rest = rest[joined.end():]
    return phrases, rest.strip()


def _each_ordinal(phrase: TargetPhrase) -> list[TargetPhrase]:
    """`birinci və ikinci cümlələrində` → one phrase for each sentence."""
    kind, _, values = (phrase.unit or "").partition(":")
    if "," not in values:
        return [phrase]
    return [TargetPhrase(phrase.nums, f"{kind}:{v}", phrase.case, phrase.same)
            for v in values.split(",")]


def _read_group(skeleton: Skeleton, text: str) -> tuple[TargetPhrase | None, str]:
    match = _GROUP.match(text)
    if not match or not match.group(0).strip():
        return None, text
    groups = match.groupdict()
    if groups["same"]:
        nums: tuple[str, ...] = ()
    elif groups["preamble"]:
        nums = (PREAMBLE,)
    elif groups["nums"]:
        nums = tuple(numbers(skeleton, groups["nums"]))
    elif groups["roman"]:
        nums = (groups["roman"],)
    elif groups["scope"]:
        nums = ("",)
    elif not groups["unit"]:
        return None, text
    else:
        nums = ()
    last_word = match.group(0).split()[-1]
    unit = _unit(skeleton, groups)
    if groups["roman"] or (groups["noun"] and groups["noun"].startswith("fəs")):
        # The target is a chapter: `chapter`, or a unit of it (`chapter/heading`).
        unit = f"chapter/{unit}" if unit else "chapter"
    if groups["unit"] and not (groups["nums"] or groups["roman"] or groups["same"]
                               or groups["preamble"]):
        # `ikinci cümləsi`, `dispozisiyası` alone: a unit of the provision named just before.
        return TargetPhrase((), unit, _case(last_word), same=True), text[match.end():]
    phrase = TargetPhrase(nums, unit, _case(last_word), same=bool(groups["same"]))
    return phrase, text[match.end():]


def numbers(skeleton: Skeleton, numlist: str) -> list[str]:
    """`⟦n0⟧ – ⟦n1⟧` → every number of the range; `⟦n0⟧, ⟦n1⟧ və ⟦n2⟧` → the three."""
    tokens = _NUM_OR_DASH.findall(numlist)
    result: list[str] = []
    pending_range = False
    for token in tokens:
        if token in "–—-":
            pending_range = True
            continue
        num = skeleton.num(token)
        if pending_range and result:
            result[-1:] = expand_range(result[-1], num)
        elif (ends := split_range(num)) is not None:
            result += expand_range(*ends)
        else:
            result.append(num)
        pending_range = False
    return result


def _unit(skeleton: Skeleton, groups: dict[str, str | None]) -> str | None:
    if groups["ord"]:
        kind = _UNIT_KINDS[groups["ordnoun"][:5].lower()]  # type: ignore[index]
        values = [ordinal_value(o) for o in _ORDINAL.findall(groups["ord"])]  # type: ignore[arg-type]
        if not values or None in values:
            return None
        return _with_sub(skeleton, f"{kind}:{','.join(str(v) for v in values)}", groups)
    if groups["part"]:
        part = groups["part"]
        values = numbers(skeleton, part) if part.startswith("⟦") else [part]
        return _with_sub(skeleton, f"part:{','.join(values)}", groups)
    if groups["clause"]:
        values = numbers(skeleton, groups["clause"])
        return _with_sub(skeleton, f"clause:{','.join(values)}", groups)
    if groups["section"]:
        return f"section:{skeleton.num(groups['section'])}"
    for name in ("sanction", "disposition", "heading", "text", "note", "end"):
        if groups[name]:
            return name
    return None


def _with_sub(skeleton: Skeleton, unit: str, groups: dict[str, str | None]) -> str:
    sub = groups["sub"]
    if not sub or "," in unit:
        return unit
    kind = _UNIT_KINDS[groups["subnoun"][:5].lower()]  # type: ignore[index]
    value = skeleton.num(sub) if sub.startswith("⟦") else ordinal_value(sub)
    return f"{unit}/{kind}:{value}"


_STEMS = ("maddə", "bənd", "sanksiya", "dispozisiya", "cümlə", "abzas", "hissə", "mətn",
          "preambula", "qeyd", "son", "ad", "məcəllə", "qanun")


def _case(word: str) -> Case:
    """The case of the phrase's last noun: `maddə` nom, `maddəsinin` gen, `maddədə` loc,
    `maddədən` abl, `maddəyə` dat."""
    word = word.lower().rstrip(",.:;")
    stem = next((s for s in _STEMS if word.startswith(s)), "")
    ending = word[len(stem):]
    if ending.endswith(("dən", "dan")):
        return "abl"
    if ending.endswith(("də", "da")):
        return "loc"
    if ending.endswith(("nin", "nın", "in", "ın")):
        return "gen"
    if ending.endswith(("yə", "ya", "nə", "na", "ə", "a")):
        return "dat"
    return "nom"
