"""A cold build of a corpus on the machine's cores: the main process learns the repair lexicon
while a helper process builds the trees, then both repair, each its share of the acts.

Learning the lexicon (counting the words of the raw texts, training the `Respacer`) takes about
as long as building every tree (`parse_structure`, which needs no lexicon), so the two run side
by side. The acts are split in two shares of equal estimated repair cost; the helper builds the
trees of the main process's share first and hands each one over as soon as it is built, then
builds and later repairs its own. Any act nobody has claimed when the respacer is ready is
parsed and repaired whole by whichever process is free, so a slow start on either side evens
out. Everything handed over travels as a pickle in a scratch folder with a note on the pipe,
so neither process ever blocks on the other's reading.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import shutil
import tempfile
from contextlib import suppress
from multiprocessing.connection import Connection, wait
from pathlib import Path

from corpus.manifest import Entry
from corpus.model import Act
from corpus.parse import Draft, parse_act, parse_structure, repair_act
from corpus.processes import fork_is_safe, gc_paused
from corpus.readers import read_text
from corpus.respace import Respacer, lexicon_paths

_PARALLEL_BYTES = 2_000_000
# Repair cost in "characters": one `ə` standing alone costs as much as a hundred characters of
# text to scan (fitted on the codes: 14 µs an ` ə `, 0.13 s a megabyte).
_GLYPH_COST = 100

_Job = tuple[str, Entry]
_Note = tuple[str, int] | BaseException | None  # ("draft"|"act", index), a failure, or done


def build(root: Path, entries: list[Entry]) -> list[Act]:
    """Parse every entry of the manifest at `root`, in parallel when it pays."""
    with gc_paused():
        return _build(root, entries)


def _build(root: Path, entries: list[Entry]) -> list[Act]:
    sources = [read_text(root / entry.path) for entry in entries]
    workers = min(os.cpu_count() or 1, 4)
    if workers < 2 or not fork_is_safe() or sum(map(len, sources)) < _PARALLEL_BYTES:
        respacer = Respacer.default(root)
        return [parse_act(s, e, respacer) for s, e in zip(sources, entries, strict=True)]
    paths = {root / e.path: s for s, e in zip(sources, entries, strict=True)}
    # the lexicon's texts as `Respacer.default` reads them; its counts do not depend on order
    lexicon = [paths.get(p) or p.read_text(encoding="utf-8", errors="replace")
               for p in lexicon_paths(root)]
    return _Build(list(zip(sources, entries, strict=True)), lexicon, workers - 1).run()


def _repair_cost(source: str) -> int:
    return len(source) + _GLYPH_COST * source.count(" ə ")


class _Build:
    """One parallel build: the queue of acts, the helpers and what they have handed over."""

    def __init__(self, jobs: list[_Job], lexicon: list[str], helpers: int) -> None:
        self.jobs = jobs
        self.lexicon = lexicon
        self.helpers = helpers
        costs = [_repair_cost(source) for source, _ in jobs]
        # largest first to the lighter share; the main process's share is queued first, so
        # the helpers build its trees before their own
        loads = [0] * (helpers + 1)
        shares: list[list[int]] = [[] for _ in loads]
        for index in sorted(range(len(jobs)), key=lambda i: -costs[i]):
            lightest = loads.index(min(loads))
            shares[lightest].append(index)
            loads[lightest] += costs[index]
        self.order = [index for share in shares for index in share]
        self.ours = frozenset(shares[0])
        context = multiprocessing.get_context("fork")  # the sources reach the helpers unpickled
        self.context = context
        self.next = context.Value("i", 0)  # position in `order` of the next act to claim
        self.acts: dict[int, Act] = {}
        self.drafts: list[int] = []  # trees handed over, waiting for the main's repair
        self.folder = Path(tempfile.mkdtemp(prefix="qanun-build-", dir=_scratch_dir()))

    def claim(self) -> int | None:
        """The index of the next act nobody has claimed, or None when all are claimed."""
        with self.next.get_lock():
            position = self.next.value
            if position >= len(self.order):
                return None
            self.next.value = position + 1
        return self.order[position]

    def run(self) -> list[Act]:
        pipes: list[Connection] = []
        processes = []
        try:
            for _ in range(self.helpers):
                ours, theirs = self.context.Pipe()
                process = self.context.Process(target=self._helper, args=(theirs,), daemon=True)
                process.start()
                theirs.close()  # so that a helper's death reads as the end of its pipe
                pipes.append(ours)
                processes.append(process)
            respacer = Respacer.from_texts(self.lexicon)
            for pipe in pipes:
                with suppress(OSError):  # a helper gone: its last note, read below, says why
                    pipe.send(respacer)
            busy = list(pipes)
            while True:
                busy = self._receive(busy, block=False)
                if self.drafts:
                    index = self.drafts.pop(0)
                    self.acts[index] = repair_act(self._load(index), respacer)
                elif (index := self.claim()) is not None:
                    self.acts[index] = parse_act(*self.jobs[index], respacer)
                elif busy:
                    busy = self._receive(busy, block=True)
                else:
                    break
            return [self.acts[i] for i in range(len(self.jobs))]
        except BaseException:
            for process in processes:
                process.kill()  # it may be waiting for a respacer that will never come
            raise
        finally:
            for process in processes:
                process.join(timeout=5)
            shutil.rmtree(self.folder, ignore_errors=True)

    def _receive(self, busy: list[Connection], block: bool) -> list[Connection]:
        """Take in the helpers' notes (all waiting ones, or at least one when `block`); the
        helpers still at work."""
        if block:
            wait(busy)
        still = []
        for pipe in busy:
            done = False
            while not done and pipe.poll():
                try:
                    note: _Note = pipe.recv()
                except EOFError:
                    raise RuntimeError("a corpus build helper died without a word") from None
                if isinstance(note, BaseException):
                    raise RuntimeError(f"a corpus build helper failed: {note!r}") from note
                if note is None:
                    done = True
                elif note[0] == "draft":
                    self.drafts.append(note[1])
                else:
                    self.acts[note[1]] = self._load(note[1])
            if not done:
                still.append(pipe)
        return still

    def _load(self, index: int) -> Act | Draft:
        path = self.folder / f"{index}.pickle"
        loaded = pickle.loads(path.read_bytes())
        path.unlink()
        return loaded

    def _hand_over(self, pipe: Connection, kind: str, index: int, value: Act | Draft) -> None:
        (self.folder / f"{index}.pickle").write_bytes(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        pipe.send((kind, index))

    def _helper(self, pipe: Connection) -> None:
        try:
            kept: list[tuple[int, Draft]] = []
            # until the respacer arrives, build trees: the main's to hand over, ours to keep
            while not pipe.poll() and (index := self.claim()) is not None:
                draft = parse_structure(*self.jobs[index])
                if index in self.ours:
                    self._hand_over(pipe, "draft", index, draft)
                else:
                    kept.append((index, draft))
            respacer = pipe.recv()
            for index, draft in kept:
                self._hand_over(pipe, "act", index, repair_act(draft, respacer))
            while (index := self.claim()) is not None:
                self._hand_over(pipe, "act", index, parse_act(*self.jobs[index], respacer))
            pipe.send(None)
        except Exception as error:  # reported to the main process, which raises it with context
            pipe.send(error)


def _scratch_dir() -> str | None:
    """Shared memory when the system has it: what is handed over never needs a disk."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None
