"""A package exported as one JSON file and imported into another store, lossless; both backends."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from store_backends import make_url, open_with_users, pg_server, sample_package

from amendments.operations import AddProvision, Renumber, Repeal, RestateProvision, Target
from amendments.packages import Amendment
from amendments.store import (
    AlreadyExists,
    ImportRefused,
    RoleRefused,
    export_package,
    import_package,
    read_export,
    write_export,
)

__all__ = ["make_url", "pg_server"]

EVERY_KIND = Amendment(
    id="4", act="civil-procedure-code",
    operations=[
        AddProvision(Target("civil-procedure-code", "355-1.3"), text="Monitorinq qrupu…",
                     after="355-1.2"),
        RestateProvision(Target("civil-procedure-code", "355-2.1", unit="sentence:1"),
                         text="Ərizə yazılı formada verilir."),
        Repeal(Target("civil-procedure-code", "355-4.2")),
        Renumber(Target("civil-procedure-code", "355-4.3"), new_num="355-4.2"),
    ],
    justification="Mühafizə orderləri üzrə icraat", justification_en="Protection order procedure",
    commencement="2025-01-01", summary="Fəsil 40-1", current_text="köhnə", proposed_text="yeni",
)


def test_export_then_import_gives_the_same_package_and_its_history(
    make_url: Callable[[], str], tmp_path: Path,
) -> None:
    source = open_with_users(make_url())
    source.create(sample_package(illustrative=True), actor="rauf")
    source.add_amendment("dv-2024", EVERY_KIND, actor="rauf", expected_version=1)
    source.add_comment("dv-2024", "“yaxın” sözü — razıyam", actor="aysel", expected_version=2,
                       amendment="1")
    source.set_status("dv-2024", "in_review", actor="rauf", expected_version=3)
    source.set_status("dv-2024", "agreed", actor="aysel", expected_version=4)
    path = tmp_path / "dv-2024.json"
    write_export(source, "dv-2024", path)
    exported = read_export(path)
    assert "“yaxın” sözü" in path.read_text(encoding="utf-8")

    target = open_with_users(make_url())
    imported = import_package(target, exported, actor="aysel")
    assert imported.to_dict() == source.get("dv-2024").to_dict()
    again = export_package(target, "dv-2024")
    assert again["package"] == exported["package"]
    assert again["audit"][:-1] == exported["audit"]
    assert again["audit"][-1]["action"] == "import"
    assert [op["kind"] for op in again["package"]["amendments"][3]["operations"]] == [
        "add", "restate", "repeal", "renumber"
    ]
    # The imported package goes on from where it was: the next write names version 5.
    assert target.set_status("dv-2024", "submitted", actor="aysel", expected_version=5) == 6
    source.close()
    target.close()


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (lambda d: d | {"format": "something-else"}, ImportRefused, "not a Qanun package export"),
        (lambda d: d | {"format_version": 99}, ImportRefused, "format 99"),
        (lambda d: d | {"package": {**d["package"], "colour": "red"}}, ImportRefused,
         r"unknown fields \['colour'\]"),
        (lambda d: d | {"package": {**d["package"], "status": "adopted"}}, RoleRefused,
         "only an approver may store a package that is already adopted"),
        (lambda d: d | {"audit": [{**d["audit"][0], "package": "other"}]}, ImportRefused,
         "audit rows of other packages"),
        (lambda d: d, AlreadyExists, "already in the store"),
    ],
)
def test_bad_imports_are_refused_and_store_nothing(
    make_url: Callable[[], str], change: Callable[[dict], dict], error: type[Exception],
    message: str,
) -> None:
    store = open_with_users(make_url())
    store.create(sample_package(), actor="rauf")
    data = export_package(store, "dv-2024")
    if error is not AlreadyExists:
        data["package"]["id"] = "dv-2024-copy"
        data["audit"] = [e | {"package": "dv-2024-copy"} for e in data["audit"]]
    with pytest.raises(error, match=message):
        import_package(store, change(data), actor="rauf")
    assert [s.id for s in store.list()] == ["dv-2024"]
    assert len(store.audit("dv-2024")) == 1
    store.close()


def test_a_file_that_is_not_json_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(ImportRefused, match=r"broken\.json: not a readable JSON file"):
        read_export(path)
