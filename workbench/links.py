"""Links between provisions: every provision has an address `law?act=…&eid=…` on the Law page.

Links keep the user's session (language, name, role), unlike a plain URL typed into the browser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

# Absolute, because the entry point is not always beside the pages (the test harness runs it).
LAW_PAGE = Path(__file__).resolve().parent.parent / "app_pages" / "law.py"


def provision_link(act: str, eid: str, label: str, container: Any = st) -> None:
    """A link that opens provision `eid` of `act` on the Law page."""
    container.page_link(LAW_PAGE, label=label, query_params={"act": act, "eid": eid})
