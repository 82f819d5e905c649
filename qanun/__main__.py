"""`python -m qanun` runs the CLI."""

from qanun.cli.main import main

main()
