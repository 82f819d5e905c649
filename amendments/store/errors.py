"""What the store refuses, each with a message that names the package, the actor and the rule."""

from __future__ import annotations

from amendments.workflow import RoleRefused, TransitionRefused, WorkflowError


class StoreError(RuntimeError):
    """Base of every refusal of the store; nothing was written when one is raised."""


class NotFound(StoreError):
    pass


class AlreadyExists(StoreError):
    pass


class StaleWrite(StoreError):
    """The write was based on a version another writer has since replaced."""


class ImportRefused(StoreError):
    """A package file that is not a Qanun package export, or not one this version reads."""


__all__ = [
    "AlreadyExists",
    "ImportRefused",
    "NotFound",
    "RoleRefused",
    "StaleWrite",
    "StoreError",
    "TransitionRefused",
    "WorkflowError",
]
