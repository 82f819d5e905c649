"""Qanun: a legal-drafting and policy-impact workbench for domestic-violence law reform."""

__version__ = "0.1.0"
