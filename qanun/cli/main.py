"""The `qanun` command: one typer app; each wing's commands live in a module of this package."""

from __future__ import annotations

import typer

from qanun.cli import corpus, export, graph, history, packages, scenarios

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)
for module in (corpus, graph, history, packages, export, scenarios):
    module.register(app)


def main() -> None:
    app()
