"""`qanun refs` and `qanun graph …` run as a user runs them, with their stable JSON shapes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx


def qanun(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "qanun", *args], capture_output=True, text=True,
                          timeout=300)


def test_refs_json_shape_and_targets() -> None:
    result = qanun("refs", "administrative-offences-code", "--from", "158", "--json")
    assert result.returncode == 0, result.stderr
    references = json.loads(result.stdout)
    for reference in references:
        assert set(reference) == {"source", "text", "span", "targets", "status"}
        assert set(reference["source"]) == {"act", "eid", "num"}
        assert all(set(t) == {"act", "eid", "num"} for t in reference["targets"])
        assert reference["source"]["eid"].startswith("art_158")
    by_text = {r["text"]: r for r in references}
    own = by_text["Bu Məcəllənin 158.1 və 158.2-ci maddələrində"]
    assert [t["num"] for t in own["targets"]] == ["158.1", "158.2"]
    assert own["targets"][0] == {"act": "administrative-offences-code",
                                 "eid": "art_158__para_1", "num": "158.1"}
    dv_law = next(r for r in references if r["targets"][0]["act"] == "dv-law")
    assert dv_law["targets"] == [{"act": "dv-law", "eid": "art_4", "num": "4"}]
    assert dv_law["status"] == "unresolved"
    into_criminal_code = [r for r in references if r["targets"][0]["act"] == "criminal-code"]
    assert into_criminal_code and into_criminal_code[0]["status"] == "resolved"


def test_refs_errors_name_the_problem() -> None:
    unknown = qanun("refs", "tax-code", "--json")
    assert unknown.returncode == 2 and "tax-code" in unknown.stderr
    missing = qanun("refs", "criminal-code", "--from", "9999", "--json")
    assert missing.returncode == 2 and "9999" in missing.stderr


def test_graph_impact_stats_and_export(tmp_path: Path) -> None:
    result = qanun("graph", "impact", "criminal-code", "128", "--depth", "2", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"act", "eid", "num", "depth", "count", "impact"}
    assert (data["act"], data["eid"], data["num"]) == ("criminal-code", "art_128", "128")
    assert data["count"] == len(data["impact"]) > 0
    first = next(i for i in data["impact"] if i["eid"] == "art_132")
    assert set(first) == {"act", "eid", "num", "distance", "path"}
    assert first["distance"] == 1
    assert [step["eid"] for step in first["path"]] == ["art_128", "art_132"]

    stats = json.loads(qanun("graph", "stats", "--json").stdout)
    assert set(stats) == {"nodes", "edges", "references", "most_depended_on"}
    assert set(stats["edges"]) == {"contains", "cites", "uses-term", "amends"}
    assert len(stats["most_depended_on"]) == 20
    assert set(stats["most_depended_on"][0]) == {"act", "eid", "num", "in_degree", "score",
                                                 "pagerank"}

    out = tmp_path / "law.graphml"
    exported = qanun("graph", "export", "--format", "graphml", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert nx.read_graphml(out).number_of_nodes() == stats["nodes"]

    bad = qanun("graph", "export", "--format", "dot", "--out", str(tmp_path / "x.dot"))
    assert bad.returncode == 2 and "dot" in bad.stderr
    unknown = qanun("graph", "impact", "criminal-code", "9999")
    assert unknown.returncode == 2 and "9999" in unknown.stderr
