"""Every status transition, allowed and refused, for every role, in the store on both backends."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from store_backends import BACKENDS, open_with_users, pg_server, sample_package, url_maker

from amendments.store import PackageStore, RoleRefused, TransitionRefused
from amendments.workflow import STATUSES

__all__ = ["pg_server"]

# The workflow as the issue states it, written out by hand (not read from the code under test).
EXISTS = {
    ("draft", "in_review"), ("draft", "withdrawn"),
    ("in_review", "draft"), ("in_review", "agreed"), ("in_review", "withdrawn"),
    ("agreed", "in_review"), ("agreed", "submitted"), ("agreed", "withdrawn"),
    ("submitted", "adopted"), ("submitted", "withdrawn"),
}
# Moves that neither reach nor leave agreed-or-beyond: a drafter may make them.
DRAFTER_MAY = {
    ("draft", "in_review"), ("draft", "withdrawn"),
    ("in_review", "draft"), ("in_review", "withdrawn"),
}
ACTORS = {"approver": "aysel", "drafter": "rauf", "viewer": "leyla"}


def _expected(current: str, target: str, role: str) -> type[Exception] | None:
    if (current, target) not in EXISTS:
        return TransitionRefused
    if role == "viewer" or (role == "drafter" and (current, target) not in DRAFTER_MAY):
        return RoleRefused
    return None


CASES = [
    (current, target, role, _expected(current, target, role))
    for current, target in itertools.product(STATUSES, STATUSES)
    for role in ACTORS
]


@pytest.fixture(scope="module", params=BACKENDS)
def shared_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PackageStore]:
    folder: Path = tmp_path_factory.mktemp("workflow")
    store = open_with_users(url_maker(request.param, folder, request)())
    yield store
    store.close()


def test_the_table_covers_all_pairs() -> None:
    assert len(CASES) == 6 * 6 * 3
    assert sum(1 for *_, refused in CASES if refused is None) == 10 + 4


@pytest.mark.parametrize(("current", "target", "role", "refusal"), CASES)
def test_transition(
    shared_store: PackageStore, current: str, target: str, role: str,
    refusal: type[Exception] | None,
) -> None:
    package_id = f"t-{current}-{target}-{role}".replace("_", "-")
    shared_store.create(sample_package(package_id, status=current), actor="aysel")
    if refusal is None:
        actor = ACTORS[role]
        assert shared_store.set_status(package_id, target, actor=actor, expected_version=1) == 2
        assert shared_store.get(package_id).status == target
        last = shared_store.audit(package_id)[-1]
        assert (last.action, last.before, last.after, last.actor) == (
            "status", current, target, ACTORS[role]
        )
        return
    with pytest.raises(refusal) as refused:
        shared_store.set_status(package_id, target, actor=ACTORS[role], expected_version=1)
    assert current in str(refused.value) or ACTORS[role] in str(refused.value)
    kept = shared_store.get(package_id)
    assert (kept.status, kept.version) == (current, 1)
    assert [e.action for e in shared_store.audit(package_id)] == ["create"]
