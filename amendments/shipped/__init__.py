"""The packages that ship with Qanun, as data files beside this module.

`dv-law-2024.yaml` names the real 2024 amending law: its operations are read from the law's own
text in the corpus through the formula parser, item by item. The other files are illustrative
drafts written by the Qanun team (marked `illustrative: true`); each amendment states its
drafting formula in Azerbaijani, parsed the same way, with its justification in az and en.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from amendments.formulas import parse_formula
from amendments.formulas_law import parse_amending_law
from amendments.packages import Amendment, Package, PackageError
from corpus.manifest import read_manifest
from corpus.readers import read_text
from qanun.settings import corpus_dir

FOLDER = Path(__file__).parent
SHIPPED = ("dv-law-2024", "mq-legal-status", "uadm-legal-base")

# An item of an amending law starts a line: `1. …`, `2.1. …`; the items before the first one
# are the title and the enacting formula.


@dataclass
class ShippedPackage:
    """A shipped package and what could not be turned into amendments (with reasons)."""

    package: Package
    problems: list[tuple[str, str]] = field(default_factory=list)


def load(name: str, folder: Path | None = None) -> ShippedPackage:
    """One shipped package by id, e.g. `load("mq-legal-status")`."""
    data = _read(FOLDER / f"{name}.yaml")
    if "source" in data:
        return _from_amending_law(data, folder)
    return _from_formulas(data)


def load_all(folder: Path | None = None) -> list[ShippedPackage]:
    return [load(name, folder) for name in SHIPPED]


def _read(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "id" not in data:
        raise PackageError(f"{path.name}: not a package file (no id)")
    return data


_PACKAGE_KEYS = ("id", "title", "title_en", "purpose", "purpose_en", "status", "authors",
                 "illustrative")


def _from_formulas(data: dict[str, Any]) -> ShippedPackage:
    amendments = []
    for index, entry in enumerate(data.get("amendments", []), start=1):
        parsed = parse_formula(" ".join(entry["formula"].split()), act=entry["act"])
        if not parsed.ok:
            raise PackageError(
                f"{data['id']} amendment {index}: formula not understood: {parsed.problems}"
            )
        amendments.append(Amendment(
            id=str(index), act=entry["act"], operations=parsed.operations,
            justification=_clean(entry.get("justification", "")),
            justification_en=_clean(entry.get("justification_en", "")),
            commencement=str(entry.get("commencement", "unknown")),
            summary=entry.get("summary", ""),
        ))
    fields = {k: _clean(data[k]) if isinstance(data[k], str) else data[k]
              for k in _PACKAGE_KEYS if k in data}
    return ShippedPackage(Package(**fields, amendments=amendments))


def _from_amending_law(data: dict[str, Any], folder: Path | None) -> ShippedPackage:
    root = corpus_dir(folder)
    entry = next((e for e in read_manifest(root) if e.id == data["source"]), None)
    if entry is None:
        raise PackageError(f"{data['id']}: the corpus has no act {data['source']!r}")
    act = data["amends"]
    instructions = parse_amending_law(read_text(root / entry.path), act)
    commencement = str(data.get("commencement", "unknown"))
    shipped = ShippedPackage(Package(
        **{k: _clean(data[k]) if isinstance(data[k], str) else data[k]
           for k in _PACKAGE_KEYS if k in data},
    ))
    for item in instructions:
        if item.operations and not item.problems and not item.incomplete:
            shipped.package.amendments.append(Amendment(
                id=item.item, act=act, operations=item.operations, commencement=commencement,
                summary=_clean(item.text),
            ))
        elif item.incomplete:
            shipped.problems.append((item.item, f"incomplete: the text is cut off: {item.text!r}"))
        else:
            shipped.problems.append((item.item, "; ".join(item.problems) or "no operation"))
    return shipped


def _clean(text: str) -> str:
    return " ".join(text.split())
