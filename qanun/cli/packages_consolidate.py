"""`qanun package consolidate`, `qanun compare` and `qanun seed`: the commands that need the
corpus beside the store."""

from __future__ import annotations

from typing import Annotated

import typer

from amendments import shipped
from amendments.compare import compare, compare_acts, compare_three
from amendments.consolidate import Citers, Consolidation, consolidate, preview
from amendments.packages import Amendment, Comment
from amendments.packages_text import render
from amendments.store import NotFound, PackageStore, StoreError, open_store
from corpus.model import Act
from qanun.cli.output import emit_json, fail

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON (a stable interface).")]
Lang = Annotated[str, typer.Option("--lang", help="az or en.")]
DbUrl = Annotated[
    str | None, typer.Option("--db", envvar="QANUN_DB_URL", help="SQLAlchemy URL of the store.")
]
SEED_USERS = {"qanun": "approver", "drafter": "drafter", "viewer": "viewer"}


def _corpus():  # type: ignore[no-untyped-def]
    import corpus

    return corpus.load()


def graph_citers(loaded: object) -> Citers | None:
    """Who cites a provision, from the corpus graph when the graph wing offers it."""
    try:
        from corpus import graph_queries  # type: ignore[attr-defined]
    except ImportError:
        return None
    return graph_queries.citers(loaded)  # type: ignore[no-any-return]


def with_wordings(amendment: Amendment) -> Amendment:
    """The amendment with the current and proposed wording of its provision from the corpus."""
    return preview(amendment, _corpus())


def consolidate_package(store: PackageStore, package_id: str) -> Consolidation:
    loaded = _corpus()
    return consolidate(store.get(package_id), loaded, graph_citers(loaded))


def _consolidate_command(
    package_id: str, db: DbUrl = None, as_json: JsonFlag = False, lang: Lang = "az"
) -> None:
    """Apply a package to the corpus: what applied, what failed and why, conflicts, dangling
    references."""
    try:
        result = consolidate_package(open_store(db), package_id)
    except StoreError as error:
        raise fail(str(error)) from None
    if as_json:
        emit_json(result.to_dict())
    else:
        typer.echo(render("report", lang, r=result.to_dict()), nl=False)


def _compare_command(
    act: Annotated[str, typer.Argument(help="The act (manifest id), e.g. civil-procedure-code.")],
    package: Annotated[str, typer.Option(help="The package whose draft is compared.")],
    num: Annotated[str | None, typer.Option(help="One provision, e.g. 355-4.5.")] = None,
    other: Annotated[
        str | None, typer.Option(help="Another package: a 3-way comparison of the drafts.")
    ] = None,
    db: DbUrl = None,
    as_json: JsonFlag = False,
    lang: Lang = "az",
) -> None:
    """Compare the current text of an act (or one provision) with a package's draft of it,
    word by word; with --other, the draft against the current text and another draft."""
    store = open_store(db)
    loaded = _corpus()
    try:
        current = loaded.act(act)
        draft = _draft(store, package, act, loaded)
        second = _draft(store, other, act, loaded) if other else None
    except (StoreError, KeyError) as error:
        raise fail(str(error).strip("'\"")) from None
    data = _comparison(current, draft, second, num)
    if as_json:
        emit_json(data)
    else:
        typer.echo(render("compare", lang, c=data), nl=False)


def _draft(store: PackageStore, package_id: str, act: str, loaded: object) -> Act:
    result = consolidate(store.get(package_id), loaded)  # type: ignore[arg-type]
    if act not in result.acts:
        raise NotFound(f"package {package_id} changes nothing in {act}")
    return result.acts[act]


def _comparison(current: Act, draft: Act, other: Act | None, num: str | None) -> dict:
    if num is None and other is None:
        return {"act": current.work_id, "mode": "2-way", **compare_acts(current, draft).to_dict()}
    eids = [num] if num else sorted({p.eid for p in draft.walk()} | {"preamble"})
    rows = []
    for eid in eids:
        texts = [_text(act, eid) for act in (current, draft, other) if act is not None]
        if len(set(texts)) == 1:
            continue
        diff = compare(texts[0], texts[1])
        row = {"num": eid, "current": texts[0], "draft": texts[1], **diff.to_dict()}
        if other is not None:
            row["three_way"] = compare_three(*texts).to_dict()
        rows.append(row)
    return {"act": current.work_id, "mode": "3-way" if other else "2-way", "provisions": rows}


def _text(act: Act, num: str) -> str:
    if num == "preamble":
        return act.preamble
    provision = act.find(num)
    return provision.full_text() if provision else ""


def _seed_command(db: DbUrl = None, as_json: JsonFlag = False, lang: Lang = "az") -> None:
    """Load the packages that ship with Qanun into the store; those already there are kept."""
    try:
        outcome = seed(open_store(db))
    except StoreError as error:
        raise fail(str(error)) from None
    if as_json:
        emit_json(outcome)
    else:
        typer.echo(render("seed", lang, s=outcome), nl=False)


def seed(store: PackageStore) -> dict:
    """Add the seed users and shipped packages that are missing; never overwrite one."""
    users = store.users()
    approver = next((name for name, role in users.items() if role == "approver"), None)
    for name, role in SEED_USERS.items():
        if name not in users:
            store.add_user(name, role, by=approver)
            approver = approver or name
    created, kept = [], []
    loaded = None
    for name in shipped.SHIPPED:
        if store.exists(name):
            kept.append(name)
            continue
        loaded = loaded or _corpus()
        item = shipped.load(name, loaded.folder)
        for amendment in item.package.amendments:
            preview(amendment, loaded)
        for number, reason in item.problems:
            item.package.comments.append(_problem_comment(number, reason))
        store.create(item.package, actor="qanun")
        created.append(name)
    return {"created": created, "kept": kept, "users": sorted(store.users())}


def _problem_comment(item: str, reason: str) -> Comment:
    return Comment(author="qanun", text=render("problem", "az", item=item, reason=reason).strip())


def register(package_app: typer.Typer, app: typer.Typer) -> None:
    package_app.command("consolidate")(_consolidate_command)
    app.command("compare")(_compare_command)
    app.command("seed")(_seed_command)
