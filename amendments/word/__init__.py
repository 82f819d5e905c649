"""Word documents of a package: the amending law, the comparative table, the tracked text.

`write(source, kind, out)` writes one of them from a `DocumentInput` and returns what text had
to be cleaned on the way; `document_input(package, consolidation, lang)` makes the input.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, Literal

from amendments.word.amending_law import build_amending_law
from amendments.word.comparative_table import build_comparative_table
from amendments.word.from_package import document_input
from amendments.word.inputs import AmendedAct, DocumentInput, Item, Row
from amendments.word.layout import Canvas
from amendments.word.sanitize import Cleaning
from amendments.word.tracked import build_tracked

Kind = Literal["amending-law", "comparative-table", "tracked"]
BUILDERS: dict[str, Callable[[DocumentInput], Canvas]] = {
    "amending-law": build_amending_law,
    "comparative-table": build_comparative_table,
    "tracked": build_tracked,
}
KINDS: tuple[str, ...] = tuple(BUILDERS)


def write(source: DocumentInput, kind: str, out: str | Path | IO[bytes]) -> list[Cleaning]:
    """Write the document `kind` of `source` to a path or a binary stream.

    A path is written whole or not at all (a temporary file beside it, then renamed), so a
    failed export never leaves half a document or destroys the previous one.
    """
    if kind not in BUILDERS:
        raise ValueError(f"unknown document kind {kind!r}: expected one of {', '.join(KINDS)}")
    canvas = BUILDERS[kind](source)
    if not isinstance(out, str | Path):
        canvas.document.save(out)
        return canvas.sanitizer.cleanings
    target = Path(out)
    partial = target.with_name(f".{target.name}.partial")
    try:
        canvas.document.save(str(partial))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return canvas.sanitizer.cleanings


def to_bytes(source: DocumentInput, kind: str) -> tuple[bytes, list[Cleaning]]:
    """The document as bytes (for a download button) and the cleanings it needed."""
    buffer = io.BytesIO()
    cleanings = write(source, kind, buffer)
    return buffer.getvalue(), cleanings


__all__ = [
    "KINDS",
    "AmendedAct",
    "Cleaning",
    "DocumentInput",
    "Item",
    "Kind",
    "Row",
    "document_input",
    "to_bytes",
    "write",
]
