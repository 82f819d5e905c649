"""Repair of the spaces the PDF conversion left around `ə ş ğ` in the words of a formula.

The respace layer of the corpus repairs the codes' text; where it has not (footnotes of some
codes read `edilmi şdir`, `sözl ə ri`, `nömr ə li`), the formula's own vocabulary is enough: a
split word is joined back when the joined form is a word of the formulas.

>>> rejoin_spaced("' yaxın ' sözü çıxarılmı ş dır və edilmi şdir")
"' yaxın ' sözü çıxarılmışdır və edilmişdir"
"""

from __future__ import annotations

import re

from corpus.respace_lexicon import SPLIT_GLYPHS

# Words of footnote formulas and citations (outside quotes) that hold ə, ş or ğ, as the clean
# codes write them; a join must produce one of these.
FORMULA_WORDS = frozenset(
    [
        "ailə", "azərbaycan", "azərtac", "aşağıdakı", "barədə", "bağlı", "başqa", "beynəlxalq",
        "beş", "beşinci", "bilə", "bölmənin", "bənd", "bənddə", "bəndi", "bəndində",
        "bəndindən", "bəndinə", "bəndlər", "bəzi", "cinayət", "cümlə", "cümlədə", "cümlədən",
        "cümlələr", "cümlələri", "cümlələrində", "cümlələrinə", "cümləsi", "cümləsində",
        "cümləsindən", "cümləsinə", "cümləyə", "cəza", "cəzadan", "digər", "dövlət", "düşmüş",
        "dəyişiklik", "dəyişikliklər", "edilmiş", "edilmişdir", "edilməsi", "edilən", "edən",
        "etmə", "etmək", "fəaliyyəti", "fəsil", "fəslin", "görə", "hissəsi", "hissəsində",
        "hissəsindən", "hissəsinin", "hissəsinə", "həmin", "hər", "həyata", "ilə", "istifadə",
        "isə", "işarəsi", "kağızlar", "ləğv", "maddə", "maddədə", "maddədən", "maddələr",
        "maddələrdə", "maddələrdən", "maddələrin", "maddələrində", "maddələrinin",
        "maddələrinə", "maddələrə", "maddənin", "maddəsi", "maddəsində", "maddəsindən",
        "maddəsinin", "maddəsinə", "maddəyə", "maliyyə", "maliyyələşdirilməsi", "minməsi",
        "mübarizə", "müdafiə", "müdafiəsi", "müddəalarının", "müddəası", "müddətdə", "müəyyən",
        "məbləğində", "məcəllədən", "məcəllələrinə", "məcəllənin", "məcəlləsinin",
        "məcəlləsinə", "məcəlləyə", "məhkum", "məhkəmə", "məhkəməsi", "məhkəməsinin",
        "məlumat", "məsuliyyət", "məsələləri", "mətni", "mətnində", "mətninə", "məzmunda",
        "nömrəli", "nöqtə", "nöqtəli", "nəzərdə", "olunmuş", "olunmuşdur", "qadağan", "qeydə",
        "qiymətli", "qoyulmuşdur", "qoşulması", "qüvvədən", "qüvvəyə", "qəbul", "qərar",
        "qərarlarının", "qərarı", "qərarın", "qərarının", "qəzeti", "rəqəmi", "rəqəmindən",
        "rəqəmləri", "rəqəmlərindən", "rəsmi", "sözləri", "sözlərindən", "sözündən", "sığorta",
        "tutulmuş", "törətmiş", "tənzimləmə", "təqsirləndirilən", "tərəfindən", "təsbit",
        "təsdiq", "tətbiq", "tətbiqi", "təyin", "uyğun", "verilmişdir", "və", "vərəsəlik",
        "xəbərçilik", "xətalar", "yaşayış", "çıxarılmış", "çıxarılmışdır", "üzrə", "şübhəli",
        "şərti", "şəxs", "şəxsin", "şəxslər", "şəxslərin", "əlaqədar", "əlavə", "əlavələr",
        "əmlakın", "əsasən", "əvvəl", "əvvəlinə", "əvvəlki", "əvəz"
    ]
)
_TOKEN = re.compile(r"\S+")
_SIGNATURE = re.compile(r"(?<!\S)[əşğƏŞĞ]{1,2}(?![^\s.,;:])|(?<!\S)[əşğ]\w*d[iıə]r\b")
_PUNCTUATION = "(\"'“.,;:)”"
_WINDOW = 4


def rejoin_spaced(text: str) -> str:
    """`text` with split formula words joined; everything else, spacing included, untouched."""
    # Most texts are clean: a split leaves a lone letter (`nömr ə li`) or a stub (`edilmi şdir`).
    if not _SIGNATURE.search(text):
        return text
    matches = list(_TOKEN.finditer(text))
    pieces: list[str] = []
    position, index = 0, 0
    while index < len(matches):
        nxt = matches[index + 1].group() if index + 1 < len(matches) else ""
        end = index
        if _suspicious(matches[index].group()) or _suspicious(nxt):
            end = _join_end(matches, index)
        pieces.append(text[position:matches[index].start()])
        pieces.append("".join(m.group() for m in matches[index:end + 1]))
        position = matches[end].end()
        index = end + 1
    pieces.append(text[position:])
    return "".join(pieces)


def _suspicious(token: str) -> bool:
    word = token.strip(_PUNCTUATION)
    return bool(word) and (word[0] in SPLIT_GLYPHS or word[-1] in SPLIT_GLYPHS) \
        and word.lower() not in FORMULA_WORDS


def _join_end(tokens: list[re.Match[str]], start: int) -> int:
    """The last token of the longest run from `start` that joins into a formula word."""
    best = start
    joined = tokens[start].group()
    for end in range(start + 1, min(start + _WINDOW, len(tokens))):
        if tokens[end].start() - tokens[end - 1].end() > 2:
            break
        joined += tokens[end].group()
        if joined.strip(_PUNCTUATION).lower() in FORMULA_WORDS:
            best = end
    return best
