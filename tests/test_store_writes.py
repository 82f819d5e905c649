"""Versioned writes, the audit trail and the migrations of the store, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
import sqlalchemy as sa
from store_backends import (
    dv_amendments,
    make_url,
    open_with_users,
    pg_server,
    sample_package,
    store,
)

from amendments.operations import Repeal, Target
from amendments.packages import Amendment, PackageError
from amendments.store import NotFound, PackageStore, StaleWrite, schema
from amendments.store.migrations import LATEST, current_version, migrate

__all__ = ["make_url", "pg_server", "store"]

REPEAL_158 = Amendment(
    id="4", act="administrative-offences-code",
    operations=[Repeal(Target("administrative-offences-code", "158.2"))],
    justification="Test", commencement="unknown",
)


def test_a_stale_write_from_a_second_connection_is_refused_and_nothing_is_lost(
    make_url: Callable[[], str],
) -> None:
    url = make_url()
    first = open_with_users(url)
    second = PackageStore(url)
    first.create(sample_package(), actor="rauf")
    seen_by_second = second.get("dv-2024").version
    assert first.add_amendment("dv-2024", REPEAL_158, actor="rauf", expected_version=1) == 2
    with pytest.raises(StaleWrite, match="at version 2, but this change was made on version 1"):
        second.add_comment("dv-2024", "Köhnə mətnə qeyd", actor="aysel",
                           expected_version=seen_by_second)
    kept = second.get("dv-2024")
    assert kept.version == 2
    assert [a.id for a in kept.amendments] == ["1", "2", "3", "4"]
    assert kept.comments == []
    assert [e.action for e in second.audit("dv-2024")] == ["create", "add"]
    first.close()
    second.close()


def test_two_writers_on_one_version_exactly_one_wins(make_url: Callable[[], str]) -> None:
    url = make_url()
    setup = open_with_users(url)
    setup.create(sample_package(), actor="rauf")
    stores = [PackageStore(url) for _ in range(4)]
    start = threading.Barrier(len(stores))
    outcomes: list[str] = []

    def write(index: int) -> None:
        start.wait()
        try:
            stores[index].add_comment("dv-2024", f"qeyd {index}", actor="rauf", expected_version=1)
            outcomes.append("written")
        except StaleWrite:
            outcomes.append("stale")

    threads = [threading.Thread(target=write, args=(i,)) for i in range(len(stores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["stale", "stale", "stale", "written"]
    kept = setup.get("dv-2024")
    assert (kept.version, len(kept.comments)) == (2, 1)
    for opened in [setup, *stores]:
        opened.close()


def test_the_audit_trail_says_who_when_what_before_and_after(store: PackageStore) -> None:
    store.create(sample_package(), actor="rauf")
    store.add_amendment("dv-2024", REPEAL_158, actor="rauf", expected_version=1)
    edited = Amendment(**{**dv_amendments()[1].__dict__, "commencement": "2024-03-29"})
    store.replace_amendment("dv-2024", edited, actor="rauf", expected_version=2)
    store.remove_amendment("dv-2024", "3", actor="rauf", expected_version=3)
    store.add_comment("dv-2024", "4.0.1-ə baxın", actor="aysel", expected_version=4,
                      amendment="2")
    store.update("dv-2024", actor="rauf", expected_version=5, title="Yeni ad")
    store.set_status("dv-2024", "in_review", actor="rauf", expected_version=6)
    trail = store.audit("dv-2024")
    assert [(e.version, e.action, e.actor, e.role) for e in trail] == [
        (1, "create", "rauf", "drafter"), (2, "add", "rauf", "drafter"),
        (3, "edit", "rauf", "drafter"), (4, "remove", "rauf", "drafter"),
        (5, "comment", "aysel", "approver"), (6, "update", "rauf", "drafter"),
        (7, "status", "rauf", "drafter"),
    ]
    assert trail[1].after["operations"][0]["target"]["num"] == "158.2"
    assert (trail[2].before["commencement"], trail[2].after["commencement"]) == (
        "unknown", "2024-03-29"
    )
    assert trail[3].before["operations"][0]["anchor"] == "habelə" and trail[3].after is None
    assert trail[4].after["text"] == "4.0.1-ə baxın" and trail[4].after["amendment"] == "2"
    assert trail[5].before == {"title": "Məişət zorakılığı qanununa dəyişikliklər"}
    assert trail[5].after == {"title": "Yeni ad"}
    assert trail[6].what == "draft → in_review"
    stamps = [e.at for e in trail]
    assert stamps == sorted(stamps)
    assert store.get("dv-2024").updated == stamps[-1]


@pytest.mark.parametrize(
    ("action", "error", "message"),
    [
        (lambda s: s.get("no-such"), NotFound, "no package 'no-such'"),
        (lambda s: s.remove_amendment("dv-2024", "77", actor="rauf", expected_version=1),
         NotFound, r"has no amendment '77' \(it has: 1, 2, 3\)"),
        (lambda s: s.add_amendment("dv-2024", dv_amendments()[0], actor="rauf",
                                   expected_version=1), Exception, "already has amendment 1"),
        (lambda s: s.add_comment("dv-2024", "  ", actor="rauf", expected_version=1),
         ValueError, "needs some text"),
        (lambda s: s.update("dv-2024", actor="rauf", expected_version=1, title=""),
         PackageError, "title is empty"),
        (lambda s: s.update("dv-2024", actor="rauf", expected_version=1, status="adopted"),
         ValueError, r"cannot update \['status'\]"),
    ],
)
def test_bad_writes_are_refused_clearly_and_change_nothing(
    store: PackageStore, action: Callable[[PackageStore], object], error: type[Exception],
    message: str,
) -> None:
    store.create(sample_package(), actor="rauf")
    with pytest.raises(error, match=message):
        action(store)
    assert store.get("dv-2024").version == 1
    assert len(store.audit("dv-2024")) == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"id": "Bad Id"}, "package id 'Bad Id'"),
        ({"amendments": dv_amendments() + dv_amendments()[:1]}, "amendment ids repeat"),
        ({"status": "approved"}, "unknown status 'approved'"),
    ],
)
def test_malformed_packages_are_refused_before_the_store(fields: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        sample_package(**fields)


def test_migrations_bring_an_old_store_up_to_date_without_losing_rows(
    make_url: Callable[[], str],
) -> None:
    engine = sa.create_engine(make_url())
    assert migrate(engine, to=1) == [1]
    assert current_version(engine) == 1
    with engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO packages (id, title, title_en, purpose, purpose_en, status, authors, "
            "created, updated, version) VALUES ('old-one', 'Köhnə paket', '', '', '', 'draft', "
            "'[]', '2023-01-01T00:00:00+00:00', '2023-01-01T00:00:00+00:00', 3)"
        ))
    assert migrate(engine) == list(range(2, LATEST + 1))
    assert migrate(engine) == []
    inspector = sa.inspect(engine)
    for table in schema.metadata.sorted_tables:
        assert {c["name"] for c in inspector.get_columns(table.name)} == set(table.c.keys())
    store = PackageStore(str(engine.url.render_as_string(hide_password=False)))
    old = store.get("old-one")
    assert (old.title, old.version, old.illustrative) == ("Köhnə paket", 3, False)
    store.close()
    engine.dispose()


def test_processes_opening_one_new_store_at_once_migrate_it_once(
    make_url: Callable[[], str],
) -> None:
    url = make_url()
    start = threading.Barrier(4)
    errors: list[Exception] = []
    opened: list[PackageStore] = []

    def open_store() -> None:
        start.wait()
        try:
            opened.append(PackageStore(url))
        except Exception as error:  # the test reports any failure, whatever its type
            errors.append(error)

    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        versions = conn.execute(sa.text("SELECT version FROM schema_version ORDER BY version"))
        assert [v for (v,) in versions] == list(range(1, LATEST + 1))
    engine.dispose()
    for store_ in opened:
        store_.close()
