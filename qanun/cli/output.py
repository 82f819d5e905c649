"""How every command prints: JSON for programs (`--json`, a stable interface), text for people."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print a clear error to stderr and return the Exit to raise."""
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code)
