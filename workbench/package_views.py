"""The Packages page's list, creation form, amendment table and editors, workflow and audit trail.

Every write goes through `workbench.package_writes`, which names the version the user read and
shows the store's refusals; nothing here decides what is allowed.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import streamlit as st

from amendments.consolidate import preview
from amendments.operations import UNKNOWN, AddProvision, Operation
from amendments.packages import Amendment, Package, PackageError
from amendments.workflow import TRANSITIONS
from workbench import amendment_form, package_writes
from workbench.session import current, labeller, t

# The package to open on the next run (the selectbox cannot be changed once it is drawn).
OPEN_NEXT = "pkg_open_next"


def summaries_table(summaries: list[Any]) -> None:
    lang = current().lang
    st.dataframe(
        [
            {
                t("packages.col_id"): s.id,
                t("packages.col_title"): (s.title_en if lang == "en" and s.title_en else s.title),
                t("packages.col_status"): t(f"status.{s.status}"),
                t("packages.col_version"): s.version,
                t("packages.col_amendments"): s.amendments,
                t("packages.col_illustrative"): "✓" if s.illustrative else "",
            }
            for s in summaries
        ],
        hide_index=True, width="stretch",
    )


def create_form(store: Any) -> None:
    with st.form("pkg_create", clear_on_submit=False):
        st.markdown(f"**{t('packages.new')}**")
        package_id = st.text_input(t("packages.new_id"), help=t("packages.new_id_help"))
        title = st.text_input(t("packages.new_title"))
        title_en = st.text_input(t("packages.new_title_en"))
        purpose = st.text_area(t("packages.new_purpose"))
        purpose_en = st.text_area(t("packages.new_purpose_en"))
        illustrative = st.checkbox(t("packages.new_illustrative"))
        if not st.form_submit_button(t("packages.create")):
            return
    viewer = current()
    try:
        package = Package(
            id=package_id.strip(), title=title, title_en=title_en, purpose=purpose,
            purpose_en=purpose_en, illustrative=illustrative, authors=[viewer.name],
        )
    except PackageError as error:
        st.error(t("packages.refused", reason=str(error)))
        return
    created = package_writes.write(
        store, viewer, package.id, lambda _version: store.create(package, actor=viewer.name),
        t("packages.created", id=package.id),
    )
    if created:
        st.session_state[OPEN_NEXT] = package.id
    st.rerun()


def package_header(package: Package) -> None:
    lang = current().lang
    title = package.title_en if lang == "en" and package.title_en else package.title
    purpose = package.purpose_en if lang == "en" and package.purpose_en else package.purpose
    st.subheader(title)
    if package.illustrative:
        st.warning(t("packages.illustrative"))
    st.caption(t("packages.facts", status=t(f"status.{package.status}"), version=package.version,
                 authors=", ".join(package.authors) or "—", acts=", ".join(package.acts) or "—"))
    if purpose:
        st.markdown(purpose)


def stale_notice(store: Any, package: Package) -> None:
    """Say when the package changed since the user read it, and show a refused stale write."""
    seen = package_writes.seen_version(package.id, package.version)
    found = package_writes.conflict(package.id)
    if found is not None:
        st.error(t("packages.conflict", reason=found.message))
        mine, theirs = st.columns(2)
        mine.markdown(f"**{t('packages.conflict_mine')}**")
        mine.json(found.attempted, expanded=True)
        theirs.markdown(f"**{t('packages.conflict_theirs', version=package.version)}**")
        amendment_id = found.attempted.get("id")
        stored = package.amendment(amendment_id) if amendment_id else None
        theirs.json(stored.to_dict() if stored else package.to_dict()["amendments"], expanded=True)
    elif seen != package.version:
        st.warning(t("packages.changed_since", seen=seen, now=package.version))
    if seen != package.version and st.button(t("packages.reload"), key="pkg_reload"):
        package_writes.remember(package.id, package.version)
        package_writes.drop_conflict()
        st.rerun()


def amendments_table(package: Package) -> None:
    if not package.amendments:
        st.info(t("packages.no_amendments"))
        return
    st.dataframe(
        [
            {
                "№": a.id,
                t("packages.col_act"): a.act,
                t("packages.col_targets"): ", ".join(a.targets),
                t("packages.col_operation"): "; ".join(map(_operation_summary, a.operations)),
                t("packages.col_justification"): a.justification,
                t("packages.col_commencement"): a.commencement,
            }
            for a in package.amendments
        ],
        hide_index=True, width="stretch",
    )


def _operation_summary(op: Operation) -> str:
    words = [getattr(op, name, "") for name in ("old", "anchor", "new", "new_num")]
    shown = " → ".join(f"“{w}”" for w in words if w)
    return f"{t(f'operations.{op.kind}')} {op.target.num}" + (f": {shown}" if shown else "")


def add_amendment(store: Any, corpus: Any, package: Package) -> None:
    key = f"add_{package.id}"
    picked = amendment_form.pick_target(corpus, key, package.acts[0] if package.acts else None)
    kinds = list(amendment_form.OPERATION_INPUTS)
    kind = st.selectbox(t("amend.operation"), kinds, key=f"{key}_kind",
                        format_func=labeller("operations"))
    if picked.current_text:
        with st.expander(t("amend.current_text")):
            st.text(picked.current_text)
    with st.form(f"{key}_form"):
        values = amendment_form.operation_inputs(kind, key)
        fields = amendment_form.amendment_fields(key)
        submitted = st.form_submit_button(t("amend.add"))
    if not submitted:
        return
    viewer = current()
    try:
        # The wording before and after is kept with the amendment, so the documents read it.
        amendment = preview(amendment_form.new_amendment(
            package.next_amendment_id(), kind, picked, values, fields
        ), corpus)
    except (PackageError, ValueError) as error:
        st.error(t("packages.refused", reason=str(error)))
        return
    package_writes.write(
        store, viewer, package.id,
        lambda version: store.add_amendment(
            package.id, amendment, actor=viewer.name, expected_version=version
        ),
        t("amend.added", id=amendment.id), attempted=amendment.to_dict(),
    )
    st.rerun()


def edit_amendment(store: Any, corpus: Any, package: Package) -> None:
    if not package.amendments:
        return
    ids = [a.id for a in package.amendments]
    chosen = st.selectbox(t("amend.choose"), ids, key=f"edit_{package.id}_choice")
    amendment = package.amendment(chosen)
    if amendment is None:
        return
    key = f"edit_{package.id}_{chosen}"
    operation = amendment.operations[0]
    single = len(amendment.operations) == 1
    with st.form(f"{key}_form"):
        st.caption(f"{amendment.act} · {', '.join(amendment.targets)} · "
                   f"{t(f'operations.{operation.kind}')}")
        values = (
            amendment_form.operation_inputs(operation.kind, key, _inputs_of(operation))
            if single else {}
        )
        if not single:
            st.info(t("amend.several_operations"))
        fields = amendment_form.amendment_fields(key, amendment)
        save = st.form_submit_button(t("amend.save"))
        remove = st.form_submit_button(t("amend.remove"))
    if save:
        _save_edit(store, corpus, package, amendment, values, fields)
    elif remove:
        _remove(store, package, amendment)


def _inputs_of(operation: Operation) -> dict[str, str]:
    data = {f.name: getattr(operation, f.name) for f in dataclasses.fields(operation)}
    if isinstance(operation, AddProvision):
        data["new_num"] = operation.target.num
    return {k: v for k, v in data.items() if isinstance(v, str)}


def _save_edit(
    store: Any, corpus: Any, package: Package, amendment: Amendment, values: dict[str, str],
    fields: dict[str, str],
) -> None:
    viewer = current()
    commencement = fields["commencement"].strip() or UNKNOWN
    try:
        operations = list(amendment.operations)
        if values:
            changes = {k: v for k, v in values.items() if k != "new_num"}
            operations[0] = dataclasses.replace(operations[0], commencement=commencement, **changes)
        edited = preview(dataclasses.replace(
            amendment, operations=operations, justification=fields["justification"],
            justification_en=fields["justification_en"], commencement=commencement,
        ), corpus)
    except (PackageError, ValueError, TypeError) as error:
        st.error(t("packages.refused", reason=str(error)))
        return
    package_writes.write(
        store, viewer, package.id,
        lambda version: store.replace_amendment(
            package.id, edited, actor=viewer.name, expected_version=version
        ),
        t("amend.saved", id=amendment.id), attempted=edited.to_dict(),
    )
    st.rerun()


def _remove(store: Any, package: Package, amendment: Amendment) -> None:
    viewer = current()
    package_writes.write(
        store, viewer, package.id,
        lambda version: store.remove_amendment(
            package.id, amendment.id, actor=viewer.name, expected_version=version
        ),
        t("amend.removed", id=amendment.id), attempted=amendment.to_dict(),
    )
    st.rerun()


def workflow_panel(store: Any, package: Package) -> None:
    st.markdown(t("packages.status_now", status=t(f"status.{package.status}")))
    targets = TRANSITIONS.get(package.status, ())
    if not targets:
        st.info(t("packages.final"))
    columns = st.columns(max(len(targets), 1))
    for column, target in zip(columns, targets, strict=False):
        if column.button(t(f"transition.{target}"), key=f"to_{target}"):
            _move(store, package, target)
    _comments(store, package)


def _move(store: Any, package: Package, target: str) -> None:
    """Ask the store to move the package; the store, not the page, knows who may."""
    viewer = current()
    package_writes.write(
        store, viewer, package.id,
        lambda version: store.set_status(
            package.id, target, actor=viewer.name, expected_version=version
        ),
        t("packages.moved", status=t(f"status.{target}")),
        attempted={"status": target},
    )
    st.rerun()


def _comments(store: Any, package: Package) -> None:
    st.markdown(f"#### {t('packages.comments')}")
    for comment in package.comments:
        on = comment.amendment
        where = f" · {t('packages.on_amendment', id=on)}" if on else ""
        st.markdown(f"**{comment.author}** · {comment.at[:16]}{where}  \n{comment.text}")
    with st.form(f"comment_{package.id}", clear_on_submit=True):
        text = st.text_area(t("packages.comment"))
        if st.form_submit_button(t("packages.add_comment")):
            viewer = current()
            package_writes.write(
                store, viewer, package.id,
                lambda version: store.add_comment(
                    package.id, text, actor=viewer.name, expected_version=version
                ),
                t("packages.commented"),
            )
            st.rerun()


def audit_panel(store: Any, package: Package) -> None:
    st.dataframe(
        [
            {
                t("audit.version"): e.version, t("audit.at"): e.at[:19], t("audit.actor"): e.actor,
                t("audit.role"): t(f"roles.{e.role}"), t("audit.action"): e.action,
                t("audit.what"): e.what,
            }
            for e in store.audit(package.id)
        ],
        hide_index=True, width="stretch",
    )
