"""Commands given what they cannot use say so clearly, exit 2, and write nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("command", [["amend", "parse"], ["amend", "apply", "--act", "dv-law",
                                                          "--instructions"]])
def test_a_text_without_items_is_refused(tmp_path: Path, command: list[str]) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("Bu, qanun deyil.\nSadəcə qeydlər.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "qanun", *command, str(junk)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert "notes.txt: no numbered items" in result.stderr


def test_a_report_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "report.docx"
    result = subprocess.run([sys.executable, "-m", "qanun", "scenarios", "report", "S1", "--out",
                             str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert "is not a folder" in result.stderr and not out.parent.exists()
