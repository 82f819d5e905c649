"""`qanun package …` (the package store), `qanun compare` and `qanun seed`.

Every writing command names its user (`--user`, or `QANUN_USER`) and may name the version it
was based on (`--expect`); the store refuses what the user's role or a newer version forbids.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from amendments.formulas import parse_formula
from amendments.operations import Operation
from amendments.packages import Amendment, Package, PackageError
from amendments.packages_text import render
from amendments.store import (
    PackageStore,
    StoreError,
    WorkflowError,
    import_package,
    open_store,
    read_export,
    write_export,
)
from qanun.cli import packages_consolidate
from qanun.cli.output import emit_json, fail

package_app = typer.Typer(no_args_is_help=True, help="Amendment packages in the store.")

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON (a stable interface).")]
Lang = Annotated[str, typer.Option("--lang", help="az or en.")]
User = Annotated[str, typer.Option("--user", envvar="QANUN_USER", help="Who makes the change.")]
Expect = Annotated[
    int | None,
    typer.Option("--expect", help="The version the change is based on (default: the current)."),
]
DbUrl = Annotated[
    str | None, typer.Option("--db", envvar="QANUN_DB_URL", help="SQLAlchemy URL of the store.")
]


def _store(url: str | None) -> PackageStore:
    try:
        return open_store(url)
    except Exception as error:  # the URL or the server is wrong: say so, never a traceback
        raise fail(f"cannot open the store {url or ''}: {error}") from None


def _version(store: PackageStore, package_id: str, expect: int | None) -> int:
    return expect if expect is not None else store.get(package_id).version


@package_app.command("list")
def list_packages(db: DbUrl = None, as_json: JsonFlag = False, lang: Lang = "az") -> None:
    """Every package: id, title, status, version, number of amendments."""
    summaries = [s.to_dict() for s in _store(db).list()]
    if as_json:
        emit_json(summaries)
    else:
        typer.echo(render("list", lang, packages=summaries), nl=False)


@package_app.command("show")
def show(package_id: str, db: DbUrl = None, as_json: JsonFlag = False, lang: Lang = "az") -> None:
    """One package with its amendments and comments."""
    try:
        package = _store(db).get(package_id)
    except StoreError as error:
        raise fail(str(error)) from None
    if as_json:
        emit_json(package.to_dict())
    else:
        typer.echo(render("show", lang, p=package.to_dict()), nl=False)


@package_app.command("create")
def create(
    package_id: str,
    title: Annotated[str, typer.Option(help="Title in Azerbaijani.")],
    user: User,
    title_en: Annotated[str, typer.Option(help="Title in English.")] = "",
    purpose: str = "",
    purpose_en: str = "",
    author: Annotated[list[str] | None, typer.Option(help="An author (repeatable).")] = None,
    illustrative: Annotated[bool, typer.Option(help="Mark it as an illustrative draft.")] = False,
    db: DbUrl = None,
    as_json: JsonFlag = False,
) -> None:
    """Create an empty package in status draft."""
    try:
        package = Package(
            id=package_id, title=title, title_en=title_en, purpose=purpose, purpose_en=purpose_en,
            authors=author or [user], illustrative=illustrative,
        )
        version = _store(db).create(package, actor=user)
    except (StoreError, WorkflowError, PackageError) as error:
        raise fail(str(error)) from None
    _done(as_json, {"id": package_id, "version": version, "status": "draft"})


@package_app.command("add")
def add(
    package_id: str,
    user: User,
    act: Annotated[str, typer.Option(help="The act amended (manifest id, e.g. dv-law).")],
    formula: Annotated[
        list[str] | None, typer.Option(help="A drafting formula in Azerbaijani (repeatable).")
    ] = None,
    operations: Annotated[
        Path | None, typer.Option(help="A JSON file with a list of operations.")
    ] = None,
    justification: str = "",
    justification_en: str = "",
    commencement: Annotated[str, typer.Option(help="ISO date or unknown.")] = "unknown",
    summary: str = "",
    expect: Expect = None,
    db: DbUrl = None,
    as_json: JsonFlag = False,
) -> None:
    """Add an amendment, from drafting formulas (parsed) or from a JSON list of operations."""
    store = _store(db)
    try:
        ops = _operations(act, formula or [], operations)
        version = _version(store, package_id, expect)
        amendment = Amendment(
            id=store.get(package_id).next_amendment_id(), act=act, operations=ops,
            justification=justification, justification_en=justification_en,
            commencement=commencement, summary=summary,
        )
        amendment = packages_consolidate.with_wordings(amendment)
        version = store.add_amendment(package_id, amendment, actor=user, expected_version=version)
    except (StoreError, WorkflowError, PackageError, ValueError) as error:
        raise fail(str(error)) from None
    _done(as_json, {"id": package_id, "amendment": amendment.to_dict(), "version": version})


def _operations(act: str, formulas: list[str], path: Path | None) -> list[Operation]:
    found: list[Operation] = []
    for text in formulas:
        parsed = parse_formula(text, act=act)
        if not parsed.ok:
            problems = "; ".join(parsed.problems) or "no operation"
            raise ValueError(f"formula not understood: {problems}: {text!r}")
        found.extend(parsed.operations)
    if path is not None:
        try:
            found.extend(Operation.from_dict(d) for d in json.loads(path.read_text("utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{path}: not a JSON list of operations ({error})") from None
    if not found:
        raise ValueError("give at least one --formula or an --operations file")
    return found


@package_app.command("status")
def status(
    package_id: str, new_status: str, user: User, expect: Expect = None, db: DbUrl = None,
    as_json: JsonFlag = False,
) -> None:
    """Move a package along the workflow (only an approver moves it to agreed or beyond)."""
    store = _store(db)
    try:
        version = _version(store, package_id, expect)
        version = store.set_status(package_id, new_status, actor=user, expected_version=version)
    except (StoreError, WorkflowError) as error:
        raise fail(str(error)) from None
    _done(as_json, {"id": package_id, "status": new_status, "version": version})


@package_app.command("comment")
def comment(
    package_id: str, text: str, user: User,
    amendment: Annotated[str | None, typer.Option(help="The amendment it is about.")] = None,
    expect: Expect = None, db: DbUrl = None, as_json: JsonFlag = False,
) -> None:
    """Comment on a package or on one of its amendments."""
    store = _store(db)
    try:
        version = _version(store, package_id, expect)
        version = store.add_comment(
            package_id, text, actor=user, expected_version=version, amendment=amendment
        )
    except (StoreError, WorkflowError) as error:
        raise fail(str(error)) from None
    _done(as_json, {"id": package_id, "version": version})


@package_app.command("export")
def export(
    package_id: str, out: Annotated[Path, typer.Option(help="The JSON file to write.")],
    db: DbUrl = None, as_json: JsonFlag = False,
) -> None:
    """Write a package, with its audit trail, as one JSON file."""
    try:
        write_export(_store(db), package_id, out)
    except StoreError as error:
        raise fail(str(error)) from None
    _done(as_json, {"id": package_id, "file": str(out)})


@package_app.command("import")
def import_(path: Path, user: User, db: DbUrl = None, as_json: JsonFlag = False) -> None:
    """Store a package from a JSON file written by `qanun package export`."""
    try:
        package = import_package(_store(db), read_export(path), actor=user)
    except (StoreError, WorkflowError) as error:
        raise fail(str(error)) from None
    _done(as_json, {"id": package.id, "version": package.version, "status": package.status})


@package_app.command("history")
def history(
    package_id: str, db: DbUrl = None, as_json: JsonFlag = False, lang: Lang = "az"
) -> None:
    """The audit trail of a package: who changed what, when, before and after."""
    trail = [e.to_dict() for e in _store(db).audit(package_id)]
    if not trail:
        raise fail(f"no package {package_id!r} in the store")
    if as_json:
        emit_json(trail)
    else:
        typer.echo(render("history", lang, trail=trail), nl=False)


@package_app.command("user")
def user_(
    name: str, role: str,
    by: Annotated[str | None, typer.Option(help="The approver granting it.")] = None,
    db: DbUrl = None, as_json: JsonFlag = False,
) -> None:
    """Give a user a role (viewer, drafter, approver); after the first, an approver grants it."""
    try:
        _store(db).add_user(name, role, by=by)
    except (StoreError, WorkflowError) as error:
        raise fail(str(error)) from None
    _done(as_json, {"user": name, "role": role})


def _done(as_json: bool, data: dict) -> None:
    if as_json:
        emit_json(data)
    else:
        typer.echo(" ".join(f"{k}={v}" for k, v in data.items() if not isinstance(v, dict)))


def register(app: typer.Typer) -> None:
    """Add `qanun package …`, `qanun compare` and `qanun seed` to the root app."""
    packages_consolidate.register(package_app, app)
    app.add_typer(package_app, name="package")
