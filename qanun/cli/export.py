"""`qanun export PACKAGE --kind amending-law|comparative-table|tracked --lang az|en --out FILE`.

PACKAGE is a package id in the store or the path of a package exported as JSON
(`qanun package export`); the package is consolidated against the corpus and written as Word.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

import corpus
from amendments.consolidate import consolidate
from amendments.packages import Package, PackageError
from amendments.store import StoreError, open_store, read_export
from amendments.word import KINDS, write
from amendments.word.from_package import document_input
from amendments.word.wording import LANGUAGES, wording
from qanun.cli.output import emit_json, fail
from qanun.settings import SettingsError


def export(
    package: Annotated[str, typer.Argument(help="Package id in the store, or a JSON export.")],
    kind: Annotated[str, typer.Option("--kind", help="amending-law, comparative-table, tracked.")],
    out: Annotated[Path, typer.Option("--out", help="The .docx file to write.")],
    lang: Annotated[str, typer.Option("--lang", help="az or en.")] = "az",
    db: Annotated[
        str | None, typer.Option("--db", envvar="QANUN_DB_URL", help="SQLAlchemy URL of the store.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Write one Word document of a package: the amending law, the comparative table, or the
    consolidated text with tracked changes."""
    if kind not in KINDS:
        raise fail(f"--kind {kind!r}: expected one of {', '.join(KINDS)}")
    if lang not in LANGUAGES:
        raise fail(f"--lang {lang!r}: expected one of {', '.join(LANGUAGES)}")
    if out.suffix.lower() != ".docx":
        raise fail(f"--out {out}: a Word document needs a .docx file name")
    if not out.parent.is_dir():
        raise fail(f"--out {out}: the folder {out.parent} does not exist")
    chosen = _package(package, db)
    try:
        acts = corpus.load()
    except SettingsError as error:
        raise fail(str(error)) from None
    consolidation = consolidate(chosen, acts)
    source = document_input(chosen, consolidation, lang)
    try:
        cleanings = write(source, kind, out)
    except OSError as error:
        raise fail(f"--out {out}: cannot write the document ({error.strerror or error})") from None
    items = sum(len(a.items) for a in source.acts)
    rows = sum(len(a.rows) for a in source.acts)
    if as_json:
        emit_json({
            "package": chosen.id, "kind": kind, "lang": lang, "out": str(out),
            "items": items, "rows": rows, "failed": len(consolidation.failed),
            "cleanings": [c.__dict__ for c in cleanings],
        })
        return
    words = wording(lang).common
    typer.echo(words.written(str(out), kind, items, rows))
    for cleaning in cleanings:
        typer.echo(cleaning.message(), err=True)
    if consolidation.failed:
        typer.echo(words.not_applied(len(consolidation.failed)), err=True)


def _package(name: str, db: str | None) -> Package:
    path = Path(name)
    try:
        if path.suffix == ".json" or path.is_file():
            data = read_export(path)
            return Package.from_dict(data.get("package", data))
        return open_store(db).get(name)
    except (StoreError, PackageError, KeyError, TypeError) as error:
        raise fail(f"package {name}: {error}") from None


def register(app: typer.Typer) -> None:
    """Add `qanun export` to the root app."""
    app.command("export")(export)
