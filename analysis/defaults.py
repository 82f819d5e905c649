"""Defaults of a comparison, kept apart so that the command line can show them without loading
the model."""

DEFAULT_SEED = 20260101
DEFAULT_DRAWS = 1000
