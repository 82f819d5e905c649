"""The status workflow of a package and the roles that may move it.

A package goes `draft → in_review → agreed → submitted → adopted`, or is `withdrawn`; only the
transitions in `TRANSITIONS` exist, and only an approver moves a package to `agreed` or beyond.
The store calls these checks inside every write, so no screen or script can skip them.
"""

from __future__ import annotations

from typing import Literal, get_args

Status = Literal["draft", "in_review", "agreed", "submitted", "adopted", "withdrawn"]
Role = Literal["viewer", "drafter", "approver"]

STATUSES: tuple[Status, ...] = get_args(Status)
ROLES: tuple[Role, ...] = get_args(Role)

# A package returned from review goes back to draft; an agreed one may be reopened for review.
# Adopted and withdrawn are final: an adopted law is changed by a new package, not by this one.
TRANSITIONS: dict[Status, tuple[Status, ...]] = {
    "draft": ("in_review", "withdrawn"),
    "in_review": ("draft", "agreed", "withdrawn"),
    "agreed": ("in_review", "submitted", "withdrawn"),
    "submitted": ("adopted", "withdrawn"),
    "adopted": (),
    "withdrawn": (),
}

# Statuses at or beyond agreement: reaching them, or leaving them, takes an approver.
APPROVED: frozenset[Status] = frozenset({"agreed", "submitted", "adopted"})
# Amendments can be edited only while the text is still being drafted or reviewed.
EDITABLE: frozenset[Status] = frozenset({"draft", "in_review"})


class WorkflowError(ValueError):
    """A change the workflow or the roles do not allow; the message says which rule."""


class TransitionRefused(WorkflowError):
    pass


class RoleRefused(WorkflowError):
    pass


def check_status(value: str) -> Status:
    if value not in STATUSES:
        raise WorkflowError(f"unknown status {value!r}: expected one of {', '.join(STATUSES)}")
    return value  # type: ignore[return-value]


def check_role(value: str) -> Role:
    if value not in ROLES:
        raise WorkflowError(f"unknown role {value!r}: expected one of {', '.join(ROLES)}")
    return value  # type: ignore[return-value]


def check_transition(current: Status, target: Status, role: Role, actor: str) -> None:
    """Refuse a move the workflow does not have, or one the actor's role may not make.

    >>> check_transition("draft", "in_review", "drafter", "aysel")
    >>> check_transition("in_review", "agreed", "drafter", "x")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    RoleRefused: x is a drafter: only an approver moves a package from in_review to agreed
    """
    check_status(target)
    if target not in TRANSITIONS[current]:
        allowed = ", ".join(TRANSITIONS[current]) or "none (final status)"
        raise TransitionRefused(
            f"a package in status {current} cannot move to {target}; allowed: {allowed}"
        )
    check_write(role, actor, "change the status of a package")
    if role != "approver" and (target in APPROVED or current in APPROVED):
        raise RoleRefused(
            f"{actor} is a {role}: only an approver moves a package from {current} to {target}"
        )


def check_write(role: Role, actor: str, what: str) -> None:
    """Viewers read; drafters and approvers write."""
    if role == "viewer":
        raise RoleRefused(f"{actor} is a viewer and may not {what}")


def check_editable(status: Status, what: str) -> None:
    if status not in EDITABLE:
        raise TransitionRefused(
            f"cannot {what}: the package is {status}; amendments change only in draft or in_review"
        )


def check_creatable(status: Status, role: Role, actor: str) -> None:
    """A package created or imported directly at agreed or beyond needs an approver too."""
    check_write(role, actor, "create or import a package")
    if status in APPROVED and role != "approver":
        raise RoleRefused(
            f"{actor} is a {role}: only an approver may store a package that is already {status}"
        )
