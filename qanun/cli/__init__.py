"""The command-line interface; `qanun.cli.main` assembles it."""
