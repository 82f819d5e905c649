"""The one way Qanun opens its jinja2 templates (`templates/`): strict, plain text.

Every generated wording — drafting formulas, Word documents, reports, CLI reports — is rendered
from an environment made here, so a missing variable is an error, never an empty string, and
nothing is HTML-escaped (the outputs are legal text, not web pages).
"""

from __future__ import annotations

import jinja2

from qanun.settings import TEMPLATES_DIR


def environment(*folder: str, blocks: str = "plain") -> jinja2.Environment:
    """An environment over `templates/<folder…>`.

    `blocks="tidy"` trims the newline after a block tag and the indentation before it and keeps
    the file's last newline: for multi-line reports; `"plain"` leaves both, for one-line formulas.
    """
    tidy = blocks == "tidy"
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR.joinpath(*folder)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=tidy,
        trim_blocks=tidy,
        lstrip_blocks=tidy,
    )
