"""A cold build of a corpus on the machine's cores, in two stages that share their workers.

Stage 1: each worker builds the trees of its share of the texts and counts the words of those
that teach the repair lexicon. The counts are merged into one `Respacer` (exactly what
`Respacer.default` would learn). Stage 2: each worker repairs the acts it already holds and sends
them back. The trees never cross a process boundary twice, and the lexicon's counting overlaps
the parsing instead of preceding it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from multiprocessing.connection import Connection
from pathlib import Path

from corpus.manifest import Entry
from corpus.model import Act
from corpus.parse import parse_act, parse_structure, repair_act
from corpus.readers import read_text
from corpus.respace import Respacer, lexicon_paths
from corpus.respace_lexicon import clean_tokens

_PARALLEL_BYTES = 2_000_000
_Job = tuple[int, str, Entry, bool]  # index, source, entry, whether the lexicon learns from it


def build(root: Path, entries: list[Entry]) -> list[Act]:
    """Parse every entry of the manifest at `root`, in parallel when it pays."""
    sources = [read_text(root / entry.path) for entry in entries]
    workers = min(os.cpu_count() or 1, 4)
    if workers < 2 or sum(map(len, sources)) < _PARALLEL_BYTES:
        respacer = Respacer.default(root)
        return [parse_act(s, e, respacer) for s, e in zip(sources, entries, strict=True)]
    learns = set(lexicon_paths(root))
    jobs = [(i, s, e, root / e.path in learns) for i, (s, e) in
            enumerate(zip(sources, entries, strict=True))]
    unread = learns - {root / e.path for e in entries}  # lexicon texts outside the manifest
    return _in_workers(_balance(jobs, workers), unread)


def _balance(jobs: list[_Job], workers: int) -> list[list[_Job]]:
    """Largest first to the least loaded worker."""
    shares: list[list[_Job]] = [[] for _ in range(workers)]
    loads = [0] * workers
    for job in sorted(jobs, key=lambda j: -len(j[1])):
        lightest = loads.index(min(loads))
        shares[lightest].append(job)
        loads[lightest] += len(job[1])
    return [share for share in shares if share]


def _in_workers(shares: list[list[_Job]], unread: set[Path]) -> list[Act]:
    context = multiprocessing.get_context("fork")  # the sources reach the workers unpickled
    pipes, processes = [], []
    for share in shares:
        ours, theirs = context.Pipe()
        process = context.Process(target=_worker, args=(theirs, share), daemon=True)
        process.start()
        pipes.append(ours)
        processes.append(process)
    try:
        tokens: Counter[str] = Counter()
        for path in unread:
            tokens.update(clean_tokens(path.read_text(encoding="utf-8", errors="replace")))
        for pipe in pipes:
            tokens.update(_receive(pipe))
        respacer = Respacer.from_token_counts(tokens)
        for pipe in pipes:
            pipe.send(respacer)
        acts: dict[int, Act] = {}
        for pipe in pipes:
            acts.update(_receive(pipe))
        return [acts[i] for i in sorted(acts)]
    finally:
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()


def _receive(pipe: Connection) -> object:
    message = pipe.recv()
    if isinstance(message, BaseException):
        raise RuntimeError(f"a corpus build worker failed: {message!r}") from message
    return message


def _worker(pipe: Connection, share: list[_Job]) -> None:
    try:
        drafts = {i: parse_structure(source, entry) for i, source, entry, _ in share}
        tokens: Counter[str] = Counter()
        for _, source, _, learns in share:
            if learns:
                tokens.update(clean_tokens(source))
        pipe.send(tokens)
        respacer = pipe.recv()
        pipe.send({i: repair_act(draft, respacer) for i, draft in drafts.items()})
    except Exception as error:  # reported to the parent, which raises it with context
        pipe.send(error)
