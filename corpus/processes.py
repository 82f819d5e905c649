"""What a process does around building many objects on several cores: keep the cyclic garbage
collector out of the build, and tell whether it may fork helpers at all."""

from __future__ import annotations

import gc
import multiprocessing
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused(*, freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection while a corpus or its graph is built or loaded.

    The trees and the graph hold few reference cycles, yet each of their hundreds of thousands
    of objects counts toward the collector's thresholds, so it would sweep the whole growing
    heap again and again for nothing (a third of the time of unpickling a corpus, a fifth of a
    graph's build). With `freeze`, what was made is then frozen: left in the youngest
    generation, it would all be walked by the first collection after the build.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


def can_fork() -> bool:
    """Whether this process can fork helpers: the platform forks, and the process is not a
    daemon (a pool's worker), which may not have children."""
    return ("fork" in multiprocessing.get_all_start_methods()
            and not multiprocessing.current_process().daemon)


def fork_is_safe() -> bool:
    """`can_fork`, in a process with one thread: a fork copies the locks other threads hold
    (the workbench's server has many), and a helper could wait on one forever."""
    return can_fork() and threading.active_count() == 1
