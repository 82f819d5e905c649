"""Hostile package files: whatever a JSON file holds, importing it either stores a whole package
or refuses with a store error that says why; it never crashes and never stores half a package."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_backends import open_with_users, sample_package

from amendments.store import StoreError, WorkflowError, export_package, import_package

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=8,
)
# Where in an export a hostile value goes: a top-level key, a package field, an amendment field,
# an operation field, a target field, an audit row field.
PLACES = st.sampled_from([
    ("format_version",), ("package",), ("audit",), ("package", "title"), ("package", "status"),
    ("package", "authors"), ("package", "version"), ("package", "amendments"),
    ("package", "comments"), ("package", "amendments", 0, "commencement"),
    ("package", "amendments", 0, "operations"), ("package", "amendments", 0, "operations", 0),
    ("package", "amendments", 0, "operations", 0, "kind"),
    ("package", "amendments", 0, "operations", 0, "target"),
    ("package", "amendments", 0, "operations", 0, "target", "num"),
    ("audit", 0, "version"), ("audit", 0, "before"),
])


def _plant(data: dict, place: tuple, value: object) -> dict:
    data = json.loads(json.dumps(data))
    node = data
    for key in place[:-1]:
        node = node[key]
    node[place[-1]] = value
    return data


def test_hostile_exports_are_refused_or_stored_whole(tmp_path: Path) -> None:
    store = open_with_users(f"sqlite:///{tmp_path / 'hostile.sqlite'}")
    store.create(sample_package("source"), actor="rauf")
    valid = export_package(store, "source")
    counter = iter(range(10_000))

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(place=PLACES, value=JSON)
    def check(place: tuple, value: object) -> None:
        package_id = f"h-{next(counter)}"
        data = _plant(valid, place, value)
        if isinstance(data.get("package"), dict):
            data["package"]["id"] = package_id
        if isinstance(data.get("audit"), list):
            data["audit"] = [
                {**row, "package": package_id} if isinstance(row, dict) else row
                for row in data["audit"]
            ]
        try:
            imported = import_package(store, data, actor="aysel")
        except (StoreError, WorkflowError) as refusal:
            assert str(refusal)
            assert not store.exists(package_id)
            return
        assert store.get(package_id).to_dict() == imported.to_dict()

    check()
    store.close()
