"""The package model and the shipped packages: validation, lossless dicts, real targets."""

from __future__ import annotations

import pytest

from amendments.formulas_law import parse_amending_law
from amendments.operations import (
    AddProvision,
    DeleteWords,
    InsertWords,
    Renumber,
    Repeal,
    RestateProvision,
    SubstituteWords,
    Target,
)
from amendments.packages import Amendment, Comment, Package, PackageError, check_commencement
from amendments.shipped import SHIPPED, load
from corpus.ids import Num

CC = "criminal-code"


@pytest.mark.parametrize(
    ("value", "ok"),
    [("2024-03-29", True), ("unknown", True), ("29.03.2024", False), ("2024-13-01", False),
     ("", False), ("soon", False)],
)
def test_commencement_is_a_date_or_unknown(value: str, ok: bool) -> None:
    if ok:
        assert check_commencement(value) == value
    else:
        with pytest.raises(PackageError, match="neither an ISO date nor 'unknown'"):
            check_commencement(value)


@pytest.mark.parametrize(
    ("package_id", "ok"),
    [("mq-legal-status", True), ("dv-law-2024", True), ("MQ", False), ("a", False),
     ("with space", False), ("-leading", False)],
)
def test_package_ids(package_id: str, ok: bool) -> None:
    if ok:
        assert Package(id=package_id, title="Başlıq").id == package_id
    else:
        with pytest.raises(PackageError, match="package id"):
            Package(id=package_id, title="Başlıq")


def test_an_amendment_amends_one_act_and_has_operations() -> None:
    with pytest.raises(PackageError, match="one amendment amends one act"):
        Amendment(id="1", act=CC, operations=[DeleteWords(Target("dv-law", "1.0.1"), old="yaxın")])
    with pytest.raises(PackageError, match="has no operations"):
        Amendment(id="1", act=CC, operations=[])


EVERY_KIND = [
    SubstituteWords(Target(CC, "61.1.8"), old="şəxsə", new="şəxslərə", occurrence=1),
    DeleteWords(Target(CC, "61.1.9", unit="sentence:1"), old="xüsusi"),
    InsertWords(Target(CC, "61.1.7"), anchor="qadın,", new="habelə", position="after"),
    AddProvision(Target(CC, "61.1.14"), text="cinayətin uşağın gözü qarşısında törədilməsi.",
                 after="61.1.13"),
    RestateProvision(Target(CC, "61.3"), text="Yeni mətn.", heading=""),
    Repeal(Target(CC, "61.1.12")),
    Renumber(Target(CC, "61.1.13"), new_num="61.1.12"),
]


def test_a_package_round_trips_through_its_dict() -> None:
    package = Package(
        id="every-kind", title="Hər növ", title_en="Every kind", status="in_review",
        authors=["rauf", "aysel"], illustrative=True,
        amendments=[Amendment(id="1", act=CC, operations=EVERY_KIND, commencement="2026-01-01",
                              justification="Əsaslandırma", justification_en="Why")],
        comments=[Comment(author="aysel", text="Razıyam", amendment="1")],
    )
    data = package.to_dict()
    assert data["acts"] == [CC]
    assert [op["kind"] for op in data["amendments"][0]["operations"]] == [
        "substitute", "delete", "insert", "add", "restate", "repeal", "renumber"
    ]
    assert Package.from_dict(data) == package
    with pytest.raises(PackageError, match=r"unknown fields \['colour'\]"):
        Package.from_dict(data | {"colour": "red"})


# The 2024 law read from its text in the corpus: item → its operations (kind, provision).
ITEMS_2024 = {
    "1": [("delete", "preamble")],
    "2.1": [("delete", "1.0.1"), ("substitute", "1.0.1")],
    "2.2": [("substitute", "1.0.2")],
    "2.3": [("substitute", "1.0.3"), ("substitute", "1.0.4"), ("substitute", "1.0.5"),
            ("substitute", "1.0.6")],
    "2.4": [("substitute", "1.0.8")],
    "3.1": [("insert", "4.0.1")],
    "3.2": [("delete", "4.0.4")],
    "4.1": [("insert", "7.0.1")],
}


def test_the_real_2024_law_is_imported_item_by_item(corpus) -> None:  # type: ignore[no-untyped-def]
    shipped = load("dv-law-2024", corpus.folder)
    package = shipped.package
    assert (package.status, package.illustrative, package.acts) == ("adopted", False, ["dv-law"])
    assert {a.id: [(op.kind, op.target.num) for op in a.operations]
            for a in package.amendments} == ITEMS_2024
    assert all(a.commencement == "2024-03-29" for a in package.amendments)
    first = package.amendment("2.1").operations[1]
    assert (first.old, first.new) == ("şamil edildiyi", "4-cü maddəsində göstərilən")


def test_the_2024_law_is_read_by_the_formula_parser(corpus) -> None:  # type: ignore[no-untyped-def]
    text = (corpus.folder / "az/dv-law/2024-amending-law.partial.txt").read_text("utf-8")
    items = parse_amending_law(text, "dv-law")
    # `2. 1-ci maddə üzrə:` heads items 2.1–2.4 and changes nothing itself
    assert [i.item for i in items] == ["1", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "4.1", "4.2"]
    assert [i.item for i in items if i.incomplete] == ["4.2"]
    assert load("dv-law-2024").problems[-1][0] == "4.2"


@pytest.mark.parametrize("name", ["mq-legal-status", "uadm-legal-base"])
def test_the_illustrative_drafts_are_marked_and_justified(name: str) -> None:
    package = load(name).package
    assert package.illustrative
    assert "illüstrativ" in package.title and "illustrative" in package.title_en
    assert len(package.amendments) >= 6
    for amendment in package.amendments:
        assert amendment.justification and amendment.justification_en, amendment.id


# Targets of the drafts that lie beyond the opening of a partial act, on purpose.
BEYOND_AN_OPENING = {("uadm-legal-base", "4"): "7.0.1"}


@pytest.mark.parametrize("name", ["mq-legal-status", "uadm-legal-base"])
def test_the_drafts_target_real_provisions_of_the_corpus(corpus, name: str) -> None:  # type: ignore[no-untyped-def]
    package = load(name).package
    real = 0
    for amendment in package.amendments:
        act = corpus.act(amendment.act)
        for op in amendment.operations:
            if (name, amendment.id) in BEYOND_AN_OPENING:
                assert not act.complete and act.find(op.target.num) is None
                continue
            num = Num.parse(op.target.num)
            existing = num.parent if op.kind == "add" else num
            assert existing is not None and act.find(existing.text) is not None, op.target
            real += 1
    assert real >= 6


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_package_loads_under_its_file_name(corpus, name: str) -> None:  # type: ignore[no-untyped-def]
    shipped = load(name, corpus.folder)
    assert shipped.package.id == name
    assert shipped.package.amendments


def test_a_package_becomes_amends_edges_of_the_law_graph() -> None:
    from amendments.packages_graph import amends_edges
    from corpus.graph import AMENDS, LawGraph

    package = load("mq-legal-status").package
    edges = amends_edges(package)
    assert len(edges) == 7
    assert edges[1].act == "civil-procedure-code" and edges[1].eid == "art_355-1__para_1"
    assert edges[1].date == "2027-01-01" and edges[3].date == ""
    graph = LawGraph()
    assert graph.add_amends(edges) == 7
    targets = {t for _, t, k in graph.graph.out_edges("package:mq-legal-status", keys=True)
               if k == AMENDS}
    assert "criminal-code#art_61__para_1__point_8" in targets
