"""Why an operation cannot be applied to a text, in a drafter's words."""

from __future__ import annotations


class ApplyError(ValueError):
    """An operation that cannot be applied; the message says why in a drafter's words."""


class AmbiguousWords(ApplyError):
    """The words occur more than once and the formula does not say which."""
