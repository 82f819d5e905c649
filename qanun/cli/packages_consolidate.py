"""`qanun package consolidate`, `qanun compare` and `qanun seed`: the commands that need the
corpus beside the store."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

import typer

from amendments import shipped
from amendments.compare import compare, compare_acts, compare_three
from amendments.consolidate import Citers, Consolidation, citers_from, consolidate, preview
from amendments.packages import Amendment, Comment, Package, check_commencement
from amendments.packages_text import render
from amendments.pointintime import act_at
from amendments.store import NotFound, PackageStore, StoreError, open_store
from corpus.model import Act
from qanun.cli.output import emit_json, fail

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON (a stable interface).")]
Lang = Annotated[str, typer.Option("--lang", help="az or en.")]
DbUrl = Annotated[
    str | None, typer.Option("--db", envvar="QANUN_DB_URL", help="SQLAlchemy URL of the store.")
]
SEED_USERS = {"qanun": "approver", "drafter": "drafter", "viewer": "viewer"}


@cache
def _corpus():  # type: ignore[no-untyped-def]
    """The corpus, loaded once per process (a command runs once; the workbench and the tests
    run many in one process)."""
    import corpus

    return corpus.load()


def graph_citers(loaded: object) -> Citers:
    """Who cites a provision, from the references of the whole corpus's law graph."""
    from corpus import load_graph

    return citers_from(load_graph(loaded).references)


def with_wordings(amendment: Amendment) -> Amendment:
    """The amendment with the current and proposed wording of its provision from the corpus."""
    return preview(amendment, _corpus())


def consolidate_package(
    store: PackageStore, package_id: str, check_references: bool = True
) -> Consolidation:
    loaded = _corpus()
    package = store.get(package_id)
    citers = graph_citers(loaded) if check_references and _removes(package) else None
    result = consolidate(package, loaded, citers)
    # Without a repeal or renumbering nothing can be left dangling: that is a check too.
    result.references_checked = check_references
    return result


def _removes(package: Package) -> bool:
    return any(op.kind in ("repeal", "renumber") for a in package.amendments
               for op in a.operations)


def _consolidate_command(
    package_id: str,
    db: DbUrl = None,
    as_json: JsonFlag = False,
    lang: Lang = "az",
    references: Annotated[
        bool, typer.Option(help="Look for references left dangling (builds the law graph).")
    ] = True,
) -> None:
    """Apply a package to the corpus: what applied, what failed and why, conflicts, dangling
    references."""
    try:
        result = consolidate_package(open_store(db), package_id, references)
    except StoreError as error:
        raise fail(str(error)) from None
    if as_json:
        emit_json(result.to_dict())
    else:
        typer.echo(render("report", lang, r=result.to_dict()), nl=False)


def _compare_command(
    act: Annotated[str, typer.Argument(help="The act (manifest id), e.g. civil-procedure-code.")],
    package: Annotated[
        str | None, typer.Option(help="The package whose draft is compared.")
    ] = None,
    num: Annotated[str | None, typer.Option(help="One provision, e.g. 355-4.5.")] = None,
    other: Annotated[
        str | None, typer.Option(help="Another package: a 3-way comparison of the drafts.")
    ] = None,
    expression: Annotated[
        str | None,
        typer.Option(help="Instead of a package, another expression of the act in the corpus, "
                     "by its path in the manifest."),
    ] = None,
    db: DbUrl = None,
    as_json: JsonFlag = False,
    lang: Lang = "az",
) -> None:
    """Compare two expressions of an act (or of one provision) word by word: the current text
    with a package's draft or with another expression in the corpus; with --other, the draft
    against the current text and against another draft (3-way)."""
    loaded = _corpus()
    try:
        current = loaded.act(act)
        if expression is not None:
            draft = _expression(loaded, act, expression)
        elif package is not None:
            draft = _draft(open_store(db), package, act, loaded)
        else:
            raise NotFound("name a --package or an --expression to compare with")
        second = _draft(open_store(db), other, act, loaded) if other else None
    except (StoreError, KeyError) as error:
        raise fail(str(error).strip("'\"")) from None
    data = _comparison(current, draft, second, num)
    if as_json:
        emit_json(data)
    else:
        typer.echo(render("compare", lang, c=data), nl=False)


def _expression(loaded: Any, act: str, path: str) -> Act:
    work = loaded.works.get(act)
    found = [a for a in work.expressions if a.path == path] if work else []
    if not found:
        paths = ", ".join(a.path for a in work.expressions) if work else "none"
        raise NotFound(f"{act} has no expression {path!r} in the corpus (it has: {paths})")
    return found[0]


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


def _at_command(
    act: Annotated[str, typer.Argument(help="The act (manifest id), e.g. dv-law.")],
    date: Annotated[str, typer.Argument(help="ISO date, e.g. 2025-01-01.")],
    package: Annotated[
        list[str] | None, typer.Option(help="A package whose amendments count (repeatable).")
    ] = None,
    num: Annotated[str | None, typer.Option(help="Show one provision's text.")] = None,
    db: DbUrl = None,
    as_json: JsonFlag = False,
    lang: Lang = "az",
) -> None:
    """The act as at a date: later footnoted amendments undone, packages applied from their
    commencement; unknown dates are listed, not guessed."""
    store = open_store(db)
    try:
        chosen = [store.get(p) for p in package or []]
        check_commencement(date)
        result = act_at(_corpus(), act, date, chosen)
    except (StoreError, KeyError, ValueError) as error:
        raise fail(str(error).strip("'\"")) from None
    data = result.to_dict()
    if num is not None:
        provision = result.act.find(num) if result.act else None
        data["provision"] = {"num": num, "text": provision.full_text() if provision else None}
    if as_json:
        emit_json(data)
    else:
        typer.echo(render("at", lang, a=data), nl=False)


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
    package_app.command("at")(_at_command)
    app.command("compare")(_compare_command)
    app.command("seed")(_seed_command)
