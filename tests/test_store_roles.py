"""Every role rule of the store, on SQLite and PostgreSQL: viewers read, drafters draft,
only approvers agree, and a refused write leaves nothing behind."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from store_backends import dv_amendments, make_url, pg_server, sample_package, store

from amendments.operations import RestateProvision, Target
from amendments.packages import Amendment
from amendments.store import PackageStore, RoleRefused, TransitionRefused, export_package

__all__ = ["make_url", "pg_server", "store"]

NEW = Amendment(
    id="9", act="criminal-code",
    operations=[RestateProvision(Target("criminal-code", "61.1.9"), text="ailə üzvünə qarşı")],
)
Write = Callable[[PackageStore, str, int], int]

WRITES: tuple[tuple[str, Write], ...] = (
    ("add amendment", lambda s, who, v: s.add_amendment("dv-2024", NEW, actor=who,
                                                        expected_version=v)),
    ("edit amendment", lambda s, who, v: s.replace_amendment(
        "dv-2024", Amendment(**{**dv_amendments()[0].__dict__, "justification": "yeni"}),
        actor=who, expected_version=v)),
    ("remove amendment", lambda s, who, v: s.remove_amendment("dv-2024", "3", actor=who,
                                                              expected_version=v)),
    ("comment", lambda s, who, v: s.add_comment("dv-2024", "Razıyam.", actor=who,
                                                expected_version=v)),
    ("update title", lambda s, who, v: s.update("dv-2024", actor=who, expected_version=v,
                                                title="Yeni ad")),
)
# (role's user, may write?) — the rule: viewers never write, drafters and approvers do.
WRITERS = (("leyla", False), ("rauf", True), ("aysel", True))


@pytest.mark.parametrize(("who", "allowed"), WRITERS)
@pytest.mark.parametrize(("what", "write"), WRITES)
def test_who_may_write_a_draft(
    store: PackageStore, what: str, write: Write, who: str, allowed: bool
) -> None:
    store.create(sample_package(), actor="rauf")
    before = export_package(store, "dv-2024")
    if allowed:
        assert write(store, who, 1) == 2
        assert store.audit("dv-2024")[-1].actor == who
        return
    with pytest.raises(RoleRefused, match="leyla is a viewer"):
        write(store, who, 1)
    after = export_package(store, "dv-2024")
    assert after["package"] == before["package"]
    assert after["audit"] == before["audit"]


@pytest.mark.parametrize("status", ["agreed", "submitted", "adopted", "withdrawn"])
@pytest.mark.parametrize(("what", "write"), [w for w in WRITES if w[0] != "comment"])
def test_nobody_edits_a_package_past_review(
    store: PackageStore, status: str, what: str, write: Write
) -> None:
    store.create(sample_package(status=status), actor="aysel")
    with pytest.raises(TransitionRefused, match=f"the package is {status}"):
        write(store, "aysel", 1)
    assert store.get("dv-2024").version == 1


@pytest.mark.parametrize(
    ("who", "status", "refused"),
    [
        ("rauf", "draft", None), ("rauf", "in_review", None), ("rauf", "withdrawn", None),
        ("rauf", "agreed", RoleRefused), ("rauf", "submitted", RoleRefused),
        ("rauf", "adopted", RoleRefused), ("aysel", "adopted", None),
        ("leyla", "draft", RoleRefused),
    ],
)
def test_who_may_create_a_package_in_a_status(
    store: PackageStore, who: str, status: str, refused: type[Exception] | None
) -> None:
    if refused is None:
        assert store.create(sample_package(status=status), actor=who) == 1
        assert store.get("dv-2024").status == status
        return
    with pytest.raises(refused):
        store.create(sample_package(status=status), actor=who)
    assert not store.exists("dv-2024")


def test_unknown_user_is_refused_by_name(store: PackageStore) -> None:
    with pytest.raises(RoleRefused, match="unknown user 'mallory'"):
        store.create(sample_package(), actor="mallory")
    assert store.list() == []


def test_only_an_approver_adds_users_once_there_is_one(store: PackageStore) -> None:
    with pytest.raises(RoleRefused, match="only an approver adds users"):
        store.add_user("rauf", "approver", by="rauf")
    with pytest.raises(RoleRefused):
        store.add_user("nigar", "drafter")
    assert store.role_of("rauf") == "drafter"
    store.add_user("nigar", "drafter", by="aysel")
    assert store.users()["nigar"] == "drafter"


def test_every_grant_of_a_role_is_audited(store: PackageStore) -> None:
    store.add_user("rauf", "approver", by="aysel")
    with pytest.raises(RoleRefused):
        store.add_user("leyla", "approver", by="leyla")
    trail = [(e.actor, e.role, e.what, e.before, e.after) for e in store.user_audit()]
    assert trail == [
        ("aysel", "approver", "aysel: approver", None, "approver"),
        ("aysel", "approver", "aysel: approver", "approver", "approver"),
        ("aysel", "approver", "rauf: drafter", None, "drafter"),
        ("aysel", "approver", "leyla: viewer", None, "viewer"),
        ("aysel", "approver", "rauf: approver", "drafter", "approver"),
    ]


def test_a_role_that_does_not_exist_is_refused(store: PackageStore) -> None:
    with pytest.raises(ValueError, match="unknown role 'admin'"):
        store.add_user("nigar", "admin", by="aysel")
