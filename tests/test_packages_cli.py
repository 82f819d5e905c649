"""`qanun package …`, `qanun compare` and `qanun seed` through the real typer app, on a SQLite
file per test; the `--json` shapes are stable interfaces and are checked key by key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qanun.cli.main import app

runner = CliRunner()

SUMMARY_KEYS = {"id", "title", "title_en", "status", "version", "updated", "illustrative",
                "amendments"}
PACKAGE_KEYS = {"id", "title", "title_en", "purpose", "purpose_en", "status", "authors",
                "illustrative", "acts", "amendments", "comments", "created", "updated", "version"}
REPORT_KEYS = {"package", "title", "title_en", "illustrative", "acts", "applied", "failed",
               "conflicts", "dangling", "references_checked", "partial_acts", "provisions", "stats"}


def qanun(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, corpus) -> str:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'qanun.sqlite'}"
    code, out, err = qanun("seed", "--db", url, "--json")
    assert code == 0, err
    assert json.loads(out)["created"] == ["dv-law-2024", "mq-legal-status", "uadm-legal-base"]
    return url


def test_seed_is_idempotent(seeded: str) -> None:
    code, out, _ = qanun("seed", "--db", seeded, "--json")
    assert code == 0
    assert json.loads(out) == {
        "created": [], "kept": ["dv-law-2024", "mq-legal-status", "uadm-legal-base"],
        "users": ["drafter", "qanun", "viewer"],
    }


def test_list_and_show_in_json(seeded: str) -> None:
    summaries = json.loads(qanun("package", "list", "--db", seeded, "--json")[1])
    assert [s["id"] for s in summaries] == ["dv-law-2024", "mq-legal-status", "uadm-legal-base"]
    assert all(set(s) == SUMMARY_KEYS for s in summaries)
    assert [s["illustrative"] for s in summaries] == [False, True, True]
    shown = json.loads(qanun("package", "show", "mq-legal-status", "--db", seeded, "--json")[1])
    assert set(shown) == PACKAGE_KEYS
    assert shown["amendments"][1]["current_text"].startswith("Məişət zorakılığı ilə bağlı")
    assert "yerli monitorinq qrupu" in shown["amendments"][1]["proposed_text"]


@pytest.mark.parametrize(("lang", "mark"), [("az", "NÜMUNƏ (İLLÜSTRATİV)"), ("en", "ILLUSTRATIVE")])
def test_the_illustrative_drafts_are_marked_in_both_languages(seeded: str, lang: str,
                                                             mark: str) -> None:
    code, out, _ = qanun("package", "list", "--db", seeded, "--lang", lang)
    assert code == 0
    lines = [line for line in out.splitlines() if mark in line]
    assert [line.split()[0] for line in lines] == ["mq-legal-status", "uadm-legal-base"]


def test_consolidate_reports_what_applied_and_what_failed(seeded: str) -> None:
    code, out, _ = qanun("package", "consolidate", "dv-law-2024", "--db", seeded, "--json")
    assert code == 0
    report = json.loads(out)
    assert set(report) == REPORT_KEYS
    assert report["stats"] == {"operations": 12, "applied": 6, "failed": 6, "conflicts": 0,
                               "dangling": 0}
    assert {f["num"] for f in report["failed"]} == {"1.0.5", "1.0.6", "1.0.8", "4.0.1", "4.0.4",
                                                    "7.0.1"}
    assert report["partial_acts"] == ["dv-law"]


def test_compare_two_and_three_ways(seeded: str) -> None:
    code, out, _ = qanun("compare", "dv-law", "--package", "dv-law-2024", "--db", seeded, "--json")
    assert code == 0
    two = json.loads(out)
    changed = {p["num"]: p for p in two["provisions"]}
    assert set(changed) == {"preamble", "1.0.1", "1.0.2", "1.0.3", "1.0.4"}
    assert changed["1.0.1"]["deleted_words"] == 3 and changed["1.0.1"]["inserted_words"] == 3
    code, out, _ = qanun("compare", "civil-procedure-code", "--package", "mq-legal-status",
                         "--other", "uadm-legal-base", "--num", "355-4.5", "--db", seeded,
                         "--json")
    assert code == 0
    [row] = json.loads(out)["provisions"]
    merged = row["three_way"]["merged"]
    assert row["three_way"]["conflicts"] == 0
    assert "tibbi, psixoloji, sosial və ya hüquqi yardımın" in merged
    assert "355-4.5.5. qətnamənin icrasına nəzarətdə yerli monitorinq qrupunun" in merged


def test_a_package_from_creation_to_export_and_import(tmp_path: Path, corpus) -> None:  # type: ignore[no-untyped-def]
    db = f"sqlite:///{tmp_path / 'one.sqlite'}"
    other = f"sqlite:///{tmp_path / 'two.sqlite'}"
    assert qanun("package", "user", "aysel", "approver", "--db", db)[0] == 0
    assert qanun("package", "user", "rauf", "drafter", "--by", "aysel", "--db", db)[0] == 0
    code, out, err = qanun("package", "create", "cc-61", "--title", "61-ci maddə", "--user",
                           "rauf", "--db", db, "--json")
    assert code == 0, err
    assert json.loads(out) == {"id": "cc-61", "version": 1, "status": "draft"}
    code, out, err = qanun(
        "package", "add", "cc-61", "--user", "rauf", "--act", "criminal-code", "--formula",
        "61.1.9-cu maddədə “xüsusi amansızlıqla” sözləri “xüsusi amansızlıqla və ya ailə "
        "üzvünə qarşı” sözləri ilə əvəz edilsin.", "--justification", "Məişət zəmini",
        "--commencement", "2026-09-01", "--db", db, "--json",
    )
    assert code == 0, err
    added = json.loads(out)
    assert added["version"] == 2
    assert added["amendment"]["proposed_text"].startswith(
        "cinayətin zərərçəkmiş şəxsə qarşı xüsusi amansızlıqla və ya ailə üzvünə qarşı")
    code, _, err = qanun("package", "status", "cc-61", "agreed", "--user", "rauf", "--db", db)
    assert code == 2 and "a package in status draft cannot move to agreed" in err
    assert qanun("package", "status", "cc-61", "in_review", "--user", "rauf", "--db", db)[0] == 0
    code, _, err = qanun("package", "status", "cc-61", "agreed", "--user", "rauf", "--db", db)
    assert code == 2 and "only an approver moves a package" in err
    code, _, err = qanun("package", "comment", "cc-61", "Köhnə versiyaya", "--user", "aysel",
                         "--expect", "2", "--db", db)
    assert code == 2 and "someone saved it in between" in err
    assert qanun("package", "status", "cc-61", "agreed", "--user", "aysel", "--db", db)[0] == 0
    history = json.loads(qanun("package", "history", "cc-61", "--db", db, "--json")[1])
    assert [(e["version"], e["action"], e["actor"]) for e in history] == [
        (1, "create", "rauf"), (2, "add", "rauf"), (3, "status", "rauf"), (4, "status", "aysel")
    ]
    path = tmp_path / "cc-61.json"
    assert qanun("package", "export", "cc-61", "--out", str(path), "--db", db)[0] == 0
    assert qanun("package", "user", "aysel", "approver", "--db", other)[0] == 0
    code, out, err = qanun("package", "import", str(path), "--user", "aysel", "--db", other,
                           "--json")
    assert code == 0, err
    assert json.loads(out) == {"id": "cc-61", "version": 4, "status": "agreed"}
    first = json.loads(qanun("package", "show", "cc-61", "--db", db, "--json")[1])
    second = json.loads(qanun("package", "show", "cc-61", "--db", other, "--json")[1])
    assert first == second


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("package", "show", "no-such"), "no package 'no-such' in the store"),
        (("package", "add", "mq-legal-status", "--user", "drafter", "--act", "dv-law",
          "--formula", "bu heç nə demir"), "formula not understood"),
        (("package", "status", "dv-law-2024", "withdrawn", "--user", "viewer"),
         "cannot move to withdrawn"),
        (("package", "comment", "mq-legal-status", "Baxdım", "--user", "viewer"),
         "viewer is a viewer and may not comment"),
        (("package", "at", "dv-law", "01.01.2025"), "neither an ISO date"),
        (("compare", "dv-law", "--package", "mq-legal-status", "--other", "no-such"),
         "no package 'no-such'"),
    ],
)
def test_bad_requests_get_a_clear_error(seeded: str, args: tuple[str, ...], message: str) -> None:
    code, out, err = qanun(*args, "--db", seeded)
    assert code == 2
    assert message in err
    assert out == ""


def test_point_in_time_from_the_cli(seeded: str) -> None:
    code, out, _ = qanun("package", "at", "dv-law", "2025-01-01", "--package", "dv-law-2024",
                         "--num", "1.0.1", "--db", seeded, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["in_force"] is True
    assert data["provision"]["text"].startswith("məişət zorakılığı - qohumluq münasibətlərindən")
    assert data["stats"]["partial"] == 1


def test_compare_two_publications_of_the_dv_law(seeded: str) -> None:
    code, out, _ = qanun("compare", "dv-law", "--expression",
                         "az/dv-law/2010-original.president.partial.txt", "--db", seeded, "--json")
    assert code == 0
    data = json.loads(out)
    # The second publication runs further into 1.0.5, where the e-qanun excerpt stops.
    assert [(p["num"], p["state"]) for p in data["provisions"]] == [("1.0.5", "changed")]
    assert data["provisions"][0]["deleted_words"] == 0
    assert data["unchanged"] >= 6
    code, _, err = qanun("compare", "dv-law", "--expression", "no/such.txt", "--db", seeded)
    assert code == 2 and "dv-law has no expression 'no/such.txt'" in err


# People's wording comes from the templates in both languages: (command, language, a line of it).
TEXT_OUTPUTS = (
    (("package", "consolidate", "uadm-legal-base", "--no-references"), "en",
     "7 of 8 operations applied, 1 failed, 0 conflict(s), 0 dangling reference(s)."),
    (("package", "consolidate", "uadm-legal-base", "--no-references"), "az",
     "8 əməliyyatdan 7 tətbiq edildi, 1 tətbiq edilmədi; ziddiyyət: 0; sahibsiz qalan istinad: 0."),
    (("package", "show", "mq-legal-status"), "en",
     "ILLUSTRATIVE: a draft written by the Qanun team to show the workflow; not an official "
     "proposal."),
    (("package", "show", "dv-law-2024"), "az", "Status: adopted   Versiya: 1   Aktlar: dv-law"),
    (("package", "at", "dv-law", "2009-01-01"), "en", "dv-law as at 2009-01-01: not yet in force"),
    (("package", "at", "dv-law", "2009-01-01"), "az",
     "dv-law 2009-01-01 tarixinə: hələ qüvvədə deyil"),
)


@pytest.mark.parametrize(("args", "lang", "line"), TEXT_OUTPUTS)
def test_text_output_in_both_languages(seeded: str, args: tuple[str, ...], lang: str,
                                       line: str) -> None:
    code, out, err = qanun(*args, "--db", seeded, "--lang", lang)
    assert code == 0, err
    assert line in out.splitlines()


@pytest.mark.slow
def test_consolidate_finds_dangling_references_through_the_whole_law_graph(
    tmp_path: Path, corpus  # type: ignore[no-untyped-def]
) -> None:
    db = f"sqlite:///{tmp_path / 'graph.sqlite'}"
    operations = tmp_path / "repeal.json"
    operations.write_text(json.dumps([
        {"kind": "repeal", "target": {"act": "civil-procedure-code", "num": "355-4.4"}}
    ]), encoding="utf-8")
    assert qanun("package", "user", "ana", "approver", "--db", db)[0] == 0
    assert qanun("package", "create", "repeal-355-4-4", "--title", "Ləğv", "--user", "ana",
                 "--db", db)[0] == 0
    code, _, err = qanun("package", "add", "repeal-355-4-4", "--user", "ana", "--act",
                         "civil-procedure-code", "--operations", str(operations), "--db", db)
    assert code == 0, err
    code, out, err = qanun("package", "consolidate", "repeal-355-4-4", "--db", db, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["references_checked"] is True
    citers = {(d["source"]["act"], d["source"]["num"]) for d in report["dangling"]}
    assert ("civil-procedure-code", "355-4.5") in citers
    assert all(d["target"]["num"] == "355-4.4" and d["cause"] == "repeal"
               for d in report["dangling"])
