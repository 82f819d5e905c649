"""A word-level comparison (`amendments.compare.Diff`) drawn as a redline in HTML.

Deleted words are struck through in red, inserted words underlined in green, as in the
comparative table; every character of the wording is escaped before it is marked.
"""

from __future__ import annotations

import html

from amendments.compare import Diff

_STYLE = (
    "<style>.qanun-redline{line-height:1.6;white-space:pre-wrap}"
    ".qanun-redline del{color:#b3261e;background:#fde7e9}"
    ".qanun-redline ins{color:#1b5e20;background:#e6f4ea}</style>"
)
_TAGS = {"equal": ("", ""), "delete": ("<del>", "</del>"), "insert": ("<ins>", "</ins>")}


def redline_html(diff: Diff) -> str:
    """`<del>yaxın </del>` and `<ins>…</ins>` around the changed runs, the rest as it is.

    >>> from amendments.compare import compare
    >>> redline_html(compare("yaxın qohum", "qohum"))[-60:]
    '<div class="qanun-redline"><del>yaxın </del>qohum</div>'
    """
    runs = "".join(
        f"{_TAGS[op.tag][0]}{html.escape(op.text)}{_TAGS[op.tag][1]}" for op in diff.ops if op.text
    )
    return f'{_STYLE}<div class="qanun-redline">{runs}</div>'
