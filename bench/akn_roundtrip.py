"""Bench: every act of the corpus written as Akoma Ntoso, validated against the OASIS schema and
read back; prints one JSON line with the totals and the slowest act."""

from __future__ import annotations

import json
import time

from lxml import etree

import corpus
from corpus.akn import from_xml, to_xml
from corpus.akn_xml import schema, schema_errors


def main() -> None:
    acts = corpus.load().acts()
    started = time.perf_counter()
    schema()
    schema_seconds = time.perf_counter() - started
    totals = {"write": 0.0, "validate": 0.0, "read": 0.0}
    slowest = ("", 0.0)
    megabytes = 0.0
    invalid = unequal = 0
    for act in acts:
        t0 = time.perf_counter()
        data = to_xml(act)
        t1 = time.perf_counter()
        invalid += bool(schema_errors(etree.fromstring(data)))
        t2 = time.perf_counter()
        unequal += from_xml(data) != act
        t3 = time.perf_counter()
        totals["write"] += t1 - t0
        totals["validate"] += t2 - t1
        totals["read"] += t3 - t2
        megabytes += len(data) / 1e6
        if t3 - t0 > slowest[1]:
            slowest = (act.path, t3 - t0)
    print(json.dumps({
        "bench": "akn_roundtrip",
        "acts": len(acts),
        "xml_mb": round(megabytes, 1),
        "schema_load_seconds": round(schema_seconds, 3),
        "write_seconds": round(totals["write"], 2),
        "validate_seconds": round(totals["validate"], 2),
        "read_seconds": round(totals["read"], 2),
        "total_seconds": round(sum(totals.values()), 2),
        "mb_per_second": round(megabytes / sum(totals.values()), 1),
        "slowest_act": slowest[0],
        "slowest_seconds": round(slowest[1], 2),
        "invalid": invalid,
        "unequal": unequal,
    }))


if __name__ == "__main__":
    main()
