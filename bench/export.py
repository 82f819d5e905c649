"""Bench: all three Word documents of a 100-amendment package (target: 1 s for the three).

The package makes 100 amendments to the real provisions of the three code extracts in
`current-2024/`: a word inserted in most, every tenth provision repealed, every tenth followed by
a new one, then second insertions until there are 100. The package is
consolidated first (timed apart: it is the packages wing's step), then the documents are made
from it, in Azerbaijani, through the same adapter the CLI uses. Prints one JSON line.
"""

from __future__ import annotations

import io
import json
import time

from amendments.consolidate import consolidate
from amendments.operations import AddProvision, InsertWords, Operation, Repeal, Target
from amendments.packages import Amendment, Package
from amendments.word import KINDS, write
from amendments.word.from_package import document_input
from corpus.manifest import read_manifest
from corpus.model import Act
from corpus.parse import parse_act
from corpus.readers import read_text
from corpus.respace import Respacer
from qanun.settings import corpus_dir

EXTRACTS = ("az/current-2024/criminal-code.dv-articles.txt",
            "az/current-2024/civil-procedure-code.ch40-1.txt",
            "az/current-2024/administrative-offences-code.art157-158.txt")
AMENDMENTS = 100
TARGET_SECONDS = 1.0


class Extracts:
    """The clean 2024 extracts of three codes, as the acts consolidation reads."""

    def __init__(self) -> None:
        root = corpus_dir()
        self.codes: dict[str, Act] = {}
        for entry in read_manifest(root):
            if entry.path in EXTRACTS:
                source = read_text(root / entry.path)
                self.codes[entry.id] = parse_act(source, entry, Respacer.from_texts([source]))

    def act(self, work_id: str, language: str = "az") -> Act:
        return self.codes[work_id]


def package(codes: dict[str, Act]) -> Package:
    """One amendment per provision with text (every tenth repealed, every tenth followed by a
    new one), then second insertions, at another word, until there are 100."""
    provisions = [(code, p) for code in codes.values() for p in code.provisions()
                  if p.kind != "article" and len(_unique_words(p.text)) >= 2]
    ops: list[Operation] = []
    for index, (code, provision) in enumerate(provisions):
        target = Target(code.work_id, provision.num, provision.eid)
        if index % 10 == 9:
            new = Target(code.work_id, f"{provision.num}-1")
            ops.append(AddProvision(new, text=provision.text, after=provision.num))
        elif index % 10 == 4:
            ops.append(Repeal(target))
        else:
            anchor = _unique_words(provision.text)[0]
            ops.append(InsertWords(target, anchor=anchor, new="yeni", position="after"))
    for index, (code, provision) in enumerate(provisions):
        if len(ops) == AMENDMENTS:
            break
        if index % 10 in (0, 1, 2, 3, 5, 6, 7, 8):
            target = Target(code.work_id, provision.num, provision.eid)
            anchor = _unique_words(provision.text)[-1]
            ops.append(InsertWords(target, anchor=anchor, new="əlavə", position="before"))
    amendments = [Amendment(str(n), op.target.act, [op], justification="səbəb")
                  for n, op in enumerate(ops, 1)]
    return Package("bench", "Bench package", authors=["Bench"], illustrative=True,
                   amendments=amendments)


def _unique_words(text: str) -> list[str]:
    words = [w.strip(",.;:–—-()“”") for w in text.split()]
    return [w for w in words if len(w) > 3 and w.isalpha() and words.count(w) == 1]


def main() -> None:
    source = Extracts()
    bench_package = package(source.codes)
    began = time.perf_counter()
    consolidation = consolidate(bench_package, source)
    consolidated = time.perf_counter() - began
    document_input(bench_package, consolidation, "az")  # warm-up: templates compiled once
    timings: dict[str, float] = {}
    sizes: dict[str, int] = {}
    start = time.perf_counter()
    words = document_input(bench_package, consolidation, "az")
    timings["input"] = round(time.perf_counter() - start, 4)
    for kind in KINDS:
        began = time.perf_counter()
        buffer = io.BytesIO()
        write(words, kind, buffer)
        timings[kind] = round(time.perf_counter() - began, 4)
        sizes[kind] = len(buffer.getvalue())
    total = time.perf_counter() - start
    print(json.dumps({
        "bench": "export",
        "amendments": AMENDMENTS,
        "rows": sum(len(a.rows) for a in words.acts),
        "failed_operations": len(consolidation.failed),
        "seconds": round(total, 4),
        "target_seconds": TARGET_SECONDS,
        "ok": total <= TARGET_SECONDS,
        "per_step_seconds": timings,
        "consolidation_seconds": round(consolidated, 4),
        "bytes": sizes,
    }))


if __name__ == "__main__":
    main()
