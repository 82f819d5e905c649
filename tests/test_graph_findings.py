"""The law graph built on two cores is the graph built in one process, node for node and edge
for edge, also when the forked worker fails or dies (its acts are then done by the parent)."""

from __future__ import annotations

import dataclasses
import logging
import os
import threading
from types import SimpleNamespace

import pytest

import corpus.graph_findings as findings
from corpus.graph import LawGraph, build_graph_of

# Four acts that cite one another, hold defined terms and read the whole citation grammar:
# the notes of Articles 157-158 of the Code of Administrative Offences cite the Criminal Code
# and the DV law, whose Article 1 defines the terms the codes use.
ACTS = ("dv-law", "criminal-code", "administrative-offences-code", "family-code")


def _content(graph: LawGraph) -> dict[str, list]:  # type: ignore[type-arg]
    """Everything a graph holds, in the order it holds it."""
    return {
        "nodes": list(graph.graph.nodes(data=True)),
        "edges": list(graph.graph.edges(keys=True, data=True)),
        "references": [dataclasses.asdict(r) for r in graph.references],
    }


@pytest.fixture(scope="module")
def acts(corpus):  # type: ignore[no-untyped-def]
    return [corpus.act(work) for work in ACTS]


@pytest.fixture(scope="module")
def serial(acts):  # type: ignore[no-untyped-def]
    return _content(build_graph_of(acts, workers=1))


def _die() -> None:
    os._exit(3)  # as the kernel's OOM killer would end it: no message, no clean-up


def _raise_in_worker(parent: int):  # type: ignore[no-untyped-def]
    real = findings._findings

    def patched(act, resolver, terms):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            raise ValueError(f"cannot read {act.work_id}")
        return real(act, resolver, terms)

    return patched


def test_two_processes_build_the_same_graph(acts, serial) -> None:  # type: ignore[no-untyped-def]
    parallel = _content(build_graph_of(acts, workers=2))
    assert len(serial["references"]) > 1000
    assert parallel == serial


@pytest.mark.parametrize(("failure", "warning"), [
    ("dies", "ended without sending"),
    ("raises", "cannot read"),
])
def test_a_failed_worker_leaves_its_acts_to_the_parent(  # type: ignore[no-untyped-def]
        acts, serial, failure, warning, monkeypatch, caplog):
    if failure == "dies":
        monkeypatch.setattr(findings, "_worker", lambda *_: _die())
    else:
        monkeypatch.setattr(findings, "_findings", _raise_in_worker(os.getpid()))
    with caplog.at_level(logging.WARNING, logger="corpus.graph_findings"):
        parallel = _content(build_graph_of(acts, workers=2))
    assert warning in caplog.text
    assert parallel == serial


def test_small_corpora_stay_in_one_process(acts, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(findings.multiprocessing, "get_context",
                        lambda *_: pytest.fail("a worker was forked"))
    graph = build_graph_of(acts[:1])  # the DV law alone: far below the size that pays a fork
    assert graph.references


PARALLEL_CASES = [
    # (characters of text, workers asked for, cores, inside a daemonic process, threads, forks)
    (5_000_000, None, 2, False, 1, True),  # the corpus: about 5.2 million characters
    (5_000_000, None, 1, False, 1, False),
    (100_000, None, 2, False, 1, False),  # the DV law alone
    (100_000, 2, 2, False, 1, True),
    (5_000_000, 1, 2, False, 1, False),
    (5_000_000, 2, 2, True, 1, False),  # a pool's worker may not have children
    (5_000_000, None, 2, False, 6, False),  # the workbench's server: threads hold locks
]


@pytest.mark.parametrize(("chars", "workers", "cores", "daemon", "threads", "forks"),
                         PARALLEL_CASES)
def test_when_a_worker_is_forked(  # type: ignore[no-untyped-def]
        chars, workers, cores, daemon, threads, forks, monkeypatch):
    monkeypatch.setattr(findings.os, "cpu_count", lambda: cores)
    monkeypatch.setattr(findings.multiprocessing, "current_process",
                        lambda: SimpleNamespace(daemon=daemon))
    monkeypatch.setattr(threading, "active_count", lambda: threads)
    assert findings._parallel(chars, workers) is forks
