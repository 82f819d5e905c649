"""The English formulas, as `templates/formulas/en` words them, read back into operations.

>>> parse_formula_en("In Article 1.0.1, the word “yaxın” shall be deleted.", act="dv-law")
... # doctest: +ELLIPSIS
FormulaParse(operations=[DeleteWords(target=Target(act='dv-law', num='1.0.1', ...
"""

from __future__ import annotations

import re

from amendments.formulas import FormulaParse, split_new_text
from amendments.formulas_numbers import ordinal_value_en
from amendments.operations import (
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

_NUM = r"[0-9][0-9.\-]*[0-9]|[0-9]"
_TARGET = (
    r"(?:the (?P<subord>\w+) (?P<subkind>sentence|paragraph|clause) of (?=(?:part|clause) ))?"
    r"(?:(?P<named>the (?:sanction|disposition|heading|text|end) of|the note to) "
    r"|the (?P<ord>\w+) (?P<ordkind>sentence|paragraph) of "
    r"|(?P<valkind>part|clause|section) (?P<val>[\w-]+) of )?"
    rf"(?:Article (?P<num>{_NUM})|Chapter (?P<chapter>{_NUM}|[IVXL]+)|(?P<preamble>the preamble)"
    r"|(?P<act>the Law))"
)
_BE = r"(?:shall be|were|was)"
_MARKS = {"semicolon": ";", "colon": ":", "full stop": ".", "comma": ",", "dash": "-"}
_MARK = "|".join(_MARKS)
_WORDS = r"(?:the words? “(?P<{0}>.*?)”|the (?P<{0}mark>" + _MARK + "))"
_SELECTOR = r"(?:(?P<sel>every|the \w+) occurrence of )?"
_DECLINED = r"(?P<declined> in all their grammatical cases)?"
_NEW_TEXT = r"(?: (?:with the following wording|as follows):\s*“(?P<text>[\s\S]*)”)?\.$"

_FORMS = {
    "substitute": re.compile(
        rf"^In {_TARGET}, {_SELECTOR}{_WORDS.format('old')}{_DECLINED} {_BE} replaced by "
        rf"{_WORDS.format('new')}\.$"
    ),
    "delete": re.compile(
        rf"^In {_TARGET}, {_SELECTOR}{_WORDS.format('old')}{_DECLINED} {_BE} deleted\.$"
    ),
    "insert": re.compile(
        rf"^In {_TARGET}, {_WORDS.format('new')} {_BE} inserted (?P<position>after|before) "
        rf"{_SELECTOR}{_WORDS.format('anchor')}{_DECLINED}\.$"
    ),
    "add_unit": re.compile(
        rf"^A (?P<addord>\w+) (?P<addkind>sentence|paragraph) {_BE} added to {_TARGET}{_NEW_TEXT}"
    ),
    "add": re.compile(
        rf"^(?:After Article (?P<after>{_NUM}), )?(?P<addwhat>Article|Chapter) "
        rf"(?P<addnum>{_NUM}|[IVXL]+) "
        rf"{_BE} added{_NEW_TEXT}"
    ),
    "restate": re.compile(rf"^{_TARGET} {_BE} restated{_NEW_TEXT}", re.IGNORECASE),
    "repeal": re.compile(rf"^{_TARGET} {_BE} repealed\.$", re.IGNORECASE),
    "renumber": re.compile(
        rf"^{_TARGET} {_BE} renumbered as Article (?P<newnum>{_NUM})\.$", re.IGNORECASE
    ),
}


def parse_formula_en(text: str, act: str) -> FormulaParse:
    """One English formula → its operation, or the reason it could not be read."""
    text = text.strip()
    for kind, pattern in _FORMS.items():
        match = pattern.match(text)
        if match:
            return FormulaParse(operations=[_operation(kind, match, act)])
    return FormulaParse(problems=[f"not an English formula Qanun knows: {text[:80]!r}"])


def _operation(kind: str, match: re.Match[str], act: str) -> Operation:
    groups = match.groupdict()
    if kind == "add":
        unit = "chapter" if groups["addwhat"] == "Chapter" else None
        target = _target(act, groups["addnum"], unit)
        heading, body = split_new_text(groups["addnum"], _quoted(groups, "Article"))
        return AddProvision(target=target, text=body, heading=heading, after=groups["after"])
    target = _target_of(groups, act)
    if kind == "add_unit":
        unit = f"{groups['addkind']}:{ordinal_value_en(groups['addord'])}"
        target = Target(target.act, target.num, target.eid, unit)
        return AddProvision(target=target, text=groups["text"] or "")
    if kind == "restate":
        if target.unit:
            return RestateProvision(target=target, text=groups["text"] or "")
        heading, body = split_new_text(target.num, _quoted(groups, "Article"))
        return RestateProvision(target=target, text=body, heading=heading)
    if kind == "repeal":
        return Repeal(target=target)
    if kind == "renumber":
        return Renumber(target=target, new_num=groups["newnum"])
    occurrence = _occurrence(groups["sel"])
    declined = bool(groups["declined"])
    if kind == "substitute":
        return SubstituteWords(target=target, old=_words(groups, "old"), new=_words(groups, "new"),
                               declined=declined, occurrence=occurrence)
    if kind == "delete":
        return DeleteWords(target=target, old=_words(groups, "old"), declined=declined,
                           occurrence=occurrence)
    return InsertWords(target=target, anchor=_words(groups, "anchor"), new=_words(groups, "new"),
                       position=groups["position"], declined=declined, occurrence=occurrence)


def _target_of(groups: dict[str, str | None], act: str) -> Target:
    unit = None
    if groups["named"]:
        unit = {"the note to": "note"}.get(groups["named"]) or groups["named"].split()[1]
    elif groups["ordkind"]:
        unit = f"{groups['ordkind']}:{ordinal_value_en(groups['ord'] or '')}"
    elif groups["valkind"]:
        unit = f"{groups['valkind'].lower()}:{groups['val']}"
    if unit and groups.get("subkind"):
        unit = f"{unit}/{groups['subkind']}:{ordinal_value_en(groups['subord'] or '')}"
    if groups["preamble"]:
        return Target(act, "preamble", "preamble", unit)
    if groups["act"]:
        return Target(act, "", None, unit)
    if groups["chapter"]:
        return _target(act, groups["chapter"], f"chapter/{unit}" if unit else "chapter")
    return _target(act, groups["num"] or "", unit)


def _target(act: str, num: str, unit: str | None) -> Target:
    if unit and unit.startswith("chapter"):
        eid = None if "section:" in unit else container_eid("chapter", num)
        return Target(act, num, eid, unit)
    parsed = Num.try_parse(num)
    return Target(act, num, parsed.eid if parsed else None, unit)


def _words(groups: dict[str, str | None], name: str) -> str:
    mark = groups.get(f"{name}mark")
    return _MARKS[mark] if mark else groups[name] or ""


def _quoted(groups: dict[str, str | None], article_word: str) -> list[str]:
    """The quoted wording with an English `Article N.` heading line read as `Maddə N.`."""
    text = groups["text"] or ""
    if text.startswith(f"{article_word} "):
        text = "Maddə " + text[len(article_word) + 1:]
    return [text] if text else []


def _occurrence(selector: str | None) -> int | None:
    if not selector:
        return None
    if selector == "every":
        return 0
    return ordinal_value_en(selector.removeprefix("the "))
