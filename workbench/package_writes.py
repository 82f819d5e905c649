"""Every change the Packages page makes goes through here: signed in, version named, refusals shown.

The page remembers the version of each package the user last read; a write names that version,
so the store refuses it when someone else saved in between (`StaleWrite`) and the page shows the
conflict instead of overwriting. Refusals of the workflow or the role are shown as the store words
them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from amendments.packages import PackageError
from amendments.store import StaleWrite, StoreError, WorkflowError
from workbench.session import Viewer, t

REGISTRAR = "qanun-workbench"
_SEEN = "pkg_seen_versions"
_FLASH = "pkg_flash"
_CONFLICT = "pkg_conflict"


@dataclass(frozen=True)
class Conflict:
    """A refused stale write: what the user tried, on which version, and the store's message."""

    package: str
    seen_version: int
    message: str
    attempted: dict[str, Any]


def sign_in(store: Any, viewer: Viewer) -> None:
    """Record the name and role chosen in the top bar as a user of the store.

    The store checks every write against the role it has on record for the actor. The workbench
    has no passwords: it registers the top bar's choice on the authority of an approver on
    record; in an empty store it first records its own approver account, `REGISTRAR`.
    """
    users = store.users()
    if users.get(viewer.name) == viewer.role:
        return
    if not users:
        store.add_user(REGISTRAR, "approver")
        users = {REGISTRAR: "approver"}
    approver = REGISTRAR if users.get(REGISTRAR) == "approver" else next(
        (name for name, role in users.items() if role == "approver"), None
    )
    store.add_user(viewer.name, viewer.role, by=approver)


def seen_version(package_id: str, stored_version: int) -> int:
    """The version of `package_id` the user last read; the first look reads the stored one."""
    seen = st.session_state.setdefault(_SEEN, {})
    return seen.setdefault(package_id, stored_version)


def remember(package_id: str, version: int) -> None:
    st.session_state.setdefault(_SEEN, {})[package_id] = version


def write(
    store: Any, viewer: Viewer, package_id: str, change: Callable[[int], int], done: str,
    attempted: dict[str, Any] | None = None,
) -> bool:
    """Run `change(expected_version)` as the signed-in user; show what happened on the next run."""
    expected = st.session_state.setdefault(_SEEN, {}).get(package_id, 0)
    try:
        sign_in(store, viewer)
        version = change(expected)
    except StaleWrite as error:
        st.session_state[_CONFLICT] = Conflict(package_id, expected, str(error), attempted or {})
        return False
    except (StoreError, WorkflowError, PackageError) as error:
        flash("error", t("packages.refused", reason=str(error)))
        return False
    remember(package_id, version)
    st.session_state.pop(_CONFLICT, None)
    flash("success", done)
    return True


def flash(kind: str, text: str) -> None:
    st.session_state[_FLASH] = (kind, text)


def show_flash() -> None:
    """The outcome of the last write (kept across the rerun that follows it)."""
    found = st.session_state.pop(_FLASH, None)
    if found is None:
        return
    kind, text = found
    (st.error if kind == "error" else st.success)(text)


def conflict(package_id: str) -> Conflict | None:
    found = st.session_state.get(_CONFLICT)
    return found if found is not None and found.package == package_id else None


def drop_conflict() -> None:
    st.session_state.pop(_CONFLICT, None)
