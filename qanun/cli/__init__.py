"""The command-line interface; `qanun.cli.main` assembles it from one module per wing."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    # `from qanun.cli import app` without importing every wing when one command module is used
    if name in ("app", "main"):
        from qanun.cli import main as assembled

        return getattr(assembled, name)
    raise AttributeError(name)
