"""A package's consolidation preview (redline, conflicts, dangling references) and its Word files."""

from __future__ import annotations

from typing import Any

from amendments.packages import Package
from workbench.state import optional


def preview(corpus: Any, package: Package) -> None:
    optional("amendments.consolidate", "consolidate")


def documents(corpus: Any, package: Package) -> None:
    optional("amendments.consolidate", "consolidate")
