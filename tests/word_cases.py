"""The real case the Word tests are written against: the 2024 amending law of the DV law applied
to the 2010 text in the corpus (preamble and Article 1.0.1-1.0.4), read from the shared corpus.
"""

from __future__ import annotations

import re
from functools import cache

from amendments.word import AmendedAct, DocumentInput, Item, Row
from corpus.manifest import read_manifest
from corpus.model import Act
from corpus.parse import parse_act
from corpus.readers import read_text
from corpus.respace import Respacer
from qanun.settings import corpus_dir

DV_LAW_PATH = "az/dv-law/2010-original.eqanun.partial.txt"
AMENDING_LAW_PATH = "az/dv-law/2024-amending-law.partial.txt"
SOURCE = "Azərbaycan Respublikasının Qanunvericilik Toplusu, 2010, № 10, maddə 836 (Cild I)"
DV_LAW_NAME = {"az": "Məişət zorakılığının qarşısının alınması haqqında",
               "en": "Law on Prevention of Domestic Violence"}

# The 2024 law's word changes, as (provision, old words, new words); "" deletes.
CHANGES_2024: tuple[tuple[str, str, str], ...] = (
    ("preamble", "yaxın ", ""),
    ("1.0.1", "yaxın ", ""),
    ("1.0.1", "şamil edildiyi", "4-cü maddəsində göstərilən"),
    ("1.0.2", "bir yerdə yaşadığı ailə üzvünün, yaxın qohumunun, qanuni nikahda olmadığı və ya "
              "əvvəllər birgə yaşadığı şəxsin ona",
     "bu Qanunun 4-cü maddəsində göstərilən şəxslərin birinin digərinə"),
    ("1.0.3", "şamil edildiyi", "4-cü maddəsində göstərilən"),
    ("1.0.4", "şamil edildiyi", "4-cü maddəsində göstərilən"),
)
# English wording of the first items, as the formulas helper's templates phrase them.
ITEMS_EN: tuple[tuple[str | None, str], ...] = (
    (None, "In the preamble, the word “yaxın” shall be deleted."),
    ("1", "In Article 1.0.1, the word “yaxın” shall be deleted and the words “şamil edildiyi” "
          "shall be replaced by the words “4-cü maddəsində göstərilən”"),
    ("1", "In Article 1.0.2, the words “bir yerdə yaşadığı ailə üzvünün, yaxın qohumunun, qanuni "
          "nikahda olmadığı və ya əvvəllər birgə yaşadığı şəxsin ona” shall be replaced by the "
          "words “bu Qanunun 4-cü maddəsində göstərilən şəxslərin birinin digərinə”"),
)
AUTHOR = "Milli Məclis"
DATE = "2024-03-29"
_ITEM = re.compile(r"^(\d+)(?:\.(\d+))?\. (.+)$")


@cache
def dv_law() -> Act:
    """The 2010 DV law as the corpus parser reads it (a clean text: no respacing needed)."""
    root = corpus_dir()
    entry = next(e for e in read_manifest(root) if e.path == DV_LAW_PATH)
    source = read_text(root / entry.path)
    return parse_act(source, entry, Respacer.from_texts([source]))


def amending_law_items() -> list[tuple[str, str]]:
    """(number, text) of every complete item of the real 2024 law (`1` … `4.1`)."""
    text = read_text(corpus_dir() / AMENDING_LAW_PATH)
    found = []
    for line in text.splitlines():
        match = _ITEM.match(line.strip())
        if match and line.strip().endswith((".", ";", ":")):
            number = match.group(1) + (f".{match.group(2)}" if match.group(2) else "")
            found.append((number, match.group(3)))
    return found


def items_2024() -> list[Item]:
    """The real items as writer input: group headings dropped, their article kept."""
    items: list[Item] = []
    articles: dict[str, str] = {}
    for number, text in amending_law_items():
        if text.endswith("maddə üzrə:"):
            articles[number] = text.split("-")[0]
            continue
        items.append(Item(text, articles.get(number.split(".")[0]) if "." in number else None))
    return items


def provision_text(num: str) -> str:
    act = dv_law()
    return act.preamble if num == "preamble" else act.find(num).text


def rows_2024() -> list[Row]:
    """Each provision the 2024 law changes, before and after, the changes applied by hand."""
    rows: dict[str, Row] = {}
    for num, old, new in CHANGES_2024:
        before = provision_text(num)
        row = rows.setdefault(num, Row(num, before, before, "changed", f"2024: {num}", AUTHOR,
                                       DATE))
        assert row.after.count(old) >= 1, (num, old)
        row.after = row.after.replace(old, new, 1)
    return list(rows.values())


def input_2024(language: str = "az") -> DocumentInput:
    items = items_2024() if language == "az" else [Item(t, a) for a, t in ITEMS_EN]
    act = AmendedAct("dv-law", "law", DV_LAW_NAME[language], dv_law().title, SOURCE, items,
                     rows_2024())
    return DocumentInput("dv-2024", "Law of 2024 amending the DV law", "adopted", False,
                         language, [act], DATE)


# An illustrative draft of the Code of Administrative Offences with every kind of row: a changed
# fine (article 158.3 of the 2024 text), a new provision, a repealed one; authors and dates vary.
DRAFT = AmendedAct(
    "administrative-offences-code", "code", "İnzibati Xətalar",
    "Azərbaycan Respublikasının İnzibati Xətalar Məcəlləsi",
    rows=[
        Row("158.3", "Məişət zorakılığından zərər çəkmiş şəxslərə qeyri-dövlət yardım "
            "mərkəzlərinin akkreditasiyadan keçmədən fəaliyyət göstərməsinə görə-\notuz beş "
            "manatdan əlli manatadək məbləğdə cərimə edilir.",
            "Məişət zorakılığından zərər çəkmiş şəxslərə qeyri-dövlət yardım mərkəzlərinin "
            "akkreditasiyadan keçmədən fəaliyyət göstərməsinə görə-\nyüz manatdan iki yüz "
            "manatadək məbləğdə cərimə edilir.",
            "changed", "", "Aysel Məmmədova", "2026-11-20T09:30:00+04:00"),
        Row("158.5", "", "Polis uzaqlaşdırma qərarının tələblərinə əməl edilməməsinə görə -\n"
            "beş yüz manatdan min manatadək məbləğdə cərimə edilir.", "new", "", "Rauf Əliyev",
            "unknown"),
        Row("158.2-1", "Bu Məcəllənin 158.1-ci və 158.2-ci maddələrində nəzərdə tutulmuş "
            "xətaların təkrar törədilməsinə görə –", "", "repealed", "", "", ""),
    ],
)
