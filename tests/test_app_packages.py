"""The Packages page in AppTest against a real SQLite store: create, amend, workflow, conflicts."""

from __future__ import annotations

from pathlib import Path

from app_fixtures import data_folder, open_page

from amendments.store import open_store

__all__ = ["data_folder", "open_page"]

PACKAGE = "mq-status"
# Article 1.0.1 of the DV law as the corpus has it (2010 wording).
DV_101 = "art_1__para_0__point_1"


def _create(at, package_id: str = PACKAGE) -> None:
    form = at.get("form")[0]
    inputs = {ti.label: ti for ti in form.text_input}
    inputs["Identifier"].set_value(package_id)
    inputs["Title (Azerbaijani)"].set_value("Monitorinq qruplarının hüquqi statusu")
    inputs["Title (English)"].set_value("Legal status of Monitoring Groups")
    next(b for b in at.button if b.label == "Create the package").click().run()


def _add_substitution(at, old: str, new: str, commencement: str = "unknown") -> None:
    key = f"add_{PACKAGE}"
    at.selectbox(key=f"{key}_act").set_value("dv-law").run()
    at.selectbox(key=f"{key}_dv-law_article").set_value("art_1").run()
    at.selectbox(key=f"{key}_dv-law_art_1_provision").set_value(DV_101).run()
    at.selectbox(key=f"{key}_kind").set_value("substitute").run()
    at.text_input(key=f"{key}_substitute_old").set_value(old)
    at.text_input(key=f"{key}_substitute_new").set_value(new)
    at.text_area(key=f"{key}_just").set_value("Yaxın qohumluq tələbi çox dardır.")
    at.text_input(key=f"{key}_commencement").set_value(commencement)
    next(b for b in at.button if b.label == "Add the amendment").click().run()


def _store(folder: Path):
    return open_store(f"sqlite:///{folder / 'qanun.sqlite'}")


def test_a_drafter_creates_a_package_and_the_audit_names_her(open_page, data_folder) -> None:
    at = open_page("packages", user="Aysel", role="drafter")
    _create(at)
    assert not at.exception
    assert [s.value for s in at.success] == [f"Package {PACKAGE} created."]
    assert at.selectbox(key="pkg_selected").value == PACKAGE
    trail = _store(data_folder).audit(PACKAGE)
    assert [(e.actor, e.role, e.action) for e in trail] == [("Aysel", "drafter", "create")]


def test_a_viewer_may_not_create_a_package(open_page, data_folder) -> None:
    at = open_page("packages", user="Murad", role="viewer")
    _create(at)
    assert [e.value for e in at.error] == [
        "Not saved: Murad is a viewer and may not create or import a package"
    ]
    assert _store(data_folder).list() == []


def test_an_amendment_is_stored_and_its_redline_shown(open_page, data_folder) -> None:
    at = open_page("packages", user="Aysel", role="drafter")
    _create(at)
    _add_substitution(at, "yaxın qohumluq", "qohumluq")
    assert [s.value for s in at.success] == ["Amendment 1 added."]
    stored = _store(data_folder).get(PACKAGE).amendments[0]
    operation = stored.operations[0]
    assert (operation.target.act, operation.target.num, operation.target.eid) == (
        "dv-law", "1.0.1", DV_101)
    assert (operation.old, operation.new) == ("yaxın qohumluq", "qohumluq")
    assert stored.current_text.startswith("məişət zorakılığı - yaxın qohumluq münasibətlərindən")
    assert stored.proposed_text.startswith("məişət zorakılığı - qohumluq münasibətlərindən")
    redlines = [h.proto.body for h in at.get("html")]
    assert any("<del>yaxın </del>qohumluq münasibətlərindən" in body for body in redlines)
    assert [m.value for m in at.metric][:2] == ["1", "0"]


def test_an_invalid_commencement_date_is_refused(open_page, data_folder) -> None:
    at = open_page("packages", user="Aysel", role="drafter")
    _create(at)
    _add_substitution(at, "yaxın qohumluq", "qohumluq", commencement="29.03.2024")
    assert [e.value for e in at.error] == [
        "Not saved: commencement '29.03.2024' is neither an ISO date nor 'unknown'"
    ]
    assert _store(data_folder).get(PACKAGE).amendments == []


def test_only_an_approver_agrees_a_package(open_page, data_folder) -> None:
    at = open_page("packages", user="Aysel", role="drafter")
    _create(at)
    at.button(key="to_in_review").click().run()
    assert [s.value for s in at.success] == ["The package is now in review."]
    at.button(key="to_agreed").click().run()
    assert [e.value for e in at.error] == [
        "Not saved: Aysel is a drafter: only an approver moves a package from in_review to agreed"
    ]
    assert _store(data_folder).get(PACKAGE).status == "in_review"
    at.selectbox(key="role_en").set_value("approver").run()
    at.button(key="to_agreed").click().run()
    assert _store(data_folder).get(PACKAGE).status == "agreed"
    actors = [(e.actor, e.role, e.action) for e in _store(data_folder).audit(PACKAGE)]
    assert actors[-1] == ("Aysel", "approver", "status")


def test_a_stale_edit_shows_the_conflict_and_overwrites_nothing(open_page, data_folder) -> None:
    at = open_page("packages", user="Aysel", role="drafter")
    _create(at)
    _add_substitution(at, "yaxın qohumluq", "qohumluq")
    store = _store(data_folder)
    version = store.get(PACKAGE).version
    store.add_comment(PACKAGE, "1.0.1 üçün başqa variant var", actor="qanun-workbench",
                      expected_version=version)
    key = f"edit_{PACKAGE}_1"
    at.text_input(key=f"{key}_substitute_new").set_value("ailə")
    next(b for b in at.button if b.label == "Save the changes").click().run()
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and errors[0].startswith(
        "Your change was not saved because the package changed in the meantime."
    )
    assert "nothing was written" in errors[0]
    package = _store(data_folder).get(PACKAGE)
    assert package.amendments[0].operations[0].new == "qohumluq"
    assert [c.text for c in package.comments] == ["1.0.1 üçün başqa variant var"]
    at.button(key="pkg_reload").click().run()
    assert not at.error


def test_the_three_word_documents_are_offered_in_both_languages(open_page) -> None:
    at = open_page("packages", user="Aysel", role="drafter")
    _create(at)
    _add_substitution(at, "yaxın qohumluq", "qohumluq")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == [
        "Download the amending law (.docx)", "Download the comparative table (.docx)",
        "Download the text with tracked changes (.docx)",
    ]
    assert all(b.proto.deferred_file_id for b in at.get("download_button"))


def test_the_comparative_table_it_offers_holds_the_redline(open_page, data_folder) -> None:
    import io

    import docx

    from amendments.word.from_package import document_input
    from workbench.consolidation_views import document_bytes
    from workbench.state import _corpus

    at = open_page("packages", user="Aysel", role="drafter")
    _create(at)
    _add_substitution(at, "yaxın qohumluq", "qohumluq")
    package = _store(data_folder).get(PACKAGE)
    data = document_bytes(_corpus(), package, "comparative-table", "en", document_input)
    cells = [c.text for t in docx.Document(io.BytesIO(data)).tables for r in t.rows
             for c in r.cells]
    assert any(c.startswith("məişət zorakılığı - yaxın qohumluq") for c in cells)
    assert any(c.startswith("məişət zorakılığı - qohumluq münasibətlərindən") for c in cells)
    assert "Yaxın qohumluq tələbi çox dardır." in cells
