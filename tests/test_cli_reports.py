"""The text output of the corpus and graph commands, rendered from `templates/cli/` in both
languages, says the same as their JSON."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from qanun.cli.main import app

runner = CliRunner()

REPORTS = [
    # (command, words the text must hold)
    (["corpus", "show", "criminal-code", "128"], ["— 128. Qəsdən sağlamlığa yüngül zərər vurma",
                                                 "[art_128]", "[210] 2 iyul 2001-ci il"]),
    (["corpus", "show", "dv-law", "1.0.1", "--lang", "en"], ["— 1.0.1 [art_1__para_0__point_1]",
                                                            "“Domestic violence”"]),
    (["corpus", "build", "--lang", "az"], ["criminal-code", "maddə", "mətn,"]),
    (["corpus", "build"], ["criminal-code", "articles", "texts in"]),
    (["graph", "impact", "dv-law", "1.0.1", "--lang", "az"], ["müddəasından asılıdır"]),
    (["graph", "impact", "dv-law", "1.0.1"], ["provisions depend on dv-law 1.0.1 (depth 3)"]),
]


@pytest.mark.parametrize(("args", "words"), REPORTS, ids=[" ".join(r[0]) for r in REPORTS])
def test_text_reports(args: list[str], words: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    for word in words:
        assert word in result.output


def test_refs_text_lists_what_the_json_lists() -> None:
    text = runner.invoke(app, ["refs", "criminal-code", "--from", "128"])
    data = runner.invoke(app, ["refs", "criminal-code", "--from", "128", "--json"])
    assert text.exit_code == data.exit_code == 0
    found = json.loads(data.output)
    assert text.output.rstrip().endswith(f"{len(found)} istinad")
    assert len(text.output.strip().splitlines()) == len(found) + 1


def test_an_unknown_report_language_is_a_clear_error() -> None:
    result = runner.invoke(app, ["graph", "impact", "dv-law", "1.0.1", "--lang", "fr"])
    assert result.exit_code != 0
    assert "--lang must be az or en" in result.output
