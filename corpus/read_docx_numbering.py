"""Word's automatic numbering rendered as the text Word shows: in a law typed with list numbering
the `10.1.` of a point lives only in numbering.xml, and without it the parser would see no point.

Counters follow Word: one set per abstract numbering, a level restarts when a higher one counts,
`lvlText` such as `%1.%2.` spells the label, a `startOverride` restarts a list. A bullet becomes
`- `, the Markdown bullet the shared corpus already has.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(element: etree._Element | None, default: str = "") -> str:
    return element.get(_w("val"), default) if element is not None else default


@dataclass(frozen=True)
class _Level:
    format: str
    text: str
    start: int
    legal: bool


@dataclass
class Numbering:
    """The numbering definitions and styles of one document, and the running counters."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    styles: dict[str, tuple[str, str | None, int | None]] = field(default_factory=dict)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, numbering: etree._Element | None, styles: etree._Element | None) -> Numbering:
        result = cls()
        if numbering is not None:
            for abstract in numbering.iterchildren(_w("abstractNum")):
                result.levels[abstract.get(_w("abstractNumId"), "")] = _levels(abstract)
            for num in numbering.iterchildren(_w("num")):
                overrides = {
                    int(o.get(_w("ilvl"), "0")): int(_val(o.find(_w("startOverride")), "1"))
                    for o in num.iterchildren(_w("lvlOverride"))
                    if o.find(_w("startOverride")) is not None
                }
                abstract_id = _val(num.find(_w("abstractNumId")))
                result.nums[num.get(_w("numId"), "")] = (abstract_id, overrides)
        if styles is not None:
            for style in styles.iterchildren(_w("style")):
                num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
                num_id = _val(num_pr.find(_w("numId"))) if num_pr is not None else None
                ilvl = num_pr.find(_w("ilvl")) if num_pr is not None else None
                result.styles[style.get(_w("styleId"), "")] = (
                    _val(style.find(_w("basedOn"))),
                    num_id or None,
                    int(_val(ilvl)) if ilvl is not None else None,
                )
        return result

    def label(self, paragraph: etree._Element) -> str:
        """The label Word shows before this paragraph (`10.1. `), or `""`."""
        num_id, ilvl = self._numbering_of(paragraph)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, overrides = self.nums[num_id]
        levels = self.levels.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for restart_level, start in overrides.items():
                counters[restart_level] = start - 1
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.format == "bullet":
            return "- "
        text = level.text
        for k in range(9, 0, -1):
            shown = levels.get(k - 1)
            value = counters.get(k - 1, shown.start if shown else 1)
            number_format = "decimal" if level.legal or shown is None else shown.format
            text = text.replace(f"%{k}", _format(value, number_format))
        return f"{text} " if text else ""

    def _numbering_of(self, paragraph: etree._Element) -> tuple[str | None, int]:
        properties = paragraph.find(_w("pPr"))
        num_pr = properties.find(_w("numPr")) if properties is not None else None
        num_id = _val(num_pr.find(_w("numId"))) or None if num_pr is not None else None
        ilvl_element = num_pr.find(_w("ilvl")) if num_pr is not None else None
        ilvl = int(_val(ilvl_element)) if ilvl_element is not None else None
        style_id = _val(properties.find(_w("pStyle"))) if properties is not None else ""
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            based_on, style_num, style_ilvl = self.styles[style_id]
            num_id = num_id or style_num
            ilvl = ilvl if ilvl is not None else style_ilvl
            style_id = based_on
        return num_id, ilvl or 0


def _levels(abstract: etree._Element) -> dict[int, _Level]:
    return {
        int(level.get(_w("ilvl"), "0")): _Level(
            format=_val(level.find(_w("numFmt")), "decimal"),
            text=_val(level.find(_w("lvlText"))),
            start=int(_val(level.find(_w("start")), "1")),
            legal=level.find(_w("isLgl")) is not None,
        )
        for level in abstract.iterchildren(_w("lvl"))
    }


_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)


def _format(value: int, number_format: str) -> str:
    """`4` as Word shows it: decimal `4`, upperRoman `IV`, lowerLetter `d`, decimalZero `04`."""
    if number_format in ("lowerRoman", "upperRoman"):
        roman, rest = "", value
        for amount, letters in _ROMAN:
            while rest >= amount > 0:
                roman, rest = roman + letters, rest - amount
        return roman.upper() if number_format == "upperRoman" else roman
    if number_format in ("lowerLetter", "upperLetter") and value > 0:
        # Word repeats the letter past z: 27 → aa, 28 → bb.
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if number_format == "upperLetter" else letter
    if number_format == "decimalZero":
        return f"{value:02d}"
    if number_format == "none":
        return ""
    return str(value)
