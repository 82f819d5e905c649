"""Benchmark of the space repair: build the default Respacer, repair all 15 codes cold, and
measure accuracy on `current-2024/` and the lone glyphs left per code; prints one JSON line."""

from __future__ import annotations

import json
import pickle
import time
from pathlib import Path

from corpus.respace import Respacer, lone_glyph_ratio
from corpus.respace_measure import lone_glyphs, measure_all
from qanun.settings import corpus_dir


def _timed(action):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    root = corpus_dir()
    respacer, build_s, build_cpu = _timed(lambda: Respacer.default(root))
    blob = pickle.dumps(respacer)
    _, unpickle_s, _ = _timed(lambda: pickle.loads(blob))
    paths = sorted((root / "az" / "codes").glob("*.md"))
    raws = {p.stem: p.read_text(encoding="utf-8", errors="replace") for p in paths}
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    repaired, repair_s, repair_cpu = _timed(
        lambda: {name: respacer.repair_with_count(text) for name, text in raws.items()}
    )
    accuracy = measure_all(root, respacer.repair)
    per_code = {}
    for name, raw in raws.items():
        text, joins = repaired[name]
        after = lone_glyphs(text)
        per_code[name] = {
            "lone_before": round(lone_glyph_ratio(raw), 5),
            "lone_after": round(lone_glyph_ratio(text), 5),
            "lone_after_missed": round(after.other_ratio, 5),
            "lone_after_letter_spaced": after.letter_spaced,
            "lone_after_scrambled": after.scrambled,
            "joins": joins,
        }
    words = sum(r.words for r in accuracy)
    unchanged_words = sum(r.unchanged_words for r in accuracy)
    print(
        json.dumps(
            {
                "build_seconds": round(build_s, 3),
                "build_cpu_seconds": round(build_cpu, 3),
                "unpickle_seconds": round(unpickle_s, 3),
                "pickle_mb": round(len(blob) / 1e6, 2),
                "repair_seconds": round(repair_s, 3),
                "repair_cpu_seconds": round(repair_cpu, 3),
                "megabytes": round(megabytes, 2),
                "mb_per_s": round(megabytes / repair_s, 2),
                "accuracy_unchanged": round(
                    sum(r.unchanged_correct for r in accuracy) / unchanged_words, 5
                ),
                "accuracy_unchanged_words": unchanged_words,
                "accuracy_with_similar": round(sum(r.correct for r in accuracy) / words, 5),
                "accuracy_with_similar_words": words,
                "accuracy_by_file": {Path(r.source).name: round(r.ratio, 5) for r in accuracy},
                "codes": per_code,
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
