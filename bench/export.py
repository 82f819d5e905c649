"""Bench: all three Word documents of a 100-amendment package (target: 1 s in total).

The package changes 100 real provisions of the Criminal Code extract in `current-2024/` (a word
inserted in most, every tenth provision repealed, every tenth one added); prints one JSON line.
"""

from __future__ import annotations

import io
import json
import time

from amendments.word import KINDS, AmendedAct, DocumentInput, Item, Row, write
from corpus.manifest import read_manifest
from corpus.parse import parse_act
from corpus.readers import read_text
from corpus.respace import Respacer
from qanun.settings import corpus_dir

EXTRACT = "az/current-2024/criminal-code.dv-articles.txt"
AMENDMENTS = 100
TARGET_SECONDS = 1.0


def package_input() -> DocumentInput:
    root = corpus_dir()
    entry = next(e for e in read_manifest(root) if e.path == EXTRACT)
    source = read_text(root / EXTRACT)
    act = parse_act(source, entry, Respacer.from_texts([source]))
    provisions = [p for p in act.provisions() if len(p.text.split()) >= 6]
    items, rows = [], []
    for index in range(AMENDMENTS):
        provision = provisions[index % len(provisions)]
        words = provision.text.split()
        old = words[len(words) // 2]
        article = provision.num.split(".")[0]
        if index % 10 == 9:
            rows.append(Row(f"{provision.num}-{index}", "", provision.text, "new", "yeni", "A"))
            items.append(Item("aşağıdakı məzmunda maddə əlavə edilsin:", article, [provision.text]))
        elif index % 10 == 4:
            rows.append(Row(provision.num, provision.text, "", "repealed", "lazım deyil", "B"))
            items.append(Item(f"{provision.num}-ci maddə çıxarılsın", article))
        else:
            after = provision.text.replace(old, old + " yeni", 1)
            rows.append(Row(provision.num, provision.text, after, "changed", "səbəb", "C",
                            "2026-11-23"))
            items.append(Item(f"{provision.num}-ci maddədə “{old}” sözündən sonra “yeni” sözü "
                              "əlavə edilsin", article))
    code = AmendedAct("criminal-code", "code", "Cinayət", act.title, items=items, rows=rows)
    return DocumentInput("bench", "Bench package", "draft", True, "az", [code], "2026-11-23")


def main() -> None:
    source = package_input()
    timings: dict[str, float] = {}
    sizes: dict[str, int] = {}
    for kind in KINDS:  # one warm-up run: templates compiled, python-docx's template read
        write(source, kind, io.BytesIO())
    start = time.perf_counter()
    for kind in KINDS:
        began = time.perf_counter()
        buffer = io.BytesIO()
        write(source, kind, buffer)
        timings[kind] = round(time.perf_counter() - began, 4)
        sizes[kind] = len(buffer.getvalue())
    total = time.perf_counter() - start
    print(json.dumps({
        "bench": "export",
        "amendments": AMENDMENTS,
        "seconds": round(total, 4),
        "target_seconds": TARGET_SECONDS,
        "ok": total <= TARGET_SECONDS,
        "per_kind_seconds": timings,
        "bytes": sizes,
    }))


if __name__ == "__main__":
    main()
