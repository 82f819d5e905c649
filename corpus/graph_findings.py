"""The references and term uses of every act of a corpus, found on two cores when it pays.

Finding and resolving the citations of the fifteen codes is most of a graph's build. A worker
forked once the resolver and the term index exist shares them, and the parsed acts, without any
pickling; it and the parent take acts from one shared queue, largest first, so neither waits
long for the other at the end whatever else the machine is running. Only the findings travel
back (about 1 MB for the corpus). The result is the same, in the same order, as one process's.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.sharedctypes import Synchronized

from corpus.model import Act, Reference
from corpus.processes import can_fork, fork_is_safe
from corpus.references_extract import extract_references
from corpus.references_nlp import pipeline
from corpus.resolve import Resolver
from corpus.terms import TermIndex, TermUse

Findings = tuple[list[Reference], list[TermUse]]

# Below this much text (a test's two laws) a fork costs more than the work it shares.
_PARALLEL_CHARS = 1_500_000
# The worker's share takes about a second; a worker silent this long is taken for lost.
_WORKER_WAIT_SECONDS = 120
_log = logging.getLogger(__name__)


def find_all(acts: list[Act], resolver: Resolver, terms: TermIndex, *,
             meanwhile: Callable[[], None], workers: int | None = None) -> list[Findings]:
    """The findings of each act, in the order of `acts`. `meanwhile` is the parent's own work
    (the graph's provision nodes), run while the worker has already started; `workers` 1 or 2
    forces one process or two, None decides by the machine and the amount of text."""
    sizes = [_text_size(act) for act in acts]
    if not _parallel(sum(sizes), workers):
        meanwhile()
        return [_findings(act, resolver, terms) for act in acts]
    text_by_language: Counter[str] = Counter()
    for act, size in zip(acts, sizes, strict=True):
        text_by_language[act.language] += size
    main = text_by_language.most_common(1)[0][0]
    # The pipeline most of the text needs is made once, here, and both processes have it.
    pipeline(main)
    # Acts in other languages first: their blank pipeline is a start-up cost of its own, best
    # paid before the queue runs out. Then the largest first, so the last acts taken are small.
    order = sorted(range(len(acts)), key=lambda i: (acts[i].language == main, -sizes[i]))
    context = multiprocessing.get_context("fork")  # the acts reach the worker unpickled
    taken = context.Value("i", 0)
    ours, theirs = context.Pipe(duplex=False)
    process = context.Process(target=_worker, args=(theirs, acts, order, taken, resolver, terms),
                              daemon=True)
    process.start()
    theirs.close()  # so that a worker that dies gives EOF here instead of a wait forever
    try:
        meanwhile()
        found = dict(_take(acts, order, taken, resolver, terms))
        found.update(_receive(ours))
        # A worker that failed or died leaves its acts to the parent: the graph is still
        # whole, and an error in one act's text is raised here, with its own traceback.
        return [found[index] if index in found else _findings(act, resolver, terms)
                for index, act in enumerate(acts)]
    finally:
        ours.close()
        process.join(timeout=5)
        if process.is_alive():
            process.kill()


def _parallel(chars: int, workers: int | None) -> bool:
    if not can_fork():
        return False
    if workers is not None:
        return workers > 1
    return fork_is_safe() and (os.cpu_count() or 1) > 1 and chars >= _PARALLEL_CHARS


def _text_size(act: Act) -> int:
    return sum(len(provision.text) for provision in act.walk())


def _findings(act: Act, resolver: Resolver, terms: TermIndex) -> Findings:
    return extract_references(act, resolver=resolver), list(terms.uses(act))


def _take(acts: list[Act], order: list[int], taken: Synchronized, resolver: Resolver,
          terms: TermIndex) -> Iterator[tuple[int, Findings]]:
    """The acts this process takes from the shared queue, with their findings."""
    while True:
        with taken.get_lock():
            position = taken.value
            taken.value = position + 1
        if position >= len(order):
            return
        index = order[position]
        yield index, _findings(acts[index], resolver, terms)


def _worker(pipe: Connection, acts: list[Act], order: list[int], taken: Synchronized,
            resolver: Resolver, terms: TermIndex) -> None:
    try:
        pipe.send(dict(_take(acts, order, taken, resolver, terms)))
    except Exception:  # reported to the parent, which does the acts again itself
        pipe.send(traceback.format_exc())
    finally:
        pipe.close()


def _receive(pipe: Connection) -> dict[int, Findings]:
    """The worker's findings, or none (with a warning) if it failed, died or hung."""
    try:
        if not pipe.poll(_WORKER_WAIT_SECONDS):
            _log.warning("the reference worker sent nothing in %s s", _WORKER_WAIT_SECONDS)
            return {}
        message = pipe.recv()
    except EOFError:
        _log.warning("the reference worker ended without sending its findings")
        return {}
    if isinstance(message, str):
        _log.warning("the reference worker failed:\n%s", message)
        return {}
    return message
